//! A small zlib (RFC 1950) / deflate (RFC 1951) decoder for token contents.
//!
//! Why not miniz_oxide: on a token's ~150 compressed bytes it took 3.6 µs,
//! most of it setting up its general decoder (an 11 KiB state, tables for
//! every block); this one decodes the same input in a fraction of that.
//! It reads every valid zlib stream (stored, fixed and dynamic blocks), checks
//! the Adler-32, refuses output beyond a limit, and never panics on any input:
//! every read is bounds-checked and every error is a value. A difference test
//! against flate2 and a fuzz target back that up.
//!
//! The Huffman decoding follows the canonical-code counting of Mark Adler's
//! `puff.c` (counts per length, symbols in code order), with a 9-bit lookup
//! table in front for the common short codes.

use std::sync::OnceLock;

use crate::deflate::{adler32, DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA};

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The two header bytes are not a zlib header for deflate without a
    /// preset dictionary.
    Header,
    /// The input ended before the stream did.
    Truncated,
    /// A block or code is invalid (bad block type, stored length check,
    /// over-subscribed or incomplete code, bad symbol, distance too far).
    Invalid(&'static str),
    /// The output would pass the limit.
    TooLarge,
    /// The Adler-32 of the output does not match the stream's.
    Checksum,
}

impl std::fmt::Display for InflateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InflateError::Header => f.write_str("not a zlib header"),
            InflateError::Truncated => f.write_str("data ends early"),
            InflateError::Invalid(what) => write!(f, "invalid data ({what})"),
            InflateError::TooLarge => f.write_str("content too large"),
            InflateError::Checksum => f.write_str("Adler-32 mismatch"),
        }
    }
}

type Result<T> = std::result::Result<T, InflateError>;

const MAX_BITS: usize = 15;
const FAST_BITS: u32 = 9;

/// Reads bits least-significant first.
///
/// `Copy`, so that the hot loop ([`codes`]) works on a local copy the
/// compiler keeps in registers: through a `&mut` that leaves the function,
/// every symbol would store and reload the buffer and the count.
#[derive(Clone, Copy)]
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8]) -> Self {
        Bits {
            data,
            pos: 0,
            buf: 0,
            count: 0,
        }
    }

    /// Tops the buffer up to at least 56 bits while input lasts.
    #[inline(always)]
    fn refill(&mut self) {
        // Eight bytes at once where the input has them: the buffer takes the
        // whole bytes that fit, and the rest of the word is read again next
        // time.
        if let (true, Some(word)) = (self.count <= 56, self.data.get(self.pos..self.pos + 8)) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            self.buf |= word << self.count;
            self.pos += ((63 - self.count) >> 3) as usize;
            self.count |= 56;
            return;
        }
        while self.count <= 56 {
            let Some(&b) = self.data.get(self.pos) else {
                return;
            };
            self.buf |= (b as u64) << self.count;
            self.pos += 1;
            self.count += 8;
        }
    }

    #[inline(always)]
    fn bits(&mut self, n: u32) -> Result<u32> {
        if self.count < n {
            self.refill();
            if self.count < n {
                return Err(InflateError::Truncated);
            }
        }
        let v = (self.buf & ((1u64 << n) - 1)) as u32;
        self.buf >>= n;
        self.count -= n;
        Ok(v)
    }

    /// Drops the bits up to the next byte boundary and returns the byte
    /// position of the rest of the input.
    fn align(&mut self) -> usize {
        let drop = self.count % 8;
        self.buf >>= drop;
        self.count -= drop;
        // Whole bytes still buffered go back to the input.
        let pos = self.pos - (self.count / 8) as usize;
        self.buf = 0;
        self.count = 0;
        self.pos = pos;
        pos
    }
}

/// A canonical Huffman code.
struct Huffman {
    /// Number of codes of each length (index 0: unused).
    counts: [u16; MAX_BITS + 1],
    /// Symbols ordered by code.
    symbols: Vec<u16>,
    /// Indexed by the next `FAST_BITS` input bits: `symbol << 4 | length`
    /// for codes up to `FAST_BITS` long, `0` otherwise.
    fast: [u16; 1 << FAST_BITS],
}

impl Huffman {
    /// Builds the code of `lengths` (one per symbol, 0 = unused). An
    /// incomplete code is allowed only when `incomplete_ok` and it has at
    /// most one code (deflate's single-distance case).
    fn new(lengths: &[u8], incomplete_ok: bool) -> Result<Huffman> {
        let mut counts = [0u16; MAX_BITS + 1];
        for &l in lengths {
            counts[l as usize] += 1;
        }
        let used = lengths.len() as u16 - counts[0];
        let mut left: i32 = 1;
        for &c in &counts[1..] {
            left = left * 2 - c as i32;
            if left < 0 {
                return Err(InflateError::Invalid("over-subscribed code"));
            }
        }
        if left > 0 && !(incomplete_ok && used <= 1) {
            return Err(InflateError::Invalid("incomplete code"));
        }
        let mut offsets = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; used as usize];
        let mut fast = [0u16; 1 << FAST_BITS];
        // Canonical codes: within a length, in symbol order.
        let mut next_code = [0u32; MAX_BITS + 2];
        let mut code = 0u32;
        for len in 1..=MAX_BITS {
            code = (code + counts[len - 1] as u32) << 1;
            next_code[len] = code;
        }
        for (symbol, &l) in lengths.iter().enumerate() {
            let len = l as usize;
            if len == 0 {
                continue;
            }
            symbols[offsets[len] as usize] = symbol as u16;
            offsets[len] += 1;
            let c = next_code[len];
            next_code[len] += 1;
            if len as u32 <= FAST_BITS {
                let reversed = c.reverse_bits() >> (32 - len);
                let mut i = reversed as usize;
                while i < fast.len() {
                    fast[i] = (symbol as u16) << 4 | len as u16;
                    i += 1 << len;
                }
            }
        }
        counts[0] = 0;
        Ok(Huffman {
            counts,
            symbols,
            fast,
        })
    }

    #[inline(always)]
    fn decode(&self, bits: &mut Bits<'_>) -> Result<u16> {
        if bits.count < MAX_BITS as u32 {
            bits.refill();
        }
        let entry = self.fast[(bits.buf & ((1 << FAST_BITS) - 1)) as usize];
        let len = (entry & 15) as u32;
        if len != 0 && len <= bits.count {
            bits.buf >>= len;
            bits.count -= len;
            return Ok(entry >> 4);
        }
        // By value, so that `bits` does not escape the caller's loop.
        let (symbol, rest) = self.decode_slow(*bits);
        *bits = rest;
        symbol
    }

    /// Longer codes (or the last few bits of the input): one bit at a time.
    #[cold]
    #[inline(never)]
    fn decode_slow<'a>(&self, mut bits: Bits<'a>) -> (Result<u16>, Bits<'a>) {
        let symbol = self.decode_bitwise(&mut bits);
        (symbol, bits)
    }

    fn decode_bitwise(&self, bits: &mut Bits<'_>) -> Result<u16> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= bits.bits(1)? as i32;
            let count = self.counts[len] as i32;
            if code - count < first {
                return self
                    .symbols
                    .get((index + code - first) as usize)
                    .copied()
                    .ok_or(InflateError::Invalid("code"));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Invalid("code"))
    }
}

/// The fixed literal/length and distance codes, built once.
fn fixed() -> &'static (Huffman, Huffman) {
    static FIXED: OnceLock<(Huffman, Huffman)> = OnceLock::new();
    FIXED.get_or_init(|| {
        let mut lengths = [0u8; 288];
        lengths[..144].fill(8);
        lengths[144..256].fill(9);
        lengths[256..280].fill(7);
        lengths[280..].fill(8);
        // Both are complete codes; construction cannot fail.
        let lit = Huffman::new(&lengths, false).unwrap_or_else(|_| unreachable!());
        // 32 codes of 5 bits; symbols 30 and 31 are refused when decoded.
        let dist = Huffman::new(&[5u8; 32], false).unwrap_or_else(|_| unreachable!());
        (lit, dist)
    })
}

/// Reads the code lengths of a dynamic block and builds its two codes.
fn dynamic(bits: &mut Bits<'_>) -> Result<(Huffman, Huffman)> {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let nlen = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Invalid("too many length or distance codes"));
    }
    let mut code_lengths = [0u8; 19];
    for &i in &ORDER[..ncode] {
        code_lengths[i] = bits.bits(3)? as u8;
    }
    let lencode = Huffman::new(&code_lengths, false)?;
    let mut lengths = [0u8; 286 + 30];
    let mut i = 0;
    while i < nlen + ndist {
        let symbol = lencode.decode(bits)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => {
                let previous = *i
                    .checked_sub(1)
                    .and_then(|p| lengths.get(p))
                    .ok_or(InflateError::Invalid("repeat with no previous length"))?;
                (previous, 3 + bits.bits(2)? as usize)
            }
            17 => (0, 3 + bits.bits(3)? as usize),
            _ => (0, 11 + bits.bits(7)? as usize),
        };
        if i + repeat > nlen + ndist {
            return Err(InflateError::Invalid("too many code lengths"));
        }
        lengths[i..i + repeat].fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err(InflateError::Invalid("no end-of-block code"));
    }
    let lit = Huffman::new(&lengths[..nlen], false)?;
    let dist = Huffman::new(&lengths[nlen..nlen + ndist], true)?;
    Ok((lit, dist))
}

/// Decodes the symbols of one Huffman block onto the end of `out`.
///
/// For speed the loop keeps the bit reader and the output length in locals
/// (registers): it works on a copy of `bits`, and writes into `out` grown
/// ahead of time (zeros) by index, cutting it to the bytes written at the
/// end. On an error `out` and `bits` are left in no useful state: the
/// stream is refused.
///
/// `fixed`: `lit` is the fixed code, whose codes are 7 to 9 bits long, so
/// two literals are read per round: the second one's table entry is looked
/// up for each of the three lengths the first can have while the first is
/// being looked up, and picked once its length is known. Each symbol's
/// lookup waits for the one before it, which bounds a one-at-a-time loop;
/// this halves that wait for runs of literals, most of a token.
fn codes(
    bits: &mut Bits<'_>,
    out: &mut Vec<u8>,
    limit: usize,
    lit: &Huffman,
    dist: &Huffman,
    fixed: bool,
) -> Result<()> {
    let mut b = *bits;
    let mut n = out.len();
    loop {
        if fixed {
            if b.count < 18 {
                b.refill();
            }
            let entry = |shift: u32| lit.fast[((b.buf >> shift) & ((1 << FAST_BITS) - 1)) as usize];
            let (first, after7, after8, after9) = (entry(0), entry(7), entry(8), entry(9));
            let len1 = u32::from(first & 15);
            let second = match len1 {
                7 => after7,
                8 => after8,
                _ => after9,
            };
            let len2 = u32::from(second & 15);
            let (s1, s2) = (first >> 4, second >> 4);
            if s1 < 256 && s2 < 256 && len1 + len2 <= b.count && n + 2 <= out.len() {
                out[n] = s1 as u8;
                out[n + 1] = s2 as u8;
                n += 2;
                b.buf >>= len1 + len2;
                b.count -= len1 + len2;
                continue;
            }
        }
        let symbol = lit.decode(&mut b)? as usize;
        if symbol < 256 {
            if n >= out.len() {
                room(out, n + 1, limit)?;
            }
            out[n] = symbol as u8;
            n += 1;
        } else if symbol == 256 {
            out.truncate(n);
            *bits = b;
            return Ok(());
        } else {
            let i = symbol - 257;
            let (base, extra) = LENGTH_BASE
                .get(i)
                .zip(LENGTH_EXTRA.get(i))
                .ok_or(InflateError::Invalid("length symbol"))?;
            let len = *base as usize + b.bits(*extra as u32)? as usize;
            let d = dist.decode(&mut b)? as usize;
            let (base, extra) = DIST_BASE
                .get(d)
                .zip(DIST_EXTRA.get(d))
                .ok_or(InflateError::Invalid("distance symbol"))?;
            let distance = *base as usize + b.bits(*extra as u32)? as usize;
            if distance > n {
                return Err(InflateError::Invalid("distance too far back"));
            }
            if n + len > out.len() {
                room(out, n + len, limit)?;
            }
            let start = n - distance;
            if distance >= len {
                out.copy_within(start..start + len, n);
            } else {
                // Overlapping copies repeat the last `distance` bytes.
                for k in 0..len {
                    out[n + k] = out[start + k];
                }
            }
            n += len;
        }
    }
}

/// Grows `out` (with zeros) to at least `end` bytes, doubling, and at most
/// `limit`; refuses an `end` past `limit`.
#[cold]
#[inline(never)]
fn room(out: &mut Vec<u8>, end: usize, limit: usize) -> Result<()> {
    if end > limit {
        return Err(InflateError::TooLarge);
    }
    out.resize(end.max(out.len() * 2).max(256).min(limit), 0);
    Ok(())
}

/// Decodes a zlib stream, refusing output longer than `limit`. Bytes after
/// the Adler-32 are ignored, as zlib's own `uncompress` does.
///
/// ```
/// let z = token_core::deflate::zlib_compress(b"hello hello hello");
/// assert_eq!(token_core::inflate::zlib_decompress(&z, 1 << 10).unwrap(), b"hello hello hello");
/// assert!(token_core::inflate::zlib_decompress(&z[..z.len() - 1], 1 << 10).is_err());
/// ```
pub fn zlib_decompress(data: &[u8], limit: usize) -> Result<Vec<u8>> {
    let (&cmf, &flg) = data
        .first()
        .zip(data.get(1))
        .ok_or(InflateError::Truncated)?;
    if cmf & 0x0f != 8
        || cmf >> 4 > 7
        || flg & 0x20 != 0
        || (cmf as u16 * 256 + flg as u16) % 31 != 0
    {
        return Err(InflateError::Header);
    }
    let mut bits = Bits::new(&data[2..]);
    let mut out = Vec::with_capacity((data.len() * 3).min(limit));
    loop {
        let last = bits.bits(1)? == 1;
        match bits.bits(2)? {
            0 => {
                let pos = bits.align();
                let rest = &bits.data[pos..];
                let (header, rest) = rest.split_at_checked(4).ok_or(InflateError::Truncated)?;
                let len = u16::from_le_bytes([header[0], header[1]]) as usize;
                let nlen = u16::from_le_bytes([header[2], header[3]]);
                if nlen != !(len as u16) {
                    return Err(InflateError::Invalid("stored length check"));
                }
                let block = rest.get(..len).ok_or(InflateError::Truncated)?;
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                out.extend_from_slice(block);
                bits.pos = pos + 4 + len;
            }
            1 => {
                let (lit, dist) = fixed();
                codes(&mut bits, &mut out, limit, lit, dist, true)?;
            }
            2 => {
                let (lit, dist) = dynamic(&mut bits)?;
                codes(&mut bits, &mut out, limit, &lit, &dist, false)?;
            }
            _ => return Err(InflateError::Invalid("block type 3")),
        }
        if last {
            break;
        }
    }
    let pos = bits.align();
    let check = bits.data.get(pos..pos + 4).ok_or(InflateError::Truncated)?;
    if u32::from_be_bytes([check[0], check[1], check[2], check[3]]) != adler32(&out) {
        return Err(InflateError::Checksum);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn flate2(data: &[u8], level: u32) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn sample(n: usize, seed: u32) -> Vec<u8> {
        // Text-like data with repeats, so every block type and long matches
        // appear across levels.
        let mut x = seed;
        (0..n)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if (x >> 16) % 4 == 0 {
                    b"agora token 007 "[i % 16]
                } else {
                    (x >> 24) as u8 % 32 + b'a'
                }
            })
            .collect()
    }

    #[test]
    fn reads_what_zlib_writes_at_every_level() {
        for level in 0..=9 {
            for (n, seed) in [(0, 1), (1, 2), (150, 3), (1000, 4), (70_000, 5)] {
                let data = sample(n, seed);
                let z = flate2(&data, level);
                assert_eq!(
                    zlib_decompress(&z, 1 << 20).unwrap(),
                    data,
                    "level {level}, {n} bytes"
                );
            }
        }
    }

    #[test]
    fn refuses_bad_streams_without_panicking() {
        let data = sample(2000, 9);
        let z = flate2(&data, 6);
        assert_eq!(zlib_decompress(&z, 1999), Err(InflateError::TooLarge));
        assert_eq!(zlib_decompress(&[], 10), Err(InflateError::Truncated));
        assert_eq!(
            zlib_decompress(&[0x78, 0x9d], 10),
            Err(InflateError::Header)
        );
        let mut bad = z.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert_eq!(zlib_decompress(&bad, 1 << 20), Err(InflateError::Checksum));
        for cut in 0..z.len() {
            assert!(zlib_decompress(&z[..cut], 1 << 20).is_err(), "cut at {cut}");
        }
        // Every single-bit flip: an error or some output, never a panic.
        for i in 2..z.len() {
            for bit in 0..8 {
                let mut f = z.clone();
                f[i] ^= 1 << bit;
                let _ = zlib_decompress(&f, 1 << 20);
            }
        }
    }
}
