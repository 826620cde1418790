"""Profile our client's per-call path (no network) and show where the time goes.

    python benchmarks/profile_client.py [--op start] [--calls 3000] [--side ours|floor] [--pyinstrument]

Uses the same canned in-process transport as overhead.py. cProfile by default (sorted by cumulative
time, restricted to ``agora_cr`` frames unless ``--all``); ``--pyinstrument`` prints a call tree
instead (``pip install pyinstrument`` into the venv first).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import overhead
from sides import FloorSync, OursSync


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--op", choices=("acquire", "start", "query", "stop"), default="start")
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--side", choices=("ours", "floor"), default="ours")
    parser.add_argument("--pyinstrument", action="store_true")
    parser.add_argument("--all", action="store_true", help="do not restrict cProfile output to agora_cr")
    parser.add_argument("--limit", type=int, default=35)
    args = parser.parse_args(argv)

    canned = overhead._Canned(overhead.capture_responses())
    resource_id, sid = overhead._ids(canned.bodies)
    transport = overhead.CannedTransport(canned)
    side = (
        OursSync(overhead.BASE_URL, transport)
        if args.side == "ours"
        else FloorSync(overhead.BASE_URL, transport)
    )
    call = overhead.sync_calls(side, resource_id, sid)[args.op]
    for _ in range(200):  # warm-up: lazy spec loading, compiled checks
        call()

    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0001)
        profiler.start()
        for _ in range(args.calls):
            call()
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return 0

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.calls):
        call()
    profile.disable()
    stats = pstats.Stats(profile).sort_stats("cumulative")
    if args.all:
        stats.print_stats(args.limit)
    else:
        stats.print_stats("agora_cr|sides", args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
