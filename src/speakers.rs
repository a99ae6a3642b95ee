//! One speaker per person across articles.
//!
//! The extractor names speakers within one article (`Wi` -> `Wi Sung‑lac`).
//! Across articles the same person is written in several ways (`Donald Trump`,
//! `Donald J. Trump`), while people who share a family name (`Eric Trump`,
//! `Donald Trump Jr.`) stay apart. This module decides which written forms
//! are one speaker.

use std::collections::HashMap;

use crate::quote::Lexicon;

/// The key under which written forms of one speaker meet.
///
/// People: first and last name plus any generational suffix, middle names and
/// initials dropped (`Hillary Rodham Clinton` and `Hillary Clinton` meet,
/// `Bill Clinton` does not). Organisations: lowercased, without a leading
/// `the` (`the White House` and `White House` meet).
pub fn speaker_key(name: &str) -> String {
    let name = name.trim();
    let lower = name.to_lowercase();
    let lower = lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .trim()
        .to_string();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2
        || words
            .iter()
            .any(|w| Lexicon::get().is_speaker_org_word(w.trim_end_matches('.')))
    {
        return words.join(" ");
    }
    let bare = |w: &str| w.trim_end_matches('.').to_string();
    let suffix = words
        .last()
        .map(|w| bare(w))
        .filter(|w| Lexicon::get().is_generational_suffix(w));
    let core: &[&str] = if suffix.is_some() {
        &words[..words.len() - 1]
    } else {
        &words
    };
    // Initials (`J.`) and middle names are not part of the key.
    let names: Vec<&str> = core
        .iter()
        .copied()
        .filter(|w| !(w.ends_with('.') && w.chars().count() <= 3))
        .collect();
    let mut key = match names.as_slice() {
        [] => core.join(" "),
        [only] => only.to_string(),
        [first, .., last] => format!("{first} {last}"),
    };
    if let Some(s) = suffix {
        key.push(' ');
        key.push_str(&s);
    }
    key
}

/// The family name of a person's name: its last word that is not a suffix.
fn family_name(name: &str) -> Option<&str> {
    name.split_whitespace()
        .rev()
        .find(|w| !Lexicon::get().is_generational_suffix(w.trim_end_matches('.')))
}

/// The full names in `text` that end in `surname` (`Hillary Clinton`,
/// `Hillary Rodham Clinton` for `Clinton`), as distinct speaker keys with the
/// longest written form of each.
fn full_names_with(text: &str, surname: &str) -> HashMap<String, String> {
    let mut found: HashMap<String, String> = HashMap::new();
    for (at, _) in text.match_indices(surname) {
        let after = &text[at + surname.len()..];
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // Walk back over capitalised words and initials.
        let mut start = at;
        let mut words = 0;
        for w in text[..at].split(' ').rev().skip(1) {
            let first = w.chars().next();
            let is_name = first.is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '‑' | '\''));
            // A word ending a sentence is not part of the name after it:
            // `… Patriots for Trump. Recently she …`; initials (`J.`) are.
            // Titles and roles are no part of it: `Labour MP Lord Janner`.
            if !is_name
                || words == 3
                || is_function_word(w)
                || crate::quote::ends_sentence(w)
                || crate::quote::is_role_word(w)
            {
                break;
            }
            start -= w.len() + 1;
            words += 1;
        }
        if words == 0 || text[..at].ends_with(|c: char| c != ' ') {
            continue;
        }
        let mut full = text[start..at + surname.len()].to_string();
        // A trailing suffix belongs to the name.
        let after_trim = after.trim_start_matches([',', ' ']);
        for s in ["Jr.", "Sr.", "Jr", "Sr", "III", "II", "IV"] {
            if after_trim.starts_with(s)
                && !after_trim[s.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                full.push(' ');
                full.push_str(s);
                break;
            }
        }
        let key = speaker_key(&full);
        let e = found.entry(key).or_default();
        if full.len() > e.len() {
            *e = full;
        }
    }
    found
}

/// A surname-only speaker name (`Clinton`) resolved against its article: the
/// full name when the article gives exactly one person of that family name,
/// `None` when it gives none or several.
pub fn resolve_surname(article_text: &str, name: &str) -> Option<String> {
    let name = name.trim();
    if name.contains(char::is_whitespace) || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let found = full_names_with(article_text, name);
    // Titles read as first names (`President Clinton`) are not people of their own.
    let people: Vec<&String> = found
        .iter()
        .filter(|(k, v)| {
            // The key drops `Mr.` as if an initial: look at the written form too.
            let first = k.split(' ').next().unwrap_or_default();
            let written = v.split(' ').next().unwrap_or_default().to_lowercase();
            !crate::speakers::is_title(first) && !crate::speakers::is_title(&written)
        })
        .map(|(_, v)| v)
        .collect();
    match people.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// Whether a lowercased word is a title or honorific rather than a name.
pub fn is_title(word: &str) -> bool {
    Lexicon::get().is_surname_title(word)
}

/// Capitalised words that open sentences but are not names (`Later Brandt said`).
fn is_function_word(word: &str) -> bool {
    Lexicon::get().is_name_run_stop(word)
}

/// The family name a speaker is filed under for surname lookups.
pub fn surname_of(name: &str) -> Option<&str> {
    family_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_before_a_surname_are_no_name() {
        assert_eq!(
            resolve_surname("Labour MP Lord Orrin spoke. Orrin left.", "Orrin"),
            None
        );
        assert_eq!(
            resolve_surname("Tory MP Ada Orrin spoke. Orrin left.", "Orrin"),
            Some("Ada Orrin".to_string())
        );
    }

    #[test]
    fn a_title_with_its_period_is_no_first_name() {
        assert_eq!(
            resolve_surname("Mr. Orrin spoke. Orrin left.", "Orrin"),
            None
        );
        assert_eq!(
            resolve_surname("Mr. Orrin and Ada Orrin spoke.", "Orrin"),
            Some("Ada Orrin".to_string())
        );
    }

    #[test]
    fn a_full_name_never_reaches_back_over_a_sentence_end() {
        let text = "Ida Marr runs Farmers for Kessel. Kessel said no. Ana J. Kessel left.";
        // `for Kessel.` ends a sentence: `Kessel. Kessel` is no name, while
        // the initial in `J. Kessel` is part of one.
        assert_eq!(
            resolve_surname(text, "Kessel"),
            Some("Ana J. Kessel".to_string())
        );
        assert_eq!(
            resolve_surname("Hope for Trump. Recently he spoke.", "Recently"),
            None
        );
    }

    #[test]
    fn one_key_for_the_forms_of_one_person() {
        let k = speaker_key("Donald Trump");
        assert_eq!(speaker_key("Donald J. Trump"), k);
        assert_eq!(speaker_key("donald trump"), k);
        assert_eq!(
            speaker_key("Hillary Rodham Clinton"),
            speaker_key("Hillary Clinton")
        );
    }

    #[test]
    fn relatives_keep_keys_of_their_own() {
        let donald = speaker_key("Donald Trump");
        for other in [
            "Eric Trump",
            "Ivanka Trump",
            "Donald Trump Jr.",
            "Donald J. Trump Jr.",
        ] {
            assert_ne!(speaker_key(other), donald, "{other}");
        }
        assert_eq!(
            speaker_key("Donald Trump Jr."),
            speaker_key("Donald J. Trump Jr.")
        );
        assert_ne!(speaker_key("Bill Clinton"), speaker_key("Hillary Clinton"));
        assert_ne!(
            speaker_key("Chelsea Clinton"),
            speaker_key("Hillary Clinton")
        );
    }

    #[test]
    fn organisations_meet_without_the_article() {
        assert_eq!(speaker_key("the White House"), speaker_key("White House"));
        assert_eq!(
            speaker_key("The Ministry of Roads"),
            speaker_key("ministry of roads")
        );
        assert_ne!(
            speaker_key("the State Department"),
            speaker_key("the Defense Department")
        );
    }

    #[test]
    fn surname_joins_the_one_full_name_its_article_gives() {
        let text = "Tova Brandt spoke first. Later Brandt said more.";
        assert_eq!(
            resolve_surname(text, "Brandt").as_deref(),
            Some("Tova Brandt")
        );
        let text = "Tova Brandt and Pell Brandt spoke. Brandt said more.";
        assert_eq!(resolve_surname(text, "Brandt"), None);
        assert_eq!(resolve_surname("Brandt said so.", "Brandt"), None);
        let text = "Ada Quill Marr spoke, and Ada Marr laughed. Marr said more.";
        assert_eq!(
            resolve_surname(text, "Marr").as_deref(),
            Some("Ada Quill Marr")
        );
    }

    #[test]
    fn a_title_is_not_a_first_name() {
        let text = "President Brandt and Tova Brandt met. Brandt said so.";
        assert_eq!(
            resolve_surname(text, "Brandt").as_deref(),
            Some("Tova Brandt")
        );
    }

    #[test]
    fn a_suffix_makes_a_different_person() {
        let text = "Tova Brandt Jr. and Tova Brandt met. Brandt said so.";
        assert_eq!(resolve_surname(text, "Brandt"), None);
    }
}
