//! Education tokens (EducationTokenBuilder2). The official education builders
//! produce exactly the APaaS tokens, so these are the [`apaas`](super::apaas)
//! functions under the names users of EducationTokenBuilder look for.

pub use super::apaas::{
    app_token, chat_user_id, room_user_token, room_user_token_unchecked, user_token,
    user_token_unchecked,
};
