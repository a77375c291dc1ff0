"""Typed values of the Pythonic API: enums, services, parsed tokens.

A parsed 007 `Token` and a `CheckReport` are classes of the extension
(``bindings/python/src/token.rs``) that read token-core's result when a field
is asked for; their nested values (services, privileges, reasons) are the
frozen dataclasses below, built on first access from the JSON form of a
parsed token (token-core's ``json`` module, the same form the CLI and the C
library print). Times are given twice: as the raw integers carried by the
token, and as timezone-aware UTC ``datetime`` values.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Iterable, Mapping, NamedTuple, Optional, Tuple, Union

# Made in Rust: fields read from token-core's result when asked.
from ._agora_token import CheckReport, Token

__all__ = [
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
    "PrivilegesArg",
    "CheckReason",
    "CheckedPrivilege",
    "CheckReport",
]


class ServiceType(enum.IntEnum):
    """The service type numbers of an AccessToken2 ("007")."""

    RTC = 1
    """Real-time communication (video and voice channels)."""
    RTM = 2
    """Signaling / real-time messaging login."""
    STREAMING = 3
    """Media streaming."""
    FPA = 4
    """Full-path acceleration."""
    CHAT = 5
    """Agora Chat."""
    FCDN = 6
    """Fusion CDN."""
    APAAS = 7
    """Flexible Classroom (APaaS / Education)."""
    RTM2 = 8
    """RTM 2.x with resource permissions."""
    CONVOAI = 9
    """Conversational AI engine."""
    STT = 10
    """Speech-to-text."""


class Role(enum.IntEnum):
    """The RTC role of a 007 token."""

    PUBLISHER = 1
    """May join and publish audio, video and data streams (recommended)."""
    SUBSCRIBER = 2
    """May join only; publishing needs co-host authentication enabled."""


class Role006(enum.IntEnum):
    """The RTC role of a 006 token."""

    ATTENDEE = 0
    """Deprecated; the same privileges as PUBLISHER."""
    PUBLISHER = 1
    """Join and publish."""
    SUBSCRIBER = 2
    """Join only."""
    ADMIN = 101
    """Deprecated; the same privileges as PUBLISHER."""


class RtcPrivilege(enum.IntEnum):
    """Privileges of the RTC service."""

    JOIN_CHANNEL = 1
    PUBLISH_AUDIO_STREAM = 2
    PUBLISH_VIDEO_STREAM = 3
    PUBLISH_DATA_STREAM = 4


class RtmPrivilege(enum.IntEnum):
    """Privileges of the RTM service."""

    LOGIN = 1


class StreamingPrivilege(enum.IntEnum):
    """Privileges of the Streaming service."""

    PUBLISH_MIX_STREAM = 1
    PUBLISH_RAW_STREAM = 2


class FpaPrivilege(enum.IntEnum):
    """Privileges of the FPA service."""

    LOGIN = 1


class ChatPrivilege(enum.IntEnum):
    """Privileges of the Chat service."""

    USER = 1
    APP = 2


class FcdnPrivilege(enum.IntEnum):
    """Privileges of the FCDN service."""

    PUBLISH = 1
    PLAY = 2


class ApaasPrivilege(enum.IntEnum):
    """Privileges of the APaaS service."""

    ROOM_USER = 1
    USER = 2
    APP = 3


class Rtm2Privilege(enum.IntEnum):
    """Privileges of the RTM2 service."""

    LOGIN = 1


class Privilege006(enum.IntEnum):
    """Privileges of a 006 token."""

    JOIN_CHANNEL = 1
    PUBLISH_AUDIO_STREAM = 2
    PUBLISH_VIDEO_STREAM = 3
    PUBLISH_DATA_STREAM = 4
    RTM_LOGIN = 1000


class Rtm2ResourceType(enum.IntEnum):
    """Resource types of RTM2 permissions."""

    MESSAGE_CHANNELS = 0
    STREAM_CHANNELS = 1
    GROUP_CHANNELS = 2
    SERVER_GROUPS = 3
    USERS = 4


class Rtm2PermissionType(enum.IntEnum):
    """Permission types of RTM2 permissions."""

    READ = 0
    WRITE = 1


class Rtm2Permission(NamedTuple):
    """One RTM2 permission: the resources of one resource type that the user
    may read or write."""

    resource_type: int
    """A `Rtm2ResourceType` (or another number for a type this version does not name)."""
    permission_type: int
    """A `Rtm2PermissionType` (or another number)."""
    resources: Tuple[str, ...]
    """Resource names, in the order given."""


def _utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


@dataclass(frozen=True)
class Privilege:
    """One privilege of a service.

    For a 007 token `expire` is in seconds after the token's issue time, ``0``
    meaning the privilege has no limit of its own; for a 006 token it is an
    absolute Unix time, ``0`` meaning never. `expires_at` is that moment as
    an aware UTC datetime (None for ``0``); it and `name` are filled in by
    `parse`.
    """

    id: int
    """The privilege id (see the ``*Privilege`` enums)."""
    expire: int
    """The raw expire value carried by the token."""
    name: Optional[str] = None
    """The privilege's name (``"join_channel"``, ...), if known."""
    expires_at: Optional[datetime] = None
    """When the privilege expires (UTC), None when it has no limit of its own."""


PrivilegesArg = Union[Mapping[Any, int], Iterable[Union[Privilege, Tuple[int, int]]]]
"""Privileges as given to a service: ``{id: expire}``, or `Privilege` objects
or ``(id, expire)`` pairs."""


def _privileges(value: Any) -> Tuple[Privilege, ...]:
    items: Iterable[Any] = value.items() if isinstance(value, Mapping) else value
    out = []
    for item in items:
        if isinstance(item, Privilege):
            out.append(item)
        elif isinstance(item, tuple) and len(item) == 2:
            out.append(Privilege(int(item[0]), item[1]))
        else:
            raise TypeError(
                "privileges: expected a mapping {id: expire}, Privilege objects or (id, expire) pairs, "
                "got an item of type %s" % type(item).__name__
            )
    return tuple(sorted(out, key=lambda p: p.id))


class Service:
    """Base class of the ten 007 services. Each subclass is a frozen
    dataclass with the service's own fields and ``privileges`` (given as
    ``{id: expire}``, `Privilege` objects or ``(id, expire)`` pairs; stored as
    a tuple of `Privilege` sorted by id)."""

    service_type: ClassVar[ServiceType]
    """This service's type number."""
    privileges: Tuple[Privilege, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "privileges", _privileges(self.privileges))

    def privilege(self, id: int) -> Optional[Privilege]:
        """The privilege with this id, if the service has it."""
        for p in self.privileges:
            if p.id == id:
                return p
        return None

    def _fields(self) -> Tuple[Any, ...]:
        return ()

    def _raw(self) -> Tuple[int, Tuple[Tuple[int, int], ...], Tuple[Any, ...]]:
        # The shape the extension reads (bindings/python/src/services.rs).
        return (int(self.service_type), tuple((p.id, p.expire) for p in self.privileges), self._fields())


@dataclass(frozen=True)
class RtcService(Service):
    """RTC: join a channel (`RtcPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.RTC
    channel_name: str = ""
    """The channel name."""
    uid: str = ""
    """The uid as decimal text, or the user account; empty for any user."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, channel_name: str = "", uid: str = "", privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.channel_name, self.uid)


@dataclass(frozen=True)
class RtmService(Service):
    """RTM: log in to Signaling / RTM (`RtmPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.RTM
    user_id: str = ""
    """The RTM user ID."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, user_id: str = "", privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.user_id,)


@dataclass(frozen=True)
class StreamingService(Service):
    """Media streaming (`StreamingPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.STREAMING
    channel_name: str = ""
    """The channel name."""
    account: str = ""
    """The uid as text or the account; empty for any."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, channel_name: str = "", account: str = "", privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.channel_name, self.account)


@dataclass(frozen=True)
class FpaService(Service):
    """Full-path acceleration (`FpaPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.FPA
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, privileges: PrivilegesArg = ()) -> None: ...


@dataclass(frozen=True)
class ChatService(Service):
    """Agora Chat (`ChatPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.CHAT
    user_id: str = ""
    """The Chat user ID; empty for an app token."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, user_id: str = "", privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.user_id,)


@dataclass(frozen=True)
class FcdnService(Service):
    """Fusion CDN (`FcdnPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.FCDN
    channel_name: str = ""
    """The channel name."""
    account: str = ""
    """The uid as text or the account; empty for any."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, channel_name: str = "", account: str = "", privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.channel_name, self.account)


@dataclass(frozen=True)
class ApaasService(Service):
    """Flexible Classroom / APaaS (`ApaasPrivilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.APAAS
    room_uuid: str = ""
    """The room UUID (empty for user and app tokens)."""
    user_uuid: str = ""
    """The user UUID (empty for app tokens)."""
    role: int = -1
    """The role in the room; -1 when there is none."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, room_uuid: str = "", user_uuid: str = "", role: int = -1, privileges: PrivilegesArg = ()) -> None: ...

    def _fields(self) -> Tuple[Any, ...]:
        return (self.room_uuid, self.user_uuid, self.role)


@dataclass(frozen=True)
class Rtm2Service(Service):
    """RTM 2.x with resource permissions (`Rtm2Privilege`)."""

    service_type: ClassVar[ServiceType] = ServiceType.RTM2
    user_id: str = ""
    """The RTM user ID."""
    permissions: Tuple[Rtm2Permission, ...] = ()
    """The resource permissions, in packing order once parsed."""
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(
            self,
            user_id: str = "",
            permissions: Iterable[Tuple[int, int, Iterable[str]]] = (),
            privileges: PrivilegesArg = (),
        ) -> None: ...

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(
            self, "permissions", tuple(Rtm2Permission(r, p, tuple(res)) for r, p, res in self.permissions)
        )

    def _fields(self) -> Tuple[Any, ...]:
        return (self.user_id, self.permissions)


@dataclass(frozen=True)
class ConvoAIService(Service):
    """Conversational AI engine (no fields; the official builder sets no privilege)."""

    service_type: ClassVar[ServiceType] = ServiceType.CONVOAI
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, privileges: PrivilegesArg = ()) -> None: ...


@dataclass(frozen=True)
class SttService(Service):
    """Speech-to-text (no fields; the official builder sets no privilege)."""

    service_type: ClassVar[ServiceType] = ServiceType.STT
    privileges: Tuple[Privilege, ...] = ()

    if TYPE_CHECKING:  # the generated __init__ also takes the looser forms

        def __init__(self, privileges: PrivilegesArg = ()) -> None: ...


_SERVICE_CLASSES: Dict[int, Any] = {
    cls.service_type: cls
    for cls in (
        RtcService,
        RtmService,
        StreamingService,
        FpaService,
        ChatService,
        FcdnService,
        ApaasService,
        Rtm2Service,
        ConvoAIService,
        SttService,
    )
}

# Each service's own fields (not privileges or RTM2 permissions), named as in
# token-core's JSON form.
_OWN_FIELDS: Dict[Any, Tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.name not in ("privileges", "permissions"))
    for cls in _SERVICE_CLASSES.values()
}


@dataclass(frozen=True)
class Token006:
    """A parsed AccessToken ("006").

    A 006 token carries only the CRC32 of its channel name and uid; `verify`
    needs them. `ts` and each privilege's `expire` are absolute Unix times.
    """

    version: ClassVar[str] = "006"
    app_id: str
    """The app ID."""
    salt: int
    """The random salt."""
    ts: int
    """When the token expires, Unix seconds."""
    crc_channel_name: int
    """CRC32 of the channel name (for RTM tokens, the user account)."""
    crc_uid: int
    """CRC32 of the uid text."""
    privileges: Tuple[Privilege, ...]
    """Privileges (see `Privilege006`) with absolute expiry times."""

    @property
    def expires_at(self) -> Optional[datetime]:
        """When the token expires (UTC), or None for 0."""
        return _utc(self.ts) if self.ts else None

    def privilege(self, id: int) -> Optional[Privilege]:
        """The privilege with this id, if the token has it."""
        for p in self.privileges:
            if p.id == id:
                return p
        return None


def _enum_or_int(enum_cls: Any, value: Any) -> int:
    # The JSON form names known RTM2 types and gives others as numbers.
    if isinstance(value, str):
        return enum_cls[value.upper()]  # type: ignore[no-any-return]
    return int(value)


def _new(cls: Any, fields: Dict[str, Any]) -> Any:
    # A dataclass instance from fields already in their stored form (parse
    # hands over typed, normalised values): skips the frozen __init__'s
    # object.__setattr__ per field and __post_init__'s normalising, which
    # together cost several times token-core's whole parse.
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def _privileges_from_json(d: Dict[str, Any]) -> Tuple[Privilege, ...]:
    # token-core gives each privilege's absolute expiry (None: no limit).
    names = d["privilege_names"]
    expires_at = d["privilege_expires_at"]
    # A token's privileges mostly share one expiry: one datetime serves them.
    dates: Dict[Optional[int], Optional[datetime]] = {None: None}
    out = []
    for key, expire in d["privileges"].items():
        at = expires_at[key]
        if at not in dates:
            dates[at] = _utc(at)
        fields = {"id": int(key), "expire": expire, "name": names.get(key), "expires_at": dates[at]}
        out.append(_new(Privilege, fields))
    if len(out) > 1:
        out.sort(key=lambda p: p.id)  # JSON keys are in text order ("10" < "2")
    return tuple(out)


def _service_from_json(d: Dict[str, Any]) -> Service:
    cls = _SERVICE_CLASSES[d["type_id"]]
    fields = {name: d[name] for name in _OWN_FIELDS[cls]}
    fields["privileges"] = _privileges_from_json(d)
    if cls is Rtm2Service:
        fields["permissions"] = tuple(
            Rtm2Permission(
                _enum_or_int(Rtm2ResourceType, p["resource_type"]),
                _enum_or_int(Rtm2PermissionType, p["permission_type"]),
                tuple(p["resources"]),
            )
            for p in d["permissions"]
        )
    return _new(cls, fields)  # type: ignore[no-any-return]


def _services_from_parts(parts: Iterable[Tuple[Any, ...]]) -> Tuple[Service, ...]:
    # A parsed Token's services, made on first access from the plain tuples of
    # bindings/python/src/token.rs: (type, ((field, value), ...),
    # ((id, expire, name, expires_at), ...), RTM2 permissions or None).
    dates: Dict[Optional[int], Optional[datetime]] = {None: None}
    out = []
    for type_id, fields, privileges, permissions in parts:
        own = dict(fields)
        plist = []
        for pid, expire, name, at in privileges:
            if at not in dates:
                dates[at] = _utc(at)
            plist.append(_new(Privilege, {"id": pid, "expire": expire, "name": name, "expires_at": dates[at]}))
        own["privileges"] = tuple(plist)
        if permissions is not None:
            own["permissions"] = tuple(
                Rtm2Permission(_known(Rtm2ResourceType, r), _known(Rtm2PermissionType, p), res)
                for r, p, res in permissions
            )
        out.append(_new(_SERVICE_CLASSES[type_id], own))
    return tuple(out)


def _known(enum_cls: Any, value: int) -> int:
    # A number this version names is given as its enum member.
    return enum_cls(value) if value in enum_cls._value2member_map_ else value  # type: ignore[no-any-return]


def _token006_from_json(d: Dict[str, Any]) -> Token006:
    fields = {name: d[name] for name in ("app_id", "salt", "ts", "crc_channel_name", "crc_uid")}
    fields["privileges"] = _privileges_from_json(d)
    return _new(Token006, fields)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class CheckReason:
    """One reason `check` denies a request."""

    code: str
    """A stable code: ``"malformed"``, ``"wrong_app_id"``, ``"bad_signature"``,
    ``"token_expired"``, ``"privilege_expired"``, ``"channel_mismatch"``,
    ``"user_mismatch"``, ``"room_mismatch"``, ``"service_missing"`` or
    ``"privilege_missing"``."""
    message: str
    """What is wrong, for a person."""


@dataclass(frozen=True)
class CheckedPrivilege:
    """A privilege the checked request needs, as found in the token."""

    service: str
    """The service (``"rtc"``, ...)."""
    privilege: str
    """The privilege (``"join_channel"``, ...)."""
    expires_at: Optional[datetime]
    """When it expires (UTC); None for no limit or when missing."""
    status: str
    """``"ok"``, ``"expired"`` or ``"missing"``."""
