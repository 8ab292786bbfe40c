//! `residue/run-in-heading`: a subheading in capitals run into its paragraph.
//!
//! ## What it does
//!
//! A line that opens with two to six words in capitals and goes straight on, after a
//! space, with a sentence (`MEASURES TAKEN The council voted on Monday to close the
//! road.`): the page set the subheading on a line of its own, and the copy or the
//! translation lost the line break.
//!
//! ## Why it matters
//!
//! The reader takes the subheading for the start of the sentence. Only a run of capitals
//! that holds a common English word of four letters or more (`PREVENTIVE`, not an
//! acronym such as `NATO UN`) and does not end in a word that joins it to what follows
//! (`IN MEMORY OF The late captain`) counts, followed by a capitalised word and at least
//! six more words on the line. A dateline is set off with a dash or a comma (`MADRID —
//! The council`) and is not reported. The unsafe fix puts the heading on a paragraph of
//! its own.
//!
//! ## Example
//!
//! ```text
//! MEASURES TAKEN The council voted on Monday to close the road.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! MEASURES TAKEN
//!
//! The council voted on Monday to close the road.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::{Document, Pattern};

/// A line that opens with two to six words in capitals, then a capitalised word.
static RUN_IN: Pattern = Pattern::new(
    r"(?m)^[ \t]*(?P<h>\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){1,5})(?P<gap>[ \t]+)\p{Lu}\p{Ll}*[ \t]+[^\n]+",
);

/// Words that join a run of capitals to what follows: it is no heading.
const JOINERS: &[&str] = &[
    "OF", "THE", "TO", "AND", "A", "AN", "IN", "FOR", "ON", "AT", "BY", "WITH", "FROM", "OR",
];

const MESSAGE: &str = "subheading in capitals run into the paragraph";

pub struct RunInHeading {
    meta: RuleMeta,
}

impl RunInHeading {
    pub fn new() -> Self {
        RunInHeading {
            meta: RuleMeta {
                id: "residue/run-in-heading".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "subheading in capitals run into its paragraph".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The mayor spoke.\n\n[MEASURES TAKEN ]The council voted on Monday to close the road.\n",
                        "The mayor spoke.\n\nMEASURES TAKEN\n\nThe council voted on Monday to close the road.\n",
                    )
                    .message(MESSAGE),
                    Example::good("MADRID — The council voted on Monday to close the road.\n"),
                    Example::good("NATO UN The council voted on Monday to close the road.\n"),
                    Example::good("SACRED TO THE MEMORY OF The late captain who was lost at sea.\n"),
                    Example::good("MEASURES TAKEN\n\nThe council voted on Monday to close the road.\n"),
                    Example::good("ROAD CLOSED Today only.\n"),
                ],
            },
        }
    }
}

impl Rule for RunInHeading {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![RUN_IN.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for caps in RUN_IN.captures_iter(text) {
            let (heading, gap, line) = (&caps["h"], &caps.name("gap").expect("a gap"), &caps[0]);
            let words: Vec<&str> = heading.split_whitespace().collect();
            let common = words
                .iter()
                .any(|w| w.chars().count() >= 4 && is_word(&w.to_lowercase()));
            let joined = words.last().is_some_and(|w| JOINERS.contains(w));
            let rest = &text[gap.end()..caps.get(0).expect("a match").end()];
            if !common || joined || rest.split_whitespace().count() < 7 || line.contains('`') {
                continue;
            }
            let start = caps.name("h").expect("a heading").start();
            out.push(self.meta.diagnostic(
                start..gap.end(),
                MESSAGE,
                Some(Fix {
                    replacement: format!("{heading}\n\n"),
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}
