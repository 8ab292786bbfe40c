//! `translation/untranslated-word`: words and short fragments left in the source
//! language, found by how frequent each word is in English and in the source languages.
//!
//! ## What it does
//!
//! A run of adjacent words that are common in one of French, German, Spanish, Italian,
//! Portuguese, Dutch, Polish or Turkish and absent or much rarer in English: a short
//! headline or label left untranslated, a comment-form line, a source term in brackets,
//! a party or institution name left in the source language (`Frente de Todos`). A single word
//! is reported only on strong evidence: lowercase, common in a source language and not
//! an English word at all.
//!
//! ## Why it matters
//!
//! Sentence-level language identification (`translation/untranslated`) needs a whole
//! sentence of function words; two or three source words inside an English sentence, or
//! a four-word headline, slip through it. Word frequencies (PyPI `wordfreq`, data
//! CC-BY-SA 4.0) tell them apart from English one word at a time. Not reported: names
//! of people and places (a capitalised word English also uses, `Los Angeles`, `Jean de
//! la Fontaine`, or one that is no common word anywhere), loanwords English uses (its
//! frequency in English decides: `café`, `fiesta`; set phrases such as `déjà vu` and
//! `per se`), anything in quotation marks or emphasis (a foreign title), code and
//! addresses, and what `translation/untranslated` already reports. A warning when three
//! or more lowercase words agree, otherwise info. No fix: the text needs translating.
//!
//! ## Example
//!
//! ```text
//! Comments
//! Escribe tu comentario aquí
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! Jean de la Fontaine moved to Los Angeles, ordered a café au lait and read *Die Zeit*.
//! ```
//!
//! ## How it works
//!
//! Cost: a word costs a look-up in `data/wordfreq.fst` only when it is not in the
//! embedded English word list (`crate::text::wordlist`), a few percent of the words of
//! English prose; the neighbours of a word with evidence are looked up to grow the run.

use std::ops::Range;

use super::untranslated::{masked, Untranslated};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::freq;
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::Document;

/// The languages of [`freq::LANGS`], by name.
const NAMES: [&str; freq::LANGS.len()] = [
    "English",
    "French",
    "German",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Turkish",
];

/// A word under Zipf 3.0 in English is absent from the table; taken as this.
const ABSENT: f32 = 2.5;

/// How far above its English frequency (Zipf units) a word must be in a source
/// language to count as evidence of it: lowercase words, capitalised ones.
const MARGIN: f32 = 1.5;
const NAME_MARGIN: f32 = 2.0;

/// Zipf frequency in a source language from which a lowercase word absent from English
/// (and from WordNet: `chaise`, `specie` are English) is evidence on its own.
const STRONG: f32 = 5.5;

/// What the frequencies of one word say, as bitsets over the languages of
/// [`freq::LANGS`] (bit `l` for language `l`; English, bit 0, never set).
#[derive(Clone, Copy, Default)]
struct Weight {
    /// Languages it is evidence of: much more frequent there than in English.
    evidence: u16,
    /// Languages it belongs to at all (at least as frequent there as in English).
    compatible: u16,
    /// Languages it is strong evidence of (see [`STRONG`]).
    strong: u16,
}

fn weigh(z: &[f32; 9], capital: bool, english: bool) -> Weight {
    let en = z[0];
    let floor = en.max(ABSENT);
    let margin = if capital { NAME_MARGIN } else { MARGIN };
    let mut w = Weight::default();
    for (l, &zl) in z.iter().enumerate().skip(1) {
        if zl >= 3.0 && zl >= en - 0.5 {
            w.compatible |= 1 << l;
        }
        if zl - floor >= margin {
            w.evidence |= 1 << l;
        }
        if en == 0.0 && zl >= STRONG && !capital && !english {
            w.strong |= 1 << l;
        }
    }
    w
}

/// Zipf frequency of a language's function words (and of few names).
const FUNCTION: f32 = 5.5;

/// How many words a run may reach back from the word that starts it (four times that
/// forward).
const WINDOW: usize = 16;

/// The word's Zipf frequency in English (0.0 under 3.0).
fn english_zipf(lower: &str) -> f32 {
    freq::zipf(lower).map_or(0.0, |z| z[0])
}

/// One word of the text, with what the table says about it (looked up on demand).
struct Tok {
    span: Range<usize>,
    lower: String,
    capital: bool,
    weight: Option<Weight>,
}

impl Tok {
    fn weight(&mut self) -> Weight {
        if let Some(w) = self.weight {
            return w;
        }
        let w = freq::zipf(&self.lower)
            .map(|z| {
                weigh(
                    &z,
                    self.capital,
                    crate::knowledge::pos::of(&self.lower) != 0,
                )
            })
            .unwrap_or_default();
        self.weight = Some(w);
        w
    }
}

pub struct UntranslatedWord {
    meta: RuleMeta,
    /// The sentence-level check, whose findings this one does not repeat.
    sentences: Untranslated,
}

impl UntranslatedWord {
    pub fn new() -> Self {
        UntranslatedWord {
            meta: RuleMeta {
                id: "translation/untranslated-word".into(),
                severity: Severity::Info,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "words left in the source language".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged("Comments\n[Escribe tu comentario aquí]\n")
                        .message("“Escribe tu comentario aquí” looks Spanish: translate it"),
                    Example::flagged("The vote went to [Frente de Todos] and the liberals.")
                        .message("“Frente de Todos” looks Spanish: translate it"),
                    Example::flagged("[Schreiben Sie einen Kommentar]\n")
                        .message("“Schreiben Sie einen Kommentar” looks German: translate it"),
                    Example::flagged("The report on [ochrona środowiska] was late.")
                        .message("“ochrona środowiska” looks Polish: translate it"),
                    Example::good(
                        "Jean de la Fontaine moved to Los Angeles, ordered a café au lait \
                         and read *Die Zeit*.",
                    ),
                    Example::good(
                        "She felt a sense of déjà vu, per se, at the fiesta in San \
                         Francisco with Real Madrid fans.",
                    ),
                    Example::good(
                        "The paper “Nuevas medidas para los jóvenes” is online at \
                         https://example.org/nuevas_medidas.",
                    ),
                ],
            },
            sentences: Untranslated::new(),
        }
    }
}

impl Rule for UntranslatedWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let words = doc.words();
        let tok = |k: usize| {
            let w = words.get(k).expect("index in range");
            Tok {
                capital: w.text.chars().next().is_some_and(char::is_uppercase),
                lower: String::new(),
                span: w.span,
                weight: None,
            }
        };
        let mut found: Vec<Diagnostic> = Vec::new();
        // Words before `done` belong to a run already weighed.
        let mut done = 0;
        for w in words.iter() {
            let i = w.index;
            if i < done {
                continue;
            }
            let mut seed = tok(i);
            // A capitalised ASCII word (mostly names) opens no run; the run grows over
            // it from a lowercase or accented neighbour.
            if seed.capital && w.text.is_ascii() {
                continue;
            }
            if !gated(text, &mut seed) || seed.weight().evidence == 0 {
                continue;
            }
            // The run grows inside a window of words around the seed.
            let lo = done.max(i.saturating_sub(WINDOW));
            let hi = words.len().min(i + 4 * WINDOW);
            let mut window: Vec<Tok> = (lo..hi).map(tok).collect();
            window[i - lo] = seed;
            let end = self.run(text, &mut window, i - lo, &mut found);
            done = lo + end.max(i - lo + 1);
        }
        if found.is_empty() {
            return;
        }
        let mut sentence_level = Vec::new();
        self.sentences.check(doc, &mut sentence_level);
        found.retain(|d| {
            !sentence_level
                .iter()
                .any(|s| s.span.start < d.span.end && d.span.start < s.span.end)
        });
        out.extend(found);
    }
}

/// Whether the word is worth a look-up (not a common English word), filling in its
/// lowercase form if it is. ASCII words are lowercased on the stack: most words cost a
/// hash look-up and no allocation.
fn gated(text: &str, tok: &mut Tok) -> bool {
    let word = &text[tok.span.clone()];
    if word.len() < 2 || word.chars().skip(1).any(char::is_uppercase) && !is_caps(word) {
        return false;
    }
    if word.is_ascii() && word.len() <= 32 {
        let mut buf = [0u8; 32];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).unwrap_or_default();
        if is_word(lower) {
            return false;
        }
    }
    fill(text, tok);
    !is_word(&tok.lower)
}

/// Whether every letter of `word` is uppercase (`UYARI`).
fn is_caps(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

fn fill(text: &str, tok: &mut Tok) {
    if tok.lower.is_empty() {
        tok.lower = text[tok.span.clone()].to_lowercase().replace('’', "'");
    }
}

/// Whether only a space (and at most one `,` `:` `;`) separates words `a` and `b`.
fn adjacent(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.span.end..b.span.start];
    !gap.is_empty()
        && gap.len() <= 4
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | ',' | ':' | ';'))
        && gap.chars().filter(|c| !c.is_whitespace()).count() <= 1
        && gap.contains([' ', '\t', '\u{a0}'])
}

impl UntranslatedWord {
    /// Grow a run of one language's words around the evidence at `seed`, report it if
    /// the evidence is enough, and return the index after it.
    fn run(&self, text: &str, toks: &mut [Tok], seed: usize, out: &mut Vec<Diagnostic>) -> usize {
        let mut langs = toks[seed].weight().evidence;
        let mut end = seed + 1;
        while end < toks.len() && adjacent(text, &toks[end - 1], &toks[end]) {
            fill(text, &mut toks[end]);
            let c = toks[end].weight().compatible;
            if c & langs == 0 {
                break;
            }
            langs &= c;
            end += 1;
        }
        let mut start = seed;
        while start > 0 && adjacent(text, &toks[start - 1], &toks[start]) {
            fill(text, &mut toks[start - 1]);
            let c = toks[start - 1].weight().compatible;
            if c & langs == 0 {
                break;
            }
            langs &= c;
            start -= 1;
        }
        // Ends that are no evidence of the language go (`the`, `de` at an edge).
        let best = |toks: &mut [Tok], range: Range<usize>| -> (usize, u16) {
            (1..9)
                .filter(|l| langs & (1 << l) != 0)
                .map(|l| {
                    let n = range
                        .clone()
                        .filter(|&k| toks[k].weight().evidence & (1 << l) != 0)
                        .count();
                    // Ties go to the language the words are most frequent in.
                    let mass: u32 = range
                        .clone()
                        .filter_map(|k| freq::zipf(&toks[k].lower))
                        .map(|z| (z[l] * 2.0) as u32)
                        .sum();
                    (n, mass, std::cmp::Reverse(l), 1u16 << l)
                })
                .max()
                .map_or((0, 0), |(n, _, _, bit)| (n, bit))
        };
        let (_, bit) = best(toks, start..end);
        if bit == 0 {
            return end;
        }
        while start < end && toks[start].weight().evidence & bit == 0 {
            start += 1;
        }
        while end > start && toks[end - 1].weight().evidence & bit == 0 {
            end -= 1;
        }
        if start >= end {
            return seed + 1;
        }
        let words = &toks[start..end];
        let lang = bit.trailing_zeros() as usize;
        let evidence = words
            .iter()
            .filter(|t| t.weight.is_some_and(|w| w.evidence & bit != 0));
        let n = evidence.clone().count();
        let lowercase = evidence.clone().filter(|t| !t.capital).count();
        let strong = words
            .iter()
            .any(|t| t.weight.is_some_and(|w| w.strong & bit != 0));
        // A name with particles (`Jean de la Fontaine`): only its capitalised words count.
        let name_like = words
            .iter()
            .all(|t| t.capital || t.lower.chars().count() <= 3);
        let capital_evidence = evidence.clone().filter(|t| t.capital).count();
        // Names of people are common words too (`Giuseppe`): a name-like run needs a
        // word as frequent as the language's function words (`Los`, `Il`, `Todos`) to
        // open it or to be more than a particle (`Luigi Di`).
        let function_word = words.iter().enumerate().any(|(k, t)| {
            (k == 0 || t.lower.chars().count() >= 4)
                && freq::zipf(&t.lower).is_some_and(|z| z[lang] >= FUNCTION)
        });
        // Place and party names English uses have two words (`El Paso`, `La Plata`,
        // `Forza Italia`): a name-like run needs three, its long words all absent from
        // English.
        let foreign_long = words
            .iter()
            .all(|t| t.lower.chars().count() <= 3 || english_zipf(&t.lower) == 0.0);
        let enough = if name_like {
            words.len() >= 3 && capital_evidence >= 2 && function_word && foreign_long
        } else if n >= 2 {
            words.len() >= 3 || words.iter().any(|t| english_zipf(&t.lower) == 0.0)
        } else {
            strong
        };
        if !enough || self.spared(text, words) {
            return end;
        }
        let span = words[0].span.start..words[words.len() - 1].span.end;
        let mut d = self.meta.diagnostic(
            span.clone(),
            format!("“{}” looks {}: translate it", &text[span], NAMES[lang]),
            None,
        );
        if lowercase >= 3 && !name_like {
            d.severity = Severity::Warning;
        }
        out.push(d);
        end
    }

    /// Whether the run is quoted, emphasised, code, an address or a set phrase.
    fn spared(&self, text: &str, words: &[Tok]) -> bool {
        let start = words[0].span.start;
        let end = words[words.len() - 1].span.end;
        let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |k| k + end);
        let line = &text[line_start..line_end];
        let blank = masked(line, false);
        if words.iter().any(|t| {
            let s = t.span.start - line_start;
            blank.as_bytes()[s] == b' '
        }) {
            return true;
        }
        // Single quotes around it (`‘Ciao bella’`).
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        matches!(before, Some('‘' | '\'' | '"' | '“' | '«' | '„'))
            && matches!(after, Some('’' | '\'' | '"' | '”' | '»' | '“'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Severity)> {
        let mut out = Vec::new();
        UntranslatedWord::new().check(&Document::new(text), &mut out);
        out.iter()
            .map(|d| {
                (
                    text[d.span.clone()].to_string(),
                    d.message.clone(),
                    d.severity,
                )
            })
            .collect()
    }

    #[test]
    fn headline_line_is_a_warning() {
        assert_eq!(
            found("Comments\nEscribe tu comentario aquí\nThe council met."),
            vec![(
                "Escribe tu comentario aquí".to_string(),
                "“Escribe tu comentario aquí” looks Spanish: translate it".to_string(),
                Severity::Warning
            )]
        );
    }

    #[test]
    fn party_name_is_info() {
        assert_eq!(
            found("The vote went to Frente de Todos and the liberals."),
            vec![(
                "Frente de Todos".to_string(),
                "“Frente de Todos” looks Spanish: translate it".to_string(),
                Severity::Info
            )]
        );
    }

    #[test]
    fn sentence_level_findings_are_not_repeated() {
        let text = "He spoke. Le gouvernement a annoncé une nouvelle loi sur le climat. End.";
        assert!(found(text).is_empty());
    }

    #[test]
    fn names_loanwords_and_quotes_are_quiet() {
        for text in [
            "Jean de la Fontaine moved to Los Angeles and ordered a café au lait.",
            "He read ‘Cien años de soledad’ twice.",
            "It had a certain je ne sais quoi, a joie de vivre, per se.",
            "Visit https://example.org/nuevas_medidas_para_los_jovenes today.",
            "Real Madrid played Bayern München in San Francisco, El Paso and La Plata.",
            "The installer put a chaise in the domU, thou dost know.",
            "The committee met on Tuesday and approved the budget for the new school.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
