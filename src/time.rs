//! Time stamps: stored in files as UTC in RFC 3339 (`2026-11-29T13:03:12Z`), shown to people
//! in local time in their language ("29. november 2026 kl. 14:03", "29 November 2026,
//! 14:03"). The UI, the browser and the report all call [`local_time`]; the time zone comes
//! from the system (through `jiff`), so a stamp written in summer shows summer time.

use crate::i18n::Language;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::time::SystemTime;

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The time now in UTC, as `2026-11-26T14:03:12Z`.
pub fn now_utc() -> String {
    format_utc(Timestamp::now())
}

/// The calendar year now, in the system's time zone.
pub fn this_year() -> u16 {
    let year = Timestamp::now().to_zoned(TimeZone::system()).year();
    u16::try_from(year).unwrap_or(crate::model::FIRST_YEAR)
}

/// A system time in UTC, as `2026-11-26T14:03:12Z` (times outside jiff's range show as 1970).
pub fn utc_stamp(time: SystemTime) -> String {
    format_utc(Timestamp::try_from(time).unwrap_or(Timestamp::UNIX_EPOCH))
}

fn format_utc(time: Timestamp) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The local time of day now, as a room's clock shows it: "14:32".
pub fn local_clock_now() -> String {
    let now = jiff::Zoned::now();
    format!("{:02}:{:02}", now.hour(), now.minute())
}

/// A stored UTC stamp in the system's local time, in words of `language`. A stamp that is not
/// a time (an old or hand-edited file) is shown as it is.
pub fn local_time(stamp: &str, language: Language) -> String {
    local_time_in(stamp, language, &TimeZone::system())
}

/// [`local_time`] in a given time zone.
pub fn local_time_in(stamp: &str, language: Language, zone: &TimeZone) -> String {
    let Ok(time) = stamp.trim().parse::<Timestamp>() else { return stamp.to_owned() };
    let local = time.to_zoned(zone.clone());
    let month = usize::try_from(local.month() - 1).unwrap_or(0).min(11);
    let (day, year, hour, minute) = (local.day(), local.year(), local.hour(), local.minute());
    match language {
        Language::Danish => format!("{day}. {} {year} kl. {hour:02}:{minute:02}", MONTHS_DA[month]),
        Language::English => format!("{day} {} {year}, {hour:02}:{minute:02}", MONTHS_EN[month]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn utc_stamps_are_calendar_dates() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(utc_stamp(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(utc_stamp(UNIX_EPOCH + Duration::from_secs(1_795_700_592)), "2026-11-26T13:43:12Z");
    }

    #[test]
    fn local_time_in_copenhagen_in_danish_and_english() {
        let zone = TimeZone::get("Europe/Copenhagen").unwrap();
        assert_eq!(local_time_in("2026-11-29T13:03:00Z", Language::Danish, &zone), "29. november 2026 kl. 14:03");
        assert_eq!(local_time_in("2026-07-01T12:00:00Z", Language::Danish, &zone), "1. juli 2026 kl. 14:00");
        assert_eq!(local_time_in("2026-11-29T13:03:00Z", Language::English, &zone), "29 November 2026, 14:03");
        assert_eq!(local_time_in("yesterday", Language::English, &zone), "yesterday");
    }
}
