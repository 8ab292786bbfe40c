//! Helpers of the number checks (`numbers/*`, `currency/abbreviated-multiplier`):
//! continental digit groups written the English way, and the literals the prefilter
//! looks for.

/// English digits for continental groups (`1 390 000`, `1.390.000`, `1 234,5`).
pub fn english(num: &str, group_sep: &[char]) -> String {
    let (int, dec) = match num.rsplit_once(',') {
        Some((i, d)) => (i, Some(d)),
        None => (num, None),
    };
    let mut out: String = int
        .chars()
        .map(|c| if group_sep.contains(&c) { ',' } else { c })
        .collect();
    if let Some(d) = dec {
        out.push('.');
        out.push_str(d);
    }
    out
}

/// A group separator of continental numbers: a space or a (narrow) no-break space.
pub fn sep(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Every `digit`, `separator`, `digit` triple with one of `seps`: rare enough in prose for
/// the prefilter to skip a number check on texts without one.
pub fn digits_around(seps: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for a in 0..10u8 {
        for sep in seps {
            for b in 0..10u8 {
                out.push(format!("{a}{sep}{b}").into_bytes());
            }
        }
    }
    out
}
