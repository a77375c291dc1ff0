"""Drop-in for ``agoraiotools.RtmTokenBuilder``: RTM AccessToken ("006").

`RtmTokenBuilder.buildToken` and `Role_Rtm_User`, as in ``agoraiotools``
0.3.4. `privilegeExpiredTs` is an absolute Unix time (0: never). An app ID
or certificate that is not 32 hex characters raises
`agora_token.InvalidInputError` (the official builder signs it anyway). The
method is also a module-level function.
"""

from __future__ import annotations

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

__all__ = ["Role_Rtm_User", "RtmTokenBuilder", "buildToken"]
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

Role_Rtm_User = 1
"""The only RTM role (the builder does not use it)."""


class RtmTokenBuilder:
    """Builds RTM AccessTokens (006)."""

    @staticmethod
    def buildToken(appId: str, appCertificate: str, userAccount: str, role: int, privilegeExpiredTs: int) -> str:
        """A 006 RTM login token for `userAccount`, expiring at
        `privilegeExpiredTs` (Unix seconds, 0: never); `role` is ignored."""
        return _ext.official_rtm_token_006(appId, appCertificate, userAccount, privilegeExpiredTs)


buildToken = RtmTokenBuilder.buildToken
