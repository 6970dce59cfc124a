//! The Code 39 barcode at the foot of a parliamentary document's first page:
//! the digits of the job number between the start and stop character
//! (`19-16958 (E)` gives `*1916958*`), as the UN prints it. The bars are
//! worked out here once; each backend only draws them.

use crate::doc::Barcode;

/// Narrow and wide elements, in narrow modules: the 3:1 ratio the standard
/// allows at its widest, which scanners read most easily.
const NARROW: u32 = 1;
const WIDE: u32 = 3;

/// The width of a narrow module and the height of the bars, in millimetres:
/// about the size of the barcode on UN first pages (S/2019/805).
const MODULE_MM: f32 = 0.27;
const HEIGHT_MM: f32 = 4.0;

/// The nine elements of each character, bar first, bars and spaces
/// alternating: `w` wide, `n` narrow (three wide in each, hence the name).
fn pattern(c: char) -> Option<&'static str> {
    Some(match c {
        '0' => "nnnwwnwnn",
        '1' => "wnnwnnnnw",
        '2' => "nnwwnnnnw",
        '3' => "wnwwnnnnn",
        '4' => "nnnwwnnnw",
        '5' => "wnnwwnnnn",
        '6' => "nnwwwnnnn",
        '7' => "nnnwnnwnw",
        '8' => "wnnwnnwnn",
        '9' => "nnwwnnwnn",
        '*' => "nwnnwnwnn",
        _ => return None,
    })
}

/// The most digits a barcode holds: a UN job number has 7; beyond this the
/// data is refused rather than drawn a metre wide.
pub(crate) const MOST_DIGITS: usize = 16;

/// The digits of `job_number` before the language letter.
pub(crate) fn digits(job_number: &str) -> String {
    let number = job_number.split('(').next().unwrap_or_default();
    number.chars().filter(char::is_ascii_digit).collect()
}

/// The barcode of `job_number`: its digits before the language letter, none
/// when it has none or more than [`MOST_DIGITS`] (which `check` refuses).
pub(crate) fn of_job_number(job_number: &str) -> Option<Barcode> {
    let digits = digits(job_number);
    if digits.is_empty() || digits.len() > MOST_DIGITS {
        return None;
    }
    Some(code39(&format!("*{digits}*")))
}

/// The bars of `text`, which holds only digits and asterisks.
fn code39(text: &str) -> Barcode {
    let mut bars = Vec::new();
    let mut x = 0;
    for (i, c) in text.chars().filter_map(pattern).enumerate() {
        if i > 0 {
            // The narrow gap between characters.
            x += NARROW;
        }
        for (j, e) in c.chars().enumerate() {
            let width = if e == 'w' { WIDE } else { NARROW };
            if j % 2 == 0 {
                bars.push((x, width));
            }
            x += width;
        }
    }
    Barcode {
        text: text.to_owned(),
        bars,
        modules: x,
        module_mm: MODULE_MM,
        height_mm: HEIGHT_MM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_number_s_digits_are_framed_by_asterisks() {
        let b = of_job_number("19-16958 (E)").expect("digits");
        assert_eq!(b.text, "*1916958*");
        // Nine characters of 15 modules and eight gaps.
        assert_eq!(b.modules, 9 * 15 + 8);
        assert_eq!(b.bars.len(), 9 * 5);
        // The start character: bar n, space w, bar n, space n, bar w, ...
        assert_eq!(&b.bars[..5], &[(0, 1), (4, 1), (6, 3), (10, 3), (14, 1)]);
        // A Vienna job and a reissued one keep only the job's digits.
        assert_eq!(of_job_number("V.17-01234 (E)").unwrap().text, "*1701234*");
        assert_eq!(of_job_number("16-03552* (E)").unwrap().text, "*1603552*");
        assert!(of_job_number("(E)").is_none());
        assert!(of_job_number(&"9".repeat(MOST_DIGITS + 1)).is_none());
    }

    #[test]
    fn every_bar_lies_inside_the_barcode_and_none_overlap() {
        let b = of_job_number("0123456789").unwrap();
        let mut end = 0;
        for &(x, w) in &b.bars {
            assert!(x >= end, "bar at {x} overlaps the one before");
            end = x + w;
        }
        assert_eq!(end, b.modules);
    }
}
