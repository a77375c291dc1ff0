//! The playground page (`GET /` and its assets): served only when enabled,
//! with a self-only Content-Security-Policy, and the API it calls keeps its
//! authentication.

mod common;

use common::{config, Server};

async fn get(s: &Server, path: &str) -> reqwest::Response {
    s.client.get(s.url(path)).send().await.unwrap()
}

fn header<'a>(r: &'a reqwest::Response, name: &str) -> &'a str {
    r.headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

#[tokio::test]
async fn serves_the_page_and_assets_with_a_strict_csp() {
    let mut c = config();
    c.playground = true;
    let s = Server::start(c).await;

    let r = get(&s, "/").await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "text/html; charset=utf-8");
    let csp = header(&r, "content-security-policy").to_string();
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{part} missing from {csp}");
    }
    assert!(!csp.contains("unsafe") && !csp.contains('*') && !csp.contains("http"));
    assert_eq!(header(&r, "x-frame-options"), "DENY");
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    let html = r.text().await.unwrap();
    assert!(html.contains("<main"), "a main landmark");
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "no inline script or style (the CSP forbids them)"
    );

    for (asset, content_type) in [
        ("app.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
    ] {
        let r = get(&s, &format!("/playground/{asset}")).await;
        assert_eq!(r.status().as_u16(), 200, "{asset}");
        assert_eq!(header(&r, "content-type"), content_type);
        assert!(html.contains(&format!("/playground/{asset}")));
        assert!(!r.text().await.unwrap().is_empty());
    }
    let (status, body) = s.get("/playground/secret.txt").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = s.get("/playground/..%2Fopenapi.json").await;
    assert_eq!(status, 404);

    let metrics = s.metrics().await;
    assert!(metrics.contains(r#"route="/""#));
    assert!(metrics.contains(r#"route="/playground/{asset}""#));
    s.stop().await;
}

#[tokio::test]
async fn off_unless_enabled() {
    let s = Server::start(config()).await;
    for path in ["/", "/playground/app.js"] {
        let (status, body) = s.get(path).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (404, Some("not_found")),
            "{path}"
        );
    }
    s.stop().await;
    assert!(
        agora_token_server::Config::demo().playground,
        "on in demo mode"
    );
}
