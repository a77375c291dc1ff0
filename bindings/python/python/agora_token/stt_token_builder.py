"""STT (speech-to-text) tokens (AccessToken2, "007"); not in ``agoraiotools`` 0.3.4.

`SttTokenBuilder.build_token` with the arguments of npm ``agora-token`` 2.0.6's
``SttTokenBuilder.buildToken`` in Python style (as in Agora's current Python
sources, module ``stt_token_builder``): the RTC + RTM token of
``RtcTokenBuilder2.build_token_with_rtm2`` plus the STT service. Returns
``''`` for an app ID or certificate that is not 32 hex characters.
"""

from __future__ import annotations

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
from ._rtc_rtm_builder import _RtcRtmServiceTokenBuilder
from .RtcTokenBuilder2 import Role_Publisher, Role_Subscriber

__all__ = ["SttTokenBuilder", "Role_Publisher", "Role_Subscriber"]
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


class SttTokenBuilder(_RtcRtmServiceTokenBuilder):
    """Builds STT tokens. Expires are in seconds from now."""

    _KIND = 2
