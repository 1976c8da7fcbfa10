"""The Python API: the same core the CLI and the HTTP server call."""

from __future__ import annotations

from .brief import brief, prepare
from .read import Batch, read

__all__ = ["Batch", "brief", "prepare", "read"]
