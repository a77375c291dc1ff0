//! Services described from Python, as token-core `Service` values.
//!
//! Both Python surfaces that assemble a token from services (the Pythonic
//! `build_token` with its service dataclasses, and the drop-in
//! `AccessToken2.AccessToken` with its `Service*` classes) hand the extension
//! the same plain shape, so there is one conversion:
//!
//! ```text
//! (service_type, privileges, fields)
//! privileges: iterable of (privilege id, expire seconds)
//! fields:     per type, in wire order
//!   1 RTC        (channel_name, uid)       5 CHAT   (user_id,)
//!   2 RTM        (user_id,)                6 FCDN   (channel_name, account)
//!   3 STREAMING  (channel_name, account)   7 APAAS  (room_uuid, user_uuid, role)
//!   4 FPA        ()                        8 RTM2   (user_id, permissions)
//!   9 CONVOAI    ()                       10 STT    ()
//! permissions: iterable of (resource_type, permission_type, iterable of str)
//! ```

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use token_core::service::{self, service_type as st, Rtm2Permissions, Service};

use crate::convert;
use crate::error;

/// Which conversion rules apply to numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// `int` only, range-checked (the Pythonic API).
    Strict,
    /// `int(x)` first, as the official builders pack (the drop-in API).
    Official,
}

impl Rules {
    fn u16(self, obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u16> {
        match self {
            Rules::Strict => convert::u16_int(obj, field),
            Rules::Official => convert::official_u16(obj, field),
        }
    }

    fn u32(self, obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
        match self {
            Rules::Strict => convert::u32_int(obj, field),
            Rules::Official => convert::official_u32(obj, field),
        }
    }

    fn i16(self, obj: &Bound<'_, PyAny>, field: &str) -> PyResult<i16> {
        match self {
            Rules::Strict => convert::i16_int(obj, field),
            Rules::Official => convert::official_i16(obj, field),
        }
    }
}

/// The items of a tuple of exactly `n` items.
fn tuple_of<'py>(obj: &Bound<'py, PyAny>, n: usize, what: &str) -> PyResult<Bound<'py, PyTuple>> {
    let t = obj
        .cast::<PyTuple>()
        .map_err(|_| error::type_error(what, "tuple", obj))?;
    if t.len() != n {
        return Err(error::bad_call(format!(
            "{what}: expected a tuple of {n} items, got {}",
            t.len()
        )));
    }
    Ok(t.clone())
}

/// RTM2 permissions from `(resource_type, permission_type, resources)`
/// entries; a later entry for the same pair replaces an earlier one, as the
/// official `add` does.
pub fn permissions(obj: &Bound<'_, PyAny>, rules: Rules) -> PyResult<Rtm2Permissions> {
    let mut p = Rtm2Permissions::default();
    for entry in obj.try_iter()? {
        let entry = tuple_of(&entry?, 3, "permissions entry")?;
        let resource_type = rules.u16(&entry.get_item(0)?, "resource_type")?;
        let permission_type = rules.u16(&entry.get_item(1)?, "permission_type")?;
        let mut resources = Vec::new();
        for r in entry.get_item(2)?.try_iter()? {
            resources.push(convert::string(&r?, "resources")?);
        }
        p.add(resource_type, permission_type, resources);
    }
    Ok(p)
}

/// One service from its `(service_type, privileges, fields)` description.
pub fn service(obj: &Bound<'_, PyAny>, rules: Rules) -> PyResult<Service> {
    let raw = tuple_of(obj, 3, "service")?;
    let service_type = rules.u16(&raw.get_item(0)?, "service_type")?;
    let fields = raw.get_item(2)?;
    let field =
        |i: usize, name: &str| -> PyResult<String> { convert::string(&fields.get_item(i)?, name) };
    let arity = |n: usize| tuple_of(&fields, n, "service fields").map(drop);
    let mut s = match service_type {
        st::RTC => {
            arity(2)?;
            Service::Rtc(service::Rtc {
                channel_name: field(0, "channel_name")?,
                uid: field(1, "uid")?,
                ..Default::default()
            })
        }
        st::RTM => {
            arity(1)?;
            Service::Rtm(service::Rtm {
                user_id: field(0, "user_id")?,
                ..Default::default()
            })
        }
        st::STREAMING => {
            arity(2)?;
            Service::Streaming(service::Streaming {
                channel_name: field(0, "channel_name")?,
                account: field(1, "account")?,
                ..Default::default()
            })
        }
        st::FPA => {
            arity(0)?;
            Service::Fpa(Default::default())
        }
        st::CHAT => {
            arity(1)?;
            Service::Chat(service::Chat {
                user_id: field(0, "user_id")?,
                ..Default::default()
            })
        }
        st::FCDN => {
            arity(2)?;
            Service::Fcdn(service::Fcdn {
                channel_name: field(0, "channel_name")?,
                account: field(1, "account")?,
                ..Default::default()
            })
        }
        st::APAAS => {
            arity(3)?;
            Service::Apaas(service::Apaas {
                room_uuid: field(0, "room_uuid")?,
                user_uuid: field(1, "user_uuid")?,
                role: rules.i16(&fields.get_item(2)?, "role")?,
                ..Default::default()
            })
        }
        st::RTM2 => {
            arity(2)?;
            Service::Rtm2(service::Rtm2 {
                user_id: field(0, "user_id")?,
                permissions: permissions(&fields.get_item(1)?, rules)?,
                ..Default::default()
            })
        }
        st::CONVOAI => {
            arity(0)?;
            Service::ConvoAi(Default::default())
        }
        st::STT => {
            arity(0)?;
            Service::Stt(Default::default())
        }
        other => {
            return Err(error::invalid(
                "service_type",
                format!("must be a known service type (1 to 10), got {other}"),
            ))
        }
    };
    for pair in raw.get_item(1)?.try_iter()? {
        let pair = tuple_of(&pair?, 2, "privilege")?;
        let id = rules.u16(&pair.get_item(0)?, "privilege")?;
        let expire = rules.u32(&pair.get_item(1)?, "expire")?;
        s.privileges_mut().add(id, expire);
    }
    Ok(s)
}

/// Every service of a sequence of descriptions.
pub fn services(obj: &Bound<'_, PyAny>, rules: Rules) -> PyResult<Vec<Service>> {
    obj.try_iter()?.map(|s| service(&s?, rules)).collect()
}
