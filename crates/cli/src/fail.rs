//! How a command fails: a one-line message and an exit status.
//!
//! The exit statuses follow token-core's [`ErrorKind`] one to one, so a script
//! can tell a bad argument from a bad token from a bad signature:
//!
//! | status | meaning |
//! | ------ | ------- |
//! | 0  | success |
//! | 1  | signature mismatch (`verify`) |
//! | 2  | token malformed or of another version |
//! | 3  | token expired (`verify`) |
//! | 64 | usage: unknown, missing or conflicting options, or a value token-core rejects (app ID, certificate, channel name, ...) |
//! | 70 | internal error (a bug) |

use std::fmt;

use token_core::{Error, ErrorKind};

/// Exit statuses of the binary (success is 0).
pub mod exit {
    /// The signature does not match.
    pub const MISMATCH: u8 = 1;
    /// The token cannot be decoded, or has another version prefix.
    pub const MALFORMED: u8 = 2;
    /// The token's signature holds but it has expired.
    pub const EXPIRED: u8 = 3;
    /// Bad command line (sysexits `EX_USAGE`).
    pub const USAGE: u8 = 64;
    /// A bug (sysexits `EX_SOFTWARE`).
    pub const SOFTWARE: u8 = 70;
}

/// A failed command: what to print on stderr and the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Exit status (see [`exit`]).
    pub code: u8,
    /// Prefix of the stderr line: `error` or `invalid`.
    pub prefix: &'static str,
    /// The message, one line, never containing the app certificate.
    pub message: String,
}

impl Failure {
    /// A usage error (exit 64) with the given message.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: exit::USAGE,
            prefix: "error",
            message: message.into(),
        }
    }

    /// Marks the failure as a verdict of `verify` (`invalid: ...`) rather than
    /// an error, unless it is a usage or internal error.
    pub fn into_verdict(mut self) -> Self {
        if matches!(self.code, exit::MISMATCH | exit::MALFORMED | exit::EXPIRED) {
            self.prefix = "invalid";
        }
        self
    }
}

/// The exit status for a token-core error kind.
pub fn code_of(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::SignatureMismatch => exit::MISMATCH,
        ErrorKind::Malformed | ErrorKind::WrongVersion => exit::MALFORMED,
        ErrorKind::InvalidInput => exit::USAGE,
        // NoService cannot happen through the builders; a future kind is a
        // bug in this binary until it is mapped.
        _ => exit::SOFTWARE,
    }
}

impl From<Error> for Failure {
    /// token-core's messages name the field and the rule, and never contain
    /// the certificate, so they are printed as they are.
    fn from(e: Error) -> Self {
        Failure {
            code: code_of(e.kind()),
            prefix: "error",
            message: e.to_string(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.prefix, self.message)
    }
}

/// Result of a command.
pub type Outcome<T> = std::result::Result<T, Failure>;
