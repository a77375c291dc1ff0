//! Runs the real `agora-token` binary and checks its tokens with token-core.
//!
//! Golden tokens below are official outputs (npm `agora-token@2.0.6` and
//! `agora-access-token`) from `tests/vectors/`. 007 tokens are compared by
//! their decompressed content (zlib implementations may encode the same data
//! differently); 006 tokens are not compressed and are compared as text.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};
use token_core::service::{Rtm2Permissions as P, Service};
use token_core::v007::{self, AccessToken2};
use token_core::{v006, AnyToken};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const OTHER_CERT: &str = "5CFd2fd1755d40ecb72977518be15d3c";
const ISSUE_TS: &str = "1700000000";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";

/// npm agora-token 2.0.6, RtcTokenBuilder.buildTokenWithUid(channel, 0,
/// publisher, 3600, 3600), issue ts 1700000000, salt 12345678.
const NPM_RTC_UID0: &str = "007eJxTYHj7KXuSWUd6A9+/3YqvL1gq+jWfm2lhVHv06m8mnfQXcxMUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yNGT4GpwrwMTD4Je5hYGRgZGBhYGQA8ZnAJDOYZAGTCgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADIYJa8=";
/// npm agora-access-token, 006 buildTokenWithUid(channel, 0, attendee,
/// 1700003600), salt 1, ts 1700086400.
const NPM_RTC006_UID0: &str = "006970CA35de60c44645bbae8a215061b33IAAgIMqMia1CMWABrUMdhnm1xx+/Uqt3wGCP6ofx8BpuXrdIfRAAAAAAIgABAAAAgEJVZQQAAQAQ/1NlAgAQ/1NlAwAQ/1NlBAAQ/1Nl";
/// npm agora-access-token, 006 RtmTokenBuilder.buildToken("rtm_user",
/// 1700003600), salt 12345678, ts 1700086400.
const NPM_RTM006: &str = "006970CA35de60c44645bbae8a215061b33IAD0fuCw3fe7oqhlTIIlrHRscLSonFsrpddD980yK5DC63fwjjEAAAAAEABOYbwAgEJVZQEA6AMQ/1Nl";
/// npm agora-token 2.0.6, RtmTokenBuilder.buildToken("rtm_user_1", 3600).
const NPM_RTM: &str = "007eJxTYPgswjmdwTtpxQKbWcksd09OO9VR88ls3tMlWaearva7Nr5TYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2ZvgYnCrAx8Dgl7iHgZGBiYGRgZEBxOdiKCrJjS8tTi2KNwQA5p4g4A==";
/// npm agora-token 2.0.6, ChatTokenBuilder.buildUserToken("chat_user", 3600).
const NPM_CHAT_USER: &str = "007eJxTYDixounV43OJ8x9WH5cQyzg6R8bz04rme9/KOzc4yPy/OfOEAoOluYGzo7FpSqqZQbKJiZmJaVJSYqpFopGhqYGZYZKxMcPH4FQBPgYGv8Q9DIwMrAyMDIwMID4nQ3JGYkl8aXFqEQClFiLh";
/// npm agora-token 2.0.6, ApaasTokenBuilder.buildUserToken("user-456", 3600).
const NPM_APAAS_USER: &str = "007eJxTYNCu3T11R46vRue+wv/6W9wi9m0wq7tw+fUf5peBCWoSbQIKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUwX4GBj8EvcwMDKwMzAyMDGA+AwMHAylxalFuiamZv//AwDidiBS";
/// npm agora-token 2.0.6, FpaTokenBuilder.buildToken().
const NPM_FPA: &str = "007eJxTYDisW39Ha49BZdYmt6mTwjk+BauUGmec50mxvd7rG13zMVyBwdLcwNnR2DQl1cwg2cTEzMQ0KSkx1SLRyNDUwMwwydiY4WNwakMgI4Nf4h4GRgYWBkYGRgYQAADnWxr0";
/// npm agora-token 2.0.6, ConvoAITokenBuilder.buildToken(channel,
/// "rtc_user", publisher, 3600, 3600 x4, "rtm_user", 3600).
const NPM_CONVOAI: &str = "007eJxTYHh1gkUn7eb0P/xKB+XOejRVrr0dq3BMeV7l/ad7y1NOvWlXYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2ZvgYnCrAx8Dgl7iHgZmBkYGFgZEBxGcCk8xgkgVMKjCYp5gbGZuZpiZZWhibWJgaW5qnGqcap1mmmJgZJKWkJHIwFJUkx5cWpxYxMTBCzQGJ5YLFOBkYGADQ5y2K";

// ---------------------------------------------------------------- helpers

/// The binary with no credentials in its environment.
fn cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agora-token"));
    c.env_remove("APP_ID").env_remove("APP_CERTIFICATE");
    c
}

fn run_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut c = cmd();
    c.args(args).envs(env.iter().copied());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn agora-token");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, &[], None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// `args` plus the credentials as flags.
fn with_creds<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--app-id", APP_ID, "--app-certificate", CERT]);
    v
}

/// Runs a build command with credentials; returns the token, checking that
/// stdout is exactly the token and a newline and stderr is empty.
fn build(args: &[&str]) -> String {
    let o = run(&with_creds(args));
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        stderr(&o).trim_end()
    );
    assert_eq!(stderr(&o), "", "{args:?}");
    let out = stdout(&o);
    let token = out
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("no newline: {out:?}"));
    assert!(!token.contains(char::is_whitespace), "{out:?}");
    token.to_string()
}

/// Builds a 007 token and verifies it with token-core and the same
/// certificate.
fn build007(args: &[&str]) -> AccessToken2 {
    let token = build(args);
    v007::verify(&token, CERT)
        .unwrap_or_else(|e| panic!("{args:?}: {e}"))
        .token
}

/// Checks a failed run: exit code, a one-line-or-more message containing
/// `needle`, nothing on stdout, and never the certificate.
fn assert_fails(o: &Output, code: i32, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert!(err.contains(needle), "{needle:?} not in {err:?}");
    assert_eq!(stdout(o), "");
    assert_no_certificate(o);
}

fn assert_no_certificate(o: &Output) {
    for text in [stdout(o), stderr(o)] {
        for cert in [CERT, &CERT[..16], OTHER_CERT] {
            assert!(!text.contains(cert), "certificate leaked in {text:?}");
        }
    }
}

fn privileges(s: &Service) -> Vec<(u16, u32)> {
    s.privileges().iter().collect()
}

fn same_content(ours: &str, official: &str) {
    assert_eq!(
        v007::decode_content(ours).unwrap(),
        v007::decode_content(official).unwrap(),
        "content differs from the official token"
    );
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

// ---------------------------------------------------------------- rtc

#[test]
fn rtc_uid_matches_official_token() {
    let token = build(&[
        "rtc",
        "--channel",
        CHANNEL,
        "--uid",
        "0",
        "--role",
        "publisher",
        "--expire",
        "3600",
        "--privilege-expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ]);
    same_content(&token, NPM_RTC_UID0);
    v007::verify(&token, CERT).unwrap();
}

#[test]
fn rtc_fields_follow_arguments() {
    let t = build007(&[
        "rtc",
        "--channel",
        "demo",
        "--uid",
        "42",
        "--role",
        "subscriber",
        "--expire",
        "7200",
        "--privilege-expire",
        "600",
    ]);
    assert_eq!(t.app_id, APP_ID);
    assert_eq!(t.expire, 7200);
    let [Service::Rtc(rtc)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!(
        (rtc.channel_name.as_str(), rtc.uid.as_str()),
        ("demo", "42")
    );
    assert_eq!(privileges(&t.services[0]), [(1, 600)]);
}

#[test]
fn rtc_defaults_publisher_3600_and_privilege_expire_follows_expire() {
    let t = build007(&["rtc", "--channel", "demo", "--account", "alice"]);
    assert_eq!(t.expire, 3600);
    let Service::Rtc(rtc) = &t.services[0] else {
        panic!()
    };
    assert_eq!(rtc.uid, "alice");
    assert_eq!(
        privileges(&t.services[0]),
        [(1, 3600), (2, 3600), (3, 3600), (4, 3600)]
    );

    let t = build007(&["rtc", "--channel", "demo", "--uid", "7", "--expire", "900"]);
    assert_eq!(
        privileges(&t.services[0]),
        [(1, 900), (2, 900), (3, 900), (4, 900)]
    );
}

#[test]
fn rtc_per_privilege_expiries() {
    let t = build007(&[
        "rtc",
        "--channel",
        "demo",
        "--uid",
        "42",
        "--privilege-expire",
        "50",
        "--join-expire",
        "100",
        "--audio-expire",
        "200",
        "--data-expire",
        "0",
    ]);
    assert_eq!(
        privileges(&t.services[0]),
        [(1, 100), (2, 200), (3, 50), (4, 0)]
    );
}

#[test]
fn rtc_with_rtm_logs_the_account_in() {
    let t = build007(&[
        "rtc",
        "--channel",
        "demo",
        "--account",
        "alice",
        "--with-rtm",
        "--expire",
        "1000",
        "--privilege-expire",
        "500",
    ]);
    let [Service::Rtc(rtc), Service::Rtm(rtm)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!(rtc.uid, "alice");
    assert_eq!(rtm.user_id, "alice");
    assert_eq!(privileges(&t.services[1]), [(1, 1000)]);
}

#[test]
fn rtc_with_rtm2_user_and_expire() {
    let t = build007(&[
        "rtc",
        "--channel",
        "demo",
        "--uid",
        "42",
        "--role",
        "subscriber",
        "--rtm-user-id",
        "bob",
        "--rtm-expire",
        "60",
        "--join-expire",
        "30",
    ]);
    let [Service::Rtc(rtc), Service::Rtm(rtm)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!(rtc.uid, "42");
    assert_eq!(privileges(&t.services[0]), [(1, 30)]);
    assert_eq!(rtm.user_id, "bob");
    assert_eq!(privileges(&t.services[1]), [(1, 60)]);
}

#[test]
fn rtc_006_matches_official_token() {
    let token = build(&[
        "rtc",
        "--format",
        "006",
        "--channel",
        CHANNEL,
        "--uid",
        "0",
        "--role",
        "attendee",
        "--privilege-expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "1",
    ]);
    assert_eq!(token, NPM_RTC006_UID0);
}

#[test]
fn rtc_006_subscriber_account_and_per_privilege() {
    let token = build(&[
        "rtc",
        "--format",
        "006",
        "--channel",
        "demo",
        "--account",
        "alice",
        "--role",
        "subscriber",
        "--privilege-expire",
        "0",
        "--issue-ts",
        ISSUE_TS,
    ]);
    let p = v006::verify(&token, CERT, "demo", "alice").unwrap();
    assert_eq!(p.ts, 1_700_086_400);
    assert_eq!(p.privileges.iter().collect::<Vec<_>>(), [(1, 0)]);

    let token = build(&[
        "rtc",
        "--format",
        "006",
        "--channel",
        "demo",
        "--uid",
        "9",
        "--join-expire",
        "10",
        "--video-expire",
        "0",
        "--issue-ts",
        ISSUE_TS,
    ]);
    let p = v006::verify(&token, CERT, "demo", "9").unwrap();
    assert_eq!(
        p.privileges.iter().collect::<Vec<_>>(),
        [
            (1, 1_700_000_010),
            (2, 1_700_003_600),
            (3, 0),
            (4, 1_700_003_600)
        ]
    );
}

#[test]
fn rtc_refuses_meaningless_combinations() {
    let cases: &[(&[&str], &str)] = &[
        (&["--uid", "1", "--account", "a"], "cannot be used with"),
        (&["--uid", "1", "--with-rtm"], "--with-rtm needs --account"),
        (&["--uid", "1", "--role", "admin"], "only in 006"),
        (
            &["--uid", "1", "--role", "host"],
            "role: unknown role \"host\"",
        ),
        (
            &["--uid", "1", "--role", "publisher", "--audio-expire", "5"],
            "--role does not apply",
        ),
        (
            &["--uid", "1", "--format", "006", "--expire", "5"],
            "--expire does not apply",
        ),
        (
            &["--uid", "1", "--format", "006", "--rtm-user-id", "x"],
            "need a 007 token",
        ),
        (&["--uid", "1", "--rtm-expire", "5"], "--rtm-user-id"),
        (&["--uid", "-1"], "invalid value '-1'"),
        (&["--uid", "4294967296"], "invalid value"),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["rtc", "--channel", "demo"];
        args.extend_from_slice(extra);
        assert_fails(&run(&with_creds(&args)), 64, needle);
    }
}

// ---------------------------------------------------------------- rtm

#[test]
fn rtm_matches_official_token() {
    let token = build(&[
        "rtm",
        "--user-id",
        "rtm_user_1",
        "--expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ]);
    same_content(&token, NPM_RTM);
}

#[test]
fn rtm_permissions_build_an_rtm2_token() {
    let t = build007(&[
        "rtm",
        "--user-id",
        "alice",
        "--expire",
        "60",
        "--permission",
        "users:write:bob",
        "--permission",
        "message_channels:read:news,chat",
        "--permission",
        "message_channels:read:more",
    ]);
    let [Service::Rtm2(rtm2)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!(rtm2.user_id, "alice");
    assert_eq!(privileges(&t.services[0]), [(1, 60)]);
    let perms: Vec<_> = rtm2
        .permissions
        .iter()
        .map(|(r, p, names)| (r, p, names.to_vec()))
        .collect();
    assert_eq!(
        perms,
        [
            (
                P::MESSAGE_CHANNELS,
                P::READ,
                vec!["news".into(), "chat".into(), "more".into()]
            ),
            (P::USERS, P::WRITE, vec!["bob".to_string()]),
        ]
    );
}

#[test]
fn rtm_bad_permission_values() {
    for (value, needle) in [
        // Names and rules are token-core's, with its messages.
        (
            "channels:read:a",
            "resource_type: unknown name \"channels\"",
        ),
        ("users:admin:a", "permission_type: unknown name \"admin\""),
        ("users:read", "expected RESOURCE:PERMISSION"),
        ("users:read:a,,b", "resources: must not be empty"),
        ("users:read:", "resources: must not be empty"),
    ] {
        let o = run(&with_creds(&[
            "rtm",
            "--user-id",
            "u",
            "--permission",
            value,
        ]));
        assert_fails(&o, 64, needle);
    }
}

#[test]
fn rtm_006_matches_official_token() {
    let token = build(&[
        "rtm",
        "--format",
        "006",
        "--user-id",
        "rtm_user",
        "--expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ]);
    assert_eq!(token, NPM_RTM006);
    let o = run(&with_creds(&[
        "rtm",
        "--format",
        "006",
        "--user-id",
        "u",
        "--permission",
        "users:read:a",
    ]));
    assert_fails(&o, 64, "--permission needs a 007 token");
}

// ---------------------------------------------------------------- others

#[test]
fn chat_user_and_app() {
    let token = build(&[
        "chat",
        "--user-id",
        "chat_user",
        "--expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ]);
    same_content(&token, NPM_CHAT_USER);

    let t = build007(&["chat", "--app", "--expire", "600"]);
    let [Service::Chat(chat)] = &t.services[..] else {
        panic!()
    };
    assert_eq!(chat.user_id, "");
    assert_eq!(
        (t.expire, privileges(&t.services[0])),
        (600, vec![(2, 600)])
    );

    assert_fails(&run(&with_creds(&["chat"])), 64, "--user-id");
    assert_fails(
        &run(&with_creds(&["chat", "--app", "--user-id", "x"])),
        64,
        "cannot be used with",
    );
    assert_fails(
        &run(&with_creds(&["chat", "--user-id", ""])),
        64,
        "user_id: must not be empty",
    );
}

#[test]
fn fpa_matches_official_token() {
    let token = build(&["fpa", "--issue-ts", ISSUE_TS, "--salt", "12345678"]);
    same_content(&token, NPM_FPA);
    let t = v007::verify(&token, CERT).unwrap().token;
    assert_eq!(t.expire, 86_400);
}

#[test]
fn apaas_and_education_variants() {
    let token = build(&[
        "apaas",
        "--user-uuid",
        "user-456",
        "--expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ]);
    same_content(&token, NPM_APAAS_USER);

    let room = [
        "--room-uuid",
        "room-1",
        "--user-uuid",
        "user-1",
        "--role",
        "2",
        "--expire",
        "900",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "3",
    ];
    let mut apaas = vec!["apaas"];
    apaas.extend(room);
    let mut education = vec!["education"];
    education.extend(room);
    let a = build(&apaas);
    assert_eq!(a, build(&education), "education builds the apaas token");
    let t = v007::verify(&a, CERT).unwrap().token;
    let [Service::Rtm(rtm), Service::Chat(chat), Service::Apaas(ap)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!(rtm.user_id, "user-1");
    assert_eq!(
        chat.user_id,
        token_core::builder::apaas::chat_user_id("user-1")
    );
    assert_eq!(
        (ap.room_uuid.as_str(), ap.user_uuid.as_str(), ap.role),
        ("room-1", "user-1", 2)
    );
    assert_eq!(privileges(&t.services[2]), [(1, 900)]);

    for cmd in ["apaas", "education"] {
        let t = build007(&[cmd, "--app"]);
        let [Service::Apaas(ap)] = &t.services[..] else {
            panic!()
        };
        assert_eq!((ap.user_uuid.as_str(), ap.role), ("", -1));
        assert_eq!(privileges(&t.services[0]), [(3, 3600)]);
    }

    assert_fails(&run(&with_creds(&["apaas"])), 64, "required");
    assert_fails(
        &run(&with_creds(&[
            "apaas",
            "--room-uuid",
            "r",
            "--user-uuid",
            "u",
        ])),
        64,
        "--role",
    );
    assert_fails(
        &run(&with_creds(&["apaas", "--app", "--user-uuid", "u"])),
        64,
        "cannot be used with",
    );
}

#[test]
fn convoai_and_stt() {
    let args = [
        "--channel",
        CHANNEL,
        "--account",
        "rtc_user",
        "--rtm-user-id",
        "rtm_user",
        "--expire",
        "3600",
        "--issue-ts",
        ISSUE_TS,
        "--salt",
        "12345678",
    ];
    let mut convoai = vec!["convoai"];
    convoai.extend(args);
    same_content(&build(&convoai), NPM_CONVOAI);

    let t = build007(&[
        "stt",
        "--channel",
        "demo",
        "--uid",
        "2000",
        "--role",
        "subscriber",
        "--rtm-user-id",
        "bot",
        "--rtm-expire",
        "120",
    ]);
    let [Service::Rtc(rtc), Service::Rtm(rtm), Service::Stt(_)] = &t.services[..] else {
        panic!("{:?}", t.services)
    };
    assert_eq!((rtc.uid.as_str(), rtm.user_id.as_str()), ("2000", "bot"));
    assert_eq!(privileges(&t.services[0]), [(1, 3600)]);
    assert_eq!(privileges(&t.services[1]), [(1, 120)]);

    assert_fails(
        &run(&with_creds(&["convoai", "--channel", "demo", "--uid", "1"])),
        64,
        "--rtm-user-id",
    );
}

// ---------------------------------------------------------------- common

#[test]
fn issue_ts_and_salt_make_output_reproducible() {
    let args = [
        "rtc",
        "--channel",
        "demo",
        "--uid",
        "1",
        "--issue-ts",
        "1234567",
        "--salt",
        "99",
    ];
    let a = build(&args);
    assert_eq!(a, build(&args));
    let t = v007::parse(&a).unwrap().token;
    assert_eq!((t.issue_ts, t.salt), (1_234_567, 99));
    // Without them: issued now, random salt.
    let b = build(&["rtc", "--channel", "demo", "--uid", "1"]);
    let c = build(&["rtc", "--channel", "demo", "--uid", "1"]);
    assert_ne!(b, c);
    let now = token_core::codec::now();
    let t = v007::parse(&b).unwrap().token;
    assert!(t.issue_ts.abs_diff(now) < 60);
}

#[test]
fn credentials_from_environment() {
    let env = [("APP_ID", APP_ID), ("APP_CERTIFICATE", CERT)];
    let o = run_with(&["chat", "--app"], &env, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let token = stdout(&o);
    let t = v007::verify(token.trim_end(), CERT).unwrap().token;
    assert_eq!(t.app_id, APP_ID);

    // Flags win over the environment.
    let other_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let o = run_with(
        &[
            "chat",
            "--app",
            "--app-id",
            other_id,
            "--app-certificate",
            OTHER_CERT,
        ],
        &env,
        None,
    );
    let t = v007::verify(stdout(&o).trim_end(), OTHER_CERT)
        .unwrap()
        .token;
    assert_eq!(t.app_id, other_id);
}

#[test]
fn missing_credentials() {
    let o = run(&["fpa"]);
    assert_fails(
        &o,
        64,
        "missing app ID: pass --app-id or set the environment variable APP_ID",
    );
    let o = run(&["fpa", "--app-id", APP_ID]);
    assert_fails(&o, 64, "missing app certificate");
    assert!(stderr(&o).contains("APP_CERTIFICATE"));
    // An empty variable counts as missing.
    let o = run_with(
        &["fpa"],
        &[("APP_ID", APP_ID), ("APP_CERTIFICATE", "")],
        None,
    );
    assert_fails(&o, 64, "missing app certificate");
}

#[test]
fn bad_values_are_token_core_errors_without_the_certificate() {
    let o = run(&["fpa", "--app-id", "nothex", "--app-certificate", CERT]);
    assert_fails(&o, 64, "error: app_id: must be 32 hexadecimal characters");

    let bad_cert = "5CFd2fd1755d40ecb72977518be15d3z";
    let o = run(&["fpa", "--app-id", APP_ID, "--app-certificate", bad_cert]);
    assert_fails(
        &o,
        64,
        "error: app_certificate: must be 32 hexadecimal characters",
    );
    assert!(!stderr(&o).contains(bad_cert));

    let o = run(&with_creds(&["rtc", "--channel", "a/b", "--uid", "1"]));
    assert_fails(&o, 64, "error: channel_name: character '/' is not allowed");
    assert_eq!(stderr(&o).lines().count(), 1);

    let long = "c".repeat(64);
    let o = run(&with_creds(&["rtc", "--channel", &long, "--uid", "1"]));
    assert_fails(&o, 64, "shorter than 64 bytes");
}

#[test]
fn certificate_is_masked_in_command_line_errors() {
    // A certificate pasted where clap echoes values.
    let o = run(&with_creds(&[
        "rtc",
        "--channel",
        "demo",
        "--uid",
        "1",
        CERT,
    ]));
    assert_fails(&o, 64, "unexpected argument '<redacted>'");
    let o = run_with(
        &["fpa", "--app-id", APP_ID, CERT],
        &[("APP_CERTIFICATE", CERT)],
        None,
    );
    assert_fails(&o, 64, "<redacted>");
    // --help hides the environment value.
    let o = run_with(&["rtc", "--help"], &[("APP_CERTIFICATE", CERT)], None);
    assert!(o.status.success());
    assert!(stdout(&o).contains("[env: APP_CERTIFICATE]"));
    assert_no_certificate(&o);
}

#[test]
fn usage_errors_exit_64() {
    assert_fails(&run(&["frobnicate"]), 64, "unrecognized subcommand");
    assert_fails(
        &run(&["rtc", "--bogus"]),
        64,
        "unexpected argument '--bogus'",
    );
    assert_eq!(run(&[]).status.code(), Some(64));
    assert_eq!(run(&["--version"]).status.code(), Some(0));
}

/// Every option of every command has a description in `--help`.
#[test]
fn help_documents_every_argument() {
    let commands = [
        "rtc",
        "rtm",
        "chat",
        "fpa",
        "apaas",
        "education",
        "convoai",
        "stt",
        "inspect",
        "verify",
    ];
    let top = run(&["--help"]);
    assert!(top.status.success());
    for c in commands {
        assert!(
            stdout(&top).contains(&format!("  {c} ")),
            "{c} not in top help"
        );
        let o = run(&[c, "--help"]);
        assert!(o.status.success(), "{c}");
        let text = stdout(&o);
        assert!(text.contains("Example"), "{c} help has no example");
        // The options come before the free text of the after-help.
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| {
                !l.starts_with("Example")
                    && !l.starts_with("Variants")
                    && !l.starts_with("Text output")
                    && !l.starts_with("Prints")
                    && !l.starts_with("A room-user")
            })
            .collect();
        let mut options = 0;
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let is_arg = line.starts_with("  ")
                && (t.starts_with("--")
                    || t.starts_with("-h")
                    || t.starts_with("-V")
                    || t.starts_with('<'))
                && !line.starts_with("  agora-token");
            if !is_arg || line.len() - t.len() > 6 {
                continue;
            }
            options += 1;
            // Short help puts the description on the same line, long help
            // on the next.
            let inline = t.split_once("  ").map_or("", |(_, d)| d.trim());
            let next = lines.get(i + 1).map_or("", |l| l.trim());
            assert!(
                !inline.is_empty() || !next.is_empty(),
                "{c}: {t:?} has no description in\n{text}"
            );
        }
        assert!(options >= 3, "{c}: parsed only {options} options");
    }
}

// ---------------------------------------------------------------- inspect

/// The official RTC token, inspected as text.
#[test]
fn inspect_text_of_known_token() {
    let o = run(&["inspect", NPM_RTC_UID0]);
    assert!(o.status.success());
    let text = stdout(&o);
    let expected = "\
version:   007
app_id:    970CA35de60c44645bbae8a215061b33
issue_ts:  1700000000 (2023-11-14T22:13:20Z)
expire:    3600 s (2023-11-14T23:13:20Z)
salt:      12345678
services:  1
service 1: rtc (type 1)
  channel_name: \"7d72365eb983485397e3e3f9d460bdda\"
  uid:          \"\" (any user)
  privileges:
    join_channel (1):         3600 s (2023-11-14T23:13:20Z)
    publish_audio_stream (2): 3600 s (2023-11-14T23:13:20Z)
    publish_video_stream (3): 3600 s (2023-11-14T23:13:20Z)
    publish_data_stream (4):  3600 s (2023-11-14T23:13:20Z)
";
    assert_eq!(text, expected);
}

#[test]
fn inspect_json_of_known_token() {
    let v = json(&run(&["inspect", "--json", NPM_RTC_UID0]));
    assert_eq!(
        v,
        json!({
            "version": "007",
            "app_id": APP_ID,
            "issue_ts": 1_700_000_000u32,
            "expire": 3600,
            "expires_at": 1_700_003_600u32,
            "salt": 12_345_678,
            "unknown_service_type": null,
            "services": [{
                "type": "rtc",
                "type_id": 1,
                "channel_name": CHANNEL,
                "uid": "",
                "privileges": {"1": 3600, "2": 3600, "3": 3600, "4": 3600},
                "privilege_names": {
                    "1": "join_channel",
                    "2": "publish_audio_stream",
                    "3": "publish_video_stream",
                    "4": "publish_data_stream"
                },
                "privilege_expires_at": {
                    "1": 1_700_003_600u32,
                    "2": 1_700_003_600u32,
                    "3": 1_700_003_600u32,
                    "4": 1_700_003_600u32
                }
            }]
        })
    );
}

#[test]
fn inspect_json_service_fields() {
    let token = build(&[
        "rtm",
        "--user-id",
        "alice",
        "--permission",
        "stream_channels:write:s1",
        "--issue-ts",
        ISSUE_TS,
    ]);
    let v = json(&run(&["inspect", "--json", &token]));
    assert_eq!(v["services"][0]["type"], "rtm2");
    assert_eq!(v["services"][0]["type_id"], 8);
    assert_eq!(v["services"][0]["user_id"], "alice");
    assert_eq!(
        v["services"][0]["permissions"],
        json!([{"resource_type": "stream_channels", "permission_type": "write", "resources": ["s1"]}])
    );

    let token = build(&[
        "apaas",
        "--room-uuid",
        "r",
        "--user-uuid",
        "u",
        "--role",
        "-1",
    ]);
    let v = json(&run(&["inspect", "--json", &token]));
    let apaas = &v["services"][2];
    assert_eq!(
        (
            &apaas["type"],
            &apaas["room_uuid"],
            &apaas["user_uuid"],
            &apaas["role"]
        ),
        (&json!("apaas"), &json!("r"), &json!("u"), &json!(-1))
    );
    assert_eq!(apaas["privilege_names"], json!({"1": "room_user"}));
    assert_eq!(v["services"][1]["type"], "chat");
    assert_eq!(v["services"][0]["user_id"], "u");
}

#[test]
fn inspect_text_service_fields() {
    let token = build(&[
        "rtm",
        "--user-id",
        "alice",
        "--permission",
        "stream_channels:write:s1",
        "--permission",
        "users:read:bob,carol",
        "--issue-ts",
        ISSUE_TS,
    ]);
    let text = stdout(&run(&["inspect", &token]));
    assert!(
        text.contains(
            "service 1: rtm2 (type 8)\n  user_id: \"alice\"\n  permissions:\n    \
             stream_channels/write: \"s1\"\n    users/read:            \"bob\", \"carol\"\n"
        ),
        "{text}"
    );
    let token = build(&[
        "apaas",
        "--room-uuid",
        "r",
        "--user-uuid",
        "u",
        "--role",
        "-1",
        "--issue-ts",
        ISSUE_TS,
    ]);
    let text = stdout(&run(&["inspect", &token]));
    assert!(
        text.contains(
            "service 3: apaas (type 7)\n  room_uuid: \"r\"\n  user_uuid: \"u\"\n  role:      -1 (none)\n"
        ),
        "{text}"
    );
}

#[test]
fn inspect_reads_stdin_and_shows_zero_expiries() {
    let token = build(&["chat", "--app", "--expire", "0", "--issue-ts", ISSUE_TS]);
    let o = run_with(&["inspect", "-"], &[], Some(&format!("{token}\n")));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("expire:    0 (no expiry)"), "{text}");
    assert!(text.contains("app (2): 0 (no own limit)"), "{text}");
    assert!(text.contains("  user_id: \"\" (app)\n"), "{text}");
}

#[test]
fn inspect_shows_unknown_service_type() {
    // A token whose second service has a type token-core does not know
    // (inspect needs no valid signature).
    let token = build(&["fpa", "--issue-ts", ISSUE_TS, "--salt", "1"]);
    let mut content = v007::decode_content(&token).unwrap();
    content.extend_from_slice(&[99, 0, 0, 0]);
    let count_at = 2 + 32 + 2 + APP_ID.len() + 12;
    content[count_at] += 1;
    let crafted = format!(
        "007{}",
        token_core::codec::base64_encode(&token_core::codec::deflate(&content))
    );
    let o = run(&["inspect", &crafted]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("unknown_service_type: 99"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("service 1:            fpa (type 4)"));
    let v = json(&run(&["inspect", "--json", &crafted]));
    assert_eq!(v["unknown_service_type"], 99);
    assert_eq!(v["services"].as_array().unwrap().len(), 1);
}

#[test]
fn inspect_006() {
    let o = run(&["inspect", NPM_RTC006_UID0]);
    assert!(o.status.success());
    let expected = "\
version:          006
app_id:           970CA35de60c44645bbae8a215061b33
salt:             1
ts:               1700086400 (2023-11-15T22:13:20Z), when the token expires
crc_channel_name: ";
    let text = stdout(&o);
    assert!(text.starts_with(expected), "{text}");
    assert!(text.contains("  join_channel (1):         1700003600 (2023-11-14T23:13:20Z)\n"));
    assert!(text.contains("  publish_data_stream (4):  1700003600 (2023-11-14T23:13:20Z)\n"));

    let v = json(&run(&["inspect", "--json", NPM_RTM006]));
    let p = v006::parse(NPM_RTM006).unwrap();
    assert_eq!(
        v,
        json!({
            "version": "006",
            "app_id": APP_ID,
            "salt": 12_345_678,
            "ts": 1_700_086_400u32,
            "expires_at": 1_700_086_400u32,
            "crc_channel_name": p.crc_channel_name,
            "crc_uid": p.crc_uid,
            "privileges": {"1000": 1_700_003_600u32},
            "privilege_names": {"1000": "rtm_login"},
            "privilege_expires_at": {"1000": 1_700_003_600u32}
        })
    );
}

#[test]
fn inspect_malformed_exits_2() {
    assert_fails(&run(&["inspect", "007abc"]), 2, "error: malformed token");
    assert_fails(&run(&["inspect", "005abc"]), 2, "expected version prefix");
    assert_fails(&run(&["inspect", ""]), 2, "expected version prefix");
}

// ---------------------------------------------------------------- verify

fn verify(args: &[&str]) -> Output {
    run(args)
}

#[test]
fn verify_007_exit_codes() {
    // Issued at 1700000000, expires 3600 s later.
    let token = NPM_RTC_UID0;
    let o = verify(&[
        "verify",
        token,
        "--app-certificate",
        CERT,
        "--now",
        "1700003599",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "valid until 2023-11-14T23:13:20Z\n");
    assert_no_certificate(&o);

    let o = verify(&[
        "verify",
        token,
        "--app-certificate",
        OTHER_CERT,
        "--now",
        "1700000000",
    ]);
    assert_fails(
        &o,
        1,
        "invalid: signature: does not match the app certificate",
    );
    assert_eq!(stderr(&o).lines().count(), 1);

    let o = verify(&["verify", "007abc", "--app-certificate", CERT]);
    assert_fails(&o, 2, "invalid: malformed token");
    let o = verify(&["verify", "005abc", "--app-certificate", CERT]);
    assert_fails(&o, 2, "invalid: token: expected version prefix");
    // Altered token: flip a character inside the base64 body.
    let mut altered = token.to_string();
    altered.replace_range(40..41, if &token[40..41] == "A" { "B" } else { "A" });
    let code = verify(&["verify", &altered, "--app-certificate", CERT])
        .status
        .code();
    assert!(matches!(code, Some(1 | 2)), "{code:?}");

    let o = verify(&[
        "verify",
        token,
        "--app-certificate",
        CERT,
        "--now",
        "1700003600",
    ]);
    assert_fails(
        &o,
        3,
        "invalid: expired at 2023-11-14T23:13:20Z (now 2023-11-14T23:13:20Z)",
    );
    // Without --now the real clock is used: long expired.
    let o = verify(&["verify", token, "--app-certificate", CERT]);
    assert_fails(&o, 3, "invalid: expired");
}

#[test]
fn verify_expire_zero_never_expires_and_env_certificate() {
    let token = build(&["chat", "--user-id", "u", "--expire", "0", "--issue-ts", "1"]);
    let o = run_with(
        &["verify", &token, "--now", "4000000000"],
        &[("APP_CERTIFICATE", CERT)],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "valid (no expiry)\n");
    // From standard input too.
    let o = run_with(
        &["verify", "-"],
        &[("APP_CERTIFICATE", CERT)],
        Some(&format!("{token}\n")),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn verify_usage_errors() {
    let o = verify(&["verify", NPM_RTC_UID0]);
    assert_fails(&o, 64, "error: missing app certificate");
    let bad = "5CFd2fd1755d40ecb72977518be15d3";
    let o = verify(&["verify", NPM_RTC_UID0, "--app-certificate", bad]);
    assert_fails(
        &o,
        64,
        "error: app_certificate: must be 32 hexadecimal characters",
    );
    assert!(!stderr(&o).contains(bad));
    let o = verify(&[
        "verify",
        NPM_RTC_UID0,
        "--app-certificate",
        CERT,
        "--channel",
        CHANNEL,
        "--uid",
        "0",
    ]);
    assert_fails(&o, 64, "for 006 tokens only");
}

#[test]
fn verify_006() {
    let base = ["verify", NPM_RTC006_UID0, "--app-certificate", CERT];
    let with = |extra: &[&str]| {
        let mut v = base.to_vec();
        v.extend_from_slice(extra);
        verify(&v)
    };
    // ts (token expiry) is 1700086400.
    let o = with(&["--channel", CHANNEL, "--uid", "0", "--now", "1700000000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "valid until 2023-11-15T22:13:20Z\n");

    let o = with(&["--channel", "other", "--uid", "0", "--now", "1700000000"]);
    assert_fails(
        &o,
        1,
        "invalid: signature: the token was not built for this channel name",
    );
    let o = with(&["--channel", CHANNEL, "--uid", "5", "--now", "1700000000"]);
    assert_fails(&o, 1, "not built for this uid");
    let o = with(&[
        "--channel",
        CHANNEL,
        "--account",
        "x",
        "--now",
        "1700000000",
    ]);
    assert_fails(&o, 1, "not built for this uid");
    let o = with(&["--channel", CHANNEL, "--uid", "0", "--now", "1700086400"]);
    assert_fails(&o, 3, "invalid: expired at 2023-11-15T22:13:20Z");

    let o = with(&[]);
    assert_fails(
        &o,
        64,
        "a 006 token does not carry its channel name and uid: pass --channel with --uid or --account",
    );
    let o = with(&["--channel", CHANNEL]);
    assert_fails(&o, 64, "pass --channel with --uid or --account");
    let o = with(&["--uid", "0"]);
    assert_fails(&o, 64, "--channel");

    // RTM 006: the account stands in for the channel.
    let o = verify(&[
        "verify",
        NPM_RTM006,
        "--app-certificate",
        CERT,
        "--user-id",
        "rtm_user",
        "--now",
        "1700000000",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // A freshly built 006 token verifies without --now.
    let token = build(&[
        "rtc",
        "--format",
        "006",
        "--channel",
        "demo",
        "--account",
        "al",
    ]);
    let o = verify(&[
        "verify",
        &token,
        "--app-certificate",
        CERT,
        "--channel",
        "demo",
        "--account",
        "al",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Every token the build commands print parses as the right version.
#[test]
fn build_output_parses_as_any_token() {
    let t = build(&["rtm", "--format", "006", "--user-id", "u"]);
    assert!(matches!(token_core::parse(&t), Ok(AnyToken::V006(_))));
    let t = build(&["rtm", "--user-id", "u"]);
    assert!(matches!(token_core::parse(&t), Ok(AnyToken::V007(_))));
}

// ---------------------------------------------------------------- check

/// The JSON report of `check --json` (printed on stdout, allowed or not).
fn report(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}

#[test]
fn check_allows_the_right_client_and_lists_every_reason_for_the_wrong_one() {
    // NPM_RTC_UID0: channel CHANNEL, uid 0 (any user), publisher, issued at
    // 1700000000, token and privileges valid 3600 s.
    let base = [
        "check",
        NPM_RTC_UID0,
        "--app-certificate",
        CERT,
        "--now",
        "1700000001",
    ];
    let ok = run(&[
        &base[..],
        &["--service", "rtc", "--channel", CHANNEL, "--uid", "42"],
    ]
    .concat());
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).starts_with("allowed\n"), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("rtc join_channel"));

    let args = [
        &base[..],
        &[
            "--service",
            "rtc",
            "--channel",
            "other",
            "--publish",
            "audio",
        ],
    ];
    let denied = run(&[
        &args.concat()[..],
        &["--app-id", "00000000000000000000000000000001"],
    ]
    .concat());
    assert_eq!(denied.status.code(), Some(1));
    let text = stdout(&denied);
    assert!(text.starts_with("denied:\n  - wrong app ID"), "{text}");
    assert!(
        text.contains("  - wrong channel: the token is for channel"),
        "{text}"
    );
    assert_no_certificate(&denied);

    let other_cert = [
        "check",
        NPM_RTC_UID0,
        "--app-certificate",
        OTHER_CERT,
        "--service",
        "fpa",
        "--json",
    ];
    let o = run(&other_cert);
    assert_eq!(o.status.code(), Some(1));
    let v = report(&o);
    assert_eq!(v["allowed"], false);
    let codes: Vec<&str> = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.starts_with(&["bad_signature"]) && codes.contains(&"service_missing"),
        "{codes:?}"
    );
}

#[test]
fn check_006_rtm_and_expiry() {
    // NPM_RTM006: user "rtm_user", privilege until 1700003600.
    let base = [
        "check",
        NPM_RTM006,
        "--app-certificate",
        CERT,
        "--service",
        "rtm",
        "--user-id",
        "rtm_user",
    ];
    let o = run(&[&base[..], &["--now", "1700000000"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let o = run(&[&base[..], &["--now", "1700003600", "--json"]].concat());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(report(&o)["reasons"][0]["code"], "privilege_expired");
}

#[test]
fn check_usage_errors_exit_64_and_malformed_tokens_are_denials() {
    let check = |cert: &str, extra: &[&str]| {
        run(&[&["check", NPM_RTM, "--app-certificate", cert], extra].concat())
    };
    assert_fails(
        &check(CERT, &["--service", "rtm"]),
        64,
        "user_id: is required",
    );
    assert_fails(
        &check("nothex", &["--service", "fpa"]),
        64,
        "app_certificate",
    );
    assert_fails(
        &check(CERT, &["--service", "fpa", "--now", "9007199254740992"]),
        64,
        "now: must be at most 9007199254740991",
    );
    let o = run(&[
        "check",
        "007abc",
        "--app-certificate",
        CERT,
        "--service",
        "fpa",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("denied:\n  - malformed token"),
        "{}",
        stdout(&o)
    );
}

// ------------------------------------------------------- serve, stdout gone

/// `serve` reports on a stdout whose reader is gone (`| true`, `| head`):
/// no panic, a plain non-crash exit status.
#[cfg(feature = "server")]
#[test]
fn serve_reports_survive_a_closed_stdout() {
    for args in [
        &["serve", "--generate-api-key", "web"][..],
        &["serve", "--demo", "--check-config"][..],
    ] {
        let mut child = cmd()
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The read end of the pipe is closed before the child writes.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(o.status.code(), Some(101), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(74), "{args:?}: {err}");
    }
}
