//! A zlib (RFC 1950) / deflate (RFC 1951) encoder that writes, byte for byte,
//! what zlib's `compress()` writes at its default level 6.
//!
//! Why: Agora's C++, Java, PHP, Ruby and Python packages compress a token's
//! content with stock zlib at level 6, so for the same inputs, issue time and
//! salt they give the same token string; writing the same bytes lets a
//! migrating user compare strings and keep snapshot tests.
//!
//! Why not zlib itself (or miniz_oxide, zlib-rs): a token's content is
//! 100-300 bytes, and a general implementation spends far longer setting up
//! and clearing its 32 KiB window and 64 KiB hash table than compressing such
//! an input. This file reproduces zlib 1.2.13's `deflate_slow` and `trees.c`
//! decisions without that set-up:
//!
//! - Match finding: zlib hashes 3 bytes as `((a << 10) ^ (b << 5) ^ c) &
//!   0x7fff` (its rolling `UPDATE_HASH` with 15 bits and shift 5) and inserts
//!   every position with 3 bytes ahead, in order, so its hash chains are a
//!   function of the input alone. We build them up front with a table sized
//!   to the input, then walk them with level 6's limits (chain 128, a quarter
//!   of it once the previous match is >= 8, nice length 128, lazy matching
//!   only below 16, a 3-byte match farther than 4096 dropped). Position 0 is
//!   never a candidate (zlib's NIL is 0).
//! - Blocks: zlib ends a block when its 16383-symbol buffer fills and then at
//!   the end, and for each block picks stored, static or dynamic Huffman by
//!   comparing their sizes in bytes (ties go to static, then stored wins when
//!   it is not larger). The static size is a table sum; the dynamic size
//!   needs zlib's Huffman trees (heap order, depth tie-break, overflow fix,
//!   run-length coded header), which cost more than the rest together. So we
//!   first compare static against a proven lower bound of the dynamic size
//!   (the entropy of the symbol counts plus the least header the code-length
//!   pattern needs) and build the exact trees only when the bound does not
//!   already rule dynamic out; token contents, mostly a signature, a salt and
//!   hex app ID, are nearly always settled by the bound.
//!
//! Byte identity holds for inputs up to [`EXACT_LIMIT`] bytes (the whole
//! input sits in zlib's 64 KiB window, which never slides); larger inputs
//! still give a valid zlib stream. Tests compare with the system zlib (via
//! `flate2`) on random inputs and on the official vectors.

pub mod fast;

/// Longest match deflate can express.
const MAX_MATCH: usize = 258;
/// Shortest match worth a length/distance pair.
const MIN_MATCH: usize = 3;
/// zlib's window (32 KiB) and the farthest match it allows: `MAX_DIST` is
/// the window less `MIN_LOOKAHEAD` (258 + 3 + 1).
const W_SIZE: usize = 32 * 1024;
const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
const MAX_DIST: usize = W_SIZE - MIN_LOOKAHEAD;
/// Level 6 of zlib's `configuration_table`: good, lazy, nice, chain.
const GOOD_LENGTH: usize = 8;
const MAX_LAZY: usize = 16;
const NICE_LENGTH: usize = 128;
const MAX_CHAIN: u32 = 128;
/// A 3-byte match farther back than this is not worth it (zlib `TOO_FAR`).
const TOO_FAR: usize = 4096;
/// Symbols per block: zlib's `lit_bufsize - 1` for memLevel 8.
const BLOCK_SYMBOLS: usize = (1 << 14) - 1;
/// Largest input this encoder reproduces zlib for byte for byte: zlib reads
/// up to 64 KiB at once and slides its window when the position reaches
/// `W_SIZE + MAX_DIST`.
pub const EXACT_LIMIT: usize = W_SIZE + MAX_DIST - 1;

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

/// The fixed distance codes: 5 bits each.
const DIST_CODES: [(u16, u8); D_CODES] = {
    let mut t = [(0u16, 0u8); D_CODES];
    let mut i = 0;
    while i < D_CODES {
        t[i] = (reverse(i as u32, 5), 5);
        i += 1;
    }
    t
};

/// Distance-code index (0..=29) of a distance 1..=32768.
fn distance_index(dist: usize) -> usize {
    if dist <= 4 {
        return dist - 1;
    }
    let d = (dist - 1) as u32;
    let top = 31 - d.leading_zeros();
    (2 * top + ((d >> (top - 1)) & 1)) as usize
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

/// Writes a zlib stream, its bits least-significant first as deflate wants,
/// by index into a buffer sized for the whole stream up front instead of
/// growing it on every write, so that the compiler keeps the accumulator and
/// the position in registers. Both encoders write through it.
struct Bits<'a> {
    out: &'a mut [u8],
    pos: usize,
    acc: u64,
    n: u32,
}

impl<'a> Bits<'a> {
    /// A stream in `out` (zeros, `bound` + 6 bytes: the most its deflate
    /// blocks can take, the header and the Adler-32), starting with the
    /// 2-byte zlib `header`.
    #[inline(always)]
    fn new(out: &'a mut Vec<u8>, header: [u8; 2], bound: usize) -> Self {
        *out = vec![0; 2 + bound + 4];
        out[..2].copy_from_slice(&header);
        Bits {
            out,
            pos: 2,
            acc: 0,
            n: 0,
        }
    }

    /// Ends the stream (after the last block, byte-aligned) with the
    /// Adler-32 of `data`; returns its length.
    #[inline(always)]
    fn finish(mut self, data: &[u8]) -> usize {
        self.raw(&adler32(data).to_be_bytes());
        self.pos
    }

    /// Appends `count` (at most 32) bits of `value`.
    #[inline(always)]
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= (value as u64) << self.n;
        self.n += count;
        if self.n >= 32 {
            self.raw(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.n -= 32;
        }
    }

    /// Appends whole bytes (after [`Bits::align`]).
    #[inline(always)]
    fn raw(&mut self, bytes: &[u8]) {
        self.out[self.pos..self.pos + bytes.len()].copy_from_slice(bytes);
        self.pos += bytes.len();
    }

    /// Pads with zero bits to a byte boundary (zlib `bi_windup`).
    #[inline(always)]
    fn align(&mut self) {
        let bytes = self.n.div_ceil(8) as usize;
        let acc = self.acc.to_le_bytes();
        self.raw(&acc[..bytes]);
        self.acc = 0;
        self.n = 0;
    }
}

/// zlib's hash of the 3 bytes at `p`: its rolling `UPDATE_HASH` (15 bits,
/// shift 5) after three updates, which has shifted everything older out.
fn zlib_hash(data: &[u8], p: usize) -> u32 {
    ((data[p] as u32) << 10 ^ (data[p + 1] as u32) << 5 ^ data[p + 2] as u32) & 0x7fff
}

/// Fills `prev[p]`, for every position `p` with 3 bytes ahead, with the
/// latest earlier position of the same zlib hash (0 if none): zlib's
/// `head`/`prev` chains, which it builds inserting exactly these positions
/// in order. `table` is an open-addressing map from hash to latest position,
/// sized to the input instead of zlib's 32768 heads.
fn hash_chains(data: &[u8], prev: &mut Vec<u32>, table: &mut Vec<u64>) {
    let count = data.len().saturating_sub(MIN_MATCH - 1);
    prev.clear();
    prev.resize(count, 0);
    let bits = (2 * count).next_power_of_two().max(16).trailing_zeros();
    table.clear();
    table.resize(1 << bits, 0);
    let mask = (1usize << bits) - 1;
    for (p, slot) in prev.iter_mut().enumerate() {
        let h = zlib_hash(data, p);
        let key = (h as u64 + 1) << 32;
        let mut i = (h.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize;
        loop {
            let e = table[i];
            if e == 0 || e & !0xffff_ffff == key {
                *slot = e as u32;
                table[i] = key | p as u64;
                break;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Length of the common prefix of `a` and `b`.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = u64::from_le_bytes(a[i..i + 8].try_into().unwrap())
            ^ u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        if x != 0 {
            return i + (x.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// zlib's `longest_match` at `strstart` from the chain head `cur`: the
/// longest match beating `prev_length`, nearest first, within level 6's
/// chain limit; `match_start` is updated only by an improvement, as in zlib.
fn longest_match(
    data: &[u8],
    prev: &[u32],
    strstart: usize,
    mut cur: usize,
    prev_length: usize,
    match_start: &mut usize,
) -> usize {
    let lookahead = data.len() - strstart;
    let mut chain = if prev_length >= GOOD_LENGTH {
        MAX_CHAIN >> 2
    } else {
        MAX_CHAIN
    };
    // zlib compares up to 258 bytes, past the input's end into zeros, but
    // stops at `nice` (at most the lookahead) and returns at most the
    // lookahead, so comparing only up to the lookahead decides the same.
    let nice = NICE_LENGTH.min(lookahead);
    let max_len = MAX_MATCH.min(lookahead);
    let limit = strstart.saturating_sub(MAX_DIST);
    let scan = &data[strstart..strstart + max_len];
    let mut best = prev_length;
    loop {
        if best < max_len && data[cur + best] == scan[best] {
            let len = common_prefix(&data[cur..cur + max_len], scan);
            if len > best {
                *match_start = cur;
                best = len;
                if len >= nice {
                    break;
                }
            }
        }
        cur = prev[cur] as usize;
        chain -= 1;
        if cur <= limit || chain == 0 {
            break;
        }
    }
    best.min(lookahead)
}

/// The symbols of the current block and what they cost.
struct Block<'a> {
    /// A literal byte, or `length << 16 | distance`.
    syms: &'a mut Vec<u32>,
    huffman: &'a mut HuffmanBuffers,
    lfreq: [u32; L_CODES],
    dfreq: [u32; D_CODES],
    /// Bits of the fixed-Huffman encoding, end of block excluded.
    static_bits: u64,
    /// Extra bits of lengths and distances (the same in every encoding).
    extra_bits: u64,
}

impl Block<'_> {
    /// zlib `_tr_tally_lit`; true when the block is full.
    fn literal(&mut self, c: u8) -> bool {
        self.syms.push(c as u32);
        self.lfreq[c as usize] += 1;
        self.static_bits += LITLEN_CODES[c as usize].1 as u64;
        self.syms.len() == BLOCK_SYMBOLS
    }

    /// zlib `_tr_tally_dist`; true when the block is full.
    fn copy(&mut self, len: usize, dist: usize) -> bool {
        self.syms.push((len as u32) << 16 | dist as u32);
        let li = LENGTH_INDEX[len] as usize;
        let di = distance_index(dist);
        self.lfreq[257 + li] += 1;
        self.dfreq[di] += 1;
        let extra = (LENGTH_EXTRA[li] + DIST_EXTRA[di]) as u64;
        self.extra_bits += extra;
        self.static_bits += LITLEN_CODES[257 + li].1 as u64 + 5 + extra;
        self.syms.len() == BLOCK_SYMBOLS
    }

    /// zlib `_tr_flush_block`: writes the block of `stored` (its input
    /// bytes) in the smallest of the three forms, by zlib's rules.
    fn flush(&mut self, bits: &mut Bits, stored: &[u8], last: bool) {
        self.lfreq[END_BLOCK] = 1;
        let static_lenb = (self.static_bits + 7 + 3 + 7) >> 3;
        let mut dynamic = None;
        let opt_lenb = if static_lenb <= (self.dynamic_lower_bound() + 3 + 7) >> 3 {
            static_lenb
        } else {
            let trees = Trees::build(&self.lfreq, &self.dfreq);
            let lenb = (trees.opt_len as u64 + 3 + 7) >> 3;
            if static_lenb <= lenb {
                static_lenb
            } else {
                dynamic = Some(trees);
                lenb
            }
        };
        if stored.len() as u64 + 4 <= opt_lenb {
            bits.put(last as u32, 3);
            bits.align();
            let len = stored.len() as u16;
            bits.raw(&len.to_le_bytes());
            bits.raw(&(!len).to_le_bytes());
            bits.raw(stored);
        } else if let Some(trees) = dynamic {
            bits.put(4 | last as u32, 3);
            trees.send(bits);
            let mut lit = [(0u16, 0u8); L_CODES];
            let mut dist = [(0u16, 0u8); D_CODES];
            for (n, c) in lit.iter_mut().enumerate() {
                *c = (trees.l.code[n], trees.l.len[n] as u8);
            }
            for (n, c) in dist.iter_mut().enumerate() {
                *c = (trees.d.code[n], trees.d.len[n] as u8);
            }
            self.compress(bits, &lit, &dist);
        } else {
            bits.put(2 | last as u32, 3);
            self.compress(bits, &LITLEN_CODES, &DIST_CODES);
        }
        if last {
            bits.align();
        }
        self.syms.clear();
        self.lfreq = [0; L_CODES];
        self.dfreq = [0; D_CODES];
        self.static_bits = 0;
        self.extra_bits = 0;
    }

    /// zlib `compress_block`: the symbols and the end of block.
    fn compress(&self, bits: &mut Bits, lit: &[(u16, u8)], dist: &[(u16, u8)]) {
        for &s in self.syms.iter() {
            let len = (s >> 16) as usize;
            if len == 0 {
                let (code, n) = lit[s as usize];
                bits.put(code as u32, n as u32);
                continue;
            }
            let d = (s & 0xffff) as usize;
            let li = LENGTH_INDEX[len] as usize;
            let (code, n) = lit[257 + li];
            bits.put(code as u32, n as u32);
            bits.put(
                (len - LENGTH_BASE[li] as usize) as u32,
                LENGTH_EXTRA[li] as u32,
            );
            let di = distance_index(d);
            let (code, n) = dist[di];
            bits.put(code as u32, n as u32);
            bits.put((d - DIST_BASE[di] as usize) as u32, DIST_EXTRA[di] as u32);
        }
        let (code, n) = lit[END_BLOCK];
        bits.put(code as u32, n as u32);
    }

    /// A proven lower bound of zlib's dynamic-block size in bits
    /// (`opt_len`), far cheaper than building the trees:
    ///
    /// - data: the cost of a Huffman code over the symbol counts, which no
    ///   prefix code beats (zlib's is one, or worse once it limits lengths
    ///   to 15 bits), computed without building a tree; plus the extra bits,
    ///   which every encoding sends;
    /// - header: 14 bits of counts; 3 bits per code-length-code length, and
    ///   zlib sends them up to the last used one in [`BL_ORDER`]: each tree
    ///   is a complete code over its leaves (at least 2), so one of its
    ///   lengths is at most log2(leaves), and small lengths come late in
    ///   that order; the code-length list, whose zero runs zlib codes from
    ///   the used/unused pattern alone (so their symbols and extra bits are
    ///   known exactly) and whose used entries take at least
    ///   [`USED_RUN_SYMBOLS`]: the code-length code cannot beat the entropy
    ///   of these symbol counts, and lumping all used-entry symbols into
    ///   one, with their fewest count, only lowers it.
    fn dynamic_lower_bound(&mut self) -> u64 {
        let mut runs = Runs::default();
        let mut leaves = Weights::new(self.huffman);
        let last = self.lfreq.iter().rposition(|&f| f != 0).unwrap_or(0);
        for &f in &self.lfreq[..=last] {
            runs.push(f != 0);
            if f != 0 {
                leaves.add(f);
            }
        }
        runs.end();
        let mut blindex = min_bl_index(leaves.count.max(2));
        let mut data = leaves.huffman_cost();
        // The distance tree, with the leaves zlib adds to reach two.
        let mut used = [false; D_CODES];
        let mut dleaves = Weights::new(self.huffman);
        for (u, &f) in used.iter_mut().zip(&self.dfreq) {
            if f != 0 {
                *u = true;
                dleaves.add(f);
            }
        }
        data += dleaves.huffman_cost();
        let mut dcount = dleaves.count;
        let mut dlast = used.iter().rposition(|&u| u).map_or(-1, |i| i as isize);
        while dcount < 2 {
            let node = if dlast < 2 {
                dlast += 1;
                dlast as usize
            } else {
                0
            };
            used[node] = true;
            dcount += 1;
        }
        for &u in &used[..=dlast as usize] {
            runs.push(u);
        }
        runs.end();
        blindex = blindex.max(min_bl_index(dcount));
        if runs.zeros_3_10 > 0 {
            blindex = blindex.max(1);
        }
        if runs.zeros_11_138 > 0 {
            blindex = blindex.max(2);
        }
        let counts = [
            runs.zero_literals,
            runs.zeros_3_10,
            runs.zeros_11_138,
            runs.used_symbols,
        ];
        let n: u64 = counts.iter().sum();
        let mut symbols = n as f64 * (n as f64).log2();
        for &c in counts.iter().filter(|&&c| c != 0) {
            symbols -= c as f64 * (c as f64).log2();
        }
        let header = 14
            + 3 * (blindex.max(3) as u64 + 1)
            + 3 * runs.zeros_3_10
            + 7 * runs.zeros_11_138
            // Rounded down with a margin far above f64's error here.
            + (symbols - 1e-6).max(0.0) as u64;
        data + self.extra_bits + header
    }
}

/// The nonzero frequencies of one tree, grouped by value.
struct Weights<'a> {
    /// How many leaves have frequency f, for f < 32.
    small: [u32; 32],
    /// Which `small` entries are nonzero.
    present: u32,
    /// Frequencies from 32 on (few in a token), and the two queues of
    /// [`Weights::huffman_cost`]: reused buffers.
    large: &'a mut Vec<u32>,
    queues: &'a mut [Vec<(u32, u32)>; 2],
    count: u32,
}

/// A queue of (weight, count) groups, ascending.
struct Groups<'a> {
    items: &'a mut Vec<(u32, u32)>,
    head: usize,
}

impl Groups<'_> {
    /// Appends `count` of weight `w` (never less than the last).
    fn push(&mut self, w: u32, count: u32) {
        let open = self.items.len() > self.head;
        match self.items.last_mut() {
            Some(last) if open && last.0 == w => last.1 += count,
            _ => self.items.push((w, count)),
        }
    }

    fn least(&self) -> Option<u32> {
        self.items.get(self.head).map(|g| g.0)
    }

    /// Takes up to `want` of the first group: (weight, taken).
    fn take(&mut self, want: u32) -> (u32, u32) {
        let (w, c) = &mut self.items[self.head];
        let taken = want.min(*c);
        *c -= taken;
        let w = *w;
        if *c == 0 {
            self.head += 1;
        }
        (w, taken)
    }
}

impl<'a> Weights<'a> {
    fn new(buffers: &'a mut HuffmanBuffers) -> Self {
        buffers.large.clear();
        Weights {
            small: [0; 32],
            present: 0,
            large: &mut buffers.large,
            queues: &mut buffers.queues,
            count: 0,
        }
    }

    fn add(&mut self, f: u32) {
        self.count += 1;
        if f < 32 {
            self.small[f as usize] += 1;
            self.present |= 1 << f;
        } else {
            self.large.push(f);
        }
    }

    /// The least `sum(f * len)` of any prefix code over these leaves (that
    /// of every Huffman code), 0 for fewer than 2: Huffman's two-queue
    /// method, over groups of equal weight.
    fn huffman_cost(&mut self) -> u64 {
        if self.count < 2 {
            return 0;
        }
        let [leaves, inner] = &mut *self.queues;
        leaves.clear();
        inner.clear();
        let mut leaves = Groups {
            items: leaves,
            head: 0,
        };
        let mut present = self.present;
        while present != 0 {
            let f = present.trailing_zeros();
            present &= present - 1;
            leaves.push(f, self.small[f as usize]);
        }
        self.large.sort_unstable();
        for &f in self.large.iter() {
            leaves.push(f, 1);
        }
        // Inner nodes are made in ascending order, so a queue keeps them.
        let mut inner = Groups {
            items: inner,
            head: 0,
        };
        let mut left = self.count;
        let mut cost = 0u64;
        let least = |leaves: &Groups, inner: &Groups| match (leaves.least(), inner.least()) {
            (Some(a), Some(b)) => a <= b,
            (a, _) => a.is_some(),
        };
        while left > 1 {
            let from_leaves = least(&leaves, &inner);
            let queue = if from_leaves { &mut leaves } else { &mut inner };
            let (w, c) = queue.items[queue.head];
            if c >= 2 {
                // Pairs of the least weight, all at once.
                let (_, taken) = queue.take(c / 2 * 2);
                let pairs = taken / 2;
                cost += pairs as u64 * 2 * w as u64;
                inner.push(2 * w, pairs);
                left -= pairs;
            } else {
                queue.take(1);
                let queue = if least(&leaves, &inner) {
                    &mut leaves
                } else {
                    &mut inner
                };
                let (w2, _) = queue.take(1);
                cost += w as u64 + w2 as u64;
                inner.push(w + w2, 1);
                left -= 1;
            }
        }
        cost
    }
}

/// Reused buffers of [`Weights`].
#[derive(Default)]
struct HuffmanBuffers {
    large: Vec<u32>,
    queues: [Vec<(u32, u32)>; 2],
}

/// The code-length symbols zlib needs for a used/unused pattern: zero runs
/// exactly (split at 138: fewer than 3 as literal zeros, up to 10 as one
/// "3-10 zeros", else one "11-138 zeros"), used runs at their fewest
/// ([`USED_RUN_SYMBOLS`]).
#[derive(Default)]
struct Runs {
    zero_literals: u64,
    zeros_3_10: u64,
    zeros_11_138: u64,
    used_symbols: u64,
    zeros: u64,
    used: u64,
}

impl Runs {
    fn push(&mut self, used: bool) {
        if used {
            self.flush_zeros();
            self.used += 1;
        } else {
            self.flush_used();
            self.zeros += 1;
        }
    }

    fn flush_zeros(&mut self) {
        let r = self.zeros;
        self.zeros_11_138 += r / 138;
        match r % 138 {
            0 => {}
            rest @ 1..=2 => self.zero_literals += rest,
            3..=10 => self.zeros_3_10 += 1,
            _ => self.zeros_11_138 += 1,
        }
        self.zeros = 0;
    }

    fn flush_used(&mut self) {
        self.used_symbols += USED_RUN_SYMBOLS[self.used.min(L_CODES as u64) as usize] as u64;
        self.used = 0;
    }

    /// Ends one tree's list (runs do not cross trees).
    fn end(&mut self) {
        self.flush_zeros();
        self.flush_used();
    }
}

/// Fewest code-length symbols a run of `r` used entries takes: a literal
/// length first, then literals or repeats of 3-6 ("16").
const USED_RUN_SYMBOLS: [u16; L_CODES + 1] = {
    let mut rest = [0u16; L_CODES + 1];
    let mut r = 1;
    while r <= L_CODES {
        let mut best = rest[r - 1] + 1;
        let mut k = 3;
        while k <= 6 && k <= r {
            if rest[r - k] + 1 < best {
                best = rest[r - k] + 1;
            }
            k += 1;
        }
        rest[r] = best;
        r += 1;
    }
    let mut t = [0u16; L_CODES + 1];
    let mut r = 1;
    while r <= L_CODES {
        t[r] = 1 + rest[r - 1];
        r += 1;
    }
    t
};

/// The least position in [`BL_ORDER`] that the shortest code length of a
/// complete code over `leaves` leaves can have: that length is at most
/// log2(leaves).
fn min_bl_index(leaves: u32) -> usize {
    let longest_shortest = (31 - leaves.leading_zeros()) as usize;
    (1..=longest_shortest.min(MAX_BITS))
        .map(|len| BL_ORDER.iter().position(|&s| s == len).unwrap_or(0))
        .min()
        .unwrap_or(0)
}

/// Literal/length codes (256 literals, end of block, 29 lengths), distance
/// codes, code-length codes.
const L_CODES: usize = 286;
const D_CODES: usize = 30;
const BL_CODES: usize = 19;
const END_BLOCK: usize = 256;
/// Room for the leaves and inner nodes of the largest tree (zlib
/// `HEAP_SIZE`).
const HEAP_SIZE: usize = 2 * L_CODES + 1;
const MAX_BITS: usize = 15;
const MAX_BL_BITS: usize = 7;
/// Code-length symbols: repeat the previous length 3-6 times, 3-10 zeros,
/// 11-138 zeros.
const REP_3_6: usize = 16;
const REPZ_3_10: usize = 17;
const REPZ_11_138: usize = 18;
/// Order in which the code-length code lengths are sent (RFC 1951, 3.2.7).
const BL_ORDER: [usize; BL_CODES] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];
const BL_EXTRA: [u8; BL_CODES] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];

/// One Huffman tree in zlib's layout: leaves first, then inner nodes (`N`
/// is twice the leaves, plus one).
struct Tree<const N: usize> {
    freq: [u32; N],
    len: [u16; N],
    dad: [u16; N],
    code: [u16; N],
    /// Largest leaf with a nonzero frequency (after zlib's forced leaves).
    max_code: usize,
}

impl<const N: usize> Tree<N> {
    fn new(freq: &[u32]) -> Self {
        let mut t = Tree {
            freq: [0; N],
            len: [0; N],
            dad: [0; N],
            code: [0; N],
            max_code: 0,
        };
        t.freq[..freq.len()].copy_from_slice(freq);
        t
    }
}

/// zlib's `build_tree` state: the heap, node depths and `opt_len`.
struct Heap {
    /// Heap entries: node | (freq << 8 | depth) << 16. zlib's `smaller`
    /// (by frequency, ties by depth, "<=") is then `<=` on the upper part.
    heap: [u64; HEAP_SIZE],
    len: usize,
    max: usize,
    depth: [u8; HEAP_SIZE],
    bl_count: [u16; MAX_BITS + 1],
    /// Dynamic block size in bits (it goes below 0 for a moment when zlib
    /// forces a leaf).
    opt_len: i64,
}

fn entry(node: usize, freq: u32, depth: u8) -> u64 {
    ((freq as u64) << 8 | depth as u64) << 16 | node as u64
}

impl Heap {
    /// zlib `pqdownheap`.
    fn down(&mut self, mut k: usize) {
        let v = self.heap[k];
        let key = v >> 16;
        let mut j = k << 1;
        while j <= self.len {
            let mut hj = self.heap[j];
            if j < self.len {
                let next = self.heap[j + 1];
                if next >> 16 <= hj >> 16 {
                    j += 1;
                    hj = next;
                }
            }
            if key <= hj >> 16 {
                break;
            }
            self.heap[k] = hj;
            k = j;
            j <<= 1;
        }
        self.heap[k] = v;
    }

    /// zlib `build_tree`, `gen_bitlen` and `gen_codes`.
    fn build<const N: usize>(
        &mut self,
        t: &mut Tree<N>,
        extra: &[u8],
        base: usize,
        max_length: usize,
    ) {
        let elems = N / 2;
        self.len = 0;
        self.max = HEAP_SIZE;
        let mut max_code: isize = -1;
        for n in 0..elems {
            if t.freq[n] != 0 {
                self.len += 1;
                self.heap[self.len] = entry(n, t.freq[n], 0);
                max_code = n as isize;
                self.depth[n] = 0;
            } else {
                t.len[n] = 0;
            }
        }
        // At least two codes, so that each has a bit.
        while self.len < 2 {
            let node = if max_code < 2 {
                max_code += 1;
                max_code as usize
            } else {
                0
            };
            self.len += 1;
            self.heap[self.len] = entry(node, 1, 0);
            t.freq[node] = 1;
            self.depth[node] = 0;
            self.opt_len -= 1;
        }
        t.max_code = max_code as usize;
        for n in (1..=self.len / 2).rev() {
            self.down(n);
        }
        let mut node = elems;
        loop {
            let top = self.heap[1];
            self.heap[1] = self.heap[self.len];
            self.len -= 1;
            self.down(1);
            let next = self.heap[1];
            self.max -= 1;
            self.heap[self.max] = top;
            self.max -= 1;
            self.heap[self.max] = next;
            let (n, m) = ((top & 0xffff) as usize, (next & 0xffff) as usize);
            t.freq[node] = t.freq[n] + t.freq[m];
            self.depth[node] = self.depth[n].max(self.depth[m]).wrapping_add(1);
            t.dad[n] = node as u16;
            t.dad[m] = node as u16;
            self.heap[1] = entry(node, t.freq[node], self.depth[node]);
            node += 1;
            self.down(1);
            if self.len < 2 {
                break;
            }
        }
        self.max -= 1;
        self.heap[self.max] = self.heap[1];
        self.gen_bitlen(t, extra, base, max_length);
        gen_codes(t, &self.bl_count);
    }

    /// zlib `gen_bitlen`: code lengths from the tree, limited to
    /// `max_length` by zlib's own repair, and their cost added to `opt_len`.
    fn gen_bitlen<const N: usize>(
        &mut self,
        t: &mut Tree<N>,
        extra: &[u8],
        base: usize,
        max_length: usize,
    ) {
        self.bl_count = [0; MAX_BITS + 1];
        let mut overflow = 0i32;
        t.len[(self.heap[self.max] & 0xffff) as usize] = 0;
        for h in self.max + 1..HEAP_SIZE {
            let n = (self.heap[h] & 0xffff) as usize;
            let mut bits = t.len[t.dad[n] as usize] as usize + 1;
            if bits > max_length {
                bits = max_length;
                overflow += 1;
            }
            t.len[n] = bits as u16;
            if n > t.max_code {
                continue;
            }
            self.bl_count[bits] += 1;
            let xbits = if n >= base {
                extra[n - base] as usize
            } else {
                0
            };
            self.opt_len += t.freq[n] as i64 * (bits + xbits) as i64;
        }
        if overflow == 0 {
            return;
        }
        loop {
            let mut bits = max_length - 1;
            while self.bl_count[bits] == 0 {
                bits -= 1;
            }
            self.bl_count[bits] -= 1;
            self.bl_count[bits + 1] += 2;
            self.bl_count[max_length] -= 1;
            overflow -= 2;
            if overflow <= 0 {
                break;
            }
        }
        let mut h = HEAP_SIZE;
        for bits in (1..=max_length).rev() {
            let mut n = self.bl_count[bits];
            while n != 0 {
                h -= 1;
                let m = (self.heap[h] & 0xffff) as usize;
                if m > t.max_code {
                    continue;
                }
                if t.len[m] as usize != bits {
                    self.opt_len += (bits as i64 - t.len[m] as i64) * t.freq[m] as i64;
                    t.len[m] = bits as u16;
                }
                n -= 1;
            }
        }
    }
}

/// zlib `gen_codes`: canonical codes from the lengths, bit-reversed.
fn gen_codes<const N: usize>(t: &mut Tree<N>, bl_count: &[u16; MAX_BITS + 1]) {
    let mut next = [0u32; MAX_BITS + 1];
    let mut code = 0u32;
    for bits in 1..=MAX_BITS {
        code = (code + bl_count[bits - 1] as u32) << 1;
        next[bits] = code;
    }
    for n in 0..=t.max_code {
        let len = t.len[n] as usize;
        if len != 0 {
            t.code[n] = reverse(next[len], len as u32);
            next[len] += 1;
        }
    }
}

/// zlib's run-length coding of a code-length list (`scan_tree` and
/// `send_tree` walk it the same way): `emit(symbol, extra)` for each
/// code-length symbol in order.
fn code_length_runs(lens: &[u16], mut emit: impl FnMut(usize, u32)) {
    let mut prevlen: i32 = -1;
    let mut nextlen = lens[0] as i32;
    let mut count = 0u32;
    let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
    for n in 0..lens.len() {
        let curlen = nextlen;
        // zlib puts a guard of 0xffff after the last length.
        nextlen = lens.get(n + 1).map_or(0xffff, |&l| l as i32);
        count += 1;
        if count < max_count && curlen == nextlen {
            continue;
        } else if count < min_count {
            for _ in 0..count {
                emit(curlen as usize, 0);
            }
        } else if curlen != 0 {
            if curlen != prevlen {
                emit(curlen as usize, 0);
                count -= 1;
            }
            emit(REP_3_6, count - 3);
        } else if count <= 10 {
            emit(REPZ_3_10, count - 3);
        } else {
            emit(REPZ_11_138, count - 11);
        }
        count = 0;
        prevlen = curlen;
        (max_count, min_count) = if nextlen == 0 {
            (138, 3)
        } else if curlen == nextlen {
            (6, 3)
        } else {
            (7, 4)
        };
    }
}

/// The three trees of a dynamic block, exactly as zlib builds them.
struct Trees {
    l: Tree<HEAP_SIZE>,
    d: Tree<{ 2 * D_CODES + 1 }>,
    bl: Tree<{ 2 * BL_CODES + 1 }>,
    max_blindex: usize,
    /// The block's size in bits, header included (zlib `opt_len`).
    opt_len: i64,
}

impl Trees {
    /// zlib `build_tree` of both trees and `build_bl_tree`.
    fn build(lfreq: &[u32; L_CODES], dfreq: &[u32; D_CODES]) -> Trees {
        let mut t = Trees {
            l: Tree::new(lfreq),
            d: Tree::new(dfreq),
            bl: Tree::new(&[]),
            max_blindex: 0,
            opt_len: 0,
        };
        let mut heap = Heap {
            heap: [0; HEAP_SIZE],
            len: 0,
            max: 0,
            depth: [0; HEAP_SIZE],
            bl_count: [0; MAX_BITS + 1],
            opt_len: 0,
        };
        heap.build(&mut t.l, &LENGTH_EXTRA, END_BLOCK + 1, MAX_BITS);
        heap.build(&mut t.d, &DIST_EXTRA, 0, MAX_BITS);
        let Trees { l, d, bl, .. } = &mut t;
        code_length_runs(&l.len[..=l.max_code], |sym, _| bl.freq[sym] += 1);
        code_length_runs(&d.len[..=d.max_code], |sym, _| bl.freq[sym] += 1);
        heap.build(bl, &BL_EXTRA, 0, MAX_BL_BITS);
        let mut max_blindex = BL_CODES - 1;
        while max_blindex >= 3 && bl.len[BL_ORDER[max_blindex]] == 0 {
            max_blindex -= 1;
        }
        heap.opt_len += 3 * (max_blindex as i64 + 1) + 5 + 5 + 4;
        t.max_blindex = max_blindex;
        t.opt_len = heap.opt_len;
        t
    }

    /// zlib `send_all_trees`: the dynamic block's header.
    fn send(&self, bits: &mut Bits) {
        bits.put((self.l.max_code + 1 - 257) as u32, 5);
        bits.put(self.d.max_code as u32, 5);
        bits.put((self.max_blindex + 1 - 4) as u32, 4);
        for &sym in &BL_ORDER[..=self.max_blindex] {
            bits.put(self.bl.len[sym] as u32, 3);
        }
        let mut send = |sym: usize, extra: u32| {
            bits.put(self.bl.code[sym] as u32, self.bl.len[sym] as u32);
            match sym {
                REP_3_6 => bits.put(extra, 2),
                REPZ_3_10 => bits.put(extra, 3),
                REPZ_11_138 => bits.put(extra, 7),
                _ => {}
            }
        };
        code_length_runs(&self.l.len[..=self.l.max_code], &mut send);
        code_length_runs(&self.d.len[..=self.d.max_code], &mut send);
    }
}

/// Reused buffers: the hash chains, their table and the block's symbols.
#[derive(Default)]
struct Scratch {
    prev: Vec<u32>,
    table: Vec<u64>,
    syms: Vec<u32>,
    huffman: HuffmanBuffers,
}

std::thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Compresses `data` into a zlib stream, the same bytes as zlib's
/// `compress()` (level 6) for inputs up to [`EXACT_LIMIT`] bytes.
///
/// ```
/// let data = b"abcabcabcabc token token token";
/// let z = token_core::deflate::zlib_compress(data);
/// assert_eq!(&z[..2], &[0x78, 0x9c]);
/// assert_eq!(token_core::codec::inflate(&z).unwrap(), data);
/// ```
pub fn zlib_compress(data: &[u8]) -> Vec<u8> {
    // Buffers for token-sized inputs are kept per thread (plain memory, no
    // state leaks between calls: every one is cleared before use); a large
    // input gets its own so a thread does not keep it.
    if data.len() <= 1 << 16 {
        let kept = SCRATCH.try_with(|cell| {
            cell.try_borrow_mut()
                .ok()
                .map(|mut scratch| compress_with(data, &mut scratch))
        });
        if let Ok(Some(z)) = kept {
            return z;
        }
    }
    compress_with(data, &mut Scratch::default())
}

/// zlib `deflate_slow` (lazy matching) over the whole input at once.
fn compress_with(data: &[u8], scratch: &mut Scratch) -> Vec<u8> {
    let Scratch {
        prev,
        table,
        syms,
        huffman,
    } = scratch;
    hash_chains(data, prev, table);
    let prev = &prev[..];
    syms.clear();
    let mut block = Block {
        syms,
        huffman,
        lfreq: [0; L_CODES],
        dfreq: [0; D_CODES],
        static_bits: 0,
        extra_bits: 0,
    };
    // CMF 0x78: deflate with a 32 KiB window; FLG 0x9C: default level, no
    // dictionary, check bits. Room for every block in its largest form: a
    // dynamic block's header (at most 3 + 14 + 19 * 3 + 316 * 14 bits, under
    // 600 bytes) and at most 16 bits per input byte (codes of up to 15
    // bits; a match of 3 or more bytes, up to 15 + 5 + 15 + 13 bits); a
    // stored block is its length + 5. A block holds up to BLOCK_SYMBOLS
    // symbols of at least a byte each.
    let blocks = data.len() / BLOCK_SYMBOLS + 2;
    let mut out = Vec::new();
    let mut bits = Bits::new(&mut out, [0x78, 0x9c], 2 * data.len() + 1024 * blocks);
    let n = data.len();
    let mut strstart = 0;
    let mut block_start = 0;
    let mut match_length = MIN_MATCH - 1;
    let mut match_start = 0;
    let mut match_available = false;
    while strstart < n {
        // 0 is zlib's NIL: position 0 is never a match source.
        let hash_head = prev.get(strstart).map_or(0, |&p| p as usize);
        let prev_length = match_length;
        let prev_match = match_start;
        match_length = MIN_MATCH - 1;
        if hash_head != 0 && prev_length < MAX_LAZY && strstart - hash_head <= MAX_DIST {
            match_length = longest_match(
                data,
                prev,
                strstart,
                hash_head,
                prev_length,
                &mut match_start,
            );
            if match_length == MIN_MATCH && strstart - match_start > TOO_FAR {
                match_length = MIN_MATCH - 1;
            }
        }
        if prev_length >= MIN_MATCH && match_length <= prev_length {
            // The previous position's match is not beaten: emit it.
            let full = block.copy(prev_length, strstart - 1 - prev_match);
            strstart += prev_length - 1;
            match_available = false;
            match_length = MIN_MATCH - 1;
            if full {
                block.flush(&mut bits, &data[block_start..strstart], false);
                block_start = strstart;
            }
        } else if match_available {
            if block.literal(data[strstart - 1]) {
                block.flush(&mut bits, &data[block_start..strstart], false);
                block_start = strstart;
            }
            strstart += 1;
        } else {
            match_available = true;
            strstart += 1;
        }
    }
    if match_available {
        block.literal(data[strstart - 1]);
    }
    block.flush(&mut bits, &data[block_start..strstart], true);
    let end = bits.finish(data);
    out.truncate(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Inflates with flate2 (zlib), a decoder independent of token-core's.
    pub(super) fn reference_inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    /// zlib's `compress2(.., 6)`: one deflate call with Z_FINISH.
    pub(super) fn zlib_level6(data: &[u8]) -> Vec<u8> {
        let mut c = flate2::Compress::new(flate2::Compression::new(6), true);
        let mut out = Vec::with_capacity(data.len() + data.len() / 1000 + 64);
        let status = c
            .compress_vec(data, &mut out, flate2::FlushCompress::Finish)
            .unwrap();
        assert_eq!(status, flate2::Status::StreamEnd);
        out
    }

    fn lcg_bytes(seed: u32, len: usize, alphabet: u32) -> Vec<u8> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % alphabet) as u8
            })
            .collect()
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
        inputs.push(lcg_bytes(12345, 100_000, 16));
        inputs.push(lcg_bytes(7, 200_000, 256));
        for data in inputs {
            assert_eq!(reference_inflate(&zlib_compress(&data)), data);
        }
    }

    #[test]
    fn writes_what_zlib_writes() {
        let mut inputs: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"ab".to_vec(),
            b"abc".to_vec(),
            b"aaaa".to_vec(),
            vec![0u8; 1000],
            (0..=255u8).collect(),
            vec![7u8; 60_000],
        ];
        for (seed, alphabet) in [(1, 2), (2, 4), (3, 16), (4, 64), (5, 256)] {
            for len in [10, 100, 300, 1000, 4096, 20_000, EXACT_LIMIT] {
                inputs.push(lcg_bytes(seed * 1000 + len as u32, len, alphabet));
            }
        }
        for data in inputs {
            assert_eq!(
                zlib_compress(&data),
                zlib_level6(&data),
                "{} bytes",
                data.len()
            );
        }
    }

    /// The content of the benchmarks' RTC token (bench_ops' inputs).
    pub(super) fn token_content() -> Vec<u8> {
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
        t.content("5CFd2fd1755d40ecb72977518be15d3b").unwrap()
    }

    #[test]
    fn writes_what_zlib_writes_for_a_token_content() {
        let content = token_content();
        assert_eq!(zlib_compress(&content), zlib_level6(&content));
    }

    #[test]
    fn the_lower_bound_never_exceeds_zlibs_dynamic_size() {
        let mut syms = Vec::new();
        let mut huffman = HuffmanBuffers::default();
        let mut x = 99u32;
        let mut next = |m: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 8) % m
        };
        for round in 0..3000 {
            let mut block = Block {
                syms: &mut syms,
                huffman: &mut huffman,
                lfreq: [0; L_CODES],
                dfreq: [0; D_CODES],
                static_bits: 0,
                extra_bits: 0,
            };
            let (used, spread) = (1 + next(286), 1 + next(40));
            for _ in 0..used {
                block.lfreq[next(L_CODES as u32) as usize] += 1 + next(spread) * next(3);
            }
            for _ in 0..next(12) {
                block.dfreq[next(D_CODES as u32) as usize] += 1 + next(spread);
            }
            block.lfreq[END_BLOCK] = 1;
            let trees = Trees::build(&block.lfreq, &block.dfreq);
            let bound = block.dynamic_lower_bound();
            assert!(
                bound as i64 <= trees.opt_len,
                "round {round}: {bound} > {}",
                trees.opt_len
            );
            // Without length-limit repairs, the data part is exact.
            let data: u64 = (0..L_CODES)
                .map(|n| block.lfreq[n] as u64 * trees.l.len[n] as u64)
                .sum();
            let mut buffers = HuffmanBuffers::default();
            let mut leaves = Weights::new(&mut buffers);
            block
                .lfreq
                .iter()
                .filter(|&&f| f != 0)
                .for_each(|&f| leaves.add(f));
            if trees
                .l
                .len
                .iter()
                .take(L_CODES)
                .all(|&l| l < MAX_BITS as u16)
            {
                assert_eq!(leaves.huffman_cost(), data, "round {round}");
            }
        }
    }

    #[test]
    fn distance_index_matches_the_table() {
        for dist in 1..=W_SIZE {
            let expected = DIST_BASE.partition_point(|&b| b as usize <= dist) - 1;
            assert_eq!(distance_index(dist), expected, "{dist}");
        }
    }

    #[test]
    fn adler32_known_value() {
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}
