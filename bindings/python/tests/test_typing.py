"""The type stubs: they match the runtime (mypy's stubtest) and give real
types to a user's code (mypy --strict on tests/typing/usage.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_stubtest_finds_the_stubs_match_the_runtime(tmp_path: Path) -> None:
    p = run("mypy.stubtest", "agora_token", "--allowlist", str(HERE / "typing" / "stubtest_allowlist.txt"),
            cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr


def test_user_code_type_checks_strictly(tmp_path: Path) -> None:
    p = run("mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
            str(HERE / "typing" / "usage.py"), cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
