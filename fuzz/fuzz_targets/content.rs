//! Bytes as the decompressed content of a 007 token. The target wraps them
//! the way a token is ("007" + base64(zlib(content))), so every mutation
//! reaches the inner parser: signature, signing info, service count and every
//! service's layout. Seeds are the contents of valid tokens of each service
//! (see examples/seed_corpus.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use token_core::{codec, v007};

const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

/// zlib in stored blocks: valid zlib, and far cheaper per run than a real
/// compressor, so the fuzzer spends its time in the parser.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 5 * (data.len() / 65535 + 1) + 6);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(65535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(c) = chunks.next() {
        out.push(chunks.peek().is_none() as u8);
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn wrap(content: &[u8]) -> String {
    format!(
        "{}{}",
        v007::VERSION,
        codec::base64_encode(&zlib_stored(content))
    )
}

fuzz_target!(|content: &[u8]| {
    let token = wrap(content);
    let Ok(parsed) = v007::parse(&token) else {
        return;
    };
    let _ = parsed.verify(CERT);
    assert_eq!(
        parsed.signing_info(),
        &content[content.len() - parsed.signing_info().len()..],
        "signing_info is the content after the signature"
    );

    // Normalising round trip: packing what was parsed and parsing that again
    // gives the same fields. (Not byte equality with the input: packing sorts
    // services by type and merges repeated privilege ids.)
    if parsed.unknown_service_type.is_some() {
        return;
    }
    let Ok(info) = parsed.token.signing_info() else {
        return;
    };
    let mut repacked = Vec::with_capacity(info.len() + 34);
    repacked.extend_from_slice(&32u16.to_le_bytes());
    repacked.extend_from_slice(&[0u8; 32]);
    repacked.extend_from_slice(&info);
    let again = v007::parse(&wrap(&repacked)).expect("a packed token parses");
    let mut want = parsed.token.services.clone();
    want.sort_by_key(|s| s.service_type());
    assert_eq!(again.token.services, want, "services survive pack + parse");
    assert_eq!(
        (
            again.token.app_id.as_str(),
            again.token.issue_ts,
            again.token.expire,
            again.token.salt
        ),
        (
            parsed.token.app_id.as_str(),
            parsed.token.issue_ts,
            parsed.token.expire,
            parsed.token.salt
        ),
    );
    assert_eq!(again.signing_info(), &info[..]);
});
