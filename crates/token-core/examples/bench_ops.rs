//! The token-core side of `scripts/bench-report` (and `scripts/bench-peers`):
//! times the operations that the report times in the bindings and in the
//! official packages, checks the peers' sample tokens, and runs one stage of
//! a token at a time for callgrind's instruction counts.
//!
//! ```text
//! bench_ops time [--runs N] [--min-ms MS]   # JSON: ns/op per run, per operation
//! bench_ops verify-token                    # the 007 token every harness parses
//! bench_ops check007 TOKEN...               # peer 007 samples: same RTC service?
//! bench_ops check006 TOKEN...               # peer 006 samples: same channel, uid, privileges?
//! bench_ops stage NAME ITERATIONS           # one stage, ITERATIONS times (for callgrind)
//! bench_ops stage-time [--runs N] [--min-ms MS]  # every stage timed: "name best_ns median_ns"
//! bench_ops stages                          # the stage names
//! ```
//!
//! The operations, with the inputs every harness uses:
//! - `build007`: `rtc::with_uid(APP_ID, CHANNEL, UID, Publisher, 3600, 3600).build(CERT)`,
//!   issue time and salt drawn per token as the official builders do;
//! - `verify007`: `v007::verify(token, CERT)` of the fixed token that
//!   `verify-token` prints (issue ts 1700000000, salt 12345678);
//! - `build006`: `v006::rtc::with_uid(APP_ID, CHANNEL, UID, Publisher, 2000000000).build(CERT)`.
//!
//! Timing: a warm-up, then `--runs` rounds (default 5); in each round every
//! operation runs for at least `--min-ms` (default 500) and gives one ns/op.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use token_core::builder::rtc::{self, Role};
use token_core::service::{Rtc, Service};
use token_core::{check, codec, v006, v007};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
const UID: u32 = 2882341273;
const EXPIRE: u32 = 3600;
/// Issue time and salt of the token the parse/verify operation reads.
const ISSUE_TS: u32 = 1_700_000_000;
const SALT: u32 = 12_345_678;
/// 006 privileges expire at an absolute time; a fixed one keeps the inputs
/// the same in every language.
const PRIVILEGE_EXPIRED_TS_006: u32 = 2_000_000_000;

fn build007() -> String {
    rtc::with_uid(
        black_box(APP_ID),
        black_box(CHANNEL),
        black_box(UID),
        Role::Publisher,
        black_box(EXPIRE),
        black_box(EXPIRE),
    )
    .and_then(|t| t.build(black_box(CERT)))
    .expect("the benchmark inputs are valid")
}

fn unsigned007() -> v007::AccessToken2 {
    rtc::with_uid(APP_ID, CHANNEL, UID, Role::Publisher, EXPIRE, EXPIRE)
        .expect("valid inputs")
        .with_issue(ISSUE_TS, SALT)
}

fn verify_token() -> String {
    unsigned007().build(CERT).expect("valid inputs")
}

fn build006() -> String {
    v006::rtc::with_uid(
        black_box(APP_ID),
        black_box(CHANNEL),
        black_box(UID),
        v006::rtc::Role::Publisher,
        black_box(PRIVILEGE_EXPIRED_TS_006),
    )
    .and_then(|t| t.build(black_box(CERT)))
    .expect("the benchmark inputs are valid")
}

/// One timed operation or stage.
type Op<'a> = Box<dyn FnMut() + 'a>;

/// Keeps a result alive so the work that made it is not optimised out.
fn sink<T>(v: T) {
    drop(black_box(v));
}

/// Runs `op` for at least `min` and returns ns/op.
fn run(op: &mut dyn FnMut(), min: Duration) -> f64 {
    let start = Instant::now();
    let mut n: u64 = 0;
    loop {
        for _ in 0..64 {
            op();
        }
        n += 64;
        let elapsed = start.elapsed();
        if elapsed >= min {
            return elapsed.as_nanos() as f64 / n as f64;
        }
    }
}

fn check007(token: &str) -> Result<(), String> {
    let parsed = v007::verify(token, CERT).map_err(|e| e.to_string())?;
    let t = &parsed.token;
    if t.app_id != APP_ID || t.expire != EXPIRE || t.services.len() != 1 {
        return Err(format!("unexpected token fields: {t:?}"));
    }
    let Service::Rtc(rtc) = &t.services[0] else {
        return Err(format!("not an RTC service: {:?}", t.services[0]));
    };
    let want: Vec<(u16, u32)> = [
        Rtc::JOIN_CHANNEL,
        Rtc::PUBLISH_AUDIO_STREAM,
        Rtc::PUBLISH_VIDEO_STREAM,
        Rtc::PUBLISH_DATA_STREAM,
    ]
    .iter()
    .map(|&p| (p, EXPIRE))
    .collect();
    if rtc.channel_name != CHANNEL
        || rtc.uid != UID.to_string()
        || rtc.privileges.iter().collect::<Vec<_>>() != want
    {
        return Err(format!("unexpected RTC service: {rtc:?}"));
    }
    Ok(())
}

fn check006(token: &str) -> Result<(), String> {
    // The 006 signature covers the channel name and uid, so this also checks
    // that the peer signed for the same ones.
    let parsed = v006::verify(token, CERT, CHANNEL, &UID.to_string()).map_err(|e| e.to_string())?;
    let want: Vec<(u16, u32)> = [
        v006::privilege::JOIN_CHANNEL,
        v006::privilege::PUBLISH_AUDIO_STREAM,
        v006::privilege::PUBLISH_VIDEO_STREAM,
        v006::privilege::PUBLISH_DATA_STREAM,
    ]
    .iter()
    .map(|&p| (p, PRIVILEGE_EXPIRED_TS_006))
    .collect();
    let mut got: Vec<(u16, u32)> = parsed.privileges.iter().collect();
    got.sort_unstable();
    if parsed.app_id != APP_ID || got != want {
        return Err(format!(
            "unexpected 006 fields: app ID {}, privileges {got:?}",
            parsed.app_id
        ));
    }
    Ok(())
}

/// The stages of a token, each alone, for callgrind's instruction counts.
const STAGES: &[&str] = &[
    "build007",
    "builder_with_uid",
    "clock_now",
    "random_salt",
    "signing_info",
    "signing_key_2x_hmac",
    "signature_hmac",
    "content_total",
    "deflate",
    "deflate_zlib",
    "base64_encode",
    "build_prebuilt",
    "verify007",
    "parse007",
    "base64_decode",
    "inflate",
    "signature_check",
    "check007",
    "build006",
];

fn signing_key(cert: &str, issue_ts: u32, salt: u32) -> [u8; 32] {
    // The derivation of v007's private signing key (checked below).
    let k = codec::hmac_sha256(&issue_ts.to_le_bytes(), cert.as_bytes());
    codec::hmac_sha256(&salt.to_le_bytes(), &k)
}

/// Sets up stage `name` and hands it to `f` (to run it N times, or to time it).
fn with_stage(name: &str, f: &mut dyn FnMut(&mut dyn FnMut())) -> Result<(), String> {
    let token = unsigned007();
    let info = token.signing_info().map_err(|e| e.to_string())?;
    let key = signing_key(CERT, ISSUE_TS, SALT);
    let content = token.content(CERT).map_err(|e| e.to_string())?;
    let compressed = codec::deflate(&content);
    let text = verify_token();
    let b64 = &text[3..];
    let parsed = v007::parse(&text).map_err(|e| e.to_string())?;
    if content[2..34] != codec::hmac_sha256(&key, &info) {
        return Err("signing key derivation differs from token-core's".into());
    }
    let mut op: Op = match name {
        "build007" => Box::new(|| sink(build007())),
        "builder_with_uid" => Box::new(|| {
            sink(rtc::with_uid(
                black_box(APP_ID),
                black_box(CHANNEL),
                black_box(UID),
                Role::Publisher,
                EXPIRE,
                EXPIRE,
            ))
        }),
        "clock_now" => Box::new(|| sink(codec::now())),
        "random_salt" => Box::new(|| sink(codec::random_salt())),
        "signing_info" => Box::new(|| sink(black_box(&token).signing_info())),
        "signing_key_2x_hmac" => Box::new(|| {
            sink(signing_key(
                black_box(CERT),
                black_box(ISSUE_TS),
                black_box(SALT),
            ))
        }),
        "signature_hmac" => {
            Box::new(|| sink(codec::hmac_sha256(black_box(&key), black_box(&info))))
        }
        "content_total" => Box::new(|| sink(black_box(&token).content(black_box(CERT)))),
        // A token issued now: the fast encoder (a pinned one, for which
        // token-core writes zlib's own bytes: deflate_zlib).
        "deflate" => Box::new(|| sink(codec::deflate_fast(black_box(&content)))),
        "deflate_zlib" => Box::new(|| sink(codec::deflate(black_box(&content)))),
        "base64_encode" => Box::new(|| sink(codec::base64_encode(black_box(&compressed)))),
        "build_prebuilt" => Box::new(|| sink(black_box(&token).build(black_box(CERT)))),
        "verify007" => Box::new(|| sink(v007::verify(black_box(&text), black_box(CERT)))),
        "parse007" => Box::new(|| sink(v007::parse(black_box(&text)))),
        "base64_decode" => Box::new(|| sink(codec::base64_decode(black_box(b64)))),
        "inflate" => Box::new(|| sink(codec::inflate(black_box(&compressed)))),
        "signature_check" => Box::new(|| sink(black_box(&parsed).verify(black_box(CERT)))),
        "check007" => {
            // The client the token was built for, within its lifetime.
            let join = check::Request::new(check::Action::rtc_join(CHANNEL, UID.to_string()));
            Box::new(move || {
                sink(check::check(
                    black_box(&text),
                    black_box(CERT),
                    black_box(&join),
                    u64::from(ISSUE_TS) + 1,
                ))
            })
        }
        "build006" => Box::new(|| sink(build006())),
        _ => {
            return Err(format!(
                "unknown stage {name}; one of: {}",
                STAGES.join(" ")
            ))
        }
    };
    f(op.as_mut());
    Ok(())
}

/// Times every stage like `time` times the operations: warm-up, then `runs`
/// runs of at least `min_ms`; prints "stage best_ns median_ns" lines.
fn stage_time(args: &[String]) -> ExitCode {
    let Some((runs, min_ms)) = runs_and_min_ms(args) else {
        return usage();
    };
    let min = Duration::from_millis(min_ms);
    for name in STAGES {
        let mut ns = Vec::new();
        let timed = with_stage(name, &mut |op| {
            run(op, min.min(Duration::from_millis(100)));
            ns = (0..runs).map(|_| run(op, min)).collect();
        });
        if let Err(e) = timed {
            eprintln!("bench_ops: {e}");
            return ExitCode::FAILURE;
        }
        ns.sort_by(f64::total_cmp);
        println!("{name} {:.1} {:.1}", ns[0], ns[ns.len() / 2]);
    }
    ExitCode::SUCCESS
}

/// `--runs N --min-ms MS` (defaults 5 and 500).
fn runs_and_min_ms(args: &[String]) -> Option<(u32, u64)> {
    let (mut runs, mut min_ms) = (5u32, 500u64);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = it.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), value) {
            ("--runs", Some(v)) if v > 0 => runs = v as u32,
            ("--min-ms", Some(v)) if v > 0 => min_ms = v,
            _ => return None,
        }
    }
    Some((runs, min_ms))
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: bench_ops time [--runs N] [--min-ms MS] | verify-token | check007 TOKEN... \
         | check006 TOKEN... | stage NAME ITERATIONS | stage-time [--runs N] [--min-ms MS] | stages"
    );
    ExitCode::from(2)
}

fn time(args: &[String]) -> ExitCode {
    let Some((runs, min_ms)) = runs_and_min_ms(args) else {
        return usage();
    };
    let text = verify_token();
    if let Err(e) = check007(&build007()).and_then(|_| check006(&build006())) {
        eprintln!("bench_ops: own token does not check: {e}");
        return ExitCode::FAILURE;
    }
    let mut ops: Vec<(&str, Op)> = vec![
        ("build007", Box::new(|| sink(build007()))),
        (
            "verify007",
            Box::new(|| sink(v007::verify(black_box(&text), black_box(CERT)))),
        ),
        ("build006", Box::new(|| sink(build006()))),
    ];
    let min = Duration::from_millis(min_ms);
    let warm_up = min.min(Duration::from_millis(300));
    for (_, op) in ops.iter_mut() {
        run(op.as_mut(), warm_up);
    }
    let mut per_op: Vec<Vec<f64>> = vec![Vec::new(); ops.len()];
    for _ in 0..runs {
        for (i, (_, op)) in ops.iter_mut().enumerate() {
            per_op[i].push(run(op.as_mut(), min));
        }
    }
    let fields: Vec<String> = ops
        .iter()
        .zip(&per_op)
        .map(|((name, _), ns)| {
            let list: Vec<String> = ns.iter().map(|v| format!("{v:.1}")).collect();
            format!("\"{name}\":[{}]", list.join(","))
        })
        .collect();
    println!(
        "{{\"impl\":\"token-core\",\"version\":\"{}\",\"ns\":{{{}}},\"samples\":{{\"build007\":\"{}\",\"build006\":\"{}\"}}}}",
        env!("CARGO_PKG_VERSION"),
        fields.join(","),
        build007(),
        build006()
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        return usage();
    };
    let checks = |f: fn(&str) -> Result<(), String>| {
        let mut ok = args.len() > 1;
        for token in &args[1..] {
            if let Err(e) = f(token) {
                eprintln!("bench_ops: {token}: {e}");
                ok = false;
            }
        }
        if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    };
    match command.as_str() {
        "time" => time(&args[1..]),
        "verify-token" => {
            println!("{}", verify_token());
            ExitCode::SUCCESS
        }
        "check007" => checks(check007),
        "check006" => checks(check006),
        "stage-time" => stage_time(&args[1..]),
        "stages" => {
            println!("{}", STAGES.join("\n"));
            ExitCode::SUCCESS
        }
        "stage" => {
            let (Some(name), Some(Ok(n))) = (args.get(1), args.get(2).map(|v| v.parse::<u64>()))
            else {
                return usage();
            };
            match with_stage(name, &mut |op| (0..n).for_each(|_| op())) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("bench_ops: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => usage(),
    }
}
