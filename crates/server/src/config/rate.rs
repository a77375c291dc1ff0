//! The token-bucket [`Rate`] of the rate limits, and its flag syntax
//! `RATE[/BURST]`.

use serde::Deserialize;

/// A token-bucket rate: `rate` requests per second on average, bursts of up
/// to `burst`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// Requests per second (refill rate).
    pub rate: f64,
    /// Bucket size: requests allowed at once after an idle period.
    pub burst: u32,
}

impl Rate {
    /// `None` for a rate of 0 (limit off).
    pub(crate) fn enabled(self) -> Option<Rate> {
        (self.rate > 0.0).then_some(Rate {
            rate: self.rate,
            burst: self.burst.max(1),
        })
    }
}

/// A rate from a flag value: `RATE` or `RATE/BURST` (`0` turns the limit
/// off). The burst defaults to twice the rate.
pub fn parse_rate(text: &str) -> Result<Option<Rate>, String> {
    let (rate, burst) = match text.split_once('/') {
        Some((r, b)) => (r, Some(b)),
        None => (text, None),
    };
    let rate: f64 = rate
        .trim()
        .parse()
        .ok()
        .filter(|r: &f64| r.is_finite() && *r >= 0.0)
        .ok_or_else(|| format!("{text:?}: expected RATE or RATE/BURST, e.g. 20/40"))?;
    let burst = match burst {
        Some(b) => b
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("{text:?}: the burst must be a whole number"))?,
        None => (rate * 2.0).ceil().min(u32::MAX as f64) as u32,
    };
    Ok(Rate { rate, burst }.enabled())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_syntax() {
        assert_eq!(
            parse_rate("5/7"),
            Ok(Some(Rate {
                rate: 5.0,
                burst: 7
            }))
        );
        assert_eq!(
            parse_rate("3"),
            Ok(Some(Rate {
                rate: 3.0,
                burst: 6
            }))
        );
        assert_eq!(parse_rate("0"), Ok(None));
        assert!(parse_rate("-1").is_err() && parse_rate("2/x").is_err());
    }
}
