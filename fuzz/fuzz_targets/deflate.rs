//! Any bytes (scripts/fuzz caps them at 4 KiB) into token-core's zlib
//! encoder, against stock zlib's `compress2(.., 6)` (flate2 over the system
//! zlib, or libz-sys' bundled one): the output must be the same bytes, and
//! token-core's own decoder must give the input back. Also the fast encoder
//! (`deflate::fast`, which writes into a buffer sized up front): stock zlib
//! and token-core must both read its output back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ours = token_core::deflate::zlib_compress(data);
    let mut zlib = flate2::Compress::new(flate2::Compression::new(6), true);
    let mut reference = Vec::with_capacity(data.len() + 64);
    let status = zlib
        .compress_vec(data, &mut reference, flate2::FlushCompress::Finish)
        .unwrap();
    assert_eq!(status, flate2::Status::StreamEnd);
    assert!(
        ours == reference,
        "token-core and zlib level 6 differ on {} bytes:\nours {:02x?}\nzlib {:02x?}",
        data.len(),
        ours,
        reference
    );
    let back = token_core::inflate::zlib_decompress(&ours, data.len().max(1));
    assert_eq!(back.as_deref(), Ok(data), "token-core does not inflate its own output");
    let fast = token_core::deflate::fast::zlib_compress(data);
    let mut inflated = Vec::with_capacity(data.len());
    flate2::Decompress::new(true)
        .decompress_vec(&fast, &mut inflated, flate2::FlushDecompress::Finish)
        .expect("stock zlib reads the fast encoder's stream");
    assert_eq!(inflated, data, "stock zlib reads back other bytes from the fast encoder");
    let back = token_core::inflate::zlib_decompress(&fast, data.len().max(1));
    assert_eq!(back.as_deref(), Ok(data), "token-core does not inflate the fast encoder's output");
});
