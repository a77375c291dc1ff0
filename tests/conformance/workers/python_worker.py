"""The Python surfaces of scripts/test-conformance, run inside the venv that
has the agora-token wheel installed.

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
import sys
from typing import Any, Dict, List, Optional

import agora_token as at
from agora_token import AccessToken2 as At007
from agora_token import (
    ChatTokenBuilder2,
    RtcTokenBuilder,
    RtcTokenBuilder2,
    RtmTokenBuilder,
    RtmTokenBuilder2,
    apaas_token_builder,
    convoai_token_builder,
    education_token_builder,
    fpa_token_builder,
    stt_token_builder,
)

KINDS = [
    (at.InvalidInputError, "invalid_input"),
    (at.NoServiceError, "no_service"),
    (at.WrongVersionError, "wrong_version"),
    (at.MalformedTokenError, "malformed"),
    (at.SignatureMismatchError, "signature_mismatch"),
]


class NotOffered(Exception):
    pass


def user_kwargs(i: Dict[str, Any], uid_key: str, account_key: str) -> Dict[str, Any]:
    for key in (uid_key, account_key):
        if key in i:
            return {"uid": i[key]} if isinstance(i[key], int) else {"account": i[key]}
    raise KeyError(account_key)


def number(value: Any, what: str) -> Any:
    """A role or RTM2 type as the Python APIs take it: a number. A name (a
    bad-input case for the surfaces that take names) cannot be said."""
    if isinstance(value, str):
        raise NotOffered("%s is a number in Python" % what)
    return value


def permissions(entries: List[Dict[str, Any]]) -> List[at.Rtm2Permission]:
    return [at.Rtm2Permission(number(p["resource_type"], "resource_type"), number(p["permission_type"], "permission_type"),
                              tuple(p["resources"])) for p in entries]


def dropin_permissions(entries: List[Dict[str, Any]]) -> At007.Rtm2Permissions:
    p = At007.Rtm2Permissions()
    for e in entries:
        p.add(number(e["resource_type"], "resource_type"), number(e["permission_type"], "permission_type"),
              e["resources"])
    return p


SERVICE_CLASSES = {
    1: lambda s, p: at.RtcService(s["channel_name"], s["uid"], p),
    2: lambda s, p: at.RtmService(s["user_id"], p),
    3: lambda s, p: at.StreamingService(s["channel_name"], s["account"], p),
    4: lambda s, p: at.FpaService(p),
    5: lambda s, p: at.ChatService(s["user_id"], p),
    6: lambda s, p: at.FcdnService(s["channel_name"], s["account"], p),
    7: lambda s, p: at.ApaasService(s["room_uuid"], s["user_uuid"], s["role"], p),
    8: lambda s, p: at.Rtm2Service(s["user_id"], permissions(s["permissions"]), p),
    9: lambda s, p: at.ConvoAIService(p),
    10: lambda s, p: at.SttService(p),
}


def rtc_rtm_kwargs(i: Dict[str, Any]) -> Dict[str, Any]:
    return dict(
        channel=i["channel_name"], **user_kwargs(i, "rtc_uid", "rtc_account"), role=i["rtc_role"],
        expire=i["rtc_token_expire"], join_channel_expire=i["join_channel_privilege_expire"],
        publish_audio_stream_expire=i["pub_audio_privilege_expire"],
        publish_video_stream_expire=i["pub_video_privilege_expire"],
        publish_data_stream_expire=i["pub_data_stream_privilege_expire"], rtm_user_id=i["rtm_user_id"],
        rtm_expire=i["rtm_token_expire"])


def pythonic(b: str, i: Dict[str, Any], token: str) -> Any:
    """The Pythonic call for a case, pinned to its issue ts and salt."""
    creds = dict(app_id=i.get("app_id"), app_certificate=i.get("app_certificate"))
    if b == "parse":
        return at.parse(token)
    if b == "verify":
        kw: Dict[str, Any] = {}
        if "channel_name" in i:
            kw["channel"] = i["channel_name"]
            kw.update(user_kwargs(i, "uid", "account") if ("uid" in i or "account" in i) else {})
        return at.verify(token, i["app_certificate"], **kw)
    if b.startswith("rtc006."):
        return at.build_rtc_token_006(channel=i["channel_name"], **user_kwargs(i, "uid", "account"), role=i["role"],
                                      privilege_expire_ts=i["privilege_expired_ts"], salt=i["salt"], expire_ts=i["ts"],
                                      **creds)
    if b == "rtm006.token":
        return at.build_rtm_token_006(user_account=i["user_account"], privilege_expire_ts=i["privilege_expired_ts"],
                                      salt=i["salt"], expire_ts=i["ts"], **creds)
    if b.split(".")[0] in ("dk3", "dk4", "dk5", "signaling"):
        raise NotOffered("the Python package has no legacy DynamicKey/Signaling builders")
    common = dict(issue_ts=i["issue_ts"], salt=i["salt"], **creds)
    if b in ("rtc.with_uid", "rtc.with_user_account"):
        return at.build_rtc_token(channel=i["channel_name"], **user_kwargs(i, "uid", "account"), role=i["role"],
                                  expire=i["token_expire"], privilege_expire=i["privilege_expire"], **common)
    if b in ("rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege"):
        return at.build_rtc_token_with_privileges(
            channel=i["channel_name"], **user_kwargs(i, "uid", "account"), expire=i["token_expire"],
            join_channel_expire=i["join_channel_privilege_expire"],
            publish_audio_stream_expire=i["pub_audio_privilege_expire"],
            publish_video_stream_expire=i["pub_video_privilege_expire"],
            publish_data_stream_expire=i["pub_data_stream_privilege_expire"], **common)
    if b == "rtc.with_rtm":
        return at.build_rtc_token_with_rtm(channel=i["channel_name"], account=i["account"], role=i["role"],
                                           expire=i["token_expire"], privilege_expire=i["privilege_expire"], **common)
    if b == "rtc.with_rtm2":
        return at.build_rtc_token_with_rtm2(**rtc_rtm_kwargs(i), **common)
    if b == "convoai.token":
        return at.build_convoai_token(**rtc_rtm_kwargs(i), **common)
    if b == "stt.token":
        return at.build_stt_token(**rtc_rtm_kwargs(i), **common)
    if b == "rtm.token":
        return at.build_rtm_token(user_id=i["user_id"], expire=i["expire"], **common)
    if b == "rtm.token_with_permissions":
        return at.build_rtm_token_with_permissions(user_id=i["user_id"], permissions=permissions(i["permissions"]),
                                                   expire=i["expire"], **common)
    if b == "chat.user":
        return at.build_chat_user_token(user_id=i["user_id"], expire=i["expire"], **common)
    if b == "chat.app":
        return at.build_chat_app_token(expire=i["expire"], **common)
    if b == "fpa.token":
        return at.build_fpa_token(**common)
    if b in ("apaas.room_user", "education.room_user"):
        return at.build_apaas_room_user_token(room_uuid=i["room_uuid"], user_uuid=i["user_uuid"], role=i["role"],
                                              expire=i["expire"], **common)
    if b in ("apaas.user", "education.user"):
        return at.build_apaas_user_token(user_uuid=i["user_uuid"], expire=i["expire"], **common)
    if b in ("apaas.app", "education.app"):
        return at.build_apaas_app_token(expire=i["expire"], **common)
    if b == "access_token2.services":
        services = [SERVICE_CLASSES[s["type"]](s, {int(k): v for k, v in s["privileges"].items()})
                    for s in i["services"]]
        return at.build_token(expire=i["expire"], services=services, **common)
    raise NotOffered("no Pythonic builder for " + b)


def rtm2_args(i: Dict[str, Any]) -> List[Any]:
    return [i["app_id"], i["app_certificate"], i["channel_name"], i.get("rtc_account", i.get("rtc_uid")),
            i["rtc_role"], i["rtc_token_expire"], i["join_channel_privilege_expire"], i["pub_audio_privilege_expire"],
            i["pub_video_privilege_expire"], i["pub_data_stream_privilege_expire"], i["rtm_user_id"],
            i["rtm_token_expire"]]


def dropin_services(i: Dict[str, Any]) -> str:
    """access_token2.services through the drop-in AccessToken2 class, pinned
    (its constructor takes issue_ts; the salt is the attribute the official
    class keeps it in)."""
    types = [s["type"] for s in i["services"]]
    if len(set(types)) != len(types):
        raise NotOffered("repeats a service type: agoraiotools' add_service keeps one service per type")
    t = At007.AccessToken(i["app_id"], i["app_certificate"], i["issue_ts"], i["expire"])
    t._AccessToken__salt = i["salt"]  # type: ignore[attr-defined]
    classes: Dict[int, Any] = {
        1: lambda s: At007.ServiceRtc(s["channel_name"], s["uid"]),
        2: lambda s: At007.ServiceRtm(s["user_id"]),
        3: lambda s: At007.ServiceStreaming(s["channel_name"], s["account"]),
        4: lambda s: At007.ServiceFpa(),
        5: lambda s: At007.ServiceChat(s["user_id"]),
        6: lambda s: At007.ServiceFCdn(s["channel_name"], s["account"]),
        7: lambda s: At007.ServiceApaas(s["room_uuid"], s["user_uuid"], s["role"]),
        8: lambda s: At007.ServiceRtm2(s["user_id"], dropin_permissions(s["permissions"])),
        9: lambda s: At007.ServiceConvoAI(),
        10: lambda s: At007.ServiceStt(),
    }
    for s in i["services"]:
        svc = classes[s["type"]](s)
        for k, v in s["privileges"].items():
            svc.add_privilege(int(k), v)
        t.add_service(svc)
    return t.build()


def dropin(b: str, i: Dict[str, Any], token: str) -> Any:
    """The agoraiotools-named call for a case: (result, pinned)."""
    a, c = i.get("app_id"), i.get("app_certificate")
    if b == "parse":
        # agoraiotools: from_string returns False for a non-007 token and
        # raises ValueError for a malformed one.
        return At007.AccessToken().from_string(token), True
    if b == "verify":
        t = At007.AccessToken()
        if not t.from_string(token):
            return False, True
        return t.verify_signature(c), True
    if b.split(".")[0] in ("dk3", "dk4", "dk5", "signaling"):
        raise NotOffered("agoraiotools 0.3.4 has no legacy DynamicKey/Signaling builders")
    R = RtcTokenBuilder2.RtcTokenBuilder
    if b == "access_token2.services":
        return dropin_services(i), True
    calls = {
        "rtc.with_uid": lambda: R.build_token_with_uid(a, c, i["channel_name"], i["uid"], i["role"], i["token_expire"],
                                                       i["privilege_expire"]),
        "rtc.with_user_account": lambda: R.build_token_with_user_account(
            a, c, i["channel_name"], i["account"], i["role"], i["token_expire"], i["privilege_expire"]),
        "rtc.with_uid_and_privilege": lambda: R.build_token_with_uid_and_privilege(
            a, c, i["channel_name"], i["uid"], i["token_expire"], i["join_channel_privilege_expire"],
            i["pub_audio_privilege_expire"], i["pub_video_privilege_expire"], i["pub_data_stream_privilege_expire"]),
        "rtc.with_user_account_and_privilege": lambda: R.build_token_with_user_account_and_privilege(
            a, c, i["channel_name"], i["account"], i["token_expire"], i["join_channel_privilege_expire"],
            i["pub_audio_privilege_expire"], i["pub_video_privilege_expire"], i["pub_data_stream_privilege_expire"]),
        "rtc.with_rtm": lambda: R.build_token_with_rtm(a, c, i["channel_name"], i["account"], i["role"],
                                                       i["token_expire"], i["privilege_expire"]),
        "rtc.with_rtm2": lambda: R.build_token_with_rtm2(*rtm2_args(i)),
        "convoai.token": lambda: convoai_token_builder.ConvoAITokenBuilder.build_token(*rtm2_args(i)),
        "stt.token": lambda: stt_token_builder.SttTokenBuilder.build_token(*rtm2_args(i)),
        "rtm.token": lambda: RtmTokenBuilder2.RtmTokenBuilder.build_token(a, c, i["user_id"], i["expire"]),
        "rtm.token_with_permissions": lambda: RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions(
            a, c, i["user_id"], dropin_permissions(i["permissions"]), i["expire"]),
        "chat.user": lambda: ChatTokenBuilder2.ChatTokenBuilder.build_user_token(a, c, i["user_id"], i["expire"]),
        "chat.app": lambda: ChatTokenBuilder2.ChatTokenBuilder.build_app_token(a, c, i["expire"]),
        "fpa.token": lambda: fpa_token_builder.FpaTokenBuilder.build_token(a, c),
        "apaas.room_user": lambda: apaas_token_builder.ApaasTokenBuilder.build_room_user_token(
            a, c, i["room_uuid"], i["user_uuid"], i["role"], i["expire"]),
        "apaas.user": lambda: apaas_token_builder.ApaasTokenBuilder.build_user_token(a, c, i["user_uuid"], i["expire"]),
        "apaas.app": lambda: apaas_token_builder.ApaasTokenBuilder.build_app_token(a, c, i["expire"]),
        "education.room_user": lambda: education_token_builder.EducationTokenBuilder.build_room_user_token(
            a, c, i["room_uuid"], i["user_uuid"], i["role"], i["expire"]),
        "education.user": lambda: education_token_builder.EducationTokenBuilder.build_user_token(
            a, c, i["user_uuid"], i["expire"]),
        "education.app": lambda: education_token_builder.EducationTokenBuilder.build_app_token(a, c, i["expire"]),
        "rtc006.with_uid": lambda: RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid(
            a, c, i["channel_name"], i["uid"], i["role"], i["privilege_expired_ts"]),
        "rtc006.with_user_account": lambda: RtcTokenBuilder.RtcTokenBuilder.buildTokenWithAccount(
            a, c, i["channel_name"], i["account"], i["role"], i["privilege_expired_ts"]),
        "rtm006.token": lambda: RtmTokenBuilder.RtmTokenBuilder.buildToken(
            a, c, i["user_account"], i["role"], i["privilege_expired_ts"]),
    }
    if b not in calls:
        raise NotOffered("no agoraiotools-named builder for " + b)
    return calls[b](), False


def run(req: Dict[str, Any]) -> Dict[str, Any]:
    b, i, token = req["builder"], req["inputs"], req.get("token", "")
    try:
        for key in ("role", "rtc_role"):
            if key in i:
                number(i[key], key)
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
