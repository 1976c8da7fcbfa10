"""Start the server: check the binding and the token, open the store, run uvicorn."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from .access import check_binding, read_token
from .app import ServeOptions, create_app


@dataclass(frozen=True)
class ServeSettings:
    """What `storyweave serve` was asked for."""

    db: str = "stories.db"
    host: str = "127.0.0.1"
    port: int = 8000
    token_file: Path | None = None
    private: bool = False
    config: Config = field(default_factory=Config)


def options_for(settings: ServeSettings) -> ServeOptions:
    """The app's options from the settings; refuses an unsafe binding or an unusable token."""
    token = read_token(settings.token_file) if settings.token_file else None
    check_binding(settings.host, token)
    if settings.private and token is None:
        from ..errors import ConfigError

        raise ConfigError("--private needs a token", hint="give --token-file FILE")
    return ServeOptions(token=token, private=settings.private, config=settings.config)


def serve(settings: ServeSettings) -> None:
    """Serve the store until interrupted."""
    import uvicorn

    from ..stream.store import Store

    options = options_for(settings)
    with Store(settings.db) as store:
        app = create_app(store, options)
        guard = "token required for writes" if options.token else "no token: writes open"
        if options.private:
            guard = "token required for reads and writes"
        print(f"storyweave: serving {store} ({guard})", file=sys.stderr)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
