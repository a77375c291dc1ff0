//! # libagora_token: the C ABI of token-core
//!
//! Builds `libagora_token.so` and `libagora_token.a`; the header
//! `include/agora_token.h` is generated from this crate by cbindgen
//! (`scripts/gen-header`) and `include/agora_token.hpp` is the C++ layer over
//! it. The conventions every function follows are stated at the top of the
//! header (see `cbindgen.toml`); in short:
//!
//! - every function returns an [`AgoraTokenStatus`] and writes its result
//!   through an out-parameter; the last argument, `out_error`, receives a
//!   message naming the field and the rule (or NULL on success);
//! - strings returned by the library are freed with
//!   [`agora_token_string_free`];
//! - NULL pointers, invalid UTF-8 and bad input give a status, never a
//!   crash, and no panic crosses the boundary ([`panic`]);
//! - no global mutable state.
//!
//! This crate holds no token logic: each function converts its arguments,
//! calls token-core, and converts the result or the error ([`error`]).
//! Its `unsafe` blocks only read the pointers a caller passes, under the
//! header's conventions (NULL or valid, strings NUL-terminated, arrays as
//! long as their count), through the helpers of `args`.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

// cbindgen writes the header in the order these are declared: the
// infrastructure, the legacy keys and 006, then the 007 builders in one
// module per product as token-core's `builder/` (RTC first, then ConvoAI and
// STT, which build on its RTC + RTM token), and last the generic 007 service
// builder, verify and parse. The blank lines keep rustfmt from sorting them.
mod args;
pub mod check;
pub mod error;
pub mod legacy;
pub mod options;
pub mod panic;
mod strings;
pub mod v006;

pub mod rtc;

pub mod convoai;

pub mod rtm;

pub mod chat;

pub mod fpa;

pub mod apaas;

pub mod v007;

pub mod parsed;

pub use error::{agora_token_status_name, agora_token_version, AgoraTokenStatus};
pub use options::{AgoraTokenOptions, AGORA_TOKEN_OPTION_FIXED_ISSUE, AGORA_TOKEN_OPTION_LENIENT};
pub use strings::agora_token_string_free;
