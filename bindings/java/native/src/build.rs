//! The builders: one native method per product of token-core's `builder/`
//! (RTC with its RTM, ConvoAI and STT variants; RTM; Chat; FPA; APaaS and
//! Education), the generic 007 service builder, and the 006 builders.

use jni::objects::{JClass, JIntArray, JObjectArray, JString};
use jni::sys::{jint, jstring};
use jni::JNIEnv;
use token_core::builder::rtc::{PrivilegeExpires, RtcRtmParams};
use token_core::builder::{apaas, chat, convoai, fpa, rtc, rtm, stt};
use token_core::service::{self, Field, Service, ServiceSpec, TextField};
use token_core::{v006, v007};

use crate::args::{self, pick, Options};
use crate::error::{guard, JavaError};

/// RTC `kind` of `Native.rtc`: a role's privileges, `buildTokenWithUid` /
/// `buildTokenWithUserAccount` (`join` is the privilege expire).
pub const RTC_ROLE: jint = 0;
/// An expire per privilege, `buildTokenWithUid(... 4 expires)`.
pub const RTC_PRIVILEGES: jint = 1;
/// RTC plus an RTM login for the same account, `buildTokenWithRtm`.
pub const RTC_WITH_RTM: jint = 2;
/// RTC plus an RTM login for `rtm_user_id`, `buildTokenWithRtm2`.
pub const RTC_WITH_RTM2: jint = 3;
/// The RTC + RTM 2 token plus a ConvoAI service.
pub const RTC_CONVOAI: jint = 4;
/// The RTC + RTM 2 token plus an STT service.
pub const RTC_STT: jint = 5;

/// `Native.rtc`: every RTC 007 builder, chosen by `kind` (`RTC_*`). The
/// user is `account`, or the unsigned `uid` when `account` is `null`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_rtc<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    kind: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jint,
    role: jint,
    token_expire: jint,
    privileges: JIntArray<'l>,
    rtm_user_id: JString<'l>,
    rtm_token_expire: jint,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let channel = args::string(env, &channel_name, "channel_name")?;
        let account = args::optional_string(env, &account)?;
        let user = args::user(&account, uid);
        let p = args::ints(env, &privileges)?;
        let [join, audio, video, data] = p[..] else {
            return Err(JavaError::Internal("privileges: four expires".into()));
        };
        let ex = PrivilegeExpires {
            join_channel: join as u32,
            publish_audio_stream: audio as u32,
            publish_video_stream: video as u32,
            publish_data_stream: data as u32,
        };
        let o = Options::new(flags, issue_ts, salt);
        let (te, pe) = (token_expire as u32, join as u32);
        let token = match kind {
            RTC_ROLE => {
                let role = o.rtc_role("role", role)?;
                pick!(
                    o.lenient,
                    rtc::with_user(&app_id, &channel, user, role, te, pe),
                    rtc::with_user_unchecked(&app_id, &channel, user, role, te, pe)
                )
            }
            RTC_PRIVILEGES => pick!(
                o.lenient,
                rtc::with_privileges(&app_id, &channel, user, te, &ex),
                rtc::with_privileges_unchecked(&app_id, &channel, user, te, &ex)
            ),
            RTC_WITH_RTM => {
                let role = o.rtc_role("role", role)?;
                let account = account
                    .as_deref()
                    .ok_or(JavaError::Null("account".into()))?;
                pick!(
                    o.lenient,
                    rtc::with_rtm(&app_id, &channel, account, role, te, pe),
                    rtc::with_rtm_unchecked(&app_id, &channel, account, role, te, pe)
                )
            }
            RTC_WITH_RTM2 | RTC_CONVOAI | RTC_STT => {
                let rtm_user_id = args::string(env, &rtm_user_id, "rtm_user_id")?;
                let params = RtcRtmParams {
                    channel_name: &channel,
                    rtc_user: user,
                    rtc_role: o.rtc_role("rtc_role", role)?,
                    rtc_token_expire: te,
                    privileges: ex,
                    rtm_user_id: &rtm_user_id,
                    rtm_token_expire: rtm_token_expire as u32,
                };
                match (kind, o.lenient) {
                    (RTC_CONVOAI, false) => convoai::token(&app_id, &params)?,
                    (RTC_CONVOAI, true) => convoai::token_unchecked(&app_id, &params),
                    (RTC_STT, false) => stt::token(&app_id, &params)?,
                    (RTC_STT, true) => stt::token_unchecked(&app_id, &params),
                    (_, false) => rtc::with_rtm2(&app_id, &params)?,
                    (_, true) => rtc::with_rtm2_unchecked(&app_id, &params),
                }
            }
            _ => return Err(JavaError::Internal(format!("rtc: unknown kind {kind}"))),
        };
        o.sign007(token, &cert)
    })
}

/// `Native.rtm`: an RTM login token, or an RTM 2.x token with resource
/// permissions when `permission_header` is not `null` (triples of resource
/// type, permission type and the number of its `resources`).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_rtm<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_id: JString<'l>,
    expire: jint,
    permission_header: JIntArray<'l>,
    resources: JObjectArray<'l>,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let user_id = args::string(env, &user_id, "user_id")?;
        let o = Options::new(flags, issue_ts, salt);
        let expire = expire as u32;
        let token = if permission_header.is_null() {
            pick!(
                o.lenient,
                rtm::token(&app_id, &user_id, expire),
                rtm::token_unchecked(&app_id, &user_id, expire)
            )
        } else {
            let header = args::ints(env, &permission_header)?;
            let mut list = args::strings(env, &resources)?.into_iter();
            let perms = args::permissions(&header, &mut list)?;
            pick!(
                o.lenient,
                rtm::token_with_permissions(&app_id, &user_id, perms, expire),
                rtm::token_with_permissions_unchecked(&app_id, &user_id, perms, expire)
            )
        };
        o.sign007(token, &cert)
    })
}

/// `Native.chat`: a Chat user token, or an app token when `user_id` is
/// `null`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_chat<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_id: JString<'l>,
    expire: jint,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let user_id = args::optional_string(env, &user_id)?;
        let o = Options::new(flags, issue_ts, salt);
        let expire = expire as u32;
        let token = match user_id {
            None => chat::app_token(&app_id, expire)?,
            Some(u) => pick!(
                o.lenient,
                chat::user_token(&app_id, &u, expire),
                chat::user_token_unchecked(&app_id, &u, expire)
            ),
        };
        o.sign007(token, &cert)
    })
}

/// `Native.fpa`: an FPA login token valid 24 hours.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_fpa<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        Options::new(flags, issue_ts, salt).sign007(fpa::token(&app_id)?, &cert)
    })
}

/// APaaS `kind` of `Native.apaas`: a room-user token.
pub const APAAS_ROOM_USER: jint = 0;
/// A user token.
pub const APAAS_USER: jint = 1;
/// An app token.
pub const APAAS_APP: jint = 2;

/// `Native.apaas`: the APaaS (and Education, the same builders) tokens,
/// chosen by `kind` (`APAAS_*`).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_apaas<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    kind: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    room_uuid: JString<'l>,
    user_uuid: JString<'l>,
    role: jint,
    expire: jint,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let o = Options::new(flags, issue_ts, salt);
        let expire = expire as u32;
        let token = match kind {
            APAAS_ROOM_USER => {
                let room = args::string(env, &room_uuid, "room_uuid")?;
                let user = args::string(env, &user_uuid, "user_uuid")?;
                let role = role as i16;
                pick!(
                    o.lenient,
                    apaas::room_user_token(&app_id, &room, &user, role, expire),
                    apaas::room_user_token_unchecked(&app_id, &room, &user, role, expire)
                )
            }
            APAAS_USER => {
                let user = args::string(env, &user_uuid, "user_uuid")?;
                pick!(
                    o.lenient,
                    apaas::user_token(&app_id, &user, expire),
                    apaas::user_token_unchecked(&app_id, &user, expire)
                )
            }
            _ => apaas::app_token(&app_id, expire)?,
        };
        o.sign007(token, &cert)
    })
}

/// `Native.services`: a 007 token from explicit services (any type, packed
/// sorted by type). `header` holds four ints per service (type, privilege
/// count, APaaS role, permission count); `privileges` the (id, expire)
/// pairs of all services in order; `texts` six strings per service
/// (channel name, uid, account, user ID, room UUID, user UUID; `null` where
/// the type has no such field); `permission_header` and `resources` the
/// RTM 2.x permissions as in `Native.rtm`. Only the app ID, the certificate
/// and the fields each type needs are checked.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_services<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    expire: jint,
    header: JIntArray<'l>,
    privileges: JIntArray<'l>,
    texts: JObjectArray<'l>,
    permission_header: JIntArray<'l>,
    resources: JObjectArray<'l>,
    flags: jint,
    issue_ts: jint,
    salt: jint,
) -> jstring {
    const TEXTS: [TextField; 6] = [
        TextField::ChannelName,
        TextField::Uid,
        TextField::Account,
        TextField::UserId,
        TextField::RoomUuid,
        TextField::UserUuid,
    ];
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let header = args::ints(env, &header)?;
        let privileges = args::ints(env, &privileges)?;
        let mut texts = args::strings(env, &texts)?.into_iter();
        let perm_header = args::ints(env, &permission_header)?;
        let mut resources = args::strings(env, &resources)?.into_iter();
        let (mut next_privilege, mut next_permission) =
            (privileges.chunks(2), perm_header.chunks(3));
        let mut token = v007::AccessToken2::new(app_id, expire as u32);
        for s in header.chunks(4) {
            let [service_type, privilege_count, role, permission_count] = *s else {
                return Err(JavaError::Internal(
                    "services: four ints per service".into(),
                ));
            };
            let mut spec = ServiceSpec::new(service_type as u16);
            for p in next_privilege.by_ref().take(privilege_count as usize) {
                spec.privileges.add(p[0] as u16, p[1] as u32);
            }
            for field in TEXTS {
                if let Some(v) = texts.next().flatten() {
                    *spec.text_mut(field) = Some(v);
                }
            }
            let own = service::fields(spec.service_type).unwrap_or(&[]);
            if own.contains(&Field::Role) {
                spec.role = Some(role as i16);
            }
            let perms: Vec<jint> = next_permission
                .by_ref()
                .take(permission_count as usize)
                .flatten()
                .copied()
                .collect();
            if own.contains(&Field::Permissions) {
                spec.permissions = Some(args::permissions(&perms, &mut resources)?);
            }
            token.add_service(Service::try_from(spec)?);
        }
        Options::new(flags, issue_ts, salt).sign007(token, &cert)
    })
}

/// `Native.rtc006`: a 006 RTC token for `account`, or the unsigned `uid`
/// when `account` is `null`; `privilege_expired_ts` is absolute.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_rtc006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jint,
    role: jint,
    privilege_expired_ts: jint,
    flags: jint,
    salt: jint,
    ts: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let channel = args::string(env, &channel_name, "channel_name")?;
        let account = args::optional_string(env, &account)?;
        let user = args::user(&account, uid);
        let o = Options::new(flags, salt, ts);
        let role = o.rtc006_role(role)?;
        let pts = privilege_expired_ts as u32;
        let token = pick!(
            o.lenient,
            v006::rtc::with_user(&app_id, &channel, user, role, pts),
            v006::rtc::with_user_unchecked(&app_id, &channel, user, role, pts)
        );
        o.sign006(token, &cert)
    })
}

/// `Native.rtm006`: a 006 RTM login token; `privilege_expired_ts` is
/// absolute.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_rtm006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_account: JString<'l>,
    privilege_expired_ts: jint,
    flags: jint,
    salt: jint,
    ts: jint,
) -> jstring {
    guard(&mut env, |env| {
        let app_id = args::string(env, &app_id, "app_id")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let account = args::string(env, &user_account, "user_account")?;
        let o = Options::new(flags, salt, ts);
        let pts = privilege_expired_ts as u32;
        let token = pick!(
            o.lenient,
            v006::rtm::token(&app_id, &account, pts),
            v006::rtm::token_unchecked(&app_id, &account, pts)
        );
        o.sign006(token, &cert)
    })
}

/// `Native.randomSalt`: a salt as token-core draws it (uniform in
/// [1, 99999999], from the OS CSPRNG), for the drop-in `AccessToken2`
/// constructor.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_randomSalt<'l>(
    _env: JNIEnv<'l>,
    _class: JClass<'l>,
) -> jint {
    token_core::codec::random_salt() as jint
}

/// `Native.uidStr`: the account text of a uid as token-core packs it (`""`
/// for 0, else the unsigned decimal), for `AccessToken2.getUidStr`.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_uidStr<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    uid: jint,
) -> jstring {
    guard(&mut env, |_| {
        Ok(Some(token_core::validate::uid_to_account(uid as u32)))
    })
}
