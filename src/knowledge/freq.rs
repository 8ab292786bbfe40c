//! How frequent a word is in English and in the languages MT most often translates
//! from: `data/wordfreq.fst`, built by `data/gen_wordfreq.py` from PyPI `wordfreq`
//! (data CC-BY-SA 4.0, see `data/LICENSE-wordfreq.txt`). Word-level evidence of
//! untranslated text (`translation/untranslated-word`).

use std::sync::LazyLock;

/// The languages of the table, in the order of their 4-bit fields.
pub const LANGS: [&str; 9] = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr"];

static MAP: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| super::map(include_bytes!("../../data/wordfreq.fst")));

/// The Zipf frequency (log10 of occurrences per billion words; 3.0 is once per
/// million), to the nearest 0.5, of `word` (lowercase) in each language of [`LANGS`],
/// 0.0 where it is under 0.25; 7.5 means 7.5 or more. `None` if the word is under Zipf 3.0 in all of them.
pub fn zipf(word: &str) -> Option<[f32; 9]> {
    let v = MAP.get(word)?;
    let mut out = [0.0; 9];
    for (i, z) in out.iter_mut().enumerate() {
        *z = ((v >> (4 * i)) & 0xf) as f32 / 2.0;
    }
    Some(out)
}

/// The Zipf frequency of `word` (lowercase) in language `lang` (one of [`LANGS`]).
#[cfg_attr(not(test), allow(dead_code))]
pub fn zipf_in(word: &str, lang: &str) -> f32 {
    let i = LANGS.iter().position(|l| *l == lang);
    match (i, zipf(word)) {
        (Some(i), Some(z)) => z[i],
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_apart() {
        assert!(zipf_in("the", "en") > 7.0);
        assert!(zipf_in("und", "de") > 6.0);
        assert!(zipf_in("und", "de") > zipf_in("und", "en") + 3.0);
        assert!(zipf_in("niño", "es") > 4.0);
        assert!(zipf_in("więcej", "pl") > 4.0);
        assert!(zipf_in("değil", "tr") > 4.0);
        assert_eq!(zipf_in("the", "xx"), 0.0);
        assert_eq!(zipf("qwxzyq"), None);
    }
}
