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

from typing import Any, Dict, Optional

import pytest

import agora_token as at
from agora_token import AccessToken2 as At007
from conftest import OTHER_CERT, content007, load_vectors
from vector_calls import NotOffered, dropin_access_token2, user_kwargs
from vector_calls import dropin as dropin_call
from vector_calls import pythonic as pythonic_call

FILES_007 = ["rtc007.json", "rtm007.json", "chat007.json", "fpa007.json", "apaas007.json", "convoai_stt007.json",
             "services007.json"]
FILES_006 = ["rtc006.json", "rtm006.json"]

CASES_007 = list(load_vectors(*FILES_007))
CASES_006 = list(load_vectors(*FILES_006))


def pythonic(case: Dict[str, Any], issue_ts: int, salt: int) -> str:
    """The Pythonic builder for a 007 case, pinned."""
    return pythonic_call(case["builder"], case["inputs"], issue_ts, salt)


def dropin(case: Dict[str, Any]) -> Optional[str]:
    """The drop-in builder for a 007 case (unpinned); None for services the
    drop-in AccessToken2 class cannot hold (a repeated type). Any other
    builder without a drop-in call fails the test (NotOffered)."""
    if case["builder"] == "access_token2.services":
        try:
            return dropin_access_token2(case["inputs"], None, None)
        except NotOffered:
            return None
    return dropin_call(case["builder"], case["inputs"])


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
        try:
            pinned: Optional[str] = dropin_access_token2(i, i["issue_ts"], i["salt"])
        except NotOffered:
            pinned = None
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
    ours = pythonic_call(case["builder"], i, 0, 0)  # pinned to the case's salt and ts
    d = dropin_call(case["builder"], i)
    if case["builder"] == "rtm006.token":
        verify_kwargs: Dict[str, Any] = {"channel": i["user_account"]}
    else:
        verify_kwargs = {"channel": i["channel_name"], **user_kwargs(i, "uid", "account")}
    assert ours == case["token"]
    parsed = at.verify(case["token"], i["app_certificate"], **verify_kwargs)
    assert isinstance(parsed, at.Token006)
    assert (parsed.salt, parsed.ts) == (i["salt"], i["ts"])
    with pytest.raises(at.SignatureMismatchError):
        at.verify(case["token"], OTHER_CERT, **verify_kwargs)
    dp = at.verify(d, i["app_certificate"], **verify_kwargs)
    assert isinstance(dp, at.Token006)
    assert dp.privileges == parsed.privileges
