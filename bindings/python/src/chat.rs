//! Chat (007), token-core's `builder::chat`: the drop-in
//! `ChatTokenBuilder2.ChatTokenBuilder` builders (`official_*`) and the
//! Pythonic `build_chat_*` functions, user and app tokens.

use pyo3::prelude::*;
use token_core::builder::chat;

use crate::convert::{self, official_u32};
use crate::official;
use crate::pythonic::{self, Issue};

/// `ChatTokenBuilder2.ChatTokenBuilder.build_user_token`.
#[pyfunction]
pub fn official_chat_user_token(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    official::sign(app_certificate, || {
        chat::user_token_unchecked(app_id, user_id, expire)
    })
}

/// `ChatTokenBuilder2.ChatTokenBuilder.build_app_token`.
#[pyfunction]
pub fn official_chat_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    let t = official::infallible(chat::app_token(app_id, expire))?;
    official::sign(app_certificate, || t)
}

/// Build a Chat user token. Keyword arguments: `app_id`, `app_certificate`,
/// `user_id`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, expire, issue_ts=None, salt=None))]
pub fn build_chat_user_token(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        chat::user_token(app_id, user_id, expire)
    })
}

/// Build a Chat app token (server-side REST calls). Keyword arguments:
/// `app_id`, `app_certificate`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, issue_ts=None, salt=None))]
pub fn build_chat_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || chat::app_token(app_id, expire))
}
