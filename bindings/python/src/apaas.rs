//! APaaS and Education (Flexible Classroom, 007), token-core's
//! `builder::apaas` (which `builder::education` re-exports): the drop-in
//! `ApaasTokenBuilder` builders, also behind the education module
//! (`official_*`), the Pythonic `build_apaas_*` functions, and
//! `chat_user_id`.

use pyo3::prelude::*;
use token_core::builder::apaas;

use crate::convert::{self, official_u32};
use crate::official;
use crate::pythonic::{self, Issue};

/// `ApaasTokenBuilder.build_room_user_token` (and the education one).
#[pyfunction]
pub fn official_apaas_room_user_token(
    app_id: &str,
    app_certificate: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let role = convert::official_i16(&role, "role")?;
    let expire = official_u32(&expire, "expire")?;
    official::sign(app_certificate, || {
        apaas::room_user_token_unchecked(app_id, room_uuid, user_uuid, role, expire)
    })
}

/// `ApaasTokenBuilder.build_user_token` (and the education one).
#[pyfunction]
pub fn official_apaas_user_token(
    app_id: &str,
    app_certificate: &str,
    user_uuid: &str,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    official::sign(app_certificate, || {
        apaas::user_token_unchecked(app_id, user_uuid, expire)
    })
}

/// `ApaasTokenBuilder.build_app_token` (and the education one).
#[pyfunction]
pub fn official_apaas_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    let t = official::infallible(apaas::app_token(app_id, expire))?;
    official::sign(app_certificate, || t)
}

/// Build an APaaS (Flexible Classroom) room-user token: APaaS room user, RTM
/// login as `user_uuid`, and Chat user `chat_user_id(user_uuid)`.
/// Keyword arguments: `app_id`, `app_certificate`, `room_uuid`, `user_uuid`,
/// `role` (int, -32768 to 32767), `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, room_uuid, user_uuid, role, expire, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_apaas_room_user_token(
    app_id: &str,
    app_certificate: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let role = convert::i16_int(&role, "role")?;
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        apaas::room_user_token(app_id, room_uuid, user_uuid, role, expire)
    })
}

/// Build an APaaS (Flexible Classroom) user token. Keyword arguments:
/// `app_id`, `app_certificate`, `user_uuid`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_uuid, expire, issue_ts=None, salt=None))]
pub fn build_apaas_user_token(
    app_id: &str,
    app_certificate: &str,
    user_uuid: &str,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        apaas::user_token(app_id, user_uuid, expire)
    })
}

/// Build an APaaS (Flexible Classroom) app token. Keyword arguments:
/// `app_id`, `app_certificate`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, issue_ts=None, salt=None))]
pub fn build_apaas_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || apaas::app_token(app_id, expire))
}

/// The Chat user ID of an APaaS user: lowercase hex MD5 of `user_uuid`.
#[pyfunction]
pub fn chat_user_id(user_uuid: &str) -> String {
    apaas::chat_user_id(user_uuid)
}
