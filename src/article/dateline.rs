//! Datelines: `Seoul, Dec 7 (LatestNewsX) –`, `WASHINGTON (Reuters) -`, `LONDON, March 3 -`.

use super::Dateline;

/// The longest dateline looked for, in bytes before the dash.
const MAX_PREFIX: usize = 100;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Capitalised labels that open stories the way a place does.
const NOT_PLACES: [&str; 12] = [
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "NEW",
    "CORRECTION",
    "VIDEO",
];

/// The parts of a dateline, before its position is known.
struct Parts {
    place: String,
    date: Option<String>,
    source: Option<String>,
}

/// Finds a dateline opening `text` at byte `at` (the first paragraph's start).
pub(crate) fn find(text: &str, at: usize) -> Option<Dateline> {
    let rest = text.get(at..)?;
    let window_end = rest
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= MAX_PREFIX)
        .unwrap_or(rest.len());
    let (dash_at, dash_len) = find_dash(&rest[..window_end])?;
    let parts = parse_prefix(&rest[..dash_at])?;
    Some(Dateline {
        span: at..at + dash_at + dash_len,
        place: parts.place,
        date: parts.date,
        source: parts.source,
    })
}

/// Parses a dateline given apart from the text (Reuters' `dateline` field);
/// its span is the empty range at `at`.
pub(crate) fn parse_field(field: &str, at: usize) -> Option<Dateline> {
    let field = field.trim();
    let prefix = match find_dash(field) {
        Some((i, len)) if field[i + len..].trim().is_empty() => &field[..i],
        Some(_) => return None,
        None => field,
    };
    let parts = parse_prefix(prefix).or_else(|| {
        // A bare place is a dateline too when it comes in its own field.
        let place = prefix.trim();
        is_place(place).then(|| Parts {
            place: place.to_string(),
            date: None,
            source: None,
        })
    })?;
    Some(Dateline {
        span: at..at,
        place: parts.place,
        date: parts.date,
        source: parts.source,
    })
}

/// The first dash that separates a dateline from the story: `-`, `--`, `–` or
/// `—` with a space before it (or an em dash written tight).
fn find_dash(s: &str) -> Option<(usize, usize)> {
    for (i, c) in s.char_indices() {
        if !matches!(c, '-' | '–' | '—') {
            continue;
        }
        let before = s[..i].chars().next_back();
        let len = if c == '-' && s[i + 1..].starts_with('-') {
            2
        } else {
            c.len_utf8()
        };
        let after = s[i + len..].chars().next();
        let spaced =
            before.is_some_and(char::is_whitespace) && after.is_none_or(char::is_whitespace);
        let tight_em = c == '—' && i > 0;
        if spaced || tight_em {
            return Some((i, len));
        }
    }
    None
}

fn parse_prefix(prefix: &str) -> Option<Parts> {
    let mut rest = prefix.trim();
    let mut source = None;
    if let Some(inner) = rest.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let name = inner[open + 1..].trim();
        if name.is_empty() || name.len() > 40 {
            return None;
        }
        source = Some(name.to_string());
        rest = inner[..open].trim();
    }
    let mut fields = rest.split(',').map(str::trim);
    let place_first = fields.next()?;
    if !is_place(place_first) {
        return None;
    }
    let mut place = place_first.to_string();
    let mut date: Option<String> = None;
    for field in fields {
        if is_date(field) || (date.is_some() && is_year(field)) {
            match &mut date {
                Some(d) => {
                    d.push_str(", ");
                    d.push_str(field);
                }
                None => date = Some(field.to_string()),
            }
        } else if date.is_none() && is_place(field) {
            place.push_str(", ");
            place.push_str(field);
        } else {
            return None;
        }
    }
    // A capitalised phrase before a dash is often just the story's first words;
    // only a date, a source or a place in capitals makes it a dateline.
    let shouting = place.chars().any(char::is_alphabetic)
        && !place.chars().any(char::is_lowercase)
        && !NOT_PLACES.contains(&place.as_str());
    (date.is_some() || source.is_some() || shouting).then_some(Parts {
        place,
        date,
        source,
    })
}

fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.len() <= 50
        && words.iter().all(|w| {
            let first = w.chars().next();
            let capital = first.is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "of" | "la" | "el" | "al");
            capital
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '‑'))
        })
}

fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    w.len() >= 3
        && MONTHS.iter().any(|m| m.starts_with(&w))
        && (w.len() <= 4 || MONTHS.contains(&w.as_str()))
}

fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2200).contains(&y))
}

/// A line that is only a date: `Friday, January 4, 2019`, `4 January 2019`, `2019-01-04`.
pub(crate) fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 40 {
        return false;
    }
    let iso = line.len() == 10
        && line.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let dated = fields
        .iter()
        .any(|f| is_date(f) && f.split_whitespace().count() >= 2);
    iso || (dated && fields.iter().all(|f| is_date(f) || is_year(f)))
}

/// `Dec 7`, `March 3`, `7 December`, `Dec. 7 2025`, `Sunday`.
fn is_date(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [w] => WEEKDAYS.contains(&w.to_lowercase().as_str()),
        [m, d] | [m, d, _] if is_month(m) && is_day(d) => words.get(2).is_none_or(|y| is_year(y)),
        [d, m] | [d, m, _] if is_day(d) && is_month(m) => words.get(2).is_none_or(|y| is_year(y)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, Option<String>, Option<String>, &str)> {
        find(text, 0).map(|d| (d.place, d.date, d.source, &text[d.span]))
    }

    #[test]
    fn seed_style_dateline() {
        let text = "Seoul, Dec 7 (LatestNewsX) – South Korea is not planning";
        let (place, date, source, span) = parts(text).expect("a dateline");
        assert_eq!(place, "Seoul");
        assert_eq!(date.as_deref(), Some("Dec 7"));
        assert_eq!(source.as_deref(), Some("LatestNewsX"));
        assert_eq!(span, "Seoul, Dec 7 (LatestNewsX) –");
    }

    #[test]
    fn agency_and_capital_datelines() {
        let (place, date, source, _) =
            parts("WASHINGTON (Reuters) - The Senate voted").expect("dateline");
        assert_eq!(
            (place.as_str(), date, source.as_deref()),
            ("WASHINGTON", None, Some("Reuters"))
        );
        let (place, date, _, span) = parts("LONDON, March 3 - Shares fell").expect("dateline");
        assert_eq!(
            (place.as_str(), date.as_deref(), span),
            ("LONDON", Some("March 3"), "LONDON, March 3 -")
        );
        let (place, _, source, _) =
            parts("KUALA LUMPUR, Malaysia (AP) — Rain fell").expect("dateline");
        assert_eq!(
            (place.as_str(), source.as_deref()),
            ("KUALA LUMPUR, Malaysia", Some("AP"))
        );
        let (_, date, _, _) = parts("Paris, Dec. 7, 2025 -- Strikes").expect("dateline");
        assert_eq!(date.as_deref(), Some("Dec. 7, 2025"));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert!(parts("South Korea - the country that hosts the drills").is_none());
        assert!(parts("He said - and repeated - that it was over").is_none());
        assert!(parts("Net profit rose 12-15 pct").is_none());
        assert!(parts("The long-awaited report was published").is_none());
        assert!(parts("").is_none());
        assert!(parts("BREAKING - Polls have closed").is_none());
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Friday, January 4, 2019"));
        assert!(is_date_line(" 4 January 2019 "));
        assert!(is_date_line("2019-01-04"));
        assert!(!is_date_line("Friday"));
        assert!(!is_date_line("January 4, 2019, was a cold day"));
    }

    #[test]
    fn field_datelines_have_an_empty_span() {
        let d = parse_field("SALVADOR, Feb 26 -", 10).expect("dateline");
        assert_eq!(
            (d.place.as_str(), d.date.as_deref(), d.span),
            ("SALVADOR", Some("Feb 26"), 10..10)
        );
        assert!(parse_field("not a dateline at all - really", 0).is_none());
    }
}
