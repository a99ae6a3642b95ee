//! The reader driven by actions alone: no terminal.

mod tui_support;

use hearsay::app::{Action, Focus, Mode};
use tui_support::{app, send};

#[test]
fn starts_on_the_first_headline_with_it_open() {
    let app = app(120, 40);
    assert_eq!(app.selected(), 0);
    assert_eq!(app.shown(), &[0, 1, 2]);
    assert_eq!(app.open_index(), Some(0));
    assert!(!app.reader().layout.rows.is_empty());
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn down_and_up_move_the_selection_and_the_open_article() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.selected(), 2, "stops at the last headline");
    assert_eq!(app.open_index(), Some(2));
    send(&mut app, &[Action::Up]);
    assert_eq!(app.open_index(), Some(1));
    send(&mut app, &[Action::Bottom, Action::Top]);
    assert_eq!(app.selected(), 0);
}

#[test]
fn with_the_reader_focused_down_scrolls_instead() {
    let mut app = app(60, 12);
    send(&mut app, &[Action::Open]);
    assert_eq!(app.focus(), Focus::Reader);
    send(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected(), 0);
    assert_eq!(app.reader().scroll, 2);
    send(&mut app, &[Action::Bottom]);
    let rows = app.reader().layout.rows.len();
    // The pane's inside less the colour key above the text.
    let height = usize::from(app.reading().text.height);
    assert!(app.reading().key.is_some());
    assert_eq!(
        height,
        usize::from(app.screen().reader.map_or(0, |a| a.height - 2)) - 1
    );
    assert_eq!(app.reader().scroll, rows - height, "the end fills the pane");
    send(&mut app, &[Action::PageDown]);
    assert_eq!(
        app.reader().scroll,
        rows - height,
        "cannot scroll past the end"
    );
}

#[test]
fn next_quote_visits_quotations_in_order_skipping_terms() {
    let mut app = app(120, 40);
    let mut seen = Vec::new();
    for _ in 0..3 {
        send(&mut app, &[Action::NextQuote]);
        seen.push((app.open_index(), app.reader().quote));
    }
    // Quote 2 of the first article is a term (“long overdue”) and quote 4
    // reported speech without marks: neither is visited.
    let first = |q| (Some(0), Some(q));
    assert_eq!(seen, vec![first(0), first(1), first(3)]);
    assert_eq!(app.quote_position(), Some((Some(3), 3)));
}

#[test]
fn past_the_last_quote_next_goes_on_to_the_next_article_with_one() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Bottom, Action::Top]);
    for _ in 0..4 {
        send(&mut app, &[Action::NextQuote]);
    }
    // Article 1 has no quotes, so the fourth `n` lands in article 2.
    assert_eq!(app.open_index(), Some(2));
    assert_eq!(app.selected(), 2);
    assert_eq!(app.reader().quote, Some(0));
    let message = app.message().unwrap_or_default();
    assert!(message.contains("Island school reopens"), "{message}");
    send(&mut app, &[Action::PrevQuote]);
    assert_eq!((app.open_index(), app.reader().quote), (Some(0), Some(3)));
}

#[test]
fn after_the_very_last_quote_next_stays_and_says_so() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Bottom]);
    for _ in 0..10 {
        send(&mut app, &[Action::NextQuote]);
    }
    assert_eq!((app.open_index(), app.reader().quote), (Some(2), Some(3)));
    assert!(app.message().unwrap_or_default().contains("last quote"));
}

#[test]
fn next_quote_scrolls_the_quote_into_view() {
    let mut app = app(60, 10);
    send(&mut app, &[Action::Open]);
    let height = usize::from(app.screen().reader.map_or(0, |a| a.height - 2));
    for _ in 0..4 {
        send(&mut app, &[Action::NextQuote]);
        let q = app.reader().quote.unwrap_or_default();
        let row = app.reader().layout.quote_rows[q];
        let top = app.reader().scroll;
        assert!(
            (top..top + height).contains(&row),
            "quote {q} row {row} not in {top}+{height}"
        );
    }
}

#[test]
fn the_speaker_filter_keeps_their_articles_and_quotes() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenSpeakers]);
    assert_eq!(app.mode(), Mode::Speakers);
    assert_eq!(app.picker().matches.len(), 3);
    send(
        &mut app,
        &[Action::Input('b'), Action::Input('a'), Action::Input('r')],
    );
    let chosen = app
        .picker()
        .chosen()
        .map(|i| app.corpus().speakers[i].name.clone());
    assert_eq!(chosen.as_deref(), Some("Ines Barros"));
    send(&mut app, &[Action::Confirm]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.filter().map(|s| s.name.as_str()), Some("Ines Barros"));
    assert_eq!(app.shown(), &[2]);
    assert_eq!(app.open_index(), Some(2));
    send(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::NextQuote],
    );
    // Only Barros's two quotes are visited; the third `n` stays on the last.
    assert_eq!(app.reader().quote, Some(1));
    assert_eq!(app.quote_position(), Some((Some(2), 2)));
    send(&mut app, &[Action::ClearFilter]);
    assert!(app.filter().is_none());
    assert_eq!(app.shown(), &[0, 1, 2]);
    assert_eq!(app.selected(), 2, "the open article stays selected");
}

#[test]
fn filtering_by_a_speaker_in_two_articles_walks_both() {
    let mut app = app(120, 40);
    let okonkwo = app
        .corpus()
        .speakers
        .iter()
        .position(|s| s.name == "Mara Okonkwo");
    assert_eq!(okonkwo, Some(0), "most quoted first");
    send(&mut app, &[Action::OpenSpeakers, Action::Confirm]);
    assert_eq!(app.shown(), &[0, 2]);
    let mut visits = Vec::new();
    for _ in 0..3 {
        send(&mut app, &[Action::NextQuote]);
        visits.push((app.open_index(), app.reader().quote));
    }
    // Okonkwo's reported speech (quote 4 of article 0, quote 2 of article 2)
    // is not a quotation: `n` passes it by.
    let expect = [(0, 0), (0, 1), (2, 3)];
    let expect: Vec<_> = expect.iter().map(|&(e, q)| (Some(e), Some(q))).collect();
    assert_eq!(visits, expect);
}

#[test]
fn picker_escape_changes_nothing_and_backspace_widens() {
    let mut app = app(120, 40);
    send(
        &mut app,
        &[Action::OpenSpeakers, Action::Input('z'), Action::Input('q')],
    );
    assert!(app.picker().matches.is_empty());
    send(&mut app, &[Action::DeleteChar, Action::DeleteChar]);
    assert_eq!(app.picker().matches.len(), 3);
    send(&mut app, &[Action::PickerDown, Action::Cancel]);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.filter().is_none());
    // Confirming with no match applies nothing.
    send(
        &mut app,
        &[
            Action::OpenSpeakers,
            Action::Input('z'),
            Action::Input('q'),
            Action::Confirm,
        ],
    );
    assert!(app.filter().is_none());
}

#[test]
fn search_finds_text_and_steps_through_matches() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::StartSearch]);
    for c in "FERRY".chars() {
        send(&mut app, &[Action::Input(c)]);
    }
    assert_eq!(app.mode(), Mode::Search);
    send(&mut app, &[Action::Confirm]);
    let hits = app.search().hits.clone();
    // Headline and body of the ferry article, body of the school article.
    assert_eq!(hits.iter().filter(|h| h.entry == 0).count(), 3);
    assert_eq!(hits.iter().filter(|h| h.entry == 2).count(), 1);
    assert_eq!(app.search().current, Some(0));
    for _ in 0..3 {
        send(&mut app, &[Action::NextMatch]);
    }
    assert_eq!(app.open_index(), Some(2));
    send(&mut app, &[Action::NextMatch]);
    assert_eq!(app.open_index(), Some(0));
    assert!(app.message().unwrap_or_default().contains("wrapped"));
    send(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.open_index(), Some(2));
}

#[test]
fn a_search_with_no_match_says_so() {
    let mut app = app(120, 40);
    send(
        &mut app,
        &[Action::StartSearch, Action::Input('#'), Action::Confirm],
    );
    assert!(app.search().hits.is_empty());
    assert!(app.message().unwrap_or_default().contains("No match"));
}

#[test]
fn narrow_screens_show_one_pane_and_enter_switches_to_the_reader() {
    let mut app = app(60, 20);
    assert!(app.screen().list.is_some() && app.screen().reader.is_none());
    send(&mut app, &[Action::Open]);
    assert!(app.screen().list.is_none() && app.screen().reader.is_some());
    send(&mut app, &[Action::ToggleFocus]);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn resize_lays_the_article_out_again_at_the_new_width() {
    let mut app = app(120, 40);
    let wide = app.reader().layout.rows.len();
    send(&mut app, &[Action::Resize(50, 40)]);
    assert_eq!(app.reader().layout.width, 48);
    assert!(app.reader().layout.rows.len() > wide);
    send(
        &mut app,
        &[Action::Resize(1, 1), Action::NextQuote, Action::PageDown],
    );
    send(
        &mut app,
        &[Action::Resize(0, 0), Action::Down, Action::Bottom],
    );
}

#[test]
fn the_list_scrolls_to_keep_the_selection_in_view() {
    // Three headlines of two rows each do not fit in 5 rows (3 inside the border).
    let mut app = app(90, 6);
    assert_eq!(app.list_top(), 0);
    send(&mut app, &[Action::Down]);
    assert_eq!(app.list_top(), 1);
    send(&mut app, &[Action::Top]);
    assert_eq!(app.list_top(), 0);
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut app = app(120, 12);
    let reader = app.screen().reader.unwrap_or_default();
    let list = app.screen().list.unwrap_or_default();
    send(
        &mut app,
        &[Action::Scroll {
            column: reader.x + 3,
            row: 3,
            delta: 3,
        }],
    );
    assert_eq!(app.reader().scroll, 3);
    assert_eq!(app.selected(), 0);
    send(
        &mut app,
        &[Action::Scroll {
            column: list.x + 3,
            row: 3,
            delta: 3,
        }],
    );
    assert_eq!(app.selected(), 1);
    // Headline 2 of the list starts on the fifth row inside the border.
    send(
        &mut app,
        &[Action::Click {
            column: 5,
            row: list.y + 1 + 4,
        }],
    );
    assert_eq!(app.selected(), 2);
    send(
        &mut app,
        &[Action::Click {
            column: reader.x + 2,
            row: 2,
        }],
    );
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Help);
    send(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Browse);
    send(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn switching_focus_does_not_undo_scrolling_away_from_the_quote() {
    let mut app = app(60, 10);
    send(&mut app, &[Action::Open, Action::NextQuote, Action::Top]);
    assert_eq!(app.reader().scroll, 0);
    send(&mut app, &[Action::ToggleFocus, Action::ToggleFocus]);
    assert_eq!(app.reader().scroll, 0);
}

#[test]
fn resize_keeps_the_current_quote_in_view() {
    let mut app = app(120, 12);
    send(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::NextQuote],
    );
    send(&mut app, &[Action::Resize(84, 9)]);
    let q = app.reader().quote.unwrap_or_default();
    let row = app.reader().layout.quote_rows[q];
    let height = usize::from(app.screen().reader.map_or(0, |a| a.height - 2));
    let top = app.reader().scroll;
    assert!(
        (top..top + height).contains(&row),
        "quote row {row} not in {top}+{height}"
    );
}

#[test]
fn a_search_starts_at_the_selected_article() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Down, Action::StartSearch]);
    for c in "harbour".chars() {
        send(&mut app, &[Action::Input(c)]);
    }
    send(&mut app, &[Action::Confirm]);
    // The selected article (1) has no match; the next one with one is 2.
    assert_eq!(app.open_index(), Some(2));
    assert!(app.search().hits.iter().any(|h| h.entry == 0));
}

/// The status line's "quote i/n" (cached per article and filter) agrees
/// with counting the visited quotes afresh, through moves, a speaker filter
/// and its clearing.
#[test]
fn quote_position_matches_a_fresh_count_in_every_state() {
    fn fresh(app: &hearsay::app::App) -> Option<(Option<usize>, usize)> {
        let e = app.open_index()?;
        let n = app.open_entry()?.quotes.len();
        let visited: Vec<usize> = (0..n).filter(|&q| app.is_visited(e, q)).collect();
        let at = app
            .reader()
            .quote
            .and_then(|q| visited.iter().position(|&v| v == q));
        Some((at.map(|p| p + 1), visited.len()))
    }
    let mut app = app(120, 40);
    let steps: &[&[Action]] = &[
        &[],
        &[Action::NextQuote],
        &[Action::NextQuote, Action::NextQuote],
        &[Action::PrevQuote],
        &[Action::OpenSpeakers, Action::Confirm],
        &[Action::NextQuote],
        &[Action::Down],
        &[Action::NextQuote, Action::NextQuote],
        &[Action::ClearFilter],
        &[Action::Up, Action::NextQuote],
    ];
    for (i, step) in steps.iter().enumerate() {
        send(&mut app, step);
        assert_eq!(app.quote_position(), fresh(&app), "after step {i}");
    }
}
