//! Where each pane sits on the screen. The app needs it to page, to keep the
//! selection and the current quote in view and to route mouse events; the ui
//! draws into the same areas, so the two cannot disagree.

use super::Focus;

/// Terminals narrower than this show one pane at a time.
pub const TWO_PANE_MIN_WIDTH: u16 = 80;

/// Rows taken by one headline in the list.
pub const ITEM_HEIGHT: u16 = 2;

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// The area inside a one-cell border.
    pub fn inner(self) -> Area {
        Area {
            x: self.x.saturating_add(1),
            y: self.y.saturating_add(1),
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }

    /// Whether the cell at (`column`, `row`) is inside.
    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && u32::from(column) < u32::from(self.x) + u32::from(self.width)
            && u32::from(row) < u32::from(self.y) + u32::from(self.height)
    }
}

/// The areas of one screen; a pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    /// The headline list, border included.
    pub list: Option<Area>,
    /// The reading pane, border included.
    pub reader: Option<Area>,
    /// The message line (problems, where `n` went).
    pub message: Option<Area>,
    /// The status bar.
    pub status: Option<Area>,
}

impl Screen {
    /// Splits a `width` × `height` terminal.
    pub fn new(width: u16, height: u16, focus: Focus, has_message: bool) -> Screen {
        let mut screen = Screen::default();
        let mut body = height;
        if height >= 2 {
            body -= 1;
            screen.status = Some(Area {
                x: 0,
                y: body,
                width,
                height: 1,
            });
        }
        if has_message && height >= 4 {
            body -= 1;
            screen.message = Some(Area {
                x: 0,
                y: body,
                width,
                height: 1,
            });
        }
        let whole = Area {
            x: 0,
            y: 0,
            width,
            height: body,
        };
        if width >= TWO_PANE_MIN_WIDTH {
            let list_width = (width * 2 / 5).clamp(30, 60);
            screen.list = Some(Area {
                width: list_width,
                ..whole
            });
            screen.reader = Some(Area {
                x: list_width,
                width: width - list_width,
                ..whole
            });
        } else if focus == Focus::List {
            screen.list = Some(whole);
        } else {
            screen.reader = Some(whole);
        }
        screen
    }
}

/// The reading pane's inside shows margin labels when it is at least this
/// wide (the margin then takes a quarter, and the text the rest).
pub const MARGIN_MIN_WIDTH: u16 = 70;

/// How the reading pane's inside is shared: the speaker margin, if shown,
/// and the text column, both limited to the reading width.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// The colour key (the article's speakers) across the top, if any.
    pub key: Option<Area>,
    /// Where the margin labels go (`None` unless margin labels are on and
    /// the pane is wide enough for them).
    pub margin: Option<Area>,
    /// Where the article's rows go.
    pub text: Area,
}

/// Splits the reading pane's inside `inner`: a margin when `margin` is
/// asked for and the pane is at least [`MARGIN_MIN_WIDTH`] wide, the text
/// at most `max_width` columns (0: no limit), the two together centred
/// when `centred`, else at the left.
pub fn reading(inner: Area, margin: bool, max_width: u16, centred: bool, key: u16) -> Reading {
    let margin_width = if margin && inner.width >= MARGIN_MIN_WIDTH {
        (inner.width / 4).clamp(12, 22)
    } else {
        0
    };
    let gap = u16::from(margin_width > 0);
    let room = inner.width.saturating_sub(margin_width + gap);
    let text_width = if max_width == 0 {
        room
    } else {
        room.min(max_width)
    };
    let used = margin_width + gap + text_width;
    let left = if centred {
        inner.x + (inner.width - used) / 2
    } else {
        inner.x
    };
    let key = key.min(inner.height / 2);
    let below = Area {
        y: inner.y + key,
        height: inner.height - key,
        ..inner
    };
    Reading {
        key: (key > 0).then_some(Area {
            x: left,
            width: used,
            height: key,
            ..inner
        }),
        margin: (margin_width > 0).then_some(Area {
            x: left,
            width: margin_width,
            ..below
        }),
        text: Area {
            x: left + margin_width + gap,
            width: text_width,
            ..below
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes_side_by_side() {
        let s = Screen::new(120, 40, Focus::List, false);
        let (list, reader) = (s.list.expect("list"), s.reader.expect("reader"));
        assert_eq!(list.width + reader.width, 120);
        assert_eq!(reader.x, list.width);
        assert_eq!(list.height, 39);
        assert_eq!(
            s.status,
            Some(Area {
                x: 0,
                y: 39,
                width: 120,
                height: 1
            })
        );
    }

    #[test]
    fn narrow_screens_show_the_focused_pane_only() {
        let s = Screen::new(60, 20, Focus::Reader, true);
        assert!(s.list.is_none());
        assert_eq!(s.reader.map(|a| a.height), Some(18));
        assert!(s.message.is_some());
    }

    #[test]
    fn the_text_keeps_to_the_reading_width_with_the_margin_beside_it() {
        let inner = Area {
            x: 10,
            y: 1,
            width: 120,
            height: 30,
        };
        let r = reading(inner, true, 80, true, 2);
        assert_eq!(r.key.map(|k| (k.y, k.height, k.width)), Some((1, 2, 103)));
        assert_eq!((r.text.y, r.text.height), (3, 28));
        let m = r.margin.expect("wide enough for a margin");
        assert_eq!((m.width, r.text.width), (22, 80));
        assert_eq!(r.text.x, m.x + m.width + 1);
        assert_eq!(m.x - inner.x, (120 - (22 + 1 + 80)) / 2, "centred");
        let left = reading(inner, true, 80, false, 0);
        assert_eq!(left.margin.map(|m| m.x), Some(10));
        let narrow = reading(Area { width: 60, ..inner }, true, 80, true, 0);
        assert_eq!((narrow.margin, narrow.text.width), (None, 60));
        let unlimited = reading(
            Area {
                width: 200,
                ..inner
            },
            false,
            0,
            true,
            0,
        );
        assert_eq!((unlimited.text.x, unlimited.text.width), (10, 200));
    }

    #[test]
    fn tiny_screens_do_not_underflow() {
        let s = Screen::new(1, 1, Focus::List, true);
        assert_eq!(s.list.map(|a| a.inner().height), Some(0));
        assert!(s.status.is_none() && s.message.is_none());
        assert!(!Area::default().contains(0, 0));
    }
}
