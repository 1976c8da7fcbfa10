"""storyweave: many news articles about one story -> one cited brief.

    from storyweave import read, brief
    b = brief(read("articles/"))

    from storyweave import Store
    store = Store("stories.db"); store.ingest(read("feed/")); store.stories(); store.brief(story_id)

Names are imported on first use (PEP 562), so `import storyweave.model` stays light and the
CLI starts without loading torch.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# `brief`, `read` and `render` are also submodule names: bind the functions eagerly so the
# package attribute is the function, not the module, whatever was imported before (importing
# them loads no model).
from .api import Batch, brief, prepare, read  # noqa: E402, F401  (re-exported)
from .render import render  # noqa: E402, F401  (re-exported)

_EXPORTS = {
    "Config": "config",
    "ConfigError": "errors",
    "InputError": "errors",
    "ModelError": "errors",
    "StoryweaveError": "errors",
    "Store": "stream.store",
    **{
        name: "model"
        for name in (
            "Agreement Article Brief Claim Conflict ConflictSide Entity Event Evidence Mention "
            "Quote RemovedLine Sentence Skipped SummarySentence"
        ).split()
    },
}

__all__ = sorted([*_EXPORTS, "Batch", "brief", "prepare", "read", "render", "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'storyweave' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
