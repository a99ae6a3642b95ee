//! Moving around: the list selection, the reader's scroll, quotes, search hits
//! and the mouse.

use std::collections::HashSet;

use super::geometry::{Area, ITEM_HEIGHT, Screen};
use super::search::{self, Hit};
use super::{App, Effect, Focus, Reader};
use crate::layout::{Labels, Source};

impl App {
    /// The reading pane's inner area, as it is or would be when shown.
    pub(super) fn reader_inner(&self) -> Area {
        let screen = Screen::new(self.size.0, self.size.1, Focus::Reader, self.has_message());
        screen.reader.map(Area::inner).unwrap_or_default()
    }

    /// How many headlines the list shows at once (at least one).
    pub(super) fn list_page(&self) -> usize {
        let screen = Screen::new(self.size.0, self.size.1, Focus::List, self.has_message());
        let rows = screen.list.map_or(0, |a| a.inner().height);
        usize::from(rows / ITEM_HEIGHT).max(1)
    }

    fn reader_page(&self) -> usize {
        usize::from(self.reading().text.height).max(1)
    }

    fn max_scroll(&self) -> usize {
        let height = usize::from(self.reading().text.height);
        self.reader.layout.rows.len().saturating_sub(height)
    }

    /// Selects headline `i` of the list and shows it in the reading pane.
    pub(super) fn select(&mut self, i: usize) {
        self.selected = i.min(self.shown.len().saturating_sub(1));
        let entry = self.shown.get(self.selected).copied();
        if entry != self.reader.entry {
            self.hold_text(entry);
            self.reader = Reader {
                entry,
                ..Reader::default()
            };
            self.relayout();
        }
        self.keep_in_view();
    }

    /// Keeps the text of `entry` alone among those that can be read back:
    /// the one the reader opened before lets its text go, and `entry`'s is
    /// read back from its file (a file changed since loading says so).
    fn hold_text(&mut self, entry: Option<usize>) {
        if let Some(old) = self
            .reader
            .entry
            .and_then(|e| self.corpus.entries.get_mut(e))
        {
            old.drop_text();
        }
        let Some(new) = entry.and_then(|e| self.corpus.entries.get_mut(e)) else {
            return;
        };
        if let Err(e) = new.restore_text() {
            self.message = Some(e.to_string());
        }
    }

    /// Lays the open article out again when the pane's width changed.
    pub(super) fn relayout(&mut self) {
        let reading = self.reading();
        let width = reading.text.width.max(1);
        let labels = match self.labels {
            Labels::Margin if reading.margin.is_none() => Labels::Paragraph,
            chosen => chosen,
        };
        let Some(entry) = self.open_entry() else {
            self.reader.layout = Default::default();
            return;
        };
        let lay = &self.reader.layout;
        if lay.width != width || lay.labels != labels || lay.rows.is_empty() {
            self.reader.layout = (self.layout_fn)(entry, width, labels);
        }
    }

    /// Keeps the selection in the list's view and the reader's scroll in range.
    pub(super) fn keep_in_view(&mut self) {
        let page = self.list_page();
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + page {
            self.list_top = self.selected + 1 - page;
        }
        self.list_top = self.list_top.min(self.shown.len().saturating_sub(page));
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }

    fn scroll_to_row(&mut self, row: usize) {
        let height = self.reader_page();
        if row < self.reader.scroll || row >= self.reader.scroll + height {
            self.reader.scroll = row.saturating_sub(height / 3);
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }

    fn scroll_by(&mut self, delta: isize) {
        self.reader.scroll = self
            .reader
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.select(self.selected.saturating_add_signed(delta)),
            Focus::Reader => self.scroll_by(delta),
        }
    }

    pub(super) fn page(&mut self, direction: isize) {
        match self.focus {
            Focus::List => self.move_by(direction * self.list_page() as isize),
            Focus::Reader => self.scroll_by(direction * self.reader_page() as isize),
        }
    }

    pub(super) fn move_to_end(&mut self, end: bool) {
        match (self.focus, end) {
            (Focus::List, false) => self.select(0),
            (Focus::List, true) => self.select(self.shown.len().saturating_sub(1)),
            (Focus::Reader, false) => self.reader.scroll = 0,
            (Focus::Reader, true) => self.reader.scroll = self.max_scroll(),
        }
    }

    /// Goes to the next (or previous) visited quote, on to the next (or
    /// previous) article with one past the end.
    pub(super) fn next_quote(&mut self, forward: bool) {
        if let Some(q) = self
            .reader
            .entry
            .and_then(|e| self.quote_after(e, self.reader.quote, forward))
        {
            self.show_quote(q);
            return;
        }
        let steps: Box<dyn Iterator<Item = usize>> = if forward {
            Box::new(self.selected + 1..self.shown.len())
        } else {
            Box::new((0..self.selected).rev())
        };
        for i in steps {
            let Some(&entry) = self.shown.get(i) else {
                continue;
            };
            if let Some(q) = self.quote_after(entry, None, forward) {
                let title = self.corpus.entries[entry].article.title.clone();
                self.select(i);
                self.show_quote(q);
                let which = if forward { "Next" } else { "Previous" };
                self.message = Some(format!("{which} article with quotes: {title}"));
                return;
            }
        }
        let edge = if forward { "last" } else { "first" };
        self.message = Some(format!("That was the {edge} quote"));
    }

    /// The first visited quote of `entry` after (or before) `from`.
    fn quote_after(&self, entry: usize, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.corpus.entries.get(entry)?.quotes.len();
        if forward {
            let start = from.map_or(0, |q| q + 1);
            (start..n).find(|&q| self.is_visited(entry, q))
        } else {
            let end = from.unwrap_or(n).min(n);
            (0..end).rev().find(|&q| self.is_visited(entry, q))
        }
    }

    pub(super) fn show_quote(&mut self, q: usize) {
        self.reader.quote = Some(q);
        if let Some(&row) = self.reader.layout.quote_rows.get(q) {
            self.scroll_to_row(row);
        }
    }

    pub(super) fn start_search(&mut self, query: String) {
        self.search.current = None;
        self.search.searching = false;
        if query.is_empty() {
            self.search = Default::default();
            return;
        }
        if search::reads_back(&self.corpus.entries, &self.shown) {
            // Texts are read back from their files: searched on another
            // thread, the hits coming in as found (`take_hits`).
            let job = search::TextSearch::new(&self.corpus.entries, &self.shown, &query);
            self.search.hits = Vec::new();
            self.search.query = Some(query.clone());
            self.search.searching = true;
            self.message = Some(format!("Searching for “{query}”…"));
            self.effects.push(Effect::SearchText(Box::new(job)));
            return;
        }
        self.search.hits = search::find(&self.corpus.entries, &self.shown, &query);
        self.search.query = Some(query.clone());
        self.tell_hits(true);
    }

    /// Takes hits of the running text search of `query` (stale ones,
    /// of a search replaced since, are dropped). The first hit at or after
    /// the selected article is gone to as soon as it comes.
    pub(super) fn take_hits(&mut self, query: &str, hits: Vec<Hit>, done: bool) {
        if !self.search.searching || self.search.query.as_deref() != Some(query) {
            return;
        }
        let room = search::MAX_HITS.saturating_sub(self.search.hits.len());
        self.search.hits.extend(hits.into_iter().take(room));
        self.search.searching = !done;
        if self.search.current.is_none() {
            let ahead: HashSet<usize> = self.shown.iter().skip(self.selected).copied().collect();
            if let Some(i) = self
                .search
                .hits
                .iter()
                .position(|h| ahead.contains(&h.entry))
            {
                self.go_to_hit(i);
            }
        }
        if done {
            self.tell_hits(self.search.current.is_none());
        }
    }

    /// Says how many hits the search found, going to the first at or after
    /// the selected article first when `go`.
    fn tell_hits(&mut self, go: bool) {
        let Some(query) = self.search.query.clone() else {
            return;
        };
        let found = self.search.hits.len();
        if found == 0 {
            self.message = Some(format!("No match for “{query}”"));
            return;
        }
        // Start at the selected article or the first after it, so a search
        // reads on from here; hits are in list order.
        let ahead: HashSet<usize> = self.shown.iter().skip(self.selected).copied().collect();
        let first = self
            .search
            .hits
            .iter()
            .position(|h| ahead.contains(&h.entry))
            .unwrap_or(0);
        if go {
            self.go_to_hit(first);
        }
        let counted = if found >= search::MAX_HITS {
            format!("{found}+ matches")
        } else {
            crate::text::plural(found, "match")
        };
        self.message = Some(format!("{counted} for “{query}”"));
    }

    pub(super) fn next_match(&mut self, forward: bool) {
        let n = self.search.hits.len();
        if n == 0 {
            self.message = Some("No search: press / to search".to_string());
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let wrapped = self
            .search
            .current
            .is_some_and(|c| if forward { next <= c } else { next >= c });
        self.go_to_hit(next);
        if wrapped {
            let edge = if forward { "first" } else { "last" };
            self.message = Some(format!("Search wrapped to the {edge} match"));
        }
    }

    fn go_to_hit(&mut self, i: usize) {
        let Some(Hit { entry, at }) = self.search.hits.get(i).copied() else {
            return;
        };
        self.search.current = Some(i);
        if let Some(pos) = self.shown.iter().position(|&e| e == entry) {
            self.select(pos);
        }
        self.reader.quote = None;
        match at.and_then(|at| self.row_of(at)) {
            Some(row) => self.scroll_to_row(row),
            None => self.reader.scroll = 0,
        }
    }

    /// Lays the article out for a new size, keeping the current quote in
    /// view, or else the text that was at the top.
    pub(super) fn resize_reader(&mut self) {
        let top = self
            .reader
            .layout
            .rows
            .get(self.reader.scroll)
            .and_then(|row| {
                row.segs.iter().find_map(|s| match &s.source {
                    Source::Text(r) => Some(r.start),
                    Source::Owned(_) => None,
                })
            });
        let at_top = self.reader.scroll == 0;
        self.relayout();
        let quote_row = self
            .reader
            .quote
            .and_then(|q| self.reader.layout.quote_rows.get(q));
        if let Some(&row) = quote_row {
            self.reader.scroll = row;
            self.scroll_to_row(row);
        } else if let Some(row) = top.filter(|_| !at_top).and_then(|at| self.row_of(at)) {
            self.reader.scroll = row;
        }
        self.keep_in_view();
    }

    /// The first row showing text at or after byte `at` of the article.
    fn row_of(&self, at: usize) -> Option<usize> {
        self.reader.layout.rows.iter().position(|row| {
            row.segs
                .iter()
                .any(|s| matches!(&s.source, Source::Text(r) if r.end > at))
        })
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, delta: i16) {
        let screen = self.screen();
        if screen.list.is_some_and(|a| a.contains(column, row)) {
            self.select(
                self.selected
                    .saturating_add_signed(isize::from(delta.signum())),
            );
        } else if screen.reader.is_some_and(|a| a.contains(column, row)) {
            self.scroll_by(isize::from(delta));
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let screen = self.screen();
        if let Some(list) = screen.list.filter(|a| a.contains(column, row)) {
            self.focus = Focus::List;
            let inner = list.inner();
            if inner.contains(column, row) {
                let item = self.list_top + usize::from((row - inner.y) / ITEM_HEIGHT);
                if item < self.shown.len() {
                    self.select(item);
                }
            }
        } else if screen.reader.is_some_and(|a| a.contains(column, row)) {
            self.focus = Focus::Reader;
        }
    }
}
