//! APaaS (Flexible Classroom) tokens (ApaasTokenBuilder).
//!
//! Compatibility note: the official Go, C++ and Python room-user builders give
//! the APaaS service the room-user privilege; npm `agora-token` 2.0.6 does not
//! (and turns role 0 into -1). token-core follows Go/C++/Python; the recorded
//! Node output is kept in `tests/vectors/divergent_node_apaas_room_user.json`.

use md5::{Digest, Md5};

use crate::codec::hex_lower;
use crate::error::Result;
use crate::service::{Apaas, Chat, Rtm};
use crate::v007::AccessToken2;
use crate::validate;

/// The Chat user ID of an APaaS user: lowercase hex MD5 of the user UUID.
///
/// ```
/// assert_eq!(token_core::builder::apaas::chat_user_id(""), "d41d8cd98f00b204e9800998ecf8427e");
/// ```
pub fn chat_user_id(user_uuid: &str) -> String {
    hex_lower(&Md5::digest(user_uuid.as_bytes()))
}

/// A room-user token: APaaS room user, RTM login as the user UUID, and Chat
/// user as [`chat_user_id`]; `buildRoomUserToken`.
pub fn room_user_token(
    app_id: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: i16,
    expire: u32,
) -> Result<AccessToken2> {
    validate::account("room_uuid", room_uuid)?;
    validate::account("user_uuid", user_uuid)?;
    Ok(room_user_token_unchecked(
        app_id, room_uuid, user_uuid, role, expire,
    ))
}

/// [`room_user_token`] without input checks, as the official builder.
pub fn room_user_token_unchecked(
    app_id: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: i16,
    expire: u32,
) -> AccessToken2 {
    let apaas = Apaas::room_user(room_uuid, user_uuid, role, expire);
    let rtm = Rtm::login(user_uuid, expire);
    let chat = Chat::user(&chat_user_id(user_uuid), expire);
    let mut t = AccessToken2::new(app_id, expire);
    t.add_service(apaas).add_service(rtm).add_service(chat);
    t
}

/// A user token (role -1, no room); `buildUserToken`.
pub fn user_token(app_id: &str, user_uuid: &str, expire: u32) -> Result<AccessToken2> {
    validate::account("user_uuid", user_uuid)?;
    Ok(user_token_unchecked(app_id, user_uuid, expire))
}

/// [`user_token`] without input checks, as the official builder.
pub fn user_token_unchecked(app_id: &str, user_uuid: &str, expire: u32) -> AccessToken2 {
    single(app_id, Apaas::user(user_uuid, expire), expire)
}

/// An app token (no room, no user, role -1); `buildAppToken`.
pub fn app_token(app_id: &str, expire: u32) -> Result<AccessToken2> {
    Ok(single(app_id, Apaas::app(expire), expire))
}

fn single(app_id: &str, apaas: Apaas, expire: u32) -> AccessToken2 {
    let mut t = AccessToken2::new(app_id, expire);
    t.add_service(apaas);
    t
}
