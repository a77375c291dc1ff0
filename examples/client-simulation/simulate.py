#!/usr/bin/env python3
"""Plays the app client of Agora's authentication guide against a live
`agora-token serve`, with no Agora cloud and no mobile build.

Three parties, as in production:

- the token server: `agora-token serve` (POST /v1/tokens);
- Agora, which admits or refuses a client that joins with a token: played
  by the server's check engine (POST /v1/tokens/check), which holds the same
  app certificate Agora holds for the app;
- app clients, played by this script.

The story it tells, and checks (exit status 1 if any step goes otherwise):

1. Client A fetches an RTC token (publisher, short expiry) and joins: allowed.
2. 30 s before its privileges expire, the SDK would call
   `onTokenPrivilegeWillExpire`; A fetches a new token and calls
   `renewToken`: the new token is allowed for the rest of the session, and
   the old one would have been refused once expired.
3. Clients with wrong credentials are refused, each with its reason: a token
   for another channel, A's token used by another uid, and a token signed
   with a certificate that is not the app's (built with the `agora-token`
   CLI, as an attacker without the certificate would have to).

Only the Python standard library is used.

    agora-token serve --demo &          # prints its URL
    python3 simulate.py --server http://127.0.0.1:8080 --expire 35 \
        --cli target/release/agora-token
"""

from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional

#: The SDK's warning time: onTokenPrivilegeWillExpire fires this many
#: seconds before the token's privileges expire.
WILL_EXPIRE_WARNING = 30


class Simulation:
    def __init__(self, server: str, api_key: Optional[str]) -> None:
        self.server = server.rstrip("/")
        self.api_key = api_key
        self.failures: List[str] = []

    def post(self, path: str, body: Dict[str, Any]) -> Dict[str, Any]:
        request = urllib.request.Request(
            self.server + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return json.loads(reply.read())  # type: ignore[no-any-return]
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{path}: HTTP {e.code}: {e.read().decode(errors='replace')}") from e

    def fetch_token(self, channel: str, uid: int, expire: int) -> Dict[str, Any]:
        """What the app's backend call does: ask the token server."""
        return self.post(
            "/v1/tokens",
            {"kind": "rtc", "channel_name": channel, "uid": uid, "role": "publisher", "expire": expire},
        )

    def join(self, token: str, channel: str, uid: int, now: Optional[int] = None) -> Dict[str, Any]:
        """What Agora does when a client joins (or renews) with a token."""
        body: Dict[str, Any] = {
            "token": token,
            "request": {"service": "rtc", "channel_name": channel, "uid": uid, "publish": ["audio", "video"]},
        }
        if now is not None:
            body["now"] = now
        return self.post("/v1/tokens/check", body)

    def expect(self, what: str, report: Dict[str, Any], allowed: bool, code: Optional[str] = None) -> None:
        codes = [r["code"] for r in report["reasons"]]
        verdict = "allowed" if report["allowed"] else "refused: " + "; ".join(r["message"] for r in report["reasons"])
        print(f"  {what}: {verdict}")
        if report["allowed"] != allowed or (code is not None and code not in codes):
            want = "allowed" if allowed else f"refused with {code}"
            self.failures.append(f"{what}: expected {want}, got {codes or 'allowed'}")


def forged_token(cli: str, app_id: str, channel: str, uid: int) -> str:
    """A token for the right app, channel and uid, signed with a certificate
    that is not the app's: what anyone without the certificate can make."""
    wrong_certificate = secrets.token_hex(16)
    out = subprocess.run(
        [cli, "rtc", "--app-id", app_id, "--channel", channel, "--uid", str(uid), "--expire", "600"],
        env={"APP_CERTIFICATE": wrong_certificate},
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="base URL of agora-token serve")
    parser.add_argument("--api-key", help="bearer credential, when the server requires one")
    parser.add_argument("--expire", type=int, default=35,
                        help="token lifetime in seconds (> 30: the warning comes 30 s before expiry)")
    parser.add_argument("--cli", default="agora-token", help="the agora-token binary, to forge a token")
    parser.add_argument("--channel", default="guide-demo")
    args = parser.parse_args()
    if args.expire <= WILL_EXPIRE_WARNING:
        parser.error(f"--expire must be more than {WILL_EXPIRE_WARNING} s")

    sim = Simulation(args.server, args.api_key)
    channel, uid = args.channel, 1001

    print(f"client A: fetch a token for channel {channel!r} as uid {uid}, valid {args.expire} s")
    first = sim.fetch_token(channel, uid, args.expire)
    sim.expect("client A joins", sim.join(first["token"], channel, uid), allowed=True)

    # The SDK warns WILL_EXPIRE_WARNING s before the privileges expire; the
    # server's reply says when they do (publisher: with the token).
    warn_at = first["expires_at"] - WILL_EXPIRE_WARNING
    wait = max(0.0, warn_at - time.time())
    print(f"  ... in session; onTokenPrivilegeWillExpire fires in {wait:.1f} s")
    time.sleep(wait)
    print("client A: onTokenPrivilegeWillExpire -> fetch a new token and renewToken")
    second = sim.fetch_token(channel, uid, args.expire)
    renewals = 1
    sim.expect("client A renews", sim.join(second["token"], channel, uid), allowed=True)
    if second["expires_at"] <= first["expires_at"]:
        sim.failures.append("the renewed token does not outlive the first one")
    # Past the first token's expiry, only the renewed token keeps A in.
    after = first["expires_at"]
    sim.expect("without renewal, at the first token's expiry",
               sim.join(first["token"], channel, uid, now=after), allowed=False, code="token_expired")
    sim.expect("with the renewed token, at that time",
               sim.join(second["token"], channel, uid, now=after), allowed=True)

    print("clients with wrong credentials:")
    other = sim.fetch_token("another-channel", 2002, args.expire)
    sim.expect("client B, with a token for another channel",
               sim.join(other["token"], channel, 2002), allowed=False, code="channel_mismatch")
    sim.expect("client C, with client A's token as uid 3003",
               sim.join(second["token"], channel, 3003), allowed=False, code="user_mismatch")
    forged = forged_token(args.cli, first["app_id"], channel, 4004)
    sim.expect("client D, with a token signed by a wrong certificate",
               sim.join(forged, channel, 4004), allowed=False, code="bad_signature")

    refusals = 3
    if sim.failures:
        print("FAILED:\n  " + "\n  ".join(sim.failures), file=sys.stderr)
        return 1
    print(f"ok: {renewals} renewal, {refusals} wrong-credential clients refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
