//! The small structures the text importer keeps as it goes: a paragraph's
//! joined text, a character set, the footnote markers cited so far.

use std::collections::{BTreeMap, HashMap, HashSet};

/// How much of the piece before a line-break hyphen is looked at (for a
/// compound) and recorded in its [`Join`], in characters: its end. A "word"
/// run on over very many lines would otherwise be gone through, and copied,
/// whole at every join; the words whose hyphen is kept are far shorter.
pub(super) const MAX_PIECE: usize = 100;

/// The last [`MAX_PIECE`] characters of `s`.
pub(super) fn tail(s: &str) -> &str {
    match s.char_indices().rev().nth(MAX_PIECE - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// `left` as a [`Join`] records it: the whole piece, or `…` and its end.
pub(super) fn piece(left: &str) -> String {
    let end = tail(left);
    if end.len() < left.len() {
        format!("…{end}")
    } else {
        end.to_owned()
    }
}

/// A paragraph's text as its lines are joined, with where its last word
/// starts and the hyphens in that word, so that the pieces of a split word
/// are found without searching back through the text.
#[derive(Default)]
pub(super) struct Joined {
    pub(super) text: String,
    /// The byte where the last word (after the last space) starts.
    pub(super) word: usize,
    /// The bytes of the hyphens in the last word.
    pub(super) hyphens: Vec<usize>,
}

impl Joined {
    pub(super) fn push(&mut self, s: &str) {
        let base = self.text.len();
        self.text.push_str(s);
        let from = match s.rfind(' ') {
            Some(space) => {
                self.word = base + space + 1;
                self.hyphens.clear();
                space + 1
            }
            None => 0,
        };
        self.hyphens
            .extend(s[from..].match_indices('-').map(|(i, _)| base + from + i));
    }

    /// Of a text ending with a hyphen: the last word before that hyphen, and
    /// its part after the hyphen before (all of it if there is none).
    pub(super) fn split_word(&self) -> (&str, &str) {
        let end = self.text.len() - 1;
        let left = &self.text[self.word..end];
        // The last hyphen is the one at `end`: the one before it is at most
        // one step back.
        let part = self
            .hyphens
            .iter()
            .rev()
            .find(|h| **h < end)
            .map_or(self.word, |h| h + 1);
        (left, &self.text[part..end])
    }

    /// Removes the hyphen the text ends with.
    pub(super) fn pop_hyphen(&mut self) {
        if self.text.pop() == Some('-') && self.hyphens.last() == Some(&self.text.len()) {
            self.hyphens.pop();
        }
    }
}

/// A set of characters, a table for the first 256.
pub(super) struct CharSet {
    pub(super) latin: [bool; 256],
    pub(super) others: Vec<char>,
}

impl CharSet {
    pub(super) fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet {
            latin: [false; 256],
            others: Vec::new(),
        };
        for c in chars {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < 256 => set.latin[i] = true,
                _ => set.others.push(c),
            }
        }
        set.others.sort_unstable();
        set.others.dedup();
        set
    }

    pub(super) fn contains(&self, c: char) -> bool {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 256 => self.latin[i],
            _ => self.others.binary_search(&c).is_ok(),
        }
    }
}

/// Adds a word to marked-up text: a space between words, and where the last
/// word starts.
pub(super) fn push_word(out: &mut String, last: &mut Option<usize>, w: &str) {
    if last.is_some() {
        out.push(' ');
    }
    *last = Some(out.len());
    out.push_str(w);
}

/// The footnote markers the notes define and those the text has cited so
/// far, in sets and a sorted map (not lists searched at every word).
pub(super) struct Cites {
    /// Every marker a note defines.
    pub(super) known: HashSet<String>,
    /// The markers cited so far.
    pub(super) cited: HashSet<String>,
    /// The markers not cited yet, by number, then by first definition: the
    /// first is the next footnote in order.
    pub(super) uncited: BTreeMap<(u32, usize), String>,
    /// Each marker's key in `uncited`.
    pub(super) keys: HashMap<String, (u32, usize)>,
}

impl Cites {
    pub(super) fn new(notes: &[(String, String, usize)]) -> Cites {
        let mut keys = HashMap::new();
        for (i, (marker, _, _)) in notes.iter().enumerate() {
            keys.entry(marker.clone())
                .or_insert((marker.parse::<u32>().unwrap_or(u32::MAX), i));
        }
        Cites {
            known: keys.keys().cloned().collect(),
            cited: HashSet::new(),
            uncited: keys.iter().map(|(m, k)| (*k, m.clone())).collect(),
            keys,
        }
    }

    pub(super) fn known(&self, marker: &str) -> bool {
        self.known.contains(marker)
    }

    /// Whether weak evidence for `marker` counts: it is already cited, or it
    /// is the next footnote in order.
    pub(super) fn plausible(&self, marker: &str) -> bool {
        self.cited.contains(marker)
            || self
                .uncited
                .first_key_value()
                .is_some_and(|(_, m)| m == marker)
    }

    pub(super) fn cite(&mut self, marker: &str) {
        if self.cited.insert(marker.to_owned()) {
            if let Some(key) = self.keys.get(marker) {
                self.uncited.remove(key);
            }
        }
    }
}
