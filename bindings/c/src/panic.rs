//! The panic boundary: every exported function runs its body through
//! [`ffi_guard!`], so no Rust panic ever unwinds into C.

use std::any::Any;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::{report, AgoraTokenStatus, FfiError, FfiResult};

/// Runs `body`, turns its error or panic into a status, and writes the
/// message (or NULL on success) to `out_error`.
///
/// # Safety
/// `out_error` is NULL or valid for writing one pointer.
pub(crate) unsafe fn guard(
    out_error: *mut *mut c_char,
    body: impl FnOnce() -> FfiResult,
) -> AgoraTokenStatus {
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        Err(FfiError::new(
            AgoraTokenStatus::Internal,
            format!(
                "internal error: a panic was caught at the C boundary ({}); please report this bug",
                panic_message(&*payload)
            ),
        ))
    });
    // Writing the message allocates; keep even that inside the boundary.
    let written = catch_unwind(AssertUnwindSafe(|| match &outcome {
        Ok(()) => {
            // SAFETY: forwarded from the caller of `guard`.
            unsafe { report(out_error, None) };
            AgoraTokenStatus::Ok
        }
        Err(e) => {
            // SAFETY: as above.
            unsafe { report(out_error, Some(&e.message)) };
            e.status
        }
    }));
    written.unwrap_or(AgoraTokenStatus::Internal)
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

/// `ffi_guard!(out_error, { ...body returning FfiResult... })`: the body of
/// every exported function.
macro_rules! ffi_guard {
    ($out_error:expr, $body:block) => {{
        // Outside the unsafe block below, so the body marks its own unsafe
        // operations.
        let body = || -> $crate::error::FfiResult { $body };
        // SAFETY: `out_error` is NULL or writable, as the header requires of
        // every `out_error` argument.
        unsafe { $crate::panic::guard($out_error, body) }
    }};
}
pub(crate) use ffi_guard;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::take_c_string;

    #[test]
    fn a_panic_becomes_an_internal_error_with_a_message() {
        fn boom() -> FfiResult {
            panic!("boom")
        }
        let mut err: *mut c_char = std::ptr::null_mut();
        let status = ffi_guard!(&mut err, { boom() });
        assert_eq!(status, AgoraTokenStatus::Internal);
        // SAFETY: written by guard, freed once here.
        let msg = unsafe { take_c_string(err) }.unwrap();
        assert!(msg.contains("boom") && msg.contains("panic"), "{msg}");
    }

    #[test]
    fn success_clears_out_error_and_null_out_error_is_allowed() {
        let mut err: *mut c_char = std::ptr::dangling_mut::<c_char>();
        assert_eq!(ffi_guard!(&mut err, { Ok(()) }), AgoraTokenStatus::Ok);
        assert!(err.is_null());
        let status = ffi_guard!(std::ptr::null_mut(), {
            Err(FfiError::invalid("x", "rule"))
        });
        assert_eq!(status, AgoraTokenStatus::InvalidInput);
    }
}
