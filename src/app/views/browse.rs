//! The reading view: the headline list and the reading pane. Every other
//! view is drawn over it and passes on what it does not take, so the keys
//! that work everywhere (quit, resize, star, the views' own keys) live here.

use crate::app::export::ExportWhat;
use crate::app::picker::Picker;
use crate::app::{Action, App, Focus, Mode};
use crate::layout::Labels;

/// Acts on `action` in the reading view.
pub(super) fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Back => match app.focus {
            Focus::Reader => app.set_focus(Focus::List),
            Focus::List => app.quit = true,
        },
        Action::CycleLabels => app.cycle_labels(),
        Action::OpenMessages => {
            app.help_scroll = 0;
            app.mode = Mode::Messages;
        }
        Action::Refresh => app.refresh(),
        Action::OpenLink => app.open_link(),
        Action::FetchFullArticle => app.fetch_full_article(),
        Action::ExplainQuote => app.explain_current(),
        Action::CopyCitation => app.copy(true),
        Action::CopyQuote => app.copy(false),
        Action::Close => {
            if app.focus == Focus::Reader && app.screen().list.is_none() {
                app.set_focus(Focus::List);
            } else {
                app.clear_filter();
            }
        }
        Action::ToggleFocus => app.set_focus(match app.focus {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::List,
        }),
        Action::FocusList => app.set_focus(Focus::List),
        Action::FocusReader => app.set_focus(Focus::Reader),
        Action::Down => app.move_by(1),
        Action::Up => app.move_by(-1),
        Action::PageDown => app.page(1),
        Action::PageUp => app.page(-1),
        Action::Top => app.move_to_end(false),
        Action::Bottom => app.move_to_end(true),
        Action::Open | Action::Confirm => app.set_focus(Focus::Reader),
        Action::NextQuote => app.next_quote(true),
        Action::PrevQuote => app.next_quote(false),
        Action::OpenSpeakers => {
            app.picker = Picker::new(app.corpus.speakers.len());
            app.mode = Mode::Speakers;
        }
        Action::ClearFilter => app.clear_filter(),
        Action::StartSearch => {
            app.search.input.clear();
            app.mode = Mode::Search;
        }
        Action::NextMatch => app.next_match(true),
        Action::PrevMatch => app.next_match(false),
        Action::ToggleHelp => {
            app.help_scroll = 0;
            app.mode = Mode::Help;
        }
        Action::Cancel => app.mode = Mode::Browse,
        Action::Resize(w, h) => app.resize(w, h),
        Action::Scroll { column, row, delta } => app.wheel(column, row, delta),
        Action::Click { column, row } => app.click(column, row),
        Action::OpenSpeakerList => app.open_speaker_list(String::new()),
        Action::ToggleSort => app.toggle_sort(),
        Action::ToggleStar => app.star_current(),
        Action::OpenStarred => app.open_starred(),
        Action::OpenFeeds => app.open_feeds(),
        Action::MarkAllRead => app.mark_list_read(),
        Action::ToggleRead => app.toggle_read(),
        Action::Export => {
            let what = app.filter.map_or(ExportWhat::Starred, ExportWhat::Speaker);
            app.open_export(what);
        }
        // Keys of the views that take text or a format: nothing to do here.
        Action::Input(_)
        | Action::DeleteChar
        | Action::PickerDown
        | Action::PickerUp
        | Action::CycleFormat => {}
    }
}

impl App {
    fn cycle_labels(&mut self) {
        self.labels = match self.labels {
            Labels::Margin | Labels::Inline => Labels::Paragraph,
            Labels::Paragraph => Labels::Off,
            Labels::Off => Labels::Margin,
        };
        self.resize_reader();
        let what = match self.labels {
            Labels::Margin if self.reading().margin.is_none() => {
                "in the margin (at paragraph ends until the pane is wider)"
            }
            Labels::Margin | Labels::Inline => "in the margin",
            Labels::Paragraph => "at the end of each paragraph",
            Labels::Off => "off",
        };
        self.message = Some(format!("Speaker labels {what}"));
    }
}
