//! AccessToken2 ("007") beyond the product builders: the generic service
//! builder (any services, as given) and its C types, verify, the decoded
//! content, and parse (007 or 006). The builders of each product are in the
//! module named after it (`rtc`, `rtm`, `chat`, `fpa`, `apaas`, `convoai`),
//! as in token-core's `builder/`.

use std::ffi::c_char;

use token_core::service::{self, Field, Service, ServiceSpec, TextField};
use token_core::{codec, json, v007, AnyToken};

use crate::args::{optional_out, out_arg, read_app, slice_arg, str_arg, write_string};
use crate::error::{AgoraTokenStatus, FfiError, FfiResult};
use crate::options::{AgoraTokenOptions, Options};
use crate::panic::ffi_guard;
use crate::rtm::{read_permissions, AgoraTokenRtm2Permission};

/// A privilege id and its expire. In 007 the expire is seconds after the
/// issue time (0: no limit of its own); in 006 it is an absolute timestamp.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct AgoraTokenPrivilege {
    /// Privilege id (for example 1 = join channel in RTC).
    pub id: u16,
    /// Expire.
    pub expire: u32,
}

/// RTC service type of [`AgoraTokenService`].
pub const AGORA_TOKEN_SERVICE_RTC: u16 = 1;
/// RTM service type.
pub const AGORA_TOKEN_SERVICE_RTM: u16 = 2;
/// Streaming service type.
pub const AGORA_TOKEN_SERVICE_STREAMING: u16 = 3;
/// FPA service type.
pub const AGORA_TOKEN_SERVICE_FPA: u16 = 4;
/// Chat service type.
pub const AGORA_TOKEN_SERVICE_CHAT: u16 = 5;
/// Fusion CDN service type.
pub const AGORA_TOKEN_SERVICE_FCDN: u16 = 6;
/// APaaS (Flexible Classroom) service type.
pub const AGORA_TOKEN_SERVICE_APAAS: u16 = 7;
/// RTM 2.x (resource permissions) service type.
pub const AGORA_TOKEN_SERVICE_RTM2: u16 = 8;
/// ConvoAI service type.
pub const AGORA_TOKEN_SERVICE_CONVOAI: u16 = 9;
/// Speech-to-text service type.
pub const AGORA_TOKEN_SERVICE_STT: u16 = 10;

// The header needs literal values; they must be token-core's type numbers.
const _: () = {
    use service::service_type as t;
    assert!(AGORA_TOKEN_SERVICE_RTC == t::RTC && AGORA_TOKEN_SERVICE_RTM == t::RTM);
    assert!(AGORA_TOKEN_SERVICE_STREAMING == t::STREAMING && AGORA_TOKEN_SERVICE_FPA == t::FPA);
    assert!(AGORA_TOKEN_SERVICE_CHAT == t::CHAT && AGORA_TOKEN_SERVICE_FCDN == t::FCDN);
    assert!(AGORA_TOKEN_SERVICE_APAAS == t::APAAS && AGORA_TOKEN_SERVICE_RTM2 == t::RTM2);
    assert!(AGORA_TOKEN_SERVICE_CONVOAI == t::CONVOAI && AGORA_TOKEN_SERVICE_STT == t::STT);
};

/// One service of a token built with `agora_token_v007_build`. Only the
/// fields of its `service_type` are read, and those must not be NULL (use
/// `""` for an empty value); the others are ignored and may be NULL.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct AgoraTokenService {
    /// One of `AGORA_TOKEN_SERVICE_*`.
    pub service_type: u16,
    /// Privileges of the service (NULL allowed when the count is 0).
    pub privileges: *const AgoraTokenPrivilege,
    /// Number of `privileges`.
    pub privilege_count: usize,
    /// RTC, Streaming, FCDN: the channel name.
    pub channel_name: *const c_char,
    /// RTC: the uid as decimal text or the account; `""` for any user.
    pub uid: *const c_char,
    /// RTM, Chat, RTM2: the user ID.
    pub user_id: *const c_char,
    /// Streaming, FCDN: the uid as text or the account.
    pub account: *const c_char,
    /// APaaS: the room UUID.
    pub room_uuid: *const c_char,
    /// APaaS: the user UUID.
    pub user_uuid: *const c_char,
    /// APaaS: the role (-1 for none).
    pub role: i16,
    /// RTM2: resource permissions (NULL allowed when the count is 0).
    pub permissions: *const AgoraTokenRtm2Permission,
    /// Number of `permissions`.
    pub permission_count: usize,
}

/// Reads one generic service.
///
/// # Safety
/// The pointers of `s` are valid as documented on [`AgoraTokenService`].
unsafe fn read_service(s: &AgoraTokenService, field: &str) -> FfiResult<Service> {
    let own = service::fields(s.service_type).ok_or_else(|| {
        FfiError::invalid(
            &format!("{field}.service_type"),
            format!(
                "unknown service type {} (known: 1 to 10, AGORA_TOKEN_SERVICE_*)",
                s.service_type
            ),
        )
    })?;
    let mut spec = ServiceSpec::new(s.service_type);
    // Only the fields of the service's type are read: the others may be
    // NULL (or anything).
    for &f in own {
        match f {
            Field::Text(t) => {
                let ptr = match t {
                    TextField::ChannelName => s.channel_name,
                    TextField::Uid => s.uid,
                    TextField::Account => s.account,
                    TextField::UserId => s.user_id,
                    TextField::RoomUuid => s.room_uuid,
                    TextField::UserUuid => s.user_uuid,
                };
                let name = format!("{field}.{}", t.name());
                // SAFETY: the caller's promise about `s`.
                *spec.text_mut(t) = Some(unsafe { str_arg(ptr, &name) }?.to_string());
            }
            Field::Role => spec.role = Some(s.role),
            Field::Permissions => {
                let name = format!("{field}.permissions");
                // SAFETY: the caller's promise about `s`.
                spec.permissions =
                    Some(unsafe { read_permissions(s.permissions, s.permission_count, &name) }?);
            }
        }
    }
    let privileges_field = format!("{field}.privileges");
    // SAFETY: the caller's promise about `s`.
    for p in unsafe { slice_arg(s.privileges, s.privilege_count, &privileges_field) }? {
        spec.privileges.add(p.id, p.expire);
    }
    Ok(Service::try_from(spec)?)
}

/// Builds a token from explicit services (any of the ten types, repeats
/// allowed, packed sorted by type and otherwise in the given order), valid
/// `expire` seconds. No input rule is checked beyond app ID, certificate and
/// at least one service; the lenient option changes nothing here.
///
/// # Safety
/// Pointers as stated in the header's conventions; `services` points to
/// `service_count` entries valid as documented on `AgoraTokenService`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_v007_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    services: *const AgoraTokenService,
    service_count: usize,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let list = unsafe { slice_arg(services, service_count, "services") }?;
        let mut token = v007::AccessToken2::new(app_id, expire);
        for (i, s) in list.iter().enumerate() {
            token.add_service(unsafe { read_service(s, &format!("services[{i}]")) }?);
        }
        let opts = unsafe { Options::read(options) }?;
        write_string(out, opts.sign007(token, cert)?)
    })
}

/// Checks a 007 token's signature against `app_certificate`. On success,
/// and if `out_json` is not NULL, writes the parsed token as JSON (the form
/// of `agora_token_parse`). Expiry is not checked: compare the JSON's
/// `issue_ts + expire` with the clock if you need to.
///
/// # Safety
/// Pointers as stated in the header's conventions; `out_json` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v007_verify(
    token: *const c_char,
    app_certificate: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { optional_out(out_json) };
        let token = unsafe { str_arg(token, "token") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let parsed = v007::verify(token, cert)?;
        match out {
            Some(out) => write_string(out, json::to_json(&AnyToken::V007(parsed)).to_string()),
            None => Ok(()),
        }
    })
}

/// Writes the decoded content of a 007 token (signature and signed fields,
/// after base64 and zlib) as lowercase hex. Two tokens with the same content
/// are the same token even when their zlib streams differ.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v007_content_hex(
    token: *const c_char,
    out_hex: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_hex, "out_hex") }?;
        let token = unsafe { str_arg(token, "token") }?;
        write_string(out, codec::hex_lower(&v007::decode_content(token)?))
    })
}

/// Parses a 007 or 006 token (chosen by its prefix) without checking its
/// signature, and writes it as JSON:
/// 007 `{"version":"007","app_id","issue_ts","expire","expires_at","salt","services":[{"type","type_id","privileges":{"<id>":expire},"privilege_names":{"<id>":name},"privilege_expires_at":{"<id>":timestamp or null},...the service's fields}],"unknown_service_type"}`;
/// 006 `{"version":"006","app_id","salt","ts","expires_at","crc_channel_name","crc_uid","privileges","privilege_names","privilege_expires_at"}`.
/// Keys are sorted; the form is the one of the agora-token CLI's
/// `inspect --json`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_parse(
    token: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_json, "out_json") }?;
        let token = unsafe { str_arg(token, "token") }?;
        let parsed = token_core::parse(token)?;
        write_string(out, json::to_json(&parsed).to_string())
    })
}
