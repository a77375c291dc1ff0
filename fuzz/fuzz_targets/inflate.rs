//! Any bytes into token-core's own zlib decoder (src/inflate.rs), against
//! flate2's as the reference: it must never panic, and whatever it accepts
//! flate2 must accept with the same output. Seeds are the compressed contents
//! of valid tokens, from token-core's encoder and from zlib at several levels
//! (see examples/seed_corpus.rs).
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 1 << 16;

fuzz_target!(|data: &[u8]| {
    let ours = token_core::inflate::zlib_decompress(data, LIMIT);
    let Ok(ours) = ours else {
        return;
    };
    let mut reference = Vec::new();
    let read = flate2::read::ZlibDecoder::new(data)
        .take(LIMIT as u64 + 1)
        .read_to_end(&mut reference);
    assert!(
        read.is_ok(),
        "token-core accepted a stream flate2 refuses: {read:?}"
    );
    assert_eq!(ours, reference, "token-core and flate2 decode differently");
});
