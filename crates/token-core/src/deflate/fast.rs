//! The fast encoder: one fixed-Huffman block with greedy LZ77 matching,
//! for tokens whose string nobody can predict (issued now, with a random
//! salt), where only the content matters.
//!
//! On token contents (100-300 bytes, mostly a signature, a salt and a hex app
//! ID) it gives about the size zlib level 6 gives, with a 4 KiB table on the
//! stack and no trees, several times faster than [`super::zlib_compress`].
//! Any zlib decoder reads its output; Agora decodes the content, not the
//! compressed bytes. It writes the header `78 01` (zlib's fastest level).

use super::{distance_index, reverse, Bits, DIST_BASE, DIST_EXTRA, LENGTH_BASE};
use super::{LENGTH_EXTRA, LENGTH_INDEX, LITLEN_CODES, MAX_MATCH, MIN_MATCH};

/// Hash table size (entries) for 3-byte match candidates.
const HASH_BITS: u32 = 10;
/// Farthest back a match may point.
const MAX_DISTANCE: usize = 32 * 1024;

#[inline(always)]
fn put_symbol(bits: &mut Bits, sym: usize) {
    let (code, len) = LITLEN_CODES[sym];
    bits.put(code as u32, len as u32);
}

#[inline(always)]
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

/// Compresses `data` into a zlib stream: one fixed-Huffman block, greedy
/// LZ77 over a 1024-entry hash of 3-byte prefixes.
///
/// ```
/// let data = b"abcabcabcabc token token token";
/// let z = token_core::deflate::fast::zlib_compress(data);
/// assert_eq!(token_core::codec::inflate(&z).unwrap(), data);
/// ```
pub fn zlib_compress(data: &[u8]) -> Vec<u8> {
    // The most the blocks can take: fixed codes spend at most 9 bits per
    // input byte (a literal: 8 or 9; a match of 3 or more bytes: at most
    // 7 + 5 + 5 + 13 bits for 3 to 10 bytes, and 8 + 5 + 5 + 13 for 115 or
    // more), plus 3 bits of block header and 7 of end of block. The header:
    // CMF 0x78 (deflate with a 32 KiB window); FLG 0x01 (fastest level, no
    // dictionary; 0x7801 is a multiple of 31 as required).
    let mut out = Vec::new();
    let mut bits = Bits::new(&mut out, [0x78, 0x01], (9 * data.len() + 10).div_ceil(8));
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
    bits.align();
    let end = bits.finish(data);
    out.truncate(end);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{reference_inflate, token_content, zlib_level6};
    use super::*;

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
        let content = token_content();
        let ours = zlib_compress(&content);
        let theirs = zlib_level6(&content);
        assert!(
            ours.len() <= theirs.len() + 2,
            "{} vs {}",
            ours.len(),
            theirs.len()
        );
    }
}
