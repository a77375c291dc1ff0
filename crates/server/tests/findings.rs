//! One regression test per finding of the adversarial review of the server
//! (issue 18), each failing on the code before its fix. The generated
//! authorization matrix is `policy_matrix.rs`; connection handling is in
//! `ops.rs`.

mod common;

use std::sync::Arc;

use agora_token_server::auth::{hash_key, ApiKey, Kind, Operation, Policy};
use common::{config, Server, APP_ID, CERT};
use serde_json::json;
use token_core::builder::rtc::Role;
use token_core::service::Rtc;
use token_core::v007::AccessToken2;

const KEY: &str = "atk_findings-key-0000000000000000000000000000";

async fn server_with(policy: Policy) -> Server {
    let mut c = config();
    c.auth.api_keys = vec![ApiKey {
        name: "findings".into(),
        sha256: hash_key(KEY),
        policy: Arc::new(policy),
    }];
    Server::start(c).await
}

/// A token signed with the test certificate with `services` RTC services
/// of `privileges` privileges each and a channel name of `name_len` control
/// characters (each rendered as `\u0001`: the most JSON per content byte).
/// Building has no cap; parsing has.
fn declared(services: u16, privileges: u16, name_len: usize) -> String {
    let mut t = AccessToken2::new(APP_ID, 0).with_issue(1, 1);
    for _ in 0..services {
        let name = "\u{1}".repeat(name_len);
        t.add_service(Rtc::new(&name, "", (0..privileges).map(|id| (id, 0))));
    }
    t.build(CERT).unwrap()
}

/// Finding 1: a ~1 KB token declaring 65,535 empty services made inspect
/// answer 7.7 MB (and verify, for a token signed with the server's
/// certificate). Now the parser refuses it, and the largest token within
/// the body limit renders to a bounded reply.
#[tokio::test]
async fn inspect_and_verify_replies_are_bounded() {
    let s = Server::start(config()).await;
    let attack = declared(u16::MAX, 0, 0);
    // inspect refuses a malformed token (400); verify answers that it is
    // not valid (200, `valid: false`).
    for (route, expected) in [("/v1/tokens/inspect", 400), ("/v1/tokens/verify", 200)] {
        let (status, text) = s
            .post_raw(
                route,
                "application/json",
                json!({"token": attack}).to_string(),
            )
            .await;
        assert_eq!(
            status,
            expected,
            "{route}: {}",
            &text[..text.len().min(300)]
        );
        assert!(
            text.len() < 512 && text.contains("malformed"),
            "{route}: {text}"
        );
    }
    // The worst case the caps let through: 64 services of 32 privileges and
    // escaped names, content just under the 16 KiB body limit.
    let worst = declared(64, 32, 40);
    assert!(token_core::v007::decode_content(&worst).unwrap().len() <= 16 * 1024);
    let (status, text) = s
        .post_raw(
            "/v1/tokens/inspect",
            "application/json",
            json!({"token": worst}).to_string(),
        )
        .await;
    assert_eq!(status, 200, "{}", &text[..300]);
    println!(
        "worst inspect reply: {} bytes for a {}-character token",
        text.len(),
        worst.len()
    );
    assert!(text.len() < 8 * 16 * 1024, "{} bytes", text.len());
    // One service more, or content past the body limit, is refused.
    for token in [declared(65, 0, 0), declared(64, 32, 64)] {
        let (status, _) = s
            .post_raw(
                "/v1/tokens/inspect",
                "application/json",
                json!({"token": token}).to_string(),
            )
            .await;
        assert_eq!(status, 400);
    }
    s.stop().await;
}

/// Finding 2: the community RTM token with a stream channel carries an RTC
/// service with join and publish data; policies allowing only `rtm`, or
/// only the subscriber role, handed it out.
#[tokio::test]
async fn an_rtm_token_with_a_stream_channel_needs_rtc_and_publisher() {
    let rtm_only = server_with(Policy {
        kinds: Some(vec![Kind::Rtm]),
        ..Default::default()
    })
    .await;
    let body = json!({"tokenType": "rtm", "uid": "alice", "channel": "stream-1"});
    let r = rtm_only
        .client
        .post(rtm_only.url("/getToken"))
        .bearer_auth(KEY)
        .json(&body);
    let r = r.send().await.unwrap();
    assert_eq!(r.status().as_u16(), 403, "{}", r.text().await.unwrap());
    // Without the stream channel it is a plain RTM token, and allowed.
    let plain = json!({"tokenType": "rtm", "uid": "alice"});
    let r = rtm_only
        .client
        .post(rtm_only.url("/getToken"))
        .bearer_auth(KEY)
        .json(&plain);
    assert_eq!(r.send().await.unwrap().status().as_u16(), 200);
    rtm_only.stop().await;

    let subscriber = server_with(Policy {
        roles: Some(vec![Role::Subscriber]),
        ..Default::default()
    })
    .await;
    let (status, body) = subscriber
        .get_auth("/rte/room-1/subscriber/uid/7/", KEY)
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("publisher"),
        "{body}"
    );
    let (status, _) = subscriber
        .get_auth("/rtc/room-1/subscriber/uid/7/", KEY)
        .await;
    assert_eq!(status, 200);
    subscriber.stop().await;
}

/// Finding 4: policies could not tell app-level tokens from user tokens.
#[tokio::test]
async fn app_tokens_have_their_own_switch() {
    let s = server_with(Policy {
        app_tokens: Some(false),
        ..Default::default()
    })
    .await;
    for path in ["/chat/app/"] {
        assert_eq!(s.get_auth(path, KEY).await.0, 403);
    }
    let generate = json!({"uid": "7", "tokenExpireTs": 600, "serviceChat": {"enableUser": true, "enableApp": true, "userUuid": "bob"}});
    let (status, body) = s.post_auth("/token/generate", KEY, &generate).await;
    assert_eq!((status, body["code"].as_i64()), (403, Some(-1)), "{body}");
    let native = json!({"kind": "apaas", "app": true, "expire": 600});
    assert_eq!(s.post_auth("/v1/tokens", KEY, &native).await.0, 403);
    assert_eq!(s.get_auth("/chat/account/bob/", KEY).await.0, 200);
    s.stop().await;
}

/// inspect, verify and check answer only callers whose policy lists them.
#[tokio::test]
async fn tools_are_operations_of_the_policy() {
    let s = server_with(Policy {
        operations: Some(vec![Operation::Check]),
        ..Default::default()
    })
    .await;
    let token = token_core::builder::rtm::token(APP_ID, "alice", 600)
        .unwrap()
        .build(CERT)
        .unwrap();
    let body = json!({"token": token});
    for (route, expected) in [
        ("/v1/tokens/inspect", 403),
        ("/v1/tokens/verify", 403),
        ("/v1/tokens", 403),
    ] {
        let b = if route == "/v1/tokens" {
            json!({"kind": "rtm", "user_id": "alice"})
        } else {
            body.clone()
        };
        let (status, reply) = s.post_auth(route, KEY, &b).await;
        assert_eq!(status, expected, "{route}: {reply}");
    }
    let check = json!({"token": token, "request": {"service": "rtm", "user_id": "alice"}});
    let (status, reply) = s.post_auth("/v1/tokens/check", KEY, &check).await;
    assert_eq!(
        (status, reply["allowed"].as_bool()),
        (200, Some(true)),
        "{reply}"
    );
    s.stop().await;
}

/// Finding 9: compatible routes issued tokens for invalid channel names and
/// empty users (the caller named in the log of a refused request is in
/// `logs.rs`, alone in its binary so that no other test shares its log
/// subscriber).
#[tokio::test]
async fn compatible_routes_refuse_invalid_input() {
    let open = Server::start(config()).await;
    for path in [
        "/rtc/..%2F..%2Fetc%2Fpasswd/publisher/uid/1/",
        "/rtc/a%ZZ/publisher/uid/1/",
        "/rtc/room-1/publisher/userAccount//",
        "/rte/a%ZZ/publisher/uid/1/",
    ] {
        let (status, body) = open.get(path).await;
        assert_eq!(status, 400, "{path}: {body}");
    }
    let (status, body) = open
        .post("/fetch_rtc_token", &json!({"uid": 1, "ChannelName": ""}))
        .await;
    assert_eq!(status, 400, "{body}");
    for generate in [
        json!({"channelName": "a/b", "uid": "1", "serviceRtc": {"enable": true}}),
        json!({"uid": "", "serviceRtm": {"enable": true}}),
        json!({"serviceChat": {"enableUser": true}}),
        json!({"serviceApaas": {"enableUser": true, "userUuid": ""}}),
    ] {
        let (status, body) = open.post("/token/generate", &generate).await;
        assert_eq!(
            (status, body["code"].as_i64()),
            (400, Some(-2)),
            "{generate}: {body}"
        );
    }
    open.stop().await;
}
