//! The one way a string leaves the library, and the one way it comes back to
//! be freed. Kept apart from [`crate::args`] and [`crate::error`], which both
//! hand out strings, so that neither depends on the other for it.

use std::ffi::{c_char, CString};

/// A string owned by the caller, to be freed with `agora_token_string_free`.
/// Interior NUL bytes (impossible in tokens and JSON, possible in an echoed
/// input) are dropped so the string is never cut short.
pub(crate) fn into_c_string(s: &str) -> *mut c_char {
    let c = CString::new(s)
        .unwrap_or_else(|_| CString::new(s.replace('\0', "")).expect("every NUL byte was removed"));
    c.into_raw()
}

/// Takes back and frees a string made by [`into_c_string`].
///
/// # Safety
/// `ptr` is NULL or came from [`into_c_string`] and was not freed yet.
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
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the caller's promise above.
        drop(unsafe { take_c_string(s) });
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
