"""Differential tests against the official agoraiotools 0.3.4 from PyPI.

For a generated set of inputs per builder (edge values included, and the
loose types the official builders accept), in both directions:

- our drop-in token is read by the official parser, and the official
  builder, run again with the same issue ts and salt, gives byte-identical
  decompressed content (signature included) and the same fields;
- the official token is parsed and verified by agora_token (drop-in
  ``from_string`` and Pythonic ``verify``) with the fields the official parser
  reads.

Where the official builder returns '' (bad app ID or certificate), ours must
too.
"""

from __future__ import annotations

import random
import string
from typing import Any, Callable, Dict, List, Sequence, Tuple

import pytest

import agora_token
from agora_token import AccessToken as At006
from agora_token import AccessToken2 as At007
from agora_token import (
    ChatTokenBuilder2,
    RtcTokenBuilder,
    RtcTokenBuilder2,
    RtmTokenBuilder,
    RtmTokenBuilder2,
    apaas_token_builder,
    education_token_builder,
    fpa_token_builder,
)
from conftest import CERT, OTHER_CERT, Official, content007

CASES = 60  # generated cases per builder
SEED = 20240607

CHANNEL_CHARS = string.ascii_letters + string.digits + " !#$%&()+-:;<=.>?@[]^_{}|~,"


def gen_app_id(r: random.Random, allow_bad: bool = True) -> str:
    if allow_bad and r.random() < 0.1:
        return r.choice(["", "970CA35de60c44645bbae8a215061b3", "970CA35de60c44645bbae8a215061b33a",
                         "970CA35de60c44645bbae8a215061b3g", "é" * 32, "z" * 32])
    return "".join(r.choice("0123456789abcdefABCDEF") for _ in range(32))


def gen_channel(r: random.Random) -> str:
    x = r.random()
    if x < 0.5:
        return "".join(r.choice(CHANNEL_CHARS) for _ in range(r.randint(1, 63)))
    return r.choice(["", "a", "c" * 63, "c" * 64, "c" * 500, "频道-é", "a/b", " ", "\x00nul", "🎉" * 20])


def gen_account(r: random.Random) -> str:
    return r.choice(["", "a", "0", "user-1", "é" * 127, "x" * 255, "x" * 256, "🎉 emoji", "\x00", "acc" * 100,
                     "".join(r.choice(string.printable) for _ in range(r.randint(1, 40)))])


def gen_uid(r: random.Random) -> Any:
    x = r.random()
    if x < 0.5:
        return r.randint(0, 2**32 - 1)
    # The official builders pack '' for a uid equal to 0 and str(uid) for
    # anything else, so any type works there.
    return r.choice([0, 1, 2**32 - 1, 2**32, 2**40, -5, "0", "", "42", "acc", 5.0, 0.0, True, False])


def gen_role(r: random.Random, roles: Sequence[Any] = (1, 2, 0, 101, -1, 3, True, 1.0, "1", None)) -> Any:
    return r.choice(list(roles))


def gen_expire(r: random.Random) -> Any:
    x = r.random()
    if x < 0.6:
        return r.randint(0, 2**32 - 1)
    # int() is applied before packing: floats, digit strings and bools pass.
    return r.choice([0, 1, 600, 3600, 86400, 2**32 - 1, 3600.9, "3600", True])


def gen_role16(r: random.Random) -> Any:
    return r.choice([-1, 0, 1, 2, 3, -32768, 32767, r.randint(-32768, 32767), 2.0, "1"])


Builder = Tuple[str, Callable[..., str], Callable[[Official], Callable[..., str]], Callable[[random.Random], Tuple[Any, ...]]]


def cred(r: random.Random) -> Tuple[str, str]:
    return gen_app_id(r), gen_app_id(r)


BUILDERS_007: List[Builder] = [
    (
        "rtc.build_token_with_uid",
        RtcTokenBuilder2.RtcTokenBuilder.build_token_with_uid,
        lambda o: o.rtc2.RtcTokenBuilder.build_token_with_uid,
        lambda r: (*cred(r), gen_channel(r), gen_uid(r), gen_role(r), gen_expire(r), gen_expire(r)),
    ),
    (
        "rtc.build_token_with_uid (default privilege_expire)",
        RtcTokenBuilder2.RtcTokenBuilder.build_token_with_uid,
        lambda o: o.rtc2.RtcTokenBuilder.build_token_with_uid,
        lambda r: (*cred(r), gen_channel(r), gen_uid(r), gen_role(r), gen_expire(r)),
    ),
    (
        "rtc.build_token_with_user_account",
        RtcTokenBuilder2.RtcTokenBuilder.build_token_with_user_account,
        lambda o: o.rtc2.RtcTokenBuilder.build_token_with_user_account,
        lambda r: (*cred(r), gen_channel(r), gen_account(r), gen_role(r), gen_expire(r), gen_expire(r)),
    ),
    (
        "rtc.build_token_with_user_account_and_privilege",
        RtcTokenBuilder2.RtcTokenBuilder2.build_token_with_user_account_and_privilege,
        lambda o: o.rtc2.RtcTokenBuilder2.build_token_with_user_account_and_privilege,
        lambda r: (*cred(r), gen_channel(r), gen_account(r), *(gen_expire(r) for _ in range(5))),
    ),
    (
        # agoraiotools 0.3.4's uid variant raises AttributeError (it calls a
        # method its base class lacks); the account variant packs the same.
        "rtc.build_token_with_uid_and_privilege",
        RtcTokenBuilder2.RtcTokenBuilder2.build_token_with_uid_and_privilege,
        lambda o: o.rtc2.RtcTokenBuilder2.build_token_with_user_account_and_privilege,
        lambda r: (*cred(r), gen_channel(r), gen_uid(r), *(gen_expire(r) for _ in range(5))),
    ),
    (
        "rtc.build_token_with_rtm",
        RtcTokenBuilder2.RtcTokenBuilder2.build_token_with_rtm,
        lambda o: o.rtc2.RtcTokenBuilder2.build_token_with_rtm,
        # The official RTM service needs a str account (it calls .encode).
        lambda r: (*cred(r), gen_channel(r), gen_account(r), gen_role(r), gen_expire(r), gen_expire(r)),
    ),
    (
        "rtc.build_token_with_rtm2",
        RtcTokenBuilder2.RtcTokenBuilder2.build_token_with_rtm2,
        lambda o: o.rtc2.RtcTokenBuilder2.build_token_with_rtm2,
        lambda r: (*cred(r), gen_channel(r), gen_uid(r), gen_role(r), *(gen_expire(r) for _ in range(5)),
                   gen_account(r), gen_expire(r)),
    ),
    (
        "rtm.build_token",
        RtmTokenBuilder2.RtmTokenBuilder.build_token,
        lambda o: o.rtm2.RtmTokenBuilder.build_token,
        lambda r: (*cred(r), gen_account(r), gen_expire(r)),
    ),
    (
        "chat.build_user_token",
        ChatTokenBuilder2.ChatTokenBuilder.build_user_token,
        lambda o: o.chat2.ChatTokenBuilder.build_user_token,
        lambda r: (*cred(r), gen_account(r), gen_expire(r)),
    ),
    (
        "chat.build_app_token",
        ChatTokenBuilder2.ChatTokenBuilder.build_app_token,
        lambda o: o.chat2.ChatTokenBuilder.build_app_token,
        lambda r: (*cred(r), gen_expire(r)),
    ),
    (
        "fpa.build_token",
        fpa_token_builder.FpaTokenBuilder.build_token,
        lambda o: o.fpa.FpaTokenBuilder.build_token,
        lambda r: cred(r),
    ),
]
for _name, _mod, _attr in (("apaas", apaas_token_builder, "apaas"), ("education", education_token_builder, "education")):
    _cls = _mod.ApaasTokenBuilder if _name == "apaas" else _mod.EducationTokenBuilder  # type: ignore[attr-defined]
    _off = (lambda a: lambda o: getattr(o, a).ApaasTokenBuilder if a == "apaas" else getattr(o, a).EducationTokenBuilder)(_attr)
    BUILDERS_007 += [
        (
            _name + ".build_room_user_token",
            _cls.build_room_user_token,
            (lambda f: lambda o: f(o).build_room_user_token)(_off),
            lambda r: (*cred(r), gen_account(r), gen_account(r), gen_role16(r), gen_expire(r)),
        ),
        (
            _name + ".build_user_token",
            _cls.build_user_token,
            (lambda f: lambda o: f(o).build_user_token)(_off),
            lambda r: (*cred(r), gen_account(r), gen_expire(r)),
        ),
        (
            _name + ".build_app_token",
            _cls.build_app_token,
            (lambda f: lambda o: f(o).build_app_token)(_off),
            lambda r: (*cred(r), gen_expire(r)),
        ),
    ]


def as_official_fields(t: At007.AccessToken) -> Dict[str, Any]:
    """Our drop-in parse, in the shape of Official.fields007 (bytes for text)."""
    services: Dict[int, Any] = {}
    for s in t.services:
        own: Dict[str, Any] = {}
        if isinstance(s, At007.ServiceRtc):
            own = {"channel_name": s.channel_name.encode(), "uid": s.uid.encode()}
        elif isinstance(s, (At007.ServiceRtm, At007.ServiceChat)):
            own = {"user_id": s.user_id.encode()}
        elif isinstance(s, At007.ServiceApaas):
            own = {"room_uuid": s.room_uuid.encode(), "user_uuid": s.user_uuid.encode(), "role": s.role}
        services[s.service_type()] = {"privileges": s.privileges, **own}
    return {"app_id": t.app_id.encode(), "issue_ts": t.issue_ts, "expire": t.expire, "salt": t.salt,
            "services": services}


def pythonic_as_official_fields(t: agora_token.Token) -> Dict[str, Any]:
    """Our Pythonic parse, in the shape of Official.fields007."""
    services: Dict[int, Any] = {}
    for s in t.services:
        own: Dict[str, Any] = {}
        if isinstance(s, agora_token.RtcService):
            own = {"channel_name": s.channel_name.encode(), "uid": s.uid.encode()}
        elif isinstance(s, (agora_token.RtmService, agora_token.ChatService)):
            own = {"user_id": s.user_id.encode()}
        elif isinstance(s, agora_token.ApaasService):
            own = {"room_uuid": s.room_uuid.encode(), "user_uuid": s.user_uuid.encode(), "role": s.role}
        services[int(s.service_type)] = {"privileges": {p.id: p.expire for p in s.privileges}, **own}
    return {"app_id": t.app_id.encode(), "issue_ts": t.issue_ts, "expire": t.expire, "salt": t.salt,
            "services": services}


def check_ours_against_official(official: Official, ours: str, official_build: Callable[[], str]) -> None:
    fields = official.fields007(ours)
    rebuilt = official.pinned007(fields["issue_ts"], fields["salt"], official_build)
    assert content007(ours) == content007(rebuilt)
    assert official.fields007(rebuilt) == fields


def check_official_against_ours(official: Official, theirs: str, cert: str) -> None:
    fields = official.fields007(theirs)
    dropin = At007.AccessToken()
    assert dropin.from_string(theirs) is True
    assert as_official_fields(dropin) == fields
    assert dropin.verify_signature(cert) is True
    assert dropin.verify_signature(OTHER_CERT if cert != OTHER_CERT else CERT) is False
    parsed = agora_token.verify(theirs, cert)
    assert isinstance(parsed, agora_token.Token)
    assert pythonic_as_official_fields(parsed) == fields


@pytest.mark.parametrize("builder", BUILDERS_007, ids=[b[0] for b in BUILDERS_007])
def test_007_builders_match_official(official: Official, builder: Builder) -> None:
    name, ours_fn, official_fn_of, gen = builder
    official_fn = official_fn_of(official)
    r = random.Random("%s/%s" % (SEED, name))
    compared = empty = 0
    for _ in range(CASES):
        args = gen(r)
        ours = ours_fn(*args)
        theirs = official_fn(*args)
        if theirs == "":
            assert ours == "", args
            empty += 1
            continue
        assert ours.startswith("007"), args
        check_ours_against_official(official, ours, lambda: official_fn(*args))
        check_official_against_ours(official, theirs, args[1])
        compared += 1
    assert compared >= CASES // 2, (compared, empty)


# ---------------------------------------------------------------------------
# The AccessToken2 class: services added by hand.
# ---------------------------------------------------------------------------


def random_services(r: random.Random, mod: Any) -> List[Any]:
    out = []
    for _ in range(r.randint(1, 6)):
        t = r.choice([1, 2, 4, 5, 7])
        if t == 1:
            s = mod.ServiceRtc(gen_channel(r), gen_uid(r))
        elif t == 2:
            s = mod.ServiceRtm(gen_account(r))
        elif t == 4:
            s = mod.ServiceFpa()
        elif t == 5:
            s = mod.ServiceChat(gen_account(r))
        else:
            s = mod.ServiceApaas(gen_account(r), gen_account(r), gen_role16(r))
        for _ in range(r.randint(0, 4)):
            s.add_privilege(r.randint(0, 10), gen_expire(r))
        out.append(s)
    return out


def test_access_token2_class_matches_official(official: Official) -> None:
    r = random.Random(SEED)
    compared = 0
    for _ in range(CASES):
        app_id, cert = cred(r)
        issue_ts, expire, salt = r.randint(1, 2**32 - 1), gen_expire(r), r.randint(1, 99999999)
        state = r.getstate()
        ours = At007.AccessToken(app_id, cert, issue_ts, expire)
        ours._AccessToken__salt = salt  # type: ignore[attr-defined]  # the same private name as agoraiotools
        for s in random_services(r, At007):
            ours.add_service(s)
        r.setstate(state)
        theirs = official.at007.AccessToken(app_id, cert, issue_ts, expire)
        theirs._AccessToken__salt = salt
        for s in random_services(r, official.at007):
            theirs.add_service(s)
        a, b = ours.build(), theirs.build()
        if b == "":
            assert a == ""
            continue
        assert content007(a) == content007(b)
        compared += 1
    assert compared >= CASES // 2, compared


def test_access_token2_without_service_is_empty(official: Official) -> None:
    assert At007.AccessToken(CERT, CERT).build() == ""
    assert official.at007.AccessToken(CERT, CERT).build() == ""


def test_access_token2_add_service_replaces_same_type() -> None:
    t = At007.AccessToken("970CA35de60c44645bbae8a215061b33", CERT, 1000, 600)
    t.add_service(At007.ServiceRtm("first"))
    t.add_service(At007.ServiceRtm("second"))
    parsed = agora_token.parse(t.build())
    assert isinstance(parsed, agora_token.Token)
    assert [s.user_id for s in parsed.services] == ["second"]  # type: ignore[attr-defined]


def test_from_string_of_wrong_version_is_false_and_malformed_raises_value_error(official: Official) -> None:
    t = At007.AccessToken()
    assert t.from_string("006abc") is False
    assert official.at007.AccessToken().from_string("006abc") is False
    for bad in ["007", "007!!!", "007eJw", "007" + "A" * 40]:
        with pytest.raises(ValueError):
            official.at007.AccessToken().from_string(bad)
        with pytest.raises(ValueError):
            t.from_string(bad)


# ---------------------------------------------------------------------------
# 006.
# ---------------------------------------------------------------------------


def gen_ts(r: random.Random) -> Any:
    return r.choice([0, 1, 2**32 - 1, r.randint(0, 2**32 - 1), 1700003600.5, "1700003600"])


BUILDERS_006: List[Builder] = [
    (
        "rtc006.buildTokenWithUid",
        RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid,
        lambda o: o.rtc006.RtcTokenBuilder.buildTokenWithUid,
        lambda r: (gen_app_id(r, False), gen_app_id(r, False), gen_channel(r), gen_uid(r),
                   gen_role(r, (0, 1, 2, 101, -1, 3, 101.0, "1", None)), gen_ts(r)),
    ),
    (
        "rtc006.buildTokenWithAccount",
        RtcTokenBuilder.RtcTokenBuilder.buildTokenWithAccount,
        lambda o: o.rtc006.RtcTokenBuilder.buildTokenWithAccount,
        lambda r: (gen_app_id(r, False), gen_app_id(r, False), gen_channel(r), gen_account(r),
                   gen_role(r, (0, 1, 2, 101, 7)), gen_ts(r)),
    ),
    (
        "rtm006.buildToken",
        RtmTokenBuilder.RtmTokenBuilder.buildToken,
        lambda o: o.rtm006.RtmTokenBuilder.buildToken,
        lambda r: (gen_app_id(r, False), gen_app_id(r, False), gen_account(r), 1, gen_ts(r)),
    ),
]


@pytest.mark.parametrize("builder", BUILDERS_006, ids=[b[0] for b in BUILDERS_006])
def test_006_builders_match_official(official: Official, builder: Builder) -> None:
    name, ours_fn, official_fn_of, gen = builder
    official_fn = official_fn_of(official)
    r = random.Random("%s/%s" % (SEED, name))
    for _ in range(CASES):
        args = gen(r)
        ours = ours_fn(*args)
        fields = official.fields006(ours)
        rebuilt = official.pinned006(fields["salt"], fields["ts"], lambda: official_fn(*args))
        assert ours == rebuilt, args  # 006 is not compressed: the text itself
        theirs = official_fn(*args)
        dropin = At006.AccessToken()
        assert dropin.fromString(theirs) is True
        assert (dropin.salt, dropin.ts, dropin.messages) == tuple(official.fields006(theirs).values())
        parsed = agora_token.parse(theirs)
        assert isinstance(parsed, agora_token.Token006)
        assert {p.id: p.expire for p in parsed.privileges} == official.fields006(theirs)["messages"]


def test_006_access_token_class_matches_official(official: Official) -> None:
    r = random.Random(SEED)
    for _ in range(CASES):
        args = (gen_app_id(r, False), gen_app_id(r, False), gen_channel(r), gen_uid(r))
        privileges = {r.choice([1, 2, 3, 4, 1000, r.randint(0, 65535)]): gen_ts(r) for _ in range(r.randint(0, 5))}
        salt, ts = r.randint(1, 99999999), r.randint(0, 2**32 - 1)
        tokens = []
        for cls in (At006.AccessToken, official.at006.AccessToken):
            t = cls(*args)
            t.salt, t.ts = salt, ts
            for k, v in privileges.items():
                t.addPrivilege(k, v)
            tokens.append(t.build())
        assert tokens[0] == tokens[1]


def test_utils_get_md5_matches_official(official: Official) -> None:
    for s in ["", "user-1", "é🎉", "x" * 1000]:
        assert agora_token.utils.get_md5(s) == official.utils.get_md5(s)
