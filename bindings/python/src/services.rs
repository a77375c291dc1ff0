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
//! fields:     the fields of the type, in wire order (token-core's
//!             `service::fields`): RTC (channel_name, uid), RTM (user_id,),
//!             APAAS (room_uuid, user_uuid, role), RTM2 (user_id,
//!             permissions), FPA (), ...
//! permissions: iterable of (resource_type, permission_type, iterable of str)
//! ```

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use token_core::service::{self, Field, Rtm2Permissions, Service, ServiceSpec};

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

/// One service from its `(service_type, privileges, fields)` description;
/// `fields` holds token-core's `service::fields(service_type)`, in order.
pub fn service(obj: &Bound<'_, PyAny>, rules: Rules) -> PyResult<Service> {
    let raw = tuple_of(obj, 3, "service")?;
    let service_type = rules.u16(&raw.get_item(0)?, "service_type")?;
    let own = service::fields(service_type).ok_or_else(|| {
        error::invalid(
            "service_type",
            format!("must be a known service type (1 to 10), got {service_type}"),
        )
    })?;
    let fields = raw.get_item(2)?;
    tuple_of(&fields, own.len(), "service fields")?;
    let mut spec = ServiceSpec::new(service_type);
    for (i, &f) in own.iter().enumerate() {
        let item = fields.get_item(i)?;
        match f {
            Field::Text(t) => *spec.text_mut(t) = Some(convert::string(&item, t.name())?),
            Field::Role => spec.role = Some(rules.i16(&item, "role")?),
            Field::Permissions => spec.permissions = Some(permissions(&item, rules)?),
        }
    }
    for pair in raw.get_item(1)?.try_iter()? {
        let pair = tuple_of(&pair?, 2, "privilege")?;
        let id = rules.u16(&pair.get_item(0)?, "privilege")?;
        let expire = rules.u32(&pair.get_item(1)?, "expire")?;
        spec.privileges.add(id, expire);
    }
    Service::try_from(spec).map_err(error::to_py)
}

/// Every service of a sequence of descriptions.
pub fn services(obj: &Bound<'_, PyAny>, rules: Rules) -> PyResult<Vec<Service>> {
    obj.try_iter()?.map(|s| service(&s?, rules)).collect()
}
