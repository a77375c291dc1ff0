"""Times the official PyPI agoraiotools building one RTC 007 token with a uid.
Driven by ../bench-peers, run with the temp venv's python:

    python python_bench.py <runs> <min_ms>

Prints one JSON line: {"impl", "version", "ns_per_token": [per run], "best_ns", "sample"}.
"""

import json
import sys
import time
import warnings

# The package __init__ imports the legacy modules, which warn on import.
warnings.filterwarnings("ignore", category=DeprecationWarning)

from importlib import import_module  # noqa: E402
from importlib.metadata import version  # noqa: E402

# agoraiotools/__init__ rebinds the name RtcTokenBuilder2 to a class; fetch the
# module itself. Its RtcTokenBuilder class is the 007 builder.
rtc2 = import_module("agoraiotools.RtcTokenBuilder2")
build_token_with_uid = rtc2.RtcTokenBuilder.build_token_with_uid
ROLE_PUBLISHER = rtc2.Role_Publisher

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
EXPIRE = 3600


def build():
    return build_token_with_uid(APP_ID, CERT, CHANNEL, UID, ROLE_PUBLISHER, EXPIRE, EXPIRE)


def run(limit_ns):
    clock = time.perf_counter_ns
    start = clock()
    n = 0
    while True:
        for _ in range(32):
            build()
        n += 32
        elapsed = clock() - start
        if elapsed >= limit_ns:
            return elapsed / n


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    min_ns = (int(sys.argv[2]) if len(sys.argv) > 2 else 500) * 1_000_000
    sample = build()
    if not sample.startswith("007"):
        sys.exit("unexpected token: %r" % sample)
    run(min(min_ns, 300_000_000))  # warm-up
    per_run = [run(min_ns) for _ in range(runs)]
    print(json.dumps({
        "impl": "PyPI agoraiotools",
        "version": version("agoraiotools"),
        "ns_per_token": [round(v, 1) for v in per_run],
        "best_ns": min(per_run),
        "sample": sample,
    }))


if __name__ == "__main__":
    main()
