//! The compatible endpoints, over real HTTP: each success reply's token
//! verifies with the right fields; each bad input gets the route's error
//! shape and status; the server keeps serving.

mod common;

use common::{config, info, Server, APP_ID};
use serde_json::{json, Value};

fn privileges(service: &Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = service["privileges"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    v.sort();
    v
}

fn all4(expire: u64) -> Vec<(String, u64)> {
    (1..=4).map(|i| (i.to_string(), expire)).collect()
}

#[tokio::test]
async fn official_generate() {
    let s = Server::start(config()).await;
    // The example of the official server.go.
    let (status, body) = s
        .post(
            "/token/generate",
            &json!({"channelName": "channel_name_test", "uid": "12345678", "tokenExpireTs": 3600,
                    "privilegeExpireTs": 3600, "serviceRtc": {"enable": true, "role": 1},
                    "serviceRtm": {"enable": true}}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["code"].as_i64(), body["message"].as_str()),
        (Some(0), Some("Success"))
    );
    let t = info(body["data"]["token"].as_str().unwrap());
    assert_eq!(t["app_id"], APP_ID);
    assert_eq!(t["expire"], 3600);
    let services = t["services"].as_array().unwrap();
    assert_eq!(services.len(), 2);
    assert_eq!(services[0]["type"], "rtc");
    assert_eq!(services[0]["channel_name"], "channel_name_test");
    assert_eq!(services[0]["uid"], "12345678");
    assert_eq!(privileges(&services[0]), all4(3600));
    assert_eq!(services[1]["type"], "rtm");
    assert_eq!(services[1]["user_id"], "12345678");

    // Subscriber (role 2), a uid of "0" packed as given, Go's case-insensitive keys,
    // null fields, any content type.
    let (status, body) = s
        .post(
            "/token/generate",
            &json!({"CHANNELNAME": "c", "uid": "0", "tokenExpireTs": 600, "privilegeExpireTs": 300,
                    "serviceRtc": {"enable": true, "role": 2}, "serviceRtm": null, "extra": [1]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["data"]["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["channel_name"], "c");
    assert_eq!(t["services"][0]["uid"], "0");
    assert_eq!(privileges(&t["services"][0]), vec![("1".to_string(), 300)]);
    let (status, text) = s
        .post_raw(
            "/token/generate",
            "text/plain",
            r#"{"serviceFpa":{"enable":true},"tokenExpireTs":60}"#,
        )
        .await;
    assert_eq!(status, 200, "{text}");

    // Every service at once.
    let (status, body) = s
        .post(
            "/token/generate",
            &json!({"channelName": "c", "uid": "7", "tokenExpireTs": 900, "privilegeExpireTs": 900,
                    "serviceRtc": {"enable": true, "role": 1}, "serviceRtm": {"enable": true},
                    "serviceFpa": {"enable": true},
                    "serviceChat": {"enableUser": true, "enableApp": true, "userUuid": "u1"},
                    "serviceApaas": {"enableUser": true, "enableApp": true, "userUuid": "u2"}}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["data"]["token"].as_str().unwrap());
    let types: Vec<&str> = t["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["rtc", "rtm", "fpa", "chat", "chat", "apaas", "apaas"]
    );
    assert_eq!(privileges(&t["services"][2]), vec![("1".to_string(), 0)]);
    assert_eq!(t["services"][3]["user_id"], "u1");
    assert_eq!(t["services"][5]["user_uuid"], "u2");
    assert_eq!(t["services"][5]["role"], -1);

    // Bad inputs: code -1 (unreadable) or -2 (nothing to build), HTTP 400.
    for (body, code, needle) in [
        ("", -1, "EOF"),
        ("{", -1, "invalid JSON"),
        ("[1,2]", -1, "cannot unmarshal array"),
        (r#"{"uid": 42}"#, -1, "uid of type string"),
        (r#"{"tokenExpireTs": -1}"#, -1, "tokenExpireTs"),
        (r#"{"tokenExpireTs": 4294967296}"#, -1, "tokenExpireTs"),
        (
            r#"{"serviceRtc": {"enable": "yes"}}"#,
            -1,
            "serviceRtc.enable",
        ),
        (
            r#"{"serviceRtc": {"enable": true, "role": 65536}}"#,
            -1,
            "role",
        ),
        (r#"{"serviceRtc": 1}"#, -1, "serviceRtc"),
        (r#"{"channelName": "c"}"#, -2, "at least one service"),
        ("null", -2, "at least one service"),
    ] {
        let (status, text) = s
            .post_raw("/token/generate", "application/json", body)
            .await;
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(status, 400, "{body} -> {text}");
        assert_eq!(v["code"], code, "{body} -> {text}");
        assert_eq!(v["data"], "", "{body} -> {text}");
        assert!(
            v["message"].as_str().unwrap().contains(needle),
            "{body} -> {text}"
        );
    }
    // Oversize body: 413 with the same shape.
    let big = format!(r#"{{"channelName": "{}"}}"#, "x".repeat(20_000));
    let (status, text) = s.post_raw("/token/generate", "application/json", big).await;
    assert_eq!(status, 413, "{text}");
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap()["code"], -1);
    s.assert_alive().await;
    s.stop().await;
}

#[tokio::test]
async fn go_sample_fetch_rtc_token() {
    let s = Server::start(config()).await;
    let (status, body) = s
        .post(
            "/fetch_rtc_token",
            &json!({"uid": 123456, "ChannelName": "ChannelA", "role": 1}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["code"], "200");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["channel_name"], "ChannelA");
    assert_eq!(t["services"][0]["uid"], "123456");
    assert_eq!(t["expire"], 3600);
    assert_eq!(privileges(&t["services"][0]), all4(3600));
    // Web clients send channelName; role 2 joins only; uid 0 is any user.
    let (status, body) = s
        .post(
            "/fetch_rtc_token",
            &json!({"uid": 0, "channelName": "ChannelB", "role": 2}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["channel_name"], "ChannelB");
    assert_eq!(t["services"][0]["uid"], "");
    assert_eq!(privileges(&t["services"][0]).len(), 1);
    for bad in [
        json!({"uid": "123", "ChannelName": "c"}),
        json!({"uid": -1}),
        json!({"uid": 4294967296u64}),
        json!({"role": 1.5}),
        json!("text"),
    ] {
        let (status, body) = s.post("/fetch_rtc_token", &bad).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("400")),
            "{bad} -> {body}"
        );
        assert!(
            body["token"].as_str().unwrap().starts_with("Bad request."),
            "{body}"
        );
    }
    let (status, text) = s
        .post_raw("/fetch_rtc_token", "application/json", "{oops")
        .await;
    assert_eq!(status, 400, "{text}");
    s.assert_alive().await;
    s.stop().await;
}

#[tokio::test]
async fn community_routes() {
    let s = Server::start(config()).await;
    let (status, body) = s.get("/rtc/demo/publisher/uid/42/").await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["rtcToken"].as_str().unwrap());
    assert_eq!(
        (
            t["services"][0]["channel_name"].as_str(),
            t["services"][0]["uid"].as_str()
        ),
        (Some("demo"), Some("42"))
    );
    assert_eq!(t["expire"], 3600);
    assert_eq!(privileges(&t["services"][0]), all4(3600));
    // No trailing slash, subscriber, account, expiry.
    let (status, body) = s
        .get("/rtc/demo/subscriber/userAccount/alice?expiry=600")
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["rtcToken"].as_str().unwrap());
    assert_eq!(t["services"][0]["uid"], "alice");
    assert_eq!(t["expire"], 600);
    assert_eq!(privileges(&t["services"][0]), vec![("1".to_string(), 600)]);
    // Percent-encoded channel names are decoded.
    let (status, body) = s.get("/rtc/room%201/publisher/uid/0/").await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["rtcToken"].as_str().unwrap());
    assert_eq!(
        (
            t["services"][0]["channel_name"].as_str(),
            t["services"][0]["uid"].as_str()
        ),
        (Some("room 1"), Some(""))
    );

    let (status, body) = s.get("/rtm/alice/?expiry=120").await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["rtmToken"].as_str().unwrap());
    assert_eq!(
        (
            t["services"][0]["type"].as_str(),
            t["services"][0]["user_id"].as_str()
        ),
        (Some("rtm"), Some("alice"))
    );
    assert_eq!(t["expire"], 120);

    let (status, body) = s.get("/rte/demo/publisher/uid/42/").await;
    assert_eq!(status, 200, "{body}");
    info(body["rtcToken"].as_str().unwrap());
    let t = info(body["rtmToken"].as_str().unwrap());
    // The RTM token also joins the channel as a stream channel.
    assert_eq!(t["services"][0]["type"], "rtc");
    assert_eq!(t["services"][0]["uid"], "42");
    assert_eq!(
        privileges(&t["services"][0]),
        vec![("1".to_string(), 3600), ("4".to_string(), 3600)]
    );
    assert_eq!(t["services"][1]["user_id"], "42");
    let (status, body) = s.get("/rte/demo/publisher/uid/0/bob/").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        info(body["rtmToken"].as_str().unwrap())["services"][1]["user_id"],
        "bob"
    );

    let (status, body) = s.get("/chat/app/").await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["chatToken"].as_str().unwrap());
    assert_eq!(privileges(&t["services"][0]), vec![("2".to_string(), 3600)]);
    let (status, body) = s.get("/chat/account/bob?expiry=60").await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["chatToken"].as_str().unwrap());
    assert_eq!(t["services"][0]["user_id"], "bob");
    assert_eq!(privileges(&t["services"][0]), vec![("1".to_string(), 60)]);

    let (status, body) = s.get("/ping").await;
    assert_eq!((status, body), (200, json!({"message": "pong"})));

    // Bad inputs: {message|error, status: 400}.
    for (path, key, needle) in [
        (
            "/rtc/demo/publisher/uid/abc/",
            "error",
            "failed to parse uidStr",
        ),
        (
            "/rtc/demo/publisher/uid/4294967296/",
            "error",
            "failed to parse uidStr",
        ),
        (
            "/rtc/demo/publisher/account/a/",
            "error",
            "Unknown Tokentype",
        ),
        (
            "/rtc/demo/publisher/uid/1/?expiry=soon",
            "message",
            "failed to parse expireTime",
        ),
        (
            "/rtc/demo/publisher/uid/1/?expiry=",
            "message",
            "failed to parse expireTime",
        ),
        (
            "/rtc/demo/publisher/uid/1/?expiry=-5",
            "message",
            "failed to parse expireTime",
        ),
        ("/rtm/0/", "message", "invalid RTM User ID"),
        ("/rte/demo/publisher/uid/0/", "message", "rtm user ID"),
        ("/rte/demo/publisher/bad/1/", "error", "Unknown Tokentype"),
    ] {
        let (status, body) = s.get(path).await;
        assert_eq!(
            (status, body["status"].as_u64()),
            (400, Some(400)),
            "{path} -> {body}"
        );
        assert!(
            body[key].as_str().unwrap().contains(needle),
            "{path} -> {body}"
        );
    }
    let (status, body) = s.get("/rtc/demo/publisher/uid/").await;
    assert_eq!(status, 404, "{body}");
    s.assert_alive().await;
    s.stop().await;
}

#[tokio::test]
async fn community_get_token() {
    let s = Server::start(config()).await;
    let (status, body) = s
        .post(
            "/getToken",
            &json!({"tokenType": "rtc", "channel": "my-video-channel", "role": "publisher", "uid": "user123", "expire": 600}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["uid"], "user123");
    assert_eq!(t["expire"], 600);
    let (status, body) = s
        .post(
            "/getToken",
            &json!({"tokenType": "rtc", "channel": "c", "uid": "42"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["uid"], "42");
    assert_eq!(t["expire"], 3600);
    assert_eq!(
        privileges(&t["services"][0]).len(),
        1,
        "not publisher: join only"
    );
    let (status, body) = s
        .post(
            "/getToken",
            &json!({"tokenType": "rtm", "uid": "alice", "channel": "stream-1"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(t["services"][0]["channel_name"], "stream-1");
    let (status, body) = s.post("/getToken", &json!({"tokenType": "chat"})).await;
    assert_eq!(status, 200, "{body}");
    let t = info(body["token"].as_str().unwrap());
    assert_eq!(privileges(&t["services"][0]), vec![("2".to_string(), 3600)]);

    for (body, needle) in [
        (r#"{"tokenType": "video"}"#, "Unsupported tokenType"),
        (
            r#"{"tokenType": "rtc", "uid": "1"}"#,
            "missing channel name",
        ),
        (r#"{"tokenType": "rtc", "channel": "c"}"#, "missing user ID"),
        (
            r#"{"tokenType": "rtc", "channel": "c", "uid": "4294967296"}"#,
            "larger than",
        ),
        (
            r#"{"tokenType": "rtc", "channel": "c", "uid": "18446744073709551616"}"#,
            "larger than",
        ),
        (
            r#"{"tokenType": "rtc", "channel": "../../etc/passwd", "uid": "1"}"#,
            "channel_name: character '/'",
        ),
        (
            r#"{"tokenType": "rtm", "uid": "alice", "channel": "*"}"#,
            "channel_name: character '*'",
        ),
        (r#"{"tokenType": "rtm"}"#, "missing user ID"),
        (r#"{"tokenType": "chat", "expire": -1}"#, "expire"),
        (r#"{"tokenType": 1}"#, "tokenType"),
        ("nope", "invalid JSON"),
    ] {
        let (status, text) = s.post_raw("/getToken", "application/json", body).await;
        assert_eq!(status, 400, "{body} -> {text}");
        assert!(text.contains(needle), "{body} -> {text}");
    }
    s.assert_alive().await;
    s.stop().await;
}
