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
///
/// Keys up to one block (every key a token uses: a 4-byte time or salt, a
/// 32-byte signing key or certificate) are run straight through SHA-256's
/// compression function, with no hasher state to buffer: two compressions
/// for the padded keys, then the message's blocks and the outer hash's one.
/// Longer keys take the `hmac` crate. Both agree (tested).
///
/// ```
/// // RFC 4231, test case 2.
/// let mac = token_core::codec::hmac_sha256(b"Jefe", b"what do ya want for nothing?");
/// assert_eq!(token_core::codec::hex_lower(&mac[..4]), "5bdcc146");
/// ```
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    if key.len() > SHA256_BLOCK {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(msg);
        return mac.finalize().into_bytes().into();
    }
    let mut pad = [IPAD; SHA256_BLOCK];
    pad.iter_mut().zip(key).for_each(|(p, k)| *p ^= k);
    let inner = sha256_after_block(&pad, msg);
    pad.iter_mut().for_each(|p| *p ^= IPAD ^ OPAD);
    sha256_after_block(&pad, &inner)
}

const SHA256_BLOCK: usize = 64;
const IPAD: u8 = 0x36;
const OPAD: u8 = 0x5c;
/// SHA-256's initial state (FIPS 180-4, 5.3.3).
const SHA256_H0: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

fn compress(state: &mut [u32; 8], block: &[u8]) {
    use sha2::digest::generic_array::GenericArray;
    sha2::compress256(state, std::slice::from_ref(GenericArray::from_slice(block)));
}

/// SHA-256 of `first` (one whole block) followed by `rest`.
fn sha256_after_block(first: &[u8; SHA256_BLOCK], rest: &[u8]) -> [u8; 32] {
    let mut state = SHA256_H0;
    compress(&mut state, first);
    let mut blocks = rest.chunks_exact(SHA256_BLOCK);
    blocks.by_ref().for_each(|b| compress(&mut state, b));
    let tail = blocks.remainder();
    // The last one or two blocks: the tail, 0x80, zeros, the bit length.
    let mut last = [0u8; 2 * SHA256_BLOCK];
    last[..tail.len()].copy_from_slice(tail);
    last[tail.len()] = 0x80;
    let end = if tail.len() + 9 <= SHA256_BLOCK {
        SHA256_BLOCK
    } else {
        2 * SHA256_BLOCK
    };
    let bits = ((SHA256_BLOCK + rest.len()) as u64) * 8;
    last[end - 8..end].copy_from_slice(&bits.to_be_bytes());
    last[..end]
        .chunks_exact(SHA256_BLOCK)
        .for_each(|b| compress(&mut state, b));
    let mut out = [0u8; 32];
    out.chunks_exact_mut(4)
        .zip(state)
        .for_each(|(o, w)| o.copy_from_slice(&w.to_be_bytes()));
    out
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
    /// The [`fork_generation`] the buffer was filled in: a forked child must
    /// not hand out the salts its parent will also use.
    generation: u64,
}

thread_local! {
    static RANDOM: std::cell::RefCell<RandomBuffer> = const {
        std::cell::RefCell::new(RandomBuffer { bytes: [0; 256], used: 256, generation: 0 })
    };
}

fn random_u32() -> u32 {
    RANDOM.with(|cell| {
        let mut r = cell.borrow_mut();
        let generation = fork_generation();
        if r.used + 4 > r.bytes.len() || r.generation != generation {
            getrandom::getrandom(&mut r.bytes).expect("the operating system has no random source");
            r.used = 0;
            r.generation = generation;
        }
        let i = r.used;
        r.used += 4;
        u32::from_le_bytes([r.bytes[i], r.bytes[i + 1], r.bytes[i + 2], r.bytes[i + 3]])
    })
}

/// How many times this process's ancestry forked since the first salt:
/// a `pthread_atfork` child handler counts forks, so a buffer filled before
/// a fork is refilled in the child. (Asking for the process ID on every salt
/// does too, but getpid is a system call and costs most of a salt: it is
/// only the fallback if the handler cannot be registered.)
#[cfg(unix)]
#[allow(unsafe_code)]
fn fork_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static FORKS: AtomicU64 = AtomicU64::new(1);
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    extern "C" fn forked() {
        // Async-signal-safe: an atomic add.
        FORKS.fetch_add(1, Ordering::Relaxed);
    }
    // SAFETY: registers a handler that only touches an atomic.
    let registered =
        *REGISTERED.get_or_init(|| unsafe { libc::pthread_atfork(None, None, Some(forked)) } == 0);
    if registered {
        FORKS.load(Ordering::Relaxed)
    } else {
        // Above every fork count: the two never meet in one process.
        u64::from(std::process::id()) << 32
    }
}

/// No fork here: one generation.
#[cfg(not(unix))]
fn fork_generation() -> u64 {
    1
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

    #[cfg(unix)]
    #[test]
    #[allow(unsafe_code)]
    fn a_forked_child_draws_other_salts_than_its_parent() {
        random_salt(); // fills this thread's buffer before the fork
        let mut fds = [0; 2];
        // SAFETY: pipe, fork, write and _exit as the libc documents them;
        // the child touches only this thread's buffer and the pipe.
        unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            let pid = libc::fork();
            assert!(pid >= 0);
            if pid == 0 {
                let salts: Vec<u8> = (0..8).flat_map(|_| random_salt().to_le_bytes()).collect();
                libc::write(fds[1], salts.as_ptr().cast(), salts.len());
                libc::_exit(0);
            }
            libc::close(fds[1]);
            let mut child = [0u8; 32];
            assert_eq!(libc::read(fds[0], child.as_mut_ptr().cast(), 32), 32);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
            libc::close(fds[0]);
            let parent: Vec<u8> = (0..8).flat_map(|_| random_salt().to_le_bytes()).collect();
            assert_ne!(parent, child, "the child handed out its parent's salts");
        }
    }

    #[test]
    fn hmac_agrees_with_the_hmac_crate() {
        // Every key length around one block, messages around every padding
        // boundary (55/56 bytes of tail: one or two final blocks).
        let data: Vec<u8> = (0..300u32).map(|i| (i * 31 % 256) as u8).collect();
        for key_len in [0, 1, 4, 32, 63, 64, 65, 100] {
            for msg_len in [0, 1, 31, 32, 55, 56, 63, 64, 119, 120, 128, 200, 300] {
                let (key, msg) = (&data[..key_len], &data[..msg_len]);
                let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap();
                mac.update(msg);
                let expected: [u8; 32] = mac.finalize().into_bytes().into();
                assert_eq!(
                    hmac_sha256(key, msg),
                    expected,
                    "key {key_len}, msg {msg_len}"
                );
            }
        }
    }

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
