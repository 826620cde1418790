"""What every recording client holds, sync or async: its configuration, policy and request builder.

No I/O here: ``_transport`` adds the httpx clients and drives :meth:`Policy.flow`, and ``modes`` adds the
operations of each recording mode.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from . import _constants as C
from ._config import ClientConfig, build_config, env_defaults
from ._logging import client_logger, close_handlers
from ._policy import Policy
from ._requests import Call, RequestBuilder
from ._validation import Lint
from .exceptions import ClientClosedError, ValidationError
from .regions import HostPool, RegionArea

if TYPE_CHECKING:
    from .compat.builder import ClientBuilder

ClientT = TypeVar("ClientT", bound="BaseClient")

#: Stands for the resource ID of a ``start`` checked before ``acquire`` has answered; never sent.
_PLACEHOLDER_RESOURCE_ID = "not-yet-acquired"


def _version() -> str:
    from . import __version__

    return __version__


class BaseClient:
    """Configuration, policy and request building of one recording client (no I/O)."""

    #: ``individual``, ``mix`` or ``web``; set by each mode's client class.
    _mode: ClassVar[str] = ""

    def __init__(
        self,
        app_id: str | None = None,
        customer_id: str | None = None,
        customer_secret: str | None = None,
        *,
        logger: logging.Logger | None = None,
        **options: Any,
    ) -> None:
        self._closed = True  # until fully built: a half-built client is closed (and its repr works)
        self._owned_handlers: list[logging.Handler] = []
        app_id, customer_id, customer_secret = env_defaults(app_id, customer_id, customer_secret, options)
        config = build_config(app_id, customer_id, customer_secret, **options)
        self._config: ClientConfig = config
        self._hosts = HostPool(config.hosts)
        self._logger = logger if logger is not None else logging.getLogger(C.LOGGER_NAME)
        limiter = config.rate_limit
        self._pacer = None if limiter is None else limiter.pacer(config.app_id)
        self._policy = Policy(config, self._hosts, self._logger, self._pacer)
        self._requests = RequestBuilder(config.app_id, self._mode, strict=config.strict, on_lint=self._lint)
        self._headers = {
            "Authorization": config.authorization,
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": f"{C.USER_AGENT}/{_version()}",
        }

    @classmethod
    def new_builder(cls: type[ClientT]) -> ClientBuilder[ClientT]:
        """A builder in the style of Agora's official SDK: ``.with_app_id(...)...build()``."""
        from .compat.builder import ClientBuilder

        return ClientBuilder(cls)

    # ---------------------------------------------------------------------------------- properties
    @property
    def app_id(self) -> str:
        """The App ID every call is made for."""
        return self._config.app_id

    @property
    def mode(self) -> str:
        """The recording mode: ``individual``, ``mix`` or ``web``."""
        return self._mode

    @property
    def region(self) -> RegionArea:
        """The service area whose hosts are used (when no ``base_url``/``endpoints`` were given)."""
        return self._config.region

    @property
    def endpoints(self) -> tuple[str, ...]:
        """Hosts in failover order."""
        return self._hosts.hosts

    @property
    def current_endpoint(self) -> str:
        """The host the next call goes to (sticky after a failover)."""
        return self._hosts.current

    @property
    def logger(self) -> logging.Logger:
        """The logger this client writes to (``agora_cr`` unless one was given)."""
        return self._logger

    @property
    def closed(self) -> bool:
        """True once ``close()``/``aclose()`` ran (or the constructor failed)."""
        return self._closed

    def __repr__(self) -> str:
        config: ClientConfig | None = getattr(self, "_config", None)
        if config is None:
            return f"{type(self).__name__}(<not built>)"
        return (
            f"{type(self).__name__}(app_id={config.app_id!r}, customer_id={config.customer_id!r}, "
            f"customer_secret='***', region={config.region.value!r}, endpoint={self._hosts.current!r}, "
            f"closed={self._closed})"
        )

    # ---------------------------------------------------------------------------------- logging
    def _attach_handlers(self, handlers: Sequence[logging.Handler], level: int | None) -> None:
        """Give this client its own logger carrying ``handlers`` (the builder's log options)."""
        self._logger = client_logger(handlers, level)
        self._policy.logger = self._logger
        self._owned_handlers.extend(handlers)

    def _close_handlers(self) -> None:
        close_handlers(self._logger, self._owned_handlers)
        self._owned_handlers.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise ClientClosedError()

    # ---------------------------------------------------------------------------- mode hooks
    def _start_defaults(self, client_request: dict[str, Any]) -> dict[str, Any]:
        """Complete a start ``clientRequest`` where the mode can infer what the caller left out (web
        mode: each service's name). Nothing else is added: the service applies its own defaults."""
        return client_request

    def _lint(self, operation_id: str, lint: Lint) -> None:
        """Log a lint of a request about to be sent (once per distinct request of this client)."""
        self._logger.warning(
            "%s: %s (sent as given: the service is not known to refuse it; strict=True refuses it)",
            operation_id,
            lint,
        )

    # ------------------------------------------------------------------------- recording() helpers
    def _build(self, name: str, *args: Any, **kwargs: Any) -> Call[Any]:
        """The call this client's method ``name`` would make, built (and checked) without sending."""
        for klass in type(self).__mro__:
            method = vars(klass).get(name)
            if method is not None:
                return cast("Call[Any]", method.build(self, *args, **kwargs))
        raise AttributeError(name)

    def _recording_blocks(
        self, cname: str, uid: str | int, token: str | None, start_blocks: dict[str, Any]
    ) -> dict[str, Any]:
        """``start``'s keyword arguments for ``recording()``, every input checked before ``acquire``."""
        if token is not None:
            if self._mode == "web":
                raise ValidationError(
                    "token: web recording takes no RTC token", field="token", operation="start"
                )
            start_blocks = {"token": token, **start_blocks}
        self._build("acquire", cname, uid)
        self._build("start", _PLACEHOLDER_RESOURCE_ID, cname, uid, **start_blocks)
        return start_blocks

    def _stop_failed_after_error(self, body_error: BaseException, stop_error: BaseException) -> None:
        """``stop`` failed while the ``recording()`` body was already raising: keep the body's exception
        (do not mask it), log the stop failure and attach it as ``body_error.stop_error``."""
        self._logger.error(
            "recording(): stop failed after the body raised %s: %s (resource_id=%s, sid=%s); stop it again",
            type(body_error).__name__,
            stop_error,
            getattr(stop_error, "resource_id", None),
            getattr(stop_error, "sid", None),
        )
        with contextlib.suppress(AttributeError):  # exceptions with __slots__ cannot carry it
            body_error.stop_error = stop_error  # type: ignore[attr-defined]
        add_note = getattr(body_error, "add_note", None)  # Python >= 3.11
        if add_note is not None:
            add_note(f"while handling it, recording() could not stop the session: {stop_error!r}")
