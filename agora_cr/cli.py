"""``agora-cr``: the command line.

``agora-cr demo``
    Starts the embedded emulator and walks a whole lifecycle in each mode.
``agora-cr emulator [--port N] [--webhook-url URL --webhook-secret S]``
    Runs the emulator in the foreground (sending signed notifications to URL, if given).
``agora-cr webhook listen [--port N] [--secret S]``
    Receives notifications, verifies them and prints each as a JSON line.
``agora-cr acquire|start|query|update|update-layout|stop``
    One REST call; credentials from ``AGORA_APP_ID``, ``AGORA_CUSTOMER_ID``, ``AGORA_CUSTOMER_SECRET``
    (``AGORA_REGION``, ``AGORA_BASE_URL`` optional) or the matching options. Request blocks are read as the
    wire ``clientRequest`` JSON object (``--json FILE``, ``-`` for stdin); the result is printed as JSON.
``agora-cr record --mode M --cname C --uid U [--storage-json FILE] [--duration S] [--supervise]``
    Acquires, starts, polls the status until the duration ends or Ctrl-C, and always stops; with
    ``--supervise``, on the supervisor (restarts, migrations), state changes as JSON lines on stderr
    and the manifest as JSON on stdout.

``-v``/``--verbose`` (before or after the command) logs every HTTP exchange and retry to stderr;
``--version`` prints the version. Every error is one line on stderr; the exit status is one of
:data:`EXIT_STATUSES`.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import signal
import sys
import textwrap
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

from . import _constants as C
from ._operations import operation
from ._signals import StopSignals
from .exceptions import (
    ClientBuildException,
    ClientException,
    ClientTimeoutException,
    ConnectionError,
    InvalidResponseError,
    RateLimitTimeoutError,
    ServiceResponseException,
    ValidationError,
)
from .modes import IndividualRecordingClient, MixRecordingClient, WebRecordingClient

Client = IndividualRecordingClient | MixRecordingClient | WebRecordingClient

CLIENTS: dict[str, type[Client]] = {
    "individual": IndividualRecordingClient,
    "mix": MixRecordingClient,
    "web": WebRecordingClient,
}

# Storage used by `demo` and `record --emulator`: the emulator accepts any credentials.
DEMO_STORAGE: dict[str, Any] = {
    "vendor": 1,
    "region": 0,
    "bucket": "demo-bucket",
    "accessKey": "demo-access-key",
    "secretKey": "demo-secret-key",
    "fileNamePrefix": ["agoracr", "demo"],
}


# Indirection so tests can interrupt the polling loop without touching the global ``time`` module.
def _sleep(stop: StopSignals, seconds: float) -> bool:
    """The polling pause of ``record`` (tests replace it); ends early on a stop signal."""
    return stop.sleep(seconds)


class UsageError(Exception):
    """Bad command-line input (exit status 2)."""


#: Every exit status of ``agora-cr`` (the ``--help`` epilog and the CLI guide list them).
EXIT_STATUSES: dict[str, str] = {
    "0": "success",
    "1": "the call failed: the service answered an error, could not be reached or did "
    "not answer in time; the supervisor gave up; any other failure at run time",
    "2": "bad input or usage: options, JSON files, uid or cname, missing credentials, "
    "a port it cannot listen on",
    "130": "stopped by Ctrl-C (SIGINT), after stopping what it started",
    "143": "stopped by SIGTERM (timeout, docker stop, systemd, Kubernetes), the same way",
    "129": "stopped by SIGHUP (a closed terminal), the same way",
    "141": "its output was closed early (SIGPIPE: piped into head, for example)",
}

#: The credentials every REST command needs: (attribute, option, environment variable, words).
CREDENTIALS = (
    ("app_id", "--app-id", "AGORA_APP_ID", "App ID"),
    ("customer_id", "--customer-id", "AGORA_CUSTOMER_ID", "customer ID"),
    ("customer_secret", "--customer-secret", "AGORA_CUSTOMER_SECRET", "customer secret"),
)

#: The longest ``record --duration``: a resource ID lives at most 720 hours (``resourceExpiredHour``).
MAX_DURATION = 720 * 3600.0
#: The longest ``record --interval`` between two status queries.
MAX_INTERVAL = 3600.0


class OneLineParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors are one line on stderr (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split())
        self.exit(2, f"{self.prog}: error: {text} (see '{self.prog} --help')\n")


def port(text: str) -> int:
    """``--port``: a whole number 0..65535 (0: any free port)."""
    try:
        value = int(text, 10)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            f"cannot listen on port {text!r}: a port is a whole number 0..65535 (0: any free port)"
        )
    return value


def _seconds(limit: float) -> Any:
    """An argparse type: a number of seconds, > 0 and <= ``limit``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not 0 < value <= limit:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a number of seconds > 0 and <= {limit:.0f} ({_span(limit)})"
            )
        return value

    return parse


def _span(seconds: float) -> str:
    if seconds >= 86400:
        return f"{seconds / 86400:g} days"
    return f"{seconds / 3600:g} hour" + ("s" if seconds != 3600 else "")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("agora-cr")
    except PackageNotFoundError:  # run from a source tree that is not installed
        from . import __version__

        return __version__


def _verbose(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    """``-v`` on the top parser (default False) and on every command (not set unless given there, so a
    ``-v`` before the command is kept): accepted before or after the command."""
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help="log every HTTP exchange, failed attempt and retry to stderr",
    )


def _epilog() -> str:
    statuses = "\n".join(
        textwrap.fill(words, 90, initial_indent=f"  {code:<5}", subsequent_indent=" " * 7)
        for code, words in EXIT_STATUSES.items()
    )
    return (
        "Credentials: AGORA_APP_ID, AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET, or the options --app-id,\n"
        "--customer-id, --customer-secret; AGORA_REGION (US, EU, AP, CN); AGORA_BASE_URL or --base-url.\n"
        "-v is taken before or after the command.\n\n"
        f"Every error is one line on stderr. Exit status:\n{statuses}"
    )


# ----------------------------------------------------------------------------------------------- parsing


def _parser() -> argparse.ArgumentParser:
    from .testing import cli as emulator_cli

    parser = OneLineParser(
        prog="agora-cr",
        description="Agora Cloud Recording (REST v1) from the command line.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _verbose(parser, default=False)
    parser.add_argument("--version", action="version", version=f"agora-cr {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, **kwargs)
        _verbose(p)
        return p

    demo = command("demo", help="walk every mode's lifecycle against the embedded emulator")
    demo.add_argument(
        "--mode", choices=[*CLIENTS, "all"], default="all", help="which mode to show (default all)"
    )

    emu = command(
        "emulator",
        help="run the offline emulator in the foreground",
        description="Runs the offline emulator until Ctrl-C/SIGTERM. Prints `export AGORA_BASE_URL=...`, "
        "`AGORA_APP_ID`, `AGORA_CUSTOMER_ID`, `AGORA_CUSTOMER_SECRET` (and `AGORA_EMULATOR_PID`) lines on "
        'stdout, then closes stdout: `eval "$(agora-cr emulator &)"` sets them in a shell.',
    )
    emulator_cli.add_arguments(emu)

    hook = command("webhook", help="receive notifications (NCS webhooks)")
    hook_sub = hook.add_subparsers(dest="webhook_command", required=True, metavar="ACTION")
    listen = hook_sub.add_parser("listen", help="verify notifications on a port and print them as JSON lines")
    _verbose(listen)
    listen.add_argument("--port", type=port, default=8765, help="port (default 8765; 0: a free one)")
    listen.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    listen.add_argument("--secret", help="the NCS secret (default $AGORA_WEBHOOK_SECRET)")
    listen.add_argument(
        "--reorder", action="store_true", help="print each session's events in sequence order"
    )

    def common(p: argparse.ArgumentParser, *, mode: bool = True) -> None:
        if mode:
            p.add_argument("--mode", choices=list(CLIENTS), required=True, help="recording mode")
        p.add_argument("--app-id", help="App ID (default $AGORA_APP_ID)")
        p.add_argument("--customer-id", help="customer ID (default $AGORA_CUSTOMER_ID)")
        p.add_argument("--customer-secret", help="customer secret (default $AGORA_CUSTOMER_SECRET)")
        p.add_argument("--region", help="US, EU, AP or CN (default $AGORA_REGION or US)")
        p.add_argument("--base-url", help="send every call to this URL (emulator, proxy); no failover")
        p.add_argument("--timeout", type=float, help=f"seconds per attempt (default {C.DEFAULT_TIMEOUT:g})")
        p.add_argument("--max-retries", type=int, help=f"retries per call (default {C.DEFAULT_MAX_RETRIES})")

    def session(p: argparse.ArgumentParser, *, sid: bool = True, who: bool = True) -> None:
        p.add_argument("--resource-id", required=True, help="resource ID from acquire")
        if sid:
            p.add_argument("--sid", required=True, help="recording ID from start")
        if who:
            p.add_argument("--cname", required=True, help="channel name")
            p.add_argument("--uid", required=True, help="recording UID")

    def body(p: argparse.ArgumentParser, what: str, *, required: bool = False) -> None:
        p.add_argument(
            "--json", dest="json_file", required=required, metavar="FILE", help=f"{what} ('-': stdin)"
        )

    p = command("acquire", help="acquire a resource ID")
    common(p)
    p.add_argument("--cname", required=True, help="channel name")
    p.add_argument("--uid", required=True, help="recording UID")
    body(p, 'clientRequest options as JSON, e.g. {"resourceExpiredHour": 24}')

    p = command("start", help="start recording")
    common(p)
    session(p, sid=False)
    p.add_argument("--token", help="RTC token of the recording UID")
    body(p, "the start clientRequest as JSON (storageConfig, recordingConfig, ...)", required=True)

    p = command("query", help="query a session")
    common(p)
    session(p, who=False)

    p = command("update", help="update subscriptions, web pause/resume, CDN URL or storage keys")
    common(p)
    session(p)
    body(p, "the update clientRequest as JSON", required=True)

    p = command("update-layout", help="replace the composite layout (mix mode)")
    common(p, mode=False)
    session(p)
    body(p, "the updateLayout clientRequest as JSON", required=True)

    p = command("stop", help="stop recording")
    common(p)
    session(p)
    p.add_argument("--async-stop", action="store_true", help="answer at once instead of after the upload")

    p = command("ncs-ip", help="list the notification (NCS) servers' IP addresses (for a firewall)")
    common(p, mode=False)

    p = command("record", help="acquire, start, poll until Ctrl-C or --duration, always stop")
    common(p)
    p.add_argument("--cname", required=True, help="channel name")
    p.add_argument("--uid", required=True, help="recording UID")
    p.add_argument("--token", help="RTC token of the recording UID")
    p.add_argument("--storage-json", metavar="FILE", help="storageConfig as JSON (wire names)")
    p.add_argument("--config-json", metavar="FILE", help="other start clientRequest blocks as JSON")
    p.add_argument(
        "--duration",
        type=_seconds(MAX_DURATION),
        help=f"seconds to record, up to {MAX_DURATION:.0f} (30 days) (default: until Ctrl-C)",
    )
    p.add_argument(
        "--interval",
        type=_seconds(MAX_INTERVAL),
        default=5.0,
        help="seconds between status queries (default 5)",
    )
    p.add_argument("--emulator", action="store_true", help="record against an embedded emulator")
    p.add_argument(
        "--supervise",
        action="store_true",
        help="run on the supervisor (restarts, migrations): state changes as JSON lines on stderr, "
        "the manifest as JSON on stdout",
    )
    p.add_argument("--backup-uid", help="with --supervise: the uid of restarts (default: uid + 1)")
    p.add_argument(
        "--state-file", metavar="FILE", help="with --supervise: resume a recording after a restart"
    )
    return parser


# ----------------------------------------------------------------------------------------------- helpers


def _read_json(path: str | None, what: str) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"cannot read {what} from {path}: {exc.strerror}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{what} in {path} is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise UsageError(f"{what} in {path} must be a JSON object")
    return value


def _blocks(operation_id: str, mode: str, wire: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of a client method from a wire-form ``clientRequest``: each block the spec
    gives the mode by its keyword, anything else through ``extra_body`` (sent as given)."""
    by_wire = {key: name for name, key in operation(operation_id).blocks(mode).items()}
    kwargs = {by_wire[key]: value for key, value in wire.items() if key in by_wire}
    extra = {key: value for key, value in wire.items() if key not in by_wire}
    if extra:
        kwargs["extra_body"] = {"clientRequest": extra}
    return kwargs


def _check_credentials(args: argparse.Namespace) -> None:
    """Every missing credential named at once, with its option and its environment variable."""
    missing = [
        f"{words} ({option} or {env})"
        for name, option, env, words in CREDENTIALS
        if not getattr(args, name, None) and not os.environ.get(env)
    ]
    if missing:
        raise UsageError(f"missing credentials: {', '.join(missing)}")


def _client(args: argparse.Namespace, mode: str, base_url: str | None = None) -> Client:
    _check_credentials(args)
    overrides: dict[str, Any] = {}
    for name in ("app_id", "customer_id", "customer_secret", "region", "base_url", "timeout", "max_retries"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    if base_url is not None:
        overrides["base_url"] = base_url
    return CLIENTS[mode].from_env(**overrides)


def _not_an_attempt(record: logging.LogRecord) -> bool:
    """Without ``-v``: no line per failed attempt or retry (the error line that ends a failed call
    says what happened; a retry that succeeds needs no line)."""
    return record.levelno >= logging.ERROR or record.module != "_policy"


@contextmanager
def _stderr_logging(verbose: bool) -> Iterator[None]:
    """Warnings (lints of a request, the supervisor's) to stderr; with ``-v`` every HTTP exchange,
    failed attempt and retry too. For this command only: the ``agora_cr`` logger is left as found."""
    logger = logging.getLogger("agora_cr")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("agora-cr: %(levelname)s: %(message)s"))
    handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    if not verbose:
        handler.addFilter(_not_an_attempt)
    level = logger.level
    logger.addHandler(handler)
    if verbose:
        logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _print_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


# ----------------------------------------------------------------------------------------------- commands


def _start(
    client: Client, resource_id: str, cname: str, uid: str, token: str | None, blocks: dict[str, Any]
) -> Any:
    blocks = dict(blocks)
    if token is not None:
        blocks["token"] = token
    return client.start(resource_id, cname, uid, **_blocks("start", client.mode, blocks))


def _run_call(args: argparse.Namespace, out: TextIO) -> int:
    command = args.command
    mode = "mix" if command in ("update-layout", "ncs-ip") else args.mode
    with _client(args, mode) as client:
        result: Any
        if command == "acquire":
            options = _read_json(args.json_file, "acquire clientRequest")
            options.pop("scene", None)  # the mode decides the scene
            result = client.acquire(args.cname, args.uid, **_blocks("acquire", mode, options))
        elif command == "start":
            blocks = _read_json(args.json_file, "start clientRequest")
            result = _start(client, args.resource_id, args.cname, args.uid, args.token, blocks)
        elif command == "query":
            result = client.query(args.resource_id, args.sid)
        elif command == "ncs-ip":
            result = client.get_ncs_ip()
        elif command == "update":
            kwargs = _blocks("update", mode, _read_json(args.json_file, "update clientRequest"))
            result = client.update(args.resource_id, args.sid, args.cname, args.uid, **kwargs)
        elif command == "update-layout":
            assert isinstance(client, MixRecordingClient)
            fields = _blocks("updateLayout", mode, _read_json(args.json_file, "updateLayout clientRequest"))
            result = client.update_layout(args.resource_id, args.sid, args.cname, args.uid, **fields)
        else:  # stop
            result = client.stop(args.resource_id, args.sid, args.cname, args.uid, async_stop=args.async_stop)
    _print_json(result.to_dict(), out)
    return 0


@contextmanager
def _maybe_emulator(enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from .testing import Emulator

    with Emulator(qps_limit=None) as emu:
        yield emu


def _record(args: argparse.Namespace, out: TextIO) -> int:
    with _maybe_emulator(args.emulator) as emu:
        if emu is not None:
            args.app_id, args.customer_id, args.customer_secret = (
                emu.app_id,
                emu.customer_id,
                emu.customer_secret,
            )
            emu.set_channel_users(args.cname, 1)
        storage = _read_json(args.storage_json, "storageConfig") or (DEMO_STORAGE if emu is not None else {})
        if not storage:
            raise UsageError("--storage-json is required (the storage that receives the files)")
        blocks = {**_read_json(args.config_json, "start clientRequest"), "storageConfig": storage}
        if args.supervise:
            return _record_supervised(args, out, blocks, emu)
        with (
            _client(args, args.mode, emu.base_url if emu is not None else None) as client,
            StopSignals() as stop,
        ):
            # A stop signal from here on only sets stop.signum: whatever is in flight completes, then the
            # session that was started is stopped before the command exits with 128 + the signal.
            resource = client.acquire(args.cname, args.uid)
            started = _start(client, resource.resource_id, args.cname, args.uid, args.token, blocks)
            out.write(f"recording: resource_id={resource.resource_id} sid={started.sid}\n")
            out.flush()
            deadline = None if args.duration is None else time.monotonic() + args.duration
            try:
                while stop.signum is None and (deadline is None or time.monotonic() < deadline):
                    status = client.query(resource.resource_id, started.sid)
                    out.write(f"status: {status.status} ({status.status_name}), files: {len(status.files)}\n")
                    out.flush()
                    left = (
                        args.interval if deadline is None else min(args.interval, deadline - time.monotonic())
                    )
                    _sleep(stop, left)
                if stop.signum is not None:
                    out.write(f"{signal.Signals(stop.signum).name}: stopping\n")
            finally:
                stopped = client.stop(resource.resource_id, started.sid, args.cname, args.uid)
                out.write(
                    f"stopped: uploading_status={stopped.uploading_status}, files: {len(stopped.files)}\n"
                )
                out.flush()
    return stop.exit_status


def _record_supervised(args: argparse.Namespace, out: TextIO, blocks: dict[str, Any], emu: Any) -> int:
    """``record --supervise``: the supervisor records until ``--duration`` or a stop signal; every
    state change is a JSON line on stderr, the manifest a JSON document on stdout."""
    from .supervisor import SupervisorSettings

    backup = args.backup_uid
    if backup is None:
        if re.fullmatch("[0-9]+", args.uid) is None:
            raise UsageError(
                f"invalid --uid {args.uid!r}: a uid is an integer 1..4294967295 written in decimal"
            )
        backup = str(int(args.uid) + 1 if int(args.uid) < 4294967295 else int(args.uid) - 1)
    with (
        _client(args, args.mode, emu.base_url if emu is not None else None) as client,
        StopSignals() as stop,
    ):
        supervisor: Any = None

        def sleep(seconds: float) -> None:
            if _sleep(stop, seconds) and supervisor is not None:
                supervisor.request_stop()

        def changed(state: str, sup: Any) -> None:
            current = sup.current
            line = {"state": state, "cname": sup.cname, "time": round(time.time(), 3)}
            if current is not None:
                line.update(sid=current.sid, uid=current.uid, resource_id=current.resource_id)
            print(json.dumps(line), file=sys.stderr, flush=True)

        settings = SupervisorSettings(monitor_interval=args.interval, sleep=sleep)
        kwargs = _blocks("start", args.mode, blocks)
        if args.token is not None:
            kwargs["token"] = args.token
        supervisor = client.supervise(
            args.cname, args.uid, backup_uid=backup, settings=settings, on_change=changed,
            state_file=args.state_file, duration=args.duration, **kwargs,
        )  # fmt: skip
        with supervisor:
            supervisor.run(args.duration)
        out.write(supervisor.manifest.to_json() + "\n")
        out.flush()
    if stop.signum is not None:
        return stop.exit_status
    return 1 if supervisor.state == "failed" else 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (see :data:`EXIT_STATUSES`). In-process callers
    get the ``agora_cr`` logger back as it was."""
    stream = sys.stdout if out is None else out
    verbose = False
    try:
        args = _parser().parse_args(argv)
        verbose = bool(getattr(args, "verbose", False))
        with _stderr_logging(verbose):
            return _dispatch(args, stream)
    except KeyboardInterrupt:  # a Ctrl-C before (or outside) the commands' own signal handling
        _say("interrupted")
        return 130
    except BrokenPipeError:  # `agora-cr ... | head`: the reader went away
        _quiet_stdout(stream)
        return 128 + int(getattr(signal, "SIGPIPE", 13))
    except Exception as exc:  # a bug, or an environment this code did not expect: still one line
        if verbose:
            traceback.print_exc()
        _say(f"unexpected error: {type(exc).__name__}: {exc} (run with -v for the traceback)")
        return 1


def _say(message: str) -> None:
    """One line on stderr: the message with its line breaks folded into blanks."""
    text = re.sub(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*", " ", message).strip()
    print(f"agora-cr: {text}", file=sys.stderr, flush=True)


def _quiet_stdout(stream: TextIO) -> None:
    """After a broken pipe, point stdout at the null device so that the flush at exit cannot fail."""
    if stream is sys.__stdout__:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, stream.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass


def _invalid_input(exc: ValidationError) -> str:
    """A ``ValidationError`` as the CLI shows it (the spec describes its patterns in words)."""
    return f"invalid input: {exc}"


def _hosts(exc: ClientException) -> str:
    return ", ".join(dict.fromkeys(exc.hosts_tried)) or "the service"


def _failure(exc: ClientException) -> str:
    """The one line of a failed call: could not reach, no answer in time, or the service's error."""
    message = exc.error_msg or type(exc).__name__
    if isinstance(exc, ConnectionError):
        return f"could not reach the service at {_hosts(exc)}: {message}"
    if isinstance(exc, RateLimitTimeoutError):
        return f"no request slot in the rate budget in time: {message}"
    if isinstance(exc, ClientTimeoutException) and exc.status_code is None:
        return f"no answer in time from the service at {_hosts(exc)}: {message}"
    if isinstance(exc, InvalidResponseError):
        return f"the service at {_hosts(exc)} gave an answer that is not what the API documents: {exc}"
    if isinstance(exc, ServiceResponseException):
        return f"the service answered with an error: {type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _dispatch(args: argparse.Namespace, stream: TextIO) -> int:
    try:
        if args.command == "demo":
            from .demo import run_demo

            return run_demo(stream, modes=list(CLIENTS) if args.mode == "all" else [args.mode])
        if args.command == "emulator":
            from .testing import cli as emulator_cli

            return emulator_cli.run(args, None if stream is sys.stdout else stream)
        if args.command == "webhook":
            from .webhooks.cli import listen

            return listen(args.host, args.port, args.secret, stream, reorder=args.reorder)
        if args.command == "record":
            return _record(args, stream)
        return _run_call(args, stream)
    except UsageError as exc:
        _say(f"error: {exc}")
        return 2
    except ClientBuildException as exc:
        _say(f"bad configuration: {exc}")
        return 2
    except ValidationError as exc:
        _say(_invalid_input(exc))
        return 2
    except ClientException as exc:
        _say(_failure(exc))
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
