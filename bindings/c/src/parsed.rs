//! A parsed token as C structs, for callers that read fields rather than
//! JSON: `agora_token_parse_struct`, `agora_token_v007_verify_struct` and
//! `agora_token_v006_verify_struct` give one `AgoraTokenParsed`, freed with
//! `agora_token_parsed_free`.
//!
//! The whole result is one allocation of structs plus one of text: every
//! string (NUL-terminated) sits in a single buffer, every privilege,
//! service, permission and resource pointer in one array per kind, sized
//! before the first pointer is taken, so no pointer moves.

use std::ffi::c_char;

use token_core::service::{self, Privileges, Service, TextField};
use token_core::{v006, v007, AnyToken};

use crate::args::{out_arg, str_arg};
use crate::error::AgoraTokenStatus;
use crate::panic::ffi_guard;
use crate::rtm::AgoraTokenRtm2Permission;

/// A privilege of a parsed token.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct AgoraTokenParsedPrivilege {
    /// Privilege id (for example 1 = join channel in RTC).
    pub id: u16,
    /// The privilege's expire as in the token: seconds after the issue time
    /// in 007, an absolute timestamp in 006; 0 for no limit of its own.
    pub expire: u32,
    /// When the privilege ends (Unix seconds), 0 for no limit.
    pub expires_at: u64,
    /// The privilege's name (`"join_channel"`, ...), NULL for an id the
    /// library does not name.
    pub name: *const c_char,
}

/// A service of a parsed 007 token. The text fields of other service types
/// are NULL.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct AgoraTokenParsedService {
    /// One of `AGORA_TOKEN_SERVICE_*`.
    pub service_type: u16,
    /// The service's name: `"rtc"`, `"rtm"`, ...
    pub type_name: *const c_char,
    /// The service's privileges, in id order.
    pub privileges: *const AgoraTokenParsedPrivilege,
    /// Number of `privileges`.
    pub privilege_count: usize,
    /// RTC, Streaming, FCDN: the channel name.
    pub channel_name: *const c_char,
    /// RTC: the uid as text (`""` for any user).
    pub uid: *const c_char,
    /// RTM, Chat, RTM2: the user ID.
    pub user_id: *const c_char,
    /// Streaming, FCDN: the account.
    pub account: *const c_char,
    /// APaaS: the room UUID.
    pub room_uuid: *const c_char,
    /// APaaS: the user UUID.
    pub user_uuid: *const c_char,
    /// APaaS: the role; -1 for other services.
    pub role: i16,
    /// RTM2: the permission entries, in (resource type, permission type)
    /// order.
    pub permissions: *const AgoraTokenRtm2Permission,
    /// Number of `permissions`.
    pub permission_count: usize,
}

/// A parsed 007 or 006 token. Fields of the other version are 0 or NULL.
#[repr(C)]
#[derive(Debug)]
pub struct AgoraTokenParsed {
    /// 7 or 6.
    pub version: u32,
    /// App ID.
    pub app_id: *const c_char,
    /// Salt (both versions).
    pub salt: u32,
    /// When the token ends (Unix seconds), 0 for no limit.
    pub expires_at: u64,
    /// 007: issue time, Unix seconds.
    pub issue_ts: u32,
    /// 007: seconds after `issue_ts` the token lasts (0: no limit).
    pub expire: u32,
    /// 007: the services, in token order.
    pub services: *const AgoraTokenParsedService,
    /// 007: number of `services`.
    pub service_count: usize,
    /// 007: the type at which parsing stopped (a service this library does
    /// not know; the services before it are read), -1 for none.
    pub unknown_service_type: i32,
    /// 006: the expiry timestamp.
    pub ts: u32,
    /// 006: CRC32 of the channel name.
    pub crc_channel_name: u32,
    /// 006: CRC32 of the uid text.
    pub crc_uid: u32,
    /// 006: the privileges (absolute expires).
    pub privileges: *const AgoraTokenParsedPrivilege,
    /// 006: number of `privileges`.
    pub privilege_count: usize,
}

/// The allocation behind an `AgoraTokenParsed`: the public struct first, so
/// a pointer to it is a pointer to this.
#[repr(C)]
struct Owned {
    public: AgoraTokenParsed,
    text: Vec<u8>,
    privileges: Vec<AgoraTokenParsedPrivilege>,
    services: Vec<AgoraTokenParsedService>,
    permissions: Vec<AgoraTokenRtm2Permission>,
    resources: Vec<*const c_char>,
}

/// Sizes of the arrays of one token, so they are allocated once.
#[derive(Default)]
struct Sizes {
    text: usize,
    privileges: usize,
    permissions: usize,
    resources: usize,
}

impl Sizes {
    fn str(&mut self, s: &str) {
        self.text += s.len() + 1;
    }

    fn privileges(&mut self, p: &Privileges, name: impl Fn(u16) -> Option<&'static str>) {
        for (id, _) in p.iter() {
            self.privileges += 1;
            self.text += name(id).map_or(0, |n| n.len() + 1);
        }
    }
}

impl Owned {
    /// Copies `s` (without NUL bytes, which no parsed field can hold) into
    /// the text buffer.
    fn str(&mut self, s: &str) -> *const c_char {
        debug_assert!(self.text.len() + s.len() < self.text.capacity());
        let start = self.text.len();
        self.text.extend(s.bytes().filter(|&b| b != 0));
        self.text.push(0);
        // SAFETY: in bounds; the buffer never reallocates (sized up front).
        unsafe { self.text.as_ptr().add(start).cast() }
    }

    fn opt_str(&mut self, s: Option<&str>) -> *const c_char {
        s.map_or(std::ptr::null(), |s| self.str(s))
    }

    /// Appends the privileges; returns where they start and how many.
    fn privileges(
        &mut self,
        p: &Privileges,
        base: u64,
        name: impl Fn(u16) -> Option<&'static str>,
    ) -> (*const AgoraTokenParsedPrivilege, usize) {
        let start = self.privileges.len();
        for (id, expire) in p.iter() {
            debug_assert!(self.privileges.len() < self.privileges.capacity());
            let name = self.opt_str(name(id));
            let expires_at = service::expires_at(base, expire).unwrap_or(0);
            self.privileges.push(AgoraTokenParsedPrivilege {
                id,
                expire,
                expires_at,
                name,
            });
        }
        // SAFETY: in bounds (start <= len); no reallocation follows.
        let ptr = unsafe { self.privileges.as_ptr().add(start) };
        (ptr, self.privileges.len() - start)
    }

    fn new(token: &AnyToken) -> Box<Owned> {
        let mut sizes = Sizes::default();
        let (app_id, service_count) = match token {
            AnyToken::V007(p) => {
                for svc in &p.token.services {
                    let t = svc.service_type();
                    sizes.str(svc.name());
                    sizes.privileges(svc.privileges(), |id| service::privilege_name(t, id));
                    for field in TEXT_FIELDS.iter().filter_map(|&f| svc.text(f)) {
                        sizes.str(field);
                    }
                    if let Service::Rtm2(r) = svc {
                        for (_, _, names) in r.permissions.iter() {
                            sizes.permissions += 1;
                            sizes.resources += names.len();
                            names.iter().for_each(|n| sizes.str(n));
                        }
                    }
                }
                (&p.token.app_id, p.token.services.len())
            }
            AnyToken::V006(p) => {
                sizes.privileges(&p.privileges, v006::privilege::name);
                (&p.app_id, 0)
            }
        };
        sizes.str(app_id);
        let mut owned = Box::new(Owned {
            public: AgoraTokenParsed {
                version: 0,
                app_id: std::ptr::null(),
                salt: 0,
                expires_at: token.expiry().unwrap_or(0),
                issue_ts: 0,
                expire: 0,
                services: std::ptr::null(),
                service_count: 0,
                unknown_service_type: -1,
                ts: 0,
                crc_channel_name: 0,
                crc_uid: 0,
                privileges: std::ptr::null(),
                privilege_count: 0,
            },
            text: Vec::with_capacity(sizes.text),
            privileges: Vec::with_capacity(sizes.privileges),
            services: Vec::with_capacity(service_count),
            permissions: Vec::with_capacity(sizes.permissions),
            resources: Vec::with_capacity(sizes.resources),
        });
        owned.public.app_id = owned.str(app_id);
        match token {
            AnyToken::V007(p) => owned.fill_007(p),
            AnyToken::V006(p) => {
                let (privileges, count) = owned.privileges(&p.privileges, 0, v006::privilege::name);
                let public = &mut owned.public;
                (public.version, public.salt, public.ts) = (6, p.salt, p.ts);
                (public.crc_channel_name, public.crc_uid) = (p.crc_channel_name, p.crc_uid);
                (public.privileges, public.privilege_count) = (privileges, count);
            }
        }
        owned
    }

    fn fill_007(&mut self, p: &v007::ParsedToken) {
        let t = &p.token;
        for svc in &t.services {
            let service_type = svc.service_type();
            let type_name = self.str(svc.name());
            let (privileges, privilege_count) =
                self.privileges(svc.privileges(), t.issue_ts as u64, |id| {
                    service::privilege_name(service_type, id)
                });
            let [channel_name, uid, user_id, account, room_uuid, user_uuid] =
                TEXT_FIELDS.map(|f| self.opt_str(svc.text(f)));
            let (permissions, permission_count) = match svc {
                Service::Rtm2(r) => {
                    let start = self.permissions.len();
                    for (resource_type, permission_type, names) in r.permissions.iter() {
                        let first = self.resources.len();
                        for name in names {
                            let s = self.str(name);
                            self.resources.push(s);
                        }
                        self.permissions.push(AgoraTokenRtm2Permission {
                            resource_type,
                            permission_type,
                            // SAFETY: in bounds; no reallocation follows.
                            resources: unsafe { self.resources.as_ptr().add(first) },
                            resource_count: names.len(),
                        });
                    }
                    // SAFETY: in bounds; no reallocation follows.
                    let ptr = unsafe { self.permissions.as_ptr().add(start) };
                    (ptr, self.permissions.len() - start)
                }
                _ => (std::ptr::null(), 0),
            };
            self.services.push(AgoraTokenParsedService {
                service_type,
                type_name,
                privileges,
                privilege_count,
                channel_name,
                uid,
                user_id,
                account,
                room_uuid,
                user_uuid,
                role: match svc {
                    Service::Apaas(a) => a.role,
                    _ => -1,
                },
                permissions,
                permission_count,
            });
        }
        let public = &mut self.public;
        (public.version, public.salt) = (7, t.salt);
        (public.issue_ts, public.expire) = (t.issue_ts, t.expire);
        (public.services, public.service_count) = (self.services.as_ptr(), self.services.len());
        public.unknown_service_type = p.unknown_service_type.map_or(-1, i32::from);
    }
}

/// The text fields in the order of `AgoraTokenParsedService`.
const TEXT_FIELDS: [TextField; 6] = [
    TextField::ChannelName,
    TextField::Uid,
    TextField::UserId,
    TextField::Account,
    TextField::RoomUuid,
    TextField::UserUuid,
];

fn write(out: &mut *mut AgoraTokenParsed, token: &AnyToken) {
    *out = Box::into_raw(Owned::new(token)).cast();
}

/// Parses a 007 or 006 token without checking its signature (as
/// `agora_token_parse`) into `*out`, to be freed with
/// `agora_token_parsed_free`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_parse_struct(
    token: *const c_char,
    out: *mut *mut AgoraTokenParsed,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out, "out") }?;
        let token = unsafe { str_arg(token, "token") }?;
        write(out, &token_core::parse(token)?);
        Ok(())
    })
}

/// Checks a 007 token's signature (as `agora_token_v007_verify`) and writes
/// the parsed token into `*out`, to be freed with `agora_token_parsed_free`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v007_verify_struct(
    token: *const c_char,
    app_certificate: *const c_char,
    out: *mut *mut AgoraTokenParsed,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out, "out") }?;
        let token = unsafe { str_arg(token, "token") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        write(out, &AnyToken::V007(v007::verify(token, cert)?));
        Ok(())
    })
}

/// Checks a 006 token (as `agora_token_v006_verify`) and writes the parsed
/// token into `*out`, to be freed with `agora_token_parsed_free`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v006_verify_struct(
    token: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: *const c_char,
    out: *mut *mut AgoraTokenParsed,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out, "out") }?;
        let token = unsafe { str_arg(token, "token") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let uid = unsafe { str_arg(uid, "uid") }?;
        write(
            out,
            &AnyToken::V006(v006::verify(token, cert, channel, uid)?),
        );
        Ok(())
    })
}

/// Frees a parsed token. NULL is a no-op; freeing twice, or a pointer not
/// returned by this library, is undefined behavior.
///
/// # Safety
/// `parsed` is NULL or came from this library and was not freed yet.
#[no_mangle]
pub unsafe extern "C" fn agora_token_parsed_free(parsed: *mut AgoraTokenParsed) {
    let _ = std::panic::catch_unwind(|| {
        if !parsed.is_null() {
            // SAFETY: made by Box::into_raw of an Owned, whose first field
            // (repr(C)) is the public struct; freed once.
            drop(unsafe { Box::from_raw(parsed.cast::<Owned>()) });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    fn text(p: *const c_char) -> Option<String> {
        // SAFETY: NULL or a string of the parsed token, alive here.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned())
    }

    fn parse(token: &str) -> *mut AgoraTokenParsed {
        let token = std::ffi::CString::new(token).unwrap();
        let mut out = std::ptr::null_mut();
        // SAFETY: valid pointers.
        let status =
            unsafe { agora_token_parse_struct(token.as_ptr(), &mut out, std::ptr::null_mut()) };
        assert_eq!(status, AgoraTokenStatus::Ok);
        out
    }

    #[test]
    fn every_field_of_a_multi_service_token() {
        use token_core::service::{Apaas, Rtc, Rtm2, Rtm2Permissions};
        let mut t = v007::AccessToken2::new(APP_ID, 600).with_issue(1_700_000_000, 7);
        t.add_service(Rtc::new("chan", "42", [(1, 100), (2, 0)]));
        let mut permissions = Rtm2Permissions::default();
        permissions.add(0, 0, ["news", "chat"]);
        t.add_service(Rtm2 {
            user_id: "alice".into(),
            permissions,
            ..Default::default()
        });
        t.add_service(Apaas::room_user("room", "bob", 2, 30));
        let p = parse(&t.build(CERT).unwrap());
        // SAFETY: returned above, freed at the end.
        let r = unsafe { &*p };
        assert_eq!(
            (r.version, r.issue_ts, r.expire, r.salt),
            (7, 1_700_000_000, 600, 7)
        );
        assert_eq!((r.expires_at, r.unknown_service_type), (1_700_000_600, -1));
        assert_eq!(text(r.app_id).as_deref(), Some(APP_ID));
        // SAFETY: service_count entries.
        let services = unsafe { std::slice::from_raw_parts(r.services, r.service_count) };
        assert_eq!(services.len(), 3);
        let rtc = &services[0];
        assert_eq!(
            (rtc.service_type, text(rtc.type_name).as_deref()),
            (1, Some("rtc"))
        );
        assert_eq!(text(rtc.channel_name).as_deref(), Some("chan"));
        assert_eq!(
            (text(rtc.uid).as_deref(), text(rtc.user_id)),
            (Some("42"), None)
        );
        // SAFETY: privilege_count entries.
        let privs = unsafe { std::slice::from_raw_parts(rtc.privileges, rtc.privilege_count) };
        assert_eq!(
            (privs[0].id, privs[0].expire, privs[0].expires_at),
            (1, 100, 1_700_000_100)
        );
        assert_eq!(text(privs[0].name).as_deref(), Some("join_channel"));
        assert_eq!((privs[1].id, privs[1].expires_at), (2, 0));
        let rtm2 = &services[2]; // services are in type order
        assert_eq!(text(rtm2.user_id).as_deref(), Some("alice"));
        // SAFETY: permission_count entries, each with resource_count names.
        let perms = unsafe { std::slice::from_raw_parts(rtm2.permissions, rtm2.permission_count) };
        assert_eq!(perms.len(), 1);
        let names = unsafe { std::slice::from_raw_parts(perms[0].resources, 2) };
        assert_eq!(
            names.iter().map(|&n| text(n)).collect::<Vec<_>>(),
            [Some("news".to_string()), Some("chat".to_string())]
        );
        let apaas = &services[1];
        assert_eq!(
            (apaas.role, text(apaas.room_uuid).as_deref()),
            (2, Some("room"))
        );
        assert_eq!(text(apaas.user_uuid).as_deref(), Some("bob"));
        // SAFETY: made here, freed once; NULL is a no-op.
        unsafe {
            agora_token_parsed_free(p);
            agora_token_parsed_free(std::ptr::null_mut());
        }
    }

    #[test]
    fn a_006_token_and_a_wrong_certificate() {
        let token = v006::rtc::with_uid(
            APP_ID,
            "chan",
            42,
            v006::rtc::Role::Publisher,
            2_000_000_000,
        )
        .unwrap()
        .pin(Some(9), Some(1_900_000_000))
        .build(CERT)
        .unwrap();
        let p = parse(&token);
        // SAFETY: returned above.
        let r = unsafe { &*p };
        assert_eq!(
            (r.version, r.salt, r.ts, r.expires_at),
            (6, 9, 1_900_000_000, 1_900_000_000)
        );
        assert!(r.services.is_null() && r.privilege_count == 4);
        // SAFETY: made here, freed once.
        unsafe { agora_token_parsed_free(p) };

        let token = std::ffi::CString::new(token).unwrap();
        let (mut out, mut err) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: valid pointers; the error string is freed.
        unsafe {
            let status = agora_token_v006_verify_struct(
                token.as_ptr(),
                c"0123456789abcdef0123456789abcdef".as_ptr(),
                c"chan".as_ptr(),
                c"42".as_ptr(),
                &mut out,
                &mut err,
            );
            assert_eq!(status, AgoraTokenStatus::SignatureMismatch);
            assert!(out.is_null());
            crate::strings::agora_token_string_free(err);
        }
    }
}
