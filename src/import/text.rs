//! Importing the plain text of a printed resolution (as `pdftotext` gives it).
//!
//! Page furniture (rule lines, running heads, job numbers, page numbers,
//! masthead lines) is dropped and reported; footnote blocks are read wherever a
//! rule line puts them; lines are joined into paragraphs, line-break hyphens
//! removed except in compounds; footnote markers glued to words ("organisée1")
//! or spaced ("enfants 2 ,") become `[^n]`; lead words come from the lexicon.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{squeeze, Lexicon};
use crate::check::letter;
use crate::error::{Error, Location, Result};
use crate::model::{
    Annex, Date, Footnote, Meeting, OperativeParagraph, Organ, PreambularParagraph, Resolution,
    SubParagraph,
};

/// What an import produced and what it set aside.
#[derive(Debug, Clone)]
pub struct Import {
    /// The resolution.
    pub resolution: Resolution,
    /// Lines dropped as page furniture, with why.
    pub dropped: Vec<Dropped>,
    /// Words joined across a line break.
    pub joins: Vec<Join>,
    /// What could not be structured (its text is kept).
    pub warnings: Vec<Warning>,
}

/// A dropped line.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// 1-based line number.
    pub line: usize,
    /// What it was: "rule", "page number", "running head", "job number", "masthead" …
    pub kind: &'static str,
    /// The line's text.
    pub text: String,
}

/// Two pieces of a word split at a line end, joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    /// The line of the first piece.
    pub line: usize,
    /// The piece before the hyphen (its last 100 characters after `…` when
    /// it is longer).
    pub left: String,
    /// The piece on the next line.
    pub right: String,
    /// True when the hyphen is part of a compound and was kept.
    pub kept_hyphen: bool,
}

/// Something the importer could not structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// 1-based line number.
    pub line: usize,
    /// What happened and what was done with the text.
    pub message: String,
}

static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^_{3,}$").expect("valid"));
static NOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})(?: +(\S.*))?$").expect("valid"));
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(/\d{1,3})?$").expect("valid"));
static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]\.)?\d{2}-\d{5}(?: ?\([A-Z]\))?(?:\s+\d{6}){0,2}\s*$").expect("valid")
});
static BARCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\d{5,}\*$").expect("valid"));
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z]{1,2}/(?:[A-Z0-9.-]+/)*RES/[0-9A-Z/.-]+(?: \(\d{4}\))?$").expect("valid")
});
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4}/\d{1,4})\.\s+(\S.*)$").expect("valid"));
static OPERATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+(\S.*)$").expect("valid"));
static SUB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?([a-z]{1,2})\)\s+(\S.*)$").expect("valid"));
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*\p{L}[’'»)]?[,.;:]?)(\d{1,3})([,.;:)»]*)$").expect("valid"));
/// A year range with a marker glued to it: "2014–20243" is 2014–2024 and note 3.
static YEARS_GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4}(?:[–-]\d{4})?[,.;:]?)(\d{1,3})([,.;:)]*)$").expect("valid")
});
static SYMBOL_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Z]{1,2}/(?:[A-Z0-9.-]+/)*RES/[0-9A-Z/.-]+(?: \(\d{4}\))?").expect("valid")
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})(?:er)? (\p{L}+) (\d{4})$").expect("valid"));

/// Organ names as printed on mastheads.
const ORGAN_NAMES: [&str; 8] = [
    "General Assembly",
    "Economic and Social Council",
    "Security Council",
    "Human Rights Council",
    "Assemblée générale",
    "Conseil économique et social",
    "Conseil de sécurité",
    "Conseil des droits de l’homme",
];

/// Whether a paragraph's last line ends a sentence part (`,` `;` `:` `.`),
/// a footnote marker after the punctuation allowed ("launched,1").
fn ends_complete(line: &str) -> bool {
    let t = line.trim_end_matches(['»', '"', '”', ')', ' ']);
    let without_marker = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = if without_marker.len() < t.len() && without_marker.ends_with([',', ';', ':', '.']) {
        without_marker
    } else {
        t
    };
    t.ends_with([',', ';', ':', '.'])
}

/// Reads the text of a printed resolution.
pub fn import(text: &str, path: &Path, lexicons: &[Lexicon]) -> Result<Import> {
    if text.trim().is_empty() {
        return Err(Error::data(format!("{} is empty", path.display()))
            .hint("give the text of a resolution, as pdftotext writes it"));
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 0 {
        return Err(Error::data(format!(
            "{} looks like a binary file, not text",
            path.display()
        ))
        .hint("extract the text first, for example with `pdftotext -layout FILE.pdf`"));
    }
    let lexicon = choose_lexicon(text, path, lexicons)?;
    let mut state = Importer::new(lexicon);
    state.read(text);
    state.finish(path)
}

/// The lexicon whose enacting formula appears in the text.
fn choose_lexicon<'a>(text: &str, path: &Path, lexicons: &'a [Lexicon]) -> Result<&'a Lexicon> {
    if let [only] = lexicons {
        return Ok(only);
    }
    for line in text.lines().take(400) {
        if let Some(l) = lexicons.iter().find(|l| l.formula(line).is_some()) {
            return Ok(l);
        }
    }
    Err(Error::data(format!(
        "cannot tell the language of {}: no enacting formula found",
        path.display()
    ))
    .hint(
        "pass --lang (fr, en …); the formulas resolute knows are in templates/import/<lang>.yaml",
    ))
}

/// A line of the body, after furniture is taken out.
#[derive(Debug, Clone)]
struct Line {
    no: usize,
    text: String,
    indented: bool,
    after_blank: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Head,
    Preamble,
    Operative,
    Closing,
    Annex,
}

#[derive(Debug, Clone)]
enum Kind {
    Title,
    Preamble,
    Operative(u32),
    Sub(String),
    AnnexTitle,
    AnnexParagraph,
}

#[derive(Debug, Clone)]
struct Para {
    kind: Kind,
    lines: Vec<(usize, String)>,
}

/// A paragraph after joining, before markers and leads.
struct Built {
    kind: Kind,
    line: usize,
    text: String,
}

struct Importer<'a> {
    lexicon: &'a Lexicon,
    /// The masthead phrases and organ names, longest first.
    masthead_phrases: Vec<&'a str>,
    /// The characters of those phrases.
    masthead_chars: CharSet,
    /// The lexicon's number words, in lower case.
    number_words: Vec<String>,
    dropped: Vec<Dropped>,
    joins: Vec<Join>,
    warnings: Vec<Warning>,
    notes: Vec<(String, String, usize)>,
    body: Vec<Line>,
    symbol: Option<String>,
    date: Option<Date>,
    number: Option<String>,
    organ: Option<Organ>,
    meeting_name: Option<(String, usize)>,
    meeting: Option<Meeting>,
}

impl<'a> Importer<'a> {
    fn new(lexicon: &'a Lexicon) -> Self {
        let mut masthead_phrases: Vec<&str> = lexicon
            .masthead_lines
            .iter()
            .map(String::as_str)
            .chain(ORGAN_NAMES)
            .collect();
        masthead_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Importer {
            lexicon,
            masthead_chars: CharSet::new(masthead_phrases.iter().flat_map(|p| p.chars())),
            masthead_phrases,
            number_words: lexicon
                .number_words
                .iter()
                .map(|n| n.to_lowercase())
                .collect(),
            dropped: Vec::new(),
            joins: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
            body: Vec::new(),
            symbol: None,
            date: None,
            number: None,
            organ: None,
            meeting_name: None,
            meeting: None,
        }
    }

    fn drop_line(&mut self, no: usize, kind: &'static str, text: &str) {
        self.dropped.push(Dropped {
            line: no,
            kind,
            text: text.to_owned(),
        });
    }

    /// Pass 1: page furniture and footnote blocks out, body lines kept.
    fn read(&mut self, text: &str) {
        let mut in_notes = false;
        let mut after_blank = false;
        for (i, raw) in text.split('\n').enumerate() {
            let no = i + 1;
            let page_break = raw.contains('\u{c}');
            let raw = raw.replace('\u{c}', "");
            let raw = raw.trim_end();
            let t = raw.trim();
            if page_break {
                in_notes = false;
            }
            if t.is_empty() {
                after_blank = true;
                continue;
            }
            let indented = raw.starts_with(char::is_whitespace);
            if RULE.is_match(t) {
                self.drop_line(no, "rule", t);
                in_notes = true;
                continue;
            }
            if in_notes {
                if let Some(c) = NOTE_START.captures(t) {
                    let text = c.get(2).map_or(String::new(), |m| squeeze(m.as_str()));
                    self.notes.push((c[1].to_owned(), text, no));
                    continue;
                }
                let ends_note = self.notes.last().is_none_or(|(_, n, _)| n.ends_with('.'))
                    && t.starts_with(|c: char| c.is_lowercase());
                if indented || ends_note || OPERATIVE.is_match(t) || SUB.is_match(t) {
                    in_notes = false;
                } else if let Some(last) = self.notes.last_mut() {
                    // Appended in place: a note of many lines is not copied
                    // once per line.
                    if !last.1.is_empty() {
                        last.1.push(' ');
                    }
                    last.1.push_str(&squeeze(t));
                    continue;
                } else {
                    in_notes = false;
                }
            }
            if let Some(kind) = self.furniture(t) {
                self.drop_line(no, kind, t);
                continue;
            }
            self.body.push(Line {
                no,
                text: squeeze(t),
                indented,
                after_blank,
            });
            after_blank = false;
        }
    }

    /// What kind of page furniture a line is, if it is one.
    fn furniture(&mut self, t: &str) -> Option<&'static str> {
        if PAGE_NUMBER.is_match(t) {
            return Some("page number");
        }
        if JOB_NUMBER.is_match(t) {
            return Some("job number");
        }
        if BARCODE.is_match(t) {
            return Some("barcode");
        }
        if SYMBOL.is_match(t) {
            return Some(match &self.symbol {
                None => {
                    self.symbol = Some(t.to_owned());
                    "masthead symbol (kept as `source`)"
                }
                Some(_) => "running head",
            });
        }
        if let Some(symbol) = &self.symbol {
            // Compared in place (no copy of the symbol per line).
            if t.strip_prefix(symbol.as_str())
                .is_some_and(|r| r.starts_with(' '))
                || t.strip_suffix(symbol.as_str())
                    .is_some_and(|r| r.ends_with(' '))
            {
                return Some("running head");
            }
        }
        let mut rest = squeeze(t);
        if let Some(m) = SYMBOL_IN_LINE.find(&rest) {
            let without = format!("{} {}", &rest[..m.start()], &rest[m.end()..]);
            if self.only_masthead_words(&without) && self.symbol.is_none() {
                self.symbol = Some(m.as_str().to_owned());
                return Some("masthead symbol (kept as `source`)");
            }
            rest = without;
        }
        if self.only_masthead_words(&rest) {
            return Some("masthead");
        }
        None
    }

    /// Whether a line holds nothing but masthead phrases and organ names.
    fn only_masthead_words(&self, line: &str) -> bool {
        // A character no phrase has cannot be taken out by the replacements
        // below: most lines are told apart by that, without them.
        if line
            .chars()
            .any(|c| !c.is_whitespace() && !self.masthead_chars.contains(c))
        {
            return false;
        }
        let mut rest = squeeze(line);
        for p in &self.masthead_phrases {
            rest = rest.replace(p, " ");
        }
        rest.trim().is_empty() && !line.trim().is_empty()
    }

    /// Pass 2: body lines into paragraphs; then the resolution.
    fn finish(mut self, path: &Path) -> Result<Import> {
        let lines = std::mem::take(&mut self.body);
        let mut section = Section::Head;
        let mut paras: Vec<Para> = Vec::new();
        let mut formula: Option<String> = None;
        let mut expect_meeting_date = false;
        let mut pending: Vec<(usize, String)> = Vec::new();
        let mut adoption: Option<(String, usize)> = None;
        let mut after_adopted_heading = false;
        let mut annexes: Vec<Annex> = Vec::new();
        // How many operative paragraphs `paras` holds (counted as they come,
        // not by going through `paras` at every line).
        let mut operatives: u32 = 0;
        // Whether the last line of the last paragraph ends complete, for
        // (paragraphs, lines of the last one): lines that leave the paragraphs
        // as they are do not look at that line again.
        let mut last_complete: Option<((usize, usize), bool)> = None;
        for line in &lines {
            let t = line.text.as_str();
            // A paragraph may start once the previous one is complete: it ends
            // with punctuation, or it is the title (the formula came between).
            let complete = match paras.last() {
                None => true,
                Some(p) if matches!(p.kind, Kind::Title) => true,
                Some(p) => {
                    let key = (paras.len(), p.lines.len());
                    match last_complete {
                        Some((k, c)) if k == key => c,
                        _ => {
                            let c = p.lines.last().is_some_and(|(_, l)| ends_complete(l));
                            last_complete = Some((key, c));
                            c
                        }
                    }
                }
            };
            if expect_meeting_date {
                expect_meeting_date = false;
                if let Some(date) = self.parse_date(t) {
                    if let Some((name, _)) = self.meeting_name.take() {
                        self.meeting = Some(Meeting { name, date });
                    }
                    self.drop_line(line.no, "meeting date (kept as `meeting.date`)", t);
                    continue;
                }
            }
            if section == Section::Head {
                if let Some((start, first_no)) = adoption.take() {
                    self.adoption_line(&format!("{start} {t}"), first_no, true);
                    self.drop_line(line.no, "adoption line (continued)", t);
                    continue;
                }
                if self
                    .lexicon
                    .adopted_heading
                    .as_ref()
                    .is_some_and(|h| t.starts_with(h.as_str()))
                {
                    self.drop_line(line.no, "masthead", t);
                    after_adopted_heading = true;
                    continue;
                }
                if after_adopted_heading {
                    let date_text = t.split_once(' ').map_or(t, |(_, d)| d);
                    if let Some(date) = self.parse_date(date_text) {
                        self.date = Some(date);
                        self.drop_line(line.no, "adoption date (kept as `date`)", t);
                        continue;
                    }
                    if t.starts_with('[') && t.ends_with(']') {
                        self.drop_line(line.no, "masthead", t);
                        continue;
                    }
                }
                if let Some(f) = self.lexicon.formula(t) {
                    formula = Some(f.text.clone());
                    self.organ = Some(f.organ);
                    section = Section::Preamble;
                    continue;
                }
                if let Some(date) = self.parse_date(t) {
                    self.date = Some(date);
                    self.drop_line(line.no, "masthead date (kept as `date`)", t);
                    continue;
                }
                if let Some(rest) = t
                    .strip_prefix(&format!("{} ", self.lexicon.resolution_word))
                    .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                {
                    self.number = Some(rest.to_owned());
                    self.drop_line(line.no, "masthead number (kept as `number`)", t);
                    continue;
                }
                if t.starts_with(&self.lexicon.adopted_prefix) {
                    if self.parse_adoption_date(t).is_none() {
                        adoption = Some((t.to_owned(), line.no));
                        self.drop_line(line.no, "adoption line (kept as `meeting`)", t);
                    } else {
                        self.adoption_line(t, line.no, false);
                    }
                    continue;
                }
                if self.number.is_none() {
                    if let Some(c) = HEADING.captures(t) {
                        for (no, text) in std::mem::take(&mut pending) {
                            self.drop_line(no, "masthead", &text);
                        }
                        self.number = Some(c[1].to_owned());
                        paras.push(Para {
                            kind: Kind::Title,
                            lines: vec![(line.no, c[2].to_owned())],
                        });
                        continue;
                    }
                }
                match paras.last_mut() {
                    Some(
                        p @ Para {
                            kind: Kind::Title, ..
                        },
                    ) => p.lines.push((line.no, t.to_owned())),
                    _ => pending.push((line.no, t.to_owned())),
                }
                continue;
            }
            if !pending.is_empty() {
                // Lines before the formula that were neither masthead nor a
                // numbered heading: keep them as the title.
                let lines: Vec<(usize, String)> = std::mem::take(&mut pending);
                self.warnings.push(Warning {
                    line: lines[0].0,
                    message:
                        "text before the enacting formula that is not a title; kept as the title"
                            .into(),
                });
                paras.insert(
                    0,
                    Para {
                        kind: Kind::Title,
                        lines,
                    },
                );
            }
            let starts = complete
                && (line.indented
                    || line.after_blank
                    || self
                        .lexicon
                        .split_lead(t, &self.lexicon.preamble_leads)
                        .is_some());
            if matches!(section, Section::Preamble | Section::Operative) && complete {
                if let Some(c) = OPERATIVE.captures(t) {
                    if c[1].parse::<u32>().ok() == Some(operatives + 1) {
                        section = Section::Operative;
                        operatives += 1;
                        paras.push(Para {
                            kind: Kind::Operative(operatives),
                            lines: vec![(line.no, c[2].to_owned())],
                        });
                        continue;
                    }
                }
                if let Some(c) = SUB.captures(t) {
                    let expected = self.next_letter(&paras);
                    if c[1] == expected
                        || c[1] == *"a"
                            && !matches!(paras.last().map(|p| &p.kind), Some(Kind::Sub(_)))
                    {
                        paras.push(Para {
                            kind: Kind::Sub(c[1].to_owned()),
                            lines: vec![(line.no, c[2].to_owned())],
                        });
                        continue;
                    }
                }
            }
            if matches!(section, Section::Operative | Section::Closing) && complete {
                if let Some(name) = self.meeting_line(t) {
                    self.meeting_name = Some((name, line.no));
                    section = Section::Closing;
                    expect_meeting_date = true;
                    continue;
                }
            }
            if matches!(
                section,
                Section::Operative | Section::Closing | Section::Annex
            ) && complete
                && self.is_annex_heading(t)
            {
                section = Section::Annex;
                annexes.push(Annex {
                    heading: t.to_owned(),
                    title: None,
                    paragraphs: Vec::new(),
                });
                paras.push(Para {
                    kind: Kind::AnnexTitle,
                    lines: Vec::new(),
                });
                continue;
            }
            match section {
                Section::Preamble if starts => paras.push(Para {
                    kind: Kind::Preamble,
                    lines: vec![(line.no, t.to_owned())],
                }),
                Section::Annex => {
                    let numbered = OPERATIVE.is_match(t) || SUB.is_match(t);
                    let title_open = matches!(paras.last(), Some(Para { kind: Kind::AnnexTitle, lines })
                        if lines.is_empty() || !(line.after_blank || line.indented || numbered));
                    if title_open {
                        if let Some(p) = paras.last_mut() {
                            p.lines.push((line.no, t.to_owned()));
                        }
                    } else if line.indented || line.after_blank || (complete && numbered) {
                        paras.push(Para {
                            kind: Kind::AnnexParagraph,
                            lines: vec![(line.no, t.to_owned())],
                        });
                    } else if let Some(p) = paras.last_mut() {
                        p.lines.push((line.no, t.to_owned()));
                    }
                }
                Section::Closing => {
                    self.warnings.push(Warning {
                        line: line.no,
                        message:
                            "text after the meeting line; kept at the end of the last paragraph"
                                .into(),
                    });
                    if let Some(p) = paras
                        .iter_mut()
                        .rev()
                        .find(|p| matches!(p.kind, Kind::Operative(_) | Kind::Sub(_)))
                    {
                        p.lines.push((line.no, t.to_owned()));
                    }
                }
                _ => match paras.last_mut() {
                    Some(p) if !matches!(p.kind, Kind::Title) => {
                        p.lines.push((line.no, t.to_owned()))
                    }
                    _ => {
                        self.warnings.push(Warning {
                            line: line.no,
                            message: "a paragraph without known lead words; kept as a preambular paragraph".into(),
                        });
                        paras.push(Para {
                            kind: Kind::Preamble,
                            lines: vec![(line.no, t.to_owned())],
                        });
                    }
                },
            }
        }
        if expect_meeting_date {
            if let Some((name, no)) = self.meeting_name.take() {
                self.keep_as_source(no, "meeting line without a date after it", &name);
            }
        }
        let built: Vec<Built> = paras.into_iter().map(|p| self.join(p)).collect();
        self.assemble(built, formula, annexes, path)
    }

    /// The letter the next sub-paragraph should have.
    fn next_letter(&self, paras: &[Para]) -> String {
        let run = paras
            .iter()
            .rev()
            .take_while(|p| matches!(p.kind, Kind::Sub(_)))
            .count();
        letter(run)
    }

    /// Keeps a line it could not structure in `source`, with a warning.
    fn keep_as_source(&mut self, line: usize, what: &str, text: &str) {
        self.warnings.push(Warning {
            line,
            message: format!("{what}; kept as `source`"),
        });
        // Appended in place: many such lines do not copy `source` each time.
        match &mut self.symbol {
            Some(s) => {
                s.push_str("; ");
                s.push_str(text);
            }
            None => self.symbol = Some(text.to_owned()),
        }
    }

    fn is_annex_heading(&self, t: &str) -> bool {
        self.lexicon.annex_words.iter().any(|w| {
            t == w
                || t.strip_prefix(w.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(|r| {
                        r.chars()
                            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L') || c.is_ascii_digit())
                            && !r.is_empty()
                    })
        })
    }

    /// "45th plenary meeting" / "45e séance plénière": the meeting's name.
    fn meeting_line(&self, t: &str) -> Option<String> {
        let (number, rest) = t.split_once(' ')?;
        if !number.starts_with(|c: char| c.is_ascii_digit()) || number.len() > 8 {
            return None;
        }
        self.lexicon
            .meeting_suffixes
            .iter()
            .any(|s| rest == s)
            .then(|| t.to_owned())
    }

    /// "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002";
    /// `dropped` when its first line `no` is already in the dropped lines.
    fn adoption_line(&mut self, t: &str, no: usize, dropped: bool) {
        let date = t.rsplit_once(", ").and_then(|(_, d)| {
            let d = d.trim_end_matches('.');
            let d = d
                .split_once(' ')
                .filter(|(w, _)| !w.starts_with(|c: char| c.is_ascii_digit()))
                .map_or(d, |(_, r)| r);
            self.parse_date(d)
        });
        let name = t.split(", ").next().and_then(|head| {
            head.split_whitespace()
                .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                .map(|i| {
                    head.split_whitespace()
                        .skip(i)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
        });
        if let (Some(date), Some(name)) = (date, name) {
            self.meeting = Some(Meeting { name, date });
            self.date = Some(date);
            if !dropped {
                self.drop_line(no, "adoption line (kept as `meeting`)", t);
            }
        } else {
            self.keep_as_source(no, "an adoption line resolute could not read", t);
        }
    }

    /// The date at the end of an adoption line, if the line has it.
    fn parse_adoption_date(&self, t: &str) -> Option<Date> {
        let (_, d) = t.rsplit_once(", ")?;
        let d = d.trim_end_matches('.');
        let d = d
            .split_once(' ')
            .filter(|(w, _)| !w.starts_with(|c: char| c.is_ascii_digit()))
            .map_or(d, |(_, r)| r);
        self.parse_date(d)
    }

    fn parse_date(&self, t: &str) -> Option<Date> {
        let c = DATE.captures(t.trim())?;
        let month = self.lexicon.month(&c[2])?;
        Date::new(c[3].parse().ok()?, month, c[1].parse().ok()?)
    }

    /// Joins a paragraph's lines, undoing line-break hyphenation.
    fn join(&mut self, para: Para) -> Built {
        let line = para.lines.first().map_or(0, |l| l.0);
        let mut text = Joined::default();
        for (no, l) in &para.lines {
            let starts_letter = l.starts_with(char::is_alphabetic);
            if text.text.ends_with('-') && !text.text.ends_with(" -") && starts_letter {
                let (left, last_part) = text.split_word();
                let right = l.split(' ').next().unwrap_or("").to_owned();
                let keep =
                    self.lexicon.keeps_hyphen(tail(last_part)) || l.starts_with(char::is_uppercase);
                let left = piece(left);
                if !keep {
                    text.pop_hyphen();
                }
                self.joins.push(Join {
                    line: no - 1,
                    left,
                    right,
                    kept_hyphen: keep,
                });
                text.push(l);
            } else {
                if !text.text.is_empty() {
                    text.push(" ");
                }
                text.push(l);
            }
        }
        Built {
            kind: para.kind,
            line,
            text: text.text,
        }
    }

    /// Writes footnote markers as `[^n]` for the markers the notes define.
    fn markers(&self, text: &str, cites: &mut Cites) -> String {
        // Weak evidence (a number after a digit, or standing alone) counts
        // only for the next footnote in order, or one already cited.
        let words: Vec<&str> = text.split(' ').collect();
        let mut out = String::with_capacity(text.len() + 16);
        // Where the last word written to `out` starts.
        let mut last: Option<usize> = None;
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            // Markers are digits: a word without one is copied as it is
            // (and the patterns below are not run on it).
            if !w.bytes().any(|b| b.is_ascii_digit()) {
                push_word(&mut out, &mut last, w);
                i += 1;
                continue;
            }
            let glued = GLUED
                .captures(w)
                .filter(|c| cites.known(&c[2]))
                .or_else(|| {
                    YEARS_GLUED
                        .captures(w)
                        .filter(|c| cites.known(&c[2]) && cites.plausible(&c[2]))
                });
            if let Some(c) = glued {
                cites.cite(&c[2]);
                push_word(
                    &mut out,
                    &mut last,
                    &format!("{}[^{}]{}", &c[1], &c[2], &c[3]),
                );
                i += 1;
                continue;
            }
            let prev_allows = || {
                last.is_some_and(|start| {
                    let p = &out[start..];
                    let word_end =
                        p.ends_with(char::is_alphabetic) || p.ends_with([',', ';', '.', ':']);
                    word_end && {
                        let p = p.to_lowercase();
                        !self.number_words.iter().any(|n| p.ends_with(n.as_str()))
                    }
                })
            };
            if cites.known(w)
                && w.chars().all(|c| c.is_ascii_digit())
                && prev_allows()
                && cites.plausible(w)
            {
                let next = words.get(i + 1).copied();
                if next.is_none_or(|n| {
                    matches!(n, "," | "." | ";" | ":" | ")") || n.starts_with(char::is_lowercase)
                }) {
                    cites.cite(w);
                    if last.is_some() {
                        out.push_str("[^");
                        out.push_str(w);
                        out.push(']');
                        if let Some(n @ ("," | ".")) = next {
                            out.push_str(n);
                            i += 1;
                        }
                    }
                    i += 1;
                    continue;
                }
            }
            push_word(&mut out, &mut last, w);
            i += 1;
        }
        out
    }

    fn assemble(
        mut self,
        built: Vec<Built>,
        formula: Option<String>,
        mut annexes: Vec<Annex>,
        path: &Path,
    ) -> Result<Import> {
        let mut cited = Cites::new(&self.notes);
        let mut title = String::new();
        let mut preamble: Vec<PreambularParagraph> = Vec::new();
        let mut operative: Vec<OperativeParagraph> = Vec::new();
        let mut in_operative = false;
        let mut annex_index = 0usize;
        for b in built {
            match b.kind {
                Kind::Title => {
                    if !title.is_empty() {
                        title.push(' ');
                    }
                    title.push_str(&self.markers(&b.text, &mut cited));
                }
                Kind::Preamble => {
                    let text = self.markers(&b.text, &mut cited);
                    let (lead, rest) = self.lead(&text, b.line, false);
                    preamble.push(PreambularParagraph {
                        lead,
                        text: rest,
                        subparagraphs: Vec::new(),
                    });
                }
                Kind::Operative(number) => {
                    in_operative = true;
                    let text = self.markers(&b.text, &mut cited);
                    let (lead, rest) = self.lead(&text, b.line, true);
                    operative.push(OperativeParagraph {
                        number,
                        lead,
                        text: rest,
                        subparagraphs: Vec::new(),
                        short: None,
                    });
                }
                Kind::Sub(letter) => {
                    let sub = SubParagraph {
                        letter,
                        lead: None,
                        text: self.markers(&b.text, &mut cited),
                    };
                    match (in_operative, operative.last_mut(), preamble.last_mut()) {
                        (true, Some(p), _) => p.subparagraphs.push(sub),
                        (false, _, Some(p)) => p.subparagraphs.push(sub),
                        _ => {
                            self.warnings.push(Warning { line: b.line, message: "a sub-paragraph before any paragraph; kept as a preambular paragraph".into() });
                            preamble.push(PreambularParagraph {
                                lead: String::new(),
                                text: format!("{}) {}", sub.letter, sub.text),
                                subparagraphs: Vec::new(),
                            });
                        }
                    }
                }
                Kind::AnnexTitle => {
                    annex_index += 1;
                    if let Some(a) = annexes.get_mut(annex_index - 1) {
                        a.title = (!b.text.is_empty()).then_some(b.text);
                    }
                }
                Kind::AnnexParagraph => {
                    let text = self.markers(&b.text, &mut cited);
                    if let Some(a) = annexes.get_mut(annex_index.saturating_sub(1)) {
                        a.paragraphs.push(text);
                    }
                }
            }
        }
        let Some(formula) = formula else {
            return Err(Error::data(format!("no enacting formula found in {}", path.display()))
                .at(Location::at(path, None, 1, 1))
                .hint(format!(
                    "the formulas resolute knows in this language are: {}; add others to templates/import/{}.yaml",
                    self.lexicon.formulas.iter().map(|f| f.text.as_str()).collect::<Vec<_>>().join(" "),
                    self.lexicon.lang
                )));
        };
        if operative.is_empty() {
            return Err(Error::data(format!(
                "no numbered operative paragraph found in {}",
                path.display()
            ))
            .hint("operative paragraphs start a line with their number: `1. Decides …`"));
        }
        let Some(number) = self.number.take() else {
            return Err(Error::data(format!("no resolution number found in {}", path.display()))
                .hint("the text should open with its number (`2015/23. Title`) or carry `Resolution 1445 (2002)`"));
        };
        let mut footnotes = Vec::new();
        let mut defined: HashSet<String> = HashSet::new();
        for (marker, text, line) in &self.notes {
            if defined.contains(marker) {
                self.warnings.push(Warning { line: *line, message: format!("footnote {marker} is defined twice; the second is kept as a separate note `{marker}b`") });
                defined.insert(format!("{marker}b"));
                footnotes.push(Footnote {
                    marker: format!("{marker}b"),
                    text: text.clone(),
                });
                continue;
            }
            if !cited.cited.contains(marker) {
                self.warnings.push(Warning {
                    line: *line,
                    message: format!("footnote {marker} is not cited in the text; kept"),
                });
            }
            defined.insert(marker.clone());
            footnotes.push(Footnote {
                marker: marker.clone(),
                text: text.clone(),
            });
        }
        let meeting = self.meeting.take();
        let resolution = Resolution {
            organ: self.organ.unwrap_or(Organ::GeneralAssembly),
            number,
            date: self.date.or(meeting.as_ref().map(|m| m.date)),
            language: self.lexicon.lang,
            title,
            formula,
            preamble,
            operative,
            footnotes,
            meeting,
            source: self.symbol.take(),
            annexes,
        };
        Ok(Import {
            resolution,
            dropped: self.dropped,
            joins: self.joins,
            warnings: self.warnings,
        })
    }

    /// Splits a paragraph's lead words from its text.
    fn lead(&mut self, text: &str, line: usize, operative: bool) -> (String, String) {
        let leads = if operative {
            &self.lexicon.operative_leads
        } else {
            &self.lexicon.preamble_leads
        };
        if let Some((lead, rest)) = self.lexicon.split_lead(text, leads) {
            return (lead.to_owned(), rest.to_owned());
        }
        let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
        self.warnings.push(Warning {
            line,
            message: format!(
                "no known lead words at the start of this {} paragraph; took `{first}` (add the lead to templates/import/{}.yaml)",
                if operative { "operative" } else { "preambular" },
                self.lexicon.lang
            ),
        });
        (first.to_owned(), rest.to_owned())
    }
}

/// How much of the piece before a line-break hyphen is looked at (for a
/// compound) and recorded in its [`Join`], in characters: its end. A "word"
/// run on over very many lines would otherwise be gone through, and copied,
/// whole at every join; the words whose hyphen is kept are far shorter.
const MAX_PIECE: usize = 100;

/// The last [`MAX_PIECE`] characters of `s`.
fn tail(s: &str) -> &str {
    match s.char_indices().rev().nth(MAX_PIECE - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// `left` as a [`Join`] records it: the whole piece, or `…` and its end.
fn piece(left: &str) -> String {
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
struct Joined {
    text: String,
    /// The byte where the last word (after the last space) starts.
    word: usize,
    /// The bytes of the hyphens in the last word.
    hyphens: Vec<usize>,
}

impl Joined {
    fn push(&mut self, s: &str) {
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
    fn split_word(&self) -> (&str, &str) {
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
    fn pop_hyphen(&mut self) {
        if self.text.pop() == Some('-') && self.hyphens.last() == Some(&self.text.len()) {
            self.hyphens.pop();
        }
    }
}

/// A set of characters, a table for the first 256.
struct CharSet {
    latin: [bool; 256],
    others: Vec<char>,
}

impl CharSet {
    fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
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

    fn contains(&self, c: char) -> bool {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 256 => self.latin[i],
            _ => self.others.binary_search(&c).is_ok(),
        }
    }
}

/// Adds a word to marked-up text: a space between words, and where the last
/// word starts.
fn push_word(out: &mut String, last: &mut Option<usize>, w: &str) {
    if last.is_some() {
        out.push(' ');
    }
    *last = Some(out.len());
    out.push_str(w);
}

/// The footnote markers the notes define and those the text has cited so
/// far, in sets and a sorted map (not lists searched at every word).
struct Cites {
    /// Every marker a note defines.
    known: HashSet<String>,
    /// The markers cited so far.
    cited: HashSet<String>,
    /// The markers not cited yet, by number, then by first definition: the
    /// first is the next footnote in order.
    uncited: BTreeMap<(u32, usize), String>,
    /// Each marker's key in `uncited`.
    keys: HashMap<String, (u32, usize)>,
}

impl Cites {
    fn new(notes: &[(String, String, usize)]) -> Cites {
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

    fn known(&self, marker: &str) -> bool {
        self.known.contains(marker)
    }

    /// Whether weak evidence for `marker` counts: it is already cited, or it
    /// is the next footnote in order.
    fn plausible(&self, marker: &str) -> bool {
        self.cited.contains(marker)
            || self
                .uncited
                .first_key_value()
                .is_some_and(|(_, m)| m == marker)
    }

    fn cite(&mut self, marker: &str) {
        if self.cited.insert(marker.to_owned()) {
            if let Some(key) = self.keys.get(marker) {
                self.uncited.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;
    use crate::model::Lang;

    fn lexicons() -> Vec<Lexicon> {
        [Lang::Fr, Lang::En]
            .into_iter()
            .map(|l| Lexicon::load(&Assets::embedded(), l).unwrap())
            .collect()
    }

    fn run(text: &str) -> Result<Import> {
        import(text, Path::new("t.txt"), &lexicons())
    }

    #[test]
    fn markers_glued_and_spaced() {
        let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant la Convention organisée1 et des\nenfants 2 , et personnes3,\n\n 1. Prie le Secrétaire général.\n_____\n1 Note un.\n2 Note deux.\n3 Note trois.\n";
        let i = run(text).unwrap();
        assert_eq!(
            i.resolution.preamble[0].text,
            "la Convention organisée[^1] et des enfants[^2], et personnes[^3],"
        );
        assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    }

    #[test]
    fn line_break_hyphens_are_removed_except_in_compounds() {
        let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les initiatives sous-\nrégionales et la coordi-\nnation à la soixante-\nneuvième session,\n\n 1. Prie le Secrétaire général.\n";
        let i = run(text).unwrap();
        assert_eq!(
            i.resolution.preamble[0].text,
            "les initiatives sous-régionales et la coordination à la soixante-neuvième session,"
        );
        assert_eq!(i.joins.len(), 3);
    }

    #[test]
    fn furniture_is_dropped_and_reported() {
        let text = "United Nations\nS/RES/1/2000 (2000)\nSecurity Council\nDistr.: General\n4 December 2000\nResolution 1 (2000)\nAdopted by the Security Council at its 999th meeting, on 4 December 2000\n\nThe Security Council,\n\n Recalling its resolutions,\n\n 1. Decides to act;\n00-12345 (E)\n*0012345*\n\nS/RES/1/2000 (2000)\n2\n 2. Decides to remain seized of the matter.\n";
        let i = run(text).unwrap();
        let r = &i.resolution;
        assert_eq!(r.number, "1 (2000)");
        assert_eq!(r.organ, Organ::SecurityCouncil);
        assert_eq!(r.date, Date::new(2000, 12, 4));
        assert_eq!(r.meeting.as_ref().unwrap().name, "999th meeting");
        assert_eq!(r.operative.len(), 2);
        assert_eq!(
            r.operative[1].lead,
            "Decides to remain seized of the matter"
        );
        let kinds: Vec<&str> = i.dropped.iter().map(|d| d.kind).collect();
        assert!(
            kinds.contains(&"running head")
                && kinds.contains(&"job number")
                && kinds.contains(&"page number"),
            "{kinds:?}"
        );
        assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    }

    #[test]
    fn clear_errors_for_unusable_input() {
        assert!(run("").unwrap_err().message.contains("empty"));
        assert!(run("\u{0}\u{1}PK\u{3}")
            .unwrap_err()
            .message
            .contains("binary"));
        let no_para = "1/1. Title\n\nThe General Assembly,\n\n Recalling things,\n";
        assert!(run(no_para)
            .unwrap_err()
            .message
            .contains("no numbered operative paragraph"));
        assert!(run("just some words\n")
            .unwrap_err()
            .message
            .contains("no enacting formula"));
    }

    #[test]
    fn meeting_line_and_annex() {
        let text = "74/1. Title\n\nThe General Assembly,\n\n 1. Decides to adopt the annexed text.\n\n45th plenary meeting\n19 December 2019\n\nAnnex\n\nThe text\n\n First paragraph of the annex.\n\n Second paragraph.\n";
        let i = run(text).unwrap();
        let r = &i.resolution;
        assert_eq!(
            r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
            Some(("45th plenary meeting", Date::new(2019, 12, 19).unwrap()))
        );
        assert_eq!(r.annexes.len(), 1);
        assert_eq!(r.annexes[0].title.as_deref(), Some("The text"));
        assert_eq!(
            r.annexes[0].paragraphs,
            ["First paragraph of the annex.", "Second paragraph."]
        );
        assert_eq!(r.operative[0].text, "to adopt the annexed text.");
    }

    #[test]
    fn words_split_over_several_lines_are_joined_piece_by_piece() {
        let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les anti-sous-\nrégionaux et la coordi-\nna-\ntion à la soixante-\nneuvième-\nsession,\n\n 1. Prie le Secrétaire général.\n";
        let i = run(text).unwrap();
        assert_eq!(
            i.resolution.preamble[0].text,
            "les anti-sous-régionaux et la coordination à la soixante-neuvièmesession,"
        );
        let joins: Vec<(&str, &str, bool)> = i
            .joins
            .iter()
            .map(|j| (j.left.as_str(), j.right.as_str(), j.kept_hyphen))
            .collect();
        assert_eq!(
            joins,
            [
                ("anti-sous", "régionaux", true),
                ("coordi", "na-", false),
                ("coordina", "tion", false),
                ("soixante", "neuvième-", true),
                ("soixante-neuvième", "session,", false),
            ]
        );
    }

    #[test]
    fn a_word_run_over_very_many_lines_is_reported_in_short_pieces() {
        let lines = 2000;
        let text = format!(
            "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les a-\n{}fin,\n\n 1. Prie le Secrétaire général.\n",
            "a-\n".repeat(lines - 1)
        );
        let i = run(&text).unwrap();
        assert_eq!(
            i.resolution.preamble[0].text,
            format!("les {}fin,", "a".repeat(lines))
        );
        assert_eq!(i.joins.len(), lines);
        assert_eq!(i.joins[0].left, "a");
        assert_eq!(i.joins[99].left, "a".repeat(100));
        assert_eq!(i.joins[100].left, format!("…{}", "a".repeat(100)));
        assert!(i.joins.iter().all(|j| j.left.chars().count() <= 101));
    }

    #[test]
    fn spaced_markers_follow_the_order_of_the_notes() {
        let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les enfants 2 , et les femmes 1 , et les hommes 2 ,\n\n 1. Prie le Secrétaire général.\n_____\n1 Note un.\n2 Note deux.\n1 Note un encore.\n";
        let i = run(text).unwrap();
        assert_eq!(
            i.resolution.preamble[0].text,
            "les enfants 2 , et les femmes[^1], et les hommes[^2],"
        );
        let markers: Vec<&str> = i
            .resolution
            .footnotes
            .iter()
            .map(|f| f.marker.as_str())
            .collect();
        assert_eq!(markers, ["1", "2", "1b"]);
        let warnings: Vec<&str> = i.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            warnings,
            ["footnote 1 is defined twice; the second is kept as a separate note `1b`"]
        );
    }
}
