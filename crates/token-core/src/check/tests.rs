//! One test per reason, on 007 and 006 tokens. The vectors of the official
//! packages are checked in `tests/vectors.rs`.

use super::*;
use crate::builder::{apaas, chat, fpa, rtc, rtm};
use crate::v006;

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const OTHER_APP_ID: &str = "00000000000000000000000000000001";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const OTHER_CERT: &str = "0123456789abcdef0123456789abcdef";
const ISSUE: u32 = 1_700_000_000;

fn rtc007(uid: u32, role: rtc::Role, token_expire: u32, privilege_expire: u32) -> String {
    rtc::with_uid(APP_ID, "room", uid, role, token_expire, privilege_expire)
        .unwrap()
        .with_issue(ISSUE, 7)
        .build(CERT)
        .unwrap()
}

fn rtc006(uid: u32, role: v006::rtc::Role, expired_ts: u32) -> String {
    v006::rtc::with_uid(APP_ID, "room", uid, role, expired_ts)
        .unwrap()
        .with_salt_and_ts(7, ISSUE + 86_400)
        .build(CERT)
        .unwrap()
}

fn join(channel: &str, uid: &str, audio: bool) -> Request {
    Request::new(Action::RtcJoin {
        channel_name: channel.into(),
        uid: uid.into(),
        publish: Publish {
            audio,
            ..Publish::default()
        },
    })
}

fn codes(token: &str, cert: &str, request: &Request, now: u32) -> Vec<&'static str> {
    let report = check(token, cert, request, now as u64).unwrap();
    report.reasons.iter().map(Reason::code).collect()
}

const NONE: [&str; 0] = [];

#[test]
fn rtc007_allowed_and_each_reason() {
    let t = rtc007(42, rtc::Role::Publisher, 600, 300);
    let now = ISSUE + 10;
    assert_eq!(codes(&t, CERT, &join("room", "42", true), now), NONE);
    assert_eq!(
        codes(&t, CERT, &join("other", "42", false), now),
        ["channel_mismatch"]
    );
    assert_eq!(
        codes(&t, CERT, &join("room", "43", false), now),
        ["user_mismatch"]
    );
    // uid 0 asks Agora to assign a uid: a token for uid 42 does not admit it.
    assert_eq!(
        codes(&t, CERT, &join("room", "0", false), now),
        ["user_mismatch"]
    );
    assert_eq!(
        codes(&t, OTHER_CERT, &join("room", "42", false), now),
        ["bad_signature"]
    );
    let wrong_app = join("room", "42", false).with_app_id(OTHER_APP_ID);
    assert_eq!(codes(&t, CERT, &wrong_app, now), ["wrong_app_id"]);
    let same_app = join("room", "42", false).with_app_id(APP_ID);
    assert_eq!(codes(&t, CERT, &same_app, now), NONE);
    // Privileges expire 300 s after issue, the token 600 s after.
    assert_eq!(
        codes(&t, CERT, &join("room", "42", true), ISSUE + 300),
        ["privilege_expired", "privilege_expired"]
    );
    assert_eq!(
        codes(&t, CERT, &join("room", "42", false), ISSUE + 299),
        NONE
    );
    assert_eq!(
        codes(&t, CERT, &join("room", "42", false), ISSUE + 600),
        ["token_expired", "privilege_expired"]
    );
}

#[test]
fn rtc007_subscriber_cannot_publish() {
    let t = rtc007(42, rtc::Role::Subscriber, 600, 600);
    let report = check(&t, CERT, &join("room", "42", true), (ISSUE + 1) as u64).unwrap();
    assert_eq!(
        report.reasons,
        [Reason::PrivilegeMissing {
            service: "rtc",
            privilege: "publish_audio_stream"
        }]
    );
    assert_eq!(report.privileges[0].status, PrivilegeStatus::Ok);
    assert_eq!(report.privileges[0].expires_at, Some(ISSUE as u64 + 600));
    assert_eq!(report.privileges[1].status, PrivilegeStatus::Missing);
    assert_eq!(report.signature, Signature::Valid);
    assert_eq!(report.issued_at, Some(ISSUE as u64));
    assert_eq!(report.expires_at, Some(ISSUE as u64 + 600));
}

#[test]
fn rtc007_uid0_is_a_wildcard_and_admits_assigned_uids() {
    let t = rtc007(0, rtc::Role::Publisher, 600, 600);
    for uid in ["42", "alice", "0", ""] {
        assert_eq!(codes(&t, CERT, &join("room", uid, true), ISSUE + 1), NONE);
    }
}

#[test]
fn zero_expire_means_no_limit() {
    // The FPA builder's login privilege has expire 0; set the token's too.
    let mut t = fpa::token(APP_ID).unwrap().with_issue(ISSUE, 1);
    t.expire = 0;
    let token = t.build(CERT).unwrap();
    let request = Request::new(Action::FpaLogin);
    let report = check(&token, CERT, &request, u32::MAX as u64 * 2).unwrap();
    assert!(report.allowed(), "{:?}", report.reasons);
    assert_eq!(report.expires_at, None);
    assert_eq!(report.privileges[0].expires_at, None);

    let t = rtc006(42, v006::rtc::Role::Publisher, 0);
    let r = check(&t, CERT, &join("room", "42", true), 1_999_999_999).unwrap();
    assert_eq!(
        r.reasons,
        [Reason::TokenExpired {
            at: ISSUE as u64 + 86_400
        }]
    );
    assert_eq!(r.privileges[0].expires_at, None);
}

#[test]
fn malformed_and_wrong_version_are_denials_not_errors() {
    for token in ["", "007", "007!!!", "005abc", "006short"] {
        let report = check(token, CERT, &join("room", "1", false), 0).unwrap();
        assert_eq!(report.reasons.len(), 1, "{token}");
        assert_eq!(report.reasons[0].code(), "malformed");
        assert_eq!(report.signature, Signature::Unchecked);
        assert_eq!(report.version, None);
    }
}

#[test]
fn a_bad_certificate_is_an_error_naming_the_field() {
    let t = rtc007(42, rtc::Role::Publisher, 600, 600);
    let e = check(&t, "short", &join("room", "42", false), 0).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().starts_with("app_certificate"), "{e}");
    assert!(!e.to_string().contains("short"));
}

#[test]
fn missing_service() {
    let t = rtc007(42, rtc::Role::Publisher, 600, 600);
    let r = Request::new(Action::RtmLogin {
        user_id: "42".into(),
    });
    assert_eq!(codes(&t, CERT, &r, ISSUE), ["service_missing"]);
    let r = check(&t, CERT, &r, ISSUE as u64).unwrap();
    assert_eq!(r.reasons[0].to_string(), "the token has no rtm service");
}

#[test]
fn rtm_chat_apaas_users_must_match() {
    let now = ISSUE + 1;
    let build = |t: crate::v007::AccessToken2| t.with_issue(ISSUE, 1).build(CERT).unwrap();
    let rtm_token = build(rtm::token(APP_ID, "alice", 600).unwrap());
    let login = |u: &str| Request::new(Action::RtmLogin { user_id: u.into() });
    assert_eq!(codes(&rtm_token, CERT, &login("alice"), now), NONE);
    assert_eq!(
        codes(&rtm_token, CERT, &login("bob"), now),
        ["user_mismatch"]
    );

    let chat_user = build(chat::user_token(APP_ID, "alice", 600).unwrap());
    let chat_app = build(chat::app_token(APP_ID, 600).unwrap());
    let as_user = Request::new(Action::ChatUser {
        user_id: "alice".into(),
    });
    let as_app = Request::new(Action::ChatApp);
    assert_eq!(codes(&chat_user, CERT, &as_user, now), NONE);
    assert_eq!(codes(&chat_app, CERT, &as_app, now), NONE);
    assert_eq!(codes(&chat_user, CERT, &as_app, now), ["privilege_missing"]);
    assert_eq!(
        codes(&chat_app, CERT, &as_user, now),
        ["user_mismatch", "privilege_missing"]
    );

    let room = build(apaas::room_user_token(APP_ID, "r1", "u1", 1, 600).unwrap());
    let enter = |room: &str, user: &str| {
        Request::new(Action::ApaasRoomUser {
            room_uuid: room.into(),
            user_uuid: user.into(),
        })
    };
    assert_eq!(codes(&room, CERT, &enter("r1", "u1"), now), NONE);
    assert_eq!(
        codes(&room, CERT, &enter("r2", "u2"), now),
        ["room_mismatch", "user_mismatch"]
    );
    // The room-user token also logs in to RTM as the user UUID.
    assert_eq!(codes(&room, CERT, &login("u1"), now), NONE);
    let app = build(apaas::app_token(APP_ID, 600).unwrap());
    assert_eq!(
        codes(&app, CERT, &Request::new(Action::ApaasApp), now),
        NONE
    );
    assert_eq!(
        codes(
            &app,
            CERT,
            &Request::new(Action::ApaasUser {
                user_uuid: "u1".into()
            }),
            now
        ),
        ["user_mismatch", "privilege_missing"]
    );
}

#[test]
fn rtc006_allowed_and_each_reason() {
    let expired_ts = ISSUE + 300;
    let t = rtc006(42, v006::rtc::Role::Publisher, expired_ts);
    let now = ISSUE + 10;
    let r = check(&t, CERT, &join("room", "42", true), now as u64).unwrap();
    assert!(r.allowed(), "{:?}", r.reasons);
    assert_eq!(r.signature, Signature::Valid);
    assert_eq!(r.version, Some("006"));
    assert_eq!(r.issued_at, None);
    assert_eq!(r.privileges[1].expires_at, Some(expired_ts as u64));

    let r = check(&t, CERT, &join("other", "42", false), now as u64).unwrap();
    assert_eq!(
        r.reasons,
        [Reason::ChannelMismatch {
            token: None,
            requested: "other".into()
        }]
    );
    assert_eq!(r.signature, Signature::Unchecked);
    assert_eq!(
        codes(&t, CERT, &join("room", "43", false), now),
        ["user_mismatch"]
    );
    assert_eq!(
        codes(&t, OTHER_CERT, &join("room", "42", false), now),
        ["bad_signature"]
    );
    assert_eq!(
        codes(&t, CERT, &join("room", "42", true), expired_ts),
        ["privilege_expired", "privilege_expired"]
    );
    assert_eq!(
        codes(&t, CERT, &join("room", "42", true), ISSUE + 86_400),
        ["token_expired", "privilege_expired", "privilege_expired"]
    );
    let chat = Request::new(Action::ChatApp);
    assert_eq!(codes(&t, CERT, &chat, now), ["service_missing"]);
}

#[test]
fn rtc006_uid0_is_a_wildcard() {
    let t = rtc006(0, v006::rtc::Role::Subscriber, ISSUE + 300);
    for uid in ["42", "0"] {
        assert_eq!(codes(&t, CERT, &join("room", uid, false), ISSUE), NONE);
    }
    assert_eq!(
        codes(&t, CERT, &join("room", "42", true), ISSUE),
        ["privilege_missing"]
    );
}

#[test]
fn rtm006_login() {
    let t = v006::rtm::token(APP_ID, "alice", ISSUE + 300)
        .unwrap()
        .with_salt_and_ts(1, ISSUE + 600)
        .build(CERT)
        .unwrap();
    let login = |u: &str| Request::new(Action::RtmLogin { user_id: u.into() });
    assert_eq!(codes(&t, CERT, &login("alice"), ISSUE), NONE);
    assert_eq!(codes(&t, CERT, &login("bob"), ISSUE), ["user_mismatch"]);
    assert_eq!(
        codes(&t, OTHER_CERT, &login("alice"), ISSUE),
        ["bad_signature"]
    );
}

#[test]
fn messages_say_what_to_fix_and_never_show_the_certificate() {
    let t = rtc007(42, rtc::Role::Publisher, 600, 600);
    let r = check(
        &t,
        OTHER_CERT,
        &join("other", "43", false),
        (ISSUE + 700) as u64,
    )
    .unwrap();
    let text: Vec<String> = r.reasons.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "bad signature: the token was not signed with this app certificate, or was altered",
            "token expired at 2023-11-14T22:23:20Z",
            "wrong channel: the token is for channel \"room\", the client joins \"other\"",
            "wrong user: the token is for \"42\", the client is \"43\"",
            "rtc privilege join_channel expired at 2023-11-14T22:23:20Z",
        ]
    );
    for m in &text {
        assert!(!m.contains(OTHER_CERT) && !m.contains(CERT));
    }
}

#[test]
fn the_service_with_the_privilege_is_the_one_checked() {
    // A Chat user service first, then a Chat app service (as the official
    // Docker service builds with enableUser and enableApp): the app is
    // admitted, and so is the user.
    let mut t = crate::v007::AccessToken2::new(APP_ID, 600).with_issue(1_700_000_000, 1);
    t.add_service(crate::service::Chat::user("bob", 600))
        .add_service(crate::service::Chat::app(600));
    let token = t.build(CERT).unwrap();
    let at = 1_700_000_100;
    assert!(check(&token, CERT, &Request::new(Action::ChatApp), at)
        .unwrap()
        .allowed());
    let bob = Request::new(Action::ChatUser {
        user_id: "bob".into(),
    });
    assert!(check(&token, CERT, &bob, at).unwrap().allowed());
}

#[test]
fn now_goes_up_to_the_largest_exact_json_integer() {
    let token = rtc007(42, rtc::Role::Publisher, 600, 300);
    let request = join("room", "42", false);
    let report = check(&token, CERT, &request, MAX_NOW).unwrap();
    assert_eq!(report.now, MAX_NOW);
    assert_eq!(
        codes(&token, CERT, &request, u32::MAX),
        ["token_expired", "privilege_expired"]
    );
    let e = check(&token, CERT, &request, MAX_NOW + 1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        e.to_string(),
        "now: must be at most 9007199254740991 (2^53 - 1) Unix seconds, got 9007199254740992"
    );
}
