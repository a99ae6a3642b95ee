//! Dates as hearsay shows them. Articles give their date in whatever form
//! their source wrote it: RFC 3339 (what feeds give, through feed-rs),
//! RFC 2822 (an RSS `pubDate` as written), or a zoneless stamp such as
//! Reuters' `26-FEB-1987 15:01:01.79` or a plain `2017-06-27 00:54`.
//! [`parse`] reads those; the list tells how long ago for today's news
//! ("35m", "2h"), the weekday for this week's ("Mon"), then the day
//! ("12 Mar", "12 Mar 2019"); the reading pane gives day and time
//! ("27 Jun 2017 00:54"). A date with a zone is shown in the local time
//! zone; a zoneless one as written, since its zone is not known. What
//! hearsay cannot read is shown as written.
//!
//! chrono parses each format; the list of formats tried is ours.

use chrono::{
    DateTime, Datelike as _, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
};

/// A date read from an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A moment, with the zone it was written in.
    Zoned(DateTime<FixedOffset>),
    /// A wall-clock time in an unknown zone.
    Naive(NaiveDateTime),
    /// A day, with no time.
    Day(NaiveDate),
}

/// Zoneless date-time forms, tried in order.
const NAIVE_FORMATS: &[&str] = &[
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// Day-only forms, tried in order.
const DAY_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%d-%b-%Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
];

/// `published` read as a date, or `None` when it is no form hearsay knows.
pub fn parse(published: &str) -> Option<When> {
    let s = published.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s).or_else(|_| DateTime::parse_from_rfc2822(s)) {
        return Some(When::Zoned(d));
    }
    if let Some(n) = NAIVE_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    {
        return Some(When::Naive(n));
    }
    DAY_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .map(When::Day)
}

impl When {
    /// The wall-clock time to show: local for a zoned date, as written
    /// otherwise (a day at midnight).
    fn wall(self) -> NaiveDateTime {
        match self {
            When::Zoned(d) => d.with_timezone(&Local).naive_local(),
            When::Naive(n) => n,
            When::Day(d) => d.and_time(NaiveTime::MIN),
        }
    }

    /// The moment, for telling how long ago: a zoneless date is taken to
    /// be local time.
    fn moment(self) -> Option<DateTime<Local>> {
        match self {
            When::Zoned(d) => Some(d.with_timezone(&Local)),
            _ => Local.from_local_datetime(&self.wall()).earliest(),
        }
    }

    /// The calendar day shown, in the local zone for a zoned date.
    pub fn day(self) -> NaiveDate {
        self.wall().date()
    }
}

/// `published` for the list, seen at `now` (seconds since the epoch); with
/// no `now`, the day alone. `None` when it is no date hearsay can read.
pub fn list_date(published: &str, now: Option<i64>) -> Option<String> {
    let parsed = parse(published)?;
    let day = |w: When| w.wall().format("%-d %b %Y").to_string();
    let Some(now) = now.and_then(|n| DateTime::from_timestamp(n, 0)) else {
        return Some(day(parsed));
    };
    let Some(when) = parsed.moment() else {
        return Some(day(parsed));
    };
    let now = now.with_timezone(&Local);
    let minutes = now.signed_duration_since(when).num_minutes();
    let day_only = matches!(parsed, When::Day(_));
    Some(match minutes {
        // A little ahead of the clock is "now"; far ahead, the day.
        -5..=0 if !day_only => "now".to_string(),
        1..=59 if !day_only => format!("{minutes}m"),
        60..=1439 if !day_only => format!("{}h", minutes / 60),
        1440..=8639 => when.format("%a").to_string(),
        _ if when.year() == now.year() && minutes > 0 => when.format("%-d %b").to_string(),
        _ => day(parsed),
    })
}

/// `published` for the reading pane: `27 Jun 2017 00:54`, or the day
/// alone when no time was given. `None` when hearsay cannot read it.
pub fn reading_date(published: &str) -> Option<String> {
    let parsed = parse(published)?;
    let format = match parsed {
        When::Day(_) => "%-d %b %Y",
        _ => "%-d %b %Y %H:%M",
    };
    Some(parsed.wall().format(format).to_string())
}

/// Whether a dateline's date as written (`Feb 26`, `26 February`, `Dec
/// 7, 2016`) is the same day as `when`, so that showing both says it twice.
pub fn same_day(written: &str, when: When) -> bool {
    let day = when.day();
    let s = written.trim().trim_end_matches(['.', ',']);
    if let Some(w) = parse(s) {
        return w.day() == day;
    }
    // A month and day without a year, in either order.
    let with_year = format!("{s} {}", day.year());
    ["%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%b. %d %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&with_year, f).ok())
        .is_some_and(|d| d == day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seconds since the epoch of an RFC 3339 time.
    fn at(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).map_or(0, |d| d.timestamp())
    }

    #[test]
    fn recent_news_says_how_long_ago() {
        let now = Some(at("2026-03-12T12:00:00Z"));
        assert_eq!(
            list_date("2026-03-12T11:25:00Z", now).as_deref(),
            Some("35m")
        );
        assert_eq!(
            list_date("2026-03-12T09:59:00+00:00", now).as_deref(),
            Some("2h")
        );
        assert_eq!(
            list_date("2026-03-12T12:03:00Z", now).as_deref(),
            Some("now")
        );
        assert_eq!(
            list_date("Thu, 12 Mar 2026 06:00:00 GMT", now).as_deref(),
            Some("6h")
        );
    }

    #[test]
    fn older_news_shows_the_weekday_then_the_day() {
        let now = Some(at("2026-03-12T12:00:00Z"));
        // Monday 9 March 2026, at noon (the same day in any time zone).
        assert_eq!(
            list_date("2026-03-09T12:00:00Z", now).as_deref(),
            Some("Mon")
        );
        assert_eq!(
            list_date("2026-01-02T12:00:00Z", now).as_deref(),
            Some("2 Jan")
        );
        assert_eq!(
            list_date("2019-06-27T12:00:00Z", now).as_deref(),
            Some("27 Jun 2019")
        );
        assert_eq!(
            list_date("2027-06-27T12:00:00Z", now).as_deref(),
            Some("27 Jun 2027")
        );
        assert_eq!(
            list_date("2019-06-27T12:00:00Z", None).as_deref(),
            Some("27 Jun 2019")
        );
    }

    #[test]
    fn what_is_no_date_is_left_to_be_shown_as_written() {
        assert_eq!(list_date("May 2", Some(0)), None);
        assert_eq!(list_date("", None), None);
        assert_eq!(list_date("sometime in spring", None), None);
    }

    #[test]
    fn reuters_and_zoneless_stamps_are_read_as_written() {
        assert_eq!(
            list_date("26-FEB-1987 15:01:01.79", None).as_deref(),
            Some("26 Feb 1987")
        );
        assert_eq!(
            reading_date("26-FEB-1987 15:01:01.79").as_deref(),
            Some("26 Feb 1987 15:01")
        );
        assert_eq!(
            reading_date("2017-06-27 00:54:17").as_deref(),
            Some("27 Jun 2017 00:54")
        );
        assert_eq!(reading_date("2017-06-27").as_deref(), Some("27 Jun 2017"));
        assert_eq!(
            reading_date("June 27, 2017").as_deref(),
            Some("27 Jun 2017")
        );
        assert_eq!(reading_date("not a date"), None);
    }

    #[test]
    fn the_reading_pane_shows_zoned_dates_in_the_local_zone() {
        let s = "2017-06-27T12:54:17Z";
        let Some(When::Zoned(d)) = parse(s) else {
            panic!("{s} is RFC 3339");
        };
        let local = d
            .with_timezone(&Local)
            .format("%-d %b %Y %H:%M")
            .to_string();
        assert_eq!(reading_date(s), Some(local));
    }

    #[test]
    fn a_day_without_a_time_is_never_minutes_ago() {
        let now = Some(at("2026-03-12T12:00:00Z"));
        let told = list_date("2026-03-12", now);
        assert!(
            told.as_deref()
                .is_some_and(|t| !t.ends_with('m') && !t.ends_with('h')),
            "{told:?}"
        );
    }

    #[test]
    fn a_dateline_date_on_the_published_day_is_the_same_day() {
        let Some(w) = parse("26-FEB-1987 15:01:01.79") else {
            panic!("a Reuters stamp");
        };
        assert!(same_day("Feb 26", w));
        assert!(same_day("26 February", w));
        assert!(same_day("February 26, 1987", w));
        assert!(!same_day("Feb 25", w));
        assert!(!same_day("Tuesday", w));
    }
}
