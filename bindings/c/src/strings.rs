//! The one way a string leaves the library, and the one way it comes back to
//! be freed. Kept apart from [`crate::args`] and [`crate::error`], which both
//! hand out strings, so that neither depends on the other for it.

use std::ffi::{c_char, CString};

/// A string owned by the caller, to be freed with `agora_token_string_free`.
/// Interior NUL bytes (impossible in tokens and JSON, possible in an echoed
/// input) are dropped so the string is never cut short. An owned `String`
/// keeps its buffer (a token has room for the NUL): no copy.
pub(crate) fn into_c_string(s: impl Into<Vec<u8>>) -> *mut c_char {
    let c = CString::new(s).unwrap_or_else(|e| {
        let mut bytes = e.into_vec();
        bytes.retain(|&b| b != 0);
        CString::new(bytes).expect("every NUL byte was removed")
    });
    c.into_raw()
}

/// Takes back a string made by [`into_c_string`] as a Rust string (for
/// tests: the library's free only drops it, see below).
///
/// # Safety
/// `ptr` is NULL or came from [`into_c_string`] and was not freed yet.
#[cfg(test)]
pub(crate) unsafe fn take_c_string(ptr: *mut c_char) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: made by CString::into_raw, freed once.
    let c = unsafe { CString::from_raw(ptr) };
    Some(c.to_string_lossy().into_owned())
}

/// Frees a string returned by any function of this library (a token, a JSON
/// document, a hex string or an error message). NULL is a no-op. Freeing the
/// same string twice, or a string not returned by this library, is undefined
/// behavior.
///
/// # Safety
/// `s` is NULL or a string returned by this library and not freed yet.
#[no_mangle]
pub unsafe extern "C" fn agora_token_string_free(s: *mut c_char) {
    // A free cannot fail; catch a panic anyway so none crosses the boundary.
    if s.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the caller's promise above: made by CString::into_raw (in
        // into_c_string), freed once. Dropped as it is: no copy of the text.
        drop(unsafe { CString::from_raw(s) });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_nul_is_dropped() {
        let p = into_c_string("a\0b");
        // SAFETY: just made, freed once.
        assert_eq!(unsafe { take_c_string(p) }.as_deref(), Some("ab"));
        // SAFETY: NULL is a no-op.
        unsafe { agora_token_string_free(std::ptr::null_mut()) };
    }
}
