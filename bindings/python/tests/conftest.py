"""Shared fixtures: the installed package, the official oracle, the vectors.

These tests run against the INSTALLED wheel (scripts/test-python installs it
into a fresh virtual environment and runs pytest from outside the source
tree); the first check below fails if the package was imported from the
source tree instead.
"""

from __future__ import annotations

import base64
import json
import os
import warnings
import zlib
from importlib import import_module
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import agora_token

HERE = Path(__file__).resolve().parent
SOURCE_TREE = HERE.parent / "python"
VECTORS = Path(os.environ.get("AGORA_TOKEN_VECTORS", HERE.parents[2] / "tests" / "vectors"))

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
OTHER_CERT = "5CFd2fd1755d40ecb72977518be15d3c"


def pytest_report_header(config: Any) -> List[str]:
    return ["agora_token %s from %s" % (agora_token.__version__, Path(agora_token.__file__).parent)]


# ---------------------------------------------------------------------------
# The official oracle: agoraiotools 0.3.4 from PyPI.
# ---------------------------------------------------------------------------

# agoraiotools' __init__ imports its legacy modules, which warn on import.
warnings.filterwarnings("ignore", category=DeprecationWarning)


class Official:
    """agoraiotools 0.3.4, with its clock and salt pinnable."""

    def __init__(self) -> None:
        from importlib.metadata import version

        assert version("agoraiotools") == "0.3.4"
        # The package __init__ rebinds the module names to classes; fetch the
        # modules themselves.
        self.at007 = import_module("agoraiotools.AccessToken2")
        self.at006 = import_module("agoraiotools.AccessToken")
        self.rtc2 = import_module("agoraiotools.RtcTokenBuilder2")
        self.rtm2 = import_module("agoraiotools.RtmTokenBuilder2")
        self.chat2 = import_module("agoraiotools.ChatTokenBuilder2")
        self.fpa = import_module("agoraiotools.fpa_token_builder")
        self.apaas = import_module("agoraiotools.apaas_token_builder")
        self.education = import_module("agoraiotools.education_token_builder")
        self.rtc006 = import_module("agoraiotools.RtcTokenBuilder")
        self.rtm006 = import_module("agoraiotools.RtmTokenBuilder")
        self.utils = import_module("agoraiotools.utils")
        self._pin: Dict[str, Tuple[int, int]] = {}
        orig007 = self.at007.AccessToken.__init__
        orig006 = self.at006.AccessToken.__init__
        pin = self._pin

        # The builders create their token objects inside; wrap the
        # constructors so a pinned issue ts / salt replaces the drawn ones.
        def init007(tok: Any, *args: Any, **kwargs: Any) -> None:
            orig007(tok, *args, **kwargs)
            if "007" in pin:
                tok._AccessToken__issue_ts, tok._AccessToken__salt = pin["007"]

        def init006(tok: Any, *args: Any, **kwargs: Any) -> None:
            orig006(tok, *args, **kwargs)
            if "006" in pin:
                tok.salt, tok.ts = pin["006"]

        self.at007.AccessToken.__init__ = init007
        self.at006.AccessToken.__init__ = init006

    def pinned007(self, issue_ts: int, salt: int, build: Callable[[], str]) -> str:
        self._pin["007"] = (issue_ts, salt)
        try:
            return build()
        finally:
            del self._pin["007"]

    def pinned006(self, salt: int, ts: int, build: Callable[[], str]) -> str:
        self._pin["006"] = (salt, ts)
        try:
            return build()
        finally:
            del self._pin["006"]

    def fields007(self, token: str) -> Dict[str, Any]:
        """Every field of a 007 token as the official parser reads it."""
        t = self.at007.AccessToken()
        assert t.from_string(token) is True
        services = {}
        for stype, s in t._AccessToken__service.items():
            own = {k.split("__", 1)[1]: v for k, v in vars(s).items() if not k.startswith("_Service__")}
            services[stype] = {"privileges": dict(s._Service__privileges), **own}
        return {
            "app_id": t._AccessToken__app_id,
            "issue_ts": t._AccessToken__issue_ts,
            "expire": t._AccessToken__expire,
            "salt": t._AccessToken__salt,
            "services": services,
        }

    def fields006(self, token: str) -> Dict[str, Any]:
        """The fields of a 006 token the official parser reads."""
        t = self.at006.AccessToken()
        assert t.fromString(token) is True
        return {"salt": t.salt, "ts": t.ts, "messages": dict(t.messages)}


@pytest.fixture(scope="session")
def official() -> Official:
    return Official()


def content007(token: str) -> bytes:
    """The decompressed content of a 007 token (signature + signing info),
    decoded with the standard library, independently of agora_token."""
    assert token.startswith("007"), token
    return zlib.decompress(base64.b64decode(token[3:]))


# ---------------------------------------------------------------------------
# Official vectors (tests/vectors, generated from npm and PyPI packages).
# ---------------------------------------------------------------------------


def load_vectors(*files: str) -> Iterator[Dict[str, Any]]:
    for name in files:
        with open(VECTORS / name, encoding="utf-8") as f:
            for case in json.load(f):
                yield case


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    assert VECTORS.is_dir(), "tests/vectors not found at %s (set AGORA_TOKEN_VECTORS)" % VECTORS
    return VECTORS
