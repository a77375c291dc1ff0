//! Criterion benchmarks of token-core.
//!
//! ```text
//! cargo bench -p token-core --bench tokens              # everything, < 1 min
//! cargo bench -p token-core --bench tokens -- breakdown # one group (a filter)
//! cargo bench -p token-core --bench tokens -- --test    # smoke run, no timing
//! ```
//!
//! Every iteration makes (or takes apart) exactly one token, so criterion's
//! "time" is ns/token. A table of all the estimates measured in this run is
//! printed at the end.
//!
//! Groups:
//! - `rtc007_build_with_uid`: `builder::rtc::with_uid(..).build(cert)`, with
//!   the default issue time and salt (clock read + CSPRNG salt), with
//!   `.with_issue(..)` fixed, and `.build(cert)` alone on a prebuilt unsigned
//!   token (the builder draws salt and clock before `.with_issue` replaces
//!   them, so only the last one leaves both out).
//! - `parse_verify_007`: `v007::parse` and `v007::verify` of a prebuilt token.
//! - `rtc006_build`: `v006::rtc::with_uid(..).build(cert)`.
//! - `rtc007_breakdown`: the stages of one RTC 007 token, each alone, and
//!   two of its parse: base64 decode and the signature check of a parsed
//!   token (the stages `scripts/bench-report` also times, with its own method,
//!   for docs/benchmarks.md).
//! - `zlib_deflate`: token-core's zlib encoder and inflate against flate2
//!   (over stock zlib: the dev-dependency enables its `zlib` feature) used the
//!   ways a general zlib would be.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::thread::LocalKey;
use std::time::{Duration, SystemTime};

use criterion::{black_box, BenchmarkGroup, Criterion};
// flate2 is a dev-dependency of token-core (its reference zlib); used here
// only to compare token-core's own encoder with a general zlib.
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use token_core::builder::rtc::{self, Role};
use token_core::{codec, v006, v007};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
const UID: u32 = 2882341273;
const EXPIRE: u32 = 3600;
const ISSUE_TS: u32 = 1_700_000_000;
const SALT: u32 = 12_345_678;

fn configure<M: criterion::measurement::Measurement>(g: &mut BenchmarkGroup<'_, M>) {
    // ~1.5 s per benchmark plus analysis: the ~25 benchmarks take < 1 min.
    g.warm_up_time(Duration::from_millis(400))
        .measurement_time(Duration::from_millis(1000))
        .sample_size(40);
}

fn unsigned_token() -> v007::AccessToken2 {
    rtc::with_uid(APP_ID, CHANNEL, UID, Role::Publisher, EXPIRE, EXPIRE)
        .unwrap()
        .with_issue(ISSUE_TS, SALT)
}

fn rtc007_build_with_uid(c: &mut Criterion) {
    let mut g = c.benchmark_group("rtc007_build_with_uid");
    configure(&mut g);
    g.bench_function("default_issue_and_salt", |b| {
        b.iter(|| {
            rtc::with_uid(
                black_box(APP_ID),
                black_box(CHANNEL),
                black_box(UID),
                Role::Publisher,
                EXPIRE,
                EXPIRE,
            )
            .unwrap()
            .build(black_box(CERT))
            .unwrap()
        })
    });
    g.bench_function("fixed_issue", |b| {
        b.iter(|| {
            rtc::with_uid(
                black_box(APP_ID),
                black_box(CHANNEL),
                black_box(UID),
                Role::Publisher,
                EXPIRE,
                EXPIRE,
            )
            .unwrap()
            .with_issue(black_box(ISSUE_TS), black_box(SALT))
            .build(black_box(CERT))
            .unwrap()
        })
    });
    // `AccessToken2::new` (inside the builder) draws a salt and reads the
    // clock even when `.with_issue` replaces them, so `fixed_issue` still
    // pays for both; this one signs and encodes a prebuilt unsigned token.
    let unsigned = unsigned_token();
    g.bench_function("build_only_prebuilt", |b| {
        b.iter(|| black_box(&unsigned).build(black_box(CERT)).unwrap())
    });
    g.finish();
}

fn parse_verify_007(c: &mut Criterion) {
    let token = unsigned_token().build(CERT).unwrap();
    let mut g = c.benchmark_group("parse_verify_007");
    configure(&mut g);
    g.bench_function("parse", |b| {
        b.iter(|| v007::parse(black_box(&token)).unwrap())
    });
    g.bench_function("verify", |b| {
        b.iter(|| v007::verify(black_box(&token), black_box(CERT)).unwrap())
    });
    g.finish();
}

fn rtc006_build(c: &mut Criterion) {
    let mut g = c.benchmark_group("rtc006_build");
    configure(&mut g);
    g.bench_function("default_salt_and_ts", |b| {
        b.iter(|| {
            v006::rtc::with_uid(
                black_box(APP_ID),
                black_box(CHANNEL),
                black_box(UID),
                v006::rtc::Role::Publisher,
                ISSUE_TS + EXPIRE,
            )
            .unwrap()
            .build(black_box(CERT))
            .unwrap()
        })
    });
    g.finish();
}

fn signing_key(cert: &str, issue_ts: u32, salt: u32) -> [u8; 32] {
    // The same derivation as v007's private signing_key.
    let k = codec::hmac_sha256(&issue_ts.to_le_bytes(), cert.as_bytes());
    codec::hmac_sha256(&salt.to_le_bytes(), &k)
}

fn breakdown(c: &mut Criterion) {
    let token = unsigned_token();
    let info = token.signing_info().unwrap();
    let key = signing_key(CERT, ISSUE_TS, SALT);
    let content = token.content(CERT).unwrap();
    let compressed = codec::deflate(&content);
    // The derivation above must be the one the crate signs with.
    assert_eq!(&content[2..34], &codec::hmac_sha256(&key, &info));

    let mut g = c.benchmark_group("rtc007_breakdown");
    configure(&mut g);
    g.bench_function("builder_with_uid", |b| {
        // Validation + service structs + clock + salt, no signing.
        b.iter(|| {
            rtc::with_uid(
                black_box(APP_ID),
                black_box(CHANNEL),
                black_box(UID),
                Role::Publisher,
                EXPIRE,
                EXPIRE,
            )
            .unwrap()
        })
    });
    g.bench_function("clock_now", |b| b.iter(codec::now));
    g.bench_function("random_salt", |b| b.iter(codec::random_salt));
    g.bench_function("signing_key_2x_hmac", |b| {
        b.iter(|| signing_key(black_box(CERT), black_box(ISSUE_TS), black_box(SALT)))
    });
    g.bench_function("signing_info", |b| {
        b.iter(|| black_box(&token).signing_info().unwrap())
    });
    g.bench_function("signature_hmac", |b| {
        b.iter(|| codec::hmac_sha256(black_box(&key), black_box(&info)))
    });
    g.bench_function("content_total", |b| {
        // validate + signing_info + signing key + signature + framing.
        b.iter(|| black_box(&token).content(black_box(CERT)).unwrap())
    });
    g.bench_function("deflate", |b| {
        b.iter(|| codec::deflate(black_box(&content)))
    });
    g.bench_function("base64_encode", |b| {
        b.iter(|| codec::base64_encode(black_box(&compressed)))
    });
    // The parse side: decode, and the signature check of a parsed token.
    let text = token.build(CERT).unwrap();
    g.bench_function("base64_decode", |b| {
        b.iter(|| codec::base64_decode(black_box(&text[3..])).unwrap())
    });
    let parsed = v007::parse(&text).unwrap();
    g.bench_function("signature_check", |b| {
        b.iter(|| black_box(&parsed).verify(black_box(CERT)).unwrap())
    });
    g.finish();
}

thread_local! {
    static L6: RefCell<Compress> = RefCell::new(Compress::new(Compression::default(), true));
    static L1: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), true));
    static INFLATE: RefCell<Decompress> = RefCell::new(Decompress::new(true));
}

/// flate2 (over stock zlib, see above) with a per-thread compressor
/// that is reset for each token: what token-core did before its own encoder.
fn flate2_reused(cell: &'static LocalKey<RefCell<Compress>>, data: &[u8]) -> Vec<u8> {
    cell.with(|cell| {
        let mut z = cell.borrow_mut();
        z.reset();
        let mut out = Vec::with_capacity(data.len() + 64);
        loop {
            let done = z.total_in() as usize;
            let status = z
                .compress_vec(&data[done..], &mut out, FlushCompress::Finish)
                .unwrap();
            if status == Status::StreamEnd {
                break;
            }
            out.reserve(out.capacity());
        }
        out
    })
}

/// flate2 with a new compressor per token.
fn flate2_fresh(data: &[u8]) -> Vec<u8> {
    let mut z = Compress::new(Compression::default(), true);
    let mut out = Vec::with_capacity(data.len() + 64);
    loop {
        let done = z.total_in() as usize;
        let status = z
            .compress_vec(&data[done..], &mut out, FlushCompress::Finish)
            .unwrap();
        if status == Status::StreamEnd {
            break;
        }
        out.reserve(out.capacity());
    }
    out
}

/// flate2 inflate with a per-thread decompressor, reset for each token.
fn flate2_inflate_reused(data: &[u8]) -> Vec<u8> {
    INFLATE.with(|cell| {
        let mut d = cell.borrow_mut();
        d.reset(true);
        let mut out = Vec::with_capacity(data.len() * 3);
        loop {
            let done = d.total_in() as usize;
            let status = d
                .decompress_vec(&data[done..], &mut out, FlushDecompress::Finish)
                .unwrap();
            if status == Status::StreamEnd {
                break;
            }
            out.reserve(out.capacity());
        }
        out
    })
}

/// A way to zlib a token's content.
type Zlib = fn(&[u8]) -> Vec<u8>;

fn zlib(c: &mut Criterion) {
    let content = unsigned_token().content(CERT).unwrap();
    let compressed = codec::deflate(&content);
    let alternatives: [(&str, Zlib); 4] = [
        ("token_core_deflate", codec::deflate),
        ("flate2_reused_l6", |d| flate2_reused(&L6, d)),
        ("flate2_fresh_l6", flate2_fresh),
        ("flate2_reused_l1", |d| flate2_reused(&L1, d)),
    ];
    let sizes: Vec<String> = alternatives
        .iter()
        .map(|(name, f)| {
            let out = f(&content);
            assert_eq!(codec::inflate(&out).unwrap(), content, "{name}");
            assert_eq!(flate2_inflate_reused(&out), content, "{name}");
            format!("{name} {} B", out.len())
        })
        .collect();
    eprintln!(
        "zlib_deflate: content {} B -> {}",
        content.len(),
        sizes.join(", ")
    );

    let mut g = c.benchmark_group("zlib_deflate");
    configure(&mut g);
    for (name, f) in alternatives {
        g.bench_function(name, |b| b.iter(|| f(black_box(&content))));
    }
    g.bench_function("token_core_inflate", |b| {
        b.iter(|| codec::inflate(black_box(&compressed)).unwrap())
    });
    g.bench_function("flate2_inflate_reused", |b| {
        b.iter(|| flate2_inflate_reused(black_box(&compressed)))
    });
    g.finish();
}

/// Where criterion writes its estimates: the same rule criterion uses, but
/// decided here so the summary reads the same place.
fn output_directory() -> PathBuf {
    if let Some(v) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(v);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("criterion")
}

/// Prints ns/iteration (= ns/token) of every benchmark measured in this run.
fn summary(dir: &Path, since: SystemTime) {
    let mut rows = Vec::new();
    let Ok(groups) = std::fs::read_dir(dir) else {
        return;
    };
    for group in groups.flatten() {
        let Ok(benches) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for bench in benches.flatten() {
            let file = bench.path().join("new/estimates.json");
            let fresh = std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since);
            if !fresh {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            // Slope (linear regression over iteration counts) when criterion
            // computed it, else the mean.
            let est = |k: &str| v[k]["point_estimate"].as_f64();
            if let Some(ns) = est("slope").or_else(|| est("mean")) {
                let name = format!(
                    "{}/{}",
                    group.file_name().to_string_lossy(),
                    bench.file_name().to_string_lossy()
                );
                rows.push((name, ns, est("median").unwrap_or(ns)));
            }
        }
    }
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    println!(
        "\n{:<50} {:>12} {:>12}",
        "benchmark", "ns/token", "median ns"
    );
    for (name, ns, median) in rows {
        println!("{name:<50} {ns:>12.1} {median:>12.1}");
    }
}

fn main() {
    let since = SystemTime::now();
    let dir = output_directory();
    let mut c = Criterion::default()
        // Fewer bootstrap resamples: the analysis runs single-threaded here.
        .nresamples(20_000)
        .output_directory(&dir)
        .configure_from_args();
    rtc007_build_with_uid(&mut c);
    parse_verify_007(&mut c);
    rtc006_build(&mut c);
    breakdown(&mut c);
    zlib(&mut c);
    c.final_summary();
    summary(&dir, since);
}
