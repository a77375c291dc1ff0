//! RTM tokens (RtmTokenBuilder2): RTM login, and RTM 2.x with resource
//! permissions.

use crate::error::Result;
use crate::service::{Rtm, Rtm2, Rtm2Permissions};
use crate::v007::AccessToken2;
use crate::validate;

/// An RTM login token for `user_id`, valid `expire` seconds; `BuildToken`.
///
/// ```
/// let t = token_core::builder::rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 3600).unwrap();
/// assert_eq!(t.services.len(), 1);
/// ```
pub fn token(app_id: &str, user_id: &str, expire: u32) -> Result<AccessToken2> {
    validate::account("user_id", user_id)?;
    Ok(token_unchecked(app_id, user_id, expire))
}

/// [`token`] without input checks, as the official builder.
pub fn token_unchecked(app_id: &str, user_id: &str, expire: u32) -> AccessToken2 {
    let mut t = AccessToken2::new(app_id, expire);
    t.add_service(Rtm::login(user_id, expire));
    t
}

/// An RTM 2.x token with resource permissions (service type 8);
/// `buildTokenWithPermissions` of npm `agora-token` 2.0.6.
///
/// Checks, beyond the user ID, what the official builder does not:
/// [`Rtm2Permissions::check`] (known resource and permission types, at
/// least one resource per pair, no empty resource name).
///
/// ```
/// use token_core::service::Rtm2Permissions as P;
/// let mut p = P::default();
/// p.add(P::MESSAGE_CHANNELS, P::READ, [""]);
/// let err = token_core::builder::rtm::token_with_permissions("970CA35de60c44645bbae8a215061b33", "a", p, 60);
/// assert_eq!(err.unwrap_err().to_string(), "resources: must not be empty");
/// ```
pub fn token_with_permissions(
    app_id: &str,
    user_id: &str,
    permissions: Rtm2Permissions,
    expire: u32,
) -> Result<AccessToken2> {
    validate::account("user_id", user_id)?;
    permissions.check()?;
    Ok(token_with_permissions_unchecked(
        app_id,
        user_id,
        permissions,
        expire,
    ))
}

/// [`token_with_permissions`] without input checks, as the official builder.
pub fn token_with_permissions_unchecked(
    app_id: &str,
    user_id: &str,
    permissions: Rtm2Permissions,
    expire: u32,
) -> AccessToken2 {
    let mut rtm2 = Rtm2 {
        user_id: user_id.to_string(),
        permissions,
        ..Default::default()
    };
    rtm2.privileges.add(Rtm2::LOGIN, expire);
    let mut t = AccessToken2::new(app_id, expire);
    t.add_service(rtm2);
    t
}
