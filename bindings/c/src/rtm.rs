//! RTM (007): `RtmTokenBuilder2` of the official builders, the login token
//! and the RTM 2.x token with resource permissions (token-core's
//! `builder::rtm`), and the C form of a permission list, also read by the
//! generic RTM2 service of `v007`.

use std::ffi::c_char;

use token_core::builder::rtm;
use token_core::service::Rtm2Permissions;

use crate::args::{read_app, slice_arg, str_arg, write_string};
use crate::error::{AgoraTokenStatus, FfiResult};
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

/// Reads an RTM2 permission list.
///
/// # Safety
/// `ptr` is NULL or points to `count` entries whose pointers are valid as
/// documented on [`AgoraTokenRtm2Permission`].
pub(crate) unsafe fn read_permissions(
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
        write_string(out, opts.sign007(token, cert)?)
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
        write_string(out, opts.sign007(token, cert)?)
    })
}
