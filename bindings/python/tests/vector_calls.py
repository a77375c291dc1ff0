"""Vector inputs (tests/vectors/*.json) -> the same call through the two
Python surfaces: one table for this package's vector test
(test_vectors.py) and the conformance worker
(tests/conformance/workers/python_worker.py), which imports it from here.

- ``pythonic(builder, inputs, issue_ts, salt)``: the Pythonic builder, pinned
  (006: to the vector's salt and ts);
- ``dropin(builder, inputs)``: the agoraiotools-named builder, unpinned as the
  official builders are;
- ``dropin_access_token2(inputs, issue_ts, salt)``: hand-assembled services
  through the drop-in AccessToken2 class, pinned when given.

A builder a surface does not offer raises ``NotOffered``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

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


class NotOffered(Exception):
    """The surface has no builder for this vector; the message says why."""


def user_kwargs(i: Dict[str, Any], uid_key: str, account_key: str) -> Dict[str, Any]:
    """uid= or account=, whichever the case has (numbers are uids)."""
    for key in (uid_key, account_key):
        if key in i:
            return {"uid": i[key]} if isinstance(i[key], int) else {"account": i[key]}
    raise KeyError(account_key)


def permissions(entries: List[Dict[str, Any]]) -> List[at.Rtm2Permission]:
    return [at.Rtm2Permission(p["resource_type"], p["permission_type"], tuple(p["resources"])) for p in entries]


def dropin_permissions(entries: List[Dict[str, Any]]) -> At007.Rtm2Permissions:
    p = At007.Rtm2Permissions()
    for e in entries:
        p.add(e["resource_type"], e["permission_type"], e["resources"])
    return p


SERVICE_CLASSES: Dict[int, Callable[[Dict[str, Any], Dict[int, int]], at.Service]] = {
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


def service_objects(i: Dict[str, Any]) -> List[at.Service]:
    return [SERVICE_CLASSES[s["type"]](s, {int(k): v for k, v in s["privileges"].items()}) for s in i["services"]]


def rtc_rtm_kwargs(i: Dict[str, Any]) -> Dict[str, Any]:
    return dict(
        channel=i["channel_name"], **user_kwargs(i, "rtc_uid", "rtc_account"), role=i["rtc_role"],
        expire=i["rtc_token_expire"], join_channel_expire=i["join_channel_privilege_expire"],
        publish_audio_stream_expire=i["pub_audio_privilege_expire"],
        publish_video_stream_expire=i["pub_video_privilege_expire"],
        publish_data_stream_expire=i["pub_data_stream_privilege_expire"], rtm_user_id=i["rtm_user_id"],
        rtm_expire=i["rtm_token_expire"])


def pythonic(b: str, i: Dict[str, Any], issue_ts: int, salt: int) -> str:
    """The Pythonic builder for a case, pinned to `issue_ts` and `salt` (006:
    to the case's salt and ts)."""
    creds = dict(app_id=i.get("app_id"), app_certificate=i.get("app_certificate"))
    if b.startswith("rtc006."):
        return at.build_rtc_token_006(channel=i["channel_name"], **user_kwargs(i, "uid", "account"), role=i["role"],
                                      privilege_expire_ts=i["privilege_expired_ts"], salt=i["salt"], expire_ts=i["ts"],
                                      **creds)
    if b == "rtm006.token":
        return at.build_rtm_token_006(user_account=i["user_account"], privilege_expire_ts=i["privilege_expired_ts"],
                                      salt=i["salt"], expire_ts=i["ts"], **creds)
    if b.split(".")[0] in ("dk3", "dk4", "dk5", "signaling"):
        raise NotOffered("the Python package has no legacy DynamicKey/Signaling builders")
    common = dict(issue_ts=issue_ts, salt=salt, **creds)
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
        return at.build_token(expire=i["expire"], services=service_objects(i), **common)
    raise NotOffered("no Pythonic builder for " + b)


def rtm2_args(i: Dict[str, Any]) -> List[Any]:
    return [i["app_id"], i["app_certificate"], i["channel_name"], i.get("rtc_account", i.get("rtc_uid")),
            i["rtc_role"], i["rtc_token_expire"], i["join_channel_privilege_expire"], i["pub_audio_privilege_expire"],
            i["pub_video_privilege_expire"], i["pub_data_stream_privilege_expire"], i["rtm_user_id"],
            i["rtm_token_expire"]]


def dropin(b: str, i: Dict[str, Any]) -> str:
    """The agoraiotools-named builder for a case, unpinned (access_token2.services:
    see `dropin_access_token2`)."""
    a, c = i.get("app_id"), i.get("app_certificate")
    if b.split(".")[0] in ("dk3", "dk4", "dk5", "signaling"):
        raise NotOffered("agoraiotools 0.3.4 has no legacy DynamicKey/Signaling builders")
    R = RtcTokenBuilder2.RtcTokenBuilder
    calls: Dict[str, Callable[[], str]] = {
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
    return calls[b]()


def dropin_access_token2(i: Dict[str, Any], issue_ts: Optional[int], salt: Optional[int]) -> str:
    """The services of a case through the drop-in AccessToken2 class, pinned
    to `issue_ts` and `salt` when given (its constructor takes issue_ts; the
    salt is the attribute the official class keeps it in)."""
    types = [s["type"] for s in i["services"]]
    if len(set(types)) != len(types):
        raise NotOffered("repeats a service type: agoraiotools' add_service keeps one service per type")
    t = At007.AccessToken(i["app_id"], i["app_certificate"], issue_ts or 0, i["expire"])
    if salt is not None:
        t._AccessToken__salt = salt  # type: ignore[attr-defined]
    classes: Dict[int, Callable[[Dict[str, Any]], At007.Service]] = {
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
