//! RTM (007), token-core's `builder::rtm`: the drop-in
//! `RtmTokenBuilder2.RtmTokenBuilder` builders (`official_*`) and the
//! Pythonic `build_rtm_token*` functions, login and RTM 2.x permissions.

use pyo3::prelude::*;
use token_core::builder::rtm;

use crate::convert::{self, official_u32};
use crate::official;
use crate::pythonic::{self, Issue};
use crate::services::{self, Rules};

/// `RtmTokenBuilder2.RtmTokenBuilder.build_token`.
#[pyfunction]
pub fn official_rtm_token(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    official::sign(app_certificate, || {
        rtm::token_unchecked(app_id, user_id, expire)
    })
}

/// `RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions`;
/// `permissions` as `(resource_type, permission_type, resources)` entries.
#[pyfunction]
pub fn official_rtm_token_with_permissions(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    permissions: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let permissions = services::permissions(&permissions, Rules::Official)?;
    let expire = official_u32(&expire, "expire")?;
    official::sign(app_certificate, || {
        rtm::token_with_permissions_unchecked(app_id, user_id, permissions, expire)
    })
}

/// Build an RTM login token for `user_id`, valid `expire` (seconds or
/// `timedelta`). Keyword arguments: `app_id`, `app_certificate`, `user_id`,
/// `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, expire, issue_ts=None, salt=None))]
pub fn build_rtm_token(
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
        rtm::token(app_id, user_id, expire)
    })
}

/// Build an RTM 2.x token with resource permissions (the RTM2 service).
///
/// `permissions` is an iterable of `Rtm2Permission(resource_type,
/// permission_type, resources)` (or plain 3-tuples); a later entry for the
/// same resource and permission type replaces an earlier one. Other keyword
/// arguments as `build_rtm_token`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, permissions, expire, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtm_token_with_permissions(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    permissions: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let permissions = services::permissions(&permissions, Rules::Strict)?;
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        rtm::token_with_permissions(app_id, user_id, permissions, expire)
    })
}
