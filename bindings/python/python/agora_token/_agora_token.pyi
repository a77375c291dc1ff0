"""Type stubs of the native module ``agora_token._agora_token`` (Rust, pyo3).

The public functions are re-exported by ``agora_token``; the ``official_*``
functions and the ``parse_*`` / ``issue_*`` helpers serve the drop-in
modules and are private.
"""

from datetime import datetime, timedelta
from typing import Any, ClassVar, Dict, Iterable, List, Optional, Sequence, Tuple, Union, final

from ._types import CheckedPrivilege, CheckReason, Service, Token006

__version__: str

_Seconds = Union[int, timedelta]
_Time = Union[int, datetime]
_Permissions = Iterable[Tuple[int, int, Iterable[str]]]

class TokenError(ValueError):
    """Base class of every error agora_token raises for a bad value or token."""

    kind: str
    field: Optional[str]
    rule: Optional[str]

class InvalidInputError(TokenError):
    """An argument broke a documented rule (length, alphabet, range)."""

class NoServiceError(TokenError):
    """A token was built without any service."""

class WrongVersionError(TokenError):
    """The token does not start with the expected version prefix."""

class MalformedTokenError(TokenError):
    """The token text, or its decoded bytes, are not a valid token."""

class SignatureMismatchError(TokenError):
    """The signature does not match the certificate (or 006 channel and uid)."""

# Pythonic builders -----------------------------------------------------------

def build_rtc_token(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    role: Optional[int] = None,
    expire: _Seconds,
    privilege_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTC (007) token for a uid or a user account."""

def build_rtc_token_with_privileges(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    expire: _Seconds,
    join_channel_expire: Optional[_Seconds] = None,
    publish_audio_stream_expire: Optional[_Seconds] = None,
    publish_video_stream_expire: Optional[_Seconds] = None,
    publish_data_stream_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTC (007) token with its own expire for each privilege."""

def build_rtc_token_with_rtm(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    account: str,
    role: Optional[int] = None,
    expire: _Seconds,
    privilege_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTC (007) token that also logs the same account in to RTM."""

def build_rtc_token_with_rtm2(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    role: Optional[int] = None,
    expire: _Seconds,
    join_channel_expire: Optional[_Seconds] = None,
    publish_audio_stream_expire: Optional[_Seconds] = None,
    publish_video_stream_expire: Optional[_Seconds] = None,
    publish_data_stream_expire: Optional[_Seconds] = None,
    rtm_user_id: str,
    rtm_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTC (007) token plus an RTM login for a possibly different user."""

def build_convoai_token(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    role: Optional[int] = None,
    expire: _Seconds,
    join_channel_expire: Optional[_Seconds] = None,
    publish_audio_stream_expire: Optional[_Seconds] = None,
    publish_video_stream_expire: Optional[_Seconds] = None,
    publish_data_stream_expire: Optional[_Seconds] = None,
    rtm_user_id: str,
    rtm_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build a ConvoAI token (RTC + RTM + the ConvoAI service)."""

def build_stt_token(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    role: Optional[int] = None,
    expire: _Seconds,
    join_channel_expire: Optional[_Seconds] = None,
    publish_audio_stream_expire: Optional[_Seconds] = None,
    publish_video_stream_expire: Optional[_Seconds] = None,
    publish_data_stream_expire: Optional[_Seconds] = None,
    rtm_user_id: str,
    rtm_expire: Optional[_Seconds] = None,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an STT token (RTC + RTM + the STT service)."""

def build_rtm_token(
    *,
    app_id: str,
    app_certificate: str,
    user_id: str,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTM login token."""

def build_rtm_token_with_permissions(
    *,
    app_id: str,
    app_certificate: str,
    user_id: str,
    permissions: _Permissions,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTM 2.x token with resource permissions."""

def build_chat_user_token(
    *,
    app_id: str,
    app_certificate: str,
    user_id: str,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build a Chat user token."""

def build_chat_app_token(
    *,
    app_id: str,
    app_certificate: str,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build a Chat app token."""

def build_fpa_token(
    *,
    app_id: str,
    app_certificate: str,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an FPA login token, valid 24 hours."""

def build_apaas_room_user_token(
    *,
    app_id: str,
    app_certificate: str,
    room_uuid: str,
    user_uuid: str,
    role: int,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an APaaS room-user token (APaaS + RTM + Chat)."""

def build_apaas_user_token(
    *,
    app_id: str,
    app_certificate: str,
    user_uuid: str,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an APaaS user token."""

def build_apaas_app_token(
    *,
    app_id: str,
    app_certificate: str,
    expire: _Seconds,
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an APaaS app token."""

def build_token(
    *,
    app_id: str,
    app_certificate: str,
    expire: _Seconds,
    services: Iterable[Tuple[int, Iterable[Tuple[int, int]], Tuple[Any, ...]]],
    issue_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build a 007 token from service descriptions (see agora_token.build_token)."""

def build_rtc_token_006(
    *,
    app_id: str,
    app_certificate: str,
    channel: str,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    role: Optional[int] = None,
    privilege_expire_ts: _Time,
    expire_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTC AccessToken (006)."""

def build_rtm_token_006(
    *,
    app_id: str,
    app_certificate: str,
    user_account: str,
    privilege_expire_ts: _Time,
    expire_ts: Optional[_Time] = None,
    salt: Optional[int] = None,
) -> str:
    """Build an RTM AccessToken (006)."""

def chat_user_id(user_uuid: str) -> str:
    """The Chat user ID of an APaaS user: lowercase hex MD5 of user_uuid."""

# Parsing, verifying, checking ---------------------------------------------------

@final
class Token:
    """A parsed AccessToken2 ("007"), as `parse` and `verify` return it."""

    version: ClassVar[str]
    @property
    def app_id(self) -> str: ...
    @property
    def issue_ts(self) -> int: ...
    @property
    def expire(self) -> int: ...
    @property
    def salt(self) -> int: ...
    @property
    def unknown_service_type(self) -> Optional[int]: ...
    @property
    def services(self) -> Tuple[Service, ...]: ...
    @property
    def issued_at(self) -> datetime: ...
    @property
    def expires_at(self) -> Optional[datetime]: ...
    def service(self, service_type: int) -> Optional[Service]: ...
    def __hash__(self) -> int: ...

@final
class CheckReport:
    """The answer of `check`: would Agora admit the client, and why not."""

    @property
    def allowed(self) -> bool: ...
    @property
    def version(self) -> Optional[str]: ...
    @property
    def app_id(self) -> Optional[str]: ...
    @property
    def now(self) -> datetime: ...
    @property
    def issued_at(self) -> Optional[datetime]: ...
    @property
    def expires_at(self) -> Optional[datetime]: ...
    @property
    def signature(self) -> str: ...
    @property
    def reasons(self) -> Tuple[CheckReason, ...]: ...
    @property
    def privileges(self) -> Tuple[CheckedPrivilege, ...]: ...

def parse(token: str) -> Union[Token, Token006]:
    """Parse a 007 or 006 token (no signature check)."""

def verify(
    token: str,
    app_certificate: str,
    *,
    channel: Optional[str] = None,
    uid: Optional[int] = None,
    account: Optional[str] = None,
) -> Union[Token, Token006]:
    """Parse a token and check its signature."""

def check(
    token: str,
    app_certificate: str,
    *,
    service: str,
    channel: Optional[str] = None,
    uid: Optional[int] = None,
    account: Optional[str] = None,
    publish: Optional[Iterable[str]] = None,
    user_id: Optional[str] = None,
    room_uuid: Optional[str] = None,
    user_uuid: Optional[str] = None,
    app_id: Optional[str] = None,
    now: Optional[_Time] = None,
) -> CheckReport:
    """Would Agora admit this client with this token?"""

def parse_007(token: str) -> Dict[str, Any]:
    """Parse a 007 token; its JSON form (for the drop-in modules)."""

def parse_006(token: str) -> Dict[str, Any]:
    """Parse a 006 token; its JSON form (for the drop-in modules)."""

# Drop-in helpers -------------------------------------------------------------

def official_user(uid: Any) -> str: ...
def issue_now() -> Tuple[int, int]: ...
def issue_now_006() -> Tuple[int, int]: ...
def official_rtc_token(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: Any,
    role: Any,
    token_expire: Any,
    privilege_expire: Any,
) -> str: ...
def official_rtc_token_with_privileges(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: Any,
    token_expire: Any,
    join_channel_privilege_expire: Any,
    pub_audio_privilege_expire: Any,
    pub_video_privilege_expire: Any,
    pub_data_stream_privilege_expire: Any,
) -> str: ...
def official_rtc_token_with_rtm(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: Any,
    role: Any,
    token_expire: Any,
    privilege_expire: Any,
) -> str: ...
def official_rtc_rtm_token(
    kind: int,
    app_id: str,
    app_certificate: str,
    channel_name: str,
    rtc_account: Any,
    rtc_role: Any,
    rtc_token_expire: Any,
    join_channel_privilege_expire: Any,
    pub_audio_privilege_expire: Any,
    pub_video_privilege_expire: Any,
    pub_data_stream_privilege_expire: Any,
    rtm_user_id: str,
    rtm_token_expire: Any,
) -> str: ...
def official_rtm_token(app_id: str, app_certificate: str, user_id: str, expire: Any) -> str: ...
def official_rtm_token_with_permissions(
    app_id: str, app_certificate: str, user_id: str, permissions: Any, expire: Any
) -> str: ...
def official_chat_user_token(app_id: str, app_certificate: str, user_id: str, expire: Any) -> str: ...
def official_chat_app_token(app_id: str, app_certificate: str, expire: Any) -> str: ...
def official_fpa_token(app_id: str, app_certificate: str) -> str: ...
def official_apaas_room_user_token(
    app_id: str, app_certificate: str, room_uuid: str, user_uuid: str, role: Any, expire: Any
) -> str: ...
def official_apaas_user_token(app_id: str, app_certificate: str, user_uuid: str, expire: Any) -> str: ...
def official_apaas_app_token(app_id: str, app_certificate: str, expire: Any) -> str: ...
def official_build_access_token2(
    app_id: str,
    app_certificate: str,
    issue_ts: Any,
    expire: Any,
    salt: Any,
    services: Sequence[Tuple[Any, Any, Tuple[Any, ...]]],
) -> str: ...
def official_rtc_token_006(
    app_id: str, app_certificate: str, channel_name: str, account: Any, role: Any, privilege_expired_ts: Any
) -> str: ...
def official_rtm_token_006(app_id: str, app_certificate: str, user_account: str, privilege_expired_ts: Any) -> str: ...
def official_build_access_token(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: str,
    salt: Any,
    ts: Any,
    privileges: List[Tuple[Any, Any]],
) -> str: ...
