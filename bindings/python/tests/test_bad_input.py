"""Bad input for every public function.

Pythonic API: a wrong type raises TypeError; a bad value raises
InvalidInputError whose `field` is the argument's name and whose message
states the rule; never the certificate in a message. Drop-in API: what the
official builders return '' for gives ''; what they fail on fails here too.
Nothing crashes the interpreter: a fuzz pass calls everything with junk.
"""

from __future__ import annotations

import base64
import inspect
import math
import random
import zlib
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List

import pytest

import agora_token as at
from agora_token import AccessToken as At006
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
    utils,
)
from conftest import APP_ID, CERT, Official

CRED = dict(app_id=APP_ID, app_certificate=CERT)
RTC_RTM = dict(channel="c", uid=1, expire=60, rtm_user_id="r")

# A valid call of every Pythonic builder.
VALID: Dict[Callable[..., str], Dict[str, Any]] = {
    at.build_rtc_token: dict(channel="c", uid=1, expire=60),
    at.build_rtc_token_with_privileges: dict(channel="c", account="a", expire=60),
    at.build_rtc_token_with_rtm: dict(channel="c", account="a", expire=60),
    at.build_rtc_token_with_rtm2: RTC_RTM,
    at.build_convoai_token: RTC_RTM,
    at.build_stt_token: RTC_RTM,
    at.build_rtm_token: dict(user_id="u", expire=60),
    at.build_rtm_token_with_permissions: dict(user_id="u", permissions=[(0, 0, ["a"])], expire=60),
    at.build_chat_user_token: dict(user_id="u", expire=60),
    at.build_chat_app_token: dict(expire=60),
    at.build_fpa_token: dict(),
    at.build_apaas_room_user_token: dict(room_uuid="r", user_uuid="u", role=1, expire=60),
    at.build_apaas_user_token: dict(user_uuid="u", expire=60),
    at.build_apaas_app_token: dict(expire=60),
    at.build_token: dict(expire=60, services=[at.RtmService("u", {1: 60})]),
    at.build_rtc_token_006: dict(channel="c", uid=1, privilege_expire_ts=0),
    at.build_rtm_token_006: dict(user_account="u", privilege_expire_ts=0),
}

NAIVE = datetime(2024, 1, 1)
SECONDS_BAD = [-1, 2**32, 2**80, timedelta(seconds=-1), timedelta(days=60000)]
TIME_BAD = [-1, 2**32, NAIVE, datetime(1960, 1, 1, tzinfo=timezone.utc), datetime(2200, 1, 1, tzinfo=timezone.utc)]
TEXT_BAD = ["", "x" * 256]

# Bad values per argument name (InvalidInputError with that field).
BAD_VALUES: Dict[str, List[Any]] = {
    "app_id": ["", "x" * 32, "970CA35de60c44645bbae8a215061b3", "970CA35de60c44645bbae8a215061b33 "],
    "app_certificate": ["", "5CFd2fd1755d40ecb72977518be15d3z", "5CFd"],
    "channel": ["", "a/b", "c" * 64, "é", "tab\t"],
    "account": TEXT_BAD,
    "user_id": TEXT_BAD,
    "rtm_user_id": TEXT_BAD,
    "room_uuid": TEXT_BAD,
    "user_uuid": TEXT_BAD,
    "user_account": TEXT_BAD,
    "uid": [-1, 2**32],
    "expire": SECONDS_BAD,
    "privilege_expire": SECONDS_BAD,
    "join_channel_expire": SECONDS_BAD,
    "publish_audio_stream_expire": SECONDS_BAD,
    "publish_video_stream_expire": SECONDS_BAD,
    "publish_data_stream_expire": SECONDS_BAD,
    "rtm_expire": SECONDS_BAD,
    "issue_ts": TIME_BAD,
    "salt": [-1, 2**32],
    "privilege_expire_ts": TIME_BAD,
    "expire_ts": TIME_BAD,
}
ROLE_BAD = {
    at.build_apaas_room_user_token: [-32769, 32768],
    at.build_rtc_token_006: [3, -1, 102],
}
ROLE_BAD_007 = [0, 3, -1, 2**70]

# Wrong Python types per kind of argument (TypeError).
TEXT_ARGS = {"app_id", "app_certificate", "channel", "account", "user_id", "rtm_user_id", "room_uuid", "user_uuid",
             "user_account"}
WRONG_TEXT = [1, b"bytes", ["c"], object()]
WRONG_INT = ["1", 1.0, b"1", object()]
WRONG_SECONDS = ["60", 60.0, object()]
WRONG_TIME = ["2024-01-01", 1.5, object(), timedelta(1)]


def call(fn: Callable[..., str], **overrides: Any) -> str:
    kwargs = {**CRED, **VALID[fn], **overrides}
    return fn(**kwargs)


def arg_names(fn: Callable[..., str]) -> List[str]:
    return list(inspect.signature(fn).parameters)


PYTHONIC = list(VALID)
PYTHONIC_IDS = [f.__name__ for f in PYTHONIC]


@pytest.mark.parametrize("fn", PYTHONIC, ids=PYTHONIC_IDS)
def test_valid_call_works(fn: Callable[..., str]) -> None:
    assert call(fn)[:3] in ("007", "006")


@pytest.mark.parametrize("fn", [f for f in PYTHONIC if f is not at.build_token], ids=lambda f: f.__name__)
def test_bad_values_name_the_field(fn: Callable[..., str]) -> None:
    checked = 0
    for name in arg_names(fn):
        values = BAD_VALUES.get(name, [])
        if name == "role":
            values = ROLE_BAD.get(fn, ROLE_BAD_007)
        if name in ("uid", "account") and "uid" in arg_names(fn):
            other = {"account": None} if name == "uid" else {"uid": None}
        else:
            other = {}
        for value in values:
            with pytest.raises(at.InvalidInputError) as e:
                call(fn, **{name: value, **other})
            assert e.value.field == name, (name, value, str(e.value))
            assert str(e.value).startswith(name + ": ") and e.value.rule
            assert e.value.kind == "invalid_input"
            assert CERT not in str(e.value) and "5CFd2fd" not in str(e.value)
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("fn", PYTHONIC, ids=PYTHONIC_IDS)
def test_wrong_types_raise_type_error(fn: Callable[..., str]) -> None:
    for name in arg_names(fn):
        if name in TEXT_ARGS:
            wrong = WRONG_TEXT
        elif name in ("uid", "salt", "role"):
            wrong = WRONG_INT
        elif name.endswith("_ts"):
            wrong = WRONG_TIME
        elif name.endswith("expire"):
            wrong = WRONG_SECONDS
        elif name == "permissions":
            wrong = [1, [1], [(0, 0)], [("0", 0, ["a"])], [(0, 0, [1])]]
        elif name == "services":
            wrong = [1, [1], [object()]]
        else:
            raise AssertionError("no wrong types listed for " + name)
        other = {"account": None} if name == "uid" and fn is not at.build_rtc_token_with_rtm else {}
        for value in wrong:
            with pytest.raises(TypeError):
                call(fn, **{name: value, **other})


@pytest.mark.parametrize("fn", PYTHONIC, ids=PYTHONIC_IDS)
def test_missing_or_unknown_arguments_raise_type_error(fn: Callable[..., str]) -> None:
    with pytest.raises(TypeError):
        fn(**VALID[fn])  # no app_id / app_certificate
    with pytest.raises(TypeError):
        call(fn, no_such_argument=1)
    with pytest.raises(TypeError):
        fn(APP_ID, CERT)  # keyword-only


def test_uid_and_account_are_exclusive() -> None:
    with pytest.raises(TypeError, match="not both"):
        at.build_rtc_token(**CRED, channel="c", uid=1, account="a", expire=60)
    with pytest.raises(TypeError, match="uid"):
        at.build_rtc_token(**CRED, channel="c", expire=60)
    with pytest.raises(TypeError):
        at.build_rtc_token_006(**CRED, channel="c", privilege_expire_ts=0)


def test_build_token_bad_services() -> None:
    with pytest.raises(at.NoServiceError) as e:
        at.build_token(**CRED, expire=60, services=[])
    assert e.value.kind == "no_service"
    with pytest.raises(at.InvalidInputError) as e2:
        at.build_token(**CRED, expire=60, services=[at.RtcService("c", "1", {70000: 1})])
    assert e2.value.field == "privilege"
    with pytest.raises(at.InvalidInputError) as e2:
        at.build_token(**CRED, expire=60, services=[at.RtcService("c", "1", {1: -1})])
    assert e2.value.field == "expire"
    with pytest.raises(at.InvalidInputError) as e2:
        at.build_token(**CRED, expire=60, services=[at.RtcService("c" * 70000, "1")])
    assert e2.value.field == "channel_name"
    with pytest.raises(at.InvalidInputError):
        at.build_token(**CRED, expire=60, services=[at.ApaasService("r", "u", 40000)])
    with pytest.raises(TypeError):
        at.build_token(**CRED, expire=60, services=[at.RtcService(1, "1")])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        at.RtcService("c", "1", [1])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        at.build_token(**CRED, expire=60, services=[at.Rtm2Service("u", [(0, 0, [b"x"])])])  # type: ignore[list-item]


def test_chat_user_id_and_get_md5_types() -> None:
    with pytest.raises(TypeError):
        at.chat_user_id(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        utils.get_md5(b"x")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# parse / verify.
# ---------------------------------------------------------------------------

GOOD = at.build_rtc_token(**CRED, channel="c", uid=1, expire=60, issue_ts=1, salt=1)
CONTENT = zlib.decompress(base64.b64decode(GOOD[3:]))


def z(data: bytes) -> str:
    return "007" + base64.b64encode(zlib.compress(data)).decode()


MALFORMED = ["007", "007!!", "007eJw", "007" + "A" * 40, z(b""), z(CONTENT[:-1]), z(CONTENT[:40]), z(b"\xff" * 64),
             GOOD[:-8], "006", "006" + APP_ID, "006" + APP_ID + "!!", "006" + "z" * 32 + "AAAA",
             z(b"\x00" * (2 << 20))]  # a "zip bomb" beyond the content cap
WRONG_VERSION = ["", "005abc", "abc", "7", "00", "\x00\x00\x00", "é"]


@pytest.mark.parametrize("bad", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_tokens(bad: str) -> None:
    with pytest.raises(at.MalformedTokenError) as e:
        at.parse(bad)
    assert e.value.kind == "malformed"
    with pytest.raises(at.MalformedTokenError):
        at.verify(bad, CERT, channel="c", uid=1)


@pytest.mark.parametrize("bad", WRONG_VERSION, ids=range(len(WRONG_VERSION)))
def test_wrong_version(bad: str) -> None:
    with pytest.raises(at.WrongVersionError):
        at.parse(bad)
    with pytest.raises(at.WrongVersionError):
        at.verify(bad, CERT)
    assert At007.AccessToken().from_string(bad) is False
    assert At006.AccessToken().fromString(bad) is False


def test_parse_verify_types_and_certificate() -> None:
    for bad in (None, 7, b"007", ["007"]):
        with pytest.raises(TypeError):
            at.parse(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            at.verify(bad, CERT)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            at.verify(GOOD, bad)  # type: ignore[arg-type]
    with pytest.raises(at.InvalidInputError) as e:
        at.verify(GOOD, "short")
    assert e.value.field == "app_certificate"
    with pytest.raises(TypeError):
        at.verify(GOOD, CERT, channel=1)  # type: ignore[arg-type]


def test_tampered_token_fails_verification() -> None:
    tampered = bytearray(CONTENT)
    tampered[-1] ^= 1
    with pytest.raises(at.SignatureMismatchError):
        at.verify(z(bytes(tampered)), CERT)


def test_unknown_service_type_keeps_the_known_ones() -> None:
    # Service count + 1, then a service of type 99: parse stops there.
    count_at = 2 + 32 + 2 + 32 + 12
    data = bytearray(CONTENT)
    data[count_at] += 1
    data += b"\x63\x00\x00\x00"
    t = at.parse(z(bytes(data)))
    assert isinstance(t, at.Token)
    assert t.unknown_service_type == 99 and len(t.services) == 1


# ---------------------------------------------------------------------------
# Drop-in API.
# ---------------------------------------------------------------------------

R2 = RtcTokenBuilder2.RtcTokenBuilder
DROPIN_007: Dict[str, Callable[..., str]] = {
    "rtc_uid": lambda a, c, e: R2.build_token_with_uid(a, c, "ch", 1, 1, e, e),
    "rtc_account": lambda a, c, e: R2.build_token_with_user_account(a, c, "ch", "acc", 1, e),
    "rtc_uid_privilege": lambda a, c, e: R2.build_token_with_uid_and_privilege(a, c, "ch", 1, e, e, e, e, e),
    "rtc_account_privilege": lambda a, c, e: R2.build_token_with_user_account_and_privilege(a, c, "ch", "a", e, e, e,
                                                                                            e, e),
    "rtc_rtm": lambda a, c, e: R2.build_token_with_rtm(a, c, "ch", "acc", 2, e, e),
    "rtc_rtm2": lambda a, c, e: R2.build_token_with_rtm2(a, c, "ch", "acc", 1, e, e, e, e, e, "r", e),
    "convoai": lambda a, c, e: convoai_token_builder.ConvoAITokenBuilder.build_token(a, c, "ch", 1, 1, e, e, e, e, e,
                                                                                   "r", e),
    "stt": lambda a, c, e: stt_token_builder.SttTokenBuilder.build_token(a, c, "ch", 1, 1, e, e, e, e, e, "r", e),
    "rtm": lambda a, c, e: RtmTokenBuilder2.RtmTokenBuilder.build_token(a, c, "u", e),
    "rtm_permissions": lambda a, c, e: RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions(a, c, "u", None,
                                                                                                    e),
    "chat_user": lambda a, c, e: ChatTokenBuilder2.ChatTokenBuilder.build_user_token(a, c, "u", e),
    "chat_app": lambda a, c, e: ChatTokenBuilder2.ChatTokenBuilder.build_app_token(a, c, e),
    "fpa": lambda a, c, e: fpa_token_builder.FpaTokenBuilder.build_token(a, c),
    "apaas_room_user": lambda a, c, e: apaas_token_builder.ApaasTokenBuilder.build_room_user_token(a, c, "r", "u", 1,
                                                                                                  e),
    "apaas_user": lambda a, c, e: apaas_token_builder.ApaasTokenBuilder.build_user_token(a, c, "u", e),
    "apaas_app": lambda a, c, e: apaas_token_builder.ApaasTokenBuilder.build_app_token(a, c, e),
    "education_room_user": lambda a, c, e: education_token_builder.EducationTokenBuilder.build_room_user_token(
        a, c, "r", "u", 1, e),
    "education_user": lambda a, c, e: education_token_builder.EducationTokenBuilder.build_user_token(a, c, "u", e),
    "education_app": lambda a, c, e: education_token_builder.EducationTokenBuilder.build_app_token(a, c, e),
    "access_token2": lambda a, c, e: _access_token2(a, c, e),
}


def _access_token2(a: str, c: str, e: Any) -> str:
    t = At007.AccessToken(a, c, 1, e)
    s = At007.ServiceRtc("ch", 1)
    s.add_privilege(At007.ServiceRtc.kPrivilegeJoinChannel, e)
    t.add_service(s)
    return t.build()


@pytest.mark.parametrize("name", list(DROPIN_007))
def test_drop_in_bad_credentials_give_empty_string(name: str) -> None:
    fn = DROPIN_007[name]
    assert fn(APP_ID, CERT, 60).startswith("007")
    for bad in ["", "x" * 32, APP_ID[:-1], APP_ID + "0", "é" * 32]:
        assert fn(bad, CERT, 60) == ""
        assert fn(APP_ID, bad, 60) == ""


@pytest.mark.parametrize("name", [n for n in DROPIN_007 if n != "fpa"])
def test_drop_in_numbers_fail_where_the_official_ones_fail(name: str) -> None:
    fn = DROPIN_007[name]
    for bad in (-1, 2**32):
        with pytest.raises(at.InvalidInputError):  # agoraiotools: struct.error
            fn(APP_ID, CERT, bad)
    with pytest.raises(ValueError):  # int("soon"), as agoraiotools
        fn(APP_ID, CERT, "soon")
    with pytest.raises(TypeError):
        fn(APP_ID, CERT, None)
    with pytest.raises(TypeError):
        fn(APP_ID, CERT, object())


def test_drop_in_types_and_lengths(official: Official) -> None:
    with pytest.raises(TypeError):
        R2.build_token_with_uid(APP_ID, CERT, 5, 1, 1, 60)  # agoraiotools: AttributeError (5.encode)
    with pytest.raises(TypeError):
        R2.build_token_with_uid(None, CERT, "c", 1, 1, 60)  # agoraiotools: TypeError (len(None))
    with pytest.raises(TypeError):
        RtmTokenBuilder2.RtmTokenBuilder.build_token(APP_ID, CERT, 5, 60)
    with pytest.raises(TypeError):
        RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", {"not": "permissions"}, 60)
    long = "c" * 70000  # longer than a u16 length prefix
    with pytest.raises(at.InvalidInputError):
        R2.build_token_with_uid(APP_ID, CERT, long, 1, 1, 60)
    with pytest.raises(Exception):
        official.rtc2.RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, long, 1, 1, 60)
    with pytest.raises(at.InvalidInputError):  # agoraiotools: struct.error
        apaas_token_builder.ApaasTokenBuilder.build_room_user_token(APP_ID, CERT, "r", "u", 40000, 60)
    perms = At007.Rtm2Permissions()
    perms.add(70000, 0, ["x"])
    with pytest.raises(at.InvalidInputError):
        RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", perms, 60)
    with pytest.raises(TypeError):
        At007.ServiceRtc(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        At007.ServiceRtm2(None)  # type: ignore[arg-type]
    t = At007.AccessToken(APP_ID, CERT)
    s = At007.ServiceChat("u")
    s.add_privilege(70000, 1)
    t.add_service(s)
    with pytest.raises(at.InvalidInputError):
        t.build()
    with pytest.raises(TypeError):
        At007.AccessToken().from_string(None)  # type: ignore[arg-type]
    assert At007.AccessToken().verify_signature(CERT) is False
    parsed = At007.AccessToken()
    assert parsed.from_string(GOOD)
    assert parsed.verify_signature("bad") is False and parsed.verify_signature(CERT) is True


def test_drop_in_006_bad_input() -> None:
    with pytest.raises(at.InvalidInputError) as e:
        RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid("bad", CERT, "c", 1, 1, 0)
    assert e.value.field == "app_id"
    with pytest.raises(at.InvalidInputError):
        RtmTokenBuilder.RtmTokenBuilder.buildToken(APP_ID, "bad", "u", 1, 0)
    with pytest.raises(at.InvalidInputError):
        RtmTokenBuilder.RtmTokenBuilder.buildToken(APP_ID, CERT, "u", 1, -1)
    with pytest.raises(TypeError):
        RtcTokenBuilder.RtcTokenBuilder.buildTokenWithAccount(APP_ID, CERT, None, "a", 1, 0)
    t = At006.AccessToken(APP_ID, CERT, "c", 1)
    t.addPrivilege(70000, 0)
    with pytest.raises(at.InvalidInputError):
        t.build()
    t = At006.AccessToken("", CERT, "c", 1)
    with pytest.raises(at.InvalidInputError):
        t.build()
    assert At006.AccessToken().fromString("006" + APP_ID + "!!") is False
    with pytest.raises(TypeError):
        At006.AccessToken().fromString(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Fuzz: junk everywhere, only ordinary exceptions.
# ---------------------------------------------------------------------------

JUNK: List[Any] = [None, 0, 1, -1, 2**31, 2**32, 2**64, -(2**63), 1.5, math.nan, math.inf, "", "x" * 100_000, "\ud800",
                   "a\x00b", "é", "0", b"", b"\xff", [], {}, (1, 2, 3), object(), True, NAIVE, timedelta(-1),
                   datetime(2024, 1, 1, tzinfo=timezone.utc), APP_ID, CERT, GOOD]

PUBLIC_CALLABLES: List[Callable[..., Any]] = [
    at.parse, at.verify, at.chat_user_id, utils.get_md5, At007.ServiceRtc, At007.ServiceRtm, At007.ServiceChat,
    At007.ServiceApaas, At007.ServiceStreaming, At007.ServiceFCdn, At007.ServiceRtm2, At007.AccessToken,
    At006.AccessToken, R2.build_token_with_uid, R2.build_token_with_user_account,
    R2.build_token_with_uid_and_privilege, R2.build_token_with_user_account_and_privilege,
    R2.build_token_with_rtm, R2.build_token_with_rtm2, RtmTokenBuilder2.RtmTokenBuilder.build_token,
    RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions,
    ChatTokenBuilder2.ChatTokenBuilder.build_user_token, ChatTokenBuilder2.ChatTokenBuilder.build_app_token,
    fpa_token_builder.FpaTokenBuilder.build_token, apaas_token_builder.ApaasTokenBuilder.build_room_user_token,
    apaas_token_builder.ApaasTokenBuilder.build_user_token, apaas_token_builder.ApaasTokenBuilder.build_app_token,
    education_token_builder.EducationTokenBuilder.build_room_user_token,
    convoai_token_builder.ConvoAITokenBuilder.build_token, stt_token_builder.SttTokenBuilder.build_token,
    RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid, RtcTokenBuilder.RtcTokenBuilder.buildTokenWithAccount,
    RtmTokenBuilder.RtmTokenBuilder.buildToken,
]


def test_fuzz_positional_junk_never_crashes() -> None:
    r = random.Random(7)
    ordinary = (TypeError, ValueError, OverflowError)
    for fn in PUBLIC_CALLABLES:
        n = len(inspect.signature(fn).parameters)
        for _ in range(150):
            args = [r.choice(JUNK) for _ in range(r.randint(0, n))]
            try:
                out = fn(*args)
            except ordinary:
                continue
            if isinstance(out, (At007.AccessToken, At006.AccessToken)):
                try:
                    out.build()
                except ordinary:
                    pass
                try:
                    if isinstance(out, At007.AccessToken):
                        out.from_string(r.choice(JUNK))
                    else:
                        out.fromString(r.choice(JUNK))
                except ordinary:
                    pass


def test_fuzz_pythonic_keyword_junk_never_crashes() -> None:
    r = random.Random(8)
    for fn in PYTHONIC:
        names = arg_names(fn)
        for _ in range(200):
            kwargs = {**CRED, **VALID[fn]}
            for name in r.sample(names, r.randint(1, min(3, len(names)))):
                kwargs[name] = r.choice(JUNK)
            try:
                fn(**kwargs)
            except (TypeError, ValueError):
                pass


def test_fuzz_parse_random_text_never_crashes() -> None:
    r = random.Random(9)
    for _ in range(3000):
        kind = r.random()
        if kind < 0.3:
            body = bytes(r.getrandbits(8) for _ in range(r.randint(0, 200)))
            text = "007" + base64.b64encode(zlib.compress(body)).decode()
        elif kind < 0.6:
            data = bytearray(CONTENT)
            for _ in range(r.randint(1, 4)):
                data[r.randrange(len(data))] = r.getrandbits(8)
            text = z(bytes(data))
        else:
            text = r.choice(["006", "007"]) + "".join(
                r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/=é") for _ in range(r.randint(0, 120)))
        try:
            at.parse(text)
        except at.TokenError:
            pass
        try:
            at.verify(text, CERT, channel="c", uid=1)
        except at.TokenError:
            pass
