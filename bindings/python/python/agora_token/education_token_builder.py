"""Drop-in for ``agoraiotools.education_token_builder``: Education (Flexible Classroom; the same tokens as APaaS) tokens (AccessToken2, "007").

`EducationTokenBuilder` with ``build_room_user_token``, ``build_user_token`` and
``build_app_token``, as in ``agoraiotools`` 0.3.4; each returns ``''``
for an app ID or certificate that is not 32 hex characters.
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
from .apaas_token_builder import ApaasTokenBuilder as _ApaasTokenBuilder
from .utils import get_md5  # noqa: F401  (agoraiotools re-exports it here too)

__all__ = ["EducationTokenBuilder", "get_md5"]
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


class EducationTokenBuilder(_ApaasTokenBuilder):
    """Builds Education tokens. Expires are in seconds from now.

    The methods are `ApaasTokenBuilder`'s: the official education builders
    make exactly the APaaS tokens."""
