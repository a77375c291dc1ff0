"""Drop-in for ``agoraiotools.AccessToken`` (AccessToken, the "006" token).

Same names as ``agoraiotools`` 0.3.4: the privilege constants
(`kJoinChannel`, ..., `kRtmLogin`), `VERSION_LENGTH`, `APP_ID_LENGTH`,
`getVersion`, and `AccessToken` with its public attributes (``appID``,
``appCertificate``, ``channelName``, ``uidStr``, ``ts``, ``salt``,
``messages``) and methods ``addPrivilege``, ``build`` and ``fromString``.
The byte-packing helpers of the official module (``packUint16``,
``ReadByteBuffer``, ...) are not provided: packing happens in the Rust core.

Difference: ``agoraiotools`` signs any app ID and certificate, even ones
that make the token unusable; here ``build`` raises
`agora_token.InvalidInputError` unless both are 32 hex characters.
"""

from __future__ import annotations

from typing import Any, Dict

from . import _agora_token as _ext
from ._agora_token import TokenError

__all__ = [
    "kJoinChannel",
    "kPublishAudioStream",
    "kPublishVideoStream",
    "kPublishDataStream",
    "kRtmLogin",
    "VERSION_LENGTH",
    "APP_ID_LENGTH",
    "getVersion",
    "AccessToken",
]

kJoinChannel = 1
"""Privilege: join an RTC channel."""
kPublishAudioStream = 2
"""Privilege: publish audio."""
kPublishVideoStream = 3
"""Privilege: publish video."""
kPublishDataStream = 4
"""Privilege: publish data streams."""
kRtmLogin = 1000
"""Privilege: log in to RTM."""

VERSION_LENGTH = 3
"""Length of the version prefix."""
APP_ID_LENGTH = 32
"""Length of the app ID that follows the version prefix."""


def getVersion() -> str:
    """The version prefix of AccessToken: ``"006"``."""
    return "006"


class AccessToken:
    """A 006 token to build, or read with `fromString`.

    ``ts`` is when the token expires (default 24 hours from now) and
    ``messages`` maps each privilege to its absolute expiry time (0: never).
    """

    def __init__(self, appID: str = "", appCertificate: str = "", channelName: str = "", uid: Any = "") -> None:
        """A token for `appID` and `channelName` (for RTM: the user account)
        and a uid (0: any user) or account, signed with `appCertificate`."""
        salt, ts = _ext.issue_now_006()
        self.appID = appID
        self.appCertificate = appCertificate
        self.channelName = channelName
        self.ts = ts
        self.salt = salt
        self.messages: Dict[Any, Any] = {}
        self.uidStr = _ext.official_user(uid)

    def addPrivilege(self, privilege: int, expireTimestamp: int) -> None:
        """Set a privilege's absolute expiry time (0: never)."""
        self.messages[privilege] = expireTimestamp

    def fromString(self, originToken: str) -> bool:
        """Read ``salt``, ``ts`` and ``messages`` from a 006 token; ``False``
        if it is not one or cannot be decoded."""
        try:
            parsed = _ext.parse_006(originToken)
        except TokenError:
            return False
        self.salt = parsed["salt"]
        self.ts = parsed["ts"]
        self.messages = {int(k): v for k, v in parsed["privileges"].items()}
        return True

    def build(self) -> str:
        """The signed token."""
        return _ext.official_build_access_token(
            self.appID,
            self.appCertificate,
            self.channelName,
            self.uidStr,
            self.salt,
            self.ts,
            list(self.messages.items()),
        )
