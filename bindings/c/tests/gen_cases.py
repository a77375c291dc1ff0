#!/usr/bin/env python3
"""Turns tests/vectors/*.json (or tests/conformance/bad_inputs.json) into a
C source of AgtCase structs (cases.h).

    gen_cases.py VECTORS_DIR OUT.c

Each input key of a case becomes the field of the same name (see cases.h for
the few that share a field: account/rtc_account/user_account, role/rtc_role,
token_expire/rtc_token_expire). Strings are written byte by byte, so the
C side sees exactly the UTF-8 of the JSON. A bad-input case that gives a
name where C takes a number (a role, an RTM2 resource or permission type) is
left out; its expectations must say "not offered" for every C surface.
"""

import json
import pathlib
import sys

# input key -> AgtCase field
FIELDS = {
    "app_id": "app_id",
    "app_certificate": "app_certificate",
    "channel_name": "channel_name",
    "account": "account",
    "rtc_account": "account",
    "user_account": "account",
    "user_id": "user_id",
    "rtm_user_id": "rtm_user_id",
    "room_uuid": "room_uuid",
    "user_uuid": "user_uuid",
    "permission": "permission",
    "role": "role",
    "rtc_role": "role",
    "token_expire": "token_expire",
    "rtc_token_expire": "token_expire",
    "privilege_expire": "privilege_expire",
    "join_channel_privilege_expire": "join",
    "pub_audio_privilege_expire": "pub_audio",
    "pub_video_privilege_expire": "pub_video",
    "pub_data_stream_privilege_expire": "pub_data",
    "rtm_token_expire": "rtm_token_expire",
    "expire": "expire",
    "issue_ts": "issue_ts",
    "salt": "salt",
    "ts": "ts",
    "privilege_expired_ts": "privilege_expired_ts",
    "unix_ts": "unix_ts",
    "random_int": "random_int",
    "expired_ts": "expired_ts",
}

SERVICE_STRINGS = ["channel_name", "uid", "user_id", "account", "room_uuid", "user_uuid"]


# Where C takes a number and a bad-input case gives a name instead.
NUMBERS = ("role", "rtc_role")
PERMISSION_NUMBERS = ("resource_type", "permission_type")
C_SURFACES = ("c", "cpp", "cpp_modern")


def names_a_number(inputs):
    """True for a case that gives a name where C takes a number: C cannot
    express it."""
    return any(isinstance(inputs.get(k), str) for k in NUMBERS) or any(
        isinstance(p.get(k), str) for p in inputs.get("permissions") or [] for k in PERMISSION_NUMBERS
    )


def c_string(s):
    out = []
    for b in s.encode("utf-8"):
        if 0x20 <= b < 0x7F and chr(b) not in '"\\?':
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def service_field(v):
    """A service string field; a number stands for its decimal text, 0 for ""."""
    if v is None:
        return ""
    if isinstance(v, int):
        return "" if v == 0 else str(v)
    return v


class Writer:
    def __init__(self):
        self.decls = []
        self.n = 0

    def name(self, prefix):
        self.n += 1
        return "%s_%d" % (prefix, self.n)

    def permissions(self, perms):
        if not perms:
            return "NULL", 0
        entries = []
        for p in perms:
            if p["resources"]:
                rname = self.name("resources")
                self.decls.append(
                    "static const char *const %s[] = {%s};"
                    % (rname, ", ".join(c_string(r) for r in p["resources"]))
                )
            else:
                rname = "NULL"
            entries.append(
                "{%d, %d, %s, %d}"
                % (p["resource_type"], p["permission_type"], rname, len(p["resources"]))
            )
        pname = self.name("permissions")
        self.decls.append(
            "static const AgoraTokenRtm2Permission %s[] = {%s};" % (pname, ", ".join(entries))
        )
        return pname, len(perms)

    def services(self, services):
        entries = []
        for s in services:
            privs = s.get("privileges") or {}
            if privs:
                pname = self.name("privileges")
                self.decls.append(
                    "static const AgoraTokenPrivilege %s[] = {%s};"
                    % (pname, ", ".join("{%s, %du}" % (k, v) for k, v in privs.items()))
                )
            else:
                pname = "NULL"
            perm_name, perm_count = self.permissions(s.get("permissions"))
            fields = [
                ".service_type = %d" % s["type"],
                ".privileges = %s" % pname,
                ".privilege_count = %d" % len(privs),
            ]
            fields += [
                ".%s = %s" % (f, c_string(service_field(s.get(f)))) for f in SERVICE_STRINGS
            ]
            fields += [
                ".role = %d" % s.get("role", -1),
                ".permissions = %s" % perm_name,
                ".permission_count = %d" % perm_count,
            ]
            entries.append("{" + ", ".join(fields) + "}")
        name = self.name("services")
        self.decls.append(
            "static const AgoraTokenService %s[] = {\n    %s};" % (name, ",\n    ".join(entries))
        )
        return name, len(services)

    def case(self, file, case):
        inputs = case["inputs"]
        if names_a_number(inputs):
            return None
        fields = [
            ".file = %s" % c_string(file),
            ".name = %s" % c_string(case["name"]),
            ".builder = %s" % c_string(case["builder"]),
            ".token = %s" % c_string(case["token"]),
        ]
        for key, value in inputs.items():
            if key == "uid":
                fields += [".has_uid = 1", ".uid = %du" % value]
            elif key == "permissions":
                name, count = self.permissions(value)
                fields += [".permissions = %s" % name, ".permission_count = %d" % count]
            elif key == "services":
                name, count = self.services(value)
                fields += [".services = %s" % name, ".service_count = %d" % count]
            elif key in FIELDS:
                if isinstance(value, str):
                    fields.append(".%s = %s" % (FIELDS[key], c_string(value)))
                elif key in ("role", "rtc_role"):
                    fields.append(".%s = %d" % (FIELDS[key], value))
                else:
                    fields.append(".%s = %du" % (FIELDS[key], value))
            else:
                raise SystemExit("%s: unknown input %r" % (case["name"], key))
        return "{" + ", ".join(fields) + "}"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    vectors, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    w = Writer()
    cases = []
    for path in sorted(vectors.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            text = w.case(path.name, case)
            if text is None:
                # Left out: the driver requires every C surface to expect it
                # "not offered".
                expect = case.get("expect", {})
                if not all(expect.get(s, "").startswith("not offered") for s in C_SURFACES):
                    raise SystemExit("%s: a name where C takes a number, but not 'not offered' for %s"
                                     % (case["name"], ", ".join(C_SURFACES)))
                continue
            cases.append(text)
    if not cases:
        raise SystemExit("no vector in %s" % vectors)
    text = [
        "/* Generated by bindings/c/tests/gen_cases.py from tests/vectors. */",
        '#include "cases.h"',
        "",
        *w.decls,
        "",
        "const AgtCase AGT_CASES[] = {",
        ",\n".join(cases),
        "};",
        "const size_t AGT_CASE_COUNT = sizeof AGT_CASES / sizeof AGT_CASES[0];",
        "",
    ]
    out.write_text("\n".join(text), encoding="utf-8")
    print("%d cases -> %s" % (len(cases), out))


if __name__ == "__main__":
    main()
