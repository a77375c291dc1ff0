"""`check`: would Agora admit this client? The rules are token-core's (tested
there, one test per reason); here the Python surface: keyword arguments in,
a typed report out, errors as exceptions."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import agora_token as at
from conftest import APP_ID, CERT, OTHER_CERT

ISSUE = 1_700_000_000


@pytest.fixture(scope="module")
def token() -> str:
    return at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="demo", uid=42,
                              role=at.Role.SUBSCRIBER, expire=600, privilege_expire=300,
                              issue_ts=ISSUE, salt=1)


def test_admits_the_client_the_token_was_built_for(token: str) -> None:
    r = at.check(token, CERT, service="rtc", channel="demo", uid=42, app_id=APP_ID, now=ISSUE + 1)
    assert r.allowed and r.reasons == ()
    assert r.version == "007" and r.signature == "valid" and r.app_id == APP_ID
    assert r.issued_at == datetime.fromtimestamp(ISSUE, tz=timezone.utc)
    assert r.expires_at == datetime.fromtimestamp(ISSUE + 600, tz=timezone.utc)
    assert r.privileges == (
        at.CheckedPrivilege("rtc", "join_channel", datetime.fromtimestamp(ISSUE + 300, tz=timezone.utc), "ok"),
    )


def test_every_reason_for_a_denial(token: str) -> None:
    now = datetime.fromtimestamp(ISSUE + 600, tz=timezone.utc)
    r = at.check(token, OTHER_CERT, service="rtc", channel="other", account="bob", publish=["video"], now=now)
    assert not r.allowed
    assert [x.code for x in r.reasons] == [
        "bad_signature", "token_expired", "channel_mismatch", "user_mismatch", "privilege_expired", "privilege_missing",
    ]
    assert r.reasons[3].message == 'wrong user: the token is for "42", the client is "bob"'
    assert r.now == now
    assert all(OTHER_CERT not in x.message for x in r.reasons)


def test_malformed_token_is_a_denial_and_bad_requests_raise(token: str) -> None:
    r = at.check("007garbage", CERT, service="fpa")
    assert [x.code for x in r.reasons] == ["malformed"] and r.version is None and r.signature == "unchecked"
    with pytest.raises(at.InvalidInputError, match="^user_id: is required"):
        at.check(token, CERT, service="rtm")
    with pytest.raises(at.InvalidInputError, match="^service: "):
        at.check(token, CERT, service="mail")
    with pytest.raises(at.InvalidInputError, match="^publish: "):
        at.check(token, CERT, service="rtc", channel="demo", publish=["screen"])
    with pytest.raises(at.InvalidInputError, match="^app_certificate"):
        at.check(token, "short", service="fpa")


def test_006_rtm_login() -> None:
    rtm = at.build_rtm_token_006(app_id=APP_ID, app_certificate=CERT, user_account="alice",
                                 privilege_expire_ts=ISSUE + 300)
    assert at.check(rtm, CERT, service="rtm", user_id="alice", now=ISSUE).allowed
    denied = at.check(rtm, CERT, service="rtm", user_id="bob", now=ISSUE)
    assert [x.code for x in denied.reasons] == ["user_mismatch"]
    assert denied.version == "006" and denied.issued_at is None
