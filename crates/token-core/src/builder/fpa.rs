//! FPA tokens (FpaTokenBuilder).

use crate::error::Result;
use crate::service::Fpa;
use crate::v007::AccessToken2;

/// The FPA token lifetime the official builder uses: 24 hours.
pub const TOKEN_EXPIRE: u32 = 24 * 3600;

/// An FPA login token, valid 24 hours, with a login privilege of expire `0`;
/// `BuildToken`.
///
/// ```
/// let t = token_core::builder::fpa::token("970CA35de60c44645bbae8a215061b33").unwrap();
/// assert_eq!(t.expire, 86400);
/// ```
pub fn token(app_id: &str) -> Result<AccessToken2> {
    let mut t = AccessToken2::new(app_id, TOKEN_EXPIRE);
    t.add_service(Fpa::login());
    Ok(t)
}
