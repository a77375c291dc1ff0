//! The playground: one web page at `/` to generate a token with this server's
//! credentials, decode any token (with a timeline of its expiries) and ask
//! "would Agora let this user in?". Plain HTML, CSS and JavaScript, embedded
//! in the binary; the page talks only to this server's native API
//! (`/v1/tokens`, `/v1/tokens/inspect`, `/v1/tokens/check`), which keeps its
//! authentication: when API keys or JWTs are configured the page asks for one
//! and sends it as `Authorization: Bearer`, and holds it in memory only.
//!
//! Served when `playground` is on (`--playground`, on in `--demo`):
//!
//! - `GET /` → the page, with a Content-Security-Policy that allows this
//!   origin only (no inline script or style, no other host);
//! - `GET /playground/{asset}` → `app.js`, `style.css`, `favicon.svg`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;

use crate::state::{Reason, Rejection, SharedState};

/// The route template of the page's assets.
pub const ASSET: &str = "/playground/{asset}";

/// The page's Content-Security-Policy: everything from this origin only, no
/// inline script or style, no framing, no form posts, no `<base>`.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; \
     base-uri 'none'; frame-ancestors 'none'";

const INDEX_HTML: &str = include_str!("../../assets/playground/index.html");

/// `(name, content type, text)` of each asset.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/playground/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/playground/style.css"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_str!("../../assets/playground/favicon.svg"),
    ),
];

fn static_response(content_type: &'static str, body: &'static str) -> Response {
    let mut r = Response::new(axum::body::Body::from(body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// `GET /`: the page.
pub async fn page() -> Response {
    static_response("text/html; charset=utf-8", INDEX_HTML)
}

/// `GET /playground/{asset}`.
pub async fn asset(State(state): State<SharedState>, Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, text)) => static_response(content_type, text),
        None => Rejection::new(Reason::NotFound, "no such playground asset").reply(&state),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_refers_to_every_asset_and_no_other_host() {
        for (name, _, _) in ASSETS {
            assert!(
                INDEX_HTML.contains(&format!("/playground/{name}")),
                "{name} unused"
            );
        }
        // The only absolute URL allowed is the SVG namespace name, which is
        // never fetched.
        for text in std::iter::once(INDEX_HTML).chain(ASSETS.iter().map(|a| a.2)) {
            for (i, _) in text.match_indices("//") {
                let rest = &text[i..];
                let before = &text[..i];
                let is_url = before.ends_with("http:") || before.ends_with("https:");
                assert!(
                    !is_url || rest.starts_with("//www.w3.org/2000/svg"),
                    "the playground must load nothing from other hosts: {}",
                    &rest[..rest.len().min(40)]
                );
            }
        }
    }
}
