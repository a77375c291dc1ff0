//! Times token-core building one RTC 007 token with a uid, the operation that
//! `scripts/bench-peers` times in the official Node and Python builders too.
//!
//! ```text
//! cargo run --release -p token-core --example bench_rtc007 -- [--runs N] [--min-ms MS]
//! cargo run --release -p token-core --example bench_rtc007 -- --verify TOKEN...
//! ```
//!
//! Timing mode warms up, then does `--runs` runs (default 5) of at least
//! `--min-ms` milliseconds (default 500) each, and prints one JSON line:
//! `{"impl":"token-core","ns_per_token":[per run...],"best_ns":B,"sample":"007..."}`.
//!
//! `--verify` checks that each TOKEN (for instance one from a peer builder)
//! verifies with the benchmark's certificate and carries the same RTC
//! service, so every implementation is timed doing the same thing.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use token_core::builder::rtc::{self, Role};
use token_core::service::{Rtc, Service};
use token_core::v007;

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
const UID: u32 = 2882341273;
const EXPIRE: u32 = 3600;

fn build() -> String {
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

/// Builds tokens for at least `min` and returns ns/token.
fn run(min: Duration) -> f64 {
    let start = Instant::now();
    let mut n: u64 = 0;
    loop {
        for _ in 0..256 {
            black_box(build());
        }
        n += 256;
        let elapsed = start.elapsed();
        if elapsed >= min {
            return elapsed.as_nanos() as f64 / n as f64;
        }
    }
}

fn verify(token: &str) -> Result<(), String> {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--verify") {
        let mut ok = true;
        for token in &args[1..] {
            if let Err(e) = verify(token) {
                eprintln!("bench_rtc007: {token}: {e}");
                ok = false;
            }
        }
        return if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }

    let (mut runs, mut min_ms) = (5u32, 500u64);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = it.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), value) {
            ("--runs", Some(v)) if v > 0 => runs = v as u32,
            ("--min-ms", Some(v)) if v > 0 => min_ms = v,
            _ => {
                eprintln!("usage: bench_rtc007 [--runs N] [--min-ms MS] | --verify TOKEN...");
                return ExitCode::from(2);
            }
        }
    }

    let sample = build();
    if let Err(e) = verify(&sample) {
        eprintln!("bench_rtc007: own token does not verify: {e}");
        return ExitCode::FAILURE;
    }
    let min = Duration::from_millis(min_ms);
    run(min.min(Duration::from_millis(300))); // warm-up: caches, allocator, branch predictors
    let per_run: Vec<f64> = (0..runs).map(|_| run(min)).collect();
    let best = per_run.iter().copied().fold(f64::INFINITY, f64::min);
    let list: Vec<String> = per_run.iter().map(|v| format!("{v:.1}")).collect();
    println!(
        "{{\"impl\":\"token-core\",\"ns_per_token\":[{}],\"best_ns\":{best:.1},\"sample\":\"{sample}\"}}",
        list.join(",")
    );
    ExitCode::SUCCESS
}
