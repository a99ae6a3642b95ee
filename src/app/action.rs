//! Everything the reader can be asked to do, named by intent.

/// One thing to do to the [`App`](super::App). Keys, mouse and resizes all
/// become actions; [`update`](super::update) is the only place that acts on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the reader, from anywhere.
    Quit,
    /// Back one level: from the article to the list; from the list, leave.
    Back,
    /// Close the article on a narrow screen, else drop the speaker filter.
    Close,
    /// Put speaker labels in the margin, at paragraph ends, or nowhere.
    CycleLabels,
    /// Copy the current quote as a citation (speaker, quote, headline,
    /// source, date, where from) to the clipboard.
    CopyCitation,
    /// Copy the current quote's words alone to the clipboard.
    CopyQuote,
    /// Open the messages view: every loading problem with its file, and
    /// every message shown.
    OpenMessages,
    /// Fetch every subscription again in the background.
    Refresh,
    /// Open the selected article's link in the browser.
    OpenLink,
    /// Fetch the selected article's full story from its link, in the
    /// background, in place of the summary its feed gave.
    FetchFullArticle,
    /// Show why the current quote has its speaker: the cue, the mention,
    /// every candidate with its score, and the confidence's facts.
    ExplainQuote,
    /// Move focus to the other pane.
    ToggleFocus,
    /// Move focus to the headline list.
    FocusList,
    /// Move focus to the reading pane.
    FocusReader,
    /// Next headline, or scroll down a row in the reading pane or help.
    Down,
    /// Previous headline, or scroll up a row in the reading pane or help.
    Up,
    /// A page down in the focused pane.
    PageDown,
    /// A page up in the focused pane.
    PageUp,
    /// First headline, or the top of the article.
    Top,
    /// Last headline, or the end of the article.
    Bottom,
    /// Open the selected headline in the reading pane and focus it.
    Open,
    /// Scroll to the next quotation, on to the next article after the last.
    NextQuote,
    /// Scroll to the previous quotation, back to the previous article before the first.
    PrevQuote,
    /// Open the speaker picker.
    OpenSpeakers,
    /// Drop the speaker filter and show every article.
    ClearFilter,
    /// Start typing a search over headlines and text.
    StartSearch,
    /// Open the speakers view: every speaker with counts, their quotes across articles.
    OpenSpeakerList,
    /// Sort the speakers view by the next of quote count, name, surname.
    ToggleSort,
    /// Star the current quote, or unstar it if starred.
    ToggleStar,
    /// Open the starred view: starred quotes across sessions.
    OpenStarred,
    /// Mark the selected article read, or unread if read.
    ToggleRead,
    /// Open the feeds view: the subscriptions with unread counts.
    OpenFeeds,
    /// Mark every article in the list read, or the highlighted feed's.
    MarkAllRead,
    /// Export the starred quotes, or the filtered speaker's, to a file.
    Export,
    /// Use the next export format.
    CycleFormat,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Show or hide the key help.
    ToggleHelp,
    /// Type a character into the picker or the search box.
    Input(char),
    /// Delete the last typed character.
    DeleteChar,
    /// Move the picker's selection down.
    PickerDown,
    /// Move the picker's selection up.
    PickerUp,
    /// Accept the picker's choice or the typed search.
    Confirm,
    /// Close the picker, search box or help without changing anything.
    Cancel,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell: rows to scroll, down when positive.
    Scroll {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Rows to scroll, down when positive.
        delta: i16,
    },
    /// A left click on a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
}

impl Action {
    /// A few words for the help screen and the footer.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Back => "back / quit",
            Action::Close => "close article / clear filter",
            Action::CycleLabels => "speaker labels: margin / paragraph / off",
            Action::CopyCitation => "copy quote as citation",
            Action::CopyQuote => "copy quote alone",
            Action::OpenMessages => "messages and problems",
            Action::Refresh => "refresh the subscriptions",
            Action::OpenLink => "open the link in the browser",
            Action::FetchFullArticle => "fetch the full article from its link",
            Action::ExplainQuote => "why this speaker",
            Action::ToggleFocus => "switch pane",
            Action::FocusList => "headline list",
            Action::FocusReader => "reading pane",
            Action::Down => "next headline / scroll down",
            Action::Up => "previous headline / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first headline / top",
            Action::Bottom => "last headline / end",
            Action::Open => "open",
            Action::NextQuote => "next quote",
            Action::PrevQuote => "previous quote",
            Action::OpenSpeakers => "speakers",
            Action::ClearFilter => "clear speaker filter",
            Action::StartSearch => "search",
            Action::OpenSpeakerList => "speakers view",
            Action::ToggleSort => "sort by count / name / surname",
            Action::ToggleStar => "star / unstar quote",
            Action::OpenStarred => "starred quotes",
            Action::ToggleRead => "mark read / unread",
            Action::OpenFeeds => "feeds",
            Action::MarkAllRead => "mark all read",
            Action::Export => "export quotes",
            Action::CycleFormat => "next format",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleHelp => "help",
            Action::Input(_) => "type to filter",
            Action::DeleteChar => "delete a character",
            Action::PickerDown => "next speaker",
            Action::PickerUp => "previous speaker",
            Action::Confirm => "apply",
            Action::Cancel => "close",
            Action::Resize(..) => "resize",
            Action::Scroll { .. } => "scroll",
            Action::Click { .. } => "select",
        }
    }
}
