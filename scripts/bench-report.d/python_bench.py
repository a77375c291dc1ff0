"""Python side of scripts/bench-report: our wheel (agora_token) and the
official PyPI agoraiotools 0.3.4 in ONE process, runs interleaved.

    python python_bench.py RUNS MIN_MS VERIFY_TOKEN

Run with the temp venv's python (both packages installed there, never
imported from the source tree). Prints one JSON object: ns/op per run for each
implementation and operation, the peers' sample tokens (checked afterwards
with token-core) and notes.

Operations (inputs as in crates/token-core/examples/bench_ops.rs):
- build007: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, UID,
  Role_Publisher, 3600, 3600), the drop-in call in both packages;
- verify007: parse and check the signature of VERIFY_TOKEN. Ours:
  agora_token.verify(token, CERT), and (an extra row) the drop-in
  AccessToken2.AccessToken().from_string(token) + verify_signature(CERT),
  the shape of the peer's code. agoraiotools has no verify: its parse,
  AccessToken.from_string, plus a signature check written here from the
  package's own Packer helpers and hmac/sha256 as its __signing does;
  from_string keeps neither the signature nor the signed bytes, so the check
  decodes the token (base64 + inflate) a second time.
- build006: RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
  Role_Publisher, 2000000000) (agora_token.RtcTokenBuilder and
  agoraiotools.RtcTokenBuilder).
"""

import base64
import hmac
import json
import platform
import sys
import time
import warnings
import zlib
from hashlib import sha256
from importlib import import_module
from importlib.metadata import version

# agoraiotools/__init__ imports its legacy modules, which warn on import.
warnings.filterwarnings("ignore", category=DeprecationWarning)

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
EXPIRE = 3600
PRIVILEGE_EXPIRED_TS_006 = 2_000_000_000
OTHER_CERT = "0123456789abcdef0123456789abcdef"


def ours():
    import agora_token
    from agora_token import RtcTokenBuilder as rtc006
    from agora_token import RtcTokenBuilder2 as rtc007

    b007 = rtc007.RtcTokenBuilder.build_token_with_uid
    b006 = rtc006.RtcTokenBuilder.buildTokenWithUid
    verify = agora_token.verify
    return {
        "build007": lambda: b007(APP_ID, CERT, CHANNEL, UID, rtc007.Role_Publisher, EXPIRE, EXPIRE),
        "verify007": lambda token, cert=CERT: verify(token, cert),
        "build006": lambda: b006(APP_ID, CERT, CHANNEL, UID, rtc006.Role_Publisher, PRIVILEGE_EXPIRED_TS_006),
    }


def ours_drop_in_verify():
    """agoraiotools' shape of a parse + check: the drop-in AccessToken2."""
    from agora_token import AccessToken2 as at2

    def verify(token, cert=CERT):
        parsed = at2.AccessToken()
        if not parsed.from_string(token):
            raise ValueError("from_string refused the token")
        if not parsed.verify_signature(cert):
            raise ValueError("signature mismatch")
        return parsed

    return verify


def peer():
    # agoraiotools/__init__ rebinds the module names to classes: import the modules.
    rtc007 = import_module("agoraiotools.RtcTokenBuilder2")
    rtc006 = import_module("agoraiotools.RtcTokenBuilder")
    at2 = import_module("agoraiotools.AccessToken2")
    packer = import_module("agoraiotools.Packer")
    b007 = rtc007.RtcTokenBuilder.build_token_with_uid
    b006 = rtc006.RtcTokenBuilder.buildTokenWithUid
    unpack_string, unpack_uint32, pack_uint32 = packer.unpack_string, packer.unpack_uint32, packer.pack_uint32
    def verify(token, cert=CERT):
        parsed = at2.AccessToken()
        if not parsed.from_string(token):
            raise ValueError("from_string refused the token")
        content = zlib.decompress(base64.b64decode(token[3:]))
        signature, signing_info = unpack_string(content)
        _app_id, rest = unpack_string(signing_info)
        issue_ts, rest = unpack_uint32(rest)
        _expire, rest = unpack_uint32(rest)
        salt, rest = unpack_uint32(rest)
        key = hmac.new(pack_uint32(issue_ts), cert.encode(), sha256).digest()
        key = hmac.new(pack_uint32(salt), key, sha256).digest()
        if not hmac.compare_digest(hmac.new(key, signing_info, sha256).digest(), signature):
            raise ValueError("signature mismatch")
        return parsed

    return {
        "build007": lambda: b007(APP_ID, CERT, CHANNEL, UID, rtc007.Role_Publisher, EXPIRE, EXPIRE),
        "verify007": verify,
        "build006": lambda: b006(APP_ID, CERT, CHANNEL, UID, rtc006.Role_Publisher, PRIVILEGE_EXPIRED_TS_006),
    }


def run(fn, min_ns):
    """ns per call over at least min_ns."""
    clock = time.perf_counter_ns
    start = clock()
    n = 0
    while True:
        for _ in range(32):
            fn()
        n += 32
        elapsed = clock() - start
        if elapsed >= min_ns:
            return elapsed / n


def main():
    runs, min_ms, token = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    impls = {"ours": ours(), "peer": peer(), "extra": {"verify007": ours_drop_in_verify()}}
    calls = {
        side: {op: (lambda f=f: f(token)) if op == "verify007" else f for op, f in ops.items()}
        for side, ops in impls.items()
    }
    # Each side must accept the token, and refuse it with another certificate.
    for side, ops in impls.items():
        ops["verify007"](token)
        try:
            ops["verify007"](token, OTHER_CERT)
        except ValueError:
            continue
        sys.exit("python_bench: %s accepted the token with another certificate" % side)
    samples = {side: {op: calls[side][op]() for op in ("build007", "build006")} for side in ("ours", "peer")}
    min_ns = min_ms * 1_000_000
    warm_up = min(300, max(100, min_ms)) * 1_000_000
    for side in calls:
        for fn in calls[side].values():
            run(fn, warm_up)
    ns = {side: {op: [] for op in calls[side]} for side in calls}
    for _ in range(runs):
        for op in ("build007", "verify007", "build006"):
            for side in ("ours", "peer", "extra"):
                if op in calls[side]:
                    ns[side][op].append(round(run(calls[side][op], min_ns), 1))
    print(json.dumps({
        "language": "Python",
        "runtime": "CPython %s" % platform.python_version(),
        "ours": {"name": "agora_token %s (our wheel)" % version("agora-token"), "ns": ns["ours"],
                 "samples": samples["ours"]},
        "peer": {"name": "PyPI agoraiotools %s" % version("agoraiotools"), "ns": ns["peer"],
                 "samples": samples["peer"]},
        "extra": [{"op": "verify007", "ns": ns["extra"]["verify007"],
                   "name": "agora_token drop-in: AccessToken2().from_string + verify_signature"}],
        "notes": {
            "verify007": "agoraiotools has no verify: its AccessToken.from_string plus a signature check "
                         "from its Packer helpers and hmac (decodes the token a second time)",
        },
    }))


if __name__ == "__main__":
    main()
