"""Parse + verify and check from Python against token-core's own time.

    python bench/bench_readers.py BENCH_OPS [--runs N] [--min-ms MS]

BENCH_OPS is token-core's ``examples/bench_ops`` binary (``cargo build
--release -p token-core --example bench_ops``). Each round runs ``bench_ops
stage-time`` (token-core's ``verify007`` and ``check007`` on its verify
token, in its own process) and then, in this process, ``agora_token.verify``
and ``agora_token.check`` on the same token and the same client (the one the
token was built for, within its lifetime). Rounds repeat so both sides see
the same machine load; the report gives each side's median over the rounds
(of the best run in each) and the ratio Python / token-core: what the
binding adds to the core's work. A report, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from typing import Callable, Dict, List

import agora_token

CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
ISSUE_TS = 1_700_000_000  # bench_ops' verify token's issue time


def best_us(fn: Callable[[], object], runs: int, min_ms: int) -> float:
    """The best of `runs` runs of at least `min_ms`, in microseconds per call."""
    best = float("inf")
    for _ in range(runs):
        n, start = 0, time.perf_counter()
        while True:
            for _ in range(64):
                fn()
            n += 64
            elapsed = time.perf_counter() - start
            if elapsed * 1000 >= min_ms:
                break
        best = min(best, elapsed / n * 1e6)
    return best


def core_us(bench_ops: str, runs: int, min_ms: int) -> Dict[str, float]:
    out = subprocess.run([bench_ops, "stage-time", "--runs", str(runs), "--min-ms", str(min_ms)],
                         check=True, capture_output=True, text=True).stdout
    return {line.split()[0]: float(line.split()[1]) / 1000 for line in out.splitlines()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("bench_ops")
    p.add_argument("--runs", type=int, default=3, help="runs per side per round (default 3)")
    p.add_argument("--min-ms", type=int, default=100, help="least time per run (default 100)")
    p.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    a = p.parse_args()

    token = subprocess.run([a.bench_ops, "verify-token"], check=True, capture_output=True, text=True).stdout.strip()
    ours = {
        "verify007": lambda: agora_token.verify(token, CERT),
        "check007": lambda: agora_token.check(token, CERT, service="rtc", channel=CHANNEL, uid=UID,
                                              now=ISSUE_TS + 1),
    }
    assert agora_token.check(token, CERT, service="rtc", channel=CHANNEL, uid=UID, now=ISSUE_TS + 1).allowed
    times: Dict[str, List[float]] = {f"{side} {op}": [] for op in ours for side in ("python", "core")}
    for _ in range(a.rounds):
        core = core_us(a.bench_ops, a.runs, a.min_ms)
        for op, fn in ours.items():
            times[f"core {op}"].append(core[op])
            times[f"python {op}"].append(best_us(fn, a.runs, a.min_ms))
    print(f"{'operation':<34} {'Python us':>10} {'token-core us':>14} {'Python/core':>12}")
    for op, label in (("verify007", "007 parse + verify (verify)"), ("check007", "check (RTC join)")):
        py, core = statistics.median(times[f"python {op}"]), statistics.median(times[f"core {op}"])
        spread = f"{min(times[f'python {op}']):.2f}-{max(times[f'python {op}']):.2f}"
        print(f"{label:<34} {py:>10.2f} {core:>14.2f} {py / core:>11.2f}x   (Python runs {spread} us)")
    print(f"medians of {a.rounds} rounds, each the best of {a.runs} runs of >= {a.min_ms} ms per side")


if __name__ == "__main__":
    main()
