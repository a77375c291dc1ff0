"""The Python surfaces of scripts/test-conformance, run inside the venv that
has the agora-token wheel installed. The calls of the vectors are those of
the package's own vector test (bindings/python/tests/vector_calls.py).

Reads one JSON request per line on stdin, ``{"id", "api", "builder",
"inputs", "token"}`` with ``api`` one of ``pythonic`` and ``dropin``, and
writes one JSON line per request:

- ``{"id", "offered": false, "reason"}``: that API has no such builder;
- ``{"id", "offered": true, "ok": true, "token", "pinned"}``: the token
  (``pinned`` false: built with the current time and a random salt, as the
  agoraiotools builders do; the driver re-pins it);
- ``{"id", "offered": true, "ok": false, "kind"}``: the exception, as its
  token-core error kind (``InvalidInputError`` -> ``invalid_input``, ...).
"""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Any, Dict, Optional

import agora_token as at
from agora_token import AccessToken2 as At007

# The vector calls of the package's own vector test, over the installed wheel.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "bindings" / "python" / "tests"))
from vector_calls import NotOffered, dropin_access_token2, user_kwargs  # noqa: E402
from vector_calls import dropin as dropin_call  # noqa: E402
from vector_calls import pythonic as pythonic_call  # noqa: E402

KINDS = [
    (at.InvalidInputError, "invalid_input"),
    (at.NoServiceError, "no_service"),
    (at.WrongVersionError, "wrong_version"),
    (at.MalformedTokenError, "malformed"),
    (at.SignatureMismatchError, "signature_mismatch"),
]


def names_a_number(i: Dict[str, Any]) -> bool:
    """A role or RTM2 type given by name (a bad-input case for the surfaces
    that take names): the Python APIs take numbers."""
    return any(isinstance(i.get(k), str) for k in ("role", "rtc_role")) or any(
        isinstance(p.get(k), str) for p in i.get("permissions") or [] for k in ("resource_type", "permission_type"))


def pythonic(b: str, i: Dict[str, Any], token: str) -> Any:
    """The Pythonic call for a case, pinned to its issue ts and salt."""
    if b == "parse":
        return at.parse(token)
    if b == "verify":
        kw: Dict[str, Any] = {}
        if "channel_name" in i:
            kw["channel"] = i["channel_name"]
            kw.update(user_kwargs(i, "uid", "account") if ("uid" in i or "account" in i) else {})
        return at.verify(token, i["app_certificate"], **kw)
    return pythonic_call(b, i, i.get("issue_ts", 0), i.get("salt", 0))


def dropin(b: str, i: Dict[str, Any], token: str) -> Any:
    """The agoraiotools-named call for a case: (result, pinned)."""
    if b == "parse":
        # agoraiotools: from_string returns False for a non-007 token and
        # raises ValueError for a malformed one.
        return At007.AccessToken().from_string(token), True
    if b == "verify":
        t = At007.AccessToken()
        if not t.from_string(token):
            return False, True
        return t.verify_signature(i.get("app_certificate")), True
    if b == "access_token2.services":
        # Pinned: its constructor takes issue_ts, the salt is an attribute.
        return dropin_access_token2(i, i["issue_ts"], i["salt"]), True
    return dropin_call(b, i), False


def run(req: Dict[str, Any]) -> Dict[str, Any]:
    b, i, token = req["builder"], req["inputs"], req.get("token", "")
    try:
        if names_a_number(i):
            raise NotOffered("roles and RTM2 types are numbers in Python")
        if req["api"] == "pythonic":
            result, pinned = pythonic(b, i, token), True
        else:
            result, pinned = dropin(b, i, token)
    except NotOffered as e:
        return {"offered": False, "reason": str(e)}
    except at.TokenError as e:
        kind = next((k for cls, k in KINDS if isinstance(e, cls)), "token_error:" + type(e).__name__)
        return {"offered": True, "ok": False, "kind": kind, "message": str(e)}
    if isinstance(result, str):
        return {"offered": True, "ok": True, "token": result, "pinned": pinned}
    # parse/verify: a parsed token object, or the drop-in's True/False.
    value: Optional[Any] = result if isinstance(result, bool) else None
    return {"offered": True, "ok": True, "token": "", "value": value, "pinned": pinned}


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        out = run(req)
        out["id"] = req["id"]
        sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
