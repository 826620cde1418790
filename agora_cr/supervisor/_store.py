"""Where a supervisor keeps its state, so that a restarted process resumes the recording: a JSON file
(``state_file=``), or the Redis of the client's :class:`~agora_cr.RedisRateLimiter` (the fleet's).
The state holds IDs, uids, times and files; never a token, a key or a certificate."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any, Protocol

from .. import _constants as C
from ..exceptions import ConnectionError

_logger = logging.getLogger(C.LOGGER_NAME)

#: A supervisor's state in Redis lives this long after its last change (a recording lasts 72 h at most).
REDIS_TTL = 7 * 24 * 3600


class StateStore(Protocol):
    """Loads and saves one supervisor's state."""

    def load(self) -> dict[str, Any] | None: ...

    def save(self, state: dict[str, Any]) -> None: ...


class FileStore:
    """A JSON file, replaced atomically on each save."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        return data

    def save(self, state: dict[str, Any]) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, self.path)

    def __repr__(self) -> str:
        return f"FileStore({str(self.path)!r})"


class RedisStore:
    """One key in Redis (the fleet limiter's server); a save that fails is logged, never fatal."""

    def __init__(self, url: str, key: str, socket_timeout: float = 0.5) -> None:
        import redis

        self.key = key
        self._redis = redis.Redis.from_url(
            url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout
        )

    def load(self) -> dict[str, Any] | None:
        try:
            raw = self._redis.get(self.key)
        except Exception as exc:  # redis.RedisError, OSError
            # Fail closed: a recording another process supervised may be live; starting one blind
            # could run two (or meet code 53) and overwrite its state.
            raise ConnectionError(
                None, None, f"supervisor state: Redis unreachable ({type(exc).__name__}); nothing was started"
            ) from None
        if raw is None:
            return None
        data: dict[str, Any] = json.loads(raw)
        return data

    def save(self, state: dict[str, Any]) -> None:
        try:
            self._redis.set(self.key, json.dumps(state), ex=REDIS_TTL)
        except Exception as exc:
            _logger.warning("supervisor state: not saved to Redis (%s)", type(exc).__name__)

    def __repr__(self) -> str:
        return f"RedisStore(key={self.key!r})"


def store_for(client: Any, cname: str, state_file: str | os.PathLike[str] | None) -> StateStore | None:
    """``state_file`` if given, else the Redis of the client's RedisRateLimiter, else none."""
    if state_file is not None:
        return FileStore(state_file)
    from ..ratelimit import RedisRateLimiter

    limiter = getattr(client._config, "rate_limit", None)
    if isinstance(limiter, RedisRateLimiter):
        app_id = client._config.app_id
        return RedisStore(limiter.url, f"{limiter.prefix}:{{{app_id}}}:supervisor:{client._mode}:{cname}")
    return None
