//! Operations over real HTTP: health, readiness, metrics, the OpenAPI
//! document, 404/405, CORS, deadlines, connection cap, graceful shutdown,
//! and logs that hold no secret.

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::time::Duration;

use common::{config, Capture, Server, CERT};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test]
async fn health_metrics_and_openapi() {
    let s = Server::start(config()).await;
    assert_eq!(s.get("/healthz").await, (200, json!({"status": "ok"})));
    assert_eq!(s.get("/readyz").await, (200, json!({"status": "ready"})));
    s.get("/rtc/demo/publisher/uid/1/").await;
    s.post("/v1/tokens", &json!({"kind": "fpa"})).await;
    s.post("/v1/tokens", &json!({"kind": "nope"})).await;
    let r = s.client.get(s.url("/metrics")).send().await.unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = r.text().await.unwrap();
    for needle in [
        r#"agora_token_http_requests_total{route="/rtc/{channel_name}/{role}/{tokentype}/{uid}/",method="GET",status="200"} 1"#,
        r#"agora_token_http_requests_total{route="/v1/tokens",method="POST",status="400"} 1"#,
        r#"agora_token_tokens_issued_total{kind="rtc"} 1"#,
        r#"agora_token_tokens_issued_total{kind="fpa"} 1"#,
        r#"agora_token_rejections_total{reason="bad_request"} 1"#,
        "agora_token_http_request_duration_seconds_bucket",
        "agora_token_open_connections",
        "process_resident_memory_bytes",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
    // No raw path (channel names) in the metrics.
    assert!(!text.contains("/rtc/demo"));

    // The OpenAPI document names every route the router has.
    let (status, doc) = s.get("/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.0.3");
    let normalize = |p: &str| -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in p.trim_end_matches('/').chars() {
            match c {
                '{' => {
                    depth += 1;
                    out.push_str("{}");
                }
                '}' => depth -= 1,
                _ if depth > 0 => {}
                _ => out.push(c),
            }
        }
        out
    };
    let documented: BTreeSet<String> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(|p| normalize(p))
        .collect();
    let routed: BTreeSet<String> = agora_token_server::routes::ROUTES
        .iter()
        .map(|r| normalize(r.template))
        .collect();
    assert_eq!(documented, routed);
    s.stop().await;
}

#[tokio::test]
async fn unknown_routes_wrong_methods_and_cors() {
    let s = Server::start(config()).await;
    let (status, body) = s.get("/no/such/route").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let r = s.client.get(s.url("/v1/tokens")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(r.headers()["allow"], "POST");
    let (_, body) = common::status_json(r).await;
    assert_eq!(body["error"]["code"], "method_not_allowed");
    let r = s
        .client
        .delete(s.url("/token/generate"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    // Every reply forbids caching.
    let r = s
        .client
        .get(s.url("/rtc/c/publisher/uid/1/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["cache-control"], "no-store");
    // CORS is off by default: no Access-Control-* headers.
    let r = s
        .client
        .get(s.url("/ping"))
        .header("origin", "https://app.example")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    s.stop().await;

    let mut c = config();
    c.cors_origins = vec!["https://app.example".into()];
    let s = Server::start(c).await;
    let r = s
        .client
        .request(reqwest::Method::OPTIONS, s.url("/token/generate"))
        .header("origin", "https://app.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,authorization",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://app.example"
    );
    let r = s
        .client
        .get(s.url("/ping"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    s.stop().await;
}

/// Reads one HTTP/1.1 response head and body (Content-Length) from a stream.
async fn read_response(stream: &mut TcpStream) -> (u16, String) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut chunk))
            .await
            .expect("response in time")
            .unwrap();
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(head_end) = text.find("\r\n\r\n") {
            let len = text[..head_end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(|v| v.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            if buf.len() >= head_end + 4 + len {
                let status = text[9..12].parse().unwrap();
                return (status, text[head_end + 4..].to_string());
            }
        }
    }
    panic!("connection closed: {:?}", String::from_utf8_lossy(&buf));
}

#[tokio::test]
async fn deadlines_and_connection_cap() {
    let mut c = config();
    c.limits.request_timeout = Duration::from_millis(300);
    c.limits.header_read_timeout = Duration::from_millis(300);
    c.limits.max_connections = 2;
    // The total cap alone (the per-address share has its own test).
    c.limits.max_connections_per_ip = Some(0);
    let s = Server::start(c).await;
    let addr = s.base.trim_start_matches("http://").to_string();

    // A body that never comes: 408.
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"POST /v1/tokens HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 20\r\n\r\n{")
        .await
        .unwrap();
    let (status, body) = read_response(&mut slow).await;
    assert_eq!(status, 408, "{body}");
    assert!(body.contains("timeout"));
    drop(slow);

    // Headers that never finish: the connection is closed.
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 256];
    let n = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut buf))
        .await
        .expect("closed in time")
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]).to_string();
    assert!(n == 0 || head.starts_with("HTTP/1.1 408"), "{head}");
    drop(slow);
    tokio::time::sleep(Duration::from_millis(100)).await;

    // Connection cap: two idle connections fill it; a third is closed at once.
    let mut a = TcpStream::connect(&addr).await.unwrap();
    let mut b = TcpStream::connect(&addr).await.unwrap();
    a.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(read_response(&mut a).await.0, 200);
    b.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(read_response(&mut b).await.0, 200);
    let mut third = TcpStream::connect(&addr).await.unwrap();
    let _ = third
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await;
    let n = tokio::time::timeout(Duration::from_secs(5), third.read(&mut buf))
        .await
        .expect("closed in time")
        .unwrap_or(0);
    assert_eq!(n, 0, "{:?}", String::from_utf8_lossy(&buf[..n]));
    drop((a, b, third));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let metrics = s.metrics().await;
    assert!(
        metrics.contains(r#"agora_token_connections_refused_total{limit="max_connections"} 1"#),
        "{metrics}"
    );
    s.stop().await;
}

#[tokio::test]
async fn graceful_shutdown_finishes_in_flight_requests() {
    let mut c = config();
    c.shutdown.drain_delay = Duration::from_millis(400);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(agora_token_server::serve(c, listener, async move {
        let _ = stopped.await;
    }));

    // A request in flight: headers and half the body sent.
    let body = br#"{"kind":"rtc","channel_name":"demo","uid":7}"#;
    let mut inflight = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /v1/tokens HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    inflight.write_all(head.as_bytes()).await.unwrap();
    inflight.write_all(&body[..10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;

    stop.send(()).unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Draining: still accepting, but not ready.
    let mut probe = TcpStream::connect(addr).await.unwrap();
    probe
        .write_all(b"GET /readyz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let (status, text) = read_response(&mut probe).await;
    assert_eq!((status, text.as_str()), (503, r#"{"status":"draining"}"#));

    // After the drain delay the listener is closed, but the request in
    // flight is still answered.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
    inflight.write_all(&body[10..]).await.unwrap();
    let (status, text) = read_response(&mut inflight).await;
    assert_eq!(status, 200, "{text}");
    let reply: Value = serde_json::from_str(&text).unwrap();
    common::verify(reply["token"].as_str().unwrap());
    drop(inflight);
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("server stops once idle")
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn logs_hold_no_secrets_and_no_tokens() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .finish();
    // Current-thread test runtime: the server's tasks log on this thread.
    let _guard = tracing::subscriber::set_default(subscriber);

    let key = "atk_log-test-key-000000000000000000000000000000";
    let mut c = config();
    c.auth.api_keys = vec![agora_token_server::auth::ApiKey {
        name: "logtest".into(),
        sha256: agora_token_server::auth::hash_key(key),
        policy: Default::default(),
    }];
    let s = Server::start(c).await;
    let (status, reply) = s
        .post_auth(
            "/v1/tokens",
            key,
            &json!({"kind": "rtc", "channel_name": "secret-channel", "uid": 9}),
        )
        .await;
    assert_eq!(status, 200, "{reply}");
    let token = reply["token"].as_str().unwrap().to_string();
    let (status, _) = s
        .post_auth(
            "/v1/tokens",
            "atk_wrong-key-in-logs",
            &json!({"kind": "fpa"}),
        )
        .await;
    assert_eq!(status, 401);
    let r = s
        .client
        .get(s.url("/rtc/secret-channel/publisher/uid/9/"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    s.stop().await;

    let logs = capture.text();
    assert!(
        logs.contains("status=200") && logs.contains("caller=\"logtest\""),
        "{logs}"
    );
    for secret in [
        CERT,
        key,
        "atk_wrong-key-in-logs",
        &token[..20],
        "secret-channel",
    ] {
        assert!(!logs.contains(secret), "{secret} in logs:\n{logs}");
    }
    let _ = std::io::stderr().flush();
}
