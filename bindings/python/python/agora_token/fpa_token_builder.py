"""Drop-in for ``agoraiotools.fpa_token_builder``: FPA tokens (AccessToken2, "007").

`FpaTokenBuilder.build_token` as in ``agoraiotools`` 0.3.4: a login token
valid 24 hours, ``''`` for an app ID or certificate that is not 32 hex
characters.
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

__all__ = ["FpaTokenBuilder"]
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


class FpaTokenBuilder:
    """Builds FPA (full-path acceleration) tokens."""

    @staticmethod
    def build_token(app_id: str, app_certificate: str) -> str:
        """An FPA login token, valid 24 hours."""
        return _ext.official_fpa_token(app_id, app_certificate)
