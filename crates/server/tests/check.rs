//! `POST /v1/tokens/check` over real HTTP: would Agora admit this user with
//! this token? The verdict logic is token-core's (`token_core::json::check`);
//! these tests pin the route: the server's own certificate, the default
//! `now`, the native error shape, authentication and the metrics label.

mod common;

use std::sync::Arc;

use agora_token_server::auth::{hash_key, ApiKey, Policy};
use common::{config, Server, APP_ID, CERT};
use serde_json::{json, Value};

const KEY: &str = "atk_check-key-for-tests-000000000000000000000";

async fn rtc_token(s: &Server) -> String {
    let (status, reply) = s
        .post(
            "/v1/tokens",
            &json!({"kind": "rtc", "channel_name": "demo", "uid": 42, "role": "subscriber",
                    "expire": 600, "privilege_expire": 300}),
        )
        .await;
    assert_eq!(status, 200, "{reply}");
    reply["token"].as_str().unwrap().to_string()
}

fn codes(report: &Value) -> Vec<&str> {
    report["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn verdicts() {
    let s = Server::start(config()).await;
    let token = rtc_token(&s).await;
    let check = |request: Value| {
        let body = json!({"token": token, "request": request});
        let s = &s;
        async move {
            let (status, report) = s.post("/v1/tokens/check", &body).await;
            assert_eq!(status, 200, "{body} -> {report}");
            report
        }
    };

    let r = check(json!({"service": "rtc", "channel_name": "demo", "uid": "42"})).await;
    assert_eq!(r["allowed"], true, "{r}");
    assert_eq!(
        (r["version"].as_str(), r["app_id"].as_str()),
        (Some("007"), Some(APP_ID))
    );
    assert_eq!(r["signature"], "valid");
    assert_eq!(codes(&r), Vec::<&str>::new());
    // The server's clock by default.
    let now = r["now"].as_u64().unwrap();
    let clock = u64::from(token_core::codec::now());
    assert!(now <= clock && clock - now < 60, "{now} vs {clock}");
    assert_eq!(r["expires_at"], r["issued_at"].as_u64().unwrap() + 600);
    assert_eq!(r["privileges"][0]["privilege"], "join_channel");
    assert_eq!(r["privileges"][0]["status"], "ok");

    let r = check(json!({"service": "rtc", "channel_name": "demo", "uid": 42})).await;
    assert_eq!(r["allowed"], true, "a numeric uid: {r}");
    let r = check(json!({"service": "rtc", "channel_name": "other", "uid": "42"})).await;
    assert_eq!(
        (r["allowed"].as_bool(), codes(&r)),
        (Some(false), vec!["channel_mismatch"])
    );
    let r = check(json!({"service": "rtc", "channel_name": "demo", "uid": "43"})).await;
    assert_eq!(codes(&r), ["user_mismatch"]);
    // A subscriber token has no publish privilege.
    let r =
        check(json!({"service": "rtc", "channel_name": "demo", "uid": "42", "publish": ["audio"]}))
            .await;
    assert_eq!(codes(&r), ["privilege_missing"], "{r}");
    let r = check(json!({"service": "rtm", "user_id": "42"})).await;
    assert_eq!(codes(&r), ["service_missing"], "{r}");
    let r = check(
        json!({"service": "rtc", "channel_name": "demo", "uid": "42",
                         "app_id": "00000000000000000000000000000000"}),
    )
    .await;
    assert!(codes(&r).contains(&"wrong_app_id"), "{r}");

    // `now` from the request: later than the privilege, then than the token.
    let issued = r["issued_at"].as_u64().unwrap();
    for (at, code) in [
        (issued + 400, "privilege_expired"),
        (issued + 700, "token_expired"),
    ] {
        let (status, r) = s
            .post(
                "/v1/tokens/check",
                &json!({"token": token, "now": at,
                        "request": {"service": "rtc", "channel_name": "demo", "uid": "42"}}),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(r["now"], at);
        assert!(codes(&r).contains(&code), "{at}: {r}");
        assert_eq!(r["allowed"], false);
    }

    // Another certificate, and no token at all: still a 200 verdict.
    let foreign = token_core::builder::rtm::token(APP_ID, "alice", 60)
        .unwrap()
        .build("00000000000000000000000000000000")
        .unwrap();
    let (_, r) = s
        .post(
            "/v1/tokens/check",
            &json!({"token": foreign, "request": {"service": "rtm", "user_id": "alice"}}),
        )
        .await;
    assert_eq!(
        (r["signature"].as_str(), codes(&r)),
        (Some("invalid"), vec!["bad_signature"])
    );
    let (status, r) = s
        .post(
            "/v1/tokens/check",
            &json!({"token": "007garbage", "request": {"service": "fpa"}}),
        )
        .await;
    assert_eq!((status, codes(&r)), (200, vec!["malformed"]), "{r}");
    assert_eq!(r["version"], Value::Null);

    // A token signed with this server's certificate by another route.
    let own = token_core::builder::rtm::token(APP_ID, "alice", 60)
        .unwrap()
        .build(CERT)
        .unwrap();
    let (_, r) = s
        .post(
            "/v1/tokens/check",
            &json!({"token": own, "request": {"service": "rtm", "user_id": "alice"}}),
        )
        .await;
    assert_eq!(r["allowed"], true, "{r}");

    let metrics = s.metrics().await;
    assert!(
        metrics.contains(r#"route="/v1/tokens/check""#),
        "no metrics label for the route"
    );
    s.stop().await;
}

#[tokio::test]
async fn bad_requests() {
    let s = Server::start(config()).await;
    let token = rtc_token(&s).await;
    for (body, code, needle) in [
        (json!({"token": token}), "bad_request", "request"),
        (
            json!({"request": {"service": "fpa"}}),
            "bad_request",
            "token",
        ),
        (
            json!({"token": token, "request": {"service": "fpa"}, "colour": 1}),
            "bad_request",
            "unknown field",
        ),
        (
            json!({"token": token, "request": "rtc"}),
            "bad_request",
            "request",
        ),
        (
            json!({"token": token, "request": {"service": "fpa"}, "now": -1}),
            "bad_request",
            "now",
        ),
        // Echoed in the report, so no larger than JSON readers read exactly.
        (
            json!({"token": token, "request": {"service": "fpa"}, "now": 9007199254740992u64}),
            "invalid_input",
            "now: must be at most 9007199254740991",
        ),
        (
            json!({"token": token, "request": {"service": "rtc", "channel_name": null}}),
            "bad_request",
            "request.channel_name: null",
        ),
        (
            json!({"token": token, "request": {"service": "mail"}}),
            "invalid_input",
            "service",
        ),
        (
            json!({"token": token, "request": {"service": "rtc"}}),
            "invalid_input",
            "channel_name",
        ),
        (
            json!({"token": token, "request": {"service": "rtc", "channel_name": "c", "uid": -1}}),
            "invalid_input",
            "uid",
        ),
        (
            json!({"token": token, "request": {"service": "rtc", "channel_name": "c", "publish": ["screen"]}}),
            "invalid_input",
            "publish",
        ),
    ] {
        let (status, reply) = s.post("/v1/tokens/check", &body).await;
        assert_eq!(status, 400, "{body} -> {reply}");
        assert_eq!(reply["error"]["code"], code, "{body} -> {reply}");
        let message = reply["error"]["message"].as_str().unwrap();
        assert!(message.contains(needle), "{body} -> {message}");
    }
    let (status, _) = s
        .post_raw(
            "/v1/tokens/check",
            "text/plain",
            r#"{"token":"x","request":{"service":"fpa"}}"#,
        )
        .await;
    assert_eq!(status, 415);
    s.stop().await;
}

#[tokio::test]
async fn needs_credentials_when_authentication_is_on() {
    let mut c = config();
    c.auth.api_keys = vec![ApiKey {
        name: "checker".into(),
        sha256: hash_key(KEY),
        policy: Arc::new(Policy::default()),
    }];
    let s = Server::start(c).await;
    let body = json!({"token": "007x", "request": {"service": "fpa"}});
    let (status, reply) = s.post("/v1/tokens/check", &body).await;
    assert_eq!(
        (status, reply["error"]["code"].as_str()),
        (401, Some("unauthenticated"))
    );
    let (status, reply) = s.post_auth("/v1/tokens/check", "wrong", &body).await;
    assert_eq!(status, 401, "{reply}");
    let (status, reply) = s.post_auth("/v1/tokens/check", KEY, &body).await;
    assert_eq!(
        (status, reply["allowed"].as_bool()),
        (200, Some(false)),
        "{reply}"
    );
    s.stop().await;
}
