"""RTC 007 token build: agora_token against agoraiotools 0.3.4, same process.

    python bench/bench_rtc.py [--runs N] [--min-ms MS] [--check RATIO]

Both build the same token the same way (the drop-in call
``RtcTokenBuilder.build_token_with_uid(app_id, cert, channel, uid,
Role_Publisher, 3600, 3600)``, fresh issue time and salt per token, as in
scripts/bench-peers); the Pythonic ``build_rtc_token`` is timed too. Each
implementation warms up, then runs are interleaved (A, B, A, B, ...) so both
see the same machine load; the best run per implementation is reported, with
the ratio agoraiotools / agora_token. With --check, exits 1 if the drop-in
ratio is below RATIO.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import warnings
from importlib import import_module
from importlib.metadata import version
from typing import Callable, Dict, List

warnings.filterwarnings("ignore", category=DeprecationWarning)

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
EXPIRE = 3600


def implementations() -> Dict[str, Callable[[], str]]:
    import agora_token
    from agora_token.RtcTokenBuilder2 import Role_Publisher, RtcTokenBuilder

    official = import_module("agoraiotools.RtcTokenBuilder2")
    off_build = official.RtcTokenBuilder.build_token_with_uid
    off_role = official.Role_Publisher
    ours = RtcTokenBuilder.build_token_with_uid
    pythonic = agora_token.build_rtc_token
    role = agora_token.Role.PUBLISHER
    return {
        "agoraiotools %s" % version("agoraiotools"): lambda: off_build(APP_ID, CERT, CHANNEL, UID, off_role, EXPIRE,
                                                                      EXPIRE),
        "agora_token drop-in": lambda: ours(APP_ID, CERT, CHANNEL, UID, Role_Publisher, EXPIRE, EXPIRE),
        "agora_token build_rtc_token": lambda: pythonic(app_id=APP_ID, app_certificate=CERT, channel=CHANNEL, uid=UID,
                                                        role=role, expire=EXPIRE),
    }


def run(fn: Callable[[], str], min_ns: int) -> float:
    """ns per call over at least min_ns."""
    clock = time.perf_counter_ns
    start = clock()
    n = 0
    while True:
        for _ in range(64):
            fn()
        n += 64
        elapsed = clock() - start
        if elapsed >= min_ns:
            return elapsed / n


def measure(runs: int = 5, min_ms: int = 200) -> Dict[str, List[float]]:
    impls = implementations()
    import agora_token

    samples = {name: fn() for name, fn in impls.items()}
    for name, token in samples.items():  # all build the same token
        parsed = agora_token.verify(token, CERT)
        rtc = parsed.services[0]  # type: ignore[union-attr]
        assert (rtc.channel_name, rtc.uid, len(rtc.privileges)) == (CHANNEL, str(UID), 4), name  # type: ignore[attr-defined]
    for fn in impls.values():
        run(fn, 50_000_000)  # warm-up
    results: Dict[str, List[float]] = {name: [] for name in impls}
    for _ in range(runs):
        for name, fn in impls.items():
            results[name].append(run(fn, min_ms * 1_000_000))
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--min-ms", type=int, default=300)
    ap.add_argument("--check", type=float, default=None, help="fail below this drop-in speed-up")
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of the table")
    args = ap.parse_args()
    results = measure(args.runs, args.min_ms)
    names = list(results)
    base = min(results[names[0]])
    best = {n: min(v) for n, v in results.items()}
    ratio = base / best[names[1]]
    if args.json:
        print(json.dumps({"us_per_token": {n: round(b / 1000, 3) for n, b in best.items()}, "ratio": round(ratio, 1)}))
    else:
        print("RTC 007 token with uid (publisher, expire 3600/3600); best of %d runs of >= %d ms"
              % (args.runs, args.min_ms))
        print("%-32s %10s %12s" % ("implementation", "us/token", "speed-up"))
        for n in names:
            print("%-32s %10.2f %11.1fx" % (n, best[n] / 1000, base / best[n]))
        print("python %s, %s" % (platform.python_version(), platform.platform()))
    if args.check is not None and ratio < args.check:
        print("drop-in speed-up %.1fx is below %.1fx" % (ratio, args.check), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
