"""Run the emulator in the foreground: ``python -m agora_cr.testing.cli [--port N] [--host H]``."""

from __future__ import annotations

import argparse
import os
import sys

from agora_cr._signals import StopSignals
from agora_cr.testing.emulator import Emulator


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agora-cr emulator", description="Offline Agora Cloud Recording emulator."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free port)")
    parser.add_argument("--no-qps-limit", action="store_true", help="disable the 10 requests/s limiter")
    parser.add_argument("--app-id", help="App ID to accept (default: random)")
    parser.add_argument("--customer-id", help="customer ID to accept (default: random)")
    parser.add_argument("--customer-secret", help="customer secret to accept (default: random)")
    parser.add_argument("--webhook-url", help="POST signed notifications (NCS events) here")
    parser.add_argument("--webhook-secret", help="their secret (default $AGORA_WEBHOOK_SECRET, else random)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Serve until Ctrl-C, SIGTERM or SIGHUP; prints the base URL and credentials first."""
    args = _parser().parse_args(argv)
    emulator = Emulator(
        host=args.host,
        port=args.port,
        qps_limit=None if args.no_qps_limit else 10,
        app_id=args.app_id,
        customer_id=args.customer_id,
        customer_secret=args.customer_secret,
        webhook_url=args.webhook_url,
        webhook_secret=args.webhook_secret or os.environ.get("AGORA_WEBHOOK_SECRET"),
    )
    with StopSignals() as stop, emulator:
        print(f"base_url={emulator.base_url}")
        print(f"AGORA_APP_ID={emulator.app_id}")
        print(f"AGORA_CUSTOMER_ID={emulator.customer_id}")
        print(f"AGORA_CUSTOMER_SECRET={emulator.customer_secret}")
        if args.webhook_url:
            print(f"webhooks to {args.webhook_url}, AGORA_WEBHOOK_SECRET={emulator.webhook_secret}")
        print("serving; press Ctrl-C to stop", flush=True)
        while not stop.sleep(3600.0):
            pass
    print("emulator stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
