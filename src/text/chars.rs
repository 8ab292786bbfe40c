//! Names and classes of the characters the encoding checks report (`encoding/*`).

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

/// `U+XXXX NAME` of a character the encoding checks report.
pub fn name(c: char) -> String {
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
pub fn non_latin(c: char) -> bool {
    let n = c as u32;
    !(c.is_whitespace()
        || n < 0x250
        || (0x1E00..=0x1EFF).contains(&n)
        || (0x2000..=0x206F).contains(&n)
        || c == '\u{FEFF}')
}

/// Whether the line around `at` names the character `c` (`U+00AD`, `0xad`, `SOFT
/// HYPHEN`): a text about the character, not a stray one.
pub fn documented(text: &str, at: usize, c: char) -> bool {
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
