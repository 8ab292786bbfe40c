//! Scraping and CMS residue: what is residue in plain text and what is markup in
//! Markdown, whole-line matching, and the recall set's annotations staying true.

use std::fs;

use mtlint::{FixMode, LineIndex, Linter, Markup};

use crate::common::*;

fn residue(text: &str, markup: Markup) -> Vec<(String, String)> {
    Linter::builtin()
        .lint_document(text, markup)
        .into_iter()
        .filter(|d| d.rule.starts_with("residue/") || d.rule.starts_with("boilerplate/"))
        .map(|d| (d.rule.to_string(), text[d.span].to_string()))
        .collect()
}

#[test]
fn html_tags_are_residue_in_plain_text_and_markup_in_markdown() {
    let text = "He said <em>no</em> twice.<br>\n";
    assert_eq!(
        residue(text, Markup::Text),
        [
            ("residue/inline-tag".to_string(), "<em>".to_string()),
            ("residue/inline-tag".to_string(), "</em>".to_string()),
            ("residue/block-tag".to_string(), "<br>".to_string()),
        ]
    );
    assert_eq!(residue(text, Markup::Markdown), []);
    // A tag broken by a copy is not HTML for Markdown either: it is residue there too.
    assert_eq!(
        residue("The word < /em>stays.\n", Markup::Markdown),
        [("residue/inline-tag".to_string(), "< /em>".to_string())]
    );
}

#[test]
fn prose_that_mentions_the_words_is_not_residue() {
    let prose = "The advertisement campaign ran for a month; see also the report.\n\
                 Related to this, the minister said the cookie settings were hidden.\n\
                 Published in 1998, the novel won. By Tuesday the river fell.\n\
                 Share the load, he said, and read more about it in the appendix.\n\
                 The class was full and [sic] the footnote [1] stayed; a set {1, 2}.\n\
                 If a < b and b > c, then x <i and y> j.\n";
    assert_eq!(residue(prose, Markup::Text), []);
    assert_eq!(residue(prose, Markup::Markdown), []);
}

#[test]
fn residue_lines_are_deleted_whole_by_the_unsafe_fix() {
    let text = "Ottawa sends troops\n\nOttawa sends troops\n\n\
                By Jane Doe | Published 12:03 PM ET\n\
                The government said so.\n\
                - Advertisement -\n\
                Story continues below advertisement\n\
                [ad_1]\n\
                It ends (Photo: Reuters) here.\n\
                Facebook Twitter Pinterest WhatsApp\n";
    let fixed = Linter::builtin().fix(text, FixMode::IncludeUnsafe);
    assert!(fixed.converged);
    assert_eq!(
        fixed.text,
        "Ottawa sends troops\n\nThe government said so.\n\nIt ends here.\n"
    );
    // Safe fixes alone never delete a line.
    assert_eq!(Linter::builtin().fix(text, FixMode::SafeOnly).text, text);
}

#[test]
fn a_headline_repeated_under_a_markdown_heading_is_found() {
    let doc = "# Ottawa sends troops to Latvia\n\nOttawa sends troops to Latvia\n\nText.\n";
    let found = residue(doc, Markup::Markdown);
    assert_eq!(
        found,
        [(
            "residue/repeated-headline".to_string(),
            "Ottawa sends troops to Latvia\n\n".to_string()
        )]
    );
}

/// The bench (`cargo bench --bench accuracy`) scores recall against
/// `tests/recall/annotations.tsv`; every annotation must name text that is really there.
#[test]
fn recall_annotations_point_at_their_text() {
    let dir = root().join("tests/recall");
    let tsv = fs::read_to_string(dir.join("annotations.tsv")).unwrap();
    let mut checked = 0;
    for (n, row) in tsv.lines().enumerate().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        assert!(f.len() >= 5, "annotations.tsv:{}: {row}", n + 1);
        let text = fs::read_to_string(dir.join(f[0])).unwrap();
        let (line, column): (usize, usize) = (f[1].parse().unwrap(), f[2].parse().unwrap());
        let want = f[4]
            .replace("\\n", "\n")
            .replace("\\u{200B}", "\u{200B}")
            .replace("\\u{AD}", "\u{AD}")
            .replace("\\u{FFFD}", "\u{FFFD}");
        let start = LineIndex::new(&text).line_start(line);
        let at: String = text[start..].chars().skip(column - 1).collect();
        assert!(
            at.starts_with(&want),
            "annotations.tsv:{}: {want:?} is not at {}:{line}:{column}",
            n + 1,
            f[0]
        );
        checked += 1;
    }
    assert!(checked > 150, "{checked}");
}
