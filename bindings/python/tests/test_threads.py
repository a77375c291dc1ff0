"""Many threads at once: same results as one thread, no shared state.

The module keeps the GIL during its calls (each takes a microsecond or two)
and declares itself safe without the GIL (free-threaded builds load it without
re-enabling the GIL). The tokens are pinned, so each thread's result can be
compared with the one computed up front.
"""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple

import pytest

import agora_token as at
from agora_token.AccessToken2 import AccessToken, ServiceRtc
from agora_token.RtcTokenBuilder2 import RtcTokenBuilder
from conftest import APP_ID, CERT

THREADS = 16
ROUNDS = 300


def work(i: int) -> Tuple[str, str, str]:
    pythonic = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="ch-%d" % i, uid=i, expire=600,
                                  issue_ts=1_700_000_000 + i, salt=i + 1)
    t = AccessToken(APP_ID, CERT, 1_700_000_000 + i, 600)
    t._AccessToken__salt = i + 1  # type: ignore[attr-defined]
    s = ServiceRtc("ch-%d" % i, i)
    for p in range(1, 5):
        s.add_privilege(p, 600)
    t.add_service(s)
    dropin_class = t.build()
    parsed = at.verify(pythonic, CERT)
    assert isinstance(parsed, at.Token) and parsed.services[0].uid == (str(i) if i else "")  # type: ignore[attr-defined]
    unpinned = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch-%d" % i, i, 1, 600, 600)
    # Same services; privilege datetimes differ with the issue time, so compare raw values.
    ((channel, uid, privileges),) = [(s.channel_name, s.uid, [(p.id, p.expire) for p in s.privileges])  # type: ignore[attr-defined]
                                     for s in at.verify(unpinned, CERT).services]  # type: ignore[union-attr]
    assert (channel, uid, privileges) == ("ch-%d" % i, str(i) if i else "", [(p, 600) for p in range(1, 5)])
    return pythonic, dropin_class, at.chat_user_id(str(i))


def test_many_threads_give_the_single_thread_results() -> None:
    expected = [work(i) for i in range(ROUNDS)]
    barrier = threading.Barrier(THREADS)

    def run(offset: int) -> List[Tuple[str, str, str]]:
        barrier.wait()
        return [work((offset + k) % ROUNDS) for k in range(ROUNDS)]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, [t * 17 for t in range(THREADS)]))
    for t, got in enumerate(results):
        offset = t * 17
        assert got == [expected[(offset + k) % ROUNDS] for k in range(ROUNDS)]


def test_errors_from_many_threads() -> None:
    def bad(i: int) -> str:
        try:
            at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="bad/%d" % i, uid=i, expire=1)
        except at.InvalidInputError as e:
            return str(e.field)
        return "no error"

    with ThreadPoolExecutor(THREADS) as pool:
        assert set(pool.map(bad, range(2000))) == {"channel"}


@pytest.mark.skipif(not (hasattr(sys, "_is_gil_enabled") and "t" in getattr(sys, "abiflags", "")),
                    reason="not a free-threaded Python build")
def test_module_declares_free_threading_support() -> None:
    # On a free-threaded build the GIL stays disabled after import.
    assert not sys._is_gil_enabled()
