"""Cold start of one side in a fresh process: import, construction, first lifecycle vs a warm one.

    python benchmarks/startup.py --kind ours-sync --base-url http://127.0.0.1:PORT

Prints one JSON line (milliseconds). Standard library only before the timed import.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

MODULES = {
    "ours-sync": "agora_cr",
    "floor-sync": "httpx",
    "official": "agora_rest_client.services.cloud_recording.v1.mix_recording.mix_recording_client",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=sorted(MODULES), required=True)
    parser.add_argument("--base-url", required=True)
    args = parser.parse_args(argv)
    clock = time.perf_counter

    t0 = clock()
    importlib.import_module(MODULES[args.kind])
    t1 = clock()
    from common import timed_lifecycle
    from sides import make

    side = make(args.kind, args.base_url)
    t2 = clock()
    lifecycles = [timed_lifecycle(side, name) for name in ("cold-room", "warm-room", "warm-room-2")]
    side.close()
    ms = 1000.0
    print(
        json.dumps(
            {
                "kind": args.kind,
                "import_ms": (t1 - t0) * ms,
                "construct_ms": (t2 - t1) * ms,
                "first": {op: v * ms for op, v in lifecycles[0].items()},
                "warm": {op: min(lc[op] for lc in lifecycles[1:]) * ms for op in lifecycles[0]},
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
