//! Small text helpers shared by the checks.

/// The first character boundary at or after `i` (or `text.len()`), one past `i`.
pub fn next_char_boundary(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// The last character boundary at or before `i`.
pub fn char_boundary_before(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Give `replacement` the capitalisation of `original`: all capitals if `original`
/// has two or more letters, all capitals; a capital first letter if `original` starts
/// with one. Never lowers a capital the replacement already has.
pub fn preserve_case(original: &str, replacement: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_string();
    };
    let rest: Vec<char> = letters.collect();
    if first.is_uppercase() && !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if first.is_uppercase() {
        if let Some((i, c)) = replacement.char_indices().find(|(_, c)| c.is_alphabetic()) {
            let mut out = String::with_capacity(replacement.len());
            out.push_str(&replacement[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&replacement[i + c.len_utf8()..]);
            return out;
        }
    }
    replacement.to_string()
}

/// Horizontal white space, including the no-break spaces French typography uses.
pub fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// The paragraphs of `text` as byte ranges: runs of lines separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(s..offset);
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preserve_case_follows_the_original() {
        assert_eq!(preserve_case("Secular", "sectarian"), "Sectarian");
        assert_eq!(preserve_case("SECULAR", "sectarian"), "SECTARIAN");
        assert_eq!(preserve_case("secular", "sectarian"), "sectarian");
        assert_eq!(
            preserve_case("states- United", "United States"),
            "United States"
        );
        assert_eq!(preserve_case(". .", "."), ".");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "a\nb\n\n  \nc\n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["a\nb\n", "c\n"]);
    }
}
