"""Run the emulator in the foreground: ``agora-cr emulator`` (or ``python -m agora_cr.testing.cli``).

It prints shell ``export`` lines for its URL and credentials on stdout, then closes its stdout, so
``eval "$(agora-cr emulator &)"`` returns as soon as it serves and leaves them set in the shell. Every
other line (serving, stopped, errors) goes to stderr, each error as one line.
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
import sys
from typing import Any, TextIO

from agora_cr._signals import StopSignals
from agora_cr.cli import OneLineParser, port

#: The longest ``--latency-ms`` taken (a minute per answer is already far beyond any network).
MAX_LATENCY_MS = 60_000.0


def _latency_ms(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= MAX_LATENCY_MS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of milliseconds 0..{MAX_LATENCY_MS:.0f}")
    return value


def _http_url(text: str) -> str:
    if not text.lower().startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"{text!r} is not an http:// or https:// URL")
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The emulator's options (shared by ``agora-cr emulator`` and ``python -m agora_cr.testing.cli``)."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=port, default=0, help="port to listen on (default: a free port)")
    parser.add_argument("--no-qps-limit", action="store_true", help="disable the 10 requests/s limiter")
    parser.add_argument("--app-id", help="App ID to accept (default: random)")
    parser.add_argument("--customer-id", help="customer ID to accept (default: random)")
    parser.add_argument("--customer-secret", help="customer secret to accept (default: random)")
    parser.add_argument("--webhook-url", type=_http_url, help="POST signed notifications (NCS events) here")
    parser.add_argument("--webhook-secret", help="their secret (default $AGORA_WEBHOOK_SECRET, else random)")
    parser.add_argument(
        "--latency-ms",
        type=_latency_ms,
        default=0.0,
        help="add this many milliseconds before every answer (a network round trip; default 0)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="agora-cr emulator",
        description="Offline Agora Cloud Recording emulator. Prints `export AGORA_...=...` lines for "
        "its URL and credentials on stdout, then serves until Ctrl-C, SIGTERM or SIGHUP.",
    )
    add_arguments(parser)
    return parser


def _error(message: str) -> int:
    print(f"agora-cr: error: {' '.join(message.split())}", file=sys.stderr, flush=True)
    return 2


def _release_stdout(out: TextIO) -> None:
    """Point the process's stdout at the null device once the env lines are out: a shell reading them
    (``$(agora-cr emulator &)``) sees the end of its input and goes on while the emulator serves."""
    if out is not sys.__stdout__:
        return
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Serve until a stop signal; returns the exit status (``128 + signal``, or 2 if it cannot serve).

    ``out`` (default: the process's stdout, released afterwards) receives the ``export`` lines."""
    from agora_cr.testing.emulator import Emulator

    stream = sys.stdout if out is None else out
    try:
        emulator = Emulator(
            host=args.host,
            port=args.port,
            qps_limit=None if args.no_qps_limit else 10,
            app_id=args.app_id,
            customer_id=args.customer_id,
            customer_secret=args.customer_secret,
            webhook_url=args.webhook_url,
            webhook_secret=args.webhook_secret or os.environ.get("AGORA_WEBHOOK_SECRET"),
            latency=args.latency_ms / 1000,
        )
    except ValueError as exc:
        return _error(str(exc))
    with StopSignals() as stop:
        try:
            emulator.start()
        except (OSError, OverflowError) as exc:
            errno = getattr(exc, "errno", None)  # asyncio words it "error while attempting to bind ..."
            reason = (
                os.strerror(errno) if isinstance(errno, int) and errno > 0 else getattr(exc, "strerror", None)
            )
            reason = " ".join(str(reason or exc).split())
            return _error(f"cannot listen on {args.host}:{args.port}: {reason}")
        try:
            stream.write(env_lines(emulator, webhooks=bool(args.webhook_url)))
            stream.flush()
            if out is None:
                _release_stdout(stream)
            if args.webhook_url:
                print(
                    f"agora-cr: emulator: notifications go to {args.webhook_url} "
                    "(signed with $AGORA_WEBHOOK_SECRET)",
                    file=sys.stderr,
                )
            print(
                f"agora-cr: emulator serving on {emulator.base_url} (pid {os.getpid()}); "
                f"stop it with Ctrl-C or kill {os.getpid()}",
                file=sys.stderr,
                flush=True,
            )
            while not stop.sleep(3600.0):
                pass
        finally:
            emulator.close()
    print("agora-cr: emulator stopped", file=sys.stderr, flush=True)
    return stop.exit_status


def env_lines(emulator: Any, *, webhooks: bool = False) -> str:
    """``export NAME=value`` lines (values shell-quoted) a shell can ``eval`` or ``.``-source."""
    values = {
        "AGORA_BASE_URL": emulator.base_url,
        "AGORA_APP_ID": emulator.app_id,
        "AGORA_CUSTOMER_ID": emulator.customer_id,
        "AGORA_CUSTOMER_SECRET": emulator.customer_secret,
    }
    if webhooks:
        values["AGORA_WEBHOOK_SECRET"] = emulator.webhook_secret
    values["AGORA_EMULATOR_PID"] = str(os.getpid())
    return "".join(f"export {name}={shlex.quote(str(value))}\n" for name, value in values.items())


def main(argv: list[str] | None = None) -> int:
    """Serve until Ctrl-C, SIGTERM or SIGHUP (exit status ``128 + signal``); prints the env lines first."""
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except KeyboardInterrupt:  # before the stop signals were handled
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
