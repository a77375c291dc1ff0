//! # libagora_token_java: the JNI layer of the Java binding
//!
//! The jar of `bindings/java` carries this library and loads it itself
//! (`NativeLoader`); the static `native` methods of
//! `io.github.agoratoken.internal.Native` are the functions of this crate.
//! It holds no token logic: each function converts its Java arguments,
//! calls token-core, and converts the result or the error ([`error`]).
//!
//! Conventions every function follows:
//!
//! - a builder returns the token as a `String`; a reader returns token-core's
//!   JSON form (`token_core::json`) as a `String`;
//! - a `null` string argument throws `NullPointerException` naming the field;
//!   a token-core error throws `io.github.agoratoken.AgoraTokenException`
//!   carrying its kind, field and rule (never the certificate);
//! - no Rust panic crosses into the JVM: every function runs inside
//!   [`error::guard`], which turns one into an `AgoraTokenException` of kind
//!   `internal`;
//! - no global state: every function is safe from many threads.
//!
//! The options of a builder are three `int`s, as the C ABI's
//! `AgoraTokenOptions`: `flags` ([`args::FIXED_ISSUE`], [`args::LENIENT`])
//! and the issue time and salt (007) or the salt and ts (006).

#![warn(missing_docs)]

pub mod args;
pub mod build;
pub mod error;
pub mod read;
pub mod text;
