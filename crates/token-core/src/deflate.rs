//! A small zlib (RFC 1950) / deflate (RFC 1951) encoder for token contents.
//!
//! Why not a general-purpose zlib: a token's content is 100-300 bytes, and
//! every general implementation measured here (miniz_oxide, zlib-rs,
//! libdeflate) spends far longer setting up or clearing its 32 KiB window and
//! hash tables than compressing such an input (tens of microseconds against a
//! microsecond). On these contents a single fixed-Huffman block with greedy
//! LZ77 matching gives the same size as zlib level 6 (the signature and the
//! hex app ID do not compress; the repeats do), and needs only a 4 KiB table
//! on the stack. Any zlib decoder reads the output; Agora decodes the content,
//! not the compressed bytes.

/// Hash table size (entries) for 3-byte match candidates.
const HASH_BITS: u32 = 10;
/// Longest match deflate can express.
const MAX_MATCH: usize = 258;
/// Shortest match worth a length/distance pair.
const MIN_MATCH: usize = 3;
/// Farthest back a match may point.
const MAX_DISTANCE: usize = 32 * 1024;

/// Base length of length codes 257..=285 and their extra bits.
pub(crate) const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
pub(crate) const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// Base distance of distance codes 0..=29 and their extra bits.
pub(crate) const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
pub(crate) const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// Writes bits least-significant first, as deflate wants.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// Appends `count` (at most 32) bits of `value`.
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= (value as u64) << self.n;
        self.n += count;
        if self.n >= 32 {
            self.out.extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.n -= 32;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        let bytes = self.n.div_ceil(8) as usize;
        self.out.extend_from_slice(&self.acc.to_le_bytes()[..bytes]);
        self.out
    }
}

const fn reverse(code: u32, len: u32) -> u16 {
    (code.reverse_bits() >> (32 - len)) as u16
}

/// The fixed Huffman code (RFC 1951, 3.2.6) of every literal/length symbol,
/// bit-reversed for the LSB-first stream, with its length.
const LITLEN_CODES: [(u16, u8); 288] = {
    let mut t = [(0u16, 0u8); 288];
    let mut sym = 0;
    while sym < 288 {
        let s = sym as u32;
        t[sym] = match s {
            0..=143 => (reverse(0x30 + s, 8), 8),
            144..=255 => (reverse(0x190 + s - 144, 9), 9),
            256..=279 => (reverse(s - 256, 7), 7),
            _ => (reverse(0xc0 + s - 280, 8), 8),
        };
        sym += 1;
    }
    t
};

/// Length-code index (0..=28) of every match length 3..=258.
const LENGTH_INDEX: [u8; MAX_MATCH + 1] = {
    let mut t = [0u8; MAX_MATCH + 1];
    let mut i = 0;
    while i < LENGTH_BASE.len() {
        let end = if i + 1 < LENGTH_BASE.len() {
            LENGTH_BASE[i + 1] as usize
        } else {
            MAX_MATCH + 1
        };
        let mut len = LENGTH_BASE[i] as usize;
        while len < end {
            t[len] = i as u8;
            len += 1;
        }
        i += 1;
    }
    t
};

fn put_symbol(bits: &mut Bits, sym: usize) {
    let (code, len) = LITLEN_CODES[sym];
    bits.put(code as u32, len as u32);
}

/// Distance-code index (0..=29) of a distance 1..=32768.
fn distance_index(dist: usize) -> usize {
    if dist <= 4 {
        return dist - 1;
    }
    let d = (dist - 1) as u32;
    let top = 31 - d.leading_zeros();
    (2 * top + ((d >> (top - 1)) & 1)) as usize
}

fn put_match(bits: &mut Bits, len: usize, dist: usize) {
    let li = LENGTH_INDEX[len] as usize;
    put_symbol(bits, 257 + li);
    bits.put(
        (len - LENGTH_BASE[li] as usize) as u32,
        LENGTH_EXTRA[li] as u32,
    );
    let di = distance_index(dist);
    // Distance codes are fixed 5-bit codes.
    bits.put(reverse(di as u32, 5) as u32, 5);
    bits.put(
        (dist - DIST_BASE[di] as usize) as u32,
        DIST_EXTRA[di] as u32,
    );
}

fn hash3(data: &[u8], i: usize) -> usize {
    let v = u32::from_le_bytes([data[i], data[i + 1], data[i + 2], 0]);
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// Adler-32 (RFC 1950), the checksum ending a zlib stream.
pub(crate) fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 is the largest run that cannot overflow b before the modulo.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

/// Compresses `data` into a zlib stream: one fixed-Huffman block, greedy
/// LZ77 over a 1024-entry hash of 3-byte prefixes.
///
/// ```
/// let data = b"abcabcabcabc token token token";
/// let z = token_core::deflate::zlib_compress(data);
/// assert_eq!(token_core::codec::inflate(&z).unwrap(), data);
/// ```
pub fn zlib_compress(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits {
        out: Vec::with_capacity(data.len() + data.len() / 8 + 16),
        acc: 0,
        n: 0,
    };
    // CMF 0x78: deflate with a 32 KiB window; FLG 0x01: fastest level, no
    // dictionary, and (0x78 << 8 | 0x01) is a multiple of 31 as required.
    bits.out.extend_from_slice(&[0x78, 0x01]);
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = fixed Huffman
                    // Positions are stored + 1 so that 0 means "empty".
    let mut head = [0u32; 1 << HASH_BITS];
    let mut i = 0;
    while i < data.len() {
        let mut best = 0;
        let mut dist = 0;
        if i + MIN_MATCH <= data.len() {
            let h = hash3(data, i);
            let cand = head[h] as usize;
            head[h] = i as u32 + 1;
            if cand != 0 && i - (cand - 1) <= MAX_DISTANCE {
                let c = cand - 1;
                let limit = MAX_MATCH.min(data.len() - i);
                best = data[c..c + limit]
                    .iter()
                    .zip(&data[i..i + limit])
                    .take_while(|(x, y)| x == y)
                    .count();
                dist = i - c;
            }
        }
        if best >= MIN_MATCH {
            put_match(&mut bits, best, dist);
            // Index the positions inside the match so later data can refer
            // to them.
            for j in i + 1..(i + best).min(data.len().saturating_sub(MIN_MATCH - 1)) {
                head[hash3(data, j)] = j as u32 + 1;
            }
            i += best;
        } else {
            put_symbol(&mut bits, data[i] as usize);
            i += 1;
        }
    }
    put_symbol(&mut bits, 256); // end of block
    let mut out = bits.finish();
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn reference_inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn round_trips_through_a_reference_decoder() {
        let mut inputs: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_vec(),
            vec![0u8; 1000],
            (0..=255u8).collect(),
            vec![7u8; 70_000],
        ];
        let mut x = 12345u32;
        inputs.push(
            (0..100_000)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (x >> 28) as u8
                })
                .collect(),
        );
        for data in inputs {
            assert_eq!(reference_inflate(&zlib_compress(&data)), data);
        }
    }

    #[test]
    fn matches_zlib_size_on_a_token_content() {
        let t = crate::builder::rtc::with_uid(
            "970CA35de60c44645bbae8a215061b33",
            "7d72365eb983485397e3e3f9d460bdda",
            2882341273,
            crate::builder::rtc::Role::Publisher,
            3600,
            3600,
        )
        .unwrap()
        .with_issue(1_700_000_000, 12_345_678);
        let content = t.content("5CFd2fd1755d40ecb72977518be15d3b").unwrap();
        let ours = zlib_compress(&content);
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
        std::io::Write::write_all(&mut zlib, &content).unwrap();
        let theirs = zlib.finish().unwrap();
        assert!(
            ours.len() <= theirs.len() + 2,
            "{} vs {}",
            ours.len(),
            theirs.len()
        );
    }

    #[test]
    fn distance_index_matches_the_table() {
        for dist in 1..=MAX_DISTANCE {
            let expected = DIST_BASE.partition_point(|&b| b as usize <= dist) - 1;
            assert_eq!(distance_index(dist), expected, "{dist}");
        }
    }

    #[test]
    fn adler32_known_value() {
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}
