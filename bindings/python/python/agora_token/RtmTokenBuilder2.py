"""Drop-in for ``agoraiotools.RtmTokenBuilder2``: RTM tokens (AccessToken2, "007").

`RtmTokenBuilder` (alias `RtmTokenBuilder2`) with ``build_token`` as in
``agoraiotools`` 0.3.4, plus ``build_token_with_permissions`` for RTM 2.x
resource permissions (npm ``agora-token`` 2.0.6's ``buildTokenWithPermissions``;
the permissions are a `ServiceRtm2.Permissions`, also exported as
`Rtm2Permissions`). Both return ``''`` for an app ID or certificate that is
not 32 hex characters. The methods are also module-level functions.
"""

from __future__ import annotations

from typing import Optional

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
from .AccessToken2 import _permissions_raw

__all__ = [
    "RtmTokenBuilder",
    "RtmTokenBuilder2",
    "build_token",
    "build_token_with_permissions",
]
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


class RtmTokenBuilder:
    """Builds RTM tokens (AccessToken2). Expires are in seconds from now."""

    @staticmethod
    def build_token(app_id: str, app_certificate: str, user_id: str, expire: int) -> str:
        """An RTM login token for `user_id`, valid `expire` seconds."""
        return _ext.official_rtm_token(app_id, app_certificate, user_id, expire)

    @staticmethod
    def build_token_with_permissions(
        app_id: str,
        app_certificate: str,
        user_id: str,
        permissions: Optional[ServiceRtm2.Permissions],
        expire: int = 0,
    ) -> str:
        """An RTM 2.x token for `user_id` with resource `permissions` (None:
        none), valid `expire` seconds."""
        return _ext.official_rtm_token_with_permissions(
            app_id, app_certificate, user_id, _permissions_raw(permissions), expire
        )


class RtmTokenBuilder2(RtmTokenBuilder):
    """The same builder under its ``agoraiotools`` 0.3.4 name."""


build_token = RtmTokenBuilder.build_token
build_token_with_permissions = RtmTokenBuilder.build_token_with_permissions
