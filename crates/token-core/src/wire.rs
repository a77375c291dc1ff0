//! Little-endian packing shared by every Agora token format.
//!
//! Facts (same in the official Go, C++, Node and Python packers): integers are
//! little-endian; a string or byte string is a `u16` length followed by the
//! bytes; a map is a `u16` count followed by `(u16 key, value)` pairs in
//! ascending key order.

use crate::error::{Error, Result};

/// Appends packed values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Writer {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// Appends a `u16`.
    pub fn u16(&mut self, v: u16) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// Appends a `u32`.
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// Appends an `i16`.
    pub fn i16(&mut self, v: i16) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// Appends a length-prefixed byte string. `field` names the value in the
    /// error when it is longer than the `u16` prefix can say.
    pub fn bytes(&mut self, field: &'static str, v: &[u8]) -> Result<&mut Self> {
        let len = len_u16(field, v.len(), "bytes")?;
        self.u16(len);
        self.buf.extend_from_slice(v);
        Ok(self)
    }

    /// Appends a length-prefixed UTF-8 string.
    pub fn string(&mut self, field: &'static str, v: &str) -> Result<&mut Self> {
        self.bytes(field, v.as_bytes())
    }

    /// Appends raw bytes with no prefix.
    pub fn raw(&mut self, v: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(v);
        self
    }

    /// The bytes written so far.
    pub fn as_slice(&self) -> &[u8] {
        &self.buf
    }

    /// The packed bytes.
    pub fn into_vec(self) -> Vec<u8> {
        self.buf
    }
}

/// Checks that a count or length fits the `u16` prefix of the wire format.
pub(crate) fn len_u16(field: &'static str, len: usize, unit: &str) -> Result<u16> {
    u16::try_from(len)
        .map_err(|_| Error::invalid(field, format!("at most 65535 {unit} (got {len})")))
}

/// Reads packed values from a byte slice; every read checks the bounds.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let rest = &self.buf[self.pos..];
        if rest.len() < n {
            return Err(Error::malformed(format!(
                "{what}: needs {n} bytes at offset {}, only {} left",
                self.pos,
                rest.len()
            )));
        }
        self.pos += n;
        Ok(&rest[..n])
    }

    /// Reads a `u16`; `what` names the field in the error.
    pub fn u16(&mut self, what: &str) -> Result<u16> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    /// Reads a `u32`.
    pub fn u32(&mut self, what: &str) -> Result<u32> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Reads an `i16`.
    pub fn i16(&mut self, what: &str) -> Result<i16> {
        Ok(self.u16(what)? as i16)
    }

    /// Reads a length-prefixed byte string.
    pub fn bytes(&mut self, what: &str) -> Result<&'a [u8]> {
        let len = self.u16(what)? as usize;
        self.take(len, what)
    }

    /// Reads a length-prefixed string that must be UTF-8.
    pub fn string(&mut self, what: &str) -> Result<String> {
        let b = self.bytes(what)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| Error::malformed(format!("{what}: not valid UTF-8")))
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        &self.buf[self.pos..]
    }

    /// How many bytes have been read.
    pub fn position(&self) -> usize {
        self.pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_little_endian_with_u16_prefixes() {
        let mut w = Writer::default();
        w.u16(0x0102).u32(0x03040506).i16(-1);
        w.string("s", "ab").unwrap();
        assert_eq!(
            w.as_slice(),
            &[2, 1, 6, 5, 4, 3, 0xff, 0xff, 2, 0, b'a', b'b']
        );
    }

    #[test]
    fn string_longer_than_u16_is_an_error_naming_the_field() {
        let long = "x".repeat(65536);
        let err = Writer::default().string("channel_name", &long).unwrap_err();
        assert!(err.to_string().starts_with("channel_name: at most 65535"));
    }

    #[test]
    fn reader_round_trips_and_reports_short_buffers() {
        let mut w = Writer::default();
        w.u32(7).string("s", "hé").unwrap();
        let bytes = w.into_vec();
        let mut r = Reader::new(&bytes);
        assert_eq!(r.u32("a").unwrap(), 7);
        assert_eq!(r.string("b").unwrap(), "hé");
        assert!(r.rest().is_empty());
        let err = r.u16("count").unwrap_err();
        assert_eq!(
            err.to_string(),
            "malformed token: count: needs 2 bytes at offset 9, only 0 left"
        );
        // A length prefix pointing past the end.
        let mut r = Reader::new(&[5, 0, b'a']);
        assert!(r.bytes("name").is_err());
    }
}
