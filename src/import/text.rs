//! Importing the plain text of a printed resolution (as `pdftotext` gives it).
//!
//! Page furniture (rule lines, running heads, job numbers, page numbers,
//! masthead lines) is dropped and reported; footnote blocks are read wherever a
//! rule line puts them; lines are joined into paragraphs, line-break hyphens
//! removed except in compounds; footnote markers glued to words ("organisée1")
//! or spaced ("enfants 2 ,") become `[^n]`; lead words come from the lexicon.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{number, squeeze, Lexicon};
use pieces::{piece, push_word, tail, CharSet, Cites, Joined};

mod pieces;
mod rtl;
use crate::check::letter;
use crate::error::{Error, Location, Result};
use crate::model::{
    AgendaItem, Annex, Date, Footnote, Meeting, OperativeParagraph, Organ, Part,
    PreambularParagraph, Resolution, SubParagraph, DASH,
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
/// The heading of a Council resolution in the Official Records volumes of
/// 1946 to the 1990s: "38 (1948). Resolution of 17 January 1948".
static VOLUME_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4} \(\d{4}\))\.\s+(\S.*)$").expect("valid"));
/// The symbol of the document a resolution was issued as, in brackets under
/// a volume's heading: "[S/651]" (OCR may read a bracket as a parenthesis).
static BRACKETED_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([\[(])((?:S|A|E)/[A-Z0-9./]+)([\])])$").expect("valid"));
/// A paragraph number whose full stop OCR read as a comma: "1, Extends".
static COMMA_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}),\s+(\p{Lu}.*)$").expect("valid"));
static OPERATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+(\S.*)$").expect("valid"));
static SUB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?([a-z]{1,2})\)\s+(\S.*)$").expect("valid"));
/// A dash item: "— Calls for …" (an en dash or hyphen in some extractions).
static DASH_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[—–-]\s+(\S.*)$").expect("valid"));
/// A paragraph number or letter alone on its line, as some extractors give
/// it ("1." then the text on the next line).
static NUMBER_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}\.|\([a-z]{1,2}\))$").expect("valid"));
/// A job number and a page number on one line, either way round
/// ("25-12345 2/2", "2/5 25-12345").
static JOB_AND_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}/\d{1,3}\s+)?\d{2}-\d{5}(?:\s?\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?$")
        .expect("valid")
});
/// A word with a stray bracket or bar among its letters ("Apri]"), as OCR
/// leaves them.
static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{L}+[\]\[|]\p{L}*[,.;:]?$|^\p{L}*[\]\[|]\p{L}+[,.;:]?$").expect("valid")
});
/// A footnote number alone on its line.
static NOTE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}$").expect("valid"));
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(.*\p{L}[’'»)”"]?[,.;:،؛]?)(\d{1,3})([,.;:)»،؛]*)$"#).expect("valid")
});
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
    let without_marker = t.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let t = if without_marker.len() < t.len() && without_marker.ends_with(ENDS) {
        without_marker
    } else {
        t
    };
    t.ends_with(ENDS)
}

/// The signs a paragraph's line ends with when the paragraph may end there:
/// Latin, Chinese (full-width) and Arabic.
const ENDS: [char; 10] = [',', ';', ':', '.', '，', '；', '：', '。', '،', '؛'];

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
    let mut text = rtl::fold_presentation_forms(text);
    let mut turned = false;
    let lexicon = match choose_lexicon(&text, path, lexicons) {
        Ok(l) => l,
        Err(e) => {
            // An Arabic text in visual order reads as none of the formulas.
            if !rtl::has_arabic(&text) {
                return Err(e);
            }
            let logical = rtl::logical_text(&text);
            let Ok(l) = choose_lexicon(&logical, path, lexicons) else {
                return Err(e);
            };
            text = std::borrow::Cow::Owned(logical);
            turned = true;
            l
        }
    };
    if !turned && rtl::visual_order(&text, lexicon) {
        text = std::borrow::Cow::Owned(rtl::logical_text(&text));
        turned = true;
    }
    let mut state = Importer::new(lexicon);
    if turned {
        state.warnings.push(Warning {
            line: 1,
            message: "the lines of this text are in visual order (drawn left to right, as some extractors give a right-to-left PDF); each line was read turned round, its Latin and figure runs kept left to right".into(),
        });
    }
    state.read(&text);
    state.finish(path)
}

/// The patterns of paragraph numbers and letters, which depend on the
/// language: Arabic numbers its paragraphs "1 -" and letters them "(أ)";
/// Chinese may print no space after "1." or "(a)".
struct Numbering {
    operative: Regex,
    sub: Regex,
    number_alone: Regex,
    heading: Regex,
}

impl Numbering {
    fn of(lexicon: &Lexicon) -> Numbering {
        if !(lexicon.spaceless || lexicon.dash_numbers || !lexicon.subparagraph_letters.is_empty())
        {
            return Numbering {
                operative: OPERATIVE.clone(),
                sub: SUB.clone(),
                number_alone: NUMBER_ALONE.clone(),
                heading: HEADING.clone(),
            };
        }
        let space = if lexicon.spaceless { r"\s*" } else { r"\s+" };
        let stop = if lexicon.dash_numbers {
            format!(r"(?:[.．]{space}|\s*[-–]\s+)")
        } else {
            format!(r"[.．]{space}")
        };
        let mut letters: Vec<String> = lexicon
            .subparagraph_letters
            .iter()
            .flat_map(|l| [l.clone(), l.trim_end_matches('\u{640}').to_owned()])
            .filter(|l| !l.is_empty())
            .map(|l| regex::escape(&l))
            .collect();
        letters.sort_by_key(|l| std::cmp::Reverse(l.len()));
        letters.dedup();
        let letter = if letters.is_empty() {
            "[a-z]{1,2}".to_owned()
        } else {
            format!("[a-z]{{1,2}}|{}", letters.join("|"))
        };
        let number_stop = if lexicon.dash_numbers {
            r"(?:[.．]|\s*[-–])"
        } else {
            "[.．]"
        };
        let build = |re: String| Regex::new(&re).expect("a valid numbering pattern");
        Numbering {
            operative: build(format!(r"^(\d{{1,3}}){stop}(\S.*)$")),
            sub: build(format!(r"^[(（]?({letter})[)）]{space}(\S.*)$")),
            number_alone: build(format!(
                r"^(?:\d{{1,3}}{number_stop}|[(（](?:{letter})[)）])$"
            )),
            heading: build(format!(r"^(\d{{1,4}}/\d{{1,4}}){stop}(\S.*)$")),
        }
    }
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
        "pass --lang (en, fr, es, ru, ar, zh); the formulas resolute knows are in templates/import/<lang>.yaml",
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
    /// The vote line an annual volume prints after the text ("Adopted at
    /// the 2981st meeting by 12 votes to 1 …").
    Vote,
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
    /// A part's number ("A", "II"), its heading lines after it.
    Part(String),
    PartHeading,
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
    /// The patterns of the language's paragraph numbers and letters.
    numbering: Numbering,
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
    committee: Option<String>,
    agenda: Option<AgendaItem>,
    /// Whether the paragraphs being marked up are an annex's.
    in_annex: bool,
    /// Whether parts are lettered (`Some(true)`) or numbered in roman.
    part_letters: Option<bool>,
    /// Words printed with a hyphen inside a line ("ex-combatants"), in lower
    /// case, as pairs of the pieces either side of each hyphen.
    hyphenated: HashSet<String>,
    /// Whether the text is of a document the UN issued with a job number:
    /// those are set without hyphenation, so a hyphen at a line end is
    /// always the word's own. (In 902 General Assembly resolutions of
    /// 2023–2025, pdftotext gives 2,177 line-end hyphens, and not one of the
    /// words joined without it occurs anywhere in those texts.)
    unhyphenated: bool,
}

impl<'a> Importer<'a> {
    fn new(lexicon: &'a Lexicon) -> Self {
        let mut masthead_phrases: Vec<&str> = lexicon
            .masthead_lines
            .iter()
            .chain(&lexicon.organ_names)
            .map(String::as_str)
            .chain(ORGAN_NAMES)
            .collect();
        masthead_phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        masthead_phrases.dedup();
        Importer {
            lexicon,
            numbering: Numbering::of(lexicon),
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
            committee: None,
            agenda: None,
            in_annex: false,
            part_letters: None,
            hyphenated: HashSet::new(),
            unhyphenated: false,
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
        // Whether the lines just after a running head may be its title.
        let mut head_title = false;
        let mut after_blank = false;
        // The title as printed under the heading "78/132. Title", up to the
        // formula: the running heads repeat it, broken where they break it.
        let mut title = String::new();
        let mut title_lines = 0;
        // Lines that are the start of a running head's title (set on the
        // line before the symbol).
        let mut head_lines = 0;
        let lines: Vec<&str> = text.split('\n').collect();
        let blocks = notes_without_rule(&lines);
        // The indentation most lines have: `pdftotext -layout` sets the whole
        // text in; a first line is indented past it.
        let base_indent = {
            let mut counts: HashMap<usize, usize> = HashMap::new();
            for l in &lines {
                let l = l.replace('\u{c}', "");
                if !l.trim().is_empty() {
                    *counts.entry(indent_of(&l)).or_default() += 1;
                }
            }
            counts
                .into_iter()
                .max_by_key(|(indent, n)| (*n, std::cmp::Reverse(*indent)))
                .map_or(0, |(indent, _)| indent)
        };
        let mut block = blocks.iter().peekable();
        for (i, raw) in lines.iter().enumerate() {
            let no = i + 1;
            while block.peek().is_some_and(|b| b.end <= i) {
                block.next();
            }
            if let Some(b) = block.peek().filter(|b| b.start <= i) {
                // A footnote block printed without a rule line.
                if i == b.start {
                    for (marker, text) in &b.notes {
                        self.notes.push((marker.clone(), text.clone(), no));
                    }
                }
                let t = raw.replace('\u{c}', "");
                let t = t.trim();
                if NOTE_NUMBER.is_match(t) {
                    self.drop_line(no, "footnote number (kept in `footnotes`)", t);
                } else if PAGE_NUMBER.is_match(t) {
                    self.drop_line(no, "page number", t);
                }
                continue;
            }
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
            let indented = indent_of(raw) > base_indent;
            if head_lines == 0 {
                head_lines = self.running_title_before(&title, &lines[i..]);
            }
            if head_lines > 0 {
                head_lines -= 1;
                self.drop_line(no, "running head", t);
                continue;
            }
            if RULE.is_match(t) {
                self.drop_line(no, "rule", t);
                in_notes = true;
                continue;
            }
            if in_notes && self.page_furniture(t) {
                // A page without a form feed before it: the notes end here.
                in_notes = false;
            }
            if in_notes {
                if let Some(c) = NOTE_START.captures(t) {
                    let text = c.get(2).map_or(String::new(), |m| squeeze(m.as_str()));
                    self.notes.push((c[1].to_owned(), text, no));
                    continue;
                }
                let ends_note = self.notes.last().is_none_or(|(_, n, _)| n.ends_with('.'))
                    && t.starts_with(|c: char| c.is_lowercase());
                if indented
                    || ends_note
                    || self.numbering.operative.is_match(t)
                    || self.numbering.sub.is_match(t)
                    || self.numbering.number_alone.is_match(t)
                {
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
                head_title = kind == "running head" && self.symbol.as_deref() == Some(t);
                continue;
            }
            if head_title {
                // The title lines of a running head whose symbol stood alone:
                // part of the title, or (with no "N/N. Title" heading) a few
                // words at least (a short line, "Annex A", is no title) of the
                // text's first lines.
                let line = squeeze(t);
                let of_title = if title.is_empty() {
                    let early: String = self
                        .body
                        .iter()
                        .take(80)
                        .map(|l| l.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    line.split(' ').count() >= 4 && early.contains(&line)
                } else {
                    title.contains(&line)
                };
                if of_title {
                    self.drop_line(no, "running head", t);
                    continue;
                }
                head_title = false;
            }
            // The title under the heading, up to the formula (a few lines).
            if title_lines == 0 {
                if let Some(c) = self.numbering.heading.captures(t) {
                    title = squeeze(&c[2]);
                    title_lines = 1;
                }
            } else if title_lines < 4 && !after_blank && self.lexicon.formula(t).is_none() {
                title.push(' ');
                title.push_str(&squeeze(t));
                title_lines += 1;
            } else {
                title_lines = usize::MAX;
            }
            if let Some(last) = self
                .body
                .last_mut()
                .filter(|l| self.numbering.number_alone.is_match(&l.text))
            {
                // "1." alone, its text on the next line: one line.
                last.text.push(' ');
                last.text.push_str(&squeeze(t));
                after_blank = false;
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

    /// How many lines from the first of `rest` are the start of a running
    /// head whose last line ends with the symbol ("Information and
    /// communications technologies for" / "sustainable development
    /// A/RES/78/132"): together they are the end of `title`. 0 if none.
    fn running_title_before(&self, title: &str, rest: &[&str]) -> usize {
        let Some(symbol) = self.symbol.as_deref() else {
            return 0;
        };
        if title.is_empty() {
            return 0;
        }
        let mut joined = String::new();
        for (k, l) in rest.iter().take(4).enumerate() {
            let l = squeeze(l.replace('\u{c}', "").trim());
            if l.is_empty() {
                return 0;
            }
            if let Some(head) = l.strip_suffix(symbol).filter(|h| h.ends_with(' ')) {
                joined.push_str(head.trim_end());
                return if k > 0 && title.ends_with(&joined) {
                    k
                } else {
                    0
                };
            }
            joined.push_str(&l);
            joined.push(' ');
        }
        0
    }

    /// Whether a line is a page's furniture (symbol, running head, job or
    /// page number), without recording it.
    fn page_furniture(&self, t: &str) -> bool {
        let numbered_page = t.contains('/') && PAGE_NUMBER.is_match(t);
        numbered_page
            || JOB_NUMBER.is_match(t)
            || JOB_AND_PAGE.is_match(t)
            || SYMBOL.is_match(t)
            || self
                .symbol
                .as_deref()
                .is_some_and(|s| t.starts_with(s) && t[s.len()..].starts_with(' '))
    }

    /// What kind of page furniture a line is, if it is one.
    fn furniture(&mut self, t: &str) -> Option<&'static str> {
        if PAGE_NUMBER.is_match(t) {
            return Some("page number");
        }
        if JOB_NUMBER.is_match(t) || JOB_AND_PAGE.is_match(t) {
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
        let mut lines = std::mem::take(&mut self.body);
        self.comma_numbers(&mut lines);
        let mut section = Section::Head;
        let mut paras: Vec<Para> = Vec::new();
        let mut formula: Option<String> = None;
        let mut expect_meeting_date = false;
        let mut pending: Vec<(usize, String)> = Vec::new();
        let mut adoption: Option<(String, usize)> = None;
        let mut after_adopted_heading = false;
        let mut annexes: Vec<Annex> = Vec::new();
        let mut vote: Option<(usize, String)> = None;
        // How many operative paragraphs `paras` holds (counted as they come,
        // not by going through `paras` at every line).
        let mut operatives: u32 = 0;
        // Parts begun so far; the operative paragraphs of the current part
        // (`None` before any part); whether a part's heading may go on.
        let mut parts_seen = 0usize;
        let mut part_operatives: Option<u32> = None;
        let mut part_heading_open = false;
        // Whether a paragraph numbered 1 comes before any annex: if not, a
        // paragraph opening with an operative lead is the lone operative one.
        let numbered_one = lines
            .iter()
            .take_while(|l| !self.is_annex_heading(&l.text))
            .any(|l| {
                self.numbering
                    .operative
                    .captures(&l.text)
                    .is_some_and(|c| number(&c[1]) == Some(1))
            });
        self.hyphenated = hyphenated_words(&lines);
        self.unhyphenated = self.dropped.iter().any(|d| d.kind == "job number");
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
                Some(p) if matches!(p.kind, Kind::Title | Kind::Part(_) | Kind::PartHeading) => {
                    true
                }
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
                    let gap = if self.lexicon.spaceless { "" } else { " " };
                    self.adoption_line(&format!("{start}{gap}{t}"), first_no, true);
                    self.drop_line(line.no, "adoption line (continued)", t);
                    continue;
                }
                if let Some((meeting, date)) = self.lexicon.adoption(t) {
                    self.date = Some(date);
                    match meeting {
                        Some(name) => {
                            self.meeting = Some(Meeting { name, date });
                            self.drop_line(line.no, "adoption line (kept as `meeting`)", t);
                        }
                        None => {
                            // "大会2024年12月2日通过的决议": the General
                            // Assembly's heading and its date on one line.
                            after_adopted_heading = true;
                            self.drop_line(line.no, "adoption heading (kept as `date`)", t);
                        }
                    }
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
                    // "on 2 December 2024", or a date alone ("2 декабря 2024 года").
                    let date_text = t.split_once(' ').map_or(t, |(_, d)| d);
                    if let Some(date) = self.parse_date(date_text).or_else(|| self.lexicon.date(t))
                    {
                        self.date = Some(date);
                        self.drop_line(line.no, "adoption date (kept as `date`)", t);
                        continue;
                    }
                    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                        self.committee = Some(inner.trim().to_owned());
                        self.drop_line(line.no, "committee line (kept as `committee`)", t);
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
                if let Some(rest) = self.resolution_heading(t) {
                    self.number = Some(rest.to_owned());
                    self.drop_line(line.no, "masthead number (kept as `number`)", t);
                    continue;
                }
                if self.number.is_some() && self.date.is_none() {
                    if let Some(d) = self.of_date(t) {
                        match self.parse_date(d) {
                            Some(date) => {
                                self.date = Some(date);
                                self.drop_line(line.no, "adoption date (kept as `date`)", t);
                            }
                            None => self.keep_as_source(
                                line.no,
                                &format!("`{t}` reads as a date line, but its date does not read (OCR noise?)"),
                                t,
                            ),
                        }
                        continue;
                    }
                }
                let prefix = self.lexicon.adopted_prefix.as_str();
                if !prefix.is_empty() && t.starts_with(prefix) {
                    if self.parse_adoption_date(t).is_none() {
                        adoption = Some((t.to_owned(), line.no));
                        self.drop_line(line.no, "adoption line (kept as `meeting`)", t);
                    } else {
                        self.adoption_line(t, line.no, false);
                    }
                    continue;
                }
                if self.number.is_none() {
                    if let Some(c) = VOLUME_HEADING.captures(t) {
                        self.number = Some(c[1].to_owned());
                        self.volume_heading(&c[2], line.no, t);
                        continue;
                    }
                }
                if let Some(c) = BRACKETED_SYMBOL
                    .captures(t)
                    .filter(|_| self.number.is_some())
                {
                    if (&c[1], &c[3]) == ("[", "]") {
                        self.drop_line(line.no, "document symbol (kept as `source`)", t);
                        self.symbol.get_or_insert_with(|| c[2].to_owned());
                    } else {
                        self.keep_as_source(
                            line.no,
                            &format!("`{t}` reads as a document symbol in brackets, but its brackets do not (OCR noise?)"),
                            t,
                        );
                    }
                    continue;
                }
                if self.number.is_none() {
                    if let Some(c) = self.numbering.heading.captures(t) {
                        let before = std::mem::take(&mut pending);
                        self.agenda_item(&before);
                        for (no, text) in before {
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
                if let Some(number) = self.part_number(t, parts_seen) {
                    if number != t {
                        self.warnings.push(Warning {
                            line: line.no,
                            message: format!("`{t}` alone on its line, where part {number} comes; read as part {number}"),
                        });
                    }
                    self.drop_line(line.no, "part number (kept as `parts[].number`)", t);
                    parts_seen += 1;
                    part_operatives = Some(0);
                    part_heading_open = true;
                    section = Section::Preamble;
                    paras.push(Para {
                        kind: Kind::Part(number),
                        lines: Vec::new(),
                    });
                    continue;
                }
            }
            let numbered = self.numbering.operative.is_match(t)
                || DASH_ITEM.is_match(t)
                || self.numbering.sub.is_match(t);
            if part_heading_open {
                let led = self
                    .lexicon
                    .split_lead(t, &self.lexicon.preamble_leads)
                    .or_else(|| self.lexicon.split_lead(t, &self.lexicon.operative_leads))
                    .is_some();
                let heading_lines = paras
                    .iter()
                    .rev()
                    .take_while(|p| matches!(p.kind, Kind::PartHeading))
                    .count();
                let continues = !(numbered || led || line.after_blank || line.indented);
                if continues && t.ends_with([',', ';']) && heading_lines > 0 {
                    // Not a heading: a paragraph whose lead resolute does not
                    // know, opening the part.
                    part_heading_open = false;
                    let at = paras.len() - heading_lines;
                    let mut lines: Vec<(usize, String)> =
                        paras.drain(at..).flat_map(|p| p.lines).collect();
                    lines.push((line.no, t.to_owned()));
                    paras.push(Para {
                        kind: Kind::Preamble,
                        lines,
                    });
                    continue;
                }
                if numbered || led || heading_lines >= 3 || t.ends_with([',', ';']) {
                    part_heading_open = false;
                } else {
                    paras.push(Para {
                        kind: Kind::PartHeading,
                        lines: vec![(line.no, t.to_owned())],
                    });
                    continue;
                }
            }
            if matches!(section, Section::Preamble | Section::Operative) && complete {
                if let Some(c) = self.numbering.operative.captures(t) {
                    let n = number(&c[1]);
                    // Numbered through the parts, or afresh in each.
                    let afresh = part_operatives == Some(0) && operatives > 0 && n == Some(1);
                    if n == Some(operatives + 1) || afresh {
                        section = Section::Operative;
                        operatives = n.unwrap_or(operatives + 1);
                        if let Some(k) = &mut part_operatives {
                            *k += 1;
                        }
                        paras.push(Para {
                            kind: Kind::Operative(operatives),
                            lines: vec![(line.no, c[2].to_owned())],
                        });
                        continue;
                    }
                }
                if section == Section::Preamble
                    && operatives == 0
                    && !numbered_one
                    && self
                        .lexicon
                        .split_lead(t, &self.lexicon.preamble_leads)
                        .is_none()
                    && self
                        .lexicon
                        .split_lead(t, &self.lexicon.operative_leads)
                        .is_some()
                {
                    // A lone operative paragraph, printed without a number.
                    section = Section::Operative;
                    operatives = 1;
                    paras.push(Para {
                        kind: Kind::Operative(1),
                        lines: vec![(line.no, t.to_owned())],
                    });
                    continue;
                }

                if let Some((label, rest)) = self.sub_paragraph(t) {
                    let expected = self.next_letter(&paras);
                    if label == expected
                        || label == "a"
                            && !matches!(paras.last().map(|p| &p.kind), Some(Kind::Sub(_)))
                    {
                        paras.push(Para {
                            kind: Kind::Sub(label),
                            lines: vec![(line.no, rest.to_owned())],
                        });
                        continue;
                    }
                }
            }
            if matches!(section, Section::Preamble | Section::Operative) {
                // A dash item after a blank line or another dash item starts
                // even when the one before ends in "and".
                let after_dash = paras
                    .last()
                    .is_some_and(|p| matches!(&p.kind, Kind::Sub(l) if l == DASH));
                if let Some(c) = DASH_ITEM
                    .captures(t)
                    .filter(|_| complete || line.after_blank || after_dash)
                {
                    paras.push(Para {
                        kind: Kind::Sub(DASH.to_owned()),
                        lines: vec![(line.no, c[1].to_owned())],
                    });
                    continue;
                }
            }
            if section == Section::Vote {
                if let Some((_, vote)) = &mut vote {
                    vote.push(' ');
                    vote.push_str(t);
                }
                continue;
            }
            if matches!(section, Section::Operative | Section::Closing)
                && complete
                && self
                    .lexicon
                    .vote_prefixes
                    .iter()
                    .any(|v| t.starts_with(v.as_str()))
            {
                section = Section::Vote;
                vote = Some((line.no, t.to_owned()));
                continue;
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
                    let numbered =
                        self.numbering.operative.is_match(t) || self.numbering.sub.is_match(t);
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
        if let Some((no, text)) = vote {
            self.keep_as_source(no, "a vote line after the text", &text);
        }
        if expect_meeting_date {
            if let Some((name, no)) = self.meeting_name.take() {
                self.keep_as_source(no, "meeting line without a date after it", &name);
            }
        }
        let built: Vec<Built> = paras.into_iter().map(|p| self.join(p)).collect();
        self.assemble(built, formula, annexes, path)
    }

    /// The number in a heading "Resolution 1445 (2002)" or "RESOLUTION 827 (1993)".
    fn resolution_heading<'t>(&self, t: &'t str) -> Option<&'t str> {
        if let Some(number) = self.lexicon.resolution_number(t) {
            return Some(number);
        }
        let rest = self.resolution_heading_word(t)?;
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(rest)
    }

    /// OCR reads the full stop after a paragraph number as a comma ("1,
    /// Extends once more …"): such a line is paragraph N when it opens with a
    /// capital, no other line is numbered N, and paragraph N − 1 or N + 1 is
    /// there. It is read so, with a warning.
    fn comma_numbers(&mut self, lines: &mut [Line]) {
        let numbered: HashSet<u32> = lines
            .iter()
            .filter_map(|l| self.numbering.operative.captures(&l.text))
            .filter_map(|c| number(&c[1]))
            .collect();
        for line in lines.iter_mut() {
            let Some((n, rest)) = COMMA_NUMBER
                .captures(&line.text)
                .and_then(|c| Some((c[1].parse::<u32>().ok()?, c[2].to_owned())))
            else {
                continue;
            };
            let neighbour = numbered.contains(&(n + 1)) || n > 1 && numbered.contains(&(n - 1));
            if numbered.contains(&n) || !neighbour {
                continue;
            }
            self.warnings.push(Warning {
                line: line.no,
                message: format!("`{n},` read as paragraph number `{n}.` (OCR noise?)"),
            });
            line.text = format!("{n}. {rest}");
        }
    }

    /// After "38 (1948)." in a volume's heading: "Resolution of 17 January
    /// 1948" gives the date; OCR noise in that date is kept and reported.
    fn volume_heading(&mut self, rest: &str, no: usize, t: &str) {
        let date = self
            .resolution_heading_word(rest)
            .and_then(|r| self.of_date(r));
        match date.map(|d| (d, self.parse_date(d))) {
            Some((_, Some(date))) => {
                self.date = Some(date);
                self.drop_line(no, "volume heading (kept as `number` and `date`)", t);
            }
            Some((d, None)) => self.keep_as_source(
                no,
                &format!("`{d}` in the heading reads as a date, but does not parse (OCR noise?)"),
                t,
            ),
            None => self.keep_as_source(no, "the words after the number in the heading", t),
        }
    }

    /// The rest of `t` after the word "Resolution" (in any case) and a space.
    fn resolution_heading_word<'t>(&self, t: &'t str) -> Option<&'t str> {
        let word = &self.lexicon.resolution_word;
        let n = word.chars().count();
        let head: String = t.chars().take(n).collect();
        if head.to_lowercase() != word.to_lowercase() {
            return None;
        }
        t[head.len()..].strip_prefix(' ')
    }

    /// The date text of a line "of 3 April 1991" under an older heading.
    fn of_date<'t>(&self, t: &'t str) -> Option<&'t str> {
        let word = self.lexicon.of_date.as_deref()?;
        let rest = t.strip_prefix(word)?.strip_prefix(' ')?;
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(rest)
    }

    /// The agenda item among the masthead lines before a heading: "Agenda
    /// item 89" and its title on the lines after it, up to the line that
    /// opens the adoption block.
    fn agenda_item(&mut self, lines: &[(usize, String)]) {
        let Some(word) = self.lexicon.agenda_item.as_deref() else {
            return;
        };
        let spaceless = self.lexicon.spaceless;
        let Some((at, rest)) = lines.iter().enumerate().find_map(|(i, (_, l))| {
            let r = l.strip_prefix(word)?;
            let r = if spaceless {
                r.trim_start()
            } else {
                r.strip_prefix(' ')?
            };
            r.starts_with(|c: char| c.is_ascii_digit())
                .then_some((i, r))
        }) else {
            return;
        };
        let number = rest.to_owned();
        // The French form ends in "de l'ordre du jour": keep the number only.
        let mut number = number
            .split_once(" de l")
            .map_or(number.clone(), |(n, _)| n.to_owned());
        // "Tema 99 g) del programa", "البند 99 (ز) من جدول الأعمال".
        for suffix in &self.lexicon.agenda_item_suffixes {
            if let Some(n) = number.strip_suffix(suffix.as_str()) {
                number = n.trim_end().to_owned();
                break;
            }
        }
        let title: Vec<&str> = lines[at + 1..]
            .iter()
            .map(|(_, l)| l.as_str())
            .take_while(|l| {
                !self
                    .lexicon
                    .adopted_heading
                    .as_ref()
                    .is_some_and(|h| l.starts_with(h.as_str()))
                    && self.parse_date(l).is_none()
            })
            .collect();
        self.agenda = Some(AgendaItem {
            number,
            title: (!title.is_empty()).then(|| title.join(" ")),
        });
    }

    /// A lettered sub-paragraph's letter (as a, b … whatever the script it
    /// is printed in: "(ب)" is `b`) and its text.
    fn sub_paragraph<'t>(&self, t: &'t str) -> Option<(String, &'t str)> {
        let c = self.numbering.sub.captures(t)?;
        let printed = c.get(1)?.as_str();
        let label = if printed.bytes().all(|b| b.is_ascii_lowercase()) {
            printed.to_owned()
        } else {
            letter(self.lexicon.letter_rank(printed)?)
        };
        Some((label, c.get(2)?.as_str()))
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

    /// "Annex", "Annex II", "Annex 2", "Annex A", in capitals too.
    fn is_annex_heading(&self, t: &str) -> bool {
        self.lexicon.annex_words.iter().any(|w| {
            let n = w.chars().count();
            let head: String = t.chars().take(n).collect();
            if head.to_lowercase() != w.to_lowercase() {
                return false;
            }
            let rest = &t[head.len()..];
            rest.is_empty()
                || rest.strip_prefix(' ').is_some_and(|r| {
                    let roman_or_figure = r
                        .chars()
                        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L') || c.is_ascii_digit());
                    let letter = r.len() == 1 && r.chars().all(|c| c.is_ascii_uppercase());
                    !r.is_empty() && (roman_or_figure || letter)
                })
        })
    }

    /// The number of the next part, if `t` is it alone on its line: "A",
    /// "B" … or "I", "II" … in order (a part letter OCR read in lower case
    /// is taken too).
    fn part_number(&mut self, t: &str, seen: usize) -> Option<String> {
        let letter = char::from(b'A' + u8::try_from(seen % 26).ok()?).to_string();
        let roman = roman(seen + 1);
        let letters = self.part_letters;
        let number = if letters != Some(false)
            && (t == letter || (letters == Some(true) && t == letter.to_lowercase()))
        {
            self.part_letters = Some(true);
            letter
        } else if letters != Some(true) && t == roman {
            self.part_letters = Some(false);
            roman
        } else {
            return None;
        };
        Some(number)
    }

    /// "45th plenary meeting" / "45e séance plénière": the meeting's name.
    /// A qualifier in brackets may come anywhere after the number ("50th
    /// (resumed) plenary meeting").
    fn meeting_line(&self, t: &str) -> Option<String> {
        if let Some((number, rest)) = t.split_once(' ') {
            if number.starts_with(|c: char| c.is_ascii_digit()) && number.len() <= 8 {
                let rest = rest
                    .split_whitespace()
                    .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
                    .collect::<Vec<_>>()
                    .join(" ");
                if self.lexicon.meeting_suffixes.contains(&rest) {
                    return Some(t.to_owned());
                }
            }
        }
        if self.lexicon.meeting_patterns.is_empty() || t.chars().count() > 60 {
            return None;
        }
        // "第44次全体会议", "الجلسة العامة 44": the number inside the words; a
        // qualifier in brackets ("(续)") may come anywhere.
        let mut bare = String::with_capacity(t.len());
        let mut depth = 0usize;
        for c in t.chars() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' if depth > 0 => depth -= 1,
                _ if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        self.lexicon
            .meeting_pattern(&squeeze(&bare))
            .then(|| t.to_owned())
    }

    /// "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002";
    /// `dropped` when its first line `no` is already in the dropped lines.
    fn adoption_line(&mut self, t: &str, no: usize, dropped: bool) {
        if let Some((Some(name), date)) = self.lexicon.adoption(t) {
            self.meeting = Some(Meeting { name, date });
            self.date = Some(date);
            if !dropped {
                self.drop_line(no, "adoption line (kept as `meeting`)", t);
            }
            return;
        }
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
        let latin = DATE.captures(t.trim()).and_then(|c| {
            // The masthead of a Russian, Arabic or Chinese document keeps
            // its date in English ("Distr.: General / 6 July 2015").
            let month = self.lexicon.month(&c[2]).or_else(|| {
                Date::ENGLISH_MONTHS
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(&c[2]))
                    .and_then(|i| u8::try_from(i + 1).ok())
            })?;
            Date::new(c[3].parse().ok()?, month, c[1].parse().ok()?)
        });
        // The locale's own pattern: "21 de julio de 2015", "21 июля 2015
        // года", "25 آذار/مارس 2019", "2015年7月21日".
        latin.or_else(|| self.lexicon.date(t))
    }

    /// Joins a paragraph's lines, undoing line-break hyphenation.
    fn join(&mut self, para: Para) -> Built {
        let line = para.lines.first().map_or(0, |l| l.0);
        let mut text = Joined::default();
        for (no, l) in &para.lines {
            let starts_word = l.starts_with(char::is_alphanumeric);
            if text.text.ends_with('-') && !text.text.ends_with(" -") && starts_word {
                let (left, last_part) = text.split_word();
                let right = l.split(' ').next().unwrap_or("").to_owned();
                let right_word = right.trim_end_matches(|c: char| !c.is_alphanumeric());
                let keep = self.unhyphenated
                    || self.lexicon.keeps_hyphen(tail(last_part))
                    || l.starts_with(char::is_uppercase)
                    || l.starts_with(|c: char| c.is_ascii_digit())
                    || self
                        .hyphenated
                        .contains(&format!("{}-{right_word}", tail(last_part)).to_lowercase());
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
                // Chinese lines join without a space where either side is a
                // Chinese character or sign.
                let glued = self.lexicon.spaceless
                    && (text.text.chars().next_back().is_some_and(cjk)
                        || l.chars().next().is_some_and(cjk));
                if !text.text.is_empty() && !glued {
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
    fn markers(&mut self, text: &str, line: usize, cites: &mut Cites) -> String {
        let mut noted = Vec::new();
        let out = self.marked(text, line, cites, &mut noted);
        self.warnings.extend(noted);
        out
    }

    /// [`markers`](Self::markers), its warnings (a figure that looks like a
    /// footnote call with no footnote, OCR noise) onto `noted`.
    fn marked(
        &self,
        text: &str,
        line: usize,
        cites: &mut Cites,
        noted: &mut Vec<Warning>,
    ) -> String {
        // Weak evidence (a number after a digit, or standing alone) counts
        // only for the next footnote in order, or one already cited.
        let words: Vec<&str> = text.split(' ').collect();
        let mut out = String::with_capacity(text.len() + 16);
        // Where the last word written to `out` starts.
        let mut last: Option<usize> = None;
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            if self.lexicon.spaceless && w.bytes().any(|b| b.is_ascii_digit()) && w.chars().any(cjk)
            {
                // Chinese: a run of text with markers glued inside it.
                let marked = cjk_markers(w, cites);
                push_word(&mut out, &mut last, &marked);
                i += 1;
                continue;
            }
            // Markers are digits: a word without one is copied as it is
            // (and the patterns below are not run on it).
            if !w.bytes().any(|b| b.is_ascii_digit()) {
                if w.contains([']', '[', '|']) && NOISE.is_match(w) {
                    noted.push(Warning {
                        line,
                        message: format!("`{w}` looks like OCR noise; kept as printed"),
                    });
                }
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
            if !self.in_annex
                && !cites.known(w)
                && w.len() <= 3
                && w.bytes().all(|b| b.is_ascii_digit())
            {
                let prev = last.map(|start| &out[start..]);
                let next = words.get(i + 1).copied();
                if prev.is_some_and(|p| self.after_call(p))
                    && next.is_none_or(|n| n.starts_with(char::is_lowercase))
                {
                    noted.push(Warning {
                        line,
                        message: format!(
                            "`{w}` after `{}` looks like a footnote call, but the text has no footnote {w}; kept as text",
                            prev.unwrap_or_default()
                        ),
                    });
                }
            }
            push_word(&mut out, &mut last, w);
            i += 1;
        }
        out
    }

    /// Whether a footnote call may follow this word: it ends a clause
    /// ("," or ".") after a word or a year, and is no number word.
    fn after_call(&self, prev: &str) -> bool {
        let Some(word) = prev.strip_suffix([',', '.']) else {
            return false;
        };
        let word = word.trim_end_matches(['»', '"', '”', '’', ')']);
        let year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
        let lower = word.to_lowercase();
        (word.ends_with(char::is_alphabetic) || year) && !self.number_words.contains(&lower)
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
        let mut parts: Vec<Part> = Vec::new();
        let mut in_operative = false;
        let mut annex_index = 0usize;
        for b in built {
            // The paragraphs of the current part, or those before any part.
            let (pre, ops) = match parts.last_mut() {
                Some(p) => (&mut p.preamble, &mut p.operative),
                None => (&mut preamble, &mut operative),
            };
            match b.kind {
                Kind::Title => {
                    if !title.is_empty() {
                        title.push(' ');
                    }
                    title.push_str(&self.markers(&b.text, b.line, &mut cited));
                }
                Kind::Part(number) => {
                    in_operative = false;
                    parts.push(Part {
                        number,
                        heading: None,
                        preamble: Vec::new(),
                        operative: Vec::new(),
                    });
                }
                Kind::PartHeading => {
                    let text = self.markers(&b.text, b.line, &mut cited);
                    if let Some(p) = parts.last_mut() {
                        match &mut p.heading {
                            Some(h) => {
                                h.push(' ');
                                h.push_str(&text);
                            }
                            None => p.heading = Some(text),
                        }
                    }
                }
                Kind::Preamble => {
                    let text = self.markers(&b.text, b.line, &mut cited);
                    let (lead, rest) = self.lead(&text, b.line, false);
                    pre.push(PreambularParagraph {
                        lead,
                        text: rest,
                        subparagraphs: Vec::new(),
                    });
                }
                Kind::Operative(number) => {
                    in_operative = true;
                    let text = self.markers(&b.text, b.line, &mut cited);
                    let (lead, rest) = self.lead(&text, b.line, true);
                    ops.push(OperativeParagraph {
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
                        text: self.markers(&b.text, b.line, &mut cited),
                    };
                    match (in_operative, ops.last_mut(), pre.last_mut()) {
                        (true, Some(p), _) => p.subparagraphs.push(sub),
                        (false, _, Some(p)) => p.subparagraphs.push(sub),
                        _ => {
                            self.warnings.push(Warning { line: b.line, message: "a sub-paragraph before any paragraph; kept as a preambular paragraph".into() });
                            let label = if sub.letter == DASH {
                                DASH.to_owned()
                            } else {
                                format!("{})", sub.letter)
                            };
                            pre.push(PreambularParagraph {
                                lead: String::new(),
                                text: format!("{label} {}", sub.text),
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
                    // Annexes are lists and tables of figures: no guessing
                    // of footnote calls there.
                    self.in_annex = true;
                    let text = self.markers(&b.text, b.line, &mut cited);
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
        if operative.is_empty() && parts.iter().all(|p| p.operative.is_empty()) {
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
            parts,
            footnotes,
            meeting,
            source: self.symbol.take(),
            annexes,
            committee: self.committee.take(),
            agenda_item: self.agenda.take(),
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
        if operative {
            // "In regard to …, endorses …": the lead verb is not at the start.
            let inside = self
                .lexicon
                .operative_leads
                .iter()
                .filter_map(|l| {
                    let mut chars = l.chars();
                    let lower: String = chars
                        .next()
                        .map(|c| c.to_lowercase().chain(chars).collect())
                        .unwrap_or_default();
                    text.find(&format!(", {lower} ")).map(|at| (at, l))
                })
                .min_by_key(|(at, _)| *at)
                .map(|(_, l)| l);
            if let Some(verb) = inside {
                self.warnings.push(Warning {
                    line,
                    message: format!(
                        "this operative paragraph opens with a phrase before its verb (`{}`); kept without lead words",
                        verb.to_lowercase()
                    ),
                });
                return (String::new(), text.to_owned());
            }
        }
        if self.lexicon.spaceless {
            // No word to take: the paragraph keeps all its text.
            self.warnings.push(Warning {
                line,
                message: format!(
                    "no known lead words at the start of this {} paragraph; kept without lead words (add the lead to templates/import/{}.yaml)",
                    if operative { "operative" } else { "preambular" },
                    self.lexicon.lang
                ),
            });
            return (String::new(), text.to_owned());
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

/// Footnotes at the foot of a page that has no rule line over them, as
/// `pdftotext` gives a PDF whose separator is drawn: the lines `start..end`
/// (0-based), and the notes they hold.
#[derive(Debug)]
struct NoteBlock {
    start: usize,
    end: usize,
    notes: Vec<(String, String)>,
}

/// The rule-less footnote blocks of a text, page by page: at a page's end
/// (before its page number), after a blank line, footnote numbers alone on
/// their lines, in order from the next expected number, with their texts
/// either each under its number (`pdftotext -layout`) or all after the
/// numbers, one line each (plain `pdftotext`). A page with a rule line is
/// left to the rule.
fn notes_without_rule(lines: &[&str]) -> Vec<NoteBlock> {
    let mut out = Vec::new();
    let mut next = 1u32;
    let mut page_start = 0;
    let mut last_page = 0;
    for i in 0..lines.len() {
        let last = i + 1 == lines.len();
        let breaks = lines.get(i + 1).is_some_and(|l| l.starts_with('\u{c}'));
        if !(breaks || last) {
            continue;
        }
        let page = &lines[page_start..=i];
        if let Some(b) = page_notes(page, page_start, &mut next) {
            out.push(b);
        }
        last_page = page_start;
        page_start = i + 1;
    }
    if out.last().is_none_or(|b| b.start < last_page) {
        out.extend(trailing_notes(lines, last_page));
    }
    out
}

/// The notes at the very end of a text, each opening with its number on the
/// same line, after a blank line ("1 See Official Records …", as the
/// Official Records volumes print them at a page's foot and transcriptions
/// keep them at the end). The volumes number notes through the volume, so
/// the first may be any number; the others follow it in turn, each after a
/// blank line or on the line after the last one's text.
fn trailing_notes(lines: &[&str], page_start: usize) -> Option<NoteBlock> {
    let clean = |l: &str| squeeze(l.replace('\u{c}', "").trim());
    // One pass: the notes since the last line that cannot be in the block
    // (a line after a blank that opens no next note); what runs to the end
    // is the block.
    let mut block: Option<NoteBlock> = None;
    let mut after_blank = false;
    for (k, l) in lines.iter().enumerate().skip(page_start) {
        let l = clean(l);
        if l.is_empty() {
            after_blank = true;
            continue;
        }
        let opens = NOTE_START.captures(&l).filter(|c| {
            c.get(2)
                .is_some_and(|t| !t.as_str().starts_with(char::is_lowercase))
        });
        let want = block
            .as_ref()
            .and_then(|b| b.notes.last())
            .and_then(|(n, _)| n.parse::<u32>().ok())
            .map(|n| n + 1);
        match (opens, &mut block) {
            (Some(c), Some(b)) if want.is_some_and(|w| c[1].parse() == Ok(w)) => {
                b.notes.push((c[1].to_owned(), c[2].to_owned()));
                b.end = k + 1;
            }
            (Some(c), _) if after_blank => {
                block = Some(NoteBlock {
                    start: k,
                    end: k + 1,
                    notes: vec![(c[1].to_owned(), c[2].to_owned())],
                });
            }
            (_, Some(b)) if !after_blank => {
                if let Some((_, text)) = b.notes.last_mut() {
                    text.push(' ');
                    text.push_str(&l);
                }
                b.end = k + 1;
            }
            _ => block = None,
        }
        after_blank = false;
    }
    block
}

/// The rule-less footnote block of one page (lines from `offset`), if any.
fn page_notes(page: &[&str], offset: usize, next: &mut u32) -> Option<NoteBlock> {
    let clean = |l: &str| l.replace('\u{c}', "").trim().to_owned();
    if page.iter().any(|l| RULE.is_match(&clean(l))) {
        return None;
    }
    let end = page.len();
    // Each line holding the next note's number may open the block; the
    // first from which the rest of the page reads as notes does.
    let first = next.to_string();
    let block = (0..end)
        .filter(|&k| clean(page[k]) == first)
        .find_map(|k| {
            let body: Vec<String> = page[k..end]
                .iter()
                .map(|l| clean(l))
                .filter(|l| !(l.is_empty() || l.contains('/') && PAGE_NUMBER.is_match(l)))
                .collect();
            let notes = read_notes(&body, *next)?;
            Some(NoteBlock {
                start: offset + k,
                end: offset + end,
                notes,
            })
        })?;
    *next += u32::try_from(block.notes.len()).ok()?;
    Some(block)
}

/// The notes in a block's lines (no blank lines, no page number), from note
/// `next` on.
fn read_notes(body: &[String], next: u32) -> Option<Vec<(String, String)>> {
    // Plain pdftotext: the numbers, then one line of text each.
    let numbers = body
        .iter()
        .zip(next..)
        .take_while(|(l, n)| **l == n.to_string())
        .count();
    let notes: Vec<(String, String)> = if numbers > 0 && body.len() == 2 * numbers {
        (0..numbers)
            .map(|k| (body[k].clone(), body[numbers + k].clone()))
            .collect()
    } else {
        // pdftotext -layout: each number, then its lines.
        let mut notes: Vec<(String, String)> = Vec::new();
        let mut want = next;
        for l in body {
            if *l == want.to_string() {
                notes.push((l.clone(), String::new()));
                want += 1;
            } else {
                let (_, text) = notes.last_mut()?;
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(l);
            }
        }
        if notes.iter().any(|(_, t)| t.is_empty()) {
            return None;
        }
        notes
    };
    (!notes.is_empty()).then_some(notes)
}

/// How many whitespace characters a line starts with.
fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

/// A number in capital roman numerals (parts go up to a few dozen).
fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The pieces either side of each hyphen inside the words of the body's
/// lines ("ex-combatants" gives `ex-combatants`), in lower case; a hyphen at
/// a line end is not one of them.
fn hyphenated_words(lines: &[Line]) -> HashSet<String> {
    let mut out = HashSet::new();
    for line in lines {
        for word in line.text.split(' ') {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.contains('-') {
                continue;
            }
            let pieces: Vec<&str> = word.split('-').collect();
            for pair in pieces.windows(2) {
                if !pair[0].is_empty() && !pair[1].is_empty() {
                    out.insert(format!("{}-{}", pair[0], pair[1]).to_lowercase());
                }
            }
        }
    }
    out
}

/// Whether `c` is a Chinese character or a sign of Chinese text (the CJK
/// punctuation, full-width forms, the quotation marks and brackets Chinese
/// prints).
fn cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// `run` (a stretch of Chinese text without spaces) with the footnote
/// markers glued inside it written `[^n]`: a figure of one to three digits
/// right after a Chinese character or a closing sign ("《公约》1，"), before a
/// Chinese character or sign or the end, that the notes define and that is
/// the next footnote or one cited already. A figure of a date, a count, an
/// ordinal or a symbol ("2015年", "第21段", "70/1号", "17个") is none.
fn cjk_markers(run: &str, cites: &mut Cites) -> String {
    const AFTER: &[char] = &['》', '”', '）', ')', '」', '』', '’'];
    const NOT_BEFORE: &[char] = &[
        '年', '月', '日', '号', '次', '届', '段', '条', '项', '个', '%', '％', '/', '.', '-', '–',
        '岁', '名', '人', '国', '亿', '万', '千', '百', '天', '周', '小', '时', '分', '秒', '倍',
        '页', '卷',
    ];
    let chars: Vec<char> = run.chars().collect();
    let mut out = String::with_capacity(run.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let figure: String = chars[start..i].iter().collect();
        let before = start.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(i).copied();
        let glued = figure.len() <= 3
            && before.is_some_and(|b| {
                (cjk(b) && b != '第' && !NOT_BEFORE.contains(&b)) || AFTER.contains(&b)
            })
            && after.is_none_or(|a| cjk(a) && !NOT_BEFORE.contains(&a))
            && cites.known(&figure)
            && cites.plausible(&figure);
        if glued {
            cites.cite(&figure);
            out.push_str("[^");
            out.push_str(&figure);
            out.push(']');
        } else {
            out.push_str(&figure);
        }
    }
    out
}

#[cfg(test)]
mod tests;
