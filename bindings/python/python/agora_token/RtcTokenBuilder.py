"""Drop-in for ``agoraiotools.RtcTokenBuilder``: RTC AccessToken ("006").

`RtcTokenBuilder` with ``buildTokenWithUid`` and ``buildTokenWithAccount`` and
the role constants, as in ``agoraiotools`` 0.3.4. Roles `Role_Attendee`,
`Role_Publisher` and `Role_Admin` publish, any other value joins only.
`privilegeExpiredTs` is an absolute Unix time (0: never). Unlike the 007
builders, the official 006 ones never return ``''``; here an app ID or
certificate that is not 32 hex characters raises
`agora_token.InvalidInputError` (the official builder signs it anyway,
giving a token no server accepts). The methods are also module-level
functions.
"""

from __future__ import annotations

from typing import Any

from . import _agora_token as _ext
from .AccessToken import (  # agoraiotools re-exports these here too
    kJoinChannel,
    kPublishAudioStream,
    kPublishVideoStream,
    kPublishDataStream,
    kRtmLogin,
    VERSION_LENGTH,
    APP_ID_LENGTH,
    getVersion,
    AccessToken,
)

__all__ = [
    "Role_Attendee",
    "Role_Publisher",
    "Role_Subscriber",
    "Role_Admin",
    "RtcTokenBuilder",
    "buildTokenWithUid",
    "buildTokenWithAccount",
]
__all__ += [
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

Role_Attendee = 0
"""Deprecated; the same privileges as `Role_Publisher`."""
Role_Publisher = 1
"""Join and publish (live broadcaster)."""
Role_Subscriber = 2
"""Join only (live audience)."""
Role_Admin = 101
"""Deprecated; the same privileges as `Role_Publisher`."""


class RtcTokenBuilder:
    """Builds RTC AccessTokens (006)."""

    @staticmethod
    def buildTokenWithUid(
        appId: str, appCertificate: str, channelName: str, uid: Any, role: int, privilegeExpiredTs: int
    ) -> str:
        """A 006 RTC token for a uid (0: any user); the privileges expire at
        `privilegeExpiredTs` (Unix seconds, 0: never), the token in 24 hours."""
        return _ext.official_rtc_token_006(appId, appCertificate, channelName, uid, role, privilegeExpiredTs)

    @staticmethod
    def buildTokenWithAccount(
        appId: str, appCertificate: str, channelName: str, account: Any, role: int, privilegeExpiredTs: int
    ) -> str:
        """A 006 RTC token for a user account; as `buildTokenWithUid`."""
        return _ext.official_rtc_token_006(appId, appCertificate, channelName, account, role, privilegeExpiredTs)


buildTokenWithUid = RtcTokenBuilder.buildTokenWithUid
buildTokenWithAccount = RtcTokenBuilder.buildTokenWithAccount
