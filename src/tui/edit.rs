//! Editing text in place: the cursor moves and deletes that editing actions do, by grapheme
//! (Backspace never splits an accent or an emoji), by word, and by line in multi-line text.
//!
//! `ratatui-textarea` was read and not taken: it counts the cursor in `char`s, so Backspace
//! after `é` written as `e` + U+0301 leaves the `e`, and arrows stop inside a cluster.

use unicode_segmentation::UnicodeSegmentation;

/// One editing step, as the keymap's `[input]` section names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    /// The start of the line the cursor is on.
    Home,
    End,
    /// One line up or down in multi-line text (same display column, or the line's end).
    Up,
    Down,
    Backspace,
    Delete,
    DeleteWordBack,
    DeleteWordForward,
    /// Deletes from the start of the line to the cursor.
    ClearToStart,
    /// Deletes from the cursor to the end of the line.
    ClearToEnd,
    Newline,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Changed,
    Moved,
    /// Nothing to do: the cursor is at the edge the edit goes towards (a form then moves to the
    /// next or previous field on Up and Down).
    AtEdge,
}

/// Text being edited and its cursor, a byte offset that is always on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub value: String,
    cursor: usize,
    /// Whether Enter-like newlines may enter the text.
    pub multiline: bool,
}

impl TextInput {
    /// `value` with the cursor at its end.
    pub fn new(value: impl Into<String>, multiline: bool) -> TextInput {
        let value = value.into();
        TextInput {
            cursor: value.len(),
            value,
            multiline,
        }
    }

    /// The cursor as a byte offset into [`TextInput::value`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the whole text; the cursor goes to the end.
    pub fn set(&mut self, value: impl Into<String>) {
        self.value = value.into();
        self.cursor = self.value.len();
    }

    /// Keeps at most `max` characters (a paste of a whole page into a one-line box).
    pub fn truncate_chars(&mut self, max: usize) {
        if let Some((at, _)) = self.value.char_indices().nth(max) {
            let at = self.boundary_at_or_before(at);
            self.value.truncate(at);
            self.cursor = self.cursor.min(at);
        }
    }

    /// Inserts typed or pasted text at the cursor. Control characters never enter; a newline
    /// (or `\r\n`) enters multi-line text and becomes a space in one-line text; a tab is a
    /// space. At most `room` characters are taken.
    pub fn insert(&mut self, typed: &str, room: usize) -> bool {
        let typed = typed.replace("\r\n", "\n");
        let clean: String = typed
            .chars()
            .map(|c| match c {
                '\n' if self.multiline => '\n',
                '\n' | '\r' | '\t' => ' ',
                c => c,
            })
            .filter(|c| *c == '\n' || !c.is_control())
            .take(room)
            .collect();
        if clean.is_empty() {
            return false;
        }
        self.value.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        // A combining mark typed after a letter joins its cluster: keep the cursor after it.
        self.cursor = self.boundary_at_or_after(self.cursor);
        true
    }

    /// Applies one edit.
    pub fn apply(&mut self, edit: Edit) -> Outcome {
        let moved_to = |input: &mut TextInput, to: usize| {
            if to == input.cursor {
                Outcome::AtEdge
            } else {
                input.cursor = to;
                Outcome::Moved
            }
        };
        match edit {
            Edit::Left => moved_to(self, self.prev_boundary(self.cursor)),
            Edit::Right => moved_to(self, self.next_boundary(self.cursor)),
            Edit::WordLeft => moved_to(self, self.word_start_before(self.cursor)),
            Edit::WordRight => moved_to(self, self.word_end_after(self.cursor)),
            Edit::Home => moved_to(self, self.line_start(self.cursor)),
            Edit::End => moved_to(self, self.line_end(self.cursor)),
            Edit::Up => match self.line_start(self.cursor) {
                0 => Outcome::AtEdge,
                start => {
                    let column = self.column(self.cursor);
                    let above = self.line_start(start - 1);
                    let to = self.at_column(above, column);
                    moved_to(self, to)
                }
            },
            Edit::Down => {
                let end = self.line_end(self.cursor);
                if end == self.value.len() {
                    Outcome::AtEdge
                } else {
                    let column = self.column(self.cursor);
                    let to = self.at_column(end + 1, column);
                    moved_to(self, to)
                }
            }
            Edit::Backspace => self.delete(self.prev_boundary(self.cursor), self.cursor),
            Edit::Delete => self.delete(self.cursor, self.next_boundary(self.cursor)),
            Edit::DeleteWordBack => self.delete(self.word_start_before(self.cursor), self.cursor),
            Edit::DeleteWordForward => self.delete(self.cursor, self.word_end_after(self.cursor)),
            Edit::ClearToStart => self.delete(self.line_start(self.cursor), self.cursor),
            Edit::ClearToEnd => self.delete(self.cursor, self.line_end(self.cursor)),
            Edit::Newline if self.multiline => {
                self.insert("\n", 1);
                Outcome::Changed
            }
            Edit::Newline => Outcome::AtEdge,
        }
    }

    fn delete(&mut self, from: usize, to: usize) -> Outcome {
        if from >= to {
            return Outcome::AtEdge;
        }
        self.value.replace_range(from..to, "");
        self.cursor = from;
        Outcome::Changed
    }

    fn graphemes(&self) -> impl DoubleEndedIterator<Item = (usize, &str)> {
        self.value.grapheme_indices(true)
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.graphemes()
            .rev()
            .find(|(i, _)| *i < at)
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.graphemes()
            .find(|(i, _)| *i > at)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn boundary_at_or_before(&self, at: usize) -> usize {
        self.graphemes()
            .rev()
            .find(|(i, _)| *i <= at)
            .map_or(0, |(i, _)| i)
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.graphemes()
            .find(|(i, _)| *i >= at)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// The start of the word before `at` (skipping spaces and punctuation first), as
    /// Ctrl-W and Alt-B do in a shell.
    fn word_start_before(&self, at: usize) -> usize {
        let mut start = at;
        let mut seen_word = false;
        for (i, piece) in self.value[..at].split_word_bound_indices().rev() {
            let is_word = piece.chars().any(char::is_alphanumeric);
            if piece.contains('\n') && (seen_word || i + piece.len() < at) {
                break;
            }
            if !in_run(is_word, &mut seen_word) {
                break;
            }
            start = i;
        }
        start
    }

    /// The end of the word after `at` (skipping spaces and punctuation first).
    fn word_end_after(&self, at: usize) -> usize {
        let mut end = at;
        let mut seen_word = false;
        for (i, piece) in self.value[at..].split_word_bound_indices() {
            let is_word = piece.chars().any(char::is_alphanumeric);
            if piece.contains('\n') && (seen_word || i > 0) {
                break;
            }
            if !in_run(is_word, &mut seen_word) {
                break;
            }
            end = at + i + piece.len();
        }
        end
    }

    fn line_start(&self, at: usize) -> usize {
        self.value[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.value[at..]
            .find('\n')
            .map_or(self.value.len(), |i| at + i)
    }

    /// The display column of `at` in its line.
    fn column(&self, at: usize) -> usize {
        crate::text::width(&self.value[self.line_start(at)..at])
    }

    /// The boundary in the line starting at `start` nearest to (not past) `column`.
    fn at_column(&self, start: usize, column: usize) -> usize {
        let end = self.line_end(start);
        let mut width = 0;
        for (i, grapheme) in self.value[start..end].grapheme_indices(true) {
            width += crate::text::width(grapheme);
            if width > column {
                return start + i;
            }
        }
        end
    }

    /// The cursor's line (0-based) and display column.
    pub fn cursor_row_column(&self) -> (usize, usize) {
        let row = self.value[..self.cursor].matches('\n').count();
        (row, self.column(self.cursor))
    }
}

/// Whether a piece joins the run a word move or delete takes: spaces and punctuation until
/// the first word, then that one word. `seen_word` says whether the word was reached.
fn in_run(is_word: bool, seen_word: &mut bool) -> bool {
    match (is_word, *seen_word) {
        (true, false) => {
            *seen_word = true;
            true
        }
        (false, false) => true,
        (_, true) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::new("", true);
        input.insert(text, usize::MAX);
        input
    }

    #[test]
    fn backspace_takes_a_whole_cluster() {
        // e + combining acute, a family emoji joined by ZWJs, a flag.
        let mut input = typed("cafe\u{301}👨‍👩‍👧🇨🇳");
        assert_eq!(input.apply(Edit::Backspace), Outcome::Changed);
        assert_eq!(input.value, "cafe\u{301}👨‍👩‍👧");
        input.apply(Edit::Backspace);
        assert_eq!(input.value, "cafe\u{301}");
        input.apply(Edit::Backspace);
        assert_eq!(input.value, "caf", "the accent goes with its letter");
        assert_eq!(input.apply(Edit::Left), Outcome::Moved);
        input.apply(Edit::Delete);
        assert_eq!(input.value, "ca");
    }

    #[test]
    fn arrows_never_stop_inside_a_cluster_and_typing_a_mark_joins_it() {
        let mut input = typed("ae\u{301}b");
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        assert_eq!(&input.value[input.cursor()..], "e\u{301}b");
        input.apply(Edit::Right);
        assert_eq!(&input.value[input.cursor()..], "b");
        let mut input = typed("e");
        input.insert("\u{301}", 10);
        assert_eq!(input.cursor(), input.value.len());
    }

    #[test]
    fn word_moves_and_deletes() {
        let mut input = typed("call back tomorrow, 张三");
        input.apply(Edit::DeleteWordBack);
        assert_eq!(input.value, "call back tomorrow, 张");
        input.apply(Edit::DeleteWordBack);
        input.apply(Edit::DeleteWordBack);
        assert_eq!(input.value, "call back ");
        input.apply(Edit::WordLeft);
        assert_eq!(&input.value[input.cursor()..], "back ");
        input.apply(Edit::Home);
        input.apply(Edit::DeleteWordForward);
        assert_eq!(input.value, " back ");
        input.apply(Edit::WordRight);
        assert_eq!(&input.value[input.cursor()..], " ");
        input.apply(Edit::ClearToStart);
        assert_eq!(input.value, " ");
    }

    #[test]
    fn lines_in_multiline_text_and_spaces_in_one_line_text() {
        let mut input = typed("first line\r\nsecond\nthird and last");
        assert_eq!(input.cursor_row_column(), (2, 14));
        input.apply(Edit::Up);
        assert_eq!(input.cursor_row_column(), (1, 6), "the shorter line's end");
        input.apply(Edit::Up);
        assert_eq!(input.cursor_row_column(), (0, 6));
        assert_eq!(input.apply(Edit::Up), Outcome::AtEdge);
        input.apply(Edit::ClearToEnd);
        assert_eq!(input.value, "first \nsecond\nthird and last");
        input.apply(Edit::Newline);
        assert_eq!(input.value, "first \n\nsecond\nthird and last");
        input.apply(Edit::End);
        input.apply(Edit::Down);
        assert_eq!(input.apply(Edit::Down), Outcome::Moved);
        assert_eq!(input.apply(Edit::Down), Outcome::AtEdge);

        let mut one = TextInput::new("", false);
        one.insert("a\nb\tc\u{1b}[31m", 100);
        assert_eq!(one.value, "a b c[31m");
        assert_eq!(one.apply(Edit::Newline), Outcome::AtEdge);
        one.truncate_chars(3);
        assert_eq!(one.value, "a b");
    }

    #[test]
    fn wide_characters_keep_their_column_across_lines() {
        let mut input = typed("张三李四\nabcdefgh");
        input.apply(Edit::Up);
        // Column 8 is past the first line's last cell: its end.
        assert_eq!(input.cursor_row_column(), (0, 8));
        input.apply(Edit::Left);
        input.apply(Edit::Down);
        assert_eq!(input.cursor_row_column(), (1, 6));
    }
}
