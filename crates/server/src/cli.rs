//! `agora-token serve`: the flags, and the start-up that turns them (with the
//! environment and an optional TOML file) into a [`Config`] and runs the
//! server.
//!
//! Precedence: flags and their environment variables, then the TOML file,
//! then the defaults. Exit status: 0 after a clean shutdown, 64 for a
//! configuration error (the message says what to fix and never contains a
//! secret), 1 when the port cannot be bound, 70 for an internal error, 74
//! when `--generate-api-key` or `--check-config` cannot write stdout. [`run`]
//! returns the status; the binary exits with it.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::auth::{generate_api_key, JwtAlgorithm};
use crate::config::{
    self, parse_key_spec, parse_rate, read_secret_file, Config, ConfigError, FileConfig, FileJwt,
    FixedIssue, LogFormat, Rate, Secret, DEFAULT_PORT,
};

/// A rate-limit flag value: `RATE[/BURST]`, `0` for off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateFlag(pub Option<Rate>);

fn rate_flag(text: &str) -> Result<RateFlag, String> {
    parse_rate(text).map(RateFlag)
}

const SERVE_HELP: &str = "\
Configuration: flags and their environment variables win over the TOML file
(--config), which wins over the defaults. APP_ID, APP_CERTIFICATE and PORT
are the variables of the official Docker token service; CORS_ALLOW_ORIGIN
that of the community token service.

Authentication is on as soon as an API key (--api-key, API_KEY_HASHES, the
config file) or a JWT key is configured; then every token route needs
`Authorization: Bearer <API key or JWT>`. Without it, anyone who can reach the
port gets tokens: put the server behind your own authentication, or turn it on.

Examples:
  agora-token serve --demo
  APP_ID=... APP_CERTIFICATE=... agora-token serve
  agora-token serve --config /etc/agora-token/server.toml
  agora-token serve --generate-api-key web

Exit status: 0 after a clean shutdown (SIGTERM/SIGINT), 64 configuration
error, 1 cannot listen, 70 internal error, 74 stdout not writable for
--generate-api-key or --check-config.";

/// Arguments of `agora-token serve`.
#[derive(Debug, Args)]
#[command(after_help = SERVE_HELP)]
pub struct ServeArgs {
    /// TOML configuration file (see crates/server/README.md).
    #[arg(long, env = "AGORA_TOKEN_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Demo mode: a throw-away app ID and certificate made up from the OS
    /// random source (tokens will not work on Agora), listening on 127.0.0.1
    /// only. Ignores APP_ID and APP_CERTIFICATE.
    #[arg(long)]
    pub demo: bool,
    /// App ID: 32 hexadecimal characters.
    #[arg(
        long,
        env = "APP_ID",
        value_name = "HEX32",
        help_heading = "Credentials"
    )]
    pub app_id: Option<String>,
    /// App certificate: 32 hexadecimal characters. Never printed or logged.
    #[arg(
        long,
        env = "APP_CERTIFICATE",
        value_name = "HEX32",
        hide_env_values = true,
        help_heading = "Credentials"
    )]
    pub app_certificate: Option<String>,
    /// File holding the app certificate (e.g. a mounted secret); used when
    /// --app-certificate / APP_CERTIFICATE is not set.
    #[arg(long, value_name = "FILE", help_heading = "Credentials")]
    pub app_certificate_file: Option<PathBuf>,
    /// Interface to bind. [default: 0.0.0.0; --demo: 127.0.0.1]
    #[arg(long, value_name = "IP", help_heading = "Listening")]
    pub host: Option<IpAddr>,
    /// Port (0: any free port, printed at start). [default: 8080]
    #[arg(long, env = "PORT", help_heading = "Listening")]
    pub port: Option<u16>,
    /// Token lifetime in seconds where the request gives none
    /// (/fetch_rtc_token, the native API). [default: 3600]
    #[arg(long, value_name = "SECONDS", help_heading = "Tokens")]
    pub default_expire: Option<u32>,
    /// TESTS ONLY, never in production: give every token this issue time
    /// (seconds since the Unix epoch) instead of now. Needs --fixed-salt.
    /// Logged as a warning at start-up.
    #[arg(
        long,
        value_name = "TS",
        requires = "fixed_salt",
        help_heading = "Tests only"
    )]
    pub fixed_issue_ts: Option<u32>,
    /// TESTS ONLY, never in production: give every token this salt instead
    /// of a random one. Needs --fixed-issue-ts.
    #[arg(
        long,
        value_name = "N",
        requires = "fixed_issue_ts",
        help_heading = "Tests only"
    )]
    pub fixed_salt: Option<u32>,
    /// Log format. Log level: RUST_LOG (default info).
    #[arg(long, env = "LOG_FORMAT", value_enum, help_heading = "Operations")]
    pub log_format: Option<LogFormat>,
    /// Origin allowed by CORS, repeatable or comma-separated; `*` for any.
    /// [default: none, no CORS headers]
    #[arg(
        long = "cors-origin",
        env = "CORS_ALLOW_ORIGIN",
        value_name = "ORIGIN",
        value_delimiter = ',',
        help_heading = "Operations"
    )]
    pub cors_origins: Vec<String>,
    /// Rate limit per client IP: RATE[/BURST] requests per second, 0 for
    /// off. [default: 20/40]
    #[arg(long, value_name = "RATE[/BURST]", value_parser = rate_flag, help_heading = "Limits")]
    pub ip_rate_limit: Option<RateFlag>,
    /// Rate limit per API key or JWT subject: RATE[/BURST], 0 for off.
    /// [default: 200/400]
    #[arg(long, value_name = "RATE[/BURST]", value_parser = rate_flag, help_heading = "Limits")]
    pub caller_rate_limit: Option<RateFlag>,
    /// Reverse proxies in front that append to X-Forwarded-For (0: the
    /// client IP is the TCP peer). [default: 0]
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub trusted_proxy_hops: Option<usize>,
    /// Largest request body in bytes. [default: 16384]
    #[arg(long, value_name = "BYTES", help_heading = "Limits")]
    pub body_limit: Option<usize>,
    /// Whole-request deadline in milliseconds. [default: 10000]
    #[arg(long, value_name = "MS", help_heading = "Limits")]
    pub request_timeout_ms: Option<u64>,
    /// Most open connections. [default: 10000]
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub max_connections: Option<usize>,
    /// Most open connections from one client address (IPv6: one /64), 0
    /// for no share. [default: a quarter of --max-connections; none with
    /// --trusted-proxy-hops]
    #[arg(long, value_name = "N", help_heading = "Limits")]
    pub max_connections_per_ip: Option<usize>,
    /// Longest a write to a client may make no progress, milliseconds; past
    /// it the connection is closed. [default: 10000]
    #[arg(long, value_name = "MS", help_heading = "Limits")]
    pub write_timeout_ms: Option<u64>,
    /// Milliseconds between SIGTERM and closing the listener, while /readyz
    /// answers 503. [default: 0]
    #[arg(long, value_name = "MS", help_heading = "Operations")]
    pub drain_delay_ms: Option<u64>,
    /// Longest wait for in-flight requests at shutdown, milliseconds.
    /// [default: 30000]
    #[arg(long, value_name = "MS", help_heading = "Operations")]
    pub shutdown_timeout_ms: Option<u64>,
    /// API key as NAME=SHA256HEX[@POLICY], repeatable or comma-separated:
    /// the key itself is never given to the server, only its SHA-256 (see
    /// --generate-api-key).
    #[arg(
        long = "api-key",
        env = "API_KEY_HASHES",
        value_name = "NAME=SHA256[@POLICY]",
        value_delimiter = ',',
        help_heading = "Authentication"
    )]
    pub api_keys: Vec<String>,
    /// TOML file of [[api_keys]] entries (name, sha256, policy).
    #[arg(long, value_name = "FILE", help_heading = "Authentication")]
    pub api_keys_file: Option<PathBuf>,
    /// JWT algorithm. [default: from the key given]
    #[arg(long, value_enum, help_heading = "Authentication")]
    pub jwt_algorithm: Option<JwtAlgorithm>,
    /// File holding the JWT HS256 secret (at least 32 bytes). The secret can
    /// also come from the environment variable JWT_HS256_SECRET.
    #[arg(long, value_name = "FILE", help_heading = "Authentication")]
    pub jwt_hs256_secret_file: Option<PathBuf>,
    /// PEM file with the JWT RS256 public key.
    #[arg(long, value_name = "FILE", help_heading = "Authentication")]
    pub jwt_rs256_public_key_file: Option<PathBuf>,
    /// Required JWT issuer (iss).
    #[arg(long, value_name = "ISS", help_heading = "Authentication")]
    pub jwt_issuer: Option<String>,
    /// Required JWT audience (aud).
    #[arg(long, value_name = "AUD", help_heading = "Authentication")]
    pub jwt_audience: Option<String>,
    /// Serve the playground web page at / (generate, decode and check
    /// tokens in a browser; it calls the native API with the caller's
    /// credentials). [default: off; --demo: on]
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        help_heading = "Tools"
    )]
    pub playground: Option<bool>,
    /// Print a new random API key and the line that configures it, then
    /// exit. Give the key to the client; the server only needs the hash.
    #[arg(long, value_name = "NAME", help_heading = "Tools")]
    pub generate_api_key: Option<String>,
    /// Print the effective configuration (secrets redacted) and exit.
    #[arg(long, help_heading = "Tools")]
    pub check_config: bool,
}

fn err(m: impl Into<String>) -> ConfigError {
    ConfigError(m.into())
}

fn non_empty(v: &Option<String>) -> Option<String> {
    v.clone().filter(|s| !s.is_empty())
}

/// Builds the configuration from flags, environment and file.
pub fn build_config(args: &ServeArgs) -> Result<Config, ConfigError> {
    let file = match &args.config {
        Some(path) => FileConfig::load(path)?,
        None => FileConfig::default(),
    };
    let mut config = if args.demo {
        Config::demo()
    } else {
        let app_id = non_empty(&args.app_id)
            .or_else(|| file.app_id.clone())
            .ok_or_else(|| {
                err(
                    "missing app ID: set APP_ID (or --app-id, or app_id in the config file); \
                     to try the server without one, use --demo",
                )
            })?;
        let certificate =
            match non_empty(&args.app_certificate) {
                Some(c) => c,
                None => match args
                    .app_certificate_file
                    .as_ref()
                    .or(file.app_certificate_file.as_ref())
                {
                    Some(path) => read_secret_file(path, "app certificate")?,
                    None => return Err(err(
                        "missing app certificate: set APP_CERTIFICATE (or --app-certificate-file, \
                         or app_certificate_file in the config file)",
                    )),
                },
            };
        Config::new(&app_id, &certificate)?
    };

    let host = args.host.or(file.host);
    let port = args.port.or(file.port).unwrap_or(DEFAULT_PORT);
    config.listen = if args.demo {
        match host {
            Some(h) if !h.is_loopback() => {
                return Err(err(
                    "--demo listens on loopback only: drop --host or use 127.0.0.1",
                ))
            }
            Some(h) => SocketAddr::new(h, port),
            None => SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
        }
    } else {
        SocketAddr::new(host.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)), port)
    };
    if let Some(e) = args.default_expire.or(file.default_expire) {
        config.default_expire = e;
    }
    config.log_format = args.log_format.or(file.log_format).unwrap_or_default();
    config.fixed_issue = match (
        args.fixed_issue_ts.or(file.fixed_issue_ts),
        args.fixed_salt.or(file.fixed_salt),
    ) {
        (Some(issue_ts), Some(salt)) => Some(FixedIssue { issue_ts, salt }),
        (None, None) => None,
        _ => {
            return Err(err(
                "fixed_issue_ts and fixed_salt go together (tests only)",
            ))
        }
    };
    if let Some(on) = args.playground.or(file.playground) {
        config.playground = on;
    }

    let limits = &mut config.limits;
    if let Some(b) = args.body_limit.or(file.limits.body_bytes) {
        limits.body_bytes = b.max(1);
    }
    if let Some(ms) = args.request_timeout_ms.or(file.limits.request_timeout_ms) {
        limits.request_timeout = Duration::from_millis(ms.max(1));
    }
    if let Some(ms) = file.limits.header_read_timeout_ms {
        limits.header_read_timeout = Duration::from_millis(ms.max(1));
    }
    if let Some(n) = args.max_connections.or(file.limits.max_connections) {
        limits.max_connections = n.max(1);
    }
    if let Some(n) = args
        .max_connections_per_ip
        .or(file.limits.max_connections_per_ip)
    {
        limits.max_connections_per_ip = Some(n);
    }
    if let Some(ms) = args.write_timeout_ms.or(file.limits.write_timeout_ms) {
        limits.write_timeout = Duration::from_millis(ms.max(1));
    }
    if let Some(ms) = args.drain_delay_ms.or(file.shutdown.drain_delay_ms) {
        config.shutdown.drain_delay = Duration::from_millis(ms);
    }
    if let Some(ms) = args.shutdown_timeout_ms.or(file.shutdown.timeout_ms) {
        config.shutdown.timeout = Duration::from_millis(ms);
    }

    config.cors_origins = if args.cors_origins.is_empty() {
        file.cors.allow_origins.clone().unwrap_or_default()
    } else {
        args.cors_origins.clone()
    };
    config.cors_origins.retain(|o| !o.trim().is_empty());
    for o in &config.cors_origins {
        let ok = o == "*"
            || ((o.starts_with("http://") || o.starts_with("https://"))
                && axum::http::HeaderValue::from_str(o).is_ok());
        if !ok {
            return Err(err(format!(
                "CORS origin {o:?}: expected * or an origin like https://app.example.com"
            )));
        }
    }

    file.rate_limit.apply(&mut config.rate_limits);
    if let Some(RateFlag(r)) = args.ip_rate_limit {
        config.rate_limits.per_ip = r;
    }
    if let Some(RateFlag(r)) = args.caller_rate_limit {
        config.rate_limits.per_caller = r;
    }
    if let Some(h) = args.trusted_proxy_hops {
        config.rate_limits.trusted_proxy_hops = h;
    }

    // Authentication.
    let policies = config::policies(&file.auth.policies)?;
    let mut key_entries = file.auth.api_keys.clone();
    if let Some(path) = args
        .api_keys_file
        .as_ref()
        .or(file.auth.api_keys_file.as_ref())
    {
        key_entries.extend(config::load_api_keys_file(path)?);
    }
    for spec in args.api_keys.iter().filter(|s| !s.trim().is_empty()) {
        key_entries.push(parse_key_spec(spec)?);
    }
    config.auth.api_keys = config::api_keys(&key_entries, &policies)?;

    let env_secret = std::env::var("JWT_HS256_SECRET")
        .ok()
        .filter(|s| !s.is_empty());
    let mut jwt_file = file.auth.jwt.unwrap_or_default();
    let secret = match args
        .jwt_hs256_secret_file
        .as_ref()
        .or(jwt_file.secret_file.as_ref())
    {
        Some(path) => Some(read_secret_file(path, "JWT HS256 secret")?),
        None => env_secret,
    }
    .map(Secret::new);
    let public_key = match args
        .jwt_rs256_public_key_file
        .as_ref()
        .or(jwt_file.public_key_file.as_ref())
    {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
            err(format!(
                "cannot read JWT public key file {}: {e}",
                path.display()
            ))
        })?),
        None => None,
    };
    if args.jwt_algorithm.is_some() {
        jwt_file.algorithm = args.jwt_algorithm;
    }
    if args.jwt_issuer.is_some() {
        jwt_file.issuer = args.jwt_issuer.clone();
    }
    if args.jwt_audience.is_some() {
        jwt_file.audience = args.jwt_audience.clone();
    }
    let jwt_wanted = jwt_file.algorithm.is_some() || secret.is_some() || public_key.is_some();
    if jwt_wanted {
        if secret.is_some() && public_key.is_some() {
            return Err(err(
                "JWT: give either an HS256 secret or an RS256 public key, not both",
            ));
        }
        config.auth.jwt = Some(config::jwt_config(
            &FileJwt { ..jwt_file },
            secret,
            public_key,
            &policies,
        )?);
    }
    config.auth.policies = policies;
    Ok(config)
}

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.with_ansi(false).try_init(),
    };
}

fn banner(config: &Config, addr: SocketAddr) -> String {
    let url = format!("http://{addr}");
    let mut out = String::new();
    if config.demo {
        out.push_str(&format!(
            "agora-token serve --demo\n\
             DEMO MODE: throw-away credentials, made up just now from the OS random source.\n\
             Tokens from this server will NOT work on Agora: this app ID is not registered there.\n\
             \x20 demo APP_ID:          {}\n\
             \x20 demo APP_CERTIFICATE: {}   (throw-away; never use it elsewhere)\n\
             Listening on {url} (loopback only)\n\
             Try:\n\
             \x20 curl -s -X POST {url}/token/generate -H 'Content-Type: application/json' \\\n\
             \x20   -d '{{\"channelName\":\"demo\",\"uid\":\"42\",\"tokenExpireTs\":3600,\"privilegeExpireTs\":3600,\"serviceRtc\":{{\"enable\":true,\"role\":1}}}}'\n\
             \x20 curl -s {url}/rtc/demo/publisher/uid/42/\n\
             \x20 curl -s {url}/openapi.json\n",
            config.app_id(),
            config.app_certificate().expose(),
        ));
    } else {
        out.push_str(&format!(
            "agora-token serve: listening on {url} (app ID {})\n",
            config.app_id()
        ));
    }
    if config.playground {
        out.push_str(&format!(
            "Playground (generate, decode and check tokens in a browser): {url}/\n"
        ));
    }
    out
}

fn auth_summary(config: &Config) -> String {
    let mut parts = Vec::new();
    if !config.auth.api_keys.is_empty() {
        parts.push(format!("{} API key(s)", config.auth.api_keys.len()));
    }
    if let Some(j) = &config.auth.jwt {
        parts.push(format!("JWT {:?}", j.algorithm()));
    }
    if parts.is_empty() {
        "off".into()
    } else {
        parts.join(", ")
    }
}

/// Exit status after a clean shutdown or a printed report.
pub const EXIT_OK: u8 = 0;
/// Exit status when the port cannot be bound (or serving fails).
pub const EXIT_CANNOT_LISTEN: u8 = 1;
/// Exit status for a configuration error.
pub const EXIT_CONFIG: u8 = 64;
/// Exit status for an internal error (the async runtime cannot start).
pub const EXIT_INTERNAL: u8 = 70;
/// Exit status when stdout cannot be written (closed, a pipe whose reader
/// is gone): the report went nowhere, which is not a crash.
pub const EXIT_OUTPUT: u8 = 74;

/// Writes a report to stdout. A closed stdout or a broken pipe is the
/// reader's choice, not a bug: no panic (as `println!` would), no message,
/// just [`EXIT_OUTPUT`]. Any other write error is reported on stderr.
fn print_report(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                let _ = writeln!(std::io::stderr(), "error: cannot write the output: {e}");
            }
            ExitCode::from(EXIT_OUTPUT)
        }
    }
}

/// The text of `--generate-api-key NAME`.
fn api_key_report(name: &str) -> String {
    let (key, hash) = generate_api_key();
    format!(
        "API key for {name:?} (give it to the client; it is not stored anywhere):\n\
         \x20 {key}\n\
         Server configuration (only the SHA-256 of the key):\n\
         \x20 --api-key '{name}={hash}'\n\
         \x20 or in the config file:\n\
         \x20 [[auth.api_keys]]\n\
         \x20 name = \"{name}\"\n\
         \x20 sha256 = \"{hash}\"\n"
    )
}

/// Runs `agora-token serve` and returns its exit status (the caller exits
/// with it): 0 after a clean shutdown, 64 configuration error, 1 cannot
/// listen, 70 internal error, 74 stdout not writable for a report.
pub fn run(args: ServeArgs) -> ExitCode {
    if let Some(name) = &args.generate_api_key {
        return print_report(&api_key_report(name));
    }
    let config = match build_config(&args) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    if args.check_config {
        return print_report(&format!("{config:#?}\n"));
    }
    init_logging(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot start the async runtime: {e}"
            );
            return ExitCode::from(EXIT_INTERNAL);
        }
    };
    let code = runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(config.listen).await {
            Ok(l) => l,
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: cannot listen on {}: {e}",
                    config.listen
                );
                return EXIT_CANNOT_LISTEN;
            }
        };
        let addr = listener.local_addr().unwrap_or(config.listen);
        // The banner is a courtesy: with stdout closed the server still
        // serves (its logs go to stderr). With JSON logs (containers, log
        // shippers) every line must be JSON, so the `serving` event below,
        // which has the address and app ID, stands in for it; the demo
        // banner, which is the point of `--demo`, always prints.
        if config.demo || config.log_format != LogFormat::Json {
            let mut stdout = std::io::stdout().lock();
            let _ = write!(stdout, "{}", banner(&config, addr)).and_then(|()| stdout.flush());
        }
        let auth = auth_summary(&config);
        if auth == "off" && !config.demo {
            tracing::warn!(
                "caller authentication is off: anyone who can reach {addr} can get tokens \
                 (configure API keys or JWT, see `agora-token serve --help`)"
            );
        }
        tracing::info!(
            %addr,
            app_id = config.app_id(),
            auth = %auth,
            cors = ?config.cors_origins,
            ip_rate_limit = ?config.rate_limits.per_ip,
            caller_rate_limit = ?config.rate_limits.per_caller,
            "serving"
        );
        if let Some(f) = config.fixed_issue {
            // Loud on purpose: such a server hands out predictable tokens.
            let _ = writeln!(
                std::io::stderr(),
                "WARNING: TESTS ONLY: every token gets issue_ts {} and salt {} \
                 (--fixed-issue-ts/--fixed-salt); never serve real users with this",
                f.issue_ts,
                f.salt
            );
            tracing::warn!(
                issue_ts = f.issue_ts,
                salt = f.salt,
                "TESTS ONLY: fixed issue ts and salt for every token; not for production"
            );
        }
        match crate::serve(config, listener, crate::shutdown_signal()).await {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "error: {e}");
                EXIT_CANNOT_LISTEN
            }
        }
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        serve: ServeArgs,
    }

    fn args(list: &[&str]) -> ServeArgs {
        Wrapper::try_parse_from(std::iter::once("serve").chain(list.iter().copied()))
            .unwrap()
            .serve
    }

    #[test]
    fn fixed_issue_is_off_by_default_and_needs_both_values() {
        let c = build_config(&args(&["--demo"])).unwrap();
        assert_eq!(c.fixed_issue, None);
        let c = build_config(&args(&[
            "--demo",
            "--fixed-issue-ts",
            "7",
            "--fixed-salt",
            "9",
        ]))
        .unwrap();
        assert_eq!(
            c.fixed_issue,
            Some(FixedIssue {
                issue_ts: 7,
                salt: 9
            })
        );
        let alone = std::iter::once("serve").chain(["--demo", "--fixed-salt", "9"]);
        assert!(Wrapper::try_parse_from(alone).is_err());
    }

    #[test]
    fn demo_is_loopback_and_refuses_other_hosts() {
        let c = build_config(&args(&["--demo", "--port", "0"])).unwrap();
        assert!(c.listen.ip().is_loopback() && c.demo);
        let e = build_config(&args(&["--demo", "--host", "0.0.0.0"])).unwrap_err();
        assert!(e.0.contains("loopback"));
    }

    #[test]
    fn flags() {
        let hash = "ab".repeat(32);
        let c = build_config(&args(&[
            "--demo",
            "--ip-rate-limit",
            "0",
            "--caller-rate-limit",
            "5/7",
            "--api-key",
            &format!("web={hash}"),
            "--cors-origin",
            "https://a.example",
        ]))
        .unwrap();
        assert_eq!(c.rate_limits.per_ip, None);
        assert_eq!(
            c.rate_limits.per_caller,
            Some(Rate {
                rate: 5.0,
                burst: 7
            })
        );
        assert_eq!(c.auth.api_keys.len(), 1);
        assert_eq!(c.cors_origins, ["https://a.example"]);
        assert!(build_config(&args(&["--demo", "--cors-origin", "nope"])).is_err());
        assert!(rate_flag("x").is_err());
    }
}
