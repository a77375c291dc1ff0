"""Drop-in for ``agoraiotools.apaas_token_builder``: APaaS (Flexible Classroom) tokens (AccessToken2, "007").

`ApaasTokenBuilder` with ``build_room_user_token``, ``build_user_token`` and
``build_app_token``, as in ``agoraiotools`` 0.3.4; each returns ``''``
for an app ID or certificate that is not 32 hex characters.
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
from .utils import get_md5  # noqa: F401  (agoraiotools re-exports it here too)

__all__ = ["ApaasTokenBuilder", "get_md5"]
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


class ApaasTokenBuilder:
    """Builds APaaS tokens. Expires are in seconds from now."""

    @staticmethod
    def build_room_user_token(
        app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: int, expire: int
    ) -> str:
        """A room-user token: the APaaS room user with `role`, an RTM login as
        `user_uuid`, and the Chat user ``get_md5(user_uuid)``, each valid
        `expire` seconds."""
        return _ext.official_apaas_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire)

    @staticmethod
    def build_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: int) -> str:
        """A user token for `user_uuid`, valid `expire` seconds."""
        return _ext.official_apaas_user_token(app_id, app_certificate, user_uuid, expire)

    @staticmethod
    def build_app_token(app_id: str, app_certificate: str, expire: int) -> str:
        """An app token, valid `expire` seconds."""
        return _ext.official_apaas_app_token(app_id, app_certificate, expire)
