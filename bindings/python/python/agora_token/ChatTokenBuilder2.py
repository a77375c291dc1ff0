"""Drop-in for ``agoraiotools.ChatTokenBuilder2``: Agora Chat tokens (AccessToken2, "007").

`ChatTokenBuilder` (alias `ChatTokenBuilder2`) with ``build_user_token`` and
``build_app_token``, as in ``agoraiotools`` 0.3.4; both return ``''`` for an
app ID or certificate that is not 32 hex characters. The methods are also
module-level functions.
"""

from __future__ import annotations

from . import _agora_token as _ext
from .AccessToken2 import (  # agoraiotools re-exports these here too
    VERSION_LENGTH,
    get_version,
    Service,
    ServiceRtc,
    ServiceRtm,
    ServiceStreaming,
    ServiceFpa,
    ServiceChat,
    ServiceFCdn,
    ServiceApaas,
    ServiceRtm2,
    Rtm2Permissions,
    ServiceConvoAI,
    ServiceStt,
    AccessToken,
    AccessToken2,
)

__all__ = ["ChatTokenBuilder", "ChatTokenBuilder2", "build_user_token", "build_app_token"]
__all__ += [
    "VERSION_LENGTH",
    "get_version",
    "Service",
    "ServiceRtc",
    "ServiceRtm",
    "ServiceStreaming",
    "ServiceFpa",
    "ServiceChat",
    "ServiceFCdn",
    "ServiceApaas",
    "ServiceRtm2",
    "Rtm2Permissions",
    "ServiceConvoAI",
    "ServiceStt",
    "AccessToken",
    "AccessToken2",
]


class ChatTokenBuilder:
    """Builds Chat tokens (AccessToken2). Expires are in seconds from now."""

    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str:
        """A Chat user token for `user_id`, valid `expire` seconds."""
        return _ext.official_chat_user_token(app_id, app_certificate, user_id, expire)

    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str:
        """A Chat app token (server-side REST calls), valid `expire` seconds."""
        return _ext.official_chat_app_token(app_id, app_certificate, expire)


class ChatTokenBuilder2(ChatTokenBuilder):
    """The same builder under its ``agoraiotools`` 0.3.4 name."""


build_user_token = ChatTokenBuilder.build_user_token
build_app_token = ChatTokenBuilder.build_app_token
