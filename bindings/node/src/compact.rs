//! A compact form of token-core's JSON values, for `parse`, `verify` and
//! `check`: one JS string of UTF-16 code units that `index.js` decodes into
//! plain objects.
//!
//! Why: building the result in Rust costs one N-API call per value and per
//! property (about 80 for an RTC token), and handing JSON text to
//! `JSON.parse` costs more than the token's parse and signature check
//! together. One string crosses once; JavaScript reads it with `charCodeAt`
//! and object literals, which V8 optimises.
//!
//! The values are whatever token-core serialises (its JSON form, keys in
//! camelCase); nothing here knows a token field. Each value starts with a
//! tag unit:
//!
//! | tag | value | then |
//! | --- | --- | --- |
//! | 0 | `null` | |
//! | 1, 2 | `false`, `true` | |
//! | 3 | integer 0 to 2^32 - 1 | 2 units, high first |
//! | 4 | integer 2^32 to 2^64 - 1 | 4 units, high first |
//! | 5 | negative integer | its magnitude as tag 4 |
//! | 6 | other number | its decimal text, as tag 7 |
//! | 7 | string | length in units (2 units), the units |
//! | 8 | array | length (2 units), the values |
//! | 9 | object | number of entries (2 units), its key set's number (1 unit), the values, length of its keys in units (2 units), the keys in the same order |
//! | 10 | a string of [`atoms`] | its index (1 unit) |
//!
//! A key is a value (a string, an atom or an integer). An object's keys come
//! after its values, together: the JS side reads an object with a reader
//! for its set of keys (an object literal, which V8 builds much faster than
//! one property at a time), found by the set's number, which comes first.
//! Each set of keys gets a number, the same for the same keys for the life
//! of the thread (a JS realm runs on one thread), which the JS side uses as
//! its readers' index: finding the reader by the keys' text cost V8 more
//! than the rest of decoding. A reader that JS does not have yet is made
//! from the keys after it has read the values; then the keys are skipped.
//! Past [`MAX_KEY_SETS`] sets the number is [`NO_KEY_SET`], and the JS side
//! reads the object property by property. (Keys after values: serde gives
//! them interleaved, and putting them first meant moving the values.)
//!
//! Atoms are the keys and names that come back in most results (`appId`,
//! `'rtc'`, `'join_channel'`, ...): the JS side holds them once, and does
//! not make a new string for them per call. Any other string is written out, so the
//! list only saves time; it decides nothing.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::ser::{self, Impossible, Serialize};

const NULL: u16 = 0;
const FALSE: u16 = 1;
const TRUE: u16 = 2;
const U32: u16 = 3;
const U64: u16 = 4;
const NEGATIVE: u16 = 5;
const OTHER_NUMBER: u16 = 6;
const STRING: u16 = 7;
const ARRAY: u16 = 8;
const OBJECT: u16 = 9;
const ATOM: u16 = 10;

/// The keys of token-core's JSON forms (token and check report) in
/// camelCase, and the fixed values they hold besides the names token-core
/// lists itself (service and privilege names).
const FIXED_ATOMS: &[&str] = &[
    "account",
    "allowed",
    "appId",
    "channelName",
    "code",
    "crcChannelName",
    "crcUid",
    "expire",
    "expiresAt",
    "issueTs",
    "issuedAt",
    "message",
    "now",
    "permissionType",
    "permissions",
    "privilege",
    "privilegeExpiresAt",
    "privilegeNames",
    "privileges",
    "reasons",
    "resourceType",
    "resources",
    "role",
    "roomUuid",
    "salt",
    "service",
    "services",
    "signature",
    "status",
    "ts",
    "type",
    "typeId",
    "uid",
    "unknownServiceType",
    "userId",
    "userUuid",
    "version",
    "007",
    "006",
    "valid",
    "invalid",
    "unchecked",
    "ok",
    "expired",
    "missing",
];

/// The most sets of keys numbered per thread (token-core's JSON forms have a
/// few dozen; a set of privilege ids is one): bounds what tokens with
/// unusual privilege ids can add.
const MAX_KEY_SETS: usize = 512;
/// The number of a set of keys past [`MAX_KEY_SETS`].
const NO_KEY_SET: u16 = 0xffff;

/// Slots of the atom lookup table (a power of two).
const SLOTS: usize = 512;

struct Atoms {
    list: Vec<&'static str>,
    /// `slot(atom)` -> index in `list` + 1 (0: empty). An atom whose slot is
    /// taken is left out, so it is written as a plain string.
    slots: [u16; SLOTS],
}

fn slot(s: &str) -> usize {
    let b = s.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let h = b.len() * 97 + usize::from(first.unwrap_or(0)) * 31 + usize::from(last.unwrap_or(0));
    let mid = b.get(b.len() / 2).copied().unwrap_or(0);
    (h ^ (usize::from(mid) << 3)) & (SLOTS - 1)
}

fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    // Eight bytes at a time, then the rest.
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q))
        && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

fn table() -> &'static Atoms {
    static ATOMS: OnceLock<Atoms> = OnceLock::new();
    ATOMS.get_or_init(|| {
        let mut names: Vec<&'static str> = FIXED_ATOMS.to_vec();
        // Service and privilege names, as token-core names them.
        for service_type in 1..=32u16 {
            names.extend(token_core::service::type_name(service_type));
            names.extend(
                (1..=16u16).filter_map(|id| token_core::service::privilege_name(service_type, id)),
            );
        }
        let mut atoms = Atoms {
            list: Vec::new(),
            slots: [0; SLOTS],
        };
        for name in names {
            let i = slot(name);
            if atoms.slots[i] == 0 && !atoms.list.contains(&name) {
                atoms.list.push(name);
                atoms.slots[i] = atoms.list.len() as u16;
            }
        }
        atoms
    })
}

/// The atom strings, in index order, for the JS side to hold.
pub(crate) fn atoms() -> &'static [&'static str] {
    &table().list
}

/// `value` in the compact form, handed to `f`. The buffers are the
/// thread's, reused from call to call.
fn encode<T: Serialize + ?Sized, R>(
    value: &T,
    f: impl FnOnce(&[u16]) -> R,
) -> Result<R, Unsupported> {
    thread_local! {
        static WRITER: std::cell::RefCell<Writer> = std::cell::RefCell::new(Writer {
            out: Vec::with_capacity(1024),
            atoms: table(),
            keys: Vec::new(),
            key_sets: HashMap::default(),
        });
    }
    WRITER.with(|w| {
        let mut w = w.borrow_mut();
        w.out.clear();
        w.keys.clear();
        value.serialize(&mut *w)?;
        Ok(f(&w.out))
    })
}

/// A value the compact form has no tag for (bytes, enum variants with
/// data); token-core's JSON forms have none.
#[derive(Debug)]
pub(crate) struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "compact encoding: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

struct Writer {
    out: Vec<u16>,
    atoms: &'static Atoms,
    /// The keys of the objects being written, innermost last; each object
    /// writes its keys after its values when it closes.
    keys: Vec<u16>,
    /// The number of each set of keys seen (see the module's doc).
    key_sets: HashMap<Box<[u16]>, u16, BuildHasherDefault<UnitsHasher>>,
}

impl Writer {
    fn key_set(&mut self, keys: std::ops::Range<usize>) -> u16 {
        if let Some(&n) = self.key_sets.get(&self.keys[keys.clone()]) {
            return n;
        }
        if self.key_sets.len() >= MAX_KEY_SETS {
            return NO_KEY_SET;
        }
        let n = self.key_sets.len() as u16;
        self.key_sets.insert(self.keys[keys].into(), n);
        n
    }
}

/// FxHash's multiply-rotate over 8 bytes at a time: the key sets are short
/// and come from token-core, so SipHash's defence against chosen keys buys
/// nothing here (and a hostile token cannot add more than
/// [`MAX_KEY_SETS`]).
#[derive(Default)]
struct UnitsHasher(u64);

impl Hasher for UnitsHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Writer {
    fn u32(&mut self, v: u32) {
        self.out.extend([(v >> 16) as u16, v as u16]);
    }

    fn u64(&mut self, tag: u16, v: u64) {
        match u32::try_from(v) {
            Ok(v) if tag == U64 => {
                self.out.push(U32);
                self.u32(v);
            }
            _ => {
                self.out.push(tag);
                self.u32((v >> 32) as u32);
                self.u32(v as u32);
            }
        }
    }

    fn text(&mut self, tag: u16, s: &str) {
        self.out.extend([tag, 0, 0]);
        let at = self.out.len();
        if s.is_ascii() {
            self.out.extend(s.bytes().map(u16::from));
        } else {
            self.out.extend(s.encode_utf16());
        }
        let len = (self.out.len() - at) as u32;
        self.out[at - 2] = (len >> 16) as u16;
        self.out[at - 1] = len as u16;
    }

    /// Starts an array or object; `end` writes its length.
    fn open(&mut self, tag: u16) -> Open<'_> {
        self.out.extend([tag, 0, 0]);
        if tag == OBJECT {
            self.out.push(NO_KEY_SET);
        }
        Open {
            at: self.out.len(),
            len: 0,
            object: tag == OBJECT,
            first_key: self.keys.len(),
            w: self,
        }
    }
}

/// An array or object being written.
struct Open<'a> {
    w: &'a mut Writer,
    /// Where its content starts (its length is the two units before).
    at: usize,
    len: u32,
    object: bool,
    /// Where its keys start in `Writer::keys` (objects).
    first_key: usize,
}

impl Open<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.len += 1;
        value.serialize(&mut *self.w)
    }

    fn close(self) {
        let w = self.w;
        let mut head = self.at - 2;
        if self.object {
            w.out[self.at - 1] = w.key_set(self.first_key..w.keys.len());
            let keys_len = (w.keys.len() - self.first_key) as u32;
            w.out.extend([(keys_len >> 16) as u16, keys_len as u16]);
            w.out.extend_from_slice(&w.keys[self.first_key..]);
            w.keys.truncate(self.first_key);
            head = self.at - 3;
        }
        w.out[head] = (self.len >> 16) as u16;
        w.out[head + 1] = self.len as u16;
    }

    /// Writes `key` at the end of `Writer::keys` (by writing it with the
    /// two buffers swapped: no copy).
    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        let w = &mut *self.w;
        std::mem::swap(&mut w.out, &mut w.keys);
        let written = self.item(key);
        let w = &mut *self.w;
        std::mem::swap(&mut w.out, &mut w.keys);
        written
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Open<'a>;
    type SerializeTuple = Open<'a>;
    type SerializeTupleStruct = Open<'a>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Open<'a>;
    type SerializeStruct = Open<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        match u64::try_from(v) {
            Ok(v) => self.u64(U64, v),
            Err(_) => self.u64(NEGATIVE, v.unsigned_abs()),
        }
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.u64(U64, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        if v.is_finite() {
            self.text(OTHER_NUMBER, &v.to_string());
        } else {
            self.out.push(NULL); // as JSON writes them
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        let i = self.atoms.slots[slot(v)];
        // Compared in line: names are short, and a call to memcmp per
        // string cost more than the comparison.
        if i != 0 && same(self.atoms.list[usize::from(i - 1)].as_bytes(), v.as_bytes()) {
            self.out.extend([ATOM, i - 1]);
        } else {
            self.text(STRING, v);
        }
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported("bytes".into()))
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported(format!("enum variant {variant}")))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'a>, Unsupported> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, len: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported(format!("enum variant {variant}")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'a>, Unsupported> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported(format!("enum variant {variant}")))
    }
}

impl ser::SerializeSeq for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.key(key)?;
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close();
        Ok(())
    }
}

/// `value` in the compact form, as a JS string (one N-API call).
pub(crate) fn to_js<T: Serialize + ?Sized>(
    env: napi::Env,
    value: &T,
) -> napi::Result<napi::JsString> {
    encode(value, |units| env.create_string_utf16(units))
        .map_err(|e| napi::Error::from_reason(e.to_string()))?
}
