//! `encoding/mojibake`: UTF-8 text that was decoded as Windows-1252 (or Latin-1) and
//! encoded again: `Ã©` for `é`, `â€™` for `’`, `Â ` before a no-break space, or twice
//! over (`Ã¢â‚¬â„¢`).

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

/// A character that Windows-1252 decodes from a UTF-8 lead byte (0xC2–0xF4).
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[\u{C2}-\u{F4}]").expect("valid regex"));

/// Windows-1252's characters for the bytes 0x80–0x9F (0 where it has none).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The byte Windows-1252 (or Latin-1, for its C1 controls) decodes to `c`.
fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xFF => Some(c as u32 as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == c && h != '\0')
            .map(|i| 0x80 + i as u8),
    }
}

pub struct Mojibake {
    meta: RuleMeta,
}

impl Mojibake {
    pub fn new() -> Self {
        Mojibake {
            meta: RuleMeta {
                id: "encoding/mojibake".into(),
                severity: Severity::Error,
                fix: Some(Applicability::Safe),
                summary: "garbled characters from a wrong encoding".into(),
                description: "Text in UTF-8 that some program read as Windows-1252 or \
                    Latin-1 and saved again: each accented letter or curly quote becomes two \
                    or three odd characters (`Ã©` for `é`, `â€™` for `’`, `â€œ` for `“`), \
                    or more when it happened twice. A run is reported when reading its \
                    characters back as bytes gives valid UTF-8, and the safe fix restores \
                    the original. A lone `â€` (the closing quote `”`, whose last byte \
                    Windows-1252 cannot show) and a stray `Â` before a space get an unsafe \
                    fix. Real words are never touched: `São Paulo`, `Ångström`, `Ça va`, \
                    `Nguyễn`, `NÃO` do not read back as UTF-8. A run that stands alone between \
                    quotes is being talked about, not garbled (`the letter ‘È’`, \
                    `sequences like “Ã©”`)."
                    .into(),
                origin: file!().into(),
                examples: vec![
                    Example::bad("Canadaâ€™s cafÃ© rÃ©sumÃ©", "Canada’s café résumé"),
                    Example::bad("He said â€œyesâ€\u{9D}.", "He said “yes”."),
                    Example::bad("Itâ€™s", "It’s"),
                    Example::bad("Itâ€s done", "It”s done"),
                    Example::bad("Ã¢â‚¬â„¢", "’"),
                    Example::bad("costs 5Â\u{A0}€", "costs 5\u{A0}€"),
                    Example::good("São Paulo, Ångström, Ça va, Nguyễn, NÃO, à la carte, Âge"),
                    Example::good("So are ‘È’ and ‘Í’, and the German letter ‘ß’ too."),
                    Example::good("Sequences like “Ã©” or “Ã§” mean a file was read as Latin-1."),
                    Example::bad("The “cafÃ©” opened.", "The “café” opened."),
                ],
            },
        }
    }
}

/// The longest run of mojibake starting at `start`: its end and what it decodes to.
fn decode_run(text: &str, start: usize) -> Option<(usize, String)> {
    let mut bytes = Vec::new();
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    // Whole UTF-8 sequences, one after another.
    while let Some(&(_, c)) = chars.peek() {
        let Some(lead @ 0xC2..=0xF4) = byte_of(c) else {
            break;
        };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut seq = vec![lead];
        let mut seq_end = 0;
        let mut probe = chars.clone();
        probe.next();
        for _ in 0..need {
            match probe.next() {
                Some((i, c)) => match byte_of(c) {
                    Some(b @ 0x80..=0xBF) => {
                        seq.push(b);
                        seq_end = start + i + c.len_utf8();
                    }
                    _ => break,
                },
                None => break,
            }
        }
        if seq.len() != need + 1 || std::str::from_utf8(&seq).is_err() {
            break;
        }
        bytes.extend(seq);
        end = seq_end;
        chars = probe;
    }
    let decoded = String::from_utf8(bytes).ok()?;
    let plausible = decoded
        .chars()
        .all(|c| c.is_alphabetic() || "’‘“”–—…•€£©®™°«»\u{A0}\u{202F}".contains(c));
    (!decoded.is_empty() && plausible && !is_mention(text, start, end)).then_some((end, decoded))
}

/// Whether the run `start..end` stands alone between quotes: a letter named in quotes
/// (`‘È’`, `‘ß’`, whose closing quote would otherwise be read as a second byte) or
/// garbled text shown on purpose (`sequences like “Ã©” or “Ã§”`).
fn is_mention(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let run = &text[start..end];
    match before {
        Some('‘') if run.ends_with('’') => true,
        Some('“') if run.ends_with('”') => true,
        Some('“' | '‘' | '"' | '\'' | '«') => {
            matches!(after, Some('”' | '’' | '"' | '\'' | '»'))
        }
        _ => false,
    }
}

impl Rule for Mojibake {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![LEAD.as_str()]
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        let mut from = 0;
        while let Some(lead) = LEAD.find_at(text, from) {
            let start = lead.start();
            from = lead.end();
            let (end, replacement, applicability, message) =
                if let Some((end, decoded)) = decode_run(text, start) {
                    let message = format!("garbled text: “{decoded}” read with the wrong encoding");
                    (end, decoded, Applicability::Safe, message)
                } else if text[start..].starts_with("â€") {
                    // `”` is E2 80 9D, and Windows-1252 has no character for 0x9D.
                    let message = "garbled closing quote: “â€” is probably ”".to_string();
                    (
                        start + "â€".len(),
                        "”".to_string(),
                        Applicability::Unsafe,
                        message,
                    )
                } else if text[start..].starts_with("Â ") {
                    let message = "stray “Â” before a space: a garbled no-break space".to_string();
                    (
                        start + 'Â'.len_utf8(),
                        String::new(),
                        Applicability::Unsafe,
                        message,
                    )
                } else {
                    continue;
                };
            from = end;
            let fix = Fix {
                replacement,
                applicability,
            };
            let mut d = self.meta.diagnostic(start..end, message, Some(fix));
            if applicability == Applicability::Unsafe {
                d.severity = Severity::Warning;
            }
            out.push(d);
        }
    }
}
