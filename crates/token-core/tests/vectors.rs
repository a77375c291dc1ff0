//! Official test vectors (`tests/vectors/*.json`, written by
//! `scripts/gen-vectors` from npm `agora-token@2.0.6`, npm
//! `agora-access-token` and PyPI `agoraiotools==0.3.4`).
//!
//! For every case we build the same token with the same issue ts and salt and
//! require byte-identical *decompressed* content, signature included. Where
//! the official package compresses with stock zlib at level 6 (PyPI
//! `agoraiotools`) the 007 token text must be identical too: token-core's
//! encoder writes zlib's bytes. npm `agora-token` runs on Node, whose zlib
//! (Chromium's fork) encodes differently, so there only the content is
//! compared (README, "Known differences"). 006 and legacy keys are not
//! compressed, so those must match as text.
//!
//! We also parse and verify every official token, and check that a different
//! certificate is rejected.

use std::path::PathBuf;

use serde_json::Value;
use token_core::builder::User;
use token_core::check::{self, Action, Publish, Request};
use token_core::codec;
use token_core::service::{self, Service};
use token_core::v006;
use token_core::v007::{self, AccessToken2};
use token_core::ErrorKind;

struct Case {
    file: String,
    name: String,
    source: String,
    builder: String,
    inputs: Value,
    token: String,
}

// The mapping of builder names and inputs to token-core calls, shared with
// the conformance suite's core runner.
#[path = "../../../tests/conformance/core-runner/src/cases.rs"]
mod cases;

impl Case {
    fn inputs(&self) -> cases::Inputs<'_> {
        cases::Inputs(&self.inputs)
    }

    fn ok<T>(&self, r: token_core::Result<T>) -> T {
        r.unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    fn str(&self, key: &str) -> &str {
        self.ok(self.inputs().str(key))
    }

    fn u32(&self, key: &str) -> u32 {
        self.ok(self.inputs().u32(key))
    }

    fn i64(&self, key: &str) -> i64 {
        self.ok(self.inputs().i64(key))
    }

    fn cert(&self) -> &str {
        self.str("app_certificate")
    }

    fn app_id(&self) -> &str {
        self.str("app_id")
    }

    /// `uid` (number) or `account` (string), whichever the case has.
    fn user(&self, uid_key: &str, account_key: &str) -> User<'_> {
        self.ok(self.inputs().user(uid_key, account_key))
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
                source: v["source"].as_str().unwrap().to_string(),
                builder: v["builder"].as_str().unwrap().to_string(),
                inputs: v["inputs"].clone(),
                token: v["token"].as_str().unwrap().to_string(),
            });
        }
    }
    cases
}

/// Builds our 007 token (unsigned) for a case: with the checked builders when
/// they accept the inputs, else with the `_unchecked` twins (the official
/// builders accept e.g. an empty account; token-core's checked ones refuse).
fn build007(c: &Case) -> AccessToken2 {
    match cases::build007(&c.builder, &c.inputs(), true) {
        Ok(t) => t,
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{}: {e}", c.name);
            c.ok(cases::build007(&c.builder, &c.inputs(), false))
        }
    }
    .with_issue(c.u32("issue_ts"), c.u32("salt"))
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
    if c.source.starts_with("pypi:") {
        assert_eq!(text, c.token, "{} ({}): token text differs", c.name, c.file);
    }
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
    let (ours, channel, uid) = c.ok(cases::build006(&c.builder, &c.inputs()));
    assert_eq!(ours.build(c.cert()).unwrap(), c.token, "{}", c.name);
    let parsed = v006::verify(&c.token, c.cert(), &channel, &uid).unwrap();
    assert_eq!(parsed.privileges, ours.privileges);
    assert_other_cert_rejected(c, |cert| {
        v006::verify(&c.token, cert, &channel, &uid).map(drop)
    });
}

fn check_legacy(c: &Case) {
    let ours = c.ok(cases::legacy(&c.builder, &c.inputs()));
    assert_eq!(ours, c.token, "{}", c.name);
    let verify = |cert: &str| cases::legacy_verify(&c.builder, &c.inputs(), &c.token, cert);
    c.ok(verify(c.cert()));
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

/// Stock zlib's `compress2(.., 6)` (flate2 over the system zlib or libz-sys'
/// bundled one).
fn zlib_level6(data: &[u8]) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::new(6), true);
    let mut out = Vec::with_capacity(data.len() + 64);
    let status = c
        .compress_vec(data, &mut out, flate2::FlushCompress::Finish)
        .unwrap();
    assert_eq!(status, flate2::Status::StreamEnd);
    out
}

/// Every official 007 token's content (npm's included) compresses with
/// token-core exactly as with stock zlib; PyPI's tokens are those very bytes,
/// npm's (Node's zlib) only sometimes.
#[test]
fn every_official_content_compresses_as_stock_zlib_does() {
    let (mut npm, mut npm_same, mut pypi) = (0, 0, 0);
    for c in load().iter().filter(|c| c.token.starts_with("007")) {
        let official = codec::base64_decode(&c.token[3..]).unwrap();
        let content = codec::inflate(&official).unwrap();
        let ours = codec::deflate(&content);
        assert_eq!(ours, zlib_level6(&content), "{}: not zlib's bytes", c.name);
        if c.source.starts_with("pypi:") {
            assert_eq!(ours, official, "{}: not PyPI's bytes", c.name);
            pypi += 1;
        } else if c.source.starts_with("npm:") {
            npm += 1;
            npm_same += (ours == official) as usize;
        }
    }
    assert!(
        pypi >= 50 && npm >= 90,
        "only {pypi} PyPI and {npm} npm 007 vectors"
    );
    eprintln!("007 text identical: PyPI {pypi}/{pypi}, npm (Node's zlib) {npm_same}/{npm}");
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

/// The JSON text written straight from a token is the JSON value form, and
/// its camelCase spelling differs in key names only, for every official token.
#[test]
fn json_text_and_value_forms_agree_on_every_official_token() {
    use token_core::json::{to_json, to_json_string, Keys};
    let mut checked = 0;
    for c in load()
        .iter()
        .filter(|c| ["006", "007"].contains(&&c.token[..3]))
    {
        let parsed = token_core::parse(&c.token).unwrap();
        let value = to_json(&parsed);
        let snake: Value = serde_json::from_str(&to_json_string(&parsed, Keys::Snake)).unwrap();
        assert_eq!(snake, value, "{}", c.name);
        let camel_text: Value =
            serde_json::from_str(&to_json_string(&parsed, Keys::Camel)).unwrap();
        assert_eq!(camel_text, Keys::Camel.respell(value.clone()), "{}", c.name);
        checked += 1;
    }
    assert!(checked >= 150, "only {checked}");
}
