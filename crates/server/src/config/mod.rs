//! Server configuration: built-in defaults, then an optional TOML file, then
//! environment variables and flags (see [`crate::cli`]).
//!
//! Secrets (the app certificate, the JWT HS256 secret) are held in [`Secret`],
//! whose `Debug` prints `<redacted>`; API keys are never held at all, only
//! their SHA-256. So `{:?}` of a [`Config`] is safe to log.
//!
//! | module | holds |
//! | --- | --- |
//! | this one | [`Config`], what the server runs with, and [`ConfigError`] |
//! | [`limits`] | request, connection, rate-limit and shutdown settings |
//! | [`rate`] | the token-bucket [`Rate`] and its flag syntax |
//! | [`file`] | the TOML file format ([`FileConfig`]) and its error messages |
//! | [`keys`] | API keys, JWT settings and policies, checked |
//! | `toml_error` | TOML errors as position and message, never the source |

pub mod file;
pub mod keys;
pub mod limits;
pub mod rate;
mod toml_error;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use serde::Deserialize;

pub use crate::secret::Secret;
pub use file::{
    load_api_keys_file, FileApiKey, FileAuth, FileConfig, FileCors, FileJwt, FileLimits,
    FileRateLimit, FileShutdown,
};
pub use keys::{
    api_keys, jwt_config, parse_key_spec, policies, policy_ref, read_secret_file, Auth,
};
pub use limits::{Limits, RateLimits, Shutdown};
pub use rate::{parse_rate, Rate};

/// A configuration error: one line that says what to fix. Never contains a
/// secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

fn err(message: impl Into<String>) -> ConfigError {
    ConfigError(message.into())
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line (for log collectors).
    Json,
}

/// Everything the server needs. Build one with [`Config::new`] (or
/// [`Config::demo`]) and adjust the public fields.
#[derive(Debug, Clone)]
pub struct Config {
    app_id: String,
    app_certificate: Secret,
    /// Demo mode: made-up credentials; the CLI binds loopback only.
    pub demo: bool,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Token lifetime (seconds) where a route takes none from the request:
    /// `POST /fetch_rtc_token` and the native API's default.
    pub default_expire: u32,
    /// Request and connection limits.
    pub limits: Limits,
    /// Graceful shutdown.
    pub shutdown: Shutdown,
    /// Origins allowed by CORS; empty: no CORS headers (the default);
    /// `["*"]`: any origin.
    pub cors_origins: Vec<String>,
    /// Rate limits.
    pub rate_limits: RateLimits,
    /// Caller authentication.
    pub auth: Auth,
    /// Log format (used by the CLI when it sets up logging).
    pub log_format: LogFormat,
    /// TESTS ONLY (`--fixed-issue-ts`/`--fixed-salt`): every token this
    /// server issues gets this issue ts and salt, so a test can compare its
    /// tokens byte for byte with known ones. `None` (the default) issues
    /// tokens now with a random salt; a server with it set gives predictable
    /// tokens and must never serve real users.
    pub fixed_issue: Option<FixedIssue>,
    /// Serve the playground web page at `/` (off by default, on in demo
    /// mode). The page holds no secret: it calls the native API, which keeps
    /// its authentication.
    pub playground: bool,
}

/// A fixed issue time and salt for every token a server issues: tests only,
/// see [`Config::fixed_issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedIssue {
    /// Issue time, seconds since the Unix epoch.
    pub issue_ts: u32,
    /// Salt.
    pub salt: u32,
}

/// The port of the official Docker token service.
pub const DEFAULT_PORT: u16 = 8080;

impl Config {
    /// A configuration with the defaults, for these credentials (each must
    /// be 32 hexadecimal characters).
    pub fn new(app_id: &str, app_certificate: &str) -> Result<Config, ConfigError> {
        token_core::validate::app_id(app_id)
            .map_err(|e| err(format!("{e} (set APP_ID or --app-id)")))?;
        token_core::validate::app_certificate(app_certificate)
            .map_err(|e| err(format!("{e} (set APP_CERTIFICATE or --app-certificate)")))?;
        Ok(Config {
            app_id: app_id.to_string(),
            app_certificate: Secret::new(app_certificate),
            demo: false,
            listen: SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), DEFAULT_PORT),
            default_expire: 3600,
            limits: Limits::default(),
            shutdown: Shutdown::default(),
            cors_origins: Vec::new(),
            rate_limits: RateLimits::default(),
            auth: Auth::default(),
            log_format: LogFormat::Text,
            fixed_issue: None,
            playground: false,
        })
    }

    /// Demo mode: an app ID and certificate made up from the OS random source
    /// (tokens signed with them do not work on Agora), listening on loopback.
    pub fn demo() -> Config {
        let mut config = Config::new(&random_hex32(), &random_hex32())
            .expect("random hex is a valid app ID and certificate");
        config.demo = true;
        config.playground = true;
        config.listen = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DEFAULT_PORT);
        config
    }

    /// The app ID.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The app certificate (redacted in `Debug`).
    pub fn app_certificate(&self) -> &Secret {
        &self.app_certificate
    }
}

/// 32 lowercase hex characters from the OS random source.
pub fn random_hex32() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the operating system has no random source");
    token_core::codec::hex_lower(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    #[test]
    fn debug_redacts_the_certificate() {
        let c = Config::new(APP_ID, CERT).unwrap();
        let text = format!("{c:?}");
        assert!(
            !text.contains(CERT) && text.contains("<redacted>"),
            "{text}"
        );
        assert!(text.contains(APP_ID));
    }

    #[test]
    fn bad_credentials_never_echo_the_certificate() {
        let bad = "5CFd2fd1755d40ecb72977518be15d3z";
        let e = Config::new(APP_ID, bad).unwrap_err().to_string();
        assert!(!e.contains(bad) && e.contains("APP_CERTIFICATE"), "{e}");
        assert!(Config::new("nope", CERT).is_err());
    }

    #[test]
    fn demo_is_random_and_loopback() {
        let a = Config::demo();
        let b = Config::demo();
        assert_ne!(a.app_id(), b.app_id());
        assert!(a.listen.ip().is_loopback() && a.demo);
    }
}
