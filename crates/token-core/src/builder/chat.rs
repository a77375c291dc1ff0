//! Chat tokens (ChatTokenBuilder2).

use crate::error::Result;
use crate::service::Chat;
use crate::v007::AccessToken2;
use crate::validate;

fn single(app_id: &str, chat: Chat, expire: u32) -> AccessToken2 {
    let mut t = AccessToken2::new(app_id, expire);
    t.add_service(chat);
    t
}

/// A Chat user token; `buildUserToken`.
///
/// ```
/// let t = token_core::builder::chat::user_token("970CA35de60c44645bbae8a215061b33", "bob", 600).unwrap();
/// assert_eq!(t.expire, 600);
/// ```
pub fn user_token(app_id: &str, user_id: &str, expire: u32) -> Result<AccessToken2> {
    validate::account("user_id", user_id)?;
    Ok(user_token_unchecked(app_id, user_id, expire))
}

/// [`user_token`] without input checks, as the official builder.
pub fn user_token_unchecked(app_id: &str, user_id: &str, expire: u32) -> AccessToken2 {
    single(app_id, Chat::user(user_id, expire), expire)
}

/// A Chat app token (empty user ID); `buildAppToken`.
pub fn app_token(app_id: &str, expire: u32) -> Result<AccessToken2> {
    Ok(single(app_id, Chat::app(expire), expire))
}
