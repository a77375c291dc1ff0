"""The official vectors (tests/vectors, from npm agora-token 2.0.6,
agora-access-token 2.0.4 and PyPI agoraiotools 0.3.4), through both Python
surfaces. This is where the services agoraiotools lacks (RTM2 permissions,
Streaming, FCDN, ConvoAI, STT) are checked against an official source.

- Pythonic builders, pinned to the vector's issue ts and salt, give the
  vector's decompressed content byte for byte (007) or its text (006);
  inputs the strict builders refuse must raise InvalidInputError.
- Drop-in builders (which cannot be pinned, like the official ones) give a
  token whose fields equal the vector's apart from issue ts and salt, and
  whose content the Pythonic builder reproduces from the same ts and salt.
- Every vector token parses and verifies, and fails with another certificate.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

import pytest

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
from conftest import OTHER_CERT, content007, load_vectors

FILES_007 = ["rtc007.json", "rtm007.json", "chat007.json", "fpa007.json", "apaas007.json", "convoai_stt007.json",
             "services007.json"]
FILES_006 = ["rtc006.json", "rtm006.json"]

CASES_007 = list(load_vectors(*FILES_007))
CASES_006 = list(load_vectors(*FILES_006))


def user_kwargs(i: Dict[str, Any], uid_key: str, account_key: str) -> Dict[str, Any]:
    """uid= or account=, whichever the case has (numbers are uids)."""
    for key in (uid_key, account_key):
        if key in i:
            return {"uid": i[key]} if isinstance(i[key], int) else {"account": i[key]}
    raise KeyError(account_key)


def permissions(i: Dict[str, Any]) -> List[at.Rtm2Permission]:
    return [at.Rtm2Permission(p["resource_type"], p["permission_type"], tuple(p["resources"]))
            for p in i["permissions"]]


def dropin_permissions(i: Dict[str, Any]) -> At007.Rtm2Permissions:
    p = At007.Rtm2Permissions()
    for e in i["permissions"]:
        p.add(e["resource_type"], e["permission_type"], e["resources"])
    return p


def service_objects(i: Dict[str, Any]) -> List[at.Service]:
    out: List[at.Service] = []
    for s in i["services"]:
        privileges = {int(k): v for k, v in s["privileges"].items()}
        t = s["type"]
        if t == 1:
            out.append(at.RtcService(s["channel_name"], s["uid"], privileges))
        elif t == 2:
            out.append(at.RtmService(s["user_id"], privileges))
        elif t == 3:
            out.append(at.StreamingService(s["channel_name"], s["account"], privileges))
        elif t == 4:
            out.append(at.FpaService(privileges))
        elif t == 5:
            out.append(at.ChatService(s["user_id"], privileges))
        elif t == 6:
            out.append(at.FcdnService(s["channel_name"], s["account"], privileges))
        elif t == 7:
            out.append(at.ApaasService(s["room_uuid"], s["user_uuid"], s["role"], privileges))
        elif t == 8:
            out.append(at.Rtm2Service(s["user_id"], permissions(s), privileges))
        elif t == 9:
            out.append(at.ConvoAIService(privileges))
        elif t == 10:
            out.append(at.SttService(privileges))
    return out


def rtc_rtm_kwargs(i: Dict[str, Any]) -> Dict[str, Any]:
    return dict(
        channel=i["channel_name"], **user_kwargs(i, "rtc_uid", "rtc_account"), role=i["rtc_role"],
        expire=i["rtc_token_expire"], join_channel_expire=i["join_channel_privilege_expire"],
        publish_audio_stream_expire=i["pub_audio_privilege_expire"],
        publish_video_stream_expire=i["pub_video_privilege_expire"],
        publish_data_stream_expire=i["pub_data_stream_privilege_expire"], rtm_user_id=i["rtm_user_id"],
        rtm_expire=i["rtm_token_expire"])


def pythonic(case: Dict[str, Any], issue_ts: int, salt: int) -> str:
    """The Pythonic builder for a 007 case, pinned."""
    i, b = case["inputs"], case["builder"]
    common = dict(app_id=i["app_id"], app_certificate=i["app_certificate"], issue_ts=issue_ts, salt=salt)
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
                                           expire=i["token_expire"], privilege_expire=i["privilege_expire"],
                                           **common)
    if b == "rtc.with_rtm2":
        return at.build_rtc_token_with_rtm2(**rtc_rtm_kwargs(i), **common)
    if b == "convoai.token":
        return at.build_convoai_token(**rtc_rtm_kwargs(i), **common)
    if b == "stt.token":
        return at.build_stt_token(**rtc_rtm_kwargs(i), **common)
    if b == "rtm.token":
        return at.build_rtm_token(user_id=i["user_id"], expire=i["expire"], **common)
    if b == "rtm.token_with_permissions":
        return at.build_rtm_token_with_permissions(user_id=i["user_id"], permissions=permissions(i),
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
    raise AssertionError("no Pythonic mapping for " + b)


def rtm2_args(i: Dict[str, Any]) -> List[Any]:
    return [i["app_id"], i["app_certificate"], i["channel_name"], i.get("rtc_account", i.get("rtc_uid")),
            i["rtc_role"], i["rtc_token_expire"], i["join_channel_privilege_expire"], i["pub_audio_privilege_expire"],
            i["pub_video_privilege_expire"], i["pub_data_stream_privilege_expire"], i["rtm_user_id"],
            i["rtm_token_expire"]]


def dropin(case: Dict[str, Any]) -> Optional[str]:
    """The drop-in builder for a 007 case (unpinned), None when none maps."""
    i, b = case["inputs"], case["builder"]
    a, c = i["app_id"], i["app_certificate"]
    R = RtcTokenBuilder2.RtcTokenBuilder
    if b == "rtc.with_uid":
        return R.build_token_with_uid(a, c, i["channel_name"], i["uid"], i["role"], i["token_expire"],
                                      i["privilege_expire"])
    if b == "rtc.with_user_account":
        return R.build_token_with_user_account(a, c, i["channel_name"], i["account"], i["role"], i["token_expire"],
                                               i["privilege_expire"])
    if b in ("rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege"):
        fn = R.build_token_with_uid_and_privilege if "uid" in i else R.build_token_with_user_account_and_privilege
        return fn(a, c, i["channel_name"], i.get("uid", i.get("account")), i["token_expire"],
                  i["join_channel_privilege_expire"], i["pub_audio_privilege_expire"], i["pub_video_privilege_expire"],
                  i["pub_data_stream_privilege_expire"])
    if b == "rtc.with_rtm":
        return R.build_token_with_rtm(a, c, i["channel_name"], i["account"], i["role"], i["token_expire"],
                                      i["privilege_expire"])
    if b == "rtc.with_rtm2":
        return R.build_token_with_rtm2(*rtm2_args(i))
    if b == "convoai.token":
        return convoai_token_builder.ConvoAITokenBuilder.build_token(*rtm2_args(i))
    if b == "stt.token":
        return stt_token_builder.SttTokenBuilder.build_token(*rtm2_args(i))
    if b == "rtm.token":
        return RtmTokenBuilder2.RtmTokenBuilder.build_token(a, c, i["user_id"], i["expire"])
    if b == "rtm.token_with_permissions":
        return RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions(a, c, i["user_id"],
                                                                            dropin_permissions(i), i["expire"])
    if b == "chat.user":
        return ChatTokenBuilder2.ChatTokenBuilder.build_user_token(a, c, i["user_id"], i["expire"])
    if b == "chat.app":
        return ChatTokenBuilder2.ChatTokenBuilder.build_app_token(a, c, i["expire"])
    if b == "fpa.token":
        return fpa_token_builder.FpaTokenBuilder.build_token(a, c)
    cls: Any = {"apaas": apaas_token_builder.ApaasTokenBuilder,
                "education": education_token_builder.EducationTokenBuilder}.get(b.split(".")[0])
    if cls is not None:
        kind = b.split(".")[1]
        if kind == "room_user":
            return cls.build_room_user_token(a, c, i["room_uuid"], i["user_uuid"], i["role"], i["expire"])  # type: ignore[no-any-return]
        if kind == "user":
            return cls.build_user_token(a, c, i["user_uuid"], i["expire"])  # type: ignore[no-any-return]
        return cls.build_app_token(a, c, i["expire"])  # type: ignore[no-any-return]
    if b == "access_token2.services":
        return dropin_access_token2(case, None, None)
    raise AssertionError("no drop-in mapping for " + b)


def dropin_access_token2(case: Dict[str, Any], issue_ts: Optional[int], salt: Optional[int]) -> Optional[str]:
    """The services of a case through the drop-in AccessToken2 class; None if
    the case repeats a service type (add_service keeps one per type)."""
    i = case["inputs"]
    types = [s["type"] for s in i["services"]]
    if len(set(types)) != len(types):
        return None
    t = At007.AccessToken(i["app_id"], i["app_certificate"], issue_ts or 0, i["expire"])
    if salt is not None:
        t._AccessToken__salt = salt  # type: ignore[attr-defined]
    classes: Dict[int, Callable[..., At007.Service]] = {
        1: lambda s: At007.ServiceRtc(s["channel_name"], s["uid"]),
        2: lambda s: At007.ServiceRtm(s["user_id"]),
        3: lambda s: At007.ServiceStreaming(s["channel_name"], s["account"]),
        4: lambda s: At007.ServiceFpa(),
        5: lambda s: At007.ServiceChat(s["user_id"]),
        6: lambda s: At007.ServiceFCdn(s["channel_name"], s["account"]),
        7: lambda s: At007.ServiceApaas(s["room_uuid"], s["user_uuid"], s["role"]),
        8: lambda s: At007.ServiceRtm2(s["user_id"], dropin_permissions(s)),
        9: lambda s: At007.ServiceConvoAI(),
        10: lambda s: At007.ServiceStt(),
    }
    for s in i["services"]:
        svc = classes[s["type"]](s)
        for k, v in s["privileges"].items():
            svc.add_privilege(int(k), v)
        t.add_service(svc)
    return t.build()


def without_issue(token: str) -> Any:
    p = at.parse(token)
    assert isinstance(p, at.Token)
    # Privilege expiry datetimes depend on the issue time: compare raw values.
    services = [(type(s).__name__, s._fields(), [(q.id, q.expire, q.name) for q in s.privileges])
                for s in p.services]
    return (p.app_id, p.expire, services, p.unknown_service_type)


@pytest.mark.parametrize("case", CASES_007, ids=[c["name"] for c in CASES_007])
def test_007_vector(case: Dict[str, Any]) -> None:
    i = case["inputs"]
    cert = i["app_certificate"]
    # Parse and verify the official token.
    parsed = at.verify(case["token"], cert)
    assert isinstance(parsed, at.Token)
    assert (parsed.issue_ts, parsed.salt) == (i["issue_ts"], i["salt"])
    with pytest.raises(at.SignatureMismatchError):
        at.verify(case["token"], OTHER_CERT if cert != OTHER_CERT else i["app_id"])
    # Pythonic, pinned: byte-identical content (or a refusal naming the field).
    try:
        ours = pythonic(case, i["issue_ts"], i["salt"])
    except at.InvalidInputError as e:
        assert e.field and e.rule
        ours = None
    if ours is not None:
        assert content007(ours) == content007(case["token"])
    # Drop-in, unpinned: the same fields; same content as Pythonic would give.
    d = dropin(case)
    if d is not None:
        assert without_issue(d) == without_issue(case["token"])
        dp = at.verify(d, cert)
        assert isinstance(dp, at.Token)
        if ours is not None:
            assert content007(pythonic(case, dp.issue_ts, dp.salt)) == content007(d)
    # The drop-in AccessToken2 class, pinned, for the hand-assembled cases.
    if case["builder"] == "access_token2.services":
        pinned = dropin_access_token2(case, i["issue_ts"], i["salt"])
        if pinned is not None:
            assert content007(pinned) == content007(case["token"])
        t = At007.AccessToken()
        assert t.from_string(case["token"]) is True
        assert t.verify_signature(cert) is True


def test_vectors_cover_the_services_agoraiotools_lacks() -> None:
    builders = {c["builder"] for c in CASES_007}
    assert {"rtm.token_with_permissions", "convoai.token", "stt.token", "access_token2.services"} <= builders
    types = {s["type"] for c in CASES_007 if c["builder"] == "access_token2.services" for s in c["inputs"]["services"]}
    assert set(range(1, 11)) <= types


def test_divergent_npm_apaas_room_user_vectors_still_verify() -> None:
    # npm agora-token 2.0.6 omits the room-user privilege (token-core follows
    # Go/C++/Python); its tokens must still parse and verify.
    for case in load_vectors("divergent_node_apaas_room_user.json"):
        parsed = at.verify(case["token"], case["inputs"]["app_certificate"])
        assert isinstance(parsed, at.Token)
        apaas = parsed.service(at.ServiceType.APAAS)
        assert apaas is not None and apaas.privilege(at.ApaasPrivilege.ROOM_USER) is None


@pytest.mark.parametrize("case", CASES_006, ids=[c["name"] for c in CASES_006])
def test_006_vector(case: Dict[str, Any]) -> None:
    i = case["inputs"]
    common = dict(app_id=i["app_id"], app_certificate=i["app_certificate"], salt=i["salt"], expire_ts=i["ts"])
    if case["builder"] == "rtm006.token":
        ours = at.build_rtm_token_006(user_account=i["user_account"], privilege_expire_ts=i["privilege_expired_ts"],
                                      **common)
        verify_kwargs: Dict[str, Any] = {"channel": i["user_account"]}
        d = RtmTokenBuilder.RtmTokenBuilder.buildToken(i["app_id"], i["app_certificate"], i["user_account"],
                                                       i["role"], i["privilege_expired_ts"])
    else:
        user = user_kwargs(i, "uid", "account")
        ours = at.build_rtc_token_006(channel=i["channel_name"], **user, role=i["role"],
                                      privilege_expire_ts=i["privilege_expired_ts"], **common)
        verify_kwargs = {"channel": i["channel_name"], **user}
        d = RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid(
            i["app_id"], i["app_certificate"], i["channel_name"], i.get("uid", i.get("account")), i["role"],
            i["privilege_expired_ts"])
    assert ours == case["token"]
    parsed = at.verify(case["token"], i["app_certificate"], **verify_kwargs)
    assert isinstance(parsed, at.Token006)
    assert (parsed.salt, parsed.ts) == (i["salt"], i["ts"])
    with pytest.raises(at.SignatureMismatchError):
        at.verify(case["token"], OTHER_CERT, **verify_kwargs)
    dp = at.verify(d, i["app_certificate"], **verify_kwargs)
    assert isinstance(dp, at.Token006)
    assert dp.privileges == parsed.privileges
