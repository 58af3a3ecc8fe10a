//! Selection and scrolling of a list that may hold a million rows: only the offset and the
//! selected index are kept; panes draw just the rows in view.

use super::action::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// First row in view.
    pub offset: usize,
}

impl ListCursor {
    /// Applies a movement action for a list of `len` rows showing `page` at a time; returns
    /// whether the action was a movement.
    pub fn apply(&mut self, action: Action, len: usize, page: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        self.selected = match action {
            Action::Down => (self.selected + 1).min(last),
            Action::Up => self.selected.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageDown => (self.selected + page).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            _ => return false,
        };
        self.scroll_into_view(page);
        true
    }

    /// Keeps the selection inside `len` rows and in view.
    pub fn clamp(&mut self, len: usize, page: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.scroll_into_view(page.max(1));
    }

    fn scroll_into_view(&mut self, page: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }

    /// The rows in view: `offset..offset+page` cut to `len`.
    /// The page is kept full at the end of the list and always holds the selection, even when
    /// the page size changed since the last movement.
    pub fn visible(&self, len: usize, page: usize) -> std::ops::Range<usize> {
        let selected = self.selected.min(len.saturating_sub(1));
        let mut start = self.offset.min(len.saturating_sub(page));
        if page > 0 && selected >= start + page {
            start = selected + 1 - page;
        }
        start..(start + page).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_and_scrolls() {
        let mut c = ListCursor::default();
        c.apply(Action::Bottom, 1_000_000, 20);
        assert_eq!((c.selected, c.offset), (999_999, 999_980));
        c.apply(Action::PageUp, 1_000_000, 20);
        assert_eq!((c.selected, c.offset), (999_979, 999_979));
        c.apply(Action::Top, 1_000_000, 20);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.apply(Action::Up, 1_000_000, 20);
        assert_eq!(c.selected, 0);
        assert!(!c.apply(Action::Open, 10, 5));
        c.apply(Action::Down, 0, 5);
        assert_eq!(c.selected, 0);
        c = ListCursor {
            selected: 50,
            offset: 45,
        };
        c.clamp(10, 5);
        assert_eq!((c.selected, c.offset), (9, 9));
        assert_eq!(c.visible(10, 5), 5..10);
        c.selected = 99;
        assert_eq!(
            c.visible(10, 5),
            5..10,
            "a selection past the end never breaks the range"
        );
    }
}
