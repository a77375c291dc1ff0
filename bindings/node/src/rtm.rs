//! `RtmTokenBuilder` and `Rtm2Permissions` of npm `agora-token` 2.0.6
//! (RtmTokenBuilder2): RTM login tokens, and RTM 2 tokens with resource
//! permissions.

use napi::{Env, JsFunction, JsObject, JsUnknown, Property, PropertyAttributes, Result};
use napi_derive::napi;
use token_core::builder::rtm;
use token_core::service;

use crate::convert::Args;

/// RTM 2 resource permissions: resource type -> permission type -> resource
/// names, as the official `Rtm2Permissions`. Pass it to
/// `RtmTokenBuilder.buildTokenWithPermissions`.
#[napi]
#[derive(Default)]
pub struct Rtm2Permissions {
    inner: service::Rtm2Permissions,
}

#[napi]
impl Rtm2Permissions {
    /// An empty permission set.
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the resources of a (resource type, permission type) pair,
    /// replacing earlier ones.
    ///
    /// @param resourceType `Rtm2Permissions.kMessageChannels` ... `kUsers`.
    /// @param permissionType `Rtm2Permissions.kRead` or `kWrite`.
    /// @param resources The resource names (channel names, user IDs, ...).
    #[napi(catch_unwind)]
    pub fn add(
        &mut self,
        env: Env,
        #[napi(ts_arg_type = "number")] resource_type: JsUnknown,
        #[napi(ts_arg_type = "number")] permission_type: JsUnknown,
        #[napi(ts_arg_type = "string[]")] resources: JsUnknown,
    ) -> Result<()> {
        let a = Args(env);
        let resource_type = a.u16(resource_type, "resourceType")?;
        let permission_type = a.u16(permission_type, "permissionType")?;
        let resources = a.strings(resources, "resources")?;
        self.inner.add(resource_type, permission_type, resources);
        Ok(())
    }

    /// The permissions as the official `details` map. A snapshot: change the
    /// permissions with `add`.
    #[napi(
        getter,
        catch_unwind,
        ts_return_type = "Record<number, Record<number, string[]>>"
    )]
    pub fn details(&self, env: Env) -> Result<JsObject> {
        let mut details = env.create_object()?;
        let mut current: Option<(u16, JsObject)> = None;
        for (resource_type, permission_type, resources) in self.inner.iter() {
            if current.as_ref().map(|(r, _)| *r) != Some(resource_type) {
                if let Some((r, obj)) = current.take() {
                    details.set_named_property(&r.to_string(), obj)?;
                }
                current = Some((resource_type, env.create_object()?));
            }
            let mut names = env.create_array_with_length(resources.len())?;
            for (i, name) in resources.iter().enumerate() {
                names.set_element(i as u32, env.create_string(name)?)?;
            }
            if let Some((_, by_permission)) = current.as_mut() {
                by_permission.set_named_property(&permission_type.to_string(), names)?;
            }
        }
        if let Some((r, obj)) = current {
            details.set_named_property(&r.to_string(), obj)?;
        }
        Ok(details)
    }
}

// The static constants of `Rtm2Permissions`. napi classes have no static
// properties, so these are declared in a namespace of the same name (which
// TypeScript merges into the class) and set on the class at load time by
// `define_rtm2_constants`.

/// Resource type: message channels.
#[napi(namespace = "Rtm2Permissions", js_name = "kMessageChannels")]
pub const K_MESSAGE_CHANNELS: u16 = service::Rtm2Permissions::MESSAGE_CHANNELS;
/// Resource type: stream channels.
#[napi(namespace = "Rtm2Permissions", js_name = "kStreamChannels")]
pub const K_STREAM_CHANNELS: u16 = service::Rtm2Permissions::STREAM_CHANNELS;
/// Resource type: group channels.
#[napi(namespace = "Rtm2Permissions", js_name = "kGroupChannels")]
pub const K_GROUP_CHANNELS: u16 = service::Rtm2Permissions::GROUP_CHANNELS;
/// Resource type: server groups.
#[napi(namespace = "Rtm2Permissions", js_name = "kServerGroups")]
pub const K_SERVER_GROUPS: u16 = service::Rtm2Permissions::SERVER_GROUPS;
/// Resource type: users.
#[napi(namespace = "Rtm2Permissions", js_name = "kUsers")]
pub const K_USERS: u16 = service::Rtm2Permissions::USERS;
/// Permission type: read.
#[napi(namespace = "Rtm2Permissions", js_name = "kRead")]
pub const K_READ: u16 = service::Rtm2Permissions::READ;
/// Permission type: write.
#[napi(namespace = "Rtm2Permissions", js_name = "kWrite")]
pub const K_WRITE: u16 = service::Rtm2Permissions::WRITE;

/// Sets the static constants on the `Rtm2Permissions` class (read-only).
pub(crate) fn define_rtm2_constants(exports: &JsObject, env: Env) -> Result<()> {
    let class: JsFunction = exports.get_named_property("Rtm2Permissions")?;
    let mut class: JsObject = class.coerce_to_object()?;
    let constants = [
        ("kMessageChannels", K_MESSAGE_CHANNELS),
        ("kStreamChannels", K_STREAM_CHANNELS),
        ("kGroupChannels", K_GROUP_CHANNELS),
        ("kServerGroups", K_SERVER_GROUPS),
        ("kUsers", K_USERS),
        ("kRead", K_READ),
        ("kWrite", K_WRITE),
    ];
    let values = constants
        .iter()
        .map(|&(_, v)| env.create_uint32(v.into()))
        .collect::<Result<Vec<_>>>()?;
    let properties = constants
        .iter()
        .zip(&values)
        .map(|(&(name, _), value)| {
            Ok(Property::new(name)?
                .with_value(value)
                .with_property_attributes(PropertyAttributes::Enumerable))
        })
        .collect::<Result<Vec<_>>>()?;
    class.define_properties(&properties)
}

/// Builds RTM tokens (AccessToken2, "007"); the static methods of
/// agora-token's `RtmTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct RtmTokenBuilder {}

#[napi]
impl RtmTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds an RTM login token.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param userId The RTM user ID (a number is taken as a uid: `0` is `''`).
    /// @param expire Seconds until the token and the login expire.
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string | number")] user_id: JsUnknown,
        #[napi(ts_arg_type = "number")] expire: JsUnknown,
    ) -> Result<String> {
        Args(env).user_token(
            [app_id, app_certificate, user_id, expire],
            "userId",
            rtm::token_unchecked,
        )
    }

    /// Builds an RTM 2 token with resource permissions (service type 8).
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param userId The RTM user ID (a number is taken as a uid: `0` is `''`).
    /// @param permissions The permissions: this package's `Rtm2Permissions`,
    /// or any object with the official `details` map; `null` for none.
    /// @param expire Seconds until the token and the login expire.
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token_with_permissions(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string | number")] user_id: JsUnknown,
        #[napi(
            ts_arg_type = "Rtm2Permissions | { details: Record<number, Record<number, string[]>> } | null | undefined"
        )]
        permissions: Option<JsUnknown>,
        #[napi(ts_arg_type = "number")] expire: JsUnknown,
    ) -> Result<String> {
        let a = Args(env);
        let app_id = a.string(app_id, "appId")?;
        let app_certificate = a.string(app_certificate, "appCertificate")?;
        let token = rtm::token_with_permissions_unchecked(
            &app_id,
            &a.user_text(user_id, "userId")?,
            a.permissions(permissions)?,
            a.u32(expire, "expire")?,
        );
        a.sign(token, &app_certificate)
    }
}
