//! `encoding/mojibake`: garbled characters from a wrong encoding.
//!
//! ## What it does
//!
//! Text in UTF-8 that some program read as Windows-1252 or Latin-1 and saved again:
//! each accented letter or curly quote becomes two or three odd characters (`Ã©` for
//! `é`, `â€™` for `’`, `â€œ` for `“`), or more when it happened twice.
//!
//! ## Why it matters
//!
//! A run is reported when reading its characters back as bytes gives valid UTF-8, and
//! the safe fix restores the original. A lone `â€` (the closing quote `”`, whose last
//! byte Windows-1252 cannot show) and a stray `Â` before a space get an unsafe fix, and
//! so does `Ã` followed by a space inside lowercase text (`voilÃ  tout`, the `à` whose
//! no-break space byte became a space). Text garbled twice (`Ã¢â‚¬â„¢`) is read back
//! twice. Real words are never touched: `São Paulo`, `Ångström`, `Ça va`, `Nguyễn`,
//! `NÃO` do not read back as UTF-8, and a run is reported only when it reads back as
//! Latin letters, typographic punctuation or symbols (two or more Greek or Cyrillic
//! letters), never as a lone `Ã`/`Â` with a closing quote after an uppercase word
//! (`“AMANHÔ`). Nor on a line that names an encoding (`UTF-8`, `ISO-8859-1`, `Latin-1`,
//! `Windows-1252`, `mojibake`): there the garbled text is shown as an example, mentioned
//! and not used.
//!
//! ## Example
//!
//! ```text
//! Canadaâ€™s cafÃ© rÃ©sumÃ©
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Canada’s café résumé
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::{Document, Pattern};

/// A character that Windows-1252 decodes from a UTF-8 lead byte (0xC2–0xF4).
static LEAD: Pattern = Pattern::new("[\u{C2}-\u{F4}]");

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
                fixes: Fixes::always(Applicability::Safe).or(Applicability::Unsafe),
                summary: "garbled characters from a wrong encoding".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("Canada[â€™]s caf[Ã©] r[Ã©]sum[Ã©]", "Canada’s café résumé").messages(&["garbled text “â€™”: UTF-8 read as Windows-1252; it should read “’”", "garbled text “Ã©”: UTF-8 read as Windows-1252; it should read “é”", "garbled text “Ã©”: UTF-8 read as Windows-1252; it should read “é”", "garbled text “Ã©”: UTF-8 read as Windows-1252; it should read “é”"]),
                    Example::bad("He said [â€œ]yes[â€\u{9D}].", "He said “yes”.").messages(&["garbled text “â€œ”: UTF-8 read as Windows-1252; it should read ““”", "garbled text “â€”: UTF-8 read as Windows-1252; it should read “””"]),
                    Example::bad("It[â€™]s", "It’s").message("garbled text “â€™”: UTF-8 read as Windows-1252; it should read “’”"),
                    Example::bad("It[â€]s done", "It”s done").message("garbled closing quote: “â€” is probably ”"),
                    Example::bad("[â€œ]Yes[â€\u{FFFD}] he said", "“Yes” he said").messages(&["garbled text “â€œ”: UTF-8 read as Windows-1252; it should read ““”", "garbled closing quote: “â€�” is probably ”"]),
                    Example::bad("[Ã¢â‚¬â„¢]", "’").message("garbled text “Ã¢â‚¬â„¢”: UTF-8 read as Windows-1252; it should read “’”"),
                    Example::bad("costs 5[Â\u{A0}]€", "costs 5\u{A0}€").message("garbled text “Â ”: UTF-8 read as Windows-1252; it should read U+00A0 NO-BREAK SPACE"),
                    Example::bad("[Ã¢â‚¬Å“]Fine[Ã¢â‚¬Â\u{9D}]", "“Fine”").messages(&["garbled text “Ã¢â‚¬Å“”: UTF-8 read as Windows-1252; it should read ““”", "garbled text “Ã¢â‚¬Â”: UTF-8 read as Windows-1252; it should read “””"]),
                    Example::bad("[Ã‰]COLE, ESPA[Ã‘]A", "ÉCOLE, ESPAÑA").messages(&["garbled text “Ã‰”: UTF-8 read as Windows-1252; it should read “É”", "garbled text “Ã‘”: UTF-8 read as Windows-1252; it should read “Ñ”"]),
                    Example::bad("voil[Ã ] tout", "voilà tout").message("garbled “à”: “Ã” and a space"),
                    Example::bad("[ÐŸÑ€Ð¸Ð²ÐµÑ‚]", "Привет").message("garbled text “ÐŸÑ€Ð¸Ð²ÐµÑ‚”: UTF-8 read as Windows-1252; it should read “Привет”"),
                    Example::good("São Paulo, Ångström, Ça va, Nguyễn, NÃO, à la carte, Âge"),
                    Example::good("SÃO PAULO, “AMANHÔ, IRMÃ E MÃE, “Fuß”, “café…”, Straße"),
                    Example::good("Øresund, Þórr, Dvořák, Łódź, Ærø, İstanbul, Đà Nẵng"),
                    Example::good("Read as Latin-1, a UTF-8 file shows “Ã¨” where it means “è”."),
                ],
            },
        }
    }
}

/// One UTF-8 sequence read as Windows-1252 at the start of `s`: its length in `s` and
/// the bytes it stands for.
fn sequence_at(s: &str) -> Option<(usize, Vec<u8>)> {
    let mut chars = s.chars();
    let first = chars.next()?;
    let lead @ 0xC2..=0xF4 = byte_of(first)? else {
        return None;
    };
    let need = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        _ => 3,
    };
    let mut seq = vec![lead];
    let mut len = first.len_utf8();
    for c in chars.take(need) {
        match byte_of(c) {
            Some(b @ 0x80..=0xBF) => {
                seq.push(b);
                len += c.len_utf8();
            }
            _ => return None,
        }
    }
    (seq.len() == need + 1 && std::str::from_utf8(&seq).is_ok()).then_some((len, seq))
}

/// The longest run of whole sequences at the start of `s`: its length and the text it
/// decodes to.
fn decode_prefix(s: &str) -> Option<(usize, String)> {
    let mut bytes = Vec::new();
    let mut len = 0;
    while let Some((n, seq)) = sequence_at(&s[len..]) {
        bytes.extend(seq);
        len += n;
    }
    (len > 0).then(|| (len, String::from_utf8(bytes).expect("whole sequences")))
}

/// Whether `c` is a character English text plausibly holds once repaired: Latin letters
/// (Vietnamese included), the Latin-1 symbols, typographic punctuation, currency signs
/// and `™`. Greek and Cyrillic count only in runs of two or more.
fn plausible(decoded: &str) -> bool {
    let other_script = decoded
        .chars()
        .filter(|c| matches!(*c as u32, 0x370..=0x4FF))
        .count();
    decoded.chars().all(|c| match c as u32 {
        0xA0..=0x24F | 0x1E00..=0x1EFF | 0x2010..=0x205E | 0x20A0..=0x20CF | 0x2122 => true,
        0x370..=0x4FF => other_script >= 2 && c.is_alphabetic(),
        _ => false,
    })
}

/// Punctuation that may follow a real word ending in `Ã` or `Â` (`“IRMÃ”`).
const TRAILING_MARKS: &str = "’‘“”–—…•";

/// The longest run of mojibake starting at `start`: its end and what it decodes to, read
/// back as many times as it was garbled (at most three).
fn decode_run(text: &str, start: usize) -> Option<(usize, String)> {
    let (len, mut decoded) = decode_prefix(&text[start..])?;
    let run = &text[start..start + len];
    // One two-character sequence ending in a quote or dash, not followed by a letter, may
    // be an uppercase word ending in `Ã` and its closing quote: `“AMANHÃ”`.
    let mut run_chars = run.chars();
    if let (Some(_), Some(second), None) = (run_chars.next(), run_chars.next(), run_chars.next()) {
        let next = text[start + len..].chars().next();
        if TRAILING_MARKS.contains(second) && !next.is_some_and(char::is_alphabetic) {
            return None;
        }
    }
    // A text garbled twice may pass through C1 controls (`Â\u{9D}` is the last byte of
    // `”` garbled twice): only the final reading must be plausible.
    for _ in 0..2 {
        match decode_prefix(&decoded) {
            Some((n, again)) if n == decoded.len() && plausible(&again) => decoded = again,
            _ => break,
        }
    }
    plausible(&decoded).then_some((start + len, decoded))
}

/// `decoded` in quotes, or named when it is only an invisible character.
fn shown(decoded: &str) -> String {
    match decoded {
        "\u{A0}" => "U+00A0 NO-BREAK SPACE".to_string(),
        "\u{202F}" => "U+202F NARROW NO-BREAK SPACE".to_string(),
        "\u{AD}" => "U+00AD SOFT HYPHEN".to_string(),
        _ => format!("“{decoded}”"),
    }
}

/// Whether `Ã` at `start` stands for `à` whose no-break space byte became a plain space:
/// `voilÃ  tout`, `Ã  la carte`. Only between lowercase text: `Ã` ends no real word
/// written in lowercase.
fn a_grave_at(text: &str, start: usize) -> bool {
    let rest = &text[start + 'Ã'.len_utf8()..];
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let prev_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_lowercase() || c == ' ');
    let after = after.trim_start_matches(' ');
    prev_ok && after.chars().next().is_some_and(char::is_lowercase)
}

impl Rule for Mojibake {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![LEAD.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let mut from = 0;
        while let Some(lead) = LEAD.find_at(text, from) {
            let start = lead.start();
            from = lead.end();
            let (end, replacement, applicability, message) =
                if let Some((end, decoded)) = decode_run(text, start) {
                    let message = format!(
                        "garbled text “{}”: UTF-8 read as Windows-1252; it should read {}",
                        &text[start..end],
                        shown(&decoded)
                    );
                    (end, decoded, Applicability::Safe, message)
                } else if text[start..].starts_with('Ã') && a_grave_at(text, start) {
                    // `à` is C3 A0: its second byte, a no-break space, became a space.
                    let two_spaces = text[start + 'Ã'.len_utf8()..].starts_with("  ");
                    let end = start + 'Ã'.len_utf8() + usize::from(two_spaces);
                    let message = "garbled “à”: “Ã” and a space".to_string();
                    (end, "à".to_string(), Applicability::Unsafe, message)
                } else if text[start..].starts_with("â€") {
                    // `”` is E2 80 9D, and Windows-1252 has no character for 0x9D.
                    // The lost byte may have become U+FFFD: `â€�`.
                    let lost = if text[start + "â€".len()..].starts_with('\u{FFFD}') {
                        '\u{FFFD}'.len_utf8()
                    } else {
                        0
                    };
                    let message = format!(
                        "garbled closing quote: “{}” is probably ”",
                        &text[start..start + "â€".len() + lost]
                    );
                    (
                        start + "â€".len() + lost,
                        "”".to_string(),
                        Applicability::Unsafe,
                        message,
                    )
                } else if text[start..].starts_with("Â ")
                    // `HÂLÂ ÇALIŞIYOR`: Turkish and Vietnamese capitals end words in `Â`.
                    && !text[..start].chars().next_back().is_some_and(char::is_uppercase)
                {
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
            if shown_as_example(text, start) {
                continue;
            }
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

/// Whether the line holding `at` talks about character encodings (`UTF-8`, `ISO-8859-1`,
/// `Latin-1`, `Windows-1252`, `mojibake`): there garbled text is mentioned, shown as an
/// example of what a wrong decoding does, not used (`characters like “Ã©” appear when
/// UTF-8 is read as ISO-8859-1`).
fn shown_as_example(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].to_ascii_lowercase();
    [
        "utf-8",
        "utf8",
        "iso-8859",
        "iso 8859",
        "latin-1",
        "latin1",
        "windows-1252",
        "cp1252",
        "mojibake",
    ]
    .iter()
    .any(|name| line.contains(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Applicability)> {
        let mut out = Vec::new();
        Mojibake::new().check(&Document::new(text), &mut out);
        out.into_iter()
            .map(|d| {
                let fix = d.fix.expect("every finding has a fix");
                (text[d.span].to_string(), fix.replacement, fix.applicability)
            })
            .collect()
    }

    #[test]
    fn real_words_are_not_mojibake() {
        for word in [
            "São Paulo",
            "SÃO PAULO",
            "NÃO",
            "NÃO É",
            "IRMÃ",
            "MÃE",
            "“AMANHÔ",
            "“IRMÔ,",
            "Ångström",
            "ÅNGSTRÖM",
            "Ça va",
            "À la",
            "Âge",
            "Ærø",
            "Øresund",
            "Þórr",
            "Nguyễn",
            "Trần",
            "Đà Nẵng",
            "Dvořák",
            "Łódź",
            "İstanbul",
            "Straße",
            "“Fuß”",
            "“café…”",
            "née’s",
            "“Café”—and",
            "résumé",
            "Zürich",
            "Malmö",
            "Ðà",
            "ÉTÉ",
            "Ñandú",
            "Ôte",
            "Ölfa",
            "Üben",
            "coöperate",
            "naïve",
            "Noël",
            "Chloë",
            "Æsir",
            "“Ü”",
            "“À”",
            "L’Œuvre",
            "œuvre",
            "½ cup",
            "5 µm",
            "© 2024",
            "10 °C",
            "x²",
            "¿Qué?",
            "¡Olé!",
            "«Non»",
            "Ã",
            "Â",
            "â",
            "PÂTÉ",
            "CRÈME BRÛLÉE",
            "FAÇADE",
        ] {
            assert_eq!(found(word), vec![], "{word}");
        }
    }

    #[test]
    fn runs_are_repaired_with_exact_spans() {
        assert_eq!(
            found("Canadaâ€™s"),
            vec![("â€™".into(), "’".into(), Applicability::Safe)]
        );
        assert_eq!(
            found("a Ã¢â‚¬â„¢ b"),
            vec![("Ã¢â‚¬â„¢".into(), "’".into(), Applicability::Safe)]
        );
        assert_eq!(
            found("rÃ©sumÃ©"),
            vec![
                ("Ã©".into(), "é".into(), Applicability::Safe),
                ("Ã©".into(), "é".into(), Applicability::Safe)
            ]
        );
        assert_eq!(
            found("Ã  la carte"),
            vec![("Ã ".into(), "à".into(), Applicability::Unsafe)]
        );
    }

    #[test]
    fn the_message_names_an_invisible_repair() {
        let mut out = Vec::new();
        Mojibake::new().check(&Document::new("5Â\u{A0}km"), &mut out);
        assert_eq!(
            out[0].message,
            "garbled text “Â\u{A0}”: UTF-8 read as Windows-1252; it should read U+00A0 NO-BREAK SPACE"
        );
    }
}
