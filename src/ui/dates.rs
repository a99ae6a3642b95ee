//! Dates as the headline list shows them: how long ago for today's news
//! ("35m", "2h"), the weekday for this week's ("Mon"), then the day
//! ("12 Mar", "12 Mar 2019"), in the local time zone. A date that is not
//! RFC 3339 (what feeds give, through feed-rs) or RFC 2822 (an RSS
//! `pubDate` as written) is shown as written.

use chrono::{DateTime, Datelike as _, Local};

/// `published` for the list, seen at `now` (seconds since the epoch); with
/// no `now`, the day alone. `None` when it is no date hearsay can read.
pub fn list_date(published: &str, now: Option<i64>) -> Option<String> {
    let s = published.trim();
    let when = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()?
        .with_timezone(&Local);
    let Some(now) = now.and_then(|n| DateTime::from_timestamp(n, 0)) else {
        return Some(when.format("%-d %b %Y").to_string());
    };
    let now = now.with_timezone(&Local);
    let minutes = now.signed_duration_since(when).num_minutes();
    Some(match minutes {
        // A little ahead of the clock is "now"; far ahead, the day.
        -5..=0 => "now".to_string(),
        1..=59 => format!("{minutes}m"),
        60..=1439 => format!("{}h", minutes / 60),
        1440..=8639 => when.format("%a").to_string(),
        _ if when.year() == now.year() && minutes > 0 => when.format("%-d %b").to_string(),
        _ => when.format("%-d %b %Y").to_string(),
    })
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
        assert_eq!(list_date("26-FEB-1987 15:01:01.79", None), None);
    }
}
