"""Logging: the ``agora_cr`` logger, and the handlers the builder's ``with_stream_log``/``with_file_log`` add.

The library installs no handler of its own on the ``agora_cr`` logger. A client built with log handlers
gets its own unregistered child logger carrying them (no global state), closed with the client.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from typing import Any

from . import _constants as C

LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


def make_file_handler(
    path: str | os.PathLike[str], level: int, max_bytes: int, backup_count: int, fmt: str | None
) -> logging.Handler:
    """A rotating UTF-8 log file."""
    handler = RotatingFileHandler(
        os.fspath(path), maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(fmt or LOG_FORMAT))
    return handler


def make_stream_handler(stream: Any, level: int, fmt: str | None) -> logging.Handler:
    """A handler writing to ``stream``."""
    handler = logging.StreamHandler(stream)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(fmt or LOG_FORMAT))
    return handler


def client_logger(handlers: Sequence[logging.Handler], level: int | None) -> logging.Logger:
    """A logger of one client: a child of ``agora_cr`` (not registered: no global state) with ``handlers``."""
    own = logging.Logger(f"{C.LOGGER_NAME}.client")
    own.parent = logging.getLogger(C.LOGGER_NAME)
    if level is not None:
        own.setLevel(level)
    for handler in handlers:
        own.addHandler(handler)
    return own


def close_handlers(logger: logging.Logger, handlers: Sequence[logging.Handler]) -> None:
    """Detach and close ``handlers`` (the ones a client owns)."""
    for handler in handlers:
        logger.removeHandler(handler)
        handler.close()


#: ``AGORA_CR_LOG`` values and the level each sets on the ``agora_cr`` logger.
ENV_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def setup_from_env() -> None:
    """``AGORA_CR_LOG=debug|info|warning``: log the ``agora_cr`` logger to stderr at that level (read once,
    at import; without it the library adds no handler). ``info`` gives one line per call."""
    level = ENV_LEVELS.get(os.environ.get(C.LOG_ENV, "").strip().lower())
    logger = logging.getLogger(C.LOGGER_NAME)
    if level is None or any(getattr(h, "_agora_cr_env", False) for h in logger.handlers):
        return
    handler = make_stream_handler(None, level, None)
    handler._agora_cr_env = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
