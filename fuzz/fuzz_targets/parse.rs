//! Any input, as text, into every token parser of token-core: none may panic,
//! whatever the input (they all promise an error instead).
#![no_main]

use libfuzzer_sys::fuzz_target;
use token_core::legacy::{dynamic_key3, dynamic_key4, dynamic_key5, signaling};
use token_core::{v006, v007};

const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

fuzz_target!(|data: &[u8]| {
    // Lossy, so every input reaches the parsers (invalid UTF-8 becomes U+FFFD,
    // which also exercises multi-byte characters at fixed offsets).
    let text = String::from_utf8_lossy(data);
    let s: &str = &text;

    let _ = token_core::parse(s);

    if let Ok(p) = v007::parse(s) {
        let _ = p.verify(CERT);
        let _ = p.token.expires_at();
        // A parsed token packs again (or says why not) without panicking.
        let _ = p.token.signing_info();
    }
    let _ = v007::verify(s, CERT);

    if let Ok(p) = v006::parse(s) {
        let _ = p.verify(CERT, "channel", "42");
        let _ = p.expiry();
    }
    let _ = v006::verify(s, CERT, "channel", "");

    let _ = dynamic_key3::parse(s);
    let _ = dynamic_key3::verify(s, CERT, "channel");
    let _ = dynamic_key4::parse(s);
    let _ = dynamic_key5::parse(s);
    let _ = dynamic_key5::verify(s, CERT, "channel", 42);

    // The Signaling token is checked against an account: a fixed one, and
    // the input's first line (so the fuzzer can make them match).
    let _ = signaling::verify(s, "alice", CERT);
    if let Some((account, token)) = s.split_once('\n') {
        let _ = signaling::verify(token, account, CERT);
    }
});
