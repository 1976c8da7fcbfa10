"""The Python API: the same core the CLI and the HTTP server call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .brief import brief, prepare
from .read import Batch, read

if TYPE_CHECKING:
    from .stream.store import Store

__all__ = ["Batch", "Store", "brief", "prepare", "read"]


def __getattr__(name: str) -> Any:
    # the store (SQLAlchemy) loads on first use, so `storyweave brief` starts as fast as before
    if name == "Store":
        from .stream.store import Store

        return Store
    raise AttributeError(f"module 'storyweave.api' has no attribute {name!r}")
