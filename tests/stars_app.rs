//! Stars, read marks, the speakers view and export, driven by actions with
//! the collection in a temporary folder.

mod tui_support;

use std::path::Path;

use hearsay::app::export::ExportWhat;
use hearsay::app::{Action, App, Focus, Mode};
use hearsay::store::Store;
use tempfile::TempDir;
use tui_support::{app, send};

/// An app over the test corpus keeping its collection in `dir`, writing
/// exports there too.
fn app_in(dir: &Path) -> App {
    let mut app = app(120, 40);
    let (store, notice) = Store::open_or_recover(dir);
    assert_eq!(notice, None);
    app.attach_store(store, None);
    app.set_export_dir(dir.to_path_buf());
    app
}

fn stored_speakers(dir: &Path) -> Vec<Option<String>> {
    let store = Store::open(dir).expect("reopen the store");
    let stars = store.starred().expect("read stars");
    stars.into_iter().map(|s| s.speaker).collect()
}

fn current_starred(app: &App) -> bool {
    let e = app.open_index().expect("an article is open");
    let q = app.reader().quote.expect("a quote is current");
    let span = &app.corpus().entries[e].quotes[q].span;
    app.collection().is_starred(e, span)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, &[Action::Input(c)]);
    }
}

#[test]
fn star_marks_the_quote_n_went_to_and_star_again_unmarks_it() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    send(&mut app, &[Action::NextQuote, Action::NextQuote]);
    send(&mut app, &[Action::ToggleStar]);
    assert!(current_starred(&app));
    assert!(
        app.message().unwrap().contains("Starred"),
        "{:?}",
        app.message()
    );
    assert_eq!(stored_speakers(dir.path()), [Some("Mara Okonkwo".into())]);
    assert_eq!(app.collection().stars_in(0), 1);
    send(&mut app, &[Action::ToggleStar]);
    assert!(!current_starred(&app));
    assert!(stored_speakers(dir.path()).is_empty());
}

#[test]
fn without_n_the_first_quotation_on_screen_is_starred() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    assert_eq!(app.reader().quote, None);
    assert_eq!(app.star_target(), Some(0));
    send(&mut app, &[Action::ToggleStar]);
    assert_eq!(app.reader().quote, Some(0));
    assert!(current_starred(&app));
    // An article without quotes has nothing to star.
    send(&mut app, &[Action::Down]);
    assert_eq!(app.star_target(), None);
    send(&mut app, &[Action::ToggleStar]);
    assert!(app.message().unwrap().contains("No quote here"));
    assert_eq!(stored_speakers(dir.path()).len(), 1);
}

#[test]
fn stars_outlive_the_app_and_the_starred_view_opens_them() {
    let dir = TempDir::new().unwrap();
    {
        let mut app = app_in(dir.path());
        send(&mut app, &[Action::Bottom]);
        send(&mut app, &[Action::NextQuote, Action::NextQuote]);
        assert_eq!((app.open_index(), app.reader().quote), (Some(2), Some(1)));
        send(&mut app, &[Action::ToggleStar]);
    }
    let mut app = app_in(dir.path());
    assert_eq!(app.open_index(), Some(0));
    assert_eq!(app.collection().stars_in(2), 1);
    send(&mut app, &[Action::OpenStarred]);
    assert_eq!(app.mode(), Mode::Starred);
    let list = app.collection().list();
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].headline,
        "Island school reopens after storm repairs"
    );
    assert_eq!(list[0].speaker.as_deref(), Some("Ines Barros"));
    send(&mut app, &[Action::Confirm]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!((app.open_index(), app.reader().quote), (Some(2), Some(1)));
    assert_eq!(app.focus(), Focus::Reader);
    assert!(current_starred(&app));
}

#[test]
fn unstarring_in_the_starred_view_removes_the_row() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    send(
        &mut app,
        &[Action::OpenStarred, Action::Down, Action::ToggleStar],
    );
    assert_eq!(app.collection().list().len(), 1);
    assert_eq!(app.collection().selected(), 0);
    assert_eq!(stored_speakers(dir.path()), [Some("Mara Okonkwo".into())]);
    send(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.collection().stars_in(0), 1);
}

#[test]
fn reading_marks_read_m_toggles_and_both_are_kept() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    assert!(!app.collection().is_read(0));
    // Only passing over a headline does not read it.
    send(&mut app, &[Action::Down, Action::Up]);
    assert!(!app.collection().is_read(1));
    send(&mut app, &[Action::Open]);
    assert!(app.collection().is_read(0));
    send(&mut app, &[Action::ToggleRead]);
    assert!(!app.collection().is_read(0));
    // Reading on in the same article does not undo the `m`.
    send(&mut app, &[Action::Down, Action::NextQuote]);
    assert!(!app.collection().is_read(0));
    send(&mut app, &[Action::FocusList, Action::Down, Action::Down]);
    send(&mut app, &[Action::ToggleRead]);
    assert!(app.collection().is_read(2));
    drop(app);
    let app = app_in(dir.path());
    let read: Vec<bool> = (0..3).map(|e| app.collection().is_read(e)).collect();
    assert_eq!(read, [false, false, true]);
}

#[test]
fn a_read_only_collection_says_the_star_was_not_saved() {
    let dir = TempDir::new().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let mut app = app(120, 40);
    app.attach_store(Store::open_read_only(dir.path()).unwrap(), None);
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    let message = app.message().unwrap_or_default();
    assert!(message.contains("not saved"), "{message}");
    assert!(!current_starred(&app));
}

#[test]
fn the_recovery_notice_shows_in_the_message_line() {
    let mut app = app(120, 40);
    let notice = "hearsay.db was damaged; kept it as hearsay.db.corrupt-x".to_string();
    app.attach_store(Store::in_memory().unwrap(), Some(notice.clone()));
    assert_eq!(app.message(), Some(notice));
}

#[test]
fn speakers_view_sorts_filters_and_opens_a_quote() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenSpeakerList]);
    assert_eq!(app.mode(), Mode::SpeakerList);
    let names = |app: &App| -> Vec<String> {
        let speakers = &app.corpus().speakers;
        let view = app.speakers_view();
        view.picker
            .matches
            .iter()
            .map(|&i| speakers[i].name.clone())
            .collect()
    };
    assert_eq!(names(&app), ["Mara Okonkwo", "Ines Barros", "Teodor Wilk"]);
    send(&mut app, &[Action::ToggleSort]);
    assert_eq!(names(&app), ["Ines Barros", "Mara Okonkwo", "Teodor Wilk"]);
    type_text(&mut app, "o");
    // A name with a word starting `o` comes before the fuzzy matches.
    assert_eq!(names(&app), ["Mara Okonkwo", "Ines Barros", "Teodor Wilk"]);
    type_text(&mut app, "kon");
    assert_eq!(names(&app), ["Mara Okonkwo"]);
    send(&mut app, &[Action::Confirm]);
    assert_eq!(app.mode(), Mode::SpeakerQuotes);
    let quotes = app.speakers_view().chosen_quotes().to_vec();
    // Her reported speech (0, 4) and (2, 2) is not among her quotes.
    assert_eq!(quotes, [(0, 0), (0, 1), (2, 3)]);
    send(&mut app, &[Action::Down, Action::Down, Action::Confirm]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!((app.open_index(), app.reader().quote), (Some(2), Some(3)));
    assert_eq!(app.focus(), Focus::Reader);
    // Back in the view, Esc goes from the quotes to the speakers, then out.
    send(&mut app, &[Action::OpenSpeakerList, Action::Confirm]);
    assert_eq!(app.mode(), Mode::SpeakerQuotes);
    send(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode(), Mode::SpeakerList);
    send(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn tab_in_the_picker_opens_the_speakers_view_with_the_typed_name() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenSpeakers]);
    type_text(&mut app, "wilk");
    send(&mut app, &[Action::OpenSpeakerList]);
    assert_eq!(app.mode(), Mode::SpeakerList);
    assert_eq!(app.speakers_view().picker.query, "wilk");
    assert_eq!(app.speakers_view().picker.matches.len(), 1);
}

#[test]
fn a_speaker_opened_while_another_is_filtered_clears_the_filter() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenSpeakers]);
    type_text(&mut app, "barros");
    send(&mut app, &[Action::Confirm]);
    assert_eq!(app.shown(), [2]);
    send(&mut app, &[Action::OpenSpeakerList]);
    type_text(&mut app, "wilk");
    send(&mut app, &[Action::Confirm, Action::Confirm]);
    assert_eq!((app.open_index(), app.reader().quote), (Some(0), Some(3)));
    assert!(app.filter().is_none());
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export");
    std::fs::read_to_string(path.join(name)).expect("the fixture exists")
}

#[test]
fn e_exports_the_starred_quotes_as_markdown_then_csv_never_overwriting() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    send(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::ToggleStar],
    );
    send(&mut app, &[Action::Export]);
    assert_eq!(app.mode(), Mode::Export);
    let prompt = app.export_prompt().unwrap();
    assert_eq!(
        (prompt.what.clone(), prompt.count),
        (ExportWhat::Starred, 2)
    );
    send(&mut app, &[Action::Confirm]);
    assert_eq!(app.mode(), Mode::Browse);
    let md = dir.path().join("hearsay-starred.md");
    let message = app.message().unwrap();
    assert!(message.contains(&md.display().to_string()), "{message}");
    assert!(message.contains("2 quotes"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        fixture("ui_starred.md")
    );

    send(&mut app, &[Action::Export, Action::Confirm]);
    let again = dir.path().join("hearsay-starred-2.md");
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        fixture("ui_starred.md")
    );
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        fixture("ui_starred.md")
    );

    send(
        &mut app,
        &[Action::Export, Action::CycleFormat, Action::Confirm],
    );
    let csv = dir.path().join("hearsay-starred.csv");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        fixture("ui_starred.csv")
    );

    send(
        &mut app,
        &[Action::Export, Action::CycleFormat, Action::CycleFormat],
    );
    send(&mut app, &[Action::Confirm]);
    let json = std::fs::read_to_string(dir.path().join("hearsay-starred.json")).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[1]["speaker"], "Teodor Wilk");
    assert_eq!(rows.as_array().map(Vec::len), Some(2));
}

#[test]
fn with_a_speaker_filter_e_exports_that_speakers_quotes() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    send(&mut app, &[Action::OpenSpeakers]);
    type_text(&mut app, "okonkwo");
    send(&mut app, &[Action::Confirm, Action::Export]);
    let prompt = app.export_prompt().unwrap();
    assert_eq!(prompt.count, 3);
    assert!(matches!(prompt.what, ExportWhat::Speaker(_)));
    send(&mut app, &[Action::Confirm]);
    let md = std::fs::read_to_string(dir.path().join("hearsay-mara-okonkwo.md")).unwrap();
    assert_eq!(md.matches("— Mara Okonkwo,").count(), 3, "{md}");
    assert_eq!(md.matches("(reported)").count(), 0, "{md}");
}

#[test]
fn nothing_starred_means_nothing_to_export() {
    let dir = TempDir::new().unwrap();
    let mut app = app_in(dir.path());
    send(&mut app, &[Action::Export]);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.message().unwrap().contains("Nothing starred"));
    let exported = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("hearsay-"))
        })
        .count();
    assert_eq!(exported, 0);
}
