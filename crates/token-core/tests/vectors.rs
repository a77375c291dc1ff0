//! Official test vectors (`tests/vectors/*.json`, written by
//! `scripts/gen-vectors` from npm `agora-token@2.0.6`, npm
//! `agora-access-token` and PyPI `agoraiotools==0.3.4`).
//!
//! For every case we build the same token with the same issue ts and salt and
//! require byte-identical *decompressed* content, signature included. The
//! compressed bytes may legitimately differ: zlib implementations (and
//! levels) are free to choose different encodings of the same data. 006 and
//! legacy keys are not compressed, so those must match as text.
//!
//! We also parse and verify every official token, and check that a different
//! certificate is rejected.

use std::path::PathBuf;

use serde_json::Value;
use token_core::builder::rtc::{PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{self, User};
use token_core::check::{self, Action, Publish, Request};
use token_core::legacy::{dynamic_key3, dynamic_key4, dynamic_key5, signaling};
use token_core::service::{self, Rtm2Permissions, Service};
use token_core::v006;
use token_core::v007::{self, AccessToken2};
use token_core::ErrorKind;

struct Case {
    file: String,
    name: String,
    builder: String,
    inputs: Value,
    token: String,
}

impl Case {
    fn str(&self, key: &str) -> &str {
        self.inputs[key]
            .as_str()
            .unwrap_or_else(|| panic!("{}: input {key} is not a string", self.name))
    }

    fn u32(&self, key: &str) -> u32 {
        let v = self.inputs[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{}: input {key} is not a number", self.name));
        u32::try_from(v).unwrap()
    }

    fn i64(&self, key: &str) -> i64 {
        self.inputs[key].as_i64().unwrap()
    }

    fn cert(&self) -> &str {
        self.str("app_certificate")
    }

    fn app_id(&self) -> &str {
        self.str("app_id")
    }

    /// `uid` (number) or `account` (string), whichever the case has.
    fn user(&self, uid_key: &str, account_key: &str) -> User<'_> {
        match &self.inputs[uid_key] {
            Value::Number(_) => User::Uid(self.u32(uid_key)),
            _ => match &self.inputs[account_key] {
                Value::Number(_) => User::Uid(self.u32(account_key)),
                _ => User::Account(self.str(account_key)),
            },
        }
    }

    fn expires(&self) -> PrivilegeExpires {
        PrivilegeExpires {
            join_channel: self.u32("join_channel_privilege_expire"),
            publish_audio_stream: self.u32("pub_audio_privilege_expire"),
            publish_video_stream: self.u32("pub_video_privilege_expire"),
            publish_data_stream: self.u32("pub_data_stream_privilege_expire"),
        }
    }

    fn rtc_rtm(&self) -> RtcRtmParams<'_> {
        RtcRtmParams {
            channel_name: self.str("channel_name"),
            rtc_user: self.user("rtc_uid", "rtc_account"),
            rtc_role: Role::try_from(self.i64("rtc_role")).unwrap(),
            rtc_token_expire: self.u32("rtc_token_expire"),
            privileges: self.expires(),
            rtm_user_id: self.str("rtm_user_id"),
            rtm_token_expire: self.u32("rtm_token_expire"),
        }
    }
}

fn load() -> Vec<Case> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the vector files in {}",
        dir.display()
    );
    let mut cases = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let list: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(!list.is_empty(), "{file} has no case");
        for v in list {
            cases.push(Case {
                file: file.clone(),
                name: v["name"].as_str().unwrap().to_string(),
                builder: v["builder"].as_str().unwrap().to_string(),
                inputs: v["inputs"].clone(),
                token: v["token"].as_str().unwrap().to_string(),
            });
        }
    }
    cases
}

fn permissions(v: &Value) -> Rtm2Permissions {
    let mut p = Rtm2Permissions::default();
    for entry in v.as_array().unwrap() {
        let resources: Vec<&str> = entry["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        p.add(
            entry["resource_type"].as_u64().unwrap() as u16,
            entry["permission_type"].as_u64().unwrap() as u16,
            resources,
        );
    }
    p
}

fn field(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Number(n) if n.as_u64() == Some(0) => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => panic!("unexpected {key}: {other}"),
    }
}

/// A service described in `services007.json`.
fn service(v: &Value) -> Service {
    let mut s = match v["type"].as_u64().unwrap() as u16 {
        service::service_type::RTC => Service::Rtc(service::Rtc {
            channel_name: field(v, "channel_name"),
            uid: field(v, "uid"),
            ..Default::default()
        }),
        service::service_type::RTM => Service::Rtm(service::Rtm {
            user_id: field(v, "user_id"),
            ..Default::default()
        }),
        service::service_type::STREAMING => Service::Streaming(service::Streaming {
            channel_name: field(v, "channel_name"),
            account: field(v, "account"),
            ..Default::default()
        }),
        service::service_type::FPA => Service::Fpa(Default::default()),
        service::service_type::CHAT => Service::Chat(service::Chat {
            user_id: field(v, "user_id"),
            ..Default::default()
        }),
        service::service_type::FCDN => Service::Fcdn(service::Fcdn {
            channel_name: field(v, "channel_name"),
            account: field(v, "account"),
            ..Default::default()
        }),
        service::service_type::APAAS => Service::Apaas(service::Apaas {
            room_uuid: field(v, "room_uuid"),
            user_uuid: field(v, "user_uuid"),
            role: v["role"].as_i64().unwrap_or(-1) as i16,
            ..Default::default()
        }),
        service::service_type::RTM2 => Service::Rtm2(service::Rtm2 {
            user_id: field(v, "user_id"),
            permissions: permissions(&v["permissions"]),
            ..Default::default()
        }),
        service::service_type::CONVOAI => Service::ConvoAi(Default::default()),
        service::service_type::STT => Service::Stt(Default::default()),
        t => panic!("unknown service type {t} in vectors"),
    };
    if let Some(map) = v["privileges"].as_object() {
        for (id, expire) in map {
            s.privileges_mut()
                .add(id.parse().unwrap(), expire.as_u64().unwrap() as u32);
        }
    }
    s
}

/// `$checked` or, when `checked_mode` is false, its `_unchecked` twin.
macro_rules! pick {
    ($checked_mode:expr, $checked:expr, $unchecked:expr) => {
        if $checked_mode {
            $checked
        } else {
            Ok($unchecked)
        }
    };
}

/// Builds our 007 token (unsigned) for a case: with the checked builders when
/// they accept the inputs, else with the `_unchecked` twins (the official
/// builders accept e.g. an empty account; token-core's checked ones refuse).
fn build007(c: &Case) -> AccessToken2 {
    match build007_with(c, true) {
        Ok(t) => t,
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{}: {e}", c.name);
            build007_with(c, false).unwrap()
        }
    }
    .with_issue(c.u32("issue_ts"), c.u32("salt"))
}

fn build007_with(c: &Case, checked: bool) -> token_core::Result<AccessToken2> {
    let app_id = c.app_id();
    let role = || Role::try_from(c.i64("role")).unwrap();
    match c.builder.as_str() {
        "rtc.with_uid" | "rtc.with_user_account" => {
            let (ch, user) = (c.str("channel_name"), c.user("uid", "account"));
            let (te, pe) = (c.u32("token_expire"), c.u32("privilege_expire"));
            pick!(
                checked,
                builder::rtc::with_user(app_id, ch, user, role(), te, pe),
                builder::rtc::with_user_unchecked(app_id, ch, user, role(), te, pe)
            )
        }
        "rtc.with_uid_and_privilege" | "rtc.with_user_account_and_privilege" => {
            let (ch, user) = (c.str("channel_name"), c.user("uid", "account"));
            let (te, ex) = (c.u32("token_expire"), c.expires());
            pick!(
                checked,
                builder::rtc::with_privileges(app_id, ch, user, te, &ex),
                builder::rtc::with_privileges_unchecked(app_id, ch, user, te, &ex)
            )
        }
        "rtc.with_rtm" => {
            let (ch, account) = (c.str("channel_name"), c.str("account"));
            let (te, pe) = (c.u32("token_expire"), c.u32("privilege_expire"));
            pick!(
                checked,
                builder::rtc::with_rtm(app_id, ch, account, role(), te, pe),
                builder::rtc::with_rtm_unchecked(app_id, ch, account, role(), te, pe)
            )
        }
        "rtc.with_rtm2" => pick!(
            checked,
            builder::rtc::with_rtm2(app_id, &c.rtc_rtm()),
            builder::rtc::with_rtm2_unchecked(app_id, &c.rtc_rtm())
        ),
        "convoai.token" => pick!(
            checked,
            builder::convoai::token(app_id, &c.rtc_rtm()),
            builder::convoai::token_unchecked(app_id, &c.rtc_rtm())
        ),
        "stt.token" => pick!(
            checked,
            builder::stt::token(app_id, &c.rtc_rtm()),
            builder::stt::token_unchecked(app_id, &c.rtc_rtm())
        ),
        "rtm.token" => {
            let (user_id, expire) = (c.str("user_id"), c.u32("expire"));
            pick!(
                checked,
                builder::rtm::token(app_id, user_id, expire),
                builder::rtm::token_unchecked(app_id, user_id, expire)
            )
        }
        "rtm.token_with_permissions" => {
            let p = permissions(&c.inputs["permissions"]);
            let (user_id, expire) = (c.str("user_id"), c.u32("expire"));
            pick!(
                checked,
                builder::rtm::token_with_permissions(app_id, user_id, p.clone(), expire),
                builder::rtm::token_with_permissions_unchecked(app_id, user_id, p, expire)
            )
        }
        "chat.user" => {
            let (user_id, expire) = (c.str("user_id"), c.u32("expire"));
            pick!(
                checked,
                builder::chat::user_token(app_id, user_id, expire),
                builder::chat::user_token_unchecked(app_id, user_id, expire)
            )
        }
        "chat.app" => builder::chat::app_token(app_id, c.u32("expire")),
        "fpa.token" => builder::fpa::token(app_id),
        "apaas.room_user" | "education.room_user" => {
            let (room, user) = (c.str("room_uuid"), c.str("user_uuid"));
            let (role, expire) = (c.i64("role") as i16, c.u32("expire"));
            pick!(
                checked,
                builder::education::room_user_token(app_id, room, user, role, expire),
                builder::apaas::room_user_token_unchecked(app_id, room, user, role, expire)
            )
        }
        "apaas.user" | "education.user" => {
            let (user, expire) = (c.str("user_uuid"), c.u32("expire"));
            pick!(
                checked,
                builder::education::user_token(app_id, user, expire),
                builder::apaas::user_token_unchecked(app_id, user, expire)
            )
        }
        "apaas.app" => builder::apaas::app_token(app_id, c.u32("expire")),
        "education.app" => builder::education::app_token(app_id, c.u32("expire")),
        "access_token2.services" => {
            let mut t = AccessToken2::new(app_id, c.u32("expire"));
            for s in c.inputs["services"].as_array().unwrap() {
                t.add_service(service(s));
            }
            Ok(t)
        }
        other => panic!("{}: no mapping for 007 builder {other}", c.name),
    }
}

/// The token as a parser sees it: services in wire order (stable by type).
fn wire_order(mut t: AccessToken2) -> AccessToken2 {
    t.services.sort_by_key(Service::service_type);
    t
}

fn check007(c: &Case) {
    let ours = build007(c);
    let text = ours.build(c.cert()).unwrap();
    assert_eq!(
        v007::decode_content(&text).unwrap(),
        v007::decode_content(&c.token).unwrap(),
        "{} ({}): decompressed content differs",
        c.name,
        c.file
    );
    let parsed = v007::verify(&c.token, c.cert()).unwrap();
    assert_eq!(parsed.token, wire_order(ours), "{}: parsed fields", c.name);
    assert_eq!(parsed.unknown_service_type, None);
    assert_other_cert_rejected(c, |cert| v007::verify(&c.token, cert).map(drop));
}

fn assert_other_cert_rejected(c: &Case, verify: impl Fn(&str) -> token_core::Result<()>) {
    let mut other = c.cert().to_string();
    let last = if other.ends_with('0') { "1" } else { "0" };
    other.replace_range(31.., last);
    assert_eq!(
        verify(&other).unwrap_err().kind(),
        ErrorKind::SignatureMismatch,
        "{}: another certificate must be rejected",
        c.name
    );
}

fn check006(c: &Case) {
    let app_id = c.app_id();
    let (token, channel, uid) = match c.builder.as_str() {
        "rtc006.with_uid" | "rtc006.with_user_account" => {
            let user = c.user("uid", "account");
            let role = v006::rtc::Role::try_from(c.i64("role")).unwrap();
            let t = v006::rtc::with_user(
                app_id,
                c.str("channel_name"),
                user,
                role,
                c.u32("privilege_expired_ts"),
            );
            (t, c.str("channel_name").to_string(), user.account())
        }
        "rtm006.token" => {
            let t = v006::rtm::token(app_id, c.str("user_account"), c.u32("privilege_expired_ts"));
            (t, c.str("user_account").to_string(), String::new())
        }
        other => panic!("{}: no mapping for 006 builder {other}", c.name),
    };
    let ours = token
        .unwrap_or_else(|e| panic!("{}: {e}", c.name))
        .with_salt_and_ts(c.u32("salt"), c.u32("ts"));
    assert_eq!(ours.build(c.cert()).unwrap(), c.token, "{}", c.name);
    let parsed = v006::verify(&c.token, c.cert(), &channel, &uid).unwrap();
    assert_eq!(parsed.privileges, ours.privileges);
    assert_other_cert_rejected(c, |cert| {
        v006::verify(&c.token, cert, &channel, &uid).map(drop)
    });
}

fn check_legacy(c: &Case) {
    let (app_id, cert) = (c.app_id(), c.cert());
    let kind4 = |b: &str| match b {
        "public_sharing" => dynamic_key4::Kind::PublicSharing,
        "recording" => dynamic_key4::Kind::Recording,
        _ => dynamic_key4::Kind::MediaChannel,
    };
    let kind5 = |b: &str| match b {
        "public_sharing" => dynamic_key5::Kind::PublicSharing,
        "recording" => dynamic_key5::Kind::Recording,
        "in_channel_permission" => dynamic_key5::Kind::InChannelPermission,
        _ => dynamic_key5::Kind::MediaChannel,
    };
    let (family, kind) = c.builder.split_once('.').unwrap();
    let (channel, uid) = (
        c.inputs["channel_name"].as_str().unwrap_or(""),
        c.inputs["uid"].as_u64().unwrap_or(0) as u32,
    );
    let ours = match family {
        "dk3" => dynamic_key3::generate(
            app_id,
            cert,
            channel,
            c.u32("unix_ts"),
            c.u32("random_int"),
            uid,
            c.u32("expired_ts"),
        ),
        "dk4" => dynamic_key4::generate(
            kind4(kind),
            app_id,
            cert,
            channel,
            c.u32("unix_ts"),
            c.u32("random_int"),
            uid,
            c.u32("expired_ts"),
        ),
        "dk5" => dynamic_key5::generate(
            kind5(kind),
            app_id,
            cert,
            channel,
            c.u32("unix_ts"),
            c.u32("random_int"),
            uid,
            c.u32("expired_ts"),
            c.inputs["permission"].as_str(),
        ),
        "signaling" => signaling::token(c.str("account"), app_id, cert, c.u32("expired_ts")),
        other => panic!("{}: no mapping for legacy builder {other}", c.name),
    }
    .unwrap_or_else(|e| panic!("{}: {e}", c.name));
    assert_eq!(ours, c.token, "{}", c.name);
    let verify = |cert: &str| -> token_core::Result<()> {
        match family {
            "dk3" => dynamic_key3::verify(&c.token, cert, channel).map(drop),
            "dk4" => dynamic_key4::verify(&c.token, kind4(kind), cert, channel, uid).map(drop),
            "dk5" => dynamic_key5::verify(&c.token, cert, channel, uid).map(drop),
            _ => signaling::verify(&c.token, c.str("account"), cert).map(drop),
        }
    };
    verify(cert).unwrap_or_else(|e| panic!("{}: {e}", c.name));
    assert_other_cert_rejected(c, verify);
}

#[test]
fn every_official_vector_matches() {
    let cases = load();
    let mut checked = 0;
    for c in cases.iter().filter(|c| !c.file.starts_with("divergent_")) {
        if c.token.starts_with("007") {
            check007(c);
        } else if c.token.starts_with("006") {
            check006(c);
        } else {
            check_legacy(c);
        }
        checked += 1;
    }
    assert!(checked >= 150, "only {checked} vectors");
    eprintln!("{checked} official vectors matched");
}

/// npm agora-token 2.0.6 gives the APaaS service of a room-user token no
/// privilege (Go, C++ and Python give it the room-user privilege, as token-core
/// does). Its tokens must still parse and verify, and differ from ours exactly
/// there.
#[test]
fn divergent_node_room_user_tokens_parse_and_differ_only_in_the_apaas_privilege() {
    let cases: Vec<Case> = load()
        .into_iter()
        .filter(|c| c.file.starts_with("divergent_"))
        .collect();
    assert!(!cases.is_empty());
    for c in &cases {
        let theirs = v007::verify(&c.token, c.cert()).unwrap().token;
        let mut ours = build007(c);
        let Service::Apaas(apaas) = &mut ours.services[0] else {
            panic!("{}: first service is not APaaS", c.name)
        };
        assert!(apaas.privileges.get(service::Apaas::ROOM_USER).is_some());
        apaas.privileges = Default::default();
        if c.i64("role") == 0 {
            apaas.role = -1; // Node's `role || -1`
        }
        assert_eq!(theirs, wire_order(ours), "{}", c.name);
    }
}

/// The request a client of a vector's token makes, the time it makes it (at
/// issue), and a request for another channel or user. `None` for the
/// generic service lists and the legacy keys.
fn client_request(c: &Case) -> Option<(Action, Action, u64)> {
    let rtc_user = |uid_key: &str, account_key: &str| match c.user(uid_key, account_key) {
        User::Uid(uid) => uid.to_string(),
        User::Account(a) => a.to_string(),
    };
    let rtc = |channel: &str, uid: String, publish: bool| Action::RtcJoin {
        channel_name: channel.to_string(),
        uid,
        publish: Publish {
            audio: publish,
            video: publish,
            data: publish,
        },
    };
    let issued = |c: &Case| c.u32("issue_ts") as u64;
    let rtm = |user: &str| Action::RtmLogin {
        user_id: user.to_string(),
    };
    let (group, kind) = c.builder.split_once('.').unwrap();
    let (action, other, now) = match (group, kind) {
        ("rtc", "with_uid" | "with_user_account" | "with_rtm") => {
            let uid = rtc_user("uid", "account");
            let publish = c.i64("role") == 1;
            let channel = c.str("channel_name");
            (
                rtc(channel, uid, publish),
                rtc("another", "7".into(), false),
                issued(c),
            )
        }
        ("rtc", _) | ("convoai" | "stt", _) => {
            let (uid, publish) = match kind {
                "with_uid_and_privilege" | "with_user_account_and_privilege" => {
                    (rtc_user("uid", "account"), true)
                }
                _ => (rtc_user("rtc_uid", "rtc_account"), c.i64("rtc_role") == 1),
            };
            let channel = c.str("channel_name");
            (
                rtc(channel, uid, publish),
                rtc("another", "7".into(), false),
                issued(c),
            )
        }
        ("rtm", _) => (rtm(c.str("user_id")), rtm("another"), issued(c)),
        ("chat", "user") => (
            Action::ChatUser {
                user_id: c.str("user_id").into(),
            },
            Action::ChatUser {
                user_id: "another".into(),
            },
            issued(c),
        ),
        ("chat", _) => (
            Action::ChatApp,
            Action::ChatUser {
                user_id: "x".into(),
            },
            issued(c),
        ),
        ("fpa", _) => (Action::FpaLogin, Action::ChatApp, issued(c)),
        ("apaas" | "education", "room_user") => {
            let enter = |room: &str| Action::ApaasRoomUser {
                room_uuid: room.into(),
                user_uuid: c.str("user_uuid").into(),
            };
            (enter(c.str("room_uuid")), enter("another"), issued(c))
        }
        ("apaas" | "education", "user") => {
            let user = |u: &str| Action::ApaasUser {
                user_uuid: u.into(),
            };
            (user(c.str("user_uuid")), user("another"), issued(c))
        }
        ("apaas" | "education", _) => (Action::ApaasApp, Action::FpaLogin, issued(c)),
        ("rtc006", _) => {
            let uid = rtc_user("uid", "account");
            let publish = c.i64("role") != 2;
            let channel = c.str("channel_name");
            let now = before006(c);
            (
                rtc(channel, uid, publish),
                rtc("another", "7".into(), false),
                now,
            )
        }
        ("rtm006", _) => {
            let now = before006(c);
            (rtm(c.str("user_account")), rtm("another"), now)
        }
        _ => return None,
    };
    Some((action, other, now))
}

/// A second before a 006 vector's privileges (or, when they have no limit, the
/// token) expire.
fn before006(c: &Case) -> u64 {
    let privileges = c.u32("privilege_expired_ts");
    let at = if privileges != 0 {
        privileges
    } else {
        c.u32("ts")
    };
    at as u64 - 1
}

/// Every official token admits the client it was built for, and refuses it
/// with another certificate, another app ID, after expiry, and for another
/// channel, user or service.
#[test]
fn every_official_token_passes_the_check_engine_for_its_own_client() {
    let mut checked = 0;
    for c in load().iter().filter(|c| !c.file.starts_with("divergent_")) {
        let Some((action, other, now)) = client_request(c) else {
            continue;
        };
        let codes = |cert: &str, request: &Request, now: u64| -> Vec<&'static str> {
            let r = check::check(&c.token, cert, request, now)
                .unwrap_or_else(|e| panic!("{}: {e}", c.name));
            r.reasons.iter().map(|x| x.code()).collect()
        };
        let request = Request::new(action).with_app_id(c.app_id());
        assert_eq!(
            codes(c.cert(), &request, now),
            [] as [&str; 0],
            "{}",
            c.name
        );
        assert_eq!(
            codes("0123456789abcdef0123456789abcdef", &request, now),
            ["bad_signature"],
            "{}",
            c.name
        );
        let mut wrong_app = request.clone();
        wrong_app.app_id = Some("0123456789abcdef0123456789abcdef".into());
        assert_eq!(
            codes(c.cert(), &wrong_app, now),
            ["wrong_app_id"],
            "{}",
            c.name
        );
        let refused = codes(c.cert(), &Request::new(other), now);
        assert!(
            refused.iter().any(|r| [
                "channel_mismatch",
                "user_mismatch",
                "room_mismatch",
                "service_missing",
                "privilege_missing"
            ]
            .contains(r)),
            "{}: {refused:?}",
            c.name
        );
        let expires_at = check::check(&c.token, c.cert(), &request, now)
            .unwrap()
            .expires_at;
        if let Some(at) = expires_at {
            assert!(
                codes(c.cert(), &request, at).contains(&"token_expired"),
                "{}",
                c.name
            );
        }
        checked += 1;
    }
    assert!(checked >= 140, "only {checked} vectors checked");
}
