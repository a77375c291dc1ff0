//! The outer layers of a token: zlib and base64, plus HMAC and randomness.
//!
//! zlib output may differ between implementations (and levels); what Agora
//! checks is the decompressed content, so tests compare decompressed bytes.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::{Error, Result};

/// Standard alphabet; decoding accepts the token with or without `=`
/// padding, as Node's `Buffer.from(s, 'base64')` does.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Largest decompressed token [`inflate`] accepts (64 KiB). Real tokens are a
/// few hundred bytes (a 007 token with every service and long names stays
/// under 4 KiB); the cap keeps a hostile "zip bomb" from allocating without
/// bound. A caller with a tighter budget uses [`inflate_limited`].
pub const MAX_CONTENT_BYTES: u64 = 64 << 10;

/// HMAC-SHA256 of `msg` under `key`.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// Constant-time equality of two byte strings.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// zlib-compresses `data` with [`crate::deflate::zlib_compress`]: the
/// bytes zlib's `compress()` writes at level 6.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    crate::deflate::zlib_compress(data)
}

/// zlib-compresses `data` with [`crate::deflate::fast::zlib_compress`]:
/// a valid stream of about the same size, several times faster, but not
/// zlib's bytes.
pub fn deflate_fast(data: &[u8]) -> Vec<u8> {
    crate::deflate::fast::zlib_compress(data)
}

/// Inflates zlib data (checking its Adler-32) with
/// [`crate::inflate::zlib_decompress`], refusing output larger than
/// [`MAX_CONTENT_BYTES`].
pub fn inflate(data: &[u8]) -> Result<Vec<u8>> {
    inflate_limited(data, MAX_CONTENT_BYTES as usize)
}

/// [`inflate`] refusing output larger than `max_bytes` (at most
/// [`MAX_CONTENT_BYTES`]: a larger value is lowered to it).
///
/// ```
/// let z = token_core::codec::deflate(&[0u8; 100]);
/// assert!(token_core::codec::inflate_limited(&z, 100).is_ok());
/// assert!(token_core::codec::inflate_limited(&z, 99).unwrap_err().to_string().contains("larger than 99 bytes"));
/// ```
pub fn inflate_limited(data: &[u8], max_bytes: usize) -> Result<Vec<u8>> {
    let max = max_bytes.min(MAX_CONTENT_BYTES as usize);
    crate::inflate::zlib_decompress(data, max).map_err(|e| match e {
        crate::inflate::InflateError::TooLarge => {
            Error::malformed(format!("zlib: content larger than {max} bytes"))
        }
        e => Error::malformed(format!("zlib: {e}")),
    })
}

/// Standard base64 with padding.
pub fn base64_encode(data: &[u8]) -> String {
    BASE64.encode(data)
}

/// Appends standard base64 with padding to `out`.
pub fn base64_encode_into(data: &[u8], out: &mut String) {
    BASE64.encode_string(data, out)
}

/// Standard base64, padding optional.
pub fn base64_decode(text: &str) -> Result<Vec<u8>> {
    BASE64
        .decode(text)
        .map_err(|e| Error::malformed(format!("base64: {e}")))
}

/// Lowercase hex of `bytes`.
pub fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Decodes hex (any case) of even length, or `None`.
pub fn hex_decode(text: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        (c as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes
        .chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect()
}

/// Largest salt the official builders draw.
pub const MAX_SALT: u32 = 99_999_999;

/// A salt drawn uniformly from `[1, 99999999]` by the operating system's
/// CSPRNG (the official Node builder uses `Math.random`).
pub fn random_salt() -> u32 {
    // Rejection sampling keeps the draw uniform: 2^32 is not a multiple of
    // MAX_SALT.
    let limit = u32::MAX - u32::MAX % MAX_SALT;
    loop {
        let v = random_u32();
        if v < limit {
            return v % MAX_SALT + 1;
        }
    }
}

/// Random bytes fetched 256 at a time: one getrandom call costs more than
/// the rest of a salt, so each thread keeps a small buffer.
struct RandomBuffer {
    bytes: [u8; 256],
    used: usize,
    /// The process that filled the buffer: a forked child must not hand out
    /// the salts its parent will also use.
    pid: u32,
}

thread_local! {
    static RANDOM: std::cell::RefCell<RandomBuffer> = const {
        std::cell::RefCell::new(RandomBuffer { bytes: [0; 256], used: 256, pid: 0 })
    };
}

fn random_u32() -> u32 {
    RANDOM.with(|cell| {
        let mut r = cell.borrow_mut();
        let pid = std::process::id();
        if r.used + 4 > r.bytes.len() || r.pid != pid {
            getrandom::getrandom(&mut r.bytes).expect("the operating system has no random source");
            r.used = 0;
            r.pid = pid;
        }
        let i = r.used;
        r.used += 4;
        u32::from_le_bytes([r.bytes[i], r.bytes[i + 1], r.bytes[i + 2], r.bytes[i + 3]])
    })
}

/// Seconds since the Unix epoch, as the `u32` the formats carry.
pub fn now() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs().min(u32::MAX as u64) as u32)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_round_trips() {
        for n in [0usize, 1, 200, 60_000] {
            let data: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
            assert_eq!(inflate(&deflate(&data)).unwrap(), data);
        }
    }

    #[test]
    fn inflate_rejects_garbage_and_bombs() {
        assert!(inflate(b"not zlib").is_err());
        let bomb = deflate(&vec![0u8; (MAX_CONTENT_BYTES + 10) as usize]);
        assert!(inflate(&bomb)
            .unwrap_err()
            .to_string()
            .contains("larger than"));
    }

    #[test]
    fn salt_in_range() {
        for _ in 0..1000 {
            let s = random_salt();
            assert!((1..=MAX_SALT).contains(&s));
        }
    }

    #[test]
    fn base64_padding_is_optional() {
        assert_eq!(base64_decode("YWI=").unwrap(), b"ab");
        assert_eq!(base64_decode("YWI").unwrap(), b"ab");
        assert!(base64_decode("YW!").is_err());
    }

    #[test]
    fn hex_helpers() {
        assert_eq!(hex_lower(&[0, 0xab]), "00ab");
        assert_eq!(hex_decode("00AB"), Some(vec![0, 0xab]));
        assert_eq!(hex_decode("0g"), None);
        assert!(ct_eq(b"ab", b"ab") && !ct_eq(b"ab", b"ac") && !ct_eq(b"a", b"ab"));
    }
}
