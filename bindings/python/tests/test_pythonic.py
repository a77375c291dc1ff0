"""The Pythonic API: keyword arguments, enums, typed parse results."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import agora_token as at
from conftest import APP_ID, CERT, OTHER_CERT

ISSUE = 1_700_000_000
UTC = timezone.utc


def test_issue_example() -> None:
    token = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="demo", uid=42,
                               role=at.Role.PUBLISHER, expire=3600)
    parsed = at.verify(token, CERT)
    assert isinstance(parsed, at.Token)
    rtc = parsed.service(at.ServiceType.RTC)
    assert isinstance(rtc, at.RtcService)
    assert (rtc.channel_name, rtc.uid) == ("demo", "42")
    assert [p.id for p in rtc.privileges] == list(at.RtcPrivilege)
    assert all(p.expire == 3600 for p in rtc.privileges)


def test_parse_gives_raw_ints_and_aware_datetimes() -> None:
    token = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="c", account="alice",
                               role=at.Role.SUBSCRIBER, expire=600, privilege_expire=300, issue_ts=ISSUE, salt=7)
    t = at.parse(token)
    assert isinstance(t, at.Token)
    assert (t.app_id, t.issue_ts, t.expire, t.salt, t.version) == (APP_ID, ISSUE, 600, 7, "007")
    assert t.issued_at == datetime.fromtimestamp(ISSUE, UTC) and t.issued_at.tzinfo is not None
    assert t.expires_at == t.issued_at + timedelta(seconds=600)
    (rtc,) = t.services
    assert isinstance(rtc, at.RtcService) and rtc.uid == "alice"
    (join,) = rtc.privileges
    assert join == at.Privilege(at.RtcPrivilege.JOIN_CHANNEL, 300, "join_channel", t.issued_at + timedelta(seconds=300))
    assert rtc.privilege(at.RtcPrivilege.PUBLISH_AUDIO_STREAM) is None


def test_zero_expire_means_no_limit() -> None:
    t = at.parse(at.build_fpa_token(app_id=APP_ID, app_certificate=CERT, issue_ts=ISSUE, salt=1))
    assert isinstance(t, at.Token)
    assert t.expire == 86400
    (fpa,) = t.services
    assert fpa.privileges == (at.Privilege(1, 0, "login", None),)


def test_timedelta_and_datetime_arguments() -> None:
    issued = datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    a = at.build_rtm_token(app_id=APP_ID, app_certificate=CERT, user_id="u", expire=timedelta(hours=1),
                           issue_ts=issued, salt=9)
    b = at.build_rtm_token(app_id=APP_ID, app_certificate=CERT, user_id="u", expire=3600,
                           issue_ts=int(issued.timestamp()), salt=9)
    assert a == b
    other_zone = issued.astimezone(timezone(timedelta(hours=8)))
    assert at.build_rtm_token(app_id=APP_ID, app_certificate=CERT, user_id="u", expire=3600, issue_ts=other_zone,
                              salt=9) == b


def test_every_builder_round_trips() -> None:
    common = dict(app_id=APP_ID, app_certificate=CERT, issue_ts=ISSUE, salt=5)
    rtc_rtm = dict(channel="c", uid=7, expire=600, rtm_user_id="r", rtm_expire=300, join_channel_expire=100)
    expected = {
        at.build_rtc_token(channel="c", uid=0, expire=600, **common): [at.ServiceType.RTC],
        at.build_rtc_token_with_privileges(channel="c", account="a", expire=600, publish_audio_stream_expire=10,
                                           **common): [at.ServiceType.RTC],
        at.build_rtc_token_with_rtm(channel="c", account="a", expire=600, **common):
            [at.ServiceType.RTC, at.ServiceType.RTM],
        at.build_rtc_token_with_rtm2(**rtc_rtm, **common): [at.ServiceType.RTC, at.ServiceType.RTM],
        at.build_convoai_token(**rtc_rtm, **common):
            [at.ServiceType.RTC, at.ServiceType.RTM, at.ServiceType.CONVOAI],
        at.build_stt_token(**rtc_rtm, **common): [at.ServiceType.RTC, at.ServiceType.RTM, at.ServiceType.STT],
        at.build_rtm_token(user_id="u", expire=600, **common): [at.ServiceType.RTM],
        at.build_rtm_token_with_permissions(
            user_id="u", expire=600, permissions=[at.Rtm2Permission(at.Rtm2ResourceType.USERS,
                                                                    at.Rtm2PermissionType.WRITE, ("x",))],
            **common): [at.ServiceType.RTM2],
        at.build_chat_user_token(user_id="u", expire=600, **common): [at.ServiceType.CHAT],
        at.build_chat_app_token(expire=600, **common): [at.ServiceType.CHAT],
        at.build_fpa_token(**common): [at.ServiceType.FPA],
        at.build_apaas_room_user_token(room_uuid="r", user_uuid="u", role=2, expire=600, **common):
            [at.ServiceType.RTM, at.ServiceType.CHAT, at.ServiceType.APAAS],
        at.build_apaas_user_token(user_uuid="u", expire=600, **common): [at.ServiceType.APAAS],
        at.build_apaas_app_token(expire=600, **common): [at.ServiceType.APAAS],
    }
    for token, types in expected.items():
        t = at.verify(token, CERT)
        assert isinstance(t, at.Token)
        assert [s.service_type for s in t.services] == types
        assert (t.issue_ts, t.salt) == (ISSUE, 5)


def test_rtc_rtm2_privileges() -> None:
    t = at.parse(at.build_rtc_token_with_rtm2(app_id=APP_ID, app_certificate=CERT, channel="c", account="a",
                                              role=at.Role.SUBSCRIBER, expire=600, join_channel_expire=100,
                                              rtm_user_id="r", rtm_expire=300))
    assert isinstance(t, at.Token)
    rtc, rtm = t.services
    assert [(p.id, p.expire) for p in rtc.privileges] == [(1, 100)]  # subscriber: join only
    assert isinstance(rtm, at.RtmService) and rtm.user_id == "r"
    assert [(p.id, p.expire) for p in rtm.privileges] == [(1, 300)]


def test_apaas_room_user_uses_chat_user_id() -> None:
    t = at.parse(at.build_apaas_room_user_token(app_id=APP_ID, app_certificate=CERT, room_uuid="room",
                                                user_uuid="user", role=1, expire=60))
    assert isinstance(t, at.Token)
    chat = t.service(at.ServiceType.CHAT)
    assert isinstance(chat, at.ChatService) and chat.user_id == at.chat_user_id("user")
    apaas = t.service(at.ServiceType.APAAS)
    assert isinstance(apaas, at.ApaasService) and (apaas.room_uuid, apaas.user_uuid, apaas.role) == ("room", "user", 1)


def test_build_token_with_all_ten_services_round_trips() -> None:
    perms = (at.Rtm2Permission(at.Rtm2ResourceType.MESSAGE_CHANNELS, at.Rtm2PermissionType.READ, ("a", "b")),
             at.Rtm2Permission(at.Rtm2ResourceType.SERVER_GROUPS, at.Rtm2PermissionType.WRITE, ()))
    services = [
        at.SttService(),
        at.RtcService("ch", "1", {at.RtcPrivilege.JOIN_CHANNEL: 60}),
        at.RtmService("u", [(at.RtmPrivilege.LOGIN, 60)]),
        at.StreamingService("s", "acc", {at.StreamingPrivilege.PUBLISH_RAW_STREAM: 5,
                                         at.StreamingPrivilege.PUBLISH_MIX_STREAM: 6}),
        at.FpaService({at.FpaPrivilege.LOGIN: 0}),
        at.ChatService("c", {at.ChatPrivilege.APP: 1}),
        at.FcdnService("f", "", [at.Privilege(at.FcdnPrivilege.PLAY, 2)]),
        at.ApaasService("r", "u", 3, {at.ApaasPrivilege.USER: 9}),
        at.Rtm2Service("u2", perms, {at.Rtm2Privilege.LOGIN: 7}),
        at.ConvoAIService(),
    ]
    token = at.build_token(app_id=APP_ID, app_certificate=CERT, expire=60, services=services, issue_ts=ISSUE, salt=3)
    t = at.verify(token, CERT)
    assert isinstance(t, at.Token)
    assert [s.service_type for s in t.services] == list(at.ServiceType)

    def raw(s: at.Service) -> object:
        return (type(s), s._fields(), [(p.id, p.expire) for p in s.privileges])

    assert sorted(map(raw, t.services), key=lambda x: x[0].service_type) == sorted(
        map(raw, services), key=lambda x: x[0].service_type)  # type: ignore[attr-defined]
    # The JSON form names each known privilege; the enums agree with it.
    enums = {1: at.RtcPrivilege, 2: at.RtmPrivilege, 3: at.StreamingPrivilege, 4: at.FpaPrivilege,
             5: at.ChatPrivilege, 6: at.FcdnPrivilege, 7: at.ApaasPrivilege, 8: at.Rtm2Privilege}
    for s in t.services:
        for p in s.privileges:
            assert p.name == enums[s.service_type](p.id).name.lower()


def test_rtm2_permissions_parse_to_enums() -> None:
    token = at.build_rtm_token_with_permissions(
        app_id=APP_ID, app_certificate=CERT, user_id="u", expire=60,
        permissions=[(4, 1, ["x"]), (0, 0, ["a"]), (4, 1, ["y", "z"])])
    t = at.parse(token)
    assert isinstance(t, at.Token)
    (s,) = t.services
    assert isinstance(s, at.Rtm2Service)
    assert s.permissions == (
        at.Rtm2Permission(at.Rtm2ResourceType.MESSAGE_CHANNELS, at.Rtm2PermissionType.READ, ("a",)),
        at.Rtm2Permission(at.Rtm2ResourceType.USERS, at.Rtm2PermissionType.WRITE, ("y", "z")),
    )
    assert isinstance(s.permissions[0].resource_type, at.Rtm2ResourceType)


def test_006_builders_and_verify() -> None:
    expiry = datetime(2030, 1, 1, tzinfo=UTC)
    token = at.build_rtc_token_006(app_id=APP_ID, app_certificate=CERT, channel="c", uid=42,
                                   role=at.Role006.SUBSCRIBER, privilege_expire_ts=expiry, expire_ts=2_000_000_000,
                                   salt=11)
    t = at.verify(token, CERT, channel="c", uid=42)
    assert isinstance(t, at.Token006)
    assert (t.salt, t.ts, t.version) == (11, 2_000_000_000, "006")
    assert t.expires_at == datetime.fromtimestamp(2_000_000_000, UTC)
    (join,) = t.privileges
    assert (join.id, join.name, join.expires_at) == (at.Privilege006.JOIN_CHANNEL, "join_channel", expiry)
    with pytest.raises(at.SignatureMismatchError, match="channel"):
        at.verify(token, CERT, channel="other", uid=42)
    with pytest.raises(at.SignatureMismatchError, match="uid"):
        at.verify(token, CERT, channel="c")
    with pytest.raises(at.SignatureMismatchError):
        at.verify(token, OTHER_CERT, channel="c", uid=42)
    with pytest.raises(at.InvalidInputError, match="channel"):
        at.verify(token, CERT)

    rtm = at.build_rtm_token_006(app_id=APP_ID, app_certificate=CERT, user_account="alice", privilege_expire_ts=0)
    r = at.verify(rtm, CERT, channel="alice")
    assert isinstance(r, at.Token006)
    (login,) = r.privileges
    assert (login.id, login.expire, login.expires_at) == (at.Privilege006.RTM_LOGIN, 0, None)
    p = at.build_rtc_token_006(app_id=APP_ID, app_certificate=CERT, channel="c", account="a", privilege_expire_ts=1)
    t2 = at.verify(p, CERT, channel="c", account="a")
    assert isinstance(t2, at.Token006) and len(t2.privileges) == 4  # publisher by default


def test_verify_wrong_certificate_raises_signature_mismatch() -> None:
    token = at.build_chat_app_token(app_id=APP_ID, app_certificate=CERT, expire=60)
    with pytest.raises(at.SignatureMismatchError) as e:
        at.verify(token, OTHER_CERT)
    assert isinstance(e.value, at.TokenError) and isinstance(e.value, ValueError)
    assert e.value.kind == "signature_mismatch"


def test_education_drop_in_equals_apaas() -> None:
    from agora_token import apaas_token_builder, education_token_builder

    a = at.parse(apaas_token_builder.ApaasTokenBuilder.build_user_token(APP_ID, CERT, "u", 60))
    e = at.parse(education_token_builder.EducationTokenBuilder.build_user_token(APP_ID, CERT, "u", 60))
    assert isinstance(a, at.Token) and isinstance(e, at.Token) and a.services == e.services


def test_drop_in_module_names() -> None:
    # Both the official module path and the class-as-module path work.
    from agora_token.RtcTokenBuilder2 import Role_Publisher, Role_Subscriber, RtcTokenBuilder

    assert (Role_Publisher, Role_Subscriber) == (1, 2)
    a = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", 1, Role_Publisher, 60, 60)
    b = at.RtcTokenBuilder2.build_token_with_uid(APP_ID, CERT, "c", 1, Role_Publisher, 60, 60)
    assert at.parse(a).services == at.parse(b).services  # type: ignore[union-attr]
    assert at.RtcTokenBuilder.Role_Admin == 101 and at.RtmTokenBuilder.Role_Rtm_User == 1
    assert at.RtmTokenBuilder2.RtmTokenBuilder2.build_token is at.RtmTokenBuilder2.RtmTokenBuilder.build_token
    assert at.AccessToken2.ServiceRtm2.Permissions is at.AccessToken2.Rtm2Permissions
    from agora_token.RtcTokenBuilder2 import AccessToken, ServiceRtc  # re-exported, as agoraiotools does

    assert AccessToken is at.AccessToken2.AccessToken and ServiceRtc.kPrivilegeJoinChannel == 1
    for name in ("ChatTokenBuilder", "FpaTokenBuilder", "ApaasTokenBuilder", "EducationTokenBuilder",
                 "ConvoAITokenBuilder", "SttTokenBuilder"):
        assert isinstance(getattr(at, name), type)


def test_drop_in_rtc_rtm2_subscriber_and_convoai_stt() -> None:
    from agora_token.convoai_token_builder import ConvoAITokenBuilder
    from agora_token.stt_token_builder import SttTokenBuilder

    args = (APP_ID, CERT, "c", 0, 2, 600, 100, 200, 300, 400, "r", 500)
    for fn, extra in ((at.RtcTokenBuilder2.build_token_with_rtm2, []),
                      (ConvoAITokenBuilder.build_token, [at.ServiceType.CONVOAI]),
                      (SttTokenBuilder.build_token, [at.ServiceType.STT])):
        t = at.parse(fn(*args))
        assert isinstance(t, at.Token)
        assert [s.service_type for s in t.services] == [at.ServiceType.RTC, at.ServiceType.RTM, *extra]
        assert [(p.id, p.expire) for p in t.services[0].privileges] == [(1, 100)]
        assert t.services[0].uid == ""  # type: ignore[attr-defined]


def test_exceptions_hierarchy() -> None:
    for cls in (at.InvalidInputError, at.NoServiceError, at.WrongVersionError, at.MalformedTokenError,
                at.SignatureMismatchError):
        assert issubclass(cls, at.TokenError) and issubclass(cls, ValueError)
        assert cls.__module__ == "agora_token"
        assert cls.__doc__


def test_token_is_immutable_comparable_hashable_and_picklable() -> None:
    import copy
    import pickle

    token = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="c", uid=5, expire=600,
                               issue_ts=ISSUE, salt=7)
    parsed, verified = at.parse(token), at.verify(token, CERT)
    assert isinstance(parsed, at.Token) and isinstance(verified, at.Token)
    assert parsed == verified and hash(parsed) == hash(verified)
    assert parsed.services is parsed.services  # made once, then kept
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert copy.deepcopy(parsed) == parsed
    other = at.parse(at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="d", uid=5, expire=600,
                                        issue_ts=ISSUE, salt=7))
    assert other != parsed and parsed != "a token"
    assert repr(parsed).startswith("Token(app_id='%s', issue_ts=%d, expire=600, salt=7, services=(RtcService(" % (
        APP_ID, ISSUE))
    with pytest.raises(AttributeError):
        parsed.salt = 8  # type: ignore[misc]


def test_check_takes_any_iterable_of_streams_and_aware_datetimes() -> None:
    token = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="c", uid=5, expire=600,
                               issue_ts=ISSUE, salt=7)
    at_issue = datetime.fromtimestamp(ISSUE, tz=UTC)
    report = at.check(token, CERT, service="rtc", channel="c", uid=5, publish=(s for s in ["audio", "video"]),
                      now=at_issue)
    assert report.allowed and report.now == at_issue
    assert [p.privilege for p in report.privileges] == ["join_channel", "publish_audio_stream",
                                                        "publish_video_stream"]
    with pytest.raises(TypeError, match="publish"):
        at.check(token, CERT, service="rtc", channel="c", publish=[1])
    with pytest.raises(at.InvalidInputError, match="now"):
        at.check(token, CERT, service="rtc", channel="c", now=datetime(2030, 1, 1))
    with pytest.raises(at.InvalidInputError, match="unknown field \"user_id\""):
        at.check(token, CERT, service="rtc", channel="c", user_id="u")
