//! AccessToken2 ("007"): one C function per builder of token-core, the
//! generic service builder, verify, and the decoded content.

use std::ffi::c_char;

use token_core::builder::rtc::{PrivilegeExpires, RtcRtmParams};
use token_core::builder::{apaas, chat, convoai, fpa, rtc, rtm, stt, User};
use token_core::service::{self, Field, Rtm2Permissions, Service, ServiceSpec, TextField};
use token_core::{codec, json, v007, AnyToken};

use crate::args::{optional_out, out_arg, read_app, slice_arg, str_arg, write_string, UserArg};
use crate::error::{AgoraTokenStatus, FfiError, FfiResult};
use crate::options::{pick, AgoraTokenOptions, Options};
use crate::panic::ffi_guard;

/// One (resource type, permission type) entry of an RTM 2.x token: the
/// resources it applies to. Entries are applied in order; a later entry for
/// the same pair replaces an earlier one, as in the official builders.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct AgoraTokenRtm2Permission {
    /// 0 message channels, 1 stream channels, 2 group channels, 3 server
    /// groups, 4 users.
    pub resource_type: u16,
    /// 0 read, 1 write.
    pub permission_type: u16,
    /// `resource_count` UTF-8 strings (NULL allowed when the count is 0).
    pub resources: *const *const c_char,
    /// Number of `resources`.
    pub resource_count: usize,
}

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

/// Reads an RTM2 permission list.
///
/// # Safety
/// `ptr` is NULL or points to `count` entries whose pointers are valid as
/// documented on [`AgoraTokenRtm2Permission`].
unsafe fn read_permissions(
    ptr: *const AgoraTokenRtm2Permission,
    count: usize,
    field: &str,
) -> FfiResult<Rtm2Permissions> {
    let mut out = Rtm2Permissions::default();
    // SAFETY: forwarded.
    for (i, p) in unsafe { slice_arg(ptr, count, field) }?.iter().enumerate() {
        let resources_field = format!("{field}[{i}].resources");
        // SAFETY: forwarded.
        let list = unsafe { slice_arg(p.resources, p.resource_count, &resources_field) }?;
        let resources = list
            .iter()
            .enumerate()
            // SAFETY: forwarded.
            .map(|(j, &r)| unsafe { str_arg(r, &format!("{resources_field}[{j}]")) })
            .collect::<FfiResult<Vec<&str>>>()?;
        out.add(p.resource_type, p.permission_type, resources);
    }
    Ok(out)
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

/// The body of `agora_token_rtc_build_with_uid` and
/// `agora_token_rtc_build_with_user_account`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: UserArg,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel = unsafe { str_arg(channel_name, "channel_name") }?;
    let user = unsafe { user.read() }?;
    let opts = unsafe { Options::read(options) }?;
    let role = opts.rtc_role("role", role)?;
    let (te, pe) = (token_expire, privilege_expire);
    let token = pick!(
        opts.lenient,
        rtc::with_user(app_id, channel, user, role, te, pe),
        rtc::with_user_unchecked(app_id, channel, user, role, te, pe)
    );
    write_string(out, &opts.sign007(token, cert)?)
}

/// The body of `agora_token_rtc_build_with_uid_and_privilege` and
/// `agora_token_rtc_build_with_user_account_and_privilege`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_build_with_privileges(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: UserArg,
    token_expire: u32,
    ex: PrivilegeExpires,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel = unsafe { str_arg(channel_name, "channel_name") }?;
    let user = unsafe { user.read() }?;
    let opts = unsafe { Options::read(options) }?;
    let token = pick!(
        opts.lenient,
        rtc::with_privileges(app_id, channel, user, token_expire, &ex),
        rtc::with_privileges_unchecked(app_id, channel, user, token_expire, &ex)
    );
    write_string(out, &opts.sign007(token, cert)?)
}

/// Builds an RTC token for a uid (`0`: any user); `BuildTokenWithUid` of the
/// official builders. `role`: 1 publisher, 2 subscriber. Expires are seconds
/// after the issue time.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Uid(uid),
                role,
                token_expire,
                privilege_expire,
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token for a user account; `BuildTokenWithUserAccount`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Account(account),
                role,
                token_expire,
                privilege_expire,
                options,
                out_token,
            )
        }
    })
}

fn expires(join: u32, audio: u32, video: u32, data: u32) -> PrivilegeExpires {
    PrivilegeExpires {
        join_channel: join,
        publish_audio_stream: audio,
        publish_video_stream: video,
        publish_data_stream: data,
    }
}

/// Builds an RTC token for a uid with an expire per privilege (all four are
/// set, whatever the role); `BuildTokenWithUid` with privileges.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_uid_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build_with_privileges(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Uid(uid),
                token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token for a user account with an expire per privilege;
/// `BuildTokenWithUserAccount` with privileges.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_user_account_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build_with_privileges(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Account(account),
                token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token that also logs `account` in to RTM (login privilege
/// lasting `token_expire`); `BuildTokenWithRtm`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_rtm(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let account = unsafe { str_arg(account, "account") }?;
        let opts = unsafe { Options::read(options) }?;
        let role = opts.rtc_role("role", role)?;
        let (te, pe) = (token_expire, privilege_expire);
        let token = pick!(
            opts.lenient,
            rtc::with_rtm(app_id, channel, account, role, te, pe),
            rtc::with_rtm_unchecked(app_id, channel, account, role, te, pe)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// A builder of RTC + RTM tokens of token-core, and its lenient twin.
type RtcRtmBuilder = fn(&str, &RtcRtmParams<'_>) -> token_core::Result<v007::AccessToken2>;
type RtcRtmBuilderUnchecked = fn(&str, &RtcRtmParams<'_>) -> v007::AccessToken2;

/// The body of `BuildTokenWithRtm2` and the ConvoAI and STT builders: reads
/// the RTC + RTM arguments in the order of the official signature, then
/// builds with `checked` (or `unchecked` when lenient) and signs.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_rtm_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    privileges: PrivilegeExpires,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    checked: RtcRtmBuilder,
    unchecked: RtcRtmBuilderUnchecked,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel_name = unsafe { str_arg(channel_name, "channel_name") }?;
    let rtc_account = unsafe { str_arg(rtc_account, "rtc_account") }?;
    let rtm_user_id = unsafe { str_arg(rtm_user_id, "rtm_user_id") }?;
    let opts = unsafe { Options::read(options) }?;
    let params = RtcRtmParams {
        channel_name,
        rtc_user: User::Account(rtc_account),
        rtc_role: opts.rtc_role("rtc_role", rtc_role)?,
        rtc_token_expire,
        privileges,
        rtm_user_id,
        rtm_token_expire,
    };
    let token = pick!(
        opts.lenient,
        checked(app_id, &params),
        unchecked(app_id, &params)
    );
    write_string(out, &opts.sign007(token, cert)?)
}

/// Builds an RTC token for `rtc_account` plus an RTM login for
/// `rtm_user_id`, each with its own expiry (publish privileges apply to
/// publishers only); `BuildTokenWithRtm2`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_rtm2(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_rtm_build(
                app_id,
                app_certificate,
                channel_name,
                rtc_account,
                rtc_role,
                rtc_token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                rtm_user_id,
                rtm_token_expire,
                options,
                out_token,
                rtc::with_rtm2,
                rtc::with_rtm2_unchecked,
            )
        }
    })
}

/// Builds a ConvoAI token: the token of `agora_token_rtc_build_with_rtm2`
/// plus a ConvoAI service; `ConvoAITokenBuilder.buildToken` of npm
/// `agora-token`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_convoai_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_rtm_build(
                app_id,
                app_certificate,
                channel_name,
                rtc_account,
                rtc_role,
                rtc_token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                rtm_user_id,
                rtm_token_expire,
                options,
                out_token,
                convoai::token,
                convoai::token_unchecked,
            )
        }
    })
}

/// Builds a speech-to-text token: the token of
/// `agora_token_rtc_build_with_rtm2` plus an STT service;
/// `SttTokenBuilder.buildToken` of npm `agora-token`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_stt_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_rtm_build(
                app_id,
                app_certificate,
                channel_name,
                rtc_account,
                rtc_role,
                rtc_token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                rtm_user_id,
                rtm_token_expire,
                options,
                out_token,
                stt::token,
                stt::token_unchecked,
            )
        }
    })
}

/// Builds an RTM login token for `user_id`, valid `expire` seconds;
/// `RtmTokenBuilder2::BuildToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_rtm_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user_id = unsafe { str_arg(user_id, "user_id") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            rtm::token(app_id, user_id, expire),
            rtm::token_unchecked(app_id, user_id, expire)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds an RTM 2.x token with resource permissions (service type 8);
/// `RtmTokenBuilder2::BuildToken` with permissions.
///
/// # Safety
/// Pointers as stated in the header's conventions; `permissions` points to
/// `permission_count` entries (NULL allowed when the count is 0).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtm_build_with_permissions(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    permissions: *const AgoraTokenRtm2Permission,
    permission_count: usize,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user_id = unsafe { str_arg(user_id, "user_id") }?;
        let perms = unsafe { read_permissions(permissions, permission_count, "permissions") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            rtm::token_with_permissions(app_id, user_id, perms, expire),
            rtm::token_with_permissions_unchecked(app_id, user_id, perms, expire)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds a Chat user token; `ChatTokenBuilder2::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_chat_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user_id = unsafe { str_arg(user_id, "user_id") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            chat::user_token(app_id, user_id, expire),
            chat::user_token_unchecked(app_id, user_id, expire)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds a Chat app token; `ChatTokenBuilder2::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_chat_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let opts = unsafe { Options::read(options) }?;
        let token = chat::app_token(app_id, expire)?;
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds an FPA login token valid 24 hours; `FpaTokenBuilder::BuildToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_fpa_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let opts = unsafe { Options::read(options) }?;
        let token = fpa::token(app_id)?;
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds an APaaS room-user token: APaaS room user, RTM login as
/// `user_uuid`, and Chat user as the MD5 of `user_uuid`;
/// `ApaasTokenBuilder::BuildRoomUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_apaas_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let room = unsafe { str_arg(room_uuid, "room_uuid") }?;
        let user = unsafe { str_arg(user_uuid, "user_uuid") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            apaas::room_user_token(app_id, room, user, role, expire),
            apaas::room_user_token_unchecked(app_id, room, user, role, expire)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds an APaaS user token (no room, role -1);
/// `ApaasTokenBuilder::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_apaas_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user = unsafe { str_arg(user_uuid, "user_uuid") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            apaas::user_token(app_id, user, expire),
            apaas::user_token_unchecked(app_id, user, expire)
        );
        write_string(out, &opts.sign007(token, cert)?)
    })
}

/// Builds an APaaS app token (no room, no user);
/// `ApaasTokenBuilder::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_apaas_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let opts = unsafe { Options::read(options) }?;
        let token = apaas::app_token(app_id, expire)?;
        write_string(out, &opts.sign007(token, cert)?)
    })
}

// The Education builders are the APaaS builders under the names users of
// EducationTokenBuilder2 look for (token-core's `education` re-exports
// `apaas`), so these delegate; each callee has its own panic boundary.

/// Builds an Education room-user token (the APaaS one);
/// `EducationTokenBuilder2::BuildRoomUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_education_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_room_user_token(
            app_id,
            app_certificate,
            room_uuid,
            user_uuid,
            role,
            expire,
            options,
            out_token,
            out_error,
        )
    }
}

/// Builds an Education user token (the APaaS one);
/// `EducationTokenBuilder2::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_education_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_user_token(
            app_id,
            app_certificate,
            user_uuid,
            expire,
            options,
            out_token,
            out_error,
        )
    }
}

/// Builds an Education app token (the APaaS one);
/// `EducationTokenBuilder2::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_education_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_app_token(
            app_id,
            app_certificate,
            expire,
            options,
            out_token,
            out_error,
        )
    }
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
        write_string(out, &opts.sign007(token, cert)?)
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
            Some(out) => write_string(out, &json::to_json(&AnyToken::V007(parsed)).to_string()),
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
        write_string(out, &codec::hex_lower(&v007::decode_content(token)?))
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
        write_string(out, &json::to_json(&parsed).to_string())
    })
}
