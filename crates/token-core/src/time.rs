//! UTC date formatting without a date library.
//!
//! Token times are seconds since the Unix epoch; check reports and the CLI
//! print them as RFC 3339 UTC timestamps (`2026-11-26T10:30:00Z`).

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
///
/// Token times fit in `u64` with room to spare (the formats carry `u32`, and
/// `issue_ts + expire` is at most `2 * u32::MAX`), so years stay four digits
/// or more and never go negative.
pub fn utc(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rem = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date `(year, month, day)` of a day count since
/// 1970-01-01.
///
/// Howard Hinnant's `civil_from_days`, restricted to non-negative day counts:
/// shift the epoch to 0000-03-01 so the leap day ends the year, split into
/// 400-year eras of 146 097 days, then into years and a March-based month.
pub fn civil_from_days(days: u64) -> (u64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let doe = z - era * 146_097; // day of era, [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1, [0, 365]
    let mp = (5 * doy + 2) / 153; // March-based month, [0, 11]
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32; // [1, 31]
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // [1, 12]
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z"); // leap day of a 400-year
        assert_eq!(utc(4_107_542_400), "2100-03-01T00:00:00Z"); // 2100 is no leap year
        assert_eq!(utc(u32::MAX as u64), "2106-02-07T06:28:15Z");
        assert_eq!(utc(2 * u32::MAX as u64), "2242-03-16T12:56:30Z");
    }

    #[test]
    fn every_day_follows_the_previous_one() {
        // Walk 200 years day by day and check the calendar arithmetic.
        let mut prev = civil_from_days(0);
        for d in 1..(200 * 366) {
            let cur = civil_from_days(d);
            let (y, m, dd) = prev;
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let expected = if dd < len {
                (y, m, dd + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
            assert_eq!(cur, expected, "day {d}");
            prev = cur;
        }
    }
}
