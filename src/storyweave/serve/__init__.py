"""The HTTP door: a JSON API and a web page over the story store (FastAPI, served by uvicorn)."""

from .app import ServeOptions, create_app
from .body import Limits
from .run import ServeSettings, serve

__all__ = ["Limits", "ServeOptions", "ServeSettings", "create_app", "serve"]
