"""Agora access tokens: build, parse and verify AccessToken2 ("007") and
AccessToken ("006"), computed by one Rust core shared with the other
languages of the agora-token project.

Two ways in:

1. **Drop-in for agoraiotools 0.3.4.** Replace ``agoraiotools`` by
   ``agora_token`` in the import line::

       from agora_token.RtcTokenBuilder2 import RtcTokenBuilder, Role_Publisher
       token = RtcTokenBuilder.build_token_with_uid(app_id, app_certificate, "room", 42, Role_Publisher, 3600, 3600)

   The submodules (`RtcTokenBuilder2`, `RtmTokenBuilder2`, `ChatTokenBuilder2`,
   `fpa_token_builder`, `apaas_token_builder`, `education_token_builder`,
   `AccessToken2`, the 006 `RtcTokenBuilder`, `RtmTokenBuilder` and
   `AccessToken`, `utils`) keep the official names, argument order, defaults
   and leniency, including ``''`` for a bad app ID or certificate. Added, as
   in npm ``agora-token`` 2.0.6: RTM2 permissions, Streaming, FCDN, ConvoAI
   (`convoai_token_builder`) and STT (`stt_token_builder`).

2. **Pythonic.** Keyword arguments, enums, exceptions, typed results::

       import agora_token
       token = agora_token.build_rtc_token(
           app_id=app_id, app_certificate=app_certificate, channel="room",
           uid=42, role=agora_token.Role.PUBLISHER, expire=3600)
       parsed = agora_token.verify(token, app_certificate)
       parsed.service(agora_token.ServiceType.RTC).privileges[0].expires_at

Every error about a value or a token is an `agora_token.TokenError` (a
``ValueError``) naming the field and the rule; a value of the wrong type
raises ``TypeError``. All functions are safe to call from many threads. They
keep the GIL: a token takes one or two microseconds, less than releasing
the GIL and taking it back would cost.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Optional, Union

from . import _agora_token as _ext
from ._agora_token import (
    InvalidInputError,
    MalformedTokenError,
    NoServiceError,
    SignatureMismatchError,
    TokenError,
    WrongVersionError,
    build_apaas_app_token,
    build_apaas_room_user_token,
    build_apaas_user_token,
    build_chat_app_token,
    build_chat_user_token,
    build_convoai_token,
    build_fpa_token,
    build_rtc_token,
    build_rtc_token_006,
    build_rtc_token_with_privileges,
    build_rtc_token_with_rtm,
    build_rtc_token_with_rtm2,
    build_rtm_token,
    build_rtm_token_006,
    build_rtm_token_with_permissions,
    build_stt_token,
    chat_user_id,
    check,
    parse,
    verify,
)
from ._types import (
    ApaasPrivilege,
    CheckedPrivilege,
    CheckReason,
    CheckReport,
    ApaasService,
    ChatPrivilege,
    ChatService,
    ConvoAIService,
    FcdnPrivilege,
    FcdnService,
    FpaPrivilege,
    FpaService,
    Privilege,
    Privilege006,
    PrivilegesArg,
    Role,
    Role006,
    RtcPrivilege,
    RtcService,
    Rtm2Permission,
    Rtm2PermissionType,
    Rtm2Privilege,
    Rtm2ResourceType,
    Rtm2Service,
    RtmPrivilege,
    RtmService,
    Service,
    ServiceType,
    StreamingPrivilege,
    StreamingService,
    SttService,
    Token,
    Token006,
)

# The drop-in submodules, reachable as attributes (agora_token.RtcTokenBuilder2...).
from . import (  # noqa: E402,F401  isort:skip
    AccessToken,
    AccessToken2,
    ChatTokenBuilder2,
    RtcTokenBuilder,
    RtcTokenBuilder2,
    RtmTokenBuilder,
    RtmTokenBuilder2,
    apaas_token_builder,
    convoai_token_builder,
    education_token_builder,
    fpa_token_builder,
    stt_token_builder,
    utils,
)

# The builder classes agoraiotools exports from its package itself, where
# their names do not clash with a module name.
from .apaas_token_builder import ApaasTokenBuilder  # noqa: E402
from .ChatTokenBuilder2 import ChatTokenBuilder  # noqa: E402
from .convoai_token_builder import ConvoAITokenBuilder  # noqa: E402
from .education_token_builder import EducationTokenBuilder  # noqa: E402
from .fpa_token_builder import FpaTokenBuilder  # noqa: E402
from .stt_token_builder import SttTokenBuilder  # noqa: E402

__version__: str = _ext.__version__
"""The package version."""

__all__ = [
    # Pythonic builders
    "build_rtc_token",
    "build_rtc_token_with_privileges",
    "build_rtc_token_with_rtm",
    "build_rtc_token_with_rtm2",
    "build_convoai_token",
    "build_stt_token",
    "build_rtm_token",
    "build_rtm_token_with_permissions",
    "build_chat_user_token",
    "build_chat_app_token",
    "build_fpa_token",
    "build_apaas_room_user_token",
    "build_apaas_user_token",
    "build_apaas_app_token",
    "build_token",
    "build_rtc_token_006",
    "build_rtm_token_006",
    "chat_user_id",
    "parse",
    "verify",
    "check",
    # types
    "CheckReport",
    "CheckReason",
    "CheckedPrivilege",
    "ServiceType",
    "Role",
    "Role006",
    "RtcPrivilege",
    "RtmPrivilege",
    "StreamingPrivilege",
    "FpaPrivilege",
    "ChatPrivilege",
    "FcdnPrivilege",
    "ApaasPrivilege",
    "Rtm2Privilege",
    "Privilege006",
    "Rtm2ResourceType",
    "Rtm2PermissionType",
    "Rtm2Permission",
    "Privilege",
    "PrivilegesArg",
    "Service",
    "RtcService",
    "RtmService",
    "StreamingService",
    "FpaService",
    "ChatService",
    "FcdnService",
    "ApaasService",
    "Rtm2Service",
    "ConvoAIService",
    "SttService",
    "Token",
    "Token006",
    # errors
    "TokenError",
    "InvalidInputError",
    "NoServiceError",
    "WrongVersionError",
    "MalformedTokenError",
    "SignatureMismatchError",
    # drop-in modules and classes
    "AccessToken",
    "AccessToken2",
    "RtcTokenBuilder",
    "RtcTokenBuilder2",
    "RtmTokenBuilder",
    "RtmTokenBuilder2",
    "ChatTokenBuilder2",
    "fpa_token_builder",
    "apaas_token_builder",
    "education_token_builder",
    "convoai_token_builder",
    "stt_token_builder",
    "utils",
    "ChatTokenBuilder",
    "FpaTokenBuilder",
    "ApaasTokenBuilder",
    "EducationTokenBuilder",
    "ConvoAITokenBuilder",
    "SttTokenBuilder",
    "__version__",
]


def build_token(
    *,
    app_id: str,
    app_certificate: str,
    expire: Union[int, timedelta],
    services: Iterable[Service],
    issue_ts: Union[int, datetime, None] = None,
    salt: Optional[int] = None,
) -> str:
    """Build a 007 token from service objects (`RtcService`, `StreamingService`,
    `FcdnService`, ... any of the ten), for the services no builder function
    covers.

    `expire` is the token lifetime (seconds or ``timedelta``); each service's
    privileges carry their own expires (seconds after issue). Services are
    packed in type order; services of the same type keep their order. Only
    the app ID and certificate (32 hex characters), the presence of a service
    and the packed lengths are checked: the fields are packed as given.
    """
    raw = []
    for s in services:
        if not isinstance(s, Service):
            raise TypeError("services: expected Service objects, got %s" % type(s).__name__)
        raw.append(s._raw())
    return _ext.build_token(
        app_id=app_id, app_certificate=app_certificate, expire=expire, services=raw, issue_ts=issue_ts, salt=salt
    )


