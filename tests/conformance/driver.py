#!/usr/bin/env python3
"""Conformance driver: every official vector and every bad input through
every surface of agora-token. Run by scripts/test-conformance, which builds
the surfaces and passes their locations; see tests/conformance/README.md.

Rules checked:

- A surface that offers a vector's builder must give a token whose content
  (007: base64 + zlib decoded; 006: the 35-character prefix and the base64
  decoded rest; legacy keys: the text) is byte-identical to the official
  token's, signature included; where the official package compresses with
  stock zlib (PyPI), a pinned 007 token's text must be the very same string
  too (token-core writes zlib's bytes for a token whose issue ts and salt
  are given). Surfaces that cannot be given an issue ts and salt (the
  official-named drop-in APIs, like the official builders) are "re-pinned":
  the driver reads the issue ts and salt (006: salt and ts) back from their
  token and requires its content to be byte-identical to what token-core,
  called directly, builds from the same inputs with those values.
- Where token-core's checked builder refuses a vector's input (the official
  builders accept e.g. an empty account; token-core has `_unchecked` twins for
  drop-in layers), a checked-only surface may refuse it too, with
  invalid_input: "refused as core". Any other refusal FAILS.
- A builder a surface does not offer is "not offered", with the reason.
- Every bad input (bad_inputs.json) must be refused by every surface that can
  express it, with the same error kind; drop-in layers must do exactly what
  their documentation says (return "", accept as the official builders do,
  or raise), and a builder they do not offer is "not offered".

Exit status 0 when nothing failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import pathlib
import re
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections import OrderedDict
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VECTORS = ROOT / "tests" / "vectors"

IDENTICAL, REPINNED, REFUSED, NOT_OFFERED, FAIL = "identical", "re-pinned", "refused as core", "not offered", "FAIL"
REJECTED = "rejected as expected"
DOCUMENTED = "documented drop-in result"


class NotOffered(Exception):
    """A surface has no form of this case; the message says why."""


# ---------------------------------------------------------------------------
# Cases and token contents.


def load_vectors() -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """(cases, divergent cases) of tests/vectors/*.json."""
    cases, divergent = [], []
    for path in sorted(VECTORS.glob("*.json")):
        for c in json.loads(path.read_text(encoding="utf-8")):
            c = dict(c, file=path.name)
            (divergent if path.name.startswith("divergent_") else cases).append(c)
    return cases, divergent


def b64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def content(token: str) -> bytes:
    """What Agora reads of a token: 007 decompressed, 006 prefix + decoded
    bytes, legacy keys their text."""
    if token.startswith("007"):
        return b"007" + zlib.decompress(b64(token[3:]))
    if token.startswith("006"):
        return token[:35].encode() + b64(token[35:])
    return token.encode()


def issue_of(token: str) -> Dict[str, int]:
    """The issue ts and salt of a 007 token, or the salt and ts of a 006 one:
    the values a re-pinned comparison rebuilds with."""
    data = content(token)
    if token.startswith("007"):
        data = data[3:]
        (n,) = struct.unpack_from("<H", data, 0)
        off = 2 + n
        (n,) = struct.unpack_from("<H", data, off)
        off += 2 + n
        issue_ts, _expire, salt = struct.unpack_from("<III", data, off)
        return {"issue_ts": issue_ts, "salt": salt}
    if token.startswith("006"):
        data = data[35:]
        (n,) = struct.unpack_from("<H", data, 0)
        off = 2 + n + 8  # signature, crc of channel, crc of uid
        off += 2  # length of the message
        salt, ts = struct.unpack_from("<II", data, off)
        return {"salt": salt, "ts": ts}
    raise ValueError("no issue fields in a legacy key")


def same_text(ours: str, theirs: str, why: str) -> Tuple[bool, str]:
    """007 token text must be the very string too where both sides compress
    with stock zlib level 6 (token-core writes zlib's bytes)."""
    if ours.startswith("007") and ours != theirs:
        return False, "same content, but not the same token text (%s)" % why
    return True, ""


def same_content(ours: str, theirs: str) -> Tuple[bool, str]:
    try:
        a, b = content(ours), content(theirs)
    except Exception as e:  # noqa: BLE001 - any decode failure is a mismatch
        return False, "cannot decode the surface's token %r: %s" % (ours[:40], e)
    if a == b:
        return True, ""
    at = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return False, "content differs at byte %d (lengths %d vs %d)" % (at, len(a), len(b))


# ---------------------------------------------------------------------------
# Results.


class Report:
    def __init__(self) -> None:
        self.rows: "OrderedDict[str, Dict[str, int]]" = OrderedDict()
        self.failures: List[str] = []
        self.not_offered: "OrderedDict[Tuple[str, str], int]" = OrderedDict()

    def add(self, surface: str, case: str, status: str, detail: str = "") -> None:
        row = self.rows.setdefault(surface, OrderedDict((k, 0) for k in (
            "cases", IDENTICAL, REPINNED, REFUSED, REJECTED, DOCUMENTED, NOT_OFFERED, FAIL)))
        row["cases"] += 1
        row[status] += 1
        if status == FAIL:
            self.failures.append("%s: %s: %s" % (surface, case, detail))
        if status == NOT_OFFERED:
            key = (surface, detail)
            self.not_offered[key] = self.not_offered.get(key, 0) + 1

    def table(self, title: str, columns: List[Tuple[str, str]]) -> str:
        head = ["surface"] + [c[1] for c in columns]
        lines = [[s] + [str(r[c[0]]) for c in columns] for s, r in self.rows.items()]
        widths = [max(len(x[i]) for x in [head] + lines) for i in range(len(head))]
        fmt = lambda r: "  ".join(v.ljust(widths[0]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(r))  # noqa: E731
        out = [title, fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in lines]
        return "\n".join(out)


# ---------------------------------------------------------------------------
# Surfaces: each runs a batch of requests and returns one reply per request.


def run_lines(cmd: List[str], requests: List[Dict[str, Any]], cwd: Optional[str] = None,
              env: Optional[Dict[str, str]] = None) -> List[Dict[str, Any]]:
    text = "".join(json.dumps(r) + "\n" for r in requests)
    p = subprocess.run(cmd, input=text, capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    if p.returncode != 0:
        raise SystemExit("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr[-3000:]))
    replies = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    if requests and len(replies) != len(requests):
        raise SystemExit("%s: %d replies to %d requests\n%s" % (cmd[0], len(replies), len(requests), p.stderr[-2000:]))
    return replies


class Core:
    """token-core called directly (tests/conformance/core-runner)."""

    def __init__(self, binary: str) -> None:
        self.binary = binary

    def run(self, cases: List[Dict[str, Any]], mode: str) -> List[Dict[str, Any]]:
        reqs = [{"id": n, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", ""), "mode": mode}
                for n, c in enumerate(cases)]
        return run_lines([self.binary], reqs)


def repin_check(core: Core, pending: List[Tuple[str, str, Dict[str, Any], str]], report: Report) -> None:
    """Re-pinned comparisons: (surface, case name, case, token) each rebuilt
    by token-core with the token's own issue ts and salt."""
    batch, keep = [], []
    for surface, name, case, token in pending:
        try:
            fields = issue_of(token)
        except Exception as e:  # noqa: BLE001
            report.add(surface, name, FAIL, "cannot read issue fields of %r: %s" % (token[:40], e))
            continue
        batch.append(dict(case, inputs=dict(case["inputs"], **fields)))
        keep.append((surface, name, token))
    for (surface, name, token), reply in zip(keep, core.run(batch, "auto") if batch else []):
        if not reply["ok"]:
            report.add(surface, name, FAIL, "token-core refuses the re-pinned case: %s" % reply.get("message"))
            continue
        ok, why = same_content(token, reply["token"])
        report.add(surface, name, REPINNED if ok else FAIL, why)


# -- CLI ---------------------------------------------------------------------

RTC_ROLES = {1: "publisher", 2: "subscriber"}
RTC006_ROLES = {0: "attendee", 1: "publisher", 2: "subscriber", 101: "admin"}
RESOURCES = ["message_channels", "stream_channels", "group_channels", "server_groups", "users"]
PERMS = ["read", "write"]


def arg(name: str, value: Any) -> str:
    text = str(value)
    if "\0" in text:
        raise NotOffered("a NUL byte cannot be a command-line argument")
    return "--%s=%s" % (name, text)


def cli_user(i: Dict[str, Any], uid_key: str, account_key: str) -> List[str]:
    for key in (uid_key, account_key):
        if key in i:
            return [arg("uid", i[key])] if isinstance(i[key], int) else [arg("account", i[key])]
    raise KeyError(account_key)


def cli_role(role: Any) -> str:
    """A role as the CLI and the native API name it; a name (a case of an
    unknown name) is passed as it is, for the surface to refuse."""
    if isinstance(role, str):
        return role
    if role not in RTC_ROLES:
        raise NotOffered("--role takes publisher or subscriber")
    return RTC_ROLES[role]


def type_name(names: List[str], value: Any, what: str) -> str:
    """An RTM2 resource or permission type by name, for the surfaces that take
    names: a number by its name (a number without one cannot be said), a
    name (a case of an unknown name) as it is."""
    if isinstance(value, str):
        return value
    if not 0 <= value < len(names):
        raise NotOffered("%s names only" % what)
    return names[value]


def cli_privileges(i: Dict[str, Any]) -> List[str]:
    return [arg("join-expire", i["join_channel_privilege_expire"]), arg("audio-expire", i["pub_audio_privilege_expire"]),
            arg("video-expire", i["pub_video_privilege_expire"]),
            arg("data-expire", i["pub_data_stream_privilege_expire"])]


def cli_args(c: Dict[str, Any]) -> List[str]:
    b, i = c["builder"], c["inputs"]
    family = b.split(".")[0]
    if family in ("dk3", "dk4", "dk5", "signaling"):
        raise NotOffered("the CLI has no legacy DynamicKey/Signaling command")
    if b == "access_token2.services":
        raise NotOffered("the CLI has no command for hand-assembled services")
    creds = [arg("app-id", i["app_id"]), arg("app-certificate", i["app_certificate"])]
    if b.startswith("rtc006.") or b == "rtm006.token":
        # 006: the CLI's --issue-ts is "now"; the token's ts is now + 24 h and
        # expiries are seconds from now.
        now = i["ts"] - 86400
        if now < 0:
            raise NotOffered("ts before 1970-01-02 has no --issue-ts")
        pet = i["privilege_expired_ts"]
        if pet != 0 and pet <= now:
            raise NotOffered("an expiry at or before issue cannot be given in seconds from now")
        seconds = 0 if pet == 0 else pet - now
        fixed = [arg("issue-ts", now), arg("salt", i["salt"])]
        if b == "rtm006.token":
            return ["rtm", "--format=006", arg("user-id", i["user_account"]), arg("expire", seconds)] + creds + fixed
        if i["role"] not in RTC006_ROLES:
            raise NotOffered("--role takes attendee, publisher, subscriber or admin")
        return (["rtc", "--format=006", arg("channel", i["channel_name"])] + cli_user(i, "uid", "account")
                + [arg("role", RTC006_ROLES[i["role"]]), arg("privilege-expire", seconds)] + creds + fixed)
    fixed = [arg("issue-ts", i["issue_ts"]), arg("salt", i["salt"])]
    if b in ("rtc.with_uid", "rtc.with_user_account"):
        return (["rtc", arg("channel", i["channel_name"])] + cli_user(i, "uid", "account")
                + [arg("role", cli_role(i["role"])), arg("expire", i["token_expire"]),
                   arg("privilege-expire", i["privilege_expire"])] + creds + fixed)
    if b in ("rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege"):
        return (["rtc", arg("channel", i["channel_name"])] + cli_user(i, "uid", "account")
                + [arg("expire", i["token_expire"])] + cli_privileges(i) + creds + fixed)
    if b == "rtc.with_rtm":
        return (["rtc", "--with-rtm", arg("channel", i["channel_name"]), arg("account", i["account"]),
                 arg("role", cli_role(i["role"])), arg("expire", i["token_expire"]),
                 arg("privilege-expire", i["privilege_expire"])] + creds + fixed)
    if b in ("rtc.with_rtm2", "convoai.token", "stt.token"):
        cmd = {"rtc.with_rtm2": "rtc", "convoai.token": "convoai", "stt.token": "stt"}[b]
        return ([cmd, arg("channel", i["channel_name"])] + cli_user(i, "rtc_uid", "rtc_account")
                + [arg("role", cli_role(i["rtc_role"])), arg("expire", i["rtc_token_expire"])] + cli_privileges(i)
                + [arg("rtm-user-id", i["rtm_user_id"]), arg("rtm-expire", i["rtm_token_expire"])] + creds + fixed)
    if b == "rtm.token":
        return ["rtm", arg("user-id", i["user_id"]), arg("expire", i["expire"])] + creds + fixed
    if b == "rtm.token_with_permissions":
        pairs = [(p["resource_type"], p["permission_type"]) for p in i["permissions"]]
        if len(set(pairs)) != len(pairs):
            raise NotOffered("--permission adds names to a repeated pair; the official add() replaces them")
        perms = []
        for p in i["permissions"]:
            names = p["resources"]
            if not names or any("," in n for n in names):
                raise NotOffered("--permission takes a comma-separated list of at least one name")
            perms.append(arg("permission", "%s:%s:%s" % (
                type_name(RESOURCES, p["resource_type"], "--permission takes resource types by"),
                type_name(PERMS, p["permission_type"], "--permission takes permission types by"), ",".join(names))))
        if not perms:
            raise NotOffered("an RTM2 token without any permission is `rtm` without --permission (another service)")
        return ["rtm", arg("user-id", i["user_id"]), arg("expire", i["expire"])] + perms + creds + fixed
    if b == "chat.user":
        return ["chat", arg("user-id", i["user_id"]), arg("expire", i["expire"])] + creds + fixed
    if b == "chat.app":
        return ["chat", "--app", arg("expire", i["expire"])] + creds + fixed
    if b == "fpa.token":
        return ["fpa"] + creds + fixed
    if family in ("apaas", "education"):
        kind = b.split(".")[1]
        if kind == "room_user":
            return ([family, arg("room-uuid", i["room_uuid"]), arg("user-uuid", i["user_uuid"]), arg("role", i["role"]),
                     arg("expire", i["expire"])] + creds + fixed)
        if kind == "user":
            return [family, arg("user-uuid", i["user_uuid"]), arg("expire", i["expire"])] + creds + fixed
        return [family, "--app", arg("expire", i["expire"])] + creds + fixed
    raise NotOffered("no CLI command for " + b)


CLI_KIND = {0: None, 1: "signature_mismatch", 2: "malformed_or_wrong_version", 64: "invalid_input"}


def run_cli(binary: str, c: Dict[str, Any]) -> Dict[str, Any]:
    """{"ok": True, "token"} or {"ok": False, "kind", "message"} for a case."""
    b, i = c["builder"], c["inputs"]
    if b == "parse":
        argv = ["inspect", "--", c["token"]]
    elif b == "verify":
        argv = ["verify", arg("app-certificate", i["app_certificate"]), "--now=1", "--", c["token"]]
        if c["token"].startswith("006"):
            argv[1:1] = [arg("channel", i["channel_name"])] + cli_user(i, "uid", "account")
    else:
        argv = cli_args(c)
    env = {k: v for k, v in os.environ.items() if k not in ("APP_ID", "APP_CERTIFICATE")}
    p = subprocess.run([binary] + argv, capture_output=True, text=True, env=env, timeout=60)
    if p.returncode == 0:
        return {"ok": True, "token": p.stdout.strip() if b not in ("parse", "verify") else ""}
    return {"ok": False, "kind": CLI_KIND.get(p.returncode, "exit %d" % p.returncode), "message": p.stderr.strip()}


# -- server ------------------------------------------------------------------


class Server:
    """`agora-token serve` for one app ID/certificate, optionally with a
    fixed issue ts and salt (the test-only setting)."""

    def __init__(self, binary: str, app_id: str, cert: str, issue: Optional[Tuple[int, int]]) -> None:
        argv = [binary, "serve", "--host=127.0.0.1", "--port=0", "--ip-rate-limit=0", "--caller-rate-limit=0",
                "--default-expire=3600", arg("app-id", app_id), arg("app-certificate", cert)]
        if issue is not None:
            argv += [arg("fixed-issue-ts", issue[0]), arg("fixed-salt", issue[1])]
        env = {k: v for k, v in os.environ.items() if k not in ("APP_ID", "APP_CERTIFICATE", "PORT", "AGORA_TOKEN_CONFIG")}
        env["RUST_LOG"] = "warn"
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if not m:
            self.stop()
            raise SystemExit("server did not start: %r\n%s" % (line, self.stderr()))
        self.url = m.group(1)

    def stderr(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def request(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw.decode(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def q(text: str) -> str:
    if text in ("", ".", ".."):
        raise NotOffered("an empty, '.' or '..' path segment cannot name a value")
    return urllib.parse.quote(text, safe="")


def native_user(i: Dict[str, Any], uid_key: str, account_key: str) -> Dict[str, Any]:
    for key in (uid_key, account_key):
        if key in i:
            return {"uid": i[key]} if isinstance(i[key], int) else {"account": i[key]}
    raise KeyError(account_key)


def native_privileges(i: Dict[str, Any]) -> Dict[str, int]:
    return {"join_channel": i["join_channel_privilege_expire"], "publish_audio_stream": i["pub_audio_privilege_expire"],
            "publish_video_stream": i["pub_video_privilege_expire"],
            "publish_data_stream": i["pub_data_stream_privilege_expire"]}


def native_body(c: Dict[str, Any]) -> Dict[str, Any]:
    b, i = c["builder"], c["inputs"]
    family = b.split(".")[0]
    if b in ("rtc.with_uid", "rtc.with_user_account"):
        return dict(kind="rtc", channel_name=i["channel_name"], **native_user(i, "uid", "account"),
                    role=cli_role(i["role"]), expire=i["token_expire"], privilege_expire=i["privilege_expire"])
    if b in ("rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege"):
        return dict(kind="rtc", channel_name=i["channel_name"], **native_user(i, "uid", "account"),
                    expire=i["token_expire"], privileges=native_privileges(i))
    if b == "rtc.with_rtm2":
        return dict(kind="rtc", channel_name=i["channel_name"], **native_user(i, "rtc_uid", "rtc_account"),
                    role=cli_role(i["rtc_role"]), expire=i["rtc_token_expire"], privileges=native_privileges(i),
                    rtm_user_id=i["rtm_user_id"], rtm_expire=i["rtm_token_expire"])
    if b in ("convoai.token", "stt.token"):
        expires = set(native_privileges(i).values())
        if len(expires) != 1:
            raise NotOffered("the native convoai/stt request has one privilege_expire for all four privileges")
        return dict(kind=family, channel_name=i["channel_name"], **native_user(i, "rtc_uid", "rtc_account"),
                    role=cli_role(i["rtc_role"]), expire=i["rtc_token_expire"], privilege_expire=expires.pop(),
                    rtm_user_id=i["rtm_user_id"], rtm_expire=i["rtm_token_expire"])
    if b == "rtm.token":
        return dict(kind="rtm", user_id=i["user_id"], expire=i["expire"])
    if b == "rtm.token_with_permissions":
        pairs = [(p["resource_type"], p["permission_type"]) for p in i["permissions"]]
        if len(set(pairs)) != len(pairs):
            raise NotOffered("the native API adds names to a repeated pair; the official add() replaces them")
        if not pairs:
            raise NotOffered("the native API takes a non-empty list of permissions")
        return dict(kind="rtm", user_id=i["user_id"], expire=i["expire"], permissions=[
            {"resource_type": type_name(RESOURCES, p["resource_type"], "the native API takes resource types by"),
             "permission_type": type_name(PERMS, p["permission_type"], "the native API takes permission types by"),
             "resources": p["resources"]} for p in i["permissions"]])
    if b == "chat.user":
        return dict(kind="chat", user_id=i["user_id"], expire=i["expire"])
    if b == "chat.app":
        return dict(kind="chat", app=True, expire=i["expire"])
    if b == "fpa.token":
        return dict(kind="fpa")
    if family in ("apaas", "education"):
        kind = b.split(".")[1]
        if kind == "room_user":
            return dict(kind=family, room_uuid=i["room_uuid"], user_uuid=i["user_uuid"], role=i["role"],
                        expire=i["expire"])
        if kind == "user":
            return dict(kind=family, user_uuid=i["user_uuid"], expire=i["expire"])
        return dict(kind=family, app=True, expire=i["expire"])
    if b == "rtc.with_rtm":
        raise NotOffered("the native API has no BuildTokenWithRtm form (rtm_user_id gives BuildTokenWithRtm2)")
    raise NotOffered("the server issues 007 tokens of the token-core builders only")


def same_expire(i: Dict[str, Any]) -> int:
    if i["token_expire"] != i["privilege_expire"]:
        raise NotOffered("the route gives the token and its privileges one expiry")
    return i["token_expire"]


def official_body(c: Dict[str, Any]) -> Dict[str, Any]:
    """POST /token/generate (the official Docker token service)."""
    b, i = c["builder"], c["inputs"]
    if b in ("rtc.with_uid", "rtc.with_user_account", "rtc.with_rtm"):
        user = i.get("uid", i.get("account"))
        uid = ("" if user == 0 else str(user)) if isinstance(user, int) else user
        body = {"channelName": i["channel_name"], "uid": uid, "tokenExpireTs": i["token_expire"],
                "privilegeExpireTs": i["privilege_expire"], "serviceRtc": {"enable": True, "role": i["role"]}}
        if b == "rtc.with_rtm":
            body["serviceRtm"] = {"enable": True}
        return body
    if b == "rtm.token":
        return {"uid": i["user_id"], "tokenExpireTs": i["expire"], "serviceRtm": {"enable": True}}
    if b == "chat.user":
        return {"tokenExpireTs": i["expire"], "serviceChat": {"enableUser": True, "userUuid": i["user_id"]}}
    if b == "chat.app":
        return {"tokenExpireTs": i["expire"], "serviceChat": {"enableApp": True}}
    if b == "fpa.token":
        return {"tokenExpireTs": 86400, "serviceFpa": {"enable": True}}
    if b in ("apaas.user", "education.user"):
        return {"tokenExpireTs": i["expire"], "serviceApaas": {"enableUser": True, "userUuid": i["user_uuid"]}}
    if b in ("apaas.app", "education.app"):
        return {"tokenExpireTs": i["expire"], "serviceApaas": {"enableApp": True}}
    raise NotOffered("the official token service has no such service combination")


def server_routes() -> List[Tuple[str, Callable[[Server, Dict[str, Any]], Dict[str, Any]]]]:
    """(surface name, call) for each route; a call returns {"ok", "token"} or
    {"ok": False, "kind", "message"} or raises NotOffered."""

    def native(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        status, body = s.request("POST", "/v1/tokens", native_body(c))
        if status == 200:
            return {"ok": True, "token": body["token"]}
        return {"ok": False, "kind": body["error"]["code"], "message": body["error"]["message"]}

    def generate(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        status, body = s.request("POST", "/token/generate", official_body(c))
        if status == 200 and body.get("code") == 0:
            return {"ok": True, "token": body["data"]["token"]}
        # Code -2 is the route's "no token could be built from this request":
        # since the server checks inputs (an empty user, an invalid channel
        # name), that is token-core's invalid_input.
        kind = "invalid_input" if body.get("code") == -2 else "code %s" % body.get("code")
        return {"ok": False, "kind": kind, "message": body.get("message")}

    def fetch(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        i = c["inputs"]
        if c["builder"] != "rtc.with_uid":
            raise NotOffered("/fetch_rtc_token builds RTC tokens for a numeric uid only")
        if same_expire(i) != 3600:
            raise NotOffered("/fetch_rtc_token uses the server's default_expire (3600 here)")
        status, body = s.request("POST", "/fetch_rtc_token", {"uid": i["uid"], "ChannelName": i["channel_name"],
                                                              "role": i["role"]})
        return {"ok": status == 200, "token": body.get("token"), "kind": "HTTP %d" % status, "message": body}

    def rtc_path(c: Dict[str, Any], prefix: str) -> str:
        i = c["inputs"]
        if c["builder"] not in ("rtc.with_uid", "rtc.with_user_account"):
            raise NotOffered("/%s/ builds plain RTC tokens only" % prefix)
        expire = same_expire(i)
        role = cli_role(i["role"])
        user = i.get("uid", i.get("account"))
        kind = "uid" if isinstance(user, int) else "userAccount"
        return "/%s/%s/%s/%s/%s/" % (prefix, q(i["channel_name"]), role, kind, q(str(user))), expire

    def community_rtc(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        path, expire = rtc_path(c, "rtc")
        status, body = s.request("GET", path + "?expiry=%d" % expire)
        return {"ok": status == 200, "token": body.get("rtcToken") if isinstance(body, dict) else None,
                "kind": "HTTP %d" % status, "message": body}

    def community_rte(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        path, expire = rtc_path(c, "rte")
        status, body = s.request("GET", path + "conformance/?expiry=%d" % expire)
        return {"ok": status == 200, "token": body.get("rtcToken") if isinstance(body, dict) else None,
                "kind": "HTTP %d" % status, "message": body}

    def community_rtm(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        i = c["inputs"]
        if c["builder"] != "rtm.token":
            raise NotOffered("/rtm/ builds plain RTM login tokens only")
        if i["user_id"] == "0":
            raise NotOffered("/rtm/ refuses the user ID \"0\" (as the community service)")
        status, body = s.request("GET", "/rtm/%s/?expiry=%d" % (q(i["user_id"]), i["expire"]))
        return {"ok": status == 200, "token": body.get("rtmToken") if isinstance(body, dict) else None,
                "kind": "HTTP %d" % status, "message": body}

    def community_chat(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        i = c["inputs"]
        if c["builder"] == "chat.app":
            path = "/chat/app/"
        elif c["builder"] == "chat.user":
            path = "/chat/account/%s/" % q(i["user_id"])
        else:
            raise NotOffered("/chat/ builds Chat tokens only")
        status, body = s.request("GET", path + "?expiry=%d" % i["expire"])
        return {"ok": status == 200, "token": body.get("chatToken") if isinstance(body, dict) else None,
                "kind": "HTTP %d" % status, "message": body}

    def get_token(s: Server, c: Dict[str, Any]) -> Dict[str, Any]:
        b, i = c["builder"], c["inputs"]
        if b in ("rtc.with_uid", "rtc.with_user_account"):
            expire = same_expire(i)
            user = i.get("uid", i.get("account"))
            if isinstance(user, str) and re.fullmatch(r"[0-9]+", user) and int(user) < 2**32:
                raise NotOffered("/getToken reads a numeric uid text as a uid, not an account")
            if i["channel_name"] == "" or user == "":
                raise NotOffered("/getToken refuses an empty channel or uid (as the community service)")
            body = {"tokenType": "rtc", "channel": i["channel_name"], "role": cli_role(i["role"]), "uid": str(user),
                    "expire": expire}
        elif b == "rtm.token":
            if i["user_id"] == "":
                raise NotOffered("/getToken refuses an empty uid")
            body = {"tokenType": "rtm", "uid": i["user_id"], "expire": i["expire"]}
        elif b == "chat.user":
            if i["user_id"] == "":
                raise NotOffered("/getToken reads an empty uid as a Chat app token")
            body = {"tokenType": "chat", "uid": i["user_id"], "expire": i["expire"]}
        elif b == "chat.app":
            body = {"tokenType": "chat", "expire": i["expire"]}
        else:
            raise NotOffered("/getToken builds RTC, RTM and Chat tokens only")
        if body.get("expire") == 0:
            raise NotOffered("/getToken reads expire 0 as 3600")
        status, reply = s.request("POST", "/getToken", body)
        return {"ok": status == 200, "token": reply.get("token") if isinstance(reply, dict) else None,
                "kind": "HTTP %d" % status, "message": reply}

    return [("server POST /v1/tokens", native), ("server POST /token/generate", generate),
            ("server POST /fetch_rtc_token", fetch), ("server GET /rtc/", community_rtc),
            ("server GET /rte/ (rtcToken)", community_rte), ("server GET /rtm/", community_rtm),
            ("server GET /chat/", community_chat), ("server POST /getToken", get_token)]


# ---------------------------------------------------------------------------
# Vectors through every surface.


def judge(report: Report, surface: str, c: Dict[str, Any], reply: Dict[str, Any], core_checked: Dict[str, Any],
          pending: Optional[List[Any]] = None, checked_only: bool = True) -> None:
    """Records one surface's reply to a vector case."""
    name = c["name"]
    if reply.get("offered") is False:
        report.add(surface, name, NOT_OFFERED, reply.get("reason", ""))
        return
    if not reply.get("ok"):
        refused_by_core = not core_checked["ok"] and core_checked["kind"] == "invalid_input"
        if checked_only and refused_by_core and reply.get("kind") == "invalid_input":
            report.add(surface, name, REFUSED)
        else:
            report.add(surface, name, FAIL, "refused: %s %s (core checked: %s)" % (
                reply.get("kind"), str(reply.get("message"))[:200], core_checked.get("kind", "accepts")))
        return
    token = reply.get("token") or ""
    if reply.get("pinned", True):
        ok, why = same_content(token, c["token"])
        if ok and c.get("source", "").startswith("pypi:"):
            ok, why = same_text(token, c["token"], "the PyPI token, stock zlib level 6")
        report.add(surface, name, IDENTICAL if ok else FAIL, why)
    elif pending is not None:
        if c["token"][:3] != token[:3]:
            report.add(surface, name, FAIL, "version %r, official %r" % (token[:3], c["token"][:3]))
        else:
            pending.append((surface, name, c, token))


def vector_run(a: argparse.Namespace, cases: List[Dict[str, Any]], report: Report) -> None:
    core = Core(a.core)
    t0 = time.time()
    auto = core.run(cases, "auto")
    checked = core.run(cases, "checked")
    for c, r in zip(cases, auto):
        judge(report, "token-core (Rust, direct)", c, dict(r, pinned=True), {"ok": True}, checked_only=False)
    lenient = sum(1 for r in auto if r.get("lenient"))
    timing = {"token-core": time.time() - t0}

    t0 = time.time()
    for c, chk in zip(cases, checked):
        try:
            reply = run_cli(a.cli, c)
        except NotOffered as e:
            reply = {"offered": False, "reason": str(e)}
        judge(report, "CLI agora-token", c, reply, chk)
    timing["CLI"] = time.time() - t0

    t0 = time.time()
    by_name = {r["name"]: r for r in run_lines([a.c_vectors, "auto"], [])}
    for c, chk in zip(cases, checked):
        r = by_name.get(c["name"])
        if r is None:
            report.add("C ABI (libagora_token)", c["name"], FAIL, "no reply")
            continue
        judge(report, "C ABI (libagora_token)", c, r, chk, checked_only=False)
    timing["C"] = time.time() - t0

    t0 = time.time()
    by_name = {r["name"]: r for r in run_lines([a.cpp_vectors, "modern", "auto"], [])}
    for c, chk in zip(cases, checked):
        judge(report, "C++ agora::token (agora_token.hpp)", c, by_name[c["name"]], chk, checked_only=False)

    pending: List[Any] = []
    by_name = {r["name"]: r for r in run_lines([a.cpp_vectors], [])}
    for c, chk in zip(cases, checked):
        r = by_name[c["name"]]
        if r.get("offered") and r.get("token") == "":
            r = {"ok": False, "kind": "empty string", "message": "agora::tools returned \"\""}
        else:
            r = dict(r, pinned=False, reason="not in the official C++ headers (ConvoAI, STT, AccessToken2 services, "
                                             "legacy keys)")
        judge(report, "C++ agora::tools (agora_token.hpp)", c, r, chk, pending, checked_only=False)
    timing["C++"] = time.time() - t0

    t0 = time.time()
    for api, surface, only_checked in (("pythonic", "Python agora_token (Pythonic)", True),
                                       ("dropin", "Python agora_token (agoraiotools names)", False)):
        reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]}
                for n, c in enumerate(cases)]
        for c, chk, r in zip(cases, checked, run_lines([a.python, str(HERE / "workers" / "python_worker.py")], reqs,
                                                       cwd=tempfile.gettempdir())):
            if r.get("ok") and r.get("token") == "":
                r = {"offered": True, "ok": False, "kind": "empty string", "message": "returned ''"}
            judge(report, surface, c, r, chk, pending, checked_only=only_checked)
    timing["Python"] = time.time() - t0

    t0 = time.time()
    reqs = [{"id": n, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]} for n, c in enumerate(cases)]
    for c, chk, r in zip(cases, checked, run_lines(["node", str(HERE / "workers" / "node_worker.js"), a.node_pkg], reqs)):
        judge(report, "Node agora-token-rs (agora-token names)", c, r, chk, pending, checked_only=False)
    timing["Node"] = time.time() - t0

    if a.go_worker:
        t0 = time.time()
        for api, surface, only_checked in (("idiomatic", GO_SURFACES["idiomatic"], True),
                                           ("dropin", GO_SURFACES["dropin"], False)):
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]}
                    for n, c in enumerate(cases)]
            for c, chk, r in zip(cases, checked, run_lines([a.go_worker], reqs)):
                judge(report, surface, c, r, chk, pending, checked_only=only_checked)
        timing["Go"] = time.time() - t0

    if a.java_jar:
        t0 = time.time()
        reqs = [{"id": n, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]}
                for n, c in enumerate(cases)]
        for c, chk, r in zip(cases, checked, run_lines(java_worker(a), reqs)):
            judge(report, JAVA_SURFACE, c, r, chk, pending, checked_only=True)
        timing["Java"] = time.time() - t0

    if a.php:
        t0 = time.time()
        for api, (surface, only_checked) in PHP_SURFACES.items():
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]}
                    for n, c in enumerate(cases)]
            for c, chk, r in zip(cases, checked, run_lines(php_worker(a), reqs)):
                if r.get("ok") and r.get("token") == "":
                    r = {"offered": True, "ok": False, "kind": "empty string", "message": "returned ''"}
                judge(report, surface, c, r, chk, pending, checked_only=only_checked)
        timing["PHP"] = time.time() - t0
    if a.ruby_lib:
        t0 = time.time()
        for api, only_checked in (("idiomatic", True), ("dropin", False)):
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c["token"]}
                    for n, c in enumerate(cases)]
            for c, chk, r in zip(cases, checked, run_lines(ruby_worker(a), reqs, env=ruby_env(a))):
                if r.get("ok") and r.get("token") == "":
                    r = {"offered": True, "ok": False, "kind": "empty string", "message": "returned ''"}
                judge(report, RUBY_SURFACES[api], c, r, chk, pending, checked_only=only_checked)
        timing["Ruby"] = time.time() - t0

    t0 = time.time()
    repin_check(core, pending, report)
    timing["re-pin"] = time.time() - t0

    t0 = time.time()
    routes = server_routes()
    groups: "OrderedDict[Tuple[str, str, int, int], List[Tuple[Dict[str, Any], Dict[str, Any]]]]" = OrderedDict()
    for c, chk in zip(cases, checked):
        if not c["token"].startswith("007"):
            for surface, _ in routes:
                report.add(surface, c["name"], NOT_OFFERED, "the server issues 007 tokens only")
            continue
        i = c["inputs"]
        groups.setdefault((i["app_id"], i["app_certificate"], i["issue_ts"], i["salt"]), []).append((c, chk))
    servers = 0
    for (app_id, cert, issue_ts, salt), members in groups.items():
        server = Server(a.server, app_id, cert, (issue_ts, salt))
        servers += 1
        try:
            if "TESTS ONLY" not in server.stderr():
                time.sleep(0.2)
                if "TESTS ONLY" not in server.stderr():
                    report.add("server start-up", "fixed issue warning", FAIL,
                               "no TESTS ONLY warning on stderr: %r" % server.stderr()[:300])
            for c, chk in members:
                for surface, call in routes:
                    try:
                        reply = call(server, c)
                    except NotOffered as e:
                        reply = {"offered": False, "reason": str(e)}
                    judge(report, surface, c, reply, chk, checked_only=True)
        finally:
            server.stop()
    timing["server (%d instances)" % servers] = time.time() - t0
    a.timing = timing
    a.lenient = lenient


# ---------------------------------------------------------------------------
# Bad inputs.


def verify_body(c: Dict[str, Any]) -> Dict[str, Any]:
    """POST /v1/tokens/verify: a 006 token with its channel and user."""
    body: Dict[str, Any] = {"token": c["token"]}
    if c["token"].startswith("006"):
        body.update(channel_name=c["inputs"]["channel_name"], **native_user(c["inputs"], "uid", "account"))
    return body


GO_SURFACES = {"idiomatic": "Go agoratoken (idiomatic)", "dropin": "Go drop-in (official Go package names)"}


def go_expect(c: Dict[str, Any], api: str) -> str:
    """The Go surfaces' expectation for a bad input (bad_inputs.json has no
    Go keys): a "go"/"go_dropin" key if one is added; otherwise a value
    that a uint32 parameter cannot hold is not offered, the drop-in packages
    accept what the official builders accept (the C++ drop-in's
    "accepted"), return an error where the official Go code returns one
    (the default kind: ("", err) for a bad app ID or certificate), and
    verify with VerifySignature's (false, nil); else the default kind."""
    e = c["expect"]
    key = "go" if api == "idiomatic" else "go_dropin"
    if key in e:
        return e[key]
    # Go reaches token-core through the C ABI and takes the same types (role
    # and permission numbers, uint32 values): what C cannot express, Go
    # cannot either.
    if e.get("c", "").startswith("not offered"):
        return e["c"]
    if any(isinstance(v, int) and not 0 <= v <= 0xFFFFFFFF for v in c["inputs"].values()):
        return "not offered: the parameter is a uint32 in Go"
    if api == "dropin":
        if e.get("cpp") == "accepted":
            return "accepted"
        if c["builder"] == "verify" and c.get("token", "").startswith("006"):
            return "not offered: the official Go 006 packages have no verify"
        if c["builder"] == "verify" and e["default"] == "signature_mismatch":
            return "false"
    return e["default"]


JAVA_SURFACE = "Java io.github.agoratoken (idiomatic)"


def java_worker(a: argparse.Namespace) -> List[str]:
    """The Java worker, run from source against the binding's jar."""
    return ["java", "-cp", a.java_jar, str(HERE / "workers" / "JavaWorker.java")]


def java_expect(c: Dict[str, Any]) -> str:
    """The Java surface's expectation for a bad input (bad_inputs.json has no
    Java keys): a "java" key if one is added; a role or permission type
    given by name is not offered (the Java API takes a Role enum and
    permission numbers, as C does), while a number past 2^32 is (Java takes
    it as a long and refuses it with invalid_input); else the default."""
    e = c["expect"]
    if "java" in e:
        return e["java"]
    past_u32 = any(isinstance(v, int) and not 0 <= v <= 0xFFFFFFFF for v in c["inputs"].values())
    if e.get("c", "").startswith("not offered") and not past_u32:
        return "not offered: the Java API takes a Role enum and permission type numbers"
    return e["default"]


PHP_SURFACES = {"idiomatic": ("PHP AgoraToken\\TokenBuilder (idiomatic)", True),
                "dropin": ("PHP drop-in (official PHP class names)", False)}


def php_worker(a: argparse.Namespace) -> List[str]:
    """The PHP worker over libagora_token (AGORA_TOKEN_LIBRARY is set by
    scripts/test-conformance)."""
    return [a.php, "-d", "ffi.enable=1", str(HERE / "workers" / "php_worker.php")]


def php_expect(c: Dict[str, Any], api: str) -> str:
    """The PHP surfaces' expectation for a bad input (bad_inputs.json has no
    PHP keys): a "php"/"php_dropin" key if one is added. The idiomatic API
    takes a role as an RtcRole or int and permission types as numbers (a
    name is not offered) and refuses a number past 2^32 (PHP ints are 64
    bits) with invalid_input; else the default. The drop-ins do what the
    official PHP classes do where agoraiotools' drop-in does too ("" for a
    bad app ID or certificate, a token for what they accept), read a role
    name as the subscriber (`$role == ROLE_PUBLISHER` is false), have no
    AccessToken2 parse/verify class, and throw invalid_input otherwise."""
    e = c["expect"]
    key = "php" if api == "idiomatic" else "php_dropin"
    if key in e:
        return e[key]
    role_name = isinstance(c["inputs"].get("role"), str)
    perm_name = any(not isinstance(p.get(k), int) for p in c["inputs"].get("permissions", [])
                    for k in ("resource_type", "permission_type"))
    if api == "idiomatic":
        if role_name or perm_name:
            return "not offered: roles are an RtcRole or int, permission types numbers"
        return e["default"]
    if c["builder"] in ("parse", "verify", "access_token2.services"):
        return "not offered: the PHP drop-ins are the official builder classes (no AccessToken2 class)"
    if role_name:
        return "accepted"
    if e.get("python_dropin") in ("empty", "accepted"):
        return e["python_dropin"]
    return e["default"]


RUBY_SURFACES = {"idiomatic": "Ruby AgoraToken (idiomatic)", "dropin": "Ruby drop-in (AgoraDynamicKey2, AgoraDynamicKey names)"}


def ruby_worker(a: argparse.Namespace) -> List[str]:
    """The Ruby worker, run from source against bindings/ruby/lib."""
    return ["ruby", "-I", str(ROOT / "bindings" / "ruby" / "lib"), str(HERE / "workers" / "ruby_worker.rb")]


def ruby_env(a: argparse.Namespace) -> Dict[str, str]:
    return dict(os.environ, AGORA_TOKEN_LIBRARY=a.ruby_lib)


def ruby_expect(c: Dict[str, Any], api: str) -> str:
    """The Ruby surfaces' expectation for a bad input (bad_inputs.json has no
    Ruby keys): a "ruby"/"ruby_dropin" key if one is added; a role or
    permission type by name is not offered (Ruby passes numbers, as C); a
    number past 2^32 is refused with invalid_input before the C call. The
    drop-ins return "" for a bad 007 app ID or certificate (or no service)
    and accept what the official gem accepts (bindings/ruby/README.md); their
    AccessToken's parse and verify_signature answer false."""
    e = c["expect"]
    key = "ruby" if api == "idiomatic" else "ruby_dropin"
    if key in e:
        return e[key]
    past_u32 = any(isinstance(v, int) and not 0 <= v <= 0xFFFFFFFF for v in c["inputs"].values())
    if e.get("c", "").startswith("not offered") and not past_u32:
        return "not offered: roles and permission types are numbers"
    if api == "dropin":
        if c["builder"] == "verify" and c.get("token", "").startswith("006"):
            return "not offered: the official Ruby gem's 006 AccessToken has no signature check"
        if c["builder"] in ("parse", "verify"):
            return "false"
        if e.get("cpp") == "empty" and not c["builder"].startswith("rtc006.") or e["default"] == "no_service":
            return "empty"
        if e.get("python_dropin") == "accepted":
            return "accepted"
    return e["default"]


def bad_run(a: argparse.Namespace, cases: List[Dict[str, Any]], report: Report) -> None:
    """Each bad case has "expect": {"default": kind, <surface key>: ...};
    a surface key's value is a kind, "empty" (returns ""), "accepted"
    (returns a token, as the official builder does), "false" (returns
    False/false), or "not offered: <why>"."""
    core = Core(a.core)

    def expected(c: Dict[str, Any], key: str) -> str:
        e = c["expect"]
        return e.get(key, e["default"])

    def record(surface: str, key: str, c: Dict[str, Any], reply: Dict[str, Any]) -> None:
        want = expected(c, key)
        name = c["name"]
        if want.startswith("not offered"):
            report.add(surface, name, NOT_OFFERED, want[len("not offered: "):])
            return
        if reply.get("offered") is False:
            report.add(surface, name, FAIL, "expected %s, surface offers no such call: %s" % (want, reply.get("reason")))
            return
        if reply.get("ok"):
            value = reply.get("value")
            token = reply.get("token") or ""
            got = ("false" if value is False else "true" if value is True else
                   "empty" if token == "" and c["builder"] not in ("parse", "verify") else "accepted")
        else:
            got = reply.get("kind")
        if got == want:
            report.add(surface, name, REJECTED if want not in ("empty", "accepted", "false") else DOCUMENTED)
        else:
            report.add(surface, name, FAIL, "expected %s, got %s (%s)" % (want, got, str(reply.get("message"))[:200]))

    for c, r in zip(cases, core.run(cases, "checked")):
        record("token-core (Rust, direct)", "core", c, r)
    for c in cases:
        try:
            r = run_cli(a.cli, c)
            if r.get("kind") == "malformed_or_wrong_version":
                r["kind"] = expected(c, "cli") if expected(c, "cli") in ("malformed", "wrong_version") else r["kind"]
        except NotOffered as e:
            r = {"offered": False, "reason": str(e)}
        record("CLI agora-token", "cli", c, r)
    # gen_cases.py leaves out the cases C cannot express (a name where C
    # takes a number), which every C and C++ surface expects "not offered".
    absent = {"offered": False, "reason": "not in the generated C cases"}
    by_name = {r["name"]: r for r in run_lines([a.c_bad, "checked"], [])}
    for c in cases:
        record("C ABI (libagora_token)", "c", c, by_name.get(c["name"], absent))
    by_name = {r["name"]: r for r in run_lines([a.cpp_bad, "modern", "checked"], [])}
    for c in cases:
        record("C++ agora::token (agora_token.hpp)", "cpp_modern", c, by_name.get(c["name"], absent))
    by_name = {r["name"]: r for r in run_lines([a.cpp_bad], [])}
    for c in cases:
        r = by_name.get(c["name"], absent)
        if r.get("offered") is False:
            r = dict(r, reason="no agora::tools builder")
        record("C++ agora::tools (agora_token.hpp)", "cpp", c, r)
    for api, surface, key in (("pythonic", "Python agora_token (Pythonic)", "python"),
                              ("dropin", "Python agora_token (agoraiotools names)", "python_dropin")):
        reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
                for n, c in enumerate(cases)]
        for c, r in zip(cases, run_lines([a.python, str(HERE / "workers" / "python_worker.py")], reqs,
                                         cwd=tempfile.gettempdir())):
            record(surface, key, c, r)
    reqs = [{"id": n, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
            for n, c in enumerate(cases)]
    for c, r in zip(cases, run_lines(["node", str(HERE / "workers" / "node_worker.js"), a.node_pkg], reqs)):
        record("Node agora-token-rs (agora-token names)", "node", c, r)

    if a.go_worker:
        for api in ("idiomatic", "dropin"):
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
                    for n, c in enumerate(cases)]
            for c, r in zip(cases, run_lines([a.go_worker], reqs)):
                want = go_expect(c, api)
                c2 = dict(c, expect=dict(c["expect"], **{"go_" + api: want}))
                record(GO_SURFACES[api], "go_" + api, c2, r)

    if a.java_jar:
        reqs = [{"id": n, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
                for n, c in enumerate(cases)]
        for c, r in zip(cases, run_lines(java_worker(a), reqs)):
            c2 = dict(c, expect=dict(c["expect"], java=java_expect(c)))
            record(JAVA_SURFACE, "java", c2, r)

    if a.php:
        for api, (surface, _) in PHP_SURFACES.items():
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
                    for n, c in enumerate(cases)]
            for c, r in zip(cases, run_lines(php_worker(a), reqs)):
                c2 = dict(c, expect=dict(c["expect"], **{"php_" + api: php_expect(c, api)}))
                record(surface, "php_" + api, c2, r)
    if a.ruby_lib:
        for api in ("idiomatic", "dropin"):
            reqs = [{"id": n, "api": api, "builder": c["builder"], "inputs": c["inputs"], "token": c.get("token", "")}
                    for n, c in enumerate(cases)]
            for c, r in zip(cases, run_lines(ruby_worker(a), reqs, env=ruby_env(a))):
                c2 = dict(c, expect=dict(c["expect"], **{"ruby_" + api: ruby_expect(c, api)}))
                record(RUBY_SURFACES[api], "ruby_" + api, c2, r)

    # The server: one instance with the cases' (valid) credentials; bad
    # credentials are refused at start-up (exit 64) instead.
    server = Server(a.server, a.bad_app_id, a.bad_cert, None)
    try:
        for c in cases:
            want = expected(c, "server")
            b, i = c["builder"], c["inputs"]
            if want == "startup":
                p = subprocess.run([a.server, "serve", "--port=0", arg("app-id", i["app_id"]),
                                    arg("app-certificate", i["app_certificate"])],
                                   capture_output=True, text=True, timeout=30,
                                   env={k: v for k, v in os.environ.items() if k not in ("APP_ID", "APP_CERTIFICATE")})
                ok = p.returncode == 64 and "error:" in p.stderr
                report.add("server", c["name"], REJECTED if ok else FAIL,
                           "" if ok else "start-up with a bad credential: exit %d, %s" % (p.returncode, p.stderr[:200]))
                continue
            if want.startswith("not offered"):
                report.add("server", c["name"], NOT_OFFERED, want[len("not offered: "):])
                continue
            if b == "parse":
                status, body = server.request("POST", "/v1/tokens/inspect", {"token": c["token"]})
                # inspect answers a token error with HTTP 400, code
                # invalid_input and token-core's kind in "kind".
                got = "accepted" if status == 200 else body["error"].get("kind", body["error"]["code"])
            elif b == "verify":
                status, body = server.request("POST", "/v1/tokens/verify", verify_body(c))
                got = body.get("reason") if status == 200 else body["error"]["code"]
            else:
                try:
                    body_ = dict(native_body(c))
                except NotOffered as e:
                    report.add("server", c["name"], FAIL, "expected %s, not offered: %s" % (want, e))
                    continue
                status, body = server.request("POST", "/v1/tokens", body_)
                got = "accepted" if status == 200 else body["error"]["code"]
            report.add("server", c["name"], REJECTED if got == want else FAIL,
                       "" if got == want else "expected %s, got %s: %s" % (want, got, str(body)[:200]))
    finally:
        server.stop()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("core", "cli", "c-vectors", "c-bad", "cpp-vectors", "cpp-bad", "python", "node-pkg"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--java-jar", help="bindings/java's jar (runs workers/JavaWorker.java against it)")
    p.add_argument("--php", help="a php binary with FFI; runs workers/php_worker.php over AGORA_TOKEN_LIBRARY")
    p.add_argument("--ruby-lib", help="libagora_token.so for the Ruby worker (workers/ruby_worker.rb)")
    p.add_argument("--go-worker", help="tests/conformance/workers/go_worker built against libagora_token")
    a = p.parse_args()
    a.server = a.cli
    t_start = time.time()
    cases, divergent = load_vectors()
    bad = json.loads((HERE / "bad_inputs.json").read_text(encoding="utf-8"))
    a.bad_app_id, a.bad_cert = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"

    report = Report()
    vector_run(a, cases, report)
    print()
    print(report.table("Official vectors: %d cases (%d more in divergent_node_apaas_room_user.json skipped: npm "
                       "agora-token 2.0.6 gives the APaaS room-user service no privilege; Go, C++, Python and "
                       "token-core give it one, pinned by crates/token-core/tests/vectors.rs)"
                       % (len(cases), len(divergent)),
                       [("cases", "cases"), (IDENTICAL, "identical"), (REPINNED, "re-pinned"),
                        (REFUSED, "refused as core"), (NOT_OFFERED, "not offered"), (FAIL, "FAIL")]))
    print("(token-core used its _unchecked builder for %d vectors whose inputs its checked builders refuse.)"
          % a.lenient)
    print("\nNot offered, by reason:")
    for (surface, why), n in report.not_offered.items():
        print("  %-42s %3d  %s" % (surface, n, why))

    bad_report = Report()
    bad_run(a, bad, bad_report)
    print()
    print(bad_report.table("Bad inputs: %d cases (tests/conformance/bad_inputs.json)" % len(bad),
                           [("cases", "cases"), (REJECTED, "rejected, same kind"),
                            (DOCUMENTED, "documented drop-in result"), (NOT_OFFERED, "not offered"), (FAIL, "FAIL")]))
    print("\nTimes: " + ", ".join("%s %.1f s" % (k, v) for k, v in a.timing.items())
          + "; total %.1f s" % (time.time() - t_start))
    failures = report.failures + bad_report.failures
    if failures:
        print("\n%d FAILURES:" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    print("\nconformance: every offered case identical, every bad input rejected as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
