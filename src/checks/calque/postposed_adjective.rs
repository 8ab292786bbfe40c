//! `calque/postposed-adjective`: adjective after its noun (Romance word order).
//!
//! ## What it does
//!
//! A noun right after an article, determiner or preposition, followed by a word that can
//! only be an adjective and then by punctuation or a conjunction (`support for families
//! vulnerable`, `a success enormous`): the French, Spanish or Italian order kept in
//! translation.
//!
//! ## Why it matters
//!
//! English puts the adjective first. Parts of speech come from WordNet
//! (`crate::knowledge::pos`). Quiet on adjectives English does put after nouns (`the
//! people responsible`, `the best option available`, `time immemorial`, `the president
//! elect`), on participles (`the people concerned`), on complements of verbs (`make the
//! text readable`, `is the problem serious`, `with the door open`), on adjectives with
//! their own complement (`people eager to help`), on capitalised words and on words
//! that can be nouns or verbs too.
//!
//! ## Example
//!
//! ```text
//! The fund offers support for families vulnerable.
//! ```
//!
//! ## Instead
//!
//! ```text
//! The fund offers support for vulnerable families.
//! ```

use std::ops::Range;

use super::{function_word, joined, lower_ascii, words, Word};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::pos;
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

/// The trigger: only words with these endings cost a look-up (few words do).
const SUFFIXES: &[&str] = &[
    "ous", "ble", "ive", "ful", "less", "ant", "ent", "ary", "ory", "ic", "al", "ish", "ile",
];

/// Adjectives English itself puts after a noun (`the people responsible`, `the best
/// option available`, `time immemorial`, `the president elect`).
const POSTPOSITIVE: &[&str] = &[
    "accessible",
    "aforementioned",
    "aforesaid",
    "alive",
    "applicable",
    "apparent",
    "available",
    "conceivable",
    "concerned",
    "designate",
    "elect",
    "eligible",
    "emeritus",
    "extraordinaire",
    "extraordinary",
    "general",
    "imaginable",
    "immemorial",
    "incarnate",
    "involved",
    "martial",
    "militant",
    "necessary",
    "ordinary",
    "payable",
    "permissible",
    "plenipotentiary",
    "politic",
    "possible",
    "present",
    "proper",
    "receivable",
    "responsible",
    "royal",
    "suitable",
    "triumphant",
    "visible",
    "feasible",
    "obtainable",
    "attainable",
    "practicable",
    "achievable",
    "affordable",
    "allowable",
    "acceptable",
    "previous",
    "executable",
];

/// Words that open the noun phrase: the order is only wrong right after them. (Not
/// `that`, a relative pronoun as often: `files that look different`.)
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "their", "our", "his", "her", "my", "your",
    "some", "many", "several", "such", "no", "every", "each", "any",
];

/// Prepositions before a bare noun (`support for families vulnerable`).
/// (Not `to`: `to stay compatible` is a verb.)
const PREPOSITIONS: &[&str] = &["for", "of", "from", "among", "between", "by", "on", "in"];

/// Nouns of degree and idiom that adjectives follow (`a bit different`, `by no means
/// certain`).
const DEGREE: &[&str] = &[
    "bit", "lot", "tad", "trifle", "shade", "touch", "whit", "means",
];

/// Verbs after which "the N ADJ" can be a question (`is the problem serious`), though
/// "a N ADJ" cannot (`it was a success enormous`).
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "seem", "seems", "seemed", "become",
    "becomes", "became", "remain", "remains", "remained",
];

/// Indefinite determiners.
const INDEFINITE: &[&str] = &["a", "an", "some", "many", "several", "such", "no", "any"];

/// Verbs after which "the N ADJ" or "a N ADJ" is a complement (`make the text
/// readable`, `with the door open`).
const COMPLEMENT_VERBS: &[&str] = &[
    "keep",
    "keeps",
    "kept",
    "make",
    "makes",
    "made",
    "making",
    "find",
    "finds",
    "found",
    "consider",
    "considers",
    "considered",
    "render",
    "renders",
    "rendered",
    "leave",
    "leaves",
    "left",
    "deem",
    "deemed",
    "hold",
    "held",
    "get",
    "got",
    "set",
    "want",
    "wants",
    "wanted",
    "like",
    "prefer",
    "think",
    "thought",
    "believe",
    "believed",
    "call",
    "called",
    "declare",
    "declared",
    "prove",
    "proved",
    "with",
    "without",
];

/// Words after the adjective that end the phrase (so that no complement follows, as
/// in `people eager to help`).
const AFTER: &[&str] = &["who", "which", "that"];

/// How far back a complement verb makes the adjective its complement (`leave our
/// nation and our economy vulnerable`).
const VERB_REACH: usize = 6;

pub struct PostposedAdjective {
    meta: RuleMeta,
}

/// One finding: the noun and adjective, and the two words swapped.
#[derive(Debug, PartialEq)]
pub struct Finding {
    pub span: Range<usize>,
    pub swapped: String,
}

impl PostposedAdjective {
    pub fn new() -> Self {
        PostposedAdjective {
            meta: RuleMeta {
                id: "calque/postposed-adjective".into(),
                // No false alarm in 1.2M words of clean English (see the README).
                severity: Severity::Info,
                fix: None,
                summary: "adjective after its noun (Romance word order)".into(),
                description: crate::checks::description(file!()),
                fixes: Fixes::NEVER,
                origin: file!().into(),
                examples: vec![
                    Example::flagged("The fund offers support for [families vulnerable].")
                        .message("adjective after its noun, as in Romance languages: English says “vulnerable families”"),
                    Example::flagged("It was a [success enormous], and everyone came.")
                        .message("adjective after its noun, as in Romance languages: English says “enormous success”"),
                    Example::flagged("The city faces a [problem serious].")
                        .message("adjective after its noun, as in Romance languages: English says “serious problem”"),
                    Example::flagged("Grants go to [companies innovative].")
                        .message("adjective after its noun, as in Romance languages: English says “innovative companies”"),
                    Example::good("Two files that look different. It is a bit different."),
                    Example::good("Contact the person responsible. The people concerned left."),
                    Example::good("Choose the best option available; it is time immemorial."),
                    Example::good("This makes the text readable. Is the problem serious?"),
                    Example::good("They are families vulnerable to poverty."),
                    Example::good("She left with the door open. The Lake Superior shore."),
                    Example::good("Use it to stay compatible. The help is a bit different."),
                    Example::good("It leaves our nation and our economy vulnerable."),
                    Example::good("for families poor, hungry and sick"),
                ],
            },
        }
    }
}

/// Every noun followed by an adjective-only word in `text` (split into `words`). The
/// string tests come first; only the few candidates left cost a look-up.
pub fn find(text: &str, words: &[Word]) -> Vec<Finding> {
    let mut out = Vec::new();
    for i in 2..words.len() {
        let (p, n, a) = (&words[i - 2], &words[i - 1], &words[i]);
        let at = a.text(text);
        // The last letter of every suffix: one byte test before the suffix list.
        let last = at.as_bytes().last().copied();
        if at.len() < 5 || !matches!(last, Some(b's' | b'e' | b'l' | b't' | b'y' | b'c' | b'h')) {
            continue;
        }
        if !SUFFIXES.iter().any(|s| at.ends_with(s)) || !lower_ascii(at) {
            continue;
        }
        if !joined(text, n, a) || !joined(text, p, n) {
            continue;
        }
        let pt = p.text(text);
        if pt.len() > 7 {
            continue;
        }
        let nt = n.text(text);
        let determiner = is_in(DETERMINERS, pt);
        // After `to`, only a plural is surely a noun (`to companies innovative`, not
        // `to stay compatible`).
        let plural_after_to = pt.eq_ignore_ascii_case("to") && nt.ends_with('s');
        if !determiner && !plural_after_to && !is_in(PREPOSITIONS, pt) {
            continue;
        }
        if POSTPOSITIVE.contains(&at) {
            continue;
        }
        if !lower_ascii(nt) || function_word(nt) || DEGREE.contains(&nt) {
            continue;
        }
        // The phrase must end here: punctuation, the end, or a relative pronoun.
        let next = words.get(i + 1);
        if next.is_some_and(|nx| joined(text, a, nx) && !AFTER.contains(&nx.text(text))) {
            continue;
        }
        let after = &text[a.end..];
        if after.starts_with(['-', '/', '_']) || after.starts_with("'s") {
            continue;
        }
        // `makes the text readable`, `is the problem serious`: a complement.
        if let Some(pp) = i.checked_sub(3).map(|j| &words[j]).filter(|_| determiner) {
            let ppt = pp.text(text);
            let complement = if is_in(COPULAS, ppt) {
                !is_in(INDEFINITE, pt)
            } else {
                is_in(COMPLEMENT_VERBS, ppt)
            };
            if complement {
                continue;
            }
        }
        let reach = i.saturating_sub(VERB_REACH)..i - 1;
        if words[reach]
            .iter()
            .any(|w| is_in(COMPLEMENT_VERBS, w.text(text)))
        {
            continue;
        }
        if pos::lemma(at) & pos::ADJ == 0 || pos::of(at) != pos::ADJ {
            continue;
        }
        let nb = pos::of(nt);
        if nb & pos::NOUN == 0 || nb & (pos::ADJ | pos::ADV) != 0 {
            continue;
        }
        if plural_after_to && pos::lemma(nt) & pos::NOUN != 0 {
            continue; // a lemma ending in `s` (`to access`), not a plural
        }
        // `jobless, aimless, hopeless youngsters`: adjectives in a row before a noun.
        if after.starts_with(',') {
            let next = next.map(|w| w.text(text).to_ascii_lowercase());
            // (`then` is an adverb, whatever WordNet's `the then president` says.)
            if next.is_some_and(|w| pos::of(&w) & (pos::ADJ | pos::ADV) == pos::ADJ) {
                continue;
            }
        }
        out.push(Finding {
            span: n.start..a.end,
            swapped: format!("{at} {nt}"),
        });
    }
    out
}

/// Whether `word` is in `list`, ignoring ASCII case.
fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

impl Rule for PostposedAdjective {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for f in find(text, &words(text)) {
            let message = format!(
                "adjective after its noun, as in Romance languages: English says “{}”",
                f.swapped
            );
            out.push(self.meta.diagnostic(f.span, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(Range<usize>, String)> {
        find(text, &words(text))
            .into_iter()
            .map(|f| (f.span, f.swapped))
            .collect()
    }

    #[test]
    fn spans_and_messages() {
        assert_eq!(
            run("help for families vulnerable."),
            [(9..28, "vulnerable families".to_string())]
        );
        assert_eq!(run("help for families vulnerable to floods"), []);
        assert_eq!(run("we found the families vulnerable."), []);
        assert_eq!(
            run("a success enormous"),
            [(2..18, "enormous success".to_string())]
        );
        assert_eq!(run("a success, enormous"), []);
    }
}
