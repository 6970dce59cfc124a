//! Publication titles in the data's footnotes and references: there, and
//! only there, a title between asterisks is set in italics, as UN footnotes
//! print *Official Records …* and treaty series. Everything else in the text,
//! and the text of every other field, prints as it stands; an asterisk
//! without its pair stays an asterisk.

use crate::compose::markdown::escape;
use crate::doc::Inline;

/// The pieces of `text`: `(italic, piece)` in order.
fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('*') {
        let after = &rest[open + 1..];
        // A title is not empty and does not start or end with a space.
        let Some(close) = after
            .find('*')
            .filter(|&c| c > 0 && !after[..c].starts_with(' ') && !after[..c].ends_with(' '))
        else {
            break;
        };
        if open > 0 {
            out.push((false, &rest[..open]));
        }
        out.push((true, &after[..close]));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// `text` as inlines, its titles in italics.
pub fn inlines(text: &str) -> Vec<Inline> {
    pieces(text)
        .into_iter()
        .map(|(italic, t)| match italic {
            true => Inline::Emph(vec![Inline::Text(t.to_owned())]),
            false => Inline::Text(t.to_owned()),
        })
        .collect()
}

/// `text` as Markdown for a template: escaped, its titles in italics.
pub fn markdown(text: &str) -> String {
    pieces(text)
        .into_iter()
        .map(|(italic, t)| match italic {
            true => format!("*{}*", escape(t)),
            false => escape(t),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_between_asterisks_are_italic_and_the_rest_literal() {
        assert_eq!(
            inlines("See *Official Records*, 2015, para. 3."),
            vec![
                Inline::Text("See ".into()),
                Inline::Emph(vec![Inline::Text("Official Records".into())]),
                Inline::Text(", 2015, para. 3.".into()),
            ]
        );
        // Unpaired, empty or spaced asterisks stay what they are.
        for literal in ["a * b", "2 * 3 * 4", "**", "* not a title *", "x*"] {
            assert_eq!(
                inlines(literal),
                vec![Inline::Text(literal.into())],
                "{literal}"
            );
        }
    }

    #[test]
    fn markdown_escapes_everything_but_the_titles_emphasis() {
        assert_eq!(
            markdown("*Treaty Series* [^1] #x"),
            "*Treaty Series* \\[\\^1\\] \\#x"
        );
        assert_eq!(markdown("*a_b*"), "*a\\_b*");
    }
}
