//! Characters nobody sees but every search, spell checker and diff trips over, left by
//! copy-paste from PDFs, web pages and terminals. Four checks share this file:
//!
//! - `encoding/control-character`: C0 and C1 control characters other than tab, line
//!   feed, carriage return and form feed (an ANSI colour sequence `ESC[31m` goes whole);
//! - `encoding/invisible-character`: zero-width space, zero-width (non-)joiner, word
//!   joiner, soft hyphen and a byte-order mark inside the text;
//! - `encoding/replacement-character`: U+FFFD, where a decoder already lost a character;
//! - `encoding/no-break-space-in-word`: a no-break space between two lowercase letters
//!   (`infor\u{A0}mation`).
//!
//! Each scan looks for its bytes with a regex (a literal search on ordinary text) and
//! returns at once on texts without them.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

/// What a rule of this file looks for.
#[derive(Clone, Copy)]
enum Kind {
    Control,
    Invisible,
    Replacement,
    NbspInWord,
}

pub struct InvisibleCheck {
    meta: RuleMeta,
    kind: Kind,
}

// U+0001 is left out: the Markdown prose mask writes it for inline markup.
static CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\x1B\[[0-9;?]*[A-Za-z]|[\x00\x02-\x08\x0B\x0E-\x1F\x7F\u{80}-\u{9F}]+")
        .expect("valid regex")
});
static INVISIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[\u{AD}\u{200B}-\u{200D}\u{2060}\u{FEFF}]+").expect("valid regex")
});
static REPLACEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\u{FFFD}+").expect("valid regex"));

/// Short words a no-break space may tie to the next or previous one on purpose.
const TIED_WORDS: &[&str] = &[
    "a", "al", "am", "an", "and", "as", "at", "by", "cf", "de", "did", "do", "du", "e", "et",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "ie", "if", "in", "is", "it",
    "its", "la", "le", "me", "my", "no", "nor", "not", "of", "on", "or", "our", "p", "pm", "pp",
    "per", "she", "so", "than", "that", "the", "their", "this", "to", "too", "up", "us", "van",
    "vol", "von", "vs", "was", "we", "were", "who", "with", "you", "your",
];

/// Abbreviations of the C0 controls, by code.
const C0_NAMES: [&str; 32] = [
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
];

/// Whether `bytes` may hold a control character this file reports: C0 controls and DEL
/// by a branch-free scan the compiler vectorises, C1 controls (`C2 80`–`C2 9F`) by a
/// search for their first byte.
fn has_control(bytes: &[u8]) -> bool {
    let c0 = |b: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x01))
            | (b == 0x7F)
    };
    bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |hit, &b| hit | c0(b)))
        || memchr::memchr_iter(0xC2, bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
}

/// `U+XXXX NAME` of a character this file reports.
fn name(c: char) -> String {
    let name = match c as u32 {
        n @ 0..=0x1F => C0_NAMES[n as usize],
        0x7F => "DELETE",
        0x80..=0x9F => "C1 CONTROL",
        0xA0 => "NO-BREAK SPACE",
        0xAD => "SOFT HYPHEN",
        0x200B => "ZERO WIDTH SPACE",
        0x200C => "ZERO WIDTH NON-JOINER",
        0x200D => "ZERO WIDTH JOINER",
        0x2060 => "WORD JOINER",
        0xFEFF => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        0xFFFD => "REPLACEMENT CHARACTER",
        _ => "",
    };
    format!("U+{:04X} {name}", c as u32)
}

/// Whether `c` belongs to a script where zero-width characters do real work (Arabic,
/// Persian, Indic, Thai, CJK…), or is an emoji or symbol a joiner may bind: anything
/// beyond ASCII, Latin letters, general punctuation and white space.
fn non_latin(c: char) -> bool {
    let n = c as u32;
    !(c.is_whitespace()
        || n < 0x250
        || (0x1E00..=0x1EFF).contains(&n)
        || (0x2000..=0x206F).contains(&n)
        || c == '\u{FEFF}')
}

/// Whether the line around `at` names the character `c` (`U+00AD`, `0xad`, `SOFT
/// HYPHEN`): a text about the character, not a stray one.
fn documented(text: &str, at: usize, c: char) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].to_ascii_uppercase();
    let code = c as u32;
    let long_name = name(c);
    let plain_name = long_name.split_once(' ').map_or("", |(_, n)| n);
    line.contains(&format!("{code:04X}"))
        || line.contains(&format!("0X{code:02X}"))
        || (!plain_name.is_empty() && line.contains(plain_name))
}

impl InvisibleCheck {
    fn find(&self, text: &str, out: &mut Vec<Diagnostic>) {
        match self.kind {
            Kind::Control => {
                if !has_control(text.as_bytes()) {
                    return;
                }
                for m in CONTROL.find_iter(text) {
                    let first = m.as_str().chars().next().expect("non-empty match");
                    // C1 controls right after other non-ASCII characters are part of
                    // mojibake (`â€\u{9D}`), which `encoding/mojibake` reports.
                    let prev = text[..m.start()].chars().next_back();
                    if !first.is_ascii() && prev.is_some_and(|c| !c.is_ascii()) {
                        continue;
                    }
                    let message = if m.as_str().starts_with("\u{1B}[") {
                        format!("terminal escape sequence “ESC{}” in text", &m.as_str()[1..])
                    } else {
                        format!("stray control character {}", name(first))
                    };
                    let mut d = self.deletion(m.range(), message);
                    // Glued to a number, a control character often stands for a sign a
                    // conversion lost (`4 1\u{2} per cent` for `4½`): deleting it is then
                    // no repair, and only a reader can restore the sign.
                    if prev.is_some_and(|c| c.is_ascii_digit()) {
                        if let Some(fix) = d.fix.as_mut() {
                            fix.applicability = Applicability::Unsafe;
                        }
                    }
                    out.push(d);
                }
            }
            Kind::Invisible => {
                if text.is_ascii() {
                    return;
                }
                for m in INVISIBLE.find_iter(text) {
                    let first = m.as_str().chars().next().expect("non-empty match");
                    if first == '\u{FEFF}' && m.start() == 0 {
                        continue; // a byte-order mark where it belongs
                    }
                    let prev = text[..m.start()].chars().next_back();
                    let next = text[m.end()..].chars().next();
                    // Joiners do real work next to emoji and non-Latin letters, and
                    // zero-width spaces in Thai, Khmer or CJK text: look at the neighbours
                    // and at the letters a few characters around.
                    let near = |c: char| non_latin(c) && c.is_alphabetic();
                    let foreign = prev.is_some_and(non_latin)
                        || next.is_some_and(non_latin)
                        || text[..m.start()].chars().rev().take(8).any(near)
                        || text[m.end()..].chars().take(8).any(near);
                    if foreign || documented(text, m.start(), first) {
                        continue;
                    }
                    let inside = prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    let place = if inside { "inside a word" } else { "in text" };
                    let message = format!("invisible {} {place}", name(first));
                    out.push(self.deletion(m.range(), message));
                }
            }
            Kind::Replacement => {
                if text.is_ascii() {
                    return;
                }
                for m in REPLACEMENT.find_iter(text) {
                    // `â€�` is a garbled `”` that `encoding/mojibake` reports.
                    if text[..m.start()].ends_with("â€") || documented(text, m.start(), '\u{FFFD}')
                    {
                        continue;
                    }
                    let count = m.as_str().chars().count();
                    let message = if count == 1 {
                        format!(
                            "{}: a character was lost when the text was decoded",
                            name('\u{FFFD}')
                        )
                    } else {
                        format!(
                            "{count} × {}: characters were lost when the text was decoded",
                            name('\u{FFFD}')
                        )
                    };
                    out.push(self.meta.diagnostic(m.range(), message, None));
                }
            }
            Kind::NbspInWord => {
                let bytes = text.as_bytes();
                for at in memchr::memmem::find_iter(bytes, "\u{A0}".as_bytes()) {
                    let end = at + '\u{A0}'.len_utf8();
                    let left_start = at
                        - bytes[..at]
                            .iter()
                            .rev()
                            .take_while(|b| b.is_ascii_lowercase())
                            .count();
                    let right_end = end
                        + bytes[end..]
                            .iter()
                            .take_while(|b| b.is_ascii_lowercase())
                            .count();
                    let (left, right) = (&text[left_start..at], &text[end..right_end]);
                    if left.is_empty() || right.is_empty() {
                        continue;
                    }
                    // Only whole words on both sides.
                    let before = text[..left_start].chars().next_back();
                    let after = text[right_end..].chars().next();
                    let glued = |c: Option<char>| {
                        c.is_some_and(|c| c.is_alphanumeric() || "\u{A0}_-@/.'’%$\\".contains(c))
                    };
                    // A lone letter is a word: Czech and Polish tie `v`, `z`, `w` to
                    // the next word.
                    if glued(before)
                        || glued(after)
                        || left.len() == 1
                        || right.len() == 1
                        || TIED_WORDS.contains(&left)
                        || TIED_WORDS.contains(&right)
                    {
                        continue;
                    }
                    let span = at..end;
                    let message = format!(
                        "{} between “{left}” and “{right}”: a word split in two?",
                        name('\u{A0}')
                    );
                    let fix = Fix {
                        replacement: String::new(),
                        applicability: Applicability::Unsafe,
                    };
                    out.push(self.meta.diagnostic(span, message, Some(fix)));
                }
            }
        }
    }

    fn deletion(&self, span: std::ops::Range<usize>, message: String) -> Diagnostic {
        let fix = Fix {
            replacement: String::new(),
            applicability: Applicability::Safe,
        };
        self.meta.diagnostic(span, message, Some(fix))
    }
}

impl Rule for InvisibleCheck {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        self.find(text, out);
    }
}

/// `encoding/control-character`.
pub fn control() -> InvisibleCheck {
    InvisibleCheck {
        kind: Kind::Control,
        meta: RuleMeta {
            id: "encoding/control-character".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Safe),
            summary: "stray control character".into(),
            description: "A C0 or C1 control character other than tab, line feed, \
                carriage return and form feed: a leftover of terminals, old word \
                processors or a broken conversion (NUL, BELL, BACKSPACE, ESCAPE…). The safe \
                fix deletes it; an ANSI colour sequence (`ESC[31m`) is deleted whole. \
                U+0001 is not reported (the Markdown mode uses it internally), nor is a C1 \
                control inside a run of garbled characters, which `encoding/mojibake` \
                repairs. Right after a digit it often stands for a sign a conversion \
                lost (`4 1\u{2} per cent` for `4½ per cent`): there the fix is unsafe."
                .into(),
            origin: file!().into(),
            examples: vec![
                Example::bad("The vote\u{7} passed.", "The vote passed."),
                Example::bad("\u{1B}[31mError\u{1B}[0m: none", "Error: none"),
                Example::bad("a\u{85}b and c\u{0}\u{0}d", "ab and cd"),
                Example::good("Tabs\tand\r\nline feeds\n\u{C}page break"),
            ],
        },
    }
}

/// `encoding/invisible-character`.
pub fn invisible() -> InvisibleCheck {
    InvisibleCheck {
        kind: Kind::Invisible,
        meta: RuleMeta {
            id: "encoding/invisible-character".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Safe),
            summary: "zero-width character or soft hyphen in text".into(),
            description: "A zero-width space, word joiner, soft hyphen or byte-order mark \
                inside the text, or a zero-width joiner or non-joiner between Latin letters: \
                invisible leftovers of web pages and PDFs that break search, spell checking \
                and word counts. The safe fix deletes them. Where they do real work they \
                are left alone: joiners next to Arabic, Persian or Indic letters and inside \
                emoji sequences (👩\u{200D}💻), zero-width spaces between Thai or CJK \
                letters, and a byte-order mark at the very start of a file."
                .into(),
            origin: file!().into(),
            examples: vec![
                Example::bad("infor\u{200B}mation", "information"),
                Example::bad("a co\u{AD}operative", "a cooperative"),
                Example::bad("said \u{FEFF}the \u{200D}man", "said the man"),
                Example::good("\u{FEFF}Title"),
                Example::good("👩\u{200D}💻 and 👨\u{200D}👩\u{200D}👧"),
                Example::good("می\u{200C}خواهم, क्\u{200D}ष, ภาษา\u{200B}ไทย"),
            ],
        },
    }
}

/// `encoding/replacement-character`.
pub fn replacement() -> InvisibleCheck {
    InvisibleCheck {
        kind: Kind::Replacement,
        meta: RuleMeta {
            id: "encoding/replacement-character".into(),
            severity: Severity::Warning,
            fix: None,
            summary: "U+FFFD: a character lost in decoding".into(),
            description: "The replacement character `�` stands where a program could not \
                decode a character: the original is lost, so there is no fix; find it in \
                the source. A run of them is reported once. `â€�` (a garbled `”`) is left \
                to `encoding/mojibake`."
                .into(),
            origin: file!().into(),
            examples: vec![
                Example::flagged("The caf\u{FFFD} opened in S\u{FFFD}\u{FFFD}o Paulo."),
                Example::good("The café opened in São Paulo."),
            ],
        },
    }
}

/// `encoding/no-break-space-in-word`.
pub fn nbsp_in_word() -> InvisibleCheck {
    InvisibleCheck {
        kind: Kind::NbspInWord,
        meta: RuleMeta {
            id: "encoding/no-break-space-in-word".into(),
            severity: Severity::Info,
            fix: Some(Applicability::Unsafe),
            summary: "no-break space inside a word".into(),
            description: "A no-break space between two lowercase letters (`infor\u{A0}mation`) \
                usually splits a word in two: a hyphenation or layout leftover. A no-break \
                space that ties two words on purpose is left alone: after or before a \
                digit or a capital (`10\u{A0}km`, `Mr.\u{A0}Smith`, `Henry\u{A0}VIII`), or \
                next to a short function word (`of\u{A0}the`, `et\u{A0}al.`). Without a \
                dictionary the two halves cannot be told from two words, so the fix (joining \
                them) is unsafe and the severity is info."
                .into(),
            origin: file!().into(),
            examples: vec![
                Example::bad("the infor\u{A0}mation desk", "the information desk"),
                Example::good("10\u{A0}km, Mr.\u{A0}Smith, Henry\u{A0}VIII, page\u{A0}5"),
                Example::good("one of\u{A0}the best, Smith et\u{A0}al. found"),
            ],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(rule: &InvisibleCheck, text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let mut out = Vec::new();
        rule.check(text, &mut out);
        out.into_iter().map(|d| (d.span, d.message)).collect()
    }

    #[test]
    fn a_control_character_after_a_digit_is_deleted_only_unsafely() {
        let applicability = |text: &str| {
            let mut out = Vec::new();
            control().check(text, &mut out);
            out.into_iter()
                .map(|d| (d.span, d.fix.map(|f| f.applicability)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            applicability("bonds at 4 1\u{2} per cent"),
            vec![(12..13, Some(Applicability::Unsafe))]
        );
        assert_eq!(
            applicability("The vote\u{7} passed."),
            vec![(8..9, Some(Applicability::Safe))]
        );
    }

    #[test]
    fn messages_name_the_invisible_character() {
        assert_eq!(
            found(&invisible(), "infor\u{200B}mation"),
            vec![(
                5..8,
                "invisible U+200B ZERO WIDTH SPACE inside a word".into()
            )]
        );
        assert_eq!(
            found(&control(), "vote\u{7}"),
            vec![(4..5, "stray control character U+0007 BELL".into())]
        );
        assert_eq!(
            found(&replacement(), "S\u{FFFD}\u{FFFD}o"),
            vec![(
                1..7,
                "2 × U+FFFD REPLACEMENT CHARACTER: characters were lost when the text was decoded"
                    .into()
            )]
        );
        assert_eq!(
            found(&nbsp_in_word(), "an infor\u{A0}mation"),
            vec![(
                8..10,
                "U+00A0 NO-BREAK SPACE between “infor” and “mation”: a word split in two?".into()
            )]
        );
    }

    #[test]
    fn legitimate_uses_are_left_alone() {
        for text in [
            "\u{FEFF}Title",
            "👍\u{200D}🏽 ❤\u{FE0F}\u{200D}🔥",
            "नमस्\u{200C}ते",
            "گفت\u{200C}وگو",
            "«-»\u{200C} باشند",
            "មាន\u{200B}កញ្ចប់ `\u{200B}%.255s' បាន",
            "日本\u{200B}語",
            "10\u{A0}km",
            "a\u{A0}few",
            "Mr.\u{A0}Smith",
        ] {
            for rule in [control(), invisible(), replacement(), nbsp_in_word()] {
                assert_eq!(found(&rule, text), vec![], "{} on {text:?}", rule.meta.id);
            }
        }
        // Garbled `”` belongs to encoding/mojibake.
        assert_eq!(found(&replacement(), "yesâ€\u{FFFD}"), vec![]);
        assert_eq!(found(&control(), "yesâ€\u{9D}"), vec![]);
        // Texts about the character.
        assert_eq!(found(&invisible(), "0xad \u{AD} SOFT HYPHEN"), vec![]);
        assert_eq!(
            found(
                &replacement(),
                "the replacement character `U+FFFD` \u{FFFD} will"
            ),
            vec![]
        );
        // The Markdown mask.
        assert_eq!(found(&control(), "run \u{1}\u{1}\u{1} now"), vec![]);
    }
}
