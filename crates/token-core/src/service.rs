//! The services an AccessToken2 ("007") carries, one type per service.
//!
//! Wire layout of a service (from the official AccessToken2 sources): `u16`
//! service type, the privilege map (`u16` count, then `u16` privilege id and
//! `u32` expire, ascending by id), then the service's own fields. Type numbers
//! and privilege ids are those of npm `agora-token` 2.0.6.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::wire::{len_u16, Reader, Writer};

/// Service type numbers.
pub mod service_type {
    /// Real-time communication (video/voice channels).
    pub const RTC: u16 = 1;
    /// Signaling / real-time messaging (RTM 1.x and the RTM login of 2.x).
    pub const RTM: u16 = 2;
    /// Media streaming.
    pub const STREAMING: u16 = 3;
    /// Full-path acceleration.
    pub const FPA: u16 = 4;
    /// Chat (Agora Chat / Easemob).
    pub const CHAT: u16 = 5;
    /// Fusion CDN.
    pub const FCDN: u16 = 6;
    /// Flexible Classroom / APaaS.
    pub const APAAS: u16 = 7;
    /// RTM 2.x with resource permissions.
    pub const RTM2: u16 = 8;
    /// Conversational AI engine.
    pub const CONVOAI: u16 = 9;
    /// Speech-to-text.
    pub const STT: u16 = 10;
}

/// The most privileges read from one service (or one 006 token). Every known
/// service has at most four.
pub const MAX_PRIVILEGES: u16 = 32;

/// The most RTM2 resources, and separately the most (resource type,
/// permission type) pairs, read from one RTM2 service.
pub const MAX_RTM2_RESOURCES: usize = 1024;

/// Refuses a declared count past `max` as malformed (a parser cap, see
/// [`crate::v007::parse`]).
pub(crate) fn check_count(what: &str, count: usize, max: usize) -> Result<()> {
    if count > max {
        return Err(Error::malformed(format!(
            "{what}: {count} declared, more than the {max} this parser reads"
        )));
    }
    Ok(())
}

/// Privilege ids mapped to their expire values, kept sorted by id.
///
/// The expire of a 007 privilege is in seconds after the token's issue time;
/// `0` means the privilege has no limit of its own.
///
/// ```
/// use token_core::service::Privileges;
/// let mut p = Privileges::default();
/// p.add(3, 60).add(1, 60).add(3, 90);
/// assert_eq!(p.iter().collect::<Vec<_>>(), vec![(1, 60), (3, 90)]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Privileges(Vec<(u16, u32)>);

impl Privileges {
    /// Sets `id` to `expire`, replacing an earlier value (as the official
    /// `add_privilege` does).
    pub fn add(&mut self, id: u16, expire: u32) -> &mut Self {
        match self.0.binary_search_by_key(&id, |&(k, _)| k) {
            Ok(i) => self.0[i].1 = expire,
            Err(i) => self.0.insert(i, (id, expire)),
        }
        self
    }

    /// The expire of `id`, if present.
    pub fn get(&self, id: u16) -> Option<u32> {
        self.0
            .binary_search_by_key(&id, |&(k, _)| k)
            .ok()
            .map(|i| self.0[i].1)
    }

    /// `(id, expire)` pairs in ascending id order.
    pub fn iter(&self) -> impl Iterator<Item = (u16, u32)> + '_ {
        self.0.iter().copied()
    }

    /// Number of privileges.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no privilege is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn pack(&self, w: &mut Writer) -> Result<()> {
        w.u16(len_u16("privileges", self.0.len(), "privileges")?);
        for &(k, v) in &self.0 {
            w.u16(k).u32(v);
        }
        Ok(())
    }

    fn unpack(r: &mut Reader<'_>) -> Result<Self> {
        let n = r.u16("privilege count")?;
        check_count("privilege count", n.into(), MAX_PRIVILEGES.into())?;
        let mut p = Privileges::default();
        for _ in 0..n {
            let id = r.u16("privilege id")?;
            let expire = r.u32("privilege expire")?;
            p.add(id, expire);
        }
        Ok(p)
    }
}

/// RTC: join a channel and publish streams.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rtc {
    /// Channel name.
    pub channel_name: String,
    /// The uid as decimal text, or the user account; empty for "any user".
    pub uid: String,
    /// Privileges.
    pub privileges: Privileges,
}

impl Rtc {
    /// An RTC service for a channel and uid text (`""`: any user) with
    /// `(privilege, expire)` pairs.
    ///
    /// ```
    /// use token_core::service::Rtc;
    /// let s = Rtc::new("demo", "42", [(Rtc::JOIN_CHANNEL, 60)]);
    /// assert_eq!(s.privileges.get(Rtc::JOIN_CHANNEL), Some(60));
    /// ```
    pub fn new(
        channel_name: &str,
        uid: &str,
        privileges: impl IntoIterator<Item = (u16, u32)>,
    ) -> Rtc {
        let mut s = Rtc {
            channel_name: channel_name.to_string(),
            uid: uid.to_string(),
            ..Default::default()
        };
        for (id, expire) in privileges {
            s.privileges.add(id, expire);
        }
        s
    }

    /// Join the channel.
    pub const JOIN_CHANNEL: u16 = 1;
    /// Publish audio.
    pub const PUBLISH_AUDIO_STREAM: u16 = 2;
    /// Publish video.
    pub const PUBLISH_VIDEO_STREAM: u16 = 3;
    /// Publish data streams.
    pub const PUBLISH_DATA_STREAM: u16 = 4;
}

/// RTM: log in to Signaling / RTM.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rtm {
    /// RTM user ID.
    pub user_id: String,
    /// Privileges.
    pub privileges: Privileges,
}

impl Rtm {
    /// Log in.
    pub const LOGIN: u16 = 1;

    /// The RTM login of `user_id`, as every official builder fills it.
    pub fn login(user_id: &str, expire: u32) -> Rtm {
        let mut s = Rtm {
            user_id: user_id.to_string(),
            ..Default::default()
        };
        s.privileges.add(Rtm::LOGIN, expire);
        s
    }
}

/// Media streaming.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Streaming {
    /// Channel name.
    pub channel_name: String,
    /// Uid as text or account; empty for any.
    pub account: String,
    /// Privileges.
    pub privileges: Privileges,
}

impl Streaming {
    /// Publish a mixed stream.
    pub const PUBLISH_MIX_STREAM: u16 = 1;
    /// Publish a raw stream.
    pub const PUBLISH_RAW_STREAM: u16 = 2;
}

/// Full-path acceleration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fpa {
    /// Privileges.
    pub privileges: Privileges,
}

impl Fpa {
    /// Log in.
    pub const LOGIN: u16 = 1;

    /// The FPA login as the official builder fills it: expire `0` (bounded
    /// by the token's).
    pub fn login() -> Fpa {
        let mut s = Fpa::default();
        s.privileges.add(Fpa::LOGIN, 0);
        s
    }
}

/// Chat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chat {
    /// Chat user ID (empty for an app token).
    pub user_id: String,
    /// Privileges.
    pub privileges: Privileges,
}

impl Chat {
    /// Act as a user.
    pub const USER: u16 = 1;
    /// Act as the app (server-side REST).
    pub const APP: u16 = 2;

    /// Chat as `user_id`.
    pub fn user(user_id: &str, expire: u32) -> Chat {
        let mut s = Chat {
            user_id: user_id.to_string(),
            ..Default::default()
        };
        s.privileges.add(Chat::USER, expire);
        s
    }

    /// Chat as the app (no user ID).
    pub fn app(expire: u32) -> Chat {
        let mut s = Chat::default();
        s.privileges.add(Chat::APP, expire);
        s
    }
}

/// Fusion CDN.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fcdn {
    /// Channel name.
    pub channel_name: String,
    /// Uid as text or account; empty for any.
    pub account: String,
    /// Privileges.
    pub privileges: Privileges,
}

impl Fcdn {
    /// Publish.
    pub const PUBLISH: u16 = 1;
    /// Play.
    pub const PLAY: u16 = 2;
}

/// APaaS / Flexible Classroom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apaas {
    /// Room UUID (empty for user and app tokens).
    pub room_uuid: String,
    /// User UUID (empty for app tokens).
    pub user_uuid: String,
    /// Role in the room; `-1` when there is none.
    pub role: i16,
    /// Privileges.
    pub privileges: Privileges,
}

impl Default for Apaas {
    fn default() -> Self {
        Apaas {
            room_uuid: String::new(),
            user_uuid: String::new(),
            role: -1,
            privileges: Privileges::default(),
        }
    }
}

impl Apaas {
    /// A user in a room.
    pub const ROOM_USER: u16 = 1;
    /// A user.
    pub const USER: u16 = 2;
    /// The app.
    pub const APP: u16 = 3;

    /// `user_uuid` in `room_uuid` with `role` (the Go, C++ and Python
    /// builders' room-user privilege).
    pub fn room_user(room_uuid: &str, user_uuid: &str, role: i16, expire: u32) -> Apaas {
        let mut s = Apaas {
            room_uuid: room_uuid.to_string(),
            user_uuid: user_uuid.to_string(),
            role,
            ..Default::default()
        };
        s.privileges.add(Apaas::ROOM_USER, expire);
        s
    }

    /// `user_uuid` without a room (role -1).
    pub fn user(user_uuid: &str, expire: u32) -> Apaas {
        let mut s = Apaas {
            user_uuid: user_uuid.to_string(),
            ..Default::default()
        };
        s.privileges.add(Apaas::USER, expire);
        s
    }

    /// The app (no room, no user, role -1).
    pub fn app(expire: u32) -> Apaas {
        let mut s = Apaas::default();
        s.privileges.add(Apaas::APP, expire);
        s
    }
}

/// RTM 2.x resource permissions: resource type -> permission type -> resources.
///
/// Packed in ascending resource type, then ascending permission type; the
/// resources keep the order they were given in.
///
/// ```
/// use token_core::service::Rtm2Permissions as P;
/// let mut p = P::default();
/// p.add(P::STREAM_CHANNELS, P::WRITE, ["s1"]).add(P::MESSAGE_CHANNELS, P::READ, ["a", "b"]);
/// assert_eq!(p.get(P::MESSAGE_CHANNELS, P::READ), Some(&["a".to_string(), "b".to_string()][..]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rtm2Permissions(BTreeMap<u16, BTreeMap<u16, Vec<String>>>);

impl Rtm2Permissions {
    /// Message channels.
    pub const MESSAGE_CHANNELS: u16 = 0;
    /// Stream channels.
    pub const STREAM_CHANNELS: u16 = 1;
    /// Group channels.
    pub const GROUP_CHANNELS: u16 = 2;
    /// Server groups.
    pub const SERVER_GROUPS: u16 = 3;
    /// Users.
    pub const USERS: u16 = 4;
    /// Read permission.
    pub const READ: u16 = 0;
    /// Write permission.
    pub const WRITE: u16 = 1;

    /// Sets the resources for a (resource type, permission type) pair,
    /// replacing earlier ones, as the official `Rtm2Permissions.add` does.
    pub fn add<I, S>(&mut self, resource_type: u16, permission_type: u16, resources: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0.entry(resource_type).or_default().insert(
            permission_type,
            resources.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// The resources of a pair, if set.
    pub fn get(&self, resource_type: u16, permission_type: u16) -> Option<&[String]> {
        self.0
            .get(&resource_type)?
            .get(&permission_type)
            .map(Vec::as_slice)
    }

    /// `(resource type, permission type, resources)` in packing order.
    pub fn iter(&self) -> impl Iterator<Item = (u16, u16, &[String])> + '_ {
        self.0
            .iter()
            .flat_map(|(&r, perms)| perms.iter().map(move |(&p, res)| (r, p, res.as_slice())))
    }

    /// True when no pair is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds resources to a (resource type, permission type) pair, after the
    /// ones it already has (where [`Rtm2Permissions::add`] replaces them): how
    /// a list of permissions that names a pair twice is read.
    ///
    /// ```
    /// use token_core::service::Rtm2Permissions as P;
    /// let mut p = P::default();
    /// p.extend(P::USERS, P::READ, ["a"]).extend(P::USERS, P::READ, ["b"]);
    /// assert_eq!(p.get(P::USERS, P::READ).unwrap(), ["a", "b"]);
    /// ```
    pub fn extend<I, S>(
        &mut self,
        resource_type: u16,
        permission_type: u16,
        resources: I,
    ) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0
            .entry(resource_type)
            .or_default()
            .entry(permission_type)
            .or_default()
            .extend(resources.into_iter().map(Into::into));
        self
    }

    /// Name of a resource type (`"message_channels"`, ...), if known.
    pub fn resource_type_name(resource_type: u16) -> Option<&'static str> {
        RESOURCE_TYPE_NAMES.get(resource_type as usize).copied()
    }

    /// Name of a permission type (`"read"` or `"write"`), if known.
    pub fn permission_type_name(permission_type: u16) -> Option<&'static str> {
        PERMISSION_TYPE_NAMES.get(permission_type as usize).copied()
    }

    /// The resource type of a name (`"stream_channels"` -> 1); the error
    /// names the field `resource_type` and lists the names.
    ///
    /// ```
    /// use token_core::service::Rtm2Permissions as P;
    /// assert_eq!(P::resource_type_from_name("users").unwrap(), P::USERS);
    /// assert!(P::resource_type_from_name("rooms").unwrap_err().to_string().starts_with("resource_type:"));
    /// ```
    pub fn resource_type_from_name(name: &str) -> Result<u16> {
        from_name("resource_type", name, &RESOURCE_TYPE_NAMES)
    }

    /// The permission type of a name (`"read"` -> 0, `"write"` -> 1).
    pub fn permission_type_from_name(name: &str) -> Result<u16> {
        from_name("permission_type", name, &PERMISSION_TYPE_NAMES)
    }

    /// True for the resource types whose resources are channel names
    /// (message, stream and group channels).
    pub fn is_channel_type(resource_type: u16) -> bool {
        resource_type <= Self::GROUP_CHANNELS
    }

    /// Checks the rules of the checked RTM 2.x builder: every resource type
    /// and permission type is a known one, and every pair names at least one
    /// resource, none of them empty (or over 255 bytes).
    pub fn check(&self) -> Result<()> {
        for (resource_type, permission_type, resources) in self.iter() {
            if Self::resource_type_name(resource_type).is_none() {
                return Err(Error::invalid(
                    "resource_type",
                    format!(
                        "unknown resource type {resource_type} (0 to {}: {})",
                        RESOURCE_TYPE_NAMES.len() - 1,
                        RESOURCE_TYPE_NAMES.join(", ")
                    ),
                ));
            }
            if Self::permission_type_name(permission_type).is_none() {
                return Err(Error::invalid(
                    "permission_type",
                    format!("unknown permission type {permission_type} (0: read, 1: write)"),
                ));
            }
            if resources.is_empty() {
                return Err(Error::invalid(
                    "resources",
                    "each permission needs at least one resource name",
                ));
            }
            for r in resources {
                crate::validate::account("resources", r)?;
            }
        }
        Ok(())
    }

    fn pack(&self, w: &mut Writer) -> Result<()> {
        w.u16(len_u16("permissions", self.0.len(), "resource types")?);
        for (&r, perms) in &self.0 {
            w.u16(r)
                .u16(len_u16("permissions", perms.len(), "permission types")?);
            for (&p, resources) in perms {
                w.u16(p)
                    .u16(len_u16("permissions", resources.len(), "resources")?);
                for res in resources {
                    w.string("permissions", res)?;
                }
            }
        }
        Ok(())
    }

    fn unpack(r: &mut Reader<'_>) -> Result<Self> {
        let mut out = Rtm2Permissions::default();
        let (mut pairs, mut total) = (0usize, 0usize);
        for _ in 0..r.u16("rtm2 resource type count")? {
            let resource_type = r.u16("rtm2 resource type")?;
            for _ in 0..r.u16("rtm2 permission count")? {
                pairs += 1;
                check_count("rtm2 permission pairs", pairs, MAX_RTM2_RESOURCES)?;
                let permission_type = r.u16("rtm2 permission type")?;
                let n = r.u16("rtm2 resource count")?;
                total += usize::from(n);
                check_count("rtm2 resources", total, MAX_RTM2_RESOURCES)?;
                let resources = (0..n)
                    .map(|_| r.string("rtm2 resource"))
                    .collect::<Result<Vec<_>>>()?;
                out.add(resource_type, permission_type, resources);
            }
        }
        Ok(out)
    }
}

const RESOURCE_TYPE_NAMES: [&str; 5] = [
    "message_channels",
    "stream_channels",
    "group_channels",
    "server_groups",
    "users",
];

const PERMISSION_TYPE_NAMES: [&str; 2] = ["read", "write"];

fn from_name(field: &'static str, name: &str, names: &[&str]) -> Result<u16> {
    names
        .iter()
        .position(|n| *n == name)
        .map(|i| i as u16)
        .ok_or_else(|| {
            Error::invalid(
                field,
                format!("unknown name {name:?} (one of {})", names.join(", ")),
            )
        })
}

/// RTM 2.x with resource permissions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rtm2 {
    /// RTM user ID.
    pub user_id: String,
    /// Resource permissions.
    pub permissions: Rtm2Permissions,
    /// Privileges.
    pub privileges: Privileges,
}

impl Rtm2 {
    /// Log in.
    pub const LOGIN: u16 = 1;
}

/// Conversational AI engine (no fields of its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConvoAi {
    /// Privileges (the official builder sets none).
    pub privileges: Privileges,
}

/// Speech-to-text (no fields of its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stt {
    /// Privileges (the official builder sets none).
    pub privileges: Privileges,
}

/// One service of an AccessToken2.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Service {
    /// RTC (type 1).
    Rtc(Rtc),
    /// RTM (type 2).
    Rtm(Rtm),
    /// Streaming (type 3).
    Streaming(Streaming),
    /// FPA (type 4).
    Fpa(Fpa),
    /// Chat (type 5).
    Chat(Chat),
    /// FCDN (type 6).
    Fcdn(Fcdn),
    /// APaaS (type 7).
    Apaas(Apaas),
    /// RTM2 (type 8).
    Rtm2(Rtm2),
    /// ConvoAI (type 9).
    ConvoAi(ConvoAi),
    /// STT (type 10).
    Stt(Stt),
}

macro_rules! from_service {
    ($($variant:ident),*) => {$(
        impl From<$variant> for Service {
            fn from(s: $variant) -> Self {
                Service::$variant(s)
            }
        }
    )*};
}
from_service!(Rtc, Rtm, Streaming, Fpa, Chat, Fcdn, Apaas, Rtm2, ConvoAi, Stt);

impl Service {
    /// The service type number.
    pub fn service_type(&self) -> u16 {
        use service_type::*;
        match self {
            Service::Rtc(_) => RTC,
            Service::Rtm(_) => RTM,
            Service::Streaming(_) => STREAMING,
            Service::Fpa(_) => FPA,
            Service::Chat(_) => CHAT,
            Service::Fcdn(_) => FCDN,
            Service::Apaas(_) => APAAS,
            Service::Rtm2(_) => RTM2,
            Service::ConvoAi(_) => CONVOAI,
            Service::Stt(_) => STT,
        }
    }

    /// The service's name (`"rtc"`, `"rtm"`, ...).
    pub fn name(&self) -> &'static str {
        type_name(self.service_type()).unwrap_or("unknown")
    }

    /// The privileges of this service.
    pub fn privileges(&self) -> &Privileges {
        match self {
            Service::Rtc(s) => &s.privileges,
            Service::Rtm(s) => &s.privileges,
            Service::Streaming(s) => &s.privileges,
            Service::Fpa(s) => &s.privileges,
            Service::Chat(s) => &s.privileges,
            Service::Fcdn(s) => &s.privileges,
            Service::Apaas(s) => &s.privileges,
            Service::Rtm2(s) => &s.privileges,
            Service::ConvoAi(s) => &s.privileges,
            Service::Stt(s) => &s.privileges,
        }
    }

    /// A text field of this service, `None` when its type has no such
    /// field (see [`fields`]).
    ///
    /// ```
    /// use token_core::service::{Rtc, Service, TextField};
    /// let s = Service::from(Rtc::new("demo", "42", []));
    /// assert_eq!(s.text(TextField::Uid), Some("42"));
    /// assert_eq!(s.text(TextField::UserId), None);
    /// ```
    pub fn text(&self, field: TextField) -> Option<&str> {
        use TextField::*;
        let s = match (self, field) {
            (Service::Rtc(s), ChannelName) => &s.channel_name,
            (Service::Rtc(s), Uid) => &s.uid,
            (Service::Streaming(s), ChannelName) => &s.channel_name,
            (Service::Streaming(s), Account) => &s.account,
            (Service::Fcdn(s), ChannelName) => &s.channel_name,
            (Service::Fcdn(s), Account) => &s.account,
            (Service::Rtm(s), UserId) => &s.user_id,
            (Service::Chat(s), UserId) => &s.user_id,
            (Service::Rtm2(s), UserId) => &s.user_id,
            (Service::Apaas(s), RoomUuid) => &s.room_uuid,
            (Service::Apaas(s), UserUuid) => &s.user_uuid,
            _ => return None,
        };
        Some(s)
    }

    /// The privileges of this service, to change them.
    pub fn privileges_mut(&mut self) -> &mut Privileges {
        match self {
            Service::Rtc(s) => &mut s.privileges,
            Service::Rtm(s) => &mut s.privileges,
            Service::Streaming(s) => &mut s.privileges,
            Service::Fpa(s) => &mut s.privileges,
            Service::Chat(s) => &mut s.privileges,
            Service::Fcdn(s) => &mut s.privileges,
            Service::Apaas(s) => &mut s.privileges,
            Service::Rtm2(s) => &mut s.privileges,
            Service::ConvoAi(s) => &mut s.privileges,
            Service::Stt(s) => &mut s.privileges,
        }
    }

    pub(crate) fn pack(&self, w: &mut Writer) -> Result<()> {
        w.u16(self.service_type());
        self.privileges().pack(w)?;
        match self {
            Service::Rtc(s) => {
                w.string("channel_name", &s.channel_name)?
                    .string("uid", &s.uid)?;
            }
            Service::Rtm(s) => {
                w.string("user_id", &s.user_id)?;
            }
            Service::Streaming(s) => {
                w.string("channel_name", &s.channel_name)?
                    .string("account", &s.account)?;
            }
            Service::Fcdn(s) => {
                w.string("channel_name", &s.channel_name)?
                    .string("account", &s.account)?;
            }
            Service::Chat(s) => {
                w.string("user_id", &s.user_id)?;
            }
            Service::Apaas(s) => {
                w.string("room_uuid", &s.room_uuid)?
                    .string("user_uuid", &s.user_uuid)?
                    .i16(s.role);
            }
            Service::Rtm2(s) => {
                w.string("user_id", &s.user_id)?;
                s.permissions.pack(w)?;
            }
            Service::Fpa(_) | Service::ConvoAi(_) | Service::Stt(_) => {}
        }
        Ok(())
    }

    /// Reads the body of a service whose type was just read. `Ok(None)` for a
    /// type this crate does not know (its layout is unknown, so nothing after
    /// it can be read).
    pub(crate) fn unpack(service_type: u16, r: &mut Reader<'_>) -> Result<Option<Service>> {
        use service_type::*;
        if type_name(service_type).is_none() {
            return Ok(None);
        }
        let privileges = Privileges::unpack(r)?;
        let s = match service_type {
            RTC => Service::Rtc(Rtc {
                channel_name: r.string("rtc channel_name")?,
                uid: r.string("rtc uid")?,
                privileges,
            }),
            RTM => Service::Rtm(Rtm {
                user_id: r.string("rtm user_id")?,
                privileges,
            }),
            STREAMING => Service::Streaming(Streaming {
                channel_name: r.string("streaming channel_name")?,
                account: r.string("streaming account")?,
                privileges,
            }),
            FPA => Service::Fpa(Fpa { privileges }),
            CHAT => Service::Chat(Chat {
                user_id: r.string("chat user_id")?,
                privileges,
            }),
            FCDN => Service::Fcdn(Fcdn {
                channel_name: r.string("fcdn channel_name")?,
                account: r.string("fcdn account")?,
                privileges,
            }),
            APAAS => Service::Apaas(Apaas {
                room_uuid: r.string("apaas room_uuid")?,
                user_uuid: r.string("apaas user_uuid")?,
                role: r.i16("apaas role")?,
                privileges,
            }),
            RTM2 => Service::Rtm2(Rtm2 {
                user_id: r.string("rtm2 user_id")?,
                permissions: Rtm2Permissions::unpack(r)?,
                privileges,
            }),
            CONVOAI => Service::ConvoAi(ConvoAi { privileges }),
            STT => Service::Stt(Stt { privileges }),
            _ => return Err(Error::malformed(format!("service type {service_type}"))),
        };
        Ok(Some(s))
    }
}

/// A text field of a service, named as in the official sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// `channel_name` (RTC, streaming, FCDN).
    ChannelName,
    /// `uid` (RTC): the uid as decimal text or the account; empty for any.
    Uid,
    /// `account` (streaming, FCDN).
    Account,
    /// `user_id` (RTM, Chat, RTM2).
    UserId,
    /// `room_uuid` (APaaS).
    RoomUuid,
    /// `user_uuid` (APaaS).
    UserUuid,
}

impl TextField {
    /// The field's name (`"channel_name"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            TextField::ChannelName => "channel_name",
            TextField::Uid => "uid",
            TextField::Account => "account",
            TextField::UserId => "user_id",
            TextField::RoomUuid => "room_uuid",
            TextField::UserUuid => "user_uuid",
        }
    }
}

/// A field a service carries besides its privileges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// A string.
    Text(TextField),
    /// `role` (APaaS): an `i16`, `-1` for none.
    Role,
    /// `permissions` (RTM2): [`Rtm2Permissions`].
    Permissions,
}

impl Field {
    /// The field's name (`"channel_name"`, `"role"`, `"permissions"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Field::Text(t) => t.name(),
            Field::Role => "role",
            Field::Permissions => "permissions",
        }
    }
}

/// The fields of a service type besides its privileges, in wire order;
/// `None` for a type this crate does not know. What a surface reads to
/// describe a service (C structs, Python tuples, JSON objects) and prints of
/// one, without a case per service type.
///
/// ```
/// use token_core::service::{fields, service_type, Field, TextField};
/// assert_eq!(
///     fields(service_type::RTC),
///     Some(&[Field::Text(TextField::ChannelName), Field::Text(TextField::Uid)][..])
/// );
/// assert_eq!(fields(service_type::FPA), Some(&[][..]));
/// assert_eq!(fields(11), None);
/// ```
pub fn fields(service_type: u16) -> Option<&'static [Field]> {
    use service_type::*;
    use Field::{Permissions, Role, Text};
    use TextField::*;
    Some(match service_type {
        RTC => &[Text(ChannelName), Text(Uid)],
        RTM | CHAT => &[Text(UserId)],
        STREAMING | FCDN => &[Text(ChannelName), Text(Account)],
        APAAS => &[Text(RoomUuid), Text(UserUuid), Role],
        RTM2 => &[Text(UserId), Permissions],
        FPA | CONVOAI | STT => &[],
        _ => return None,
    })
}

/// A service as plain data: its type, its privileges and the fields of
/// [`fields`]`(service_type)`, each `Some`; the others `None`. The form in
/// which surfaces describe a service to token-core and read one back:
/// `From<&Service>` fills it, `TryFrom<ServiceSpec> for Service` checks it.
///
/// ```
/// use token_core::service::{service_type, Rtc, Service, ServiceSpec};
/// let mut spec = ServiceSpec::new(service_type::RTC);
/// spec.channel_name = Some("demo".into());
/// spec.privileges.add(Rtc::JOIN_CHANNEL, 600);
/// assert_eq!(
///     Service::try_from(spec.clone()).unwrap_err().to_string(),
///     "uid: missing: a rtc service has channel_name, uid"
/// );
/// spec.uid = Some("42".into());
/// let service = Service::try_from(spec.clone()).unwrap();
/// assert_eq!(service, Service::Rtc(Rtc::new("demo", "42", [(Rtc::JOIN_CHANNEL, 600)])));
/// assert_eq!(ServiceSpec::from(&service), spec);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSpec {
    /// The service type number ([`service_type`]).
    pub service_type: u16,
    /// Privileges.
    pub privileges: Privileges,
    /// Channel name (RTC, streaming, FCDN).
    pub channel_name: Option<String>,
    /// Uid text or account (RTC).
    pub uid: Option<String>,
    /// Uid text or account (streaming, FCDN).
    pub account: Option<String>,
    /// User ID (RTM, Chat, RTM2).
    pub user_id: Option<String>,
    /// Room UUID (APaaS).
    pub room_uuid: Option<String>,
    /// User UUID (APaaS).
    pub user_uuid: Option<String>,
    /// Role (APaaS).
    pub role: Option<i16>,
    /// Resource permissions (RTM2).
    pub permissions: Option<Rtm2Permissions>,
}

impl ServiceSpec {
    /// A spec of `service_type` with no privilege and no field set.
    pub fn new(service_type: u16) -> ServiceSpec {
        ServiceSpec {
            service_type,
            privileges: Privileges::default(),
            channel_name: None,
            uid: None,
            account: None,
            user_id: None,
            room_uuid: None,
            user_uuid: None,
            role: None,
            permissions: None,
        }
    }

    /// The fields of this spec's service type ([`fields`]; empty for an
    /// unknown type).
    pub fn fields(&self) -> &'static [Field] {
        fields(self.service_type).unwrap_or(&[])
    }

    /// A text field, if set.
    pub fn text(&self, field: TextField) -> Option<&str> {
        match field {
            TextField::ChannelName => self.channel_name.as_deref(),
            TextField::Uid => self.uid.as_deref(),
            TextField::Account => self.account.as_deref(),
            TextField::UserId => self.user_id.as_deref(),
            TextField::RoomUuid => self.room_uuid.as_deref(),
            TextField::UserUuid => self.user_uuid.as_deref(),
        }
    }

    /// A text field, to set it.
    pub fn text_mut(&mut self, field: TextField) -> &mut Option<String> {
        match field {
            TextField::ChannelName => &mut self.channel_name,
            TextField::Uid => &mut self.uid,
            TextField::Account => &mut self.account,
            TextField::UserId => &mut self.user_id,
            TextField::RoomUuid => &mut self.room_uuid,
            TextField::UserUuid => &mut self.user_uuid,
        }
    }

    /// Whether a field is set.
    fn has(&self, field: Field) -> bool {
        match field {
            Field::Text(t) => self.text(t).is_some(),
            Field::Role => self.role.is_some(),
            Field::Permissions => self.permissions.is_some(),
        }
    }
}

impl From<&Service> for ServiceSpec {
    fn from(service: &Service) -> ServiceSpec {
        let mut spec = ServiceSpec::new(service.service_type());
        spec.privileges = service.privileges().clone();
        match service {
            Service::Rtc(s) => {
                spec.channel_name = Some(s.channel_name.clone());
                spec.uid = Some(s.uid.clone());
            }
            Service::Rtm(s) => spec.user_id = Some(s.user_id.clone()),
            Service::Chat(s) => spec.user_id = Some(s.user_id.clone()),
            Service::Streaming(s) => {
                spec.channel_name = Some(s.channel_name.clone());
                spec.account = Some(s.account.clone());
            }
            Service::Fcdn(s) => {
                spec.channel_name = Some(s.channel_name.clone());
                spec.account = Some(s.account.clone());
            }
            Service::Apaas(s) => {
                spec.room_uuid = Some(s.room_uuid.clone());
                spec.user_uuid = Some(s.user_uuid.clone());
                spec.role = Some(s.role);
            }
            Service::Rtm2(s) => {
                spec.user_id = Some(s.user_id.clone());
                spec.permissions = Some(s.permissions.clone());
            }
            Service::Fpa(_) | Service::ConvoAi(_) | Service::Stt(_) => {}
        }
        spec
    }
}

impl TryFrom<ServiceSpec> for Service {
    type Error = Error;

    /// The service of a spec. Refused, as `invalid_input`: an unknown
    /// service type (field `service_type`), a field of the type that is not
    /// set, or a field the type does not have (named by the field).
    fn try_from(mut spec: ServiceSpec) -> Result<Service> {
        use service_type::*;
        let Some(own) = fields(spec.service_type) else {
            return Err(Error::invalid(
                "service_type",
                format!("unknown service type {}", spec.service_type),
            ));
        };
        let name = type_name(spec.service_type).unwrap_or("unknown");
        let list = || own.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ");
        for field in [
            TextField::ChannelName,
            TextField::Uid,
            TextField::Account,
            TextField::UserId,
            TextField::RoomUuid,
            TextField::UserUuid,
        ]
        .map(Field::Text)
        .into_iter()
        .chain([Field::Role, Field::Permissions])
        {
            if own.contains(&field) != spec.has(field) {
                let rule = if spec.has(field) {
                    format!("a {name} service has no such field (only: {})", list())
                } else {
                    format!("missing: a {name} service has {}", list())
                };
                return Err(Error::invalid(field.name(), rule));
            }
        }
        let (service_type, role) = (spec.service_type, spec.role.unwrap_or(-1));
        let privileges = std::mem::take(&mut spec.privileges);
        let permissions = spec.permissions.take().unwrap_or_default();
        let mut text = |f: TextField| spec.text_mut(f).take().unwrap_or_default();
        Ok(match service_type {
            RTC => Service::Rtc(Rtc {
                channel_name: text(TextField::ChannelName),
                uid: text(TextField::Uid),
                privileges,
            }),
            RTM => Service::Rtm(Rtm {
                user_id: text(TextField::UserId),
                privileges,
            }),
            STREAMING => Service::Streaming(Streaming {
                channel_name: text(TextField::ChannelName),
                account: text(TextField::Account),
                privileges,
            }),
            FPA => Service::Fpa(Fpa { privileges }),
            CHAT => Service::Chat(Chat {
                user_id: text(TextField::UserId),
                privileges,
            }),
            FCDN => Service::Fcdn(Fcdn {
                channel_name: text(TextField::ChannelName),
                account: text(TextField::Account),
                privileges,
            }),
            APAAS => Service::Apaas(Apaas {
                room_uuid: text(TextField::RoomUuid),
                user_uuid: text(TextField::UserUuid),
                role,
                privileges,
            }),
            RTM2 => Service::Rtm2(Rtm2 {
                user_id: text(TextField::UserId),
                permissions,
                privileges,
            }),
            CONVOAI => Service::ConvoAi(ConvoAi { privileges }),
            STT => Service::Stt(Stt { privileges }),
            // `fields` knows exactly the types above (a test holds them equal).
            other => {
                return Err(Error::invalid(
                    "service_type",
                    format!("unknown service type {other}"),
                ))
            }
        })
    }
}

/// Name of a service type (`1` -> `"rtc"`), if known.
///
/// ```
/// assert_eq!(token_core::service::type_name(8), Some("rtm2"));
/// assert_eq!(token_core::service::type_name(11), None);
/// ```
pub fn type_name(service_type: u16) -> Option<&'static str> {
    [
        "rtc",
        "rtm",
        "streaming",
        "fpa",
        "chat",
        "fcdn",
        "apaas",
        "rtm2",
        "convoai",
        "stt",
    ]
    .get((service_type as usize).wrapping_sub(1))
    .copied()
}

/// Name of a privilege of a service type (`(1, 1)` -> `"join_channel"`), if known.
///
/// ```
/// assert_eq!(token_core::service::privilege_name(1, 2), Some("publish_audio_stream"));
/// ```
pub fn privilege_name(service_type: u16, privilege: u16) -> Option<&'static str> {
    use service_type::*;
    let names: &[&str] = match service_type {
        RTC => &[
            "join_channel",
            "publish_audio_stream",
            "publish_video_stream",
            "publish_data_stream",
        ],
        RTM | FPA | RTM2 => &["login"],
        STREAMING => &["publish_mix_stream", "publish_raw_stream"],
        CHAT => &["user", "app"],
        FCDN => &["publish", "play"],
        APAAS => &["room_user", "user", "app"],
        _ => &[],
    };
    names.get((privilege as usize).wrapping_sub(1)).copied()
}

/// When a privilege (or a 007 token) with `expire` ends, in Unix seconds:
/// `base + expire`, where `base` is a 007 token's issue time, or `0` for a 006
/// privilege (which holds the absolute time); `None` for an `expire` of `0`,
/// which means no limit.
///
/// ```
/// use token_core::service::expires_at;
/// assert_eq!(expires_at(1_700_000_000, 600), Some(1_700_000_600));
/// assert_eq!(expires_at(1_700_000_000, 0), None);
/// ```
pub fn expires_at(base: u64, expire: u32) -> Option<u64> {
    (expire != 0).then(|| base + u64::from(expire))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtc_layout() {
        let mut s = Rtc {
            channel_name: "ch".into(),
            uid: "7".into(),
            ..Default::default()
        };
        s.privileges.add(Rtc::JOIN_CHANNEL, 600);
        let mut w = Writer::default();
        Service::Rtc(s.clone()).pack(&mut w).unwrap();
        assert_eq!(
            w.as_slice(),
            &[1, 0, 1, 0, 1, 0, 0x58, 2, 0, 0, 2, 0, b'c', b'h', 1, 0, b'7']
        );
        let mut r = Reader::new(&w.as_slice()[2..]);
        assert_eq!(Service::unpack(1, &mut r).unwrap(), Some(Service::Rtc(s)));
    }

    #[test]
    fn rtm2_permissions_pack_sorted_and_replace() {
        let mut p = Rtm2Permissions::default();
        p.add(4, 1, ["u"])
            .add(0, 1, ["w"])
            .add(0, 0, ["x", "y"])
            .add(4, 1, ["v"]);
        let got: Vec<_> = p.iter().map(|(r, q, res)| (r, q, res.to_vec())).collect();
        assert_eq!(
            got,
            vec![
                (0, 0, vec!["x".to_string(), "y".to_string()]),
                (0, 1, vec!["w".to_string()]),
                (4, 1, vec!["v".to_string()]),
            ]
        );
    }

    #[test]
    fn rtm2_rules_of_the_checked_builder() {
        let check = |r: u16, p: u16, res: &[&str]| {
            let mut perms = Rtm2Permissions::default();
            perms.add(r, p, res.iter().copied());
            perms.check().map_err(|e| e.to_string())
        };
        assert!(check(4, 1, &["bob"]).is_ok());
        assert!(check(999, 0, &["a"])
            .unwrap_err()
            .starts_with("resource_type: unknown resource type 999"));
        assert!(check(0, 999, &["a"])
            .unwrap_err()
            .starts_with("permission_type: unknown permission type 999"));
        assert!(check(0, 0, &[])
            .unwrap_err()
            .starts_with("resources: each permission needs"));
        assert_eq!(
            check(0, 0, &["a", ""]).unwrap_err(),
            "resources: must not be empty"
        );
        assert_eq!(
            Rtm2Permissions::permission_type_from_name("write").unwrap(),
            1
        );
        assert!(Rtm2Permissions::permission_type_from_name("admin")
            .unwrap_err()
            .to_string()
            .contains("one of read, write"));
    }

    #[test]
    fn spec_of_every_type_round_trips_and_names_what_is_wrong() {
        for t in 0..=11u16 {
            let Some(own) = fields(t) else {
                assert!(type_name(t).is_none(), "type {t} has a name but no fields");
                let e = Service::try_from(ServiceSpec::new(t)).unwrap_err();
                assert!(e
                    .to_string()
                    .starts_with("service_type: unknown service type"));
                continue;
            };
            let mut spec = ServiceSpec::new(t);
            spec.privileges.add(1, 60);
            for &f in own {
                match f {
                    Field::Text(x) => *spec.text_mut(x) = Some(format!("{}-value", x.name())),
                    Field::Role => spec.role = Some(3),
                    Field::Permissions => {
                        let mut p = Rtm2Permissions::default();
                        p.add(Rtm2Permissions::USERS, Rtm2Permissions::READ, ["bob"]);
                        spec.permissions = Some(p);
                    }
                }
            }
            let service = Service::try_from(spec.clone()).unwrap();
            assert_eq!(service.service_type(), t);
            // Every field went where the spec put it, and nothing else is set.
            assert_eq!(ServiceSpec::from(&service), spec, "type {t}");
            for &f in own {
                let mut missing = spec.clone();
                match f {
                    Field::Text(x) => *missing.text_mut(x) = None,
                    Field::Role => missing.role = None,
                    Field::Permissions => missing.permissions = None,
                }
                let e = Service::try_from(missing).unwrap_err().to_string();
                assert!(e.starts_with(&format!("{}: missing", f.name())), "{e}");
            }
            if !own.contains(&Field::Role) {
                let mut extra = spec.clone();
                extra.role = Some(1);
                let e = Service::try_from(extra).unwrap_err().to_string();
                assert!(e.starts_with("role: a "), "{e}");
                assert!(e.contains("has no such field"), "{e}");
            }
        }
    }

    #[test]
    fn unknown_type_is_none() {
        let mut r = Reader::new(&[]);
        assert_eq!(Service::unpack(11, &mut r).unwrap(), None);
        assert_eq!(Service::unpack(0, &mut r).unwrap(), None);
    }
}
