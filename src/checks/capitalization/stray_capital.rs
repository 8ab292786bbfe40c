//! `capitalization/stray-capital`: a common word capitalised in mid-sentence.
//!
//! ## What it does
//!
//! A common English word (SCOWL's list) with a capital in the middle of a sentence,
//! where it is neither a name nor a sentence start: the capital of a link's text kept
//! when the link was copied (`fraud and Extortion of funds`), or the noun capitals of
//! German (`the Staircase of the house`).
//!
//! ## Why it matters
//!
//! Every finding is information: on clean prose (novels, speeches, documentation) the
//! same shapes are headings, verse and transcription slips often enough that a warning
//! would mislead. A capitalised function word that never opens a clause (`the budget Is
//! the`, `arrests And injuries`) is reported; one that may (`the`, `it`, `when`) is
//! left alone after a comma (quoted speech: `he asked, When?`); a verb form in `-ed`
//! (`the rate is low Triggered a wave`) and a verb after `to` (`to Call them`, German's
//! capitalised infinitives) are information when the text capitalises the word at most
//! twice; any other content word is
//! information, and only when the text writes it in lowercase more often, and with a
//! capital mid-sentence at most twice. Left alone: sentence starts (after a stop, a
//! colon, a quote, a bracket, a dash, a bullet or a line break), runs of capitalised
//! words (`the Supreme Court`, `Bank of England`), title-case lines, `I`, months,
//! honorifics and the nouns institutions capitalise (`the Congress`, `the Party`),
//! words written with a capital every time they occur, and any word in all capitals. No
//! fix: a name may be meant.
//!
//! ## Example
//!
//! ```text
//! They talked about the budget Is the plan ready, she asked.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix: an editor decides the repair.

use std::collections::HashMap;
use std::ops::Range;

use crate::checks::spans::{tokens, word_core};
use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::pos;
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::{is_word, FnvBuild};
use crate::text::Document;

/// Closed-class words that never start a clause of their own: capitalised mid-sentence,
/// they are never a name.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "is", "are", "was", "were", "as", "of", "on", "at", "by", "from", "has",
    "have", "had", "been", "will", "would", "can", "could", "not", "also", "than", "into", "nor",
    "does", "did", "being", "should", "shall", "must", "upon", "onto", "via",
];

/// Closed-class words that start clauses: after a comma they may open quoted speech (`he
/// asked, The plan?`); elsewhere in mid-sentence they are information.
const CLAUSE_WORDS: &[&str] = &[
    "the", "it", "we", "they", "there", "this", "these", "that", "those", "when", "in", "to",
    "for", "our", "its", "their", "with", "although", "because", "while", "after", "before", "if",
    "what", "how", "why", "who", "which", "she", "you", "your", "one", "all", "each", "both", "a",
    "an", "my", "no", "so", "then", "here", "where", "since", "about", "between", "under", "over",
    "her", "some", "any", "many", "most", "other", "such", "yes", "let",
];

/// Common words that are also, capitalised, names or titles often enough to leave alone:
/// months, honorifics, and the nouns institutions capitalise by convention.
const NAMELIKE: &[&str] = &[
    "may",
    "march",
    "june",
    "august",
    "god",
    "lord",
    "sir",
    "madam",
    "saint",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "president",
    "congress",
    "senate",
    "house",
    "court",
    "government",
    "state",
    "states",
    "nation",
    "union",
    "republic",
    "constitution",
    "church",
    "army",
    "navy",
    "crown",
    "parliament",
    "ministry",
    "minister",
    "council",
    "committee",
    "commission",
    "department",
    "treasury",
    "cabinet",
    "administration",
    "bureau",
    "agency",
    "federal",
    "national",
    "executive",
    "chief",
    "general",
    "secretary",
    "governor",
    "mayor",
    "senator",
    "judge",
    "captain",
    "colonel",
    "doctor",
    "professor",
    "father",
    "mother",
    "uncle",
    "aunt",
    "brother",
    "sister",
    "earth",
    "moon",
    "sun",
    "heaven",
    "hell",
    "bible",
    "scripture",
    "providence",
    "nature",
    "fate",
    "death",
    "time",
    "mr",
    "mrs",
    "ms",
    "dr",
    "street",
    "avenue",
    "road",
    "square",
    "river",
    "lake",
    "mount",
    "island",
    "islands",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "old",
    "great",
    "little",
    "big",
    "good",
    "grand",
    "holy",
    "royal",
    "world",
    "war",
    "empire",
    "city",
    "county",
    "province",
    "region",
    "district",
    "party",
    "internet",
    "web",
    "bank",
    "fund",
    "office",
    "service",
    "force",
    "forces",
    "guard",
    "police",
    "club",
    "team",
    "cup",
    "league",
    "prize",
    "award",
    "day",
    "eve",
    "christmas",
    "easter",
];

pub struct StrayCapital {
    meta: RuleMeta,
}

impl StrayCapital {
    pub fn new() -> Self {
        StrayCapital {
            meta: RuleMeta {
                id: "capitalization/stray-capital".into(),
                severity: Severity::Info,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "a common word capitalised in mid-sentence".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged("They talked about the budget [Is] the plan ready, she asked.").message("`Is` capitalised in mid-sentence: link text or a source-language capital?"),
                    Example::flagged(
                        "He was charged with fraud and [Extortion] of funds; extortion is rare.",
                    ).message("`Extortion` capitalised in mid-sentence: link text or a source-language capital?"),
                    Example::flagged("She tried to [Call] them twice that day.").message("`Call` capitalised in mid-sentence: link text or a source-language capital?"),
                    Example::good("Then I met the Supreme Court and the Bank of England."),
                    Example::good("They moved to Bath in May. Bath was cold. Bath is old."),
                    Example::good("He said: The plan is ready. “Yes,” She said."),
                    Example::good("The Party met. The Party voted; the Party won."),
                    Example::good("A History of the World in Ten Chapters\n"),
                    Example::good("We met in May and in March, said Mr Brown."),
                ],
            },
        }
    }
}

impl Rule for StrayCapital {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (span, _function_word) in find(text) {
            let word = &text[span.clone()];
            let d = self.meta.diagnostic(
                span.clone(),
                format!(
                    "`{word}` capitalised in mid-sentence: link text or a source-language capital?"
                ),
                None,
            );
            out.push(d);
        }
    }
}

/// A word token: its letters-only core, whether a sentence may start at it, and whether a
/// comma stands before it.
struct Word {
    core: Range<usize>,
    starts: bool,
    comma: bool,
}

/// The words of `text`, each marked with whether it may start a sentence.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end = 0;
    for token in tokens(text) {
        let core = word_core(text, token.clone());
        if core.is_empty() {
            // Punctuation or masked code: what it holds counts as standing between words.
            continue;
        }
        // What stands between the previous word and this one: a stop, a colon, a quote,
        // a bracket, a dash, a bullet, a digit or a line break makes this a possible start.
        let between = &text[prev_end..core.start];
        let starts = out.is_empty()
            || between.contains(['.', '!', '?', ':', ';', '…', '\n', '“', '"', '‘', '(', '[', ')', ']', '—', '–', '-', '•', '*', '|', '«', '/'])
            || between.contains('\t')
            // Verse run into one line keeps its line breaks as runs of spaces.
            || between.contains("  ");
        out.push(Word {
            core: core.clone(),
            starts,
            comma: between.contains(','),
        });
        prev_end = core.end;
    }
    out
}

/// Whether a word is capitalised: a capital, then only lowercase letters.
fn capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Every stray capital: its span, and whether it is a function word (a warning).
fn find(text: &str) -> Vec<(Range<usize>, bool)> {
    let words = words(text);
    let mut candidates = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let s = &text[w.core.clone()];
        if w.starts || !capitalised(s) || s.chars().count() < 2 {
            continue;
        }
        let lower = s.to_lowercase();
        // `He`, `His`, `Him` are capitalised for God.
        if matches!(
            lower.as_str(),
            "he" | "his" | "him" | "thee" | "thou" | "thy"
        ) {
            continue;
        }
        let function = FUNCTION_WORDS.contains(&lower.as_str());
        let clause = CLAUSE_WORDS.contains(&lower.as_str());
        if clause && w.comma {
            continue;
        }
        if !function && !clause && (!is_word(&lower) || NAMELIKE.contains(&lower.as_str())) {
            continue;
        }
        let framed = !function && !clause && framed(text, &words, k, &lower);
        // Part of a run of capitalised words (a name or a title), directly or through
        // `of`, `de`, `and` (`Bank of England`).
        let cap_at = |i: usize| {
            words
                .get(i)
                .is_some_and(|x| text[x.core.clone()].starts_with(char::is_uppercase))
        };
        let joiner = |i: usize| {
            words.get(i).is_some_and(|x| {
                matches!(
                    &text[x.core.clone()],
                    "of" | "de" | "and" | "the" | "for" | "on" | "in" | "du" | "la" | "van" | "von"
                )
            })
        };
        // A run does not cross punctuation (`Karl Example, Is the`).
        let next_apart = words.get(k + 1).is_some_and(|x| x.starts || x.comma);
        let in_run = (cap_at(k + 1) && !next_apart)
            || (k > 0 && cap_at(k - 1) && !w.comma)
            || (joiner(k + 1) && (cap_at(k + 2) || (joiner(k + 2) && cap_at(k + 3))))
            || (k >= 2 && joiner(k - 1) && cap_at(k - 2));
        if in_run {
            continue;
        }
        candidates.push(Candidate {
            k,
            lower,
            function,
            clause,
            framed,
        });
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    // How the text writes each word: how often in lowercase, how often capitalised in
    // mid-sentence.
    // Only the content words among the candidates need counting.
    let mut lowercase: HashMap<&str, usize, FnvBuild> = candidates
        .iter()
        .filter(|c| !c.function && !c.clause)
        .map(|c| (c.lower.as_str(), 0))
        .collect();
    if !lowercase.is_empty() {
        let longest = lowercase.keys().map(|k| k.len()).max().unwrap_or(0);
        for w in &words {
            if w.core.len() > longest || !text.as_bytes()[w.core.start].is_ascii_lowercase() {
                continue;
            }
            if let Some(n) = lowercase.get_mut(&text[w.core.clone()]) {
                *n += 1;
            }
        }
    }
    let mut capitalised_mid: HashMap<&str, usize, FnvBuild> = HashMap::default();
    for c in &candidates {
        *capitalised_mid.entry(c.lower.as_str()).or_default() += 1;
    }
    // A framed word counts only when the text capitalises it at most twice in all,
    // sentence starts and names included (`to Bath with` in a novel set there).
    let mut capitalised_all: HashMap<&str, usize, FnvBuild> = candidates
        .iter()
        .filter(|c| c.framed)
        .map(|c| (&text[words[c.k].core.clone()], 0))
        .collect();
    if !capitalised_all.is_empty() {
        for w in &words {
            if let Some(n) = capitalised_all.get_mut(&text[w.core.clone()]) {
                *n += 1;
            }
        }
    }
    let mut out = Vec::new();
    // Each line is judged once (a text may be a single long line).
    let mut title_lines: HashMap<usize, bool, FnvBuild> = HashMap::default();
    let breaks: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    for c in &candidates {
        let w = &words[c.k];
        let before = breaks.partition_point(|&b| b < w.core.start);
        let line_start = if before == 0 {
            0
        } else {
            breaks[before - 1] + 1
        };
        if *title_lines
            .entry(line_start)
            .or_insert_with(|| title_case_line(text, line_start))
        {
            continue;
        }
        // A content word counts only when the text mostly writes it in lowercase: one
        // written with a capital again and again is a name or a convention (`Python`).
        let low = lowercase.get(c.lower.as_str()).copied().unwrap_or(0);
        let caps = capitalised_mid[c.lower.as_str()];
        // A verb form in `-ed` (`is low Triggered a wave`) is no name either.
        let verb = c.lower.len() >= 6 && c.lower.ends_with("ed") && caps <= 2;
        // Nor, mostly, a verb framed as one (`to Call them`).
        let framed = c.framed && capitalised_all[&text[w.core.clone()]] <= 2;
        if c.function || c.clause || verb || framed || (low > 0 && caps <= 2 && caps <= low) {
            out.push((w.core.clone(), c.function));
        }
    }
    out
}

/// A capitalised word that may be stray, at `words[k]`.
struct Candidate {
    k: usize,
    lower: String,
    function: bool,
    clause: bool,
    framed: bool,
}

/// Whether the common word at `words[k]` (`lower` in lowercase) is framed as a verb, so
/// that its capital is stray even where the text never writes it in lowercase: a verb
/// (and no adjective) after `to`, with a lowercase word after it, all on one line (`to
/// Call them`, German's capitalised infinitives). A name seldom stands there.
fn framed(text: &str, words: &[Word], k: usize, lower: &str) -> bool {
    let spaced = |i: usize| {
        i > 0 && i < words.len() && text[words[i - 1].core.end..words[i].core.start] == *" "
    };
    spaced(k)
        && spaced(k + 1)
        && &text[words[k - 1].core.clone()] == "to"
        && text[words[k + 1].core.clone()]
            .bytes()
            .all(|b| b.is_ascii_lowercase())
        && pos::of(lower) & (pos::VERB | pos::ADJ) == pos::VERB
}

/// Whether the line starting at byte `start` is written in title case (a short line, most
/// of its longer words capitalised): a headline.
fn title_case_line(text: &str, start: usize) -> bool {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let long: Vec<&str> = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    // Headlines are short; a long paragraph full of names is still prose.
    line.split_whitespace().count() <= 20 && !long.is_empty() && caps * 2 > long.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, bool)> {
        find(text).into_iter().map(|(r, f)| (&text[r], f)).collect()
    }

    #[test]
    fn stray_capitals_in_mid_sentence() {
        assert_eq!(
            found("They voted on the plan Is the plan ready, she asked twice."),
            [("Is", true)]
        );
        assert_eq!(
            found("He faced fraud and Extortion of funds; extortion is rare here."),
            [("Extortion", false)]
        );
        // A verb after `to` needs no lowercase use elsewhere.
        assert_eq!(
            found("The mayor had tried to Call several times that week."),
            [("Call", false)]
        );
    }

    #[test]
    fn names_starts_and_headlines_are_left_alone() {
        for text in [
            "Then I met the Supreme Court and the Bank of England in London today.",
            "He said: The plan is ready. “Yes,” She said. (And then) he left the room.",
            "The Party met. The Party voted; the Party won the vote in the party hall.",
            "A History of the World in Ten Chapters\nthe history of the world is long",
            "We met in May and in March, said Mr Brown; may we go in march?",
            "The plan — And this matters — is ready, he said, and the plan is good.",
            "He met Extortion once and only once in the whole of his life there.",
            "She went to Bath, to Reading and to Hull. They went to Call Road.",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
