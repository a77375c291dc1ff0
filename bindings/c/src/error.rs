//! The one place errors cross the C boundary: the status enum with its stable
//! codes, and the conversion from token-core's error.

use std::ffi::{c_char, CStr};

use token_core::ErrorKind;

/// What a function of libagora_token did. The numbers are stable: new codes
/// may be added, existing ones never change meaning.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgoraTokenStatus {
    /// Success; the out-parameter holds the result.
    Ok = 0,
    /// A pointer argument that must not be NULL was NULL.
    NullPointer = 1,
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 2,
    /// An argument broke a documented rule (length, alphabet, range, option bits).
    InvalidInput = 3,
    /// A token was built without any service.
    NoService = 4,
    /// The token does not start with the expected version prefix.
    WrongVersion = 5,
    /// The token text or its decoded bytes are not a valid token.
    Malformed = 6,
    /// The signature does not match the certificate (or channel name / uid).
    SignatureMismatch = 7,
    /// A bug in libagora_token (a caught panic); the message says where.
    Internal = 8,
}

impl AgoraTokenStatus {
    /// The short stable name of a status (`"invalid_input"`, ...), as the
    /// error kinds of token-core and of the other bindings are named.
    pub fn name(self) -> &'static str {
        self.c_name().to_str().expect("status names are ASCII")
    }

    /// [`AgoraTokenStatus::name`] as a static C string.
    fn c_name(self) -> &'static CStr {
        match self {
            AgoraTokenStatus::Ok => c"ok",
            AgoraTokenStatus::NullPointer => c"null_pointer",
            AgoraTokenStatus::InvalidUtf8 => c"invalid_utf8",
            AgoraTokenStatus::InvalidInput => c"invalid_input",
            AgoraTokenStatus::NoService => c"no_service",
            AgoraTokenStatus::WrongVersion => c"wrong_version",
            AgoraTokenStatus::Malformed => c"malformed",
            AgoraTokenStatus::SignatureMismatch => c"signature_mismatch",
            AgoraTokenStatus::Internal => c"internal",
        }
    }

    /// The status with code `code`, if there is one.
    pub fn from_code(code: i32) -> Option<Self> {
        use AgoraTokenStatus::*;
        [
            Ok,
            NullPointer,
            InvalidUtf8,
            InvalidInput,
            NoService,
            WrongVersion,
            Malformed,
            SignatureMismatch,
            Internal,
        ]
        .into_iter()
        .find(|s| *s as i32 == code)
    }
}

/// An error on its way to the caller: a status and a message that names the
/// field and the rule (never a certificate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FfiError {
    /// The status returned to C.
    pub status: AgoraTokenStatus,
    /// The message written to `out_error`.
    pub message: String,
}

impl FfiError {
    /// An error of `status` with `message`.
    pub fn new(status: AgoraTokenStatus, message: impl Into<String>) -> Self {
        FfiError {
            status,
            message: message.into(),
        }
    }

    /// `field` was a NULL pointer.
    pub fn null(field: &str) -> Self {
        FfiError::new(
            AgoraTokenStatus::NullPointer,
            format!("{field}: must not be NULL"),
        )
    }

    /// `field` is not UTF-8; `valid_up_to` is the offset of the first bad
    /// byte. The bytes themselves are never echoed (the field may be the
    /// certificate).
    pub fn utf8(field: &str, valid_up_to: usize) -> Self {
        FfiError::new(
            AgoraTokenStatus::InvalidUtf8,
            format!("{field}: must be valid UTF-8 (invalid byte at offset {valid_up_to})"),
        )
    }

    /// `field` broke `rule`.
    pub fn invalid(field: &str, rule: impl std::fmt::Display) -> Self {
        FfiError::new(AgoraTokenStatus::InvalidInput, format!("{field}: {rule}"))
    }
}

impl From<token_core::Error> for FfiError {
    fn from(e: token_core::Error) -> Self {
        let status = match e.kind() {
            ErrorKind::InvalidInput => AgoraTokenStatus::InvalidInput,
            ErrorKind::NoService => AgoraTokenStatus::NoService,
            ErrorKind::WrongVersion => AgoraTokenStatus::WrongVersion,
            ErrorKind::Malformed => AgoraTokenStatus::Malformed,
            ErrorKind::SignatureMismatch => AgoraTokenStatus::SignatureMismatch,
            // ErrorKind is non-exhaustive: a kind added to token-core after
            // this binding was written still reaches C, as a bug to report.
            _ => AgoraTokenStatus::Internal,
        };
        FfiError::new(status, e.to_string())
    }
}

/// Result of the body of an exported function.
pub type FfiResult<T = ()> = Result<T, FfiError>;

/// Writes `message` to `out_error` when the caller gave one.
///
/// # Safety
/// `out_error` is NULL or valid for writing one pointer.
pub(crate) unsafe fn report(out_error: *mut *mut c_char, message: Option<&str>) {
    if !out_error.is_null() {
        // SAFETY: non-NULL, and the caller promises it is writable.
        unsafe { *out_error = message.map_or(std::ptr::null_mut(), crate::strings::into_c_string) };
    }
}

/// Returns the name of a status code: `"ok"`, `"null_pointer"`,
/// `"invalid_utf8"`, `"invalid_input"`, `"no_service"`, `"wrong_version"`,
/// `"malformed"`, `"signature_mismatch"`, `"internal"`, or `"unknown"` for a
/// number that is not a status. The string is static: do not free it.
///
/// This function, `agora_token_version` and `agora_token_string_free` are
/// the only ones that do not return a status.
#[no_mangle]
pub extern "C" fn agora_token_status_name(status: i32) -> *const c_char {
    AgoraTokenStatus::from_code(status)
        .map_or(c"unknown", AgoraTokenStatus::c_name)
        .as_ptr()
}

/// The library's version (the workspace version it was built from), e.g.
/// `"0.1.0"`: compare it with `AGORA_TOKEN_VERSION_STRING` to know that the
/// header and the library that was loaded are of the same release. The
/// string is static: do not free it.
#[no_mangle]
pub extern "C" fn agora_token_version() -> *const c_char {
    VERSION.as_ptr()
}

const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the crate version has no NUL"),
    };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_codes_and_core_kinds() {
        for code in 0..=8 {
            let s = AgoraTokenStatus::from_code(code).unwrap();
            // SAFETY: agora_token_status_name returns a static C string.
            let c = unsafe { CStr::from_ptr(agora_token_status_name(code)) };
            assert_eq!(c.to_str().unwrap(), s.name());
        }
        // SAFETY: as above.
        let unknown = unsafe { CStr::from_ptr(agora_token_status_name(-1)) };
        // SAFETY: agora_token_version returns a static C string.
        let version = unsafe { CStr::from_ptr(agora_token_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(unknown.to_str().unwrap(), "unknown");
        assert_eq!(
            AgoraTokenStatus::Malformed.name(),
            ErrorKind::Malformed.as_str()
        );
        assert_eq!(
            AgoraTokenStatus::SignatureMismatch.name(),
            ErrorKind::SignatureMismatch.as_str()
        );
    }
}
