//! Reading request bodies the way Go's `encoding/json` fills a struct, so the
//! compatible endpoints accept exactly what the Go originals accept:
//!
//! - only the first JSON value of the body is read (trailing bytes are
//!   ignored, as `json.Decoder.Decode` does);
//! - `null` for the whole body or a field leaves the zero value;
//! - object keys match field names exactly or, failing that, ignoring ASCII
//!   case (`channelname` fills `channelName`); unknown keys are ignored;
//! - types are strict: a number is not a string, `1.0` or `-1` is not a
//!   `uint32`, and an out-of-range number is an error.

use serde_json::{Map, Value};

/// A JSON object read with Go's rules (an absent or `null` object reads as
/// all zero values).
#[derive(Debug, Clone, Copy)]
pub struct GoObject<'a> {
    map: Option<&'a Map<String, Value>>,
    path: &'a str,
}

/// Parses the first JSON value of a body. `Err` carries a message in the
/// manner of Go's decoder (`EOF`, `invalid character ...`).
pub fn parse_body(body: &[u8]) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("EOF".into());
    }
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<Value>();
    match values.next() {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(format!("invalid JSON: {e}")),
        None => Err("EOF".into()),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_error(v: &Value, path: &str, field: &str, want: &str) -> String {
    let sep = if path.is_empty() { "" } else { "." };
    format!(
        "json: cannot unmarshal {} into field {path}{sep}{field} of type {want}",
        json_type(v)
    )
}

impl<'a> GoObject<'a> {
    /// The top-level object of a body (`null` reads as empty).
    pub fn root(value: &'a Value, struct_name: &'a str) -> Result<GoObject<'a>, String> {
        match value {
            Value::Object(m) => Ok(GoObject {
                map: Some(m),
                path: "",
            }),
            Value::Null => Ok(GoObject {
                map: None,
                path: "",
            }),
            other => Err(format!(
                "json: cannot unmarshal {} into Go value of type {struct_name}",
                json_type(other)
            )),
        }
    }

    /// The value of a field: an exact key, else a key equal ignoring ASCII
    /// case. `None` for absent or `null`.
    pub fn get(&self, field: &str) -> Option<&'a Value> {
        let map = self.map?;
        let v = map.get(field).or_else(|| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(field))
                .map(|(_, v)| v)
        })?;
        (!v.is_null()).then_some(v)
    }

    /// A string field (`""` when absent).
    pub fn string(&self, field: &str) -> Result<String, String> {
        match self.get(field) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(v) => Err(type_error(v, self.path, field, "string")),
        }
    }

    /// An unsigned integer field no larger than `max` (`0` when absent);
    /// `ty` names the Go type in errors.
    pub fn uint(&self, field: &str, max: u64, ty: &str) -> Result<u64, String> {
        match self.get(field) {
            None => Ok(0),
            Some(v @ Value::Number(n)) => n
                .as_u64()
                .filter(|&x| x <= max)
                .ok_or_else(|| type_error(v, self.path, field, ty)),
            Some(v) => Err(type_error(v, self.path, field, ty)),
        }
    }

    /// A bool field (`false` when absent).
    pub fn bool(&self, field: &str) -> Result<bool, String> {
        match self.get(field) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) => Err(type_error(v, self.path, field, "bool")),
        }
    }

    /// A nested object field (all zero values when absent); `path` names it
    /// in errors.
    pub fn object(&self, field: &str, path: &'a str) -> Result<GoObject<'a>, String> {
        match self.get(field) {
            None => Ok(GoObject { map: None, path }),
            Some(Value::Object(m)) => Ok(GoObject { map: Some(m), path }),
            Some(v) => Err(type_error(v, self.path, field, "struct")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn go_rules() {
        let v = json!({"ChannelName": "c", "uid": 7, "big": 4294967296u64, "neg": -1, "f": 1.0, "n": null});
        let o = GoObject::root(&v, "Request").unwrap();
        assert_eq!(o.string("channelName").unwrap(), "c");
        assert_eq!(o.uint("uid", u32::MAX as u64, "uint32").unwrap(), 7);
        assert!(o.uint("big", u32::MAX as u64, "uint32").is_err());
        assert!(o.uint("neg", u32::MAX as u64, "uint32").is_err());
        assert!(o.uint("f", u32::MAX as u64, "uint32").is_err());
        assert_eq!(o.string("n").unwrap(), "");
        assert_eq!(o.string("missing").unwrap(), "");
        let e = o.string("uid").unwrap_err();
        assert_eq!(
            e,
            "json: cannot unmarshal number into field uid of type string"
        );
        assert!(GoObject::root(&json!([1]), "Request").is_err());
        assert!(GoObject::root(&Value::Null, "Request").is_ok());
    }

    #[test]
    fn bodies() {
        assert_eq!(parse_body(b"").unwrap_err(), "EOF");
        assert_eq!(parse_body(b"  \n").unwrap_err(), "EOF");
        assert!(parse_body(b"{").unwrap_err().starts_with("invalid JSON"));
        assert_eq!(parse_body(b"{\"a\":1} trailing").unwrap(), json!({"a": 1}));
    }
}
