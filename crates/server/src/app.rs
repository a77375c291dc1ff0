//! The application: every route of [`crate::routes::ROUTES`] with the
//! layers of [`crate::middleware`]. Kept apart from both so that the
//! middleware may use what the routes define (labels) without the routes
//! depending on the middleware in turn.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::Config;
use crate::middleware;
use crate::routes::ROUTES;
use crate::state::SharedState;

/// The routes with their layers.
pub fn app(state: SharedState, config: &Config) -> Router {
    let mut router = Router::new();
    for r in ROUTES.iter().filter(|r| config.playground || !r.playground) {
        router = router.route(r.template, (r.handler)());
    }
    let mut router = router
        .fallback(middleware::not_found)
        .method_not_allowed_fallback(middleware::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), config.limits.request_timeout),
            middleware::deadline,
        ));
    if let Some(cors) = cors_layer(&config.cors_origins) {
        router = router.layer(cors);
    }
    router
        .layer(CatchPanicLayer::custom(middleware::panic_response))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::observe,
        ))
        .with_state(state)
}

/// The CORS layer for the configured origins (`None`: no CORS, the default).
pub fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values: Vec<HeaderValue> = origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        AllowOrigin::list(values)
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                HeaderName::from_static("x-requested-with"),
            ])
            .max_age(Duration::from_secs(600)),
    )
}
