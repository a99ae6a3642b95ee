//! `y` and `Y`: the current quote to the clipboard, as effects of `update`.

mod tui_support;

use hearsay::app::{Action, Effect, update};
use tui_support::{app, send};

#[test]
fn y_copies_the_current_quote_as_a_citation() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote]);
    let effects = update(&mut app, Action::CopyCitation);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy expected: {effects:?}");
    };
    assert_eq!(
        text,
        "“Nobody should pay more to cross the bay than to cross the city” — Mara Okonkwo, \
         “Harbour ferry fares to fall in spring”, Coast Wire, March 3. \
         fixtures/harbour-ferry-fares-to-fall-in-spring.txt"
    );
    assert!(
        app.message()
            .is_some_and(|m| m.contains("Copied the citation"))
    );
}

#[test]
fn capital_y_copies_the_words_alone() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote, Action::NextQuote]);
    let effects = update(&mut app, Action::CopyQuote);
    assert_eq!(
        effects,
        [Effect::Copy(
            "“We have the boats and we have the crews.”".to_string()
        )]
    );
}

#[test]
fn nothing_is_copied_without_a_quote() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Down]);
    // The tide tables quote nobody.
    assert!(update(&mut app, Action::CopyCitation).is_empty());
    assert!(app.message().is_some_and(|m| m.contains("No quote")));
    // Other actions have no effects.
    assert!(update(&mut app, Action::Up).is_empty());
}
