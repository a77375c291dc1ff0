//! The cost of the C ABI, measured in one process: building one RTC 007
//! token with a uid through `agora_token_rtc_build_with_uid` (the exported
//! function, called through the C ABI exactly as a C program calls it, result
//! freed with `agora_token_string_free`) against `token_core::builder::rtc::
//! with_uid(..).build(cert)` directly, same inputs, default issue time and
//! salt.
//!
//! ```text
//! cargo run --release -p agora-token-c --example ffi_overhead -- [--rounds N] [--batch N]
//! ```
//!
//! Batches of the two alternate, so load on a shared machine hits both alike;
//! each round gives one ratio (C API time / direct time) and the median ratio
//! is the result. Prints one JSON line:
//! `{"core_ns":C,"c_api_ns":F,"median_ratio":R,"rounds":N}` (ns/token: the
//! best batch of each).

use std::ffi::c_char;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use agora_token::{agora_token_string_free, rtc::agora_token_rtc_build_with_uid, AgoraTokenStatus};
use token_core::builder::rtc::{self, Role};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
// NUL-terminated copies for the C API (byte literals: the crate's MSRV
// predates c"" literals).
const APP_ID_C: &[u8] = b"970CA35de60c44645bbae8a215061b33\0";
const CERT_C: &[u8] = b"5CFd2fd1755d40ecb72977518be15d3b\0";
const CHANNEL_C: &[u8] = b"7d72365eb983485397e3e3f9d460bdda\0";
const UID: u32 = 2882341273;
const EXPIRE: u32 = 3600;

fn core_once() {
    let token = rtc::with_uid(
        black_box(APP_ID),
        black_box(CHANNEL),
        black_box(UID),
        Role::Publisher,
        black_box(EXPIRE),
        black_box(EXPIRE),
    )
    .and_then(|t| t.build(black_box(CERT)))
    .expect("valid inputs");
    black_box(token);
}

fn c_api_once() {
    let mut token: *mut c_char = std::ptr::null_mut();
    // SAFETY: valid C strings, a writable out-parameter, NULL options and
    // out_error (allowed); the token is freed once with the library's free.
    let status = unsafe {
        agora_token_rtc_build_with_uid(
            black_box(APP_ID_C.as_ptr().cast()),
            black_box(CERT_C.as_ptr().cast()),
            black_box(CHANNEL_C.as_ptr().cast()),
            black_box(UID),
            1,
            black_box(EXPIRE),
            black_box(EXPIRE),
            std::ptr::null(),
            &mut token,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(status, AgoraTokenStatus::Ok);
    black_box(token);
    // SAFETY: returned by the library above.
    unsafe { agora_token_string_free(token) };
}

fn batch(f: fn(), n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut rounds, mut n) = (40u32, 2000u32);
    for pair in args.chunks(2) {
        match (pair[0].as_str(), pair.get(1).and_then(|v| v.parse().ok())) {
            ("--rounds", Some(v)) if v > 0 => rounds = v,
            ("--batch", Some(v)) if v > 0 => n = v,
            _ => {
                eprintln!("usage: ffi_overhead [--rounds N] [--batch N]");
                return ExitCode::from(2);
            }
        }
    }
    // Warm-up: caches, allocator, branch predictors.
    batch(core_once, n);
    batch(c_api_once, n);
    let (mut best_core, mut best_c) = (f64::INFINITY, f64::INFINITY);
    let mut ratios = Vec::with_capacity(rounds as usize);
    for round in 0..rounds {
        // Alternate which goes first, so neither always follows the other.
        let (core, c) = if round % 2 == 0 {
            let core = batch(core_once, n);
            (core, batch(c_api_once, n))
        } else {
            let c = batch(c_api_once, n);
            (batch(core_once, n), c)
        };
        best_core = best_core.min(core);
        best_c = best_c.min(c);
        ratios.push(c / core);
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    println!(
        "{{\"core_ns\":{best_core:.1},\"c_api_ns\":{best_c:.1},\"median_ratio\":{median:.4},\"rounds\":{rounds}}}"
    );
    ExitCode::SUCCESS
}
