//! Unit tests of the layout, on hand-built entries.

use super::*;
use crate::article::Dateline;
use unicode_width::UnicodeWidthStr;

fn entry(title: &str, text: &str, quotes: Vec<Quote>) -> Entry {
    let article = Article {
        title: title.to_string(),
        text: text.to_string(),
        body: 0..text.len(),
        ..Article::default()
    };
    Entry { article, quotes }
}

fn quote(text: &str, quoted: &str, speaker: Option<&str>, mention: Option<&str>) -> Quote {
    let start = text.find(quoted).expect("the quoted text is in the text");
    Quote {
        span: start..start + quoted.len(),
        kind: QuoteKind::Direct,
        speaker: speaker.map(str::to_string),
        mention: mention.map(|m| {
            let s = text.find(m).expect("the mention is in the text");
            s..s + m.len()
        }),
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    }
}

fn rows(e: &Entry, width: u16) -> Vec<String> {
    let lay = layout(e, width);
    (0..lay.rows.len())
        .map(|r| lay.row_text(r, &e.article.text))
        .collect()
}

/// The (role, text) of every segment, row by row.
fn segs(e: &Entry, lay: &ArticleLayout) -> Vec<Vec<(Role, String)>> {
    let text = &e.article.text;
    lay.rows
        .iter()
        .map(|r| {
            r.segs
                .iter()
                .map(|s| (s.role, s.text(text).into_owned()))
                .collect()
        })
        .collect()
}

/// Checks what must hold of every layout: row widths, each non-space byte of
/// the body shown once and in order, row starts, quote rows.
fn check(e: &Entry, width: u16) -> ArticleLayout {
    let lay = layout(e, width);
    let text = &e.article.text;
    for r in 0..lay.rows.len() {
        let shown = lay.row_text(r, text);
        assert!(
            shown.width() <= usize::from(width.max(1)) || wrap::chunks(&shown, 1).len() == 1,
            "row {r} {shown:?} is wider than {width}"
        );
        assert!(
            !shown.chars().any(char::is_control),
            "row {r} {shown:?} has a control"
        );
    }
    let mut shown_bytes = Vec::new();
    let mut last_end = 0;
    for (r, row) in lay.rows.iter().enumerate() {
        for s in &row.segs {
            if let Source::Text(range) = &s.source {
                assert!(
                    range.start >= last_end,
                    "segment {range:?} overlaps or goes back"
                );
                last_end = range.end;
                for (i, c) in text[range.clone()].char_indices() {
                    if !wrap::is_break_space(c) {
                        shown_bytes.push(range.start + i);
                        assert_eq!(
                            lay.row_of_offset(range.start + i),
                            r,
                            "row of offset {}",
                            range.start + i
                        );
                    }
                }
            }
        }
    }
    let mut body_bytes = Vec::new();
    for p in e.article.paragraphs() {
        for (i, c) in text[p.clone()].char_indices() {
            if !wrap::is_break_space(c) {
                body_bytes.push(p.start + i);
            }
        }
    }
    assert_eq!(
        shown_bytes, body_bytes,
        "body bytes shown once each, in order"
    );
    assert_eq!(lay.row_starts.len(), lay.rows.len());
    assert!(
        lay.row_starts.windows(2).all(|w| w[0] <= w[1]),
        "row starts sorted"
    );
    assert_eq!(lay.quote_rows.len(), e.quotes.len());
    for (i, q) in e.quotes.iter().enumerate() {
        let shown_first = shown_bytes
            .iter()
            .find(|&&b| b >= q.span.start && b < q.span.end);
        if let Some(&b) = shown_first.filter(|&&b| b == q.span.start) {
            assert_eq!(lay.quote_rows[i], lay.row_of_offset(b), "quote {i} row");
            let row = &lay.rows[lay.quote_rows[i]];
            let on_row = row
                .segs
                .iter()
                .any(|s| matches!(&s.source, Source::Text(r) if r.contains(&b)));
            assert!(on_row, "quote {i} starts on row {}", lay.quote_rows[i]);
        }
    }
    lay
}

#[test]
fn wraps_first_fit_at_spaces() {
    let e = entry("", "aaa bbb ccc dd e", vec![]);
    assert_eq!(rows(&e, 7), ["aaa bbb", "ccc dd", "e"]);
    check(&e, 7);
}

#[test]
fn white_space_runs_show_as_one_space() {
    let e = entry("", "a \t  b\tc\r\u{3000}d", vec![]);
    assert_eq!(rows(&e, 40), ["a b c d"]);
    check(&e, 40);
}

#[test]
fn hard_wrapped_paragraph_shows_as_one() {
    let text = "One two\nthree\r\n  four.\n\nNext.";
    let e = entry("", text, vec![]);
    let paras = [
        0..text.find("\n\n").unwrap_or(0),
        text.len() - 5..text.len(),
    ];
    let lay = layout_paragraphs(&e, 40, &paras, Labels::Inline);
    let shown: Vec<String> = (0..lay.rows.len()).map(|r| lay.row_text(r, text)).collect();
    assert_eq!(shown, ["One two three four.", "", "Next."]);
    let lay = layout_paragraphs(&e, 9, &paras, Labels::Inline);
    let shown: Vec<String> = (0..lay.rows.len()).map(|r| lay.row_text(r, text)).collect();
    assert_eq!(shown, ["One two", "three", "four.", "", "Next."]);
}

#[test]
fn no_break_hyphen_and_space_keep_words_whole() {
    let e = entry("", "xx Wi Sung‑lac met Ana\u{a0}Ruiz", vec![]);
    assert_eq!(rows(&e, 10), ["xx Wi", "Sung‑lac", "met", "Ana\u{a0}Ruiz"]);
    check(&e, 10);
}

#[test]
fn words_break_after_hyphens_and_dashes_when_they_do_not_fit() {
    let e = entry("", "a well-known co-op—maybe -5 x-", vec![]);
    assert_eq!(rows(&e, 40), ["a well-known co-op—maybe -5 x-"]);
    assert_eq!(
        rows(&e, 7),
        ["a well-", "known", "co-op—", "maybe", "-5 x-"]
    );
    assert_eq!(
        rows(&e, 4),
        [
            "a", "well", "-kno", "wn", "co-", "op—", "mayb", "e -5", "x-"
        ]
    );
    for w in [3, 4, 7, 9] {
        check(&e, w);
    }
    let e = entry("", "漢字-漢字-漢字 Wi Sung‑lac‑x", vec![]);
    assert_eq!(rows(&e, 10), ["漢字-漢字-", "漢字 Wi", "Sung‑lac‑x"]);
    check(&e, 10);
}

#[test]
fn long_words_break_between_chars() {
    let e = entry("", "abcdefgh ij 漢字漢字 e\u{301}e\u{301}e\u{301}", vec![]);
    assert_eq!(
        rows(&e, 3),
        [
            "abc",
            "def",
            "gh",
            "ij",
            "漢",
            "字",
            "漢",
            "字",
            "e\u{301}e\u{301}e\u{301}"
        ]
    );
    assert_eq!(
        rows(&e, 5),
        [
            "abcde",
            "fgh",
            "ij",
            "漢字",
            "漢字",
            "e\u{301}e\u{301}e\u{301}"
        ]
    );
    check(&e, 3);
    check(&e, 5);
}

#[test]
fn tiny_widths_do_not_panic_or_loop() {
    let text = "“Hi 漢字,” said Ana. 👩\u{200d}💻 ok\n\nNext “quoted” bit.";
    let q = vec![
        quote(text, "“Hi 漢字,”", Some("Ana Ruiz"), Some("Ana")),
        quote(text, "“quoted”", None, None),
    ];
    let e = entry("A headline", text, q);
    for w in 0..=4 {
        let lay = check(&e, w);
        assert!(
            lay.rows
                .iter()
                .flat_map(|r| &r.segs)
                .any(|s| s.role == Role::Speaker(0))
        );
    }
    assert_eq!(rows(&e, 0)[0], "A");
}

#[test]
fn empty_article_has_no_rows() {
    let e = entry("", "", vec![]);
    let lay = check(&e, 80);
    assert!(lay.rows.is_empty());
    assert!(lay.visible(0, 10).is_empty());
    assert_eq!(lay.row_of_offset(5), 0);
    let e = entry("", "  \n\n \t\n", vec![]);
    assert!(check(&e, 80).rows.is_empty());
}

#[test]
fn the_link_shows_under_the_byline_sanitised() {
    let mut e = entry("Title", "Body.", vec![]);
    e.article.byline = Some("By Kim".into());
    e.article.url = Some("https://news.example.org/a\u{1b}[2J".into());
    let lay = check(&e, 80);
    let shown = rows(&e, 80);
    assert_eq!(
        shown[..3],
        ["Title", "By Kim", "https://news.example.org/a␛[2J"]
    );
    assert_eq!(shown[3], "");
    assert_eq!(segs(&e, &lay)[2][0].0, Role::Meta);
    e.article.url = Some("  ".into());
    assert_eq!(rows(&e, 80), ["Title", "By Kim", "", "Body."]);
}

#[test]
fn the_date_reads_as_a_date_and_a_dateline_day_is_not_said_twice() {
    let mut e = entry("Title", "Body.", vec![]);
    e.article.published = Some("26-FEB-1987 15:01:01.79".into());
    e.article.dateline = Some(Dateline {
        span: 0..0,
        place: "SALVADOR".into(),
        date: Some("Feb 26".into()),
        source: None,
    });
    assert_eq!(rows(&e, 80)[1], "SALVADOR\u{a0}· 26 Feb 1987 15:01");
    // A dateline on another day keeps its date; a date hearsay cannot
    // read is shown as written.
    if let Some(d) = e.article.dateline.as_mut() {
        d.date = Some("Feb 25".into());
    }
    e.article.published = Some("the day after".into());
    assert_eq!(
        rows(&e, 80)[1],
        "SALVADOR\u{a0}· Feb 25\u{a0}· the day after"
    );
}

#[test]
fn header_then_blank_then_paragraphs() {
    let mut e = entry(
        "The  headline\nhere",
        "Seoul, Dec 7 (Agency) – One.\n\nTwo.",
        vec![],
    );
    e.article.dateline = Some(Dateline {
        span: 0..e.article.text.find('–').map_or(0, |d| d + '–'.len_utf8()),
        place: "Seoul".into(),
        date: Some("Dec 7".into()),
        source: Some("Agency".into()),
    });
    e.article.source = Some("Agency".into());
    e.article.byline = Some("By Kim".into());
    let lay = check(&e, 80);
    let shown = rows(&e, 80);
    assert_eq!(
        shown,
        [
            "The headline here",
            "Seoul\u{a0}· Dec 7\u{a0}· Agency\u{a0}· By Kim",
            "",
            "Seoul, Dec 7 (Agency) – One.",
            "",
            "Two."
        ]
    );
    let s = segs(&e, &lay);
    assert_eq!(s[0], [(Role::Headline, "The headline here".to_string())]);
    assert_eq!(s[1][0].0, Role::Meta);
    assert_eq!(s[3][0], (Role::Meta, "Seoul, Dec 7 (Agency) –".to_string()));
    assert_eq!(s[3][1], (Role::Body, " One.".to_string()));
}

#[test]
fn quote_split_over_rows_keeps_its_role_and_start_row() {
    let text = "Before it “one two three four five” after.";
    let e = entry(
        "",
        text,
        vec![quote(text, "“one two three four five”", Some("Ana"), None)],
    );
    let lay = check(&e, 12);
    let s = segs(&e, &lay);
    assert_eq!(
        rows(&e, 12),
        [
            "Before it",
            "“one two",
            "three four",
            "five” — Ana",
            "after."
        ]
    );
    assert_eq!(lay.quote_rows, [1]);
    assert_eq!(s[1], [(Role::Quote(0), "“one two".to_string())]);
    assert_eq!(s[2], [(Role::Quote(0), "three four".to_string())]);
    assert_eq!(
        s[3],
        [
            (Role::Quote(0), "five”".to_string()),
            (Role::Speaker(0), " — Ana".to_string())
        ]
    );
}

#[test]
fn quote_over_paragraphs() {
    let text = "Intro “one\n\ntwo” end.";
    let e = entry(
        "",
        text,
        vec![quote(text, "“one\n\ntwo”", Some("Ana"), Some("Intro"))],
    );
    let lay = check(&e, 40);
    let s = segs(&e, &lay);
    assert_eq!(
        s[0],
        [
            (Role::Mention(0), "Intro".into()),
            (Role::Body, " ".into()),
            (Role::Quote(0), "“one".into())
        ]
    );
    assert!(s[1].is_empty());
    assert_eq!(s[2][0], (Role::Quote(0), "two”".into()));
    assert_eq!(s[2][1], (Role::Speaker(0), " — Ana".into()));
}

#[test]
fn roles_of_kinds_nesting_and_mentions() {
    let text = "Kim said “we call it a ‘deal’ now” and that talks would go on, Lee said.";
    let mut outer = quote(
        text,
        "“we call it a ‘deal’ now”",
        Some("Kim Jong"),
        Some("Kim"),
    );
    outer.kind = QuoteKind::Direct;
    let mut term = quote(text, "‘deal’", None, None);
    term.kind = QuoteKind::Term;
    term.parent = Some(0);
    let mut reported = quote(text, "talks would go on", Some("Lee"), Some("Lee"));
    reported.kind = QuoteKind::Reported;
    let e = entry("", text, vec![outer, term, reported]);
    let lay = check(&e, 200);
    let s = segs(&e, &lay);
    let want: Vec<(Role, String)> = vec![
        (Role::Mention(0), "Kim".into()),
        (Role::Body, " said ".into()),
        (Role::Quote(0), "“we call it a ".into()),
        (Role::Unattributed(1), "‘deal’".into()),
        (Role::Quote(0), " now”".into()),
        (Role::Speaker(0), " — Kim Jong".into()),
        (Role::Body, " and that ".into()),
        (Role::Reported(2), "talks would go on".into()),
        (Role::Body, ",".into()),
        (Role::Speaker(2), " — Lee".into()),
        (Role::Body, " ".into()),
        (Role::Mention(2), "Lee".into()),
        (Role::Body, " said.".into()),
    ];
    assert_eq!(s[0], want);
}

#[test]
fn label_follows_the_word_where_the_quote_ends() {
    let text = "“We win”, Ana said.";
    let e = entry(
        "",
        text,
        vec![quote(text, "“We win”", Some("Ana Ruiz"), Some("Ana"))],
    );
    assert_eq!(rows(&e, 80), ["“We win”, — Ana Ruiz Ana said."]);
    check(&e, 80);
}

#[test]
fn label_moves_whole_to_the_next_row_when_it_fits_there() {
    let text = "“Yes,” he said.";
    let e = entry(
        "",
        text,
        vec![quote(text, "“Yes,”", Some("Wi Sung‑lac"), Some("he"))],
    );
    assert_eq!(rows(&e, 14), ["“Yes,”", "— Wi Sung‑lac", "he said."]);
    assert_eq!(rows(&e, 20), ["“Yes,” — Wi Sung‑lac", "he said."]);
    check(&e, 14);
}

#[test]
fn no_label_without_speaker_or_for_terms_and_controls_in_names_are_inert() {
    let text = "A “b” c “d” e.";
    let mut term = quote(text, "“d”", Some("X"), None);
    term.kind = QuoteKind::Term;
    let e = entry("", text, vec![quote(text, "“b”", None, None), term]);
    assert_eq!(rows(&e, 80), ["A “b” c “d” e."]);
    let e = entry(
        "",
        text,
        vec![quote(text, "“b”", Some("Evil\u{1b}[2J\nName"), None)],
    );
    assert_eq!(rows(&e, 80), ["A “b” — Evil␛[2J Name c “d” e."]);
}

#[test]
fn control_chars_in_text_are_shown_as_pictures() {
    let text = "Hi\u{1b}]0;title\u{7} there\u{202e}x";
    let e = entry("Bad\u{1b}[31m", text, vec![]);
    let lay = check(&e, 80);
    assert_eq!(
        rows(&e, 80),
        ["Bad␛[31m", "", "Hi␛]0;title␇ there\u{fffd}x"]
    );
    assert!(matches!(lay.rows[2].segs[0].source, Source::Text(_)));
}

#[test]
fn bad_ranges_do_not_panic() {
    let text = "é “x” y";
    let q = Quote {
        span: 1..400,
        kind: QuoteKind::Embedded,
        speaker: Some("S".into()),
        mention: Some(Range { start: 9, end: 2 }), // reversed on purpose
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    };
    let e = entry("", text, vec![q]);
    check(&e, 3);
    let mut e = entry("", text, vec![]);
    e.article.body = 1..3;
    assert!(layout(&e, 10).rows.is_empty());
}

#[test]
fn visible_and_row_of_offset() {
    let text = "aaa bbb ccc\n\nddd";
    let e = entry("T", text, vec![]);
    let lay = check(&e, 3);
    // T, blank, aaa, bbb, ccc, blank, ddd
    assert_eq!(lay.rows.len(), 7);
    assert_eq!(lay.visible(2, 2), &lay.rows[2..4]);
    assert_eq!(lay.visible(6, 10), &lay.rows[6..]);
    assert!(lay.visible(9, 10).is_empty());
    assert!(lay.visible(usize::MAX, usize::MAX).is_empty());
    assert_eq!(lay.row_of_offset(0), 2);
    assert_eq!(
        lay.row_of_offset(3),
        2,
        "the space after a word is on its row"
    );
    assert_eq!(lay.row_of_offset(text.find("ddd").unwrap_or(0)), 6);
    assert_eq!(lay.row_of_offset(usize::MAX), 6);
}

#[test]
fn role_names_its_quote() {
    assert_eq!(Role::Quote(3).quote(), Some(3));
    assert_eq!(Role::Speaker(1).quote(), Some(1));
    assert_eq!(Role::Mention(2).quote(), Some(2));
    assert_eq!(Role::Body.quote(), None);
    assert_eq!(Role::Headline.quote(), None);
}

#[test]
fn quote_outside_the_body_has_no_label_and_points_at_the_body() {
    let text = "Head “x” line\n\nBody “y” text.";
    let q = vec![
        quote(text, "“x”", Some("Ana"), None),
        quote(text, "“y”", Some("Lee"), None),
    ];
    let mut e = entry("Head", text, q);
    e.article.body = text.find("Body").unwrap_or(0)..text.len();
    let lay = check(&e, 80);
    assert_eq!(rows(&e, 80), ["Head", "", "Body “y” — Lee text."]);
    assert_eq!(lay.quote_rows, [2, 2]);
}

/// Found by the property test once paragraphs were trimmed of no-break
/// spaces: the quote ends after a no-break space that opens no paragraph.
#[test]
fn label_after_the_last_word_when_the_quote_ends_between_paragraphs() {
    let text = "Who said “a\n \u{a0}”Next “b” c";
    let end = text.find('”').unwrap_or(0);
    let q = Quote {
        span: text.find('“').unwrap_or(0)..end,
        kind: QuoteKind::Direct,
        speaker: Some("Ana".into()),
        mention: None,
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    };
    let e = entry("", text, vec![q]);
    let paras = [0..text.find('\n').unwrap_or(0), end..text.len()];
    let lay = layout_paragraphs(&e, 80, &paras, Labels::Inline);
    let s = segs(&e, &lay);
    assert_eq!(
        s[0],
        [
            (Role::Body, "Who said ".into()),
            (Role::Quote(0), "“a".into()),
            (Role::Speaker(0), " — Ana".into())
        ]
    );
    assert_eq!(s[2], [(Role::Body, "”Next “b” c".into())]);
}

fn rows_with(e: &Entry, width: u16, labels: Labels) -> Vec<String> {
    let lay = layout_with(e, width, labels);
    (0..lay.rows.len())
        .map(|r| lay.row_text(r, &e.article.text))
        .collect()
}

/// Two paragraphs: a quote whose speaker is named by surname only, and one
/// whose mention names its speaker in full.
fn two_speakers() -> Entry {
    let text = "“We will fix the bridge,” Okafor told the council.\n\n\
                “Not this year,” said Lee Jae‑Myung, the treasurer.";
    let q1 = quote(
        text,
        "“We will fix the bridge,”",
        Some("Ngozi Okafor"),
        Some("Okafor"),
    );
    let q2 = quote(
        text,
        "“Not this year,”",
        Some("Lee Jae‑Myung"),
        Some("Lee Jae‑Myung"),
    );
    entry("Bridge", text, vec![q1, q2])
}

#[test]
fn margin_labels_leave_the_text_whole_and_skip_a_name_on_the_row() {
    let e = two_speakers();
    let lay = layout_with(&e, 60, Labels::Margin);
    let rows = rows_with(&e, 60, Labels::Margin);
    assert_eq!(
        rows[2..],
        [
            "“We will fix the bridge,” Okafor told the council.",
            "",
            "“Not this year,” said Lee Jae‑Myung, the treasurer."
        ]
    );
    assert!(
        !lay.rows
            .iter()
            .flat_map(|r| &r.segs)
            .any(|s| matches!(s.role, Role::Speaker(_))),
        "no label inside the text"
    );
    // Okafor's name is not in full on her row: labelled. Lee's is: not.
    assert_eq!(lay.margin, [(2, 0)]);
    assert_eq!(lay.margin_in(0, 2), []);
    assert_eq!(lay.margin_in(2, 1), [(2, 0)]);
}

#[test]
fn margin_labels_never_share_a_row_and_a_speaker_is_named_once_a_paragraph() {
    let text = "“A,” “B,” said Ana. “C,” she added, and “D” said Bo.";
    let quotes = vec![
        quote(text, "“A,”", Some("Ana Ruiz"), Some("Ana")),
        quote(text, "“B,”", Some("Ana Ruiz"), Some("Ana")),
        quote(text, "“C,”", Some("Ana Ruiz"), Some("Ana")),
        quote(text, "“D”", Some("Bo Lind"), Some("Bo")),
    ];
    let e = entry("T", text, quotes);
    let lay = layout_with(&e, 80, Labels::Margin);
    // Ana's first quote is labelled, her next two are not, Bo's moves down
    // a row since Ana's label holds the row they start on.
    assert_eq!(lay.margin, [(2, 0), (3, 3)]);
}

#[test]
fn end_of_paragraph_labels_follow_the_paragraph_once_per_speaker() {
    let text = "“One,” Okafor said. “Two,” she said, and “Three,” said Tam.\n\nNext.";
    let quotes = vec![
        quote(text, "“One,”", Some("Ngozi Okafor"), Some("Okafor")),
        quote(text, "“Two,”", Some("Ngozi Okafor"), Some("Okafor")),
        quote(text, "“Three,”", Some("Lu Tam"), Some("Tam")),
    ];
    let e = entry("T", text, quotes);
    assert_eq!(
        rows_with(&e, 70, Labels::Paragraph)[2..],
        [
            "“One,” Okafor said. “Two,” she said, and “Three,” said Tam.",
            "— Ngozi Okafor · Lu Tam",
            "",
            "Next."
        ]
    );
    let lay = layout_with(&e, 70, Labels::Paragraph);
    let roles: Vec<Role> = lay.rows[3].segs.iter().map(|s| s.role).collect();
    assert_eq!(roles, [Role::Speaker(0), Role::Speaker(2)]);
}

#[test]
fn end_of_paragraph_labels_skip_a_speaker_named_in_full() {
    let e = two_speakers();
    assert_eq!(
        rows_with(&e, 70, Labels::Paragraph)[2..],
        [
            "“We will fix the bridge,” Okafor told the council.",
            "— Ngozi Okafor",
            "",
            "“Not this year,” said Lee Jae‑Myung, the treasurer."
        ]
    );
}

#[test]
fn labels_off_show_the_text_alone() {
    let e = two_speakers();
    let lay = layout_with(&e, 70, Labels::Off);
    assert!(lay.margin.is_empty());
    assert_eq!(
        rows_with(&e, 70, Labels::Off)[2..],
        [
            "“We will fix the bridge,” Okafor told the council.",
            "",
            "“Not this year,” said Lee Jae‑Myung, the treasurer."
        ]
    );
}

#[test]
fn names_compare_without_case_spacing_or_hyphen_kind() {
    assert!(names_in_full("Lee Jae‑Myung", "lee  jae-myung"));
    assert!(names_in_full("Mara Okonkwo said", "Mara Okonkwo"));
    assert!(!names_in_full("Okafor", "Ngozi Okafor"));
    assert!(!names_in_full("Anaïs Lee", "Ana"), "whole words only");
}
