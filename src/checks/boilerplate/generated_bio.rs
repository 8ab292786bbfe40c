//! `boilerplate/generated-bio`: an author biography made of generated epithets.
//!
//! ## What it does
//!
//! Three or more sentences in a row, in one paragraph, each of one to five words that
//! end in a word for a kind of person (`fan`, `expert`, `geek`, `scholar`,
//! `communicator`) and hold no article, pronoun or verb: `Coffee geek. Communicator.
//! Lifelong travel scholar.` Content farms that republish machine-translated news sign
//! their articles with such biographies, drawn at random from a template.
//!
//! ## Why it matters
//!
//! The biography is not part of the article, and a reader who meets it doubts the whole
//! page. A warning: sentences of prose (`She was an expert.`) have an article, a pronoun
//! or a verb, and a run of three epithets and no more than twice as many other sentences
//! in the paragraph (or on the lines it stands on, where scraped text keeps a page's
//! paragraphs as lines of one) is not written by hand. The unsafe fix deletes the run, with the
//! spaces after it.
//!
//! ## Example
//!
//! ```text
//! The council meets again in May.
//!
//! Coffee geek. Communicator. Lifelong travel scholar. Music fan.
//! ```
//!
//! ## Instead
//!
//! The fix gives `The council meets again in May.` and nothing after it.

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;
use crate::Sentence;

/// How many epithets in a row make a biography.
const MIN_RUN: usize = 3;

/// Words for a kind of person that such biographies end their epithets with.
const PERSONS: &[&str] = &[
    "addict",
    "advocate",
    "aficionado",
    "analyst",
    "buff",
    "champion",
    "communicator",
    "connoisseur",
    "creator",
    "devotee",
    "enthusiast",
    "entrepreneur",
    "evangelist",
    "expert",
    "explorer",
    "extrovert",
    "fan",
    "fanatic",
    "fiend",
    "freak",
    "gamer",
    "geek",
    "guru",
    "introvert",
    "junkie",
    "lover",
    "maker",
    "maven",
    "ninja",
    "nerd",
    "organizer",
    "pioneer",
    "practitioner",
    "reader",
    "scholar",
    "solver",
    "specialist",
    "student",
    "thinker",
    "trailblazer",
    "trendsetter",
    "troublemaker",
    "wizard",
    "writer",
];

/// Words an epithet never holds: articles, pronouns, auxiliaries, prepositions.
const PROSE: &[&str] = &[
    "a", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does",
    "for", "had", "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "my", "not",
    "of", "on", "or", "our", "she", "that", "the", "their", "they", "this", "to", "was", "we",
    "were", "who", "with", "you", "your",
];

const MESSAGE: &str = "generated author biography (a run of epithets) copied with the article";

pub struct GeneratedBio {
    meta: RuleMeta,
}

impl GeneratedBio {
    pub fn new() -> Self {
        GeneratedBio {
            meta: RuleMeta {
                id: "boilerplate/generated-bio".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "author biography made of generated epithets".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The council meets again in May.\n\n[Coffee geek. Communicator. Lifelong travel scholar. Music fan.]",
                        "The council meets again in May.\n\n",
                    )
                    .message(MESSAGE),
                    Example::bad(
                        "By Jo Smith. [Award-winning web buff. Hardcore food lover. Thinker. ]Writes about cities.\n\nMore text.",
                        "By Jo Smith. Writes about cities.\n\nMore text.",
                    )
                    .message(MESSAGE),
                    Example::good("She was an expert. He was a scholar. They were all fans."),
                    Example::good("Doctor. Lawyer. Writer. Then a long silence fell over the table."),
                    Example::bad(
                        "The council met on Monday and agreed.\nIt meets again in May, and then in June.\nIts members were named in March. Two are new.\n[Web buff. Tea fanatic. Music fan.]",
                        "The council met on Monday and agreed.\nIt meets again in May, and then in June.\nIts members were named in March. Two are new.\n",
                    )
                    .message(MESSAGE),
                    Example::good("Coffee geek. Music fan.\n\nTravel writer."),
                    Example::good(
                        "We met a few of them. Painter. Surfer. Tea fanatic. Music fan. Gamer. They talked for hours, and then we all left. Nobody stayed on. It was late, and it rained. The bus never came.",
                    ),
                ],
            },
        }
    }
}

/// Whether `sentence` is an epithet: one to five words, a capital first, a period
/// last, no word of prose, and a word for a person at the end.
fn epithet(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    if !body.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let words: Vec<&str> = body.split(' ').collect();
    if words.len() > 5
        || !words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || "-’'".contains(c)))
    {
        return false;
    }
    let lower = |w: &str| w.to_lowercase();
    let last = lower(words[words.len() - 1]);
    let person = last.strip_suffix('s').unwrap_or(&last);
    (PERSONS.contains(&last.as_str()) || PERSONS.contains(&person))
        && !words.iter().any(|w| PROSE.contains(&lower(w).as_str()))
}

/// Every run of epithets: the byte span from its first to its last sentence.
fn runs(text: &str, sentences: &[Sentence]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let para = sentences[i].para;
        let end = i + sentences[i..].iter().take_while(|s| s.para == para).count();
        let in_para = &sentences[i..end];
        let mut k = 0;
        let mut found = Vec::new();
        while k < in_para.len() {
            let n = in_para[k..]
                .iter()
                .take_while(|s| s.words <= 5 && epithet(&text[s.span()]))
                .count();
            if n >= MIN_RUN {
                found.push((k, n));
            }
            k += n.max(1);
        }
        let epithets: usize = found.iter().map(|&(_, n)| n).sum();
        for (k, n) in found {
            let run = in_para[k].start..in_para[k + n - 1].end;
            // Scraped text often keeps a page's paragraphs as lines of one paragraph:
            // there the lines the run stands on count instead.
            let lines = text[..run.start].rfind('\n').map_or(0, |at| at + 1)
                ..text[run.end..]
                    .find('\n')
                    .map_or(text.len(), |at| run.end + at);
            let on_lines = in_para
                .iter()
                .filter(|s| s.start < lines.end && s.end > lines.start)
                .count();
            if epithets * 3 >= in_para.len() || n * 3 >= on_lines {
                out.push(run);
            }
        }
        i = end;
    }
    out
}

impl Rule for GeneratedBio {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for run in runs(text, doc.sentences()) {
            let spaces = text[run.end..].len() - text[run.end..].trim_start_matches(' ').len();
            out.push(self.meta.diagnostic(
                run.start..run.end + spaces,
                MESSAGE,
                Some(Fix::deletion(Applicability::Unsafe)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epithets_have_no_words_of_prose() {
        for yes in [
            "Communicator.",
            "Coffee geek.",
            "Award-winning bacon scholars.",
            "Total web ninja.",
        ] {
            assert!(epithet(yes), "{yes}");
        }
        for no in [
            "She was an expert.",
            "fan.",
            "Coffee geek",
            "Big fan of the band.",
            "One two three four five fan.",
        ] {
            assert!(!epithet(no), "{no}");
        }
    }
}
