//! TOML errors without the TOML: `toml`'s `Display` quotes the source lines
//! around the error, and a certificate, JWT secret or API key put in the
//! wrong place would be printed in full. The message and position are
//! enough to fix the file.

use std::ops::Range;

/// `line L, column C: message` for a TOML error in `text`, with every value
/// the message quotes replaced by `<redacted>`.
pub fn describe(text: &str, e: &toml::de::Error) -> String {
    let message = redact_values(e.message().trim());
    match e.span() {
        Some(span) => {
            let (line, column) = position(text, span);
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

/// 1-based line and column (in characters) of the start of `span`.
fn position(text: &str, span: Range<usize>) -> (usize, usize) {
    let start = span.start.min(text.len());
    // A span inside a multi-byte character counts from that character.
    let start = (0..=start)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// serde's messages quote the offending value: `invalid type: string
/// "...", expected u16`, `unknown variant `...`, expected one of ...`.
/// Double-quoted text is always a value; of backquoted text only what
/// follows `unknown variant` is (the rest are field and variant names the
/// server itself defines, which help to fix the file).
fn redact_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open] as char;
        let Some(len) = rest[open + 1..].find(quote) else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..open]);
        let is_value = quote == '"' || out.trim_end().ends_with("unknown variant");
        out.push(quote);
        out.push_str(if is_value { "<redacted>" } else { inner });
        out.push(quote);
        rest = &rest[open + 1 + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_characters() {
        assert_eq!(position("a = 1\nbé = x", 10..11), (2, 4));
        assert_eq!(position("x", 0..1), (1, 1));
        assert_eq!(position("é", 1..2), (1, 1));
    }

    #[test]
    fn quoted_values_are_redacted_and_names_kept() {
        assert_eq!(
            redact_values(r#"invalid type: string "s3cret", expected u16"#),
            r#"invalid type: string "<redacted>", expected u16"#
        );
        assert_eq!(
            redact_values("unknown variant `s3cret`, expected `HS256` or `RS256`"),
            "unknown variant `<redacted>`, expected `HS256` or `RS256`"
        );
        assert_eq!(
            redact_values("unknown field `prot`, expected `port`"),
            "unknown field `prot`, expected `port`"
        );
        assert_eq!(redact_values("unterminated \"x"), "unterminated \"x");
    }
}
