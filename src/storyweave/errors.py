"""The errors storyweave raises. One base, a few kinds; each carries the input and the reason.

StoryweaveError
 +-- InputError      an input (file, line, article) cannot be used; it is skipped in a batch
 +-- ConfigError     an option has a value that is not allowed; the message lists valid ones
 +-- ModelError      a model (embedder) cannot be loaded from disk
"""

from __future__ import annotations


class StoryweaveError(Exception):
    """Base of every error storyweave raises on purpose."""

    def __init__(self, message: str, *, input: str | None = None, hint: str | None = None):
        self.input = input
        self.reason = message
        self.hint = hint
        text = f"{input}: {message}" if input else message
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)


class InputError(StoryweaveError):
    """An input cannot be read or has nothing usable in it."""


class ConfigError(StoryweaveError):
    """An option or name is not one storyweave knows."""


class ModelError(StoryweaveError):
    """A model could not be loaded (nothing is downloaded at run time)."""


def unknown_choice(kind: str, name: str, options: list[str]) -> ConfigError:
    """A ConfigError that names the valid choices, spaCy style."""
    return ConfigError(f"no {kind} named {name!r}. Available: {', '.join(sorted(options))}")
