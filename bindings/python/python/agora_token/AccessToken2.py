"""Drop-in for ``agoraiotools.AccessToken2`` (AccessToken2, the "007" token).

Same names as ``agoraiotools`` 0.3.4: `AccessToken` (alias `AccessToken2`)
with ``add_service``, ``build`` and ``from_string``; the service classes
`ServiceRtc`, `ServiceRtm`, `ServiceFpa`, `ServiceChat`, `ServiceApaas`
with their ``kServiceType`` / ``kPrivilege*`` constants; `get_version` and
`VERSION_LENGTH`. Plus the services ``agoraiotools`` lacks, named as in
Agora's current Python sources (npm ``agora-token`` 2.0.6 has them):
`ServiceStreaming`, `ServiceFCdn`, `ServiceRtm2` (with its nested
`ServiceRtm2.Permissions`, also exported as `Rtm2Permissions`),
`ServiceConvoAI` and `ServiceStt`.

Packing, signing and parsing happen in the Rust core; these classes only
hold the values. Behaviour kept from ``agoraiotools``: ``build()`` returns
``''`` when the app ID or certificate is not 32 hex characters or no service
was added; ``add_service`` replaces an earlier service of the same type;
``from_string`` returns ``False`` for a token that is not "007" and raises
``ValueError`` (here `agora_token.MalformedTokenError`, a subclass) for a
malformed one. Added: read-only properties (``app_id``, ``issue_ts``, ...),
``verify_signature`` and ``get_services``. Numbers out of the packed range
raise `agora_token.InvalidInputError` (``agoraiotools`` fails in
``struct.pack``); values of the wrong type raise ``TypeError``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from . import _agora_token as _ext
from ._agora_token import TokenError, WrongVersionError
from ._types import Rtm2PermissionType, Rtm2ResourceType, _enum_or_int

__all__ = [
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

VERSION_LENGTH = 3
"""Length of the version prefix."""


def get_version() -> str:
    """The version prefix of AccessToken2: ``"007"``."""
    return "007"


def _text(value: Any, field: str) -> str:
    # agoraiotools encodes these with str.encode, so only str works there too.
    if not isinstance(value, str):
        raise TypeError("%s: expected str, got %s" % (field, type(value).__name__))
    return value


class Service:
    """A service of an AccessToken2: a type number and privileges."""

    def __init__(self, service_type: int) -> None:
        """A service of type `service_type` with no privilege."""
        self.__type = service_type
        self.__privileges: Dict[Any, Any] = {}

    def add_privilege(self, privilege: int, expire: int) -> None:
        """Set a privilege's expire (seconds after issue; 0: no own limit),
        replacing an earlier value."""
        self.__privileges[privilege] = expire

    def service_type(self) -> int:
        """The service type number."""
        return self.__type

    @property
    def privileges(self) -> Dict[int, int]:
        """The privileges, ``{id: expire}`` (a copy)."""
        return dict(self.__privileges)

    def _fields(self) -> Tuple[Any, ...]:
        return ()

    def _raw(self) -> Tuple[int, List[Tuple[Any, Any]], Tuple[Any, ...]]:
        # The shape the extension reads (bindings/python/src/services.rs).
        return (self.__type, list(self.__privileges.items()), self._fields())

    def __repr__(self) -> str:
        return "%s(%s, privileges=%r)" % (type(self).__name__, ", ".join(map(repr, self._fields())), self.__privileges)


class ServiceRtc(Service):
    """RTC: join a channel and publish streams."""

    kServiceType = 1
    kPrivilegeJoinChannel = 1
    kPrivilegePublishAudioStream = 2
    kPrivilegePublishVideoStream = 3
    kPrivilegePublishDataStream = 4

    def __init__(self, channel_name: str = "", uid: Any = 0) -> None:
        """An RTC service for a channel and a uid (0: any user) or account."""
        super().__init__(ServiceRtc.kServiceType)
        self.__channel_name = _text(channel_name, "channel_name")
        self.__uid = _ext.official_user(uid)

    @property
    def channel_name(self) -> str:
        """The channel name."""
        return self.__channel_name

    @property
    def uid(self) -> str:
        """The uid as text, or the account; empty for any user."""
        return self.__uid

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__channel_name, self.__uid)


class ServiceRtm(Service):
    """RTM: log in to Signaling / RTM."""

    kServiceType = 2
    kPrivilegeLogin = 1

    def __init__(self, user_id: str = "") -> None:
        """An RTM service for a user ID."""
        super().__init__(ServiceRtm.kServiceType)
        self.__user_id = _text(user_id, "user_id")

    @property
    def user_id(self) -> str:
        """The RTM user ID."""
        return self.__user_id

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__user_id,)


class ServiceStreaming(Service):
    """Media streaming (not in agoraiotools 0.3.4; as npm agora-token 2.0.6)."""

    kServiceType = 3
    kPrivilegePublishMixStream = 1
    kPrivilegePublishRawStream = 2

    def __init__(self, channel_name: str = "", account: Any = "") -> None:
        """A Streaming service for a channel and a uid (0: any) or account."""
        super().__init__(ServiceStreaming.kServiceType)
        self.__channel_name = _text(channel_name, "channel_name")
        self.__account = _ext.official_user(account)

    @property
    def channel_name(self) -> str:
        """The channel name."""
        return self.__channel_name

    @property
    def account(self) -> str:
        """The uid as text, or the account; empty for any."""
        return self.__account

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__channel_name, self.__account)


class ServiceFpa(Service):
    """Full-path acceleration."""

    kServiceType = 4
    kPrivilegeLogin = 1

    def __init__(self) -> None:
        """An FPA service."""
        super().__init__(ServiceFpa.kServiceType)


class ServiceChat(Service):
    """Agora Chat."""

    kServiceType = 5
    kPrivilegeUser = 1
    kPrivilegeApp = 2

    def __init__(self, user_id: str = "") -> None:
        """A Chat service for a user ID (empty for an app token)."""
        super().__init__(ServiceChat.kServiceType)
        self.__user_id = _text(user_id, "user_id")

    @property
    def user_id(self) -> str:
        """The Chat user ID."""
        return self.__user_id

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__user_id,)


class ServiceFCdn(Service):
    """Fusion CDN (not in agoraiotools 0.3.4; as npm agora-token 2.0.6)."""

    kServiceType = 6
    kPrivilegePublish = 1
    kPrivilegePlay = 2

    def __init__(self, channel_name: str = "", account: Any = "") -> None:
        """An FCDN service for a channel and a uid (0: any) or account."""
        super().__init__(ServiceFCdn.kServiceType)
        self.__channel_name = _text(channel_name, "channel_name")
        self.__account = _ext.official_user(account)

    @property
    def channel_name(self) -> str:
        """The channel name."""
        return self.__channel_name

    @property
    def account(self) -> str:
        """The uid as text, or the account; empty for any."""
        return self.__account

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__channel_name, self.__account)


class ServiceApaas(Service):
    """Flexible Classroom / APaaS."""

    kServiceType = 7
    kPrivilegeRoomUser = 1
    kPrivilegeUser = 2
    kPrivilegeApp = 3

    def __init__(self, room_uuid: str = "", user_uuid: str = "", role: int = -1) -> None:
        """An APaaS service for a room, a user and a role (-1: none)."""
        super().__init__(ServiceApaas.kServiceType)
        self.__room_uuid = _text(room_uuid, "room_uuid")
        self.__user_uuid = _text(user_uuid, "user_uuid")
        self.__role = role

    @property
    def room_uuid(self) -> str:
        """The room UUID."""
        return self.__room_uuid

    @property
    def user_uuid(self) -> str:
        """The user UUID."""
        return self.__user_uuid

    @property
    def role(self) -> int:
        """The role in the room (-1: none)."""
        return int(self.__role)

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__room_uuid, self.__user_uuid, self.__role)


class ServiceRtm2(Service):
    """RTM 2.x with resource permissions (not in agoraiotools 0.3.4; as npm
    agora-token 2.0.6)."""

    kServiceType = 8
    kPrivilegeLogin = 1

    class Permissions:
        """RTM2 resource permissions: resource type -> permission type ->
        resources (npm ``Rtm2Permissions``)."""

        kMessageChannels = 0
        kStreamChannels = 1
        kGroupChannels = 2
        kServerGroups = 3
        kUsers = 4
        kRead = 0
        kWrite = 1

        def __init__(self) -> None:
            """An empty permission set."""
            self.details: Dict[int, Dict[int, List[str]]] = {}

        def add(self, resource_type: int, permission_type: int, resources: Iterable[str]) -> None:
            """Set the resources of a (resource type, permission type) pair,
            replacing earlier ones."""
            self.details.setdefault(resource_type, {})[permission_type] = list(resources)

        def __repr__(self) -> str:
            return "Rtm2Permissions(%r)" % (self.details,)

    def __init__(self, user_id: str = "", permissions: Optional[ServiceRtm2.Permissions] = None) -> None:
        """An RTM2 service for a user ID and resource permissions."""
        super().__init__(ServiceRtm2.kServiceType)
        self.__user_id = _text(user_id, "user_id")
        self.__permissions = permissions if permissions is not None else ServiceRtm2.Permissions()

    def get_user_id(self) -> str:
        """The RTM user ID."""
        return self.__user_id

    def get_permissions(self) -> ServiceRtm2.Permissions:
        """The resource permissions."""
        return self.__permissions

    @property
    def user_id(self) -> str:
        """The RTM user ID."""
        return self.__user_id

    @property
    def permissions(self) -> ServiceRtm2.Permissions:
        """The resource permissions."""
        return self.__permissions

    def _fields(self) -> Tuple[Any, ...]:
        return (self.__user_id, _permissions_raw(self.__permissions))


def _permissions_raw(permissions: Any) -> List[Tuple[int, int, List[str]]]:
    if permissions is None:
        return []
    if not hasattr(permissions, "details"):
        raise TypeError("permissions: expected ServiceRtm2.Permissions, got %s" % type(permissions).__name__)
    return [(r, p, res) for r, perms in permissions.details.items() for p, res in perms.items()]


Rtm2Permissions = ServiceRtm2.Permissions
"""npm ``agora-token``'s name for `ServiceRtm2.Permissions`."""


class ServiceConvoAI(Service):
    """Conversational AI engine (not in agoraiotools 0.3.4; as npm agora-token 2.0.6)."""

    kServiceType = 9

    def __init__(self) -> None:
        """A ConvoAI service."""
        super().__init__(ServiceConvoAI.kServiceType)


class ServiceStt(Service):
    """Speech-to-text (not in agoraiotools 0.3.4; as npm agora-token 2.0.6)."""

    kServiceType = 10

    def __init__(self) -> None:
        """An STT service."""
        super().__init__(ServiceStt.kServiceType)


def _service_from_json(d: Dict[str, Any]) -> Service:
    t = d["type_id"]
    s: Service
    if t == ServiceRtc.kServiceType:
        s = ServiceRtc(d["channel_name"], d["uid"])
    elif t == ServiceRtm.kServiceType:
        s = ServiceRtm(d["user_id"])
    elif t == ServiceStreaming.kServiceType:
        s = ServiceStreaming(d["channel_name"], d["account"])
    elif t == ServiceChat.kServiceType:
        s = ServiceChat(d["user_id"])
    elif t == ServiceFCdn.kServiceType:
        s = ServiceFCdn(d["channel_name"], d["account"])
    elif t == ServiceApaas.kServiceType:
        s = ServiceApaas(d["room_uuid"], d["user_uuid"], d["role"])
    elif t == ServiceRtm2.kServiceType:
        p = ServiceRtm2.Permissions()
        for entry in d["permissions"]:
            p.add(
                _enum_or_int(Rtm2ResourceType, entry["resource_type"]),
                _enum_or_int(Rtm2PermissionType, entry["permission_type"]),
                entry["resources"],
            )
        s = ServiceRtm2(d["user_id"], p)
    else:
        s = AccessToken.kServices[t]()
    for key, expire in d["privileges"].items():
        s.add_privilege(int(key), expire)
    return s


class AccessToken:
    """An AccessToken2 ("007") to build, or parsed with `from_string`."""

    kServices: Dict[int, Callable[[], Service]] = {
        ServiceRtc.kServiceType: ServiceRtc,
        ServiceRtm.kServiceType: ServiceRtm,
        ServiceStreaming.kServiceType: ServiceStreaming,
        ServiceFpa.kServiceType: ServiceFpa,
        ServiceChat.kServiceType: ServiceChat,
        ServiceFCdn.kServiceType: ServiceFCdn,
        ServiceApaas.kServiceType: ServiceApaas,
        ServiceRtm2.kServiceType: ServiceRtm2,
        ServiceConvoAI.kServiceType: ServiceConvoAI,
        ServiceStt.kServiceType: ServiceStt,
    }
    """Service classes by type number."""

    def __init__(self, app_id: str = "", app_certificate: str = "", issue_ts: int = 0, expire: int = 900) -> None:
        """A token for `app_id`, signed with `app_certificate`, issued at
        `issue_ts` (0: now) and valid `expire` seconds, with a random salt."""
        now, salt = _ext.issue_now()
        self.__app_id = app_id
        self.__app_cert = app_certificate
        self.__issue_ts = issue_ts if issue_ts != 0 else now
        self.__expire = expire
        self.__salt = salt
        self.__service: Dict[int, Service] = {}
        self.__token: Optional[str] = None

    def add_service(self, service: Service) -> None:
        """Add a service, replacing an earlier one of the same type."""
        self.__service[service.service_type()] = service

    def build(self) -> str:
        """The signed token, or ``''`` if the app ID or certificate is not 32
        hex characters or no service was added."""
        return _ext.official_build_access_token2(
            self.__app_id,
            self.__app_cert,
            self.__issue_ts,
            self.__expire,
            self.__salt,
            [s._raw() for s in self.__service.values()],
        )

    def from_string(self, origin_token: str) -> bool:
        """Read a token into this object. ``False`` if it is not a "007"
        token; raises `agora_token.MalformedTokenError` (a ``ValueError``) if it
        cannot be decoded. A later service of a type already read replaces the
        earlier one; a service type this version does not know ends the list
        (the signature still covers the rest)."""
        try:
            parsed = _ext.parse_007(origin_token)
        except WrongVersionError:
            return False
        self.__app_id = parsed["app_id"]
        self.__issue_ts = parsed["issue_ts"]
        self.__expire = parsed["expire"]
        self.__salt = parsed["salt"]
        self.__service = {}
        for d in parsed["services"]:
            self.add_service(_service_from_json(d))
        self.__token = origin_token
        return True

    def verify_signature(self, app_certificate: str) -> bool:
        """Whether the token read by `from_string` is signed with
        `app_certificate` (``False`` if none was read or the certificate is
        not 32 hex characters)."""
        if self.__token is None:
            return False
        try:
            _ext.verify(self.__token, app_certificate)
        except TokenError:
            return False
        return True

    def get_services(self, service_type: int) -> List[Service]:
        """The services of a type (at most one: same-type services replace
        each other)."""
        s = self.__service.get(service_type)
        return [] if s is None else [s]

    @property
    def app_id(self) -> str:
        """The app ID."""
        return self.__app_id

    @property
    def issue_ts(self) -> int:
        """Issue time, Unix seconds."""
        return self.__issue_ts

    @property
    def expire(self) -> int:
        """Lifetime in seconds after `issue_ts`."""
        return self.__expire

    @property
    def salt(self) -> int:
        """The salt."""
        return self.__salt

    @property
    def services(self) -> List[Service]:
        """The services, in type order."""
        return [self.__service[t] for t in sorted(self.__service)]


class AccessToken2(AccessToken):
    """The same class under the name of its module."""
