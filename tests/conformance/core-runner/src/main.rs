//! token-core, called directly, for `scripts/test-conformance`.
//!
//! Reads one JSON request per line on stdin: `{"id", "builder", "inputs",
//! "token"?, "mode"}` with the builder names and input keys of
//! `tests/vectors/*.json` (plus `parse` and `verify` for bad inputs). Writes
//! one JSON line per request: `{"id", "ok": true, "token", "lenient"}` or
//! `{"id", "ok": false, "kind": "<ErrorKind name>", "message"}`.
//!
//! `mode` `"auto"` (vectors) uses the checked builder and, when it refuses
//! the input with `invalid_input`, its `_unchecked` twin (`"lenient": true`),
//! as `crates/token-core/tests/vectors.rs` does; `"checked"` (bad inputs)
//! uses the checked builder only. The mapping of builder names to calls is
//! the one of that test, so the driver's other surfaces are compared with
//! exactly what the core test proves against the official tokens.

use std::io::{self, BufRead, Write};

use serde_json::{json, Value};
use token_core::{ErrorKind, Result};

// The vector test of token-core shares this file; what only it uses is
// unused here.
#[allow(dead_code)]
mod cases;

use cases::{build006, build007, legacy, Inputs};

/// Runs one request: the token text and whether the lenient twin made it.
fn run(req: &Value) -> Result<(String, bool)> {
    let b = req["builder"].as_str().unwrap_or("");
    let i = Inputs(&req["inputs"]);
    let auto = req["mode"].as_str() != Some("checked");
    let token = req["token"].as_str().unwrap_or("");
    match b {
        "parse" => token_core::parse(token).map(|_| (String::new(), false)),
        "verify" => token_core::verify(
            token,
            i.str("app_certificate")?,
            i.0["channel_name"].as_str(),
            i.0["uid"].as_str().unwrap_or(""),
        )
        .map(|_| (String::new(), false)),
        _ if b.starts_with("rtc006.") || b.starts_with("rtm006.") => {
            let (token, _, _) = build006(b, &i)?;
            Ok((token.build(i.str("app_certificate")?)?, false))
        }
        _ if ["dk3.", "dk4.", "dk5.", "signaling."]
            .iter()
            .any(|p| b.starts_with(p)) =>
        {
            legacy(b, &i).map(|t| (t, false))
        }
        _ => {
            let (token, lenient) = match build007(b, &i, true) {
                Ok(t) => (t, false),
                Err(e) if auto && e.kind() == ErrorKind::InvalidInput => {
                    (build007(b, &i, false)?, true)
                }
                Err(e) => return Err(e),
            };
            let signed = token
                .with_issue(i.u32("issue_ts")?, i.u32("salt")?)
                .build(i.str("app_certificate")?)?;
            Ok((signed, lenient))
        }
    }
}

fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        let req: Value = serde_json::from_str(&line).expect("one JSON request per line");
        let reply = match run(&req) {
            Ok((token, lenient)) => {
                json!({"id": req["id"], "ok": true, "token": token, "lenient": lenient})
            }
            Err(e) => {
                json!({"id": req["id"], "ok": false, "kind": e.kind().as_str(), "message": e.to_string()})
            }
        };
        writeln!(out, "{reply}").expect("stdout");
    }
}
