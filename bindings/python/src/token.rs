//! The typed results of `parse`, `verify` and `check`, made here so that a
//! call costs about what token-core's work costs.
//!
//! A `Token` (007) and a `CheckReport` keep token-core's own value and hand
//! out its fields when asked: the scalars at once, the nested objects
//! (services with their privileges, reasons, checked privileges) built on
//! first access, as the package's `_types.py` dataclasses, and kept. A caller that only needs "valid or not", the app
//! ID or `allowed` never pays for the rest. A 006 token, rarely read, is the
//! `Token006` dataclass built from its JSON form at once.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use token_core::builder::User;
use token_core::check::{Report, RequestFields};
use token_core::service::{self, Field, Service};
use token_core::v007::ParsedToken;
use token_core::AnyToken;

use crate::{convert, error};

/// `agora_token._types.NAME`, imported once.
fn types_fn<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    cell.import(py, "agora_token._types", name)
}

static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static SERVICES_FROM_PARTS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static TOKEN006_FROM_JSON: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static REASON: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static CHECKED_PRIVILEGE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Unix seconds as an aware UTC `datetime` (`None` stays `None`).
fn utc<'py>(py: Python<'py>, ts: Option<u64>) -> PyResult<Option<Bound<'py, PyAny>>> {
    ts.map(|t| types_fn(py, &UTC, "_utc")?.call1((t,)))
        .transpose()
}

/// A service as `_types._services_from_parts` reads it: `(type, ((field
/// name, value), ...), ((id, expire, name, expires_at), ...), permissions)`,
/// with the fields of token-core's `service::fields` and `expires_at` the
/// absolute time (None for no limit); `permissions` is None but for RTM2.
fn service_parts<'py>(
    py: Python<'py>,
    service: &Service,
    issue_ts: u64,
) -> PyResult<Bound<'py, PyTuple>> {
    let t = service.service_type();
    let mut fields = Vec::new();
    let mut permissions = None;
    for field in service::fields(t).unwrap_or(&[]) {
        let value = match (field, service) {
            (Field::Text(f), _) => service
                .text(*f)
                .unwrap_or_default()
                .into_pyobject(py)?
                .into_any(),
            (Field::Role, Service::Apaas(a)) => a.role.into_pyobject(py)?.into_any(),
            (Field::Permissions, Service::Rtm2(r)) => {
                let items = r
                    .permissions
                    .iter()
                    .map(|(rt, pt, res)| (rt, pt, PyTuple::new(py, res)))
                    .map(|(rt, pt, res)| Ok((rt, pt, res?)))
                    .collect::<PyResult<Vec<_>>>()?;
                permissions = Some(PyTuple::new(py, items)?);
                continue;
            }
            _ => continue,
        };
        fields.push((field.name(), value));
    }
    let privileges = service
        .privileges()
        .iter()
        .map(|(id, expire)| {
            let expires_at = service::expires_at(issue_ts, expire);
            (id, expire, service::privilege_name(t, id), expires_at)
        })
        .collect::<Vec<_>>();
    (
        t,
        PyTuple::new(py, fields)?,
        PyTuple::new(py, privileges)?,
        permissions,
    )
        .into_pyobject(py)
}

/// A parsed token as the Python value `parse` and `verify` return.
fn typed(py: Python<'_>, text: &Bound<'_, PyString>, token: AnyToken) -> PyResult<Py<PyAny>> {
    match token {
        AnyToken::V007(parsed) => {
            Ok(Py::new(py, Token::new(text.clone().unbind(), parsed))?.into_any())
        }
        v006 @ AnyToken::V006(_) => {
            let json = crate::parse::to_python(py, &token_core::json::to_json(&v006))?;
            Ok(types_fn(py, &TOKEN006_FROM_JSON, "_token006_from_json")?
                .call1((json,))?
                .unbind())
        }
    }
}

/// A parsed AccessToken2 ("007"), as `parse` and `verify` return it.
///
/// `issue_ts` and `expire` are the raw values (Unix seconds, and seconds
/// after issue); `issued_at` and `expires_at` the same as aware UTC
/// datetimes. Immutable, hashable, comparable (two tokens are equal when
/// their fields are) and picklable.
#[pyclass(frozen, module = "agora_token", name = "Token")]
pub struct Token {
    /// The token as given (kept for pickling; the caller's own string).
    text: Py<PyString>,
    parsed: ParsedToken,
    services: PyOnceLock<Py<PyTuple>>,
}

impl Token {
    fn new(text: Py<PyString>, parsed: ParsedToken) -> Self {
        Token {
            text,
            parsed,
            services: PyOnceLock::new(),
        }
    }

    fn services_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let tuple = self.services.get_or_try_init(py, || -> PyResult<_> {
            let issue_ts = u64::from(self.parsed.token.issue_ts);
            let parts = self
                .parsed
                .token
                .services
                .iter()
                .map(|s| service_parts(py, s, issue_ts))
                .collect::<PyResult<Vec<_>>>()?;
            let made =
                types_fn(py, &SERVICES_FROM_PARTS, "_services_from_parts")?.call1((parts,))?;
            Ok(made.cast_into::<PyTuple>()?.unbind())
        })?;
        Ok(tuple.bind(py))
    }

    /// The fields that make two tokens equal.
    fn key(&self) -> (&str, u32, u32, u32, Option<u16>) {
        let t = &self.parsed.token;
        (
            &t.app_id,
            t.issue_ts,
            t.expire,
            t.salt,
            self.parsed.unknown_service_type,
        )
    }
}

#[pymethods]
impl Token {
    /// ``"007"``.
    #[classattr]
    fn version() -> &'static str {
        "007"
    }

    /// The app ID.
    #[getter]
    fn app_id(&self) -> &str {
        &self.parsed.token.app_id
    }

    /// Issue time, Unix seconds.
    #[getter]
    fn issue_ts(&self) -> u32 {
        self.parsed.token.issue_ts
    }

    /// Token lifetime in seconds after `issue_ts` (0: no limit).
    #[getter]
    fn expire(&self) -> u32 {
        self.parsed.token.expire
    }

    /// The random salt.
    #[getter]
    fn salt(&self) -> u32 {
        self.parsed.token.salt
    }

    /// A service type this version does not know, if the token has one; the
    /// services after it could not be read (the signature still covers them).
    #[getter]
    fn unknown_service_type(&self) -> Option<u16> {
        self.parsed.unknown_service_type
    }

    /// The services (`RtcService`, ...), in token (type) order.
    #[getter]
    fn services<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.services_tuple(py).cloned()
    }

    /// The issue time as an aware UTC datetime.
    #[getter]
    fn issued_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        utc(py, Some(u64::from(self.parsed.token.issue_ts)))
    }

    /// When the token expires (UTC), or None for an expire of 0.
    #[getter]
    fn expires_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        utc(py, self.parsed.token.expiry())
    }

    /// The first service of this type, if any.
    fn service<'py>(
        &self,
        py: Python<'py>,
        service_type: u16,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let services = &self.parsed.token.services;
        match services
            .iter()
            .position(|s| s.service_type() == service_type)
        {
            Some(i) => Ok(Some(self.services_tuple(py)?.get_item(i)?)),
            None => Ok(None),
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Token>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let equal =
            self.key() == other.key() && self.parsed.token.services == other.parsed.token.services;
        Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        // Equal tokens have equal keys; the services are left out (cheap).
        let (app_id, issue_ts, expire, salt, unknown) = self.key();
        PyTuple::new(
            py,
            [
                app_id.into_pyobject(py)?.into_any(),
                issue_ts.into_pyobject(py)?.into_any(),
                expire.into_pyobject(py)?.into_any(),
                salt.into_pyobject(py)?.into_any(),
                unknown.into_pyobject(py)?.into_any(),
            ],
        )?
        .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let t = &self.parsed.token;
        let unknown = match self.parsed.unknown_service_type {
            Some(u) => u.to_string(),
            None => "None".to_owned(),
        };
        Ok(format!(
            "Token(app_id={}, issue_ts={}, expire={}, salt={}, services={}, unknown_service_type={})",
            PyString::new(py, &t.app_id).repr()?,
            t.issue_ts,
            t.expire,
            t.salt,
            self.services_tuple(py)?.repr()?,
            unknown
        ))
    }

    /// Pickled as its text: unpickling parses it again.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyString>,))> {
        let parse = py.import("agora_token")?.getattr("parse")?;
        Ok((parse, (self.text.bind(py).clone(),)))
    }
}

/// Parse a 007 or 006 token (chosen by its prefix) without verifying its
/// signature.
///
/// Returns a `Token` or `Token006`. Raises `WrongVersionError` for another
/// prefix and `MalformedTokenError` for a token that cannot be decoded.
#[pyfunction]
#[pyo3(signature = (token))]
pub fn parse(py: Python<'_>, token: &Bound<'_, PyString>) -> PyResult<Py<PyAny>> {
    let parsed = token_core::parse(token.to_str()?).map_err(error::to_py)?;
    typed(py, token, parsed)
}

/// Parse a token and check its signature with `app_certificate`.
///
/// A 006 token carries only the CRC32 of its channel name and uid, so it also
/// needs `channel` (for RTM: the user account) and the `uid` or `account` it
/// was built for (default: uid 0, any user); these are ignored for 007.
/// Returns the parsed token; raises `SignatureMismatchError` when the
/// signature does not match.
#[pyfunction]
#[pyo3(signature = (token, app_certificate, *, channel=None, uid=None, account=None))]
pub fn verify(
    py: Python<'_>,
    token: &Bound<'_, PyString>,
    app_certificate: &str,
    channel: Option<&str>,
    uid: Option<&Bound<'_, PyAny>>,
    account: Option<&str>,
) -> PyResult<Py<PyAny>> {
    // A 006 token for uid 0 was built for the empty uid: default to it.
    let user = if uid.is_some_and(|u| !u.is_none()) || account.is_some() {
        convert::user(uid, account)?
    } else {
        User::Uid(0)
    };
    let parsed = token_core::verify(token.to_str()?, app_certificate, channel, &user.account())
        .map_err(|e| error::to_py_renamed(e, &[("channel_name", "channel")]))?;
    typed(py, token, parsed)
}

/// The answer of `check`: would Agora admit the client, and why not.
#[pyclass(frozen, module = "agora_token", name = "CheckReport")]
pub struct CheckReport {
    report: Report,
    reasons: PyOnceLock<Py<PyTuple>>,
    privileges: PyOnceLock<Py<PyTuple>>,
}

#[pymethods]
impl CheckReport {
    /// True when Agora would admit the client.
    #[getter]
    fn allowed(&self) -> bool {
        self.report.allowed()
    }

    /// ``"007"`` or ``"006"``; None for a malformed token.
    #[getter]
    fn version(&self) -> Option<&'static str> {
        self.report.version
    }

    /// The token's app ID; None for a malformed token.
    #[getter]
    fn app_id(&self) -> Option<&str> {
        self.report.app_id.as_deref()
    }

    /// The time the check was made for (UTC).
    #[getter]
    fn now<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        utc(py, Some(self.report.now))
    }

    /// 007: when the token was issued (None for 006).
    #[getter]
    fn issued_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        utc(py, self.report.issued_at)
    }

    /// When the token expires; None for no limit or a malformed token.
    #[getter]
    fn expires_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        utc(py, self.report.expires_at)
    }

    /// ``"valid"``, ``"invalid"`` or ``"unchecked"`` (malformed, or a 006
    /// token whose channel or uid is not the requested one).
    #[getter]
    fn signature(&self) -> &'static str {
        self.report.signature.as_str()
    }

    /// Every reason for a denial (`CheckReason`; empty when allowed).
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let tuple = self.reasons.get_or_try_init(py, || -> PyResult<_> {
            let class = types_fn(py, &REASON, "CheckReason")?;
            let items = self
                .report
                .reasons
                .iter()
                .map(|r| class.call1((r.code(), r.to_string())))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.unbind())
        })?;
        Ok(tuple.bind(py).clone())
    }

    /// The privileges the request needs (`CheckedPrivilege`).
    #[getter]
    fn privileges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let tuple = self.privileges.get_or_try_init(py, || -> PyResult<_> {
            let class = types_fn(py, &CHECKED_PRIVILEGE, "CheckedPrivilege")?;
            let items = self
                .report
                .privileges
                .iter()
                .map(|p| {
                    class.call1((
                        p.service,
                        p.privilege,
                        utc(py, p.expires_at)?,
                        p.status.as_str(),
                    ))
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.unbind())
        })?;
        Ok(tuple.bind(py).clone())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "CheckReport(allowed={}, version={}, app_id={}, signature={:?}, reasons={}, privileges={})",
            if self.report.allowed() { "True" } else { "False" },
            self.report.version.map_or("None".to_owned(), |v| format!("{v:?}")),
            match &self.report.app_id {
                Some(a) => PyString::new(py, a).repr()?.to_string(),
                None => "None".to_owned(),
            },
            self.report.signature.as_str(),
            self.reasons(py)?.repr()?,
            self.privileges(py)?.repr()?,
        ))
    }
}

/// Would Agora admit this client with this token?
///
/// `service` is what the client does: ``"rtc"`` (join `channel` as `uid` or
/// `account`, publishing the `publish` streams: ``"audio"``, ``"video"``,
/// ``"data"``), ``"rtm"`` (log in as `user_id`), ``"chat"`` (as `user_id`,
/// or as the app without one), ``"fpa"``, or ``"apaas"`` (a room user with
/// `room_uuid` and `user_uuid`, a user with `user_uuid`, else the app).
/// `app_id`, when given, must be the token's. `now` (Unix seconds or an
/// aware datetime) defaults to the clock.
///
/// Returns a `CheckReport` with every reason for a denial. A malformed,
/// forged or expired token is a denial, not an exception; a bad certificate
/// or request raises `InvalidInputError` naming the field.
///
/// >>> report = check(token, cert, service="rtc", channel="demo", uid=42)  # doctest: +SKIP
/// >>> report.allowed, [r.code for r in report.reasons]  # doctest: +SKIP
/// (False, ['channel_mismatch'])
#[pyfunction]
#[pyo3(signature = (
    token, app_certificate, *, service, channel=None, uid=None, account=None, publish=None,
    user_id=None, room_uuid=None, user_uuid=None, app_id=None, now=None
))]
#[allow(clippy::too_many_arguments)]
pub fn check(
    token: &str,
    app_certificate: &str,
    service: &str,
    channel: Option<&str>,
    uid: Option<&Bound<'_, PyAny>>,
    account: Option<&str>,
    publish: Option<&Bound<'_, PyAny>>,
    user_id: Option<&str>,
    room_uuid: Option<&str>,
    user_uuid: Option<&str>,
    app_id: Option<&str>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<CheckReport> {
    let uid = match (account, uid.filter(|u| !u.is_none())) {
        (Some(account), _) => Some(account.to_owned()),
        (None, Some(uid)) => Some(convert::u32_int(uid, "uid")?.to_string()),
        (None, None) => None,
    };
    let publish = publish
        .filter(|p| !p.is_none())
        .map(|p| {
            p.try_iter()?
                .map(|item| convert::string(&item?, "publish"))
                .collect::<PyResult<Vec<String>>>()
        })
        .transpose()?;
    let publish: Option<Vec<&str>> = publish
        .as_ref()
        .map(|p| p.iter().map(String::as_str).collect());
    let request = RequestFields {
        service,
        app_id,
        channel_name: channel,
        uid: uid.as_deref(),
        // No stream published is no `publish` field.
        publish: publish.as_deref().filter(|p| !p.is_empty()),
        user_id,
        room_uuid,
        user_uuid,
    }
    .to_request()
    .map_err(|e| error::to_py_renamed(e, &[("channel_name", "channel")]))?;
    let now = match convert::optional(now, "now", convert::timestamp)? {
        Some(t) => u64::from(t),
        None => u64::from(token_core::codec::now()),
    };
    let report =
        token_core::check::check(token, app_certificate, &request, now).map_err(error::to_py)?;
    Ok(CheckReport {
        report,
        reasons: PyOnceLock::new(),
        privileges: PyOnceLock::new(),
    })
}
