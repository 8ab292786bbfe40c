//! `residue/chrome-line`: a short standalone line of site chrome.
//!
//! ## What it does
//!
//! Scrapers leave the chrome of a web page between the paragraphs of an article.
//!
//! ## Why it matters
//!
//! This check knows it by its shape, not by a list of phrasings: a short line standing
//! alone (its own paragraph, or one of a block of short lines) without a sentence's
//! final stop, whose words are all the vocabulary of widgets (`More stories`, `Share
//! this`, `Print article`, `Search the site`, `Media enquiries:`); a breadcrumb (`Home
//! » World » Europe`); a timestamp (`14.03.2019 – 08:45`); a row of words glued by a
//! widget (`Like ActiveLike ActiveLike`); a page's metadata, a date or time with a view,
//! visit or comment counter (`2019/3/1 10:00 · 55 views`); punctuation alone (`– .`, what
//! is left of a removed link or image; not a scene break such as `* * *`). These are warnings, and the unsafe fix
//! deletes the line. A date alone on a line, a label line (`Tag: …`, `Phone: …`,
//! `Source: …`), a copyright footer and a row of capitalised labels (`Tiny Small Normal
//! Large`) are only information, without a fix: a letter has a date line, a book has a
//! copyright line. Sentences, lines inside a paragraph, quoted titles, headings with
//! other words (`More trouble at the border`) and lines the `residue/*` and
//! `boilerplate/*` lists already report are left alone.
//!
//! ## Example
//!
//! ```text
//! The council met.
//!
//! More stories
//!
//! The vote was held.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! The council met.
//!
//!
//! The vote was held.
//! ```

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::checks::spans::lines;
use crate::data_rule::DataRule;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::{is_word, FnvBuild};
use crate::text::Document;

/// Words of web-page chrome: the labels of share, comment, navigation, related-article,
/// media and contact widgets.
const UI_WORDS: &[&str] = &[
    "share",
    "shares",
    "print",
    "email",
    "e-mail",
    "mail",
    "subscribe",
    "subscription",
    "unsubscribe",
    "newsletter",
    "newsletters",
    "comment",
    "comments",
    "reply",
    "replies",
    "read",
    "more",
    "top",
    "related",
    "source",
    "sources",
    "link",
    "links",
    "latest",
    "recent",
    "popular",
    "recommended",
    "trending",
    "featured",
    "most",
    "article",
    "articles",
    "news",
    "story",
    "stories",
    "post",
    "posts",
    "page",
    "video",
    "videos",
    "watch",
    "photo",
    "photos",
    "gallery",
    "images",
    "search",
    "site",
    "website",
    "login",
    "log",
    "sign",
    "register",
    "follow",
    "like",
    "likes",
    "tweet",
    "update",
    "updated",
    "updates",
    "contact",
    "press",
    "editorial",
    "sponsored",
    "sponsor",
    "advertisement",
    "advertising",
    "ads",
    "tag",
    "tags",
    "category",
    "categories",
    "topics",
    "home",
    "homepage",
    "menu",
    "back",
    "next",
    "previous",
    "download",
    "click",
    "here",
    "copyright",
    "rights",
    "reserved",
    "views",
    "visits",
    "ago",
    "date",
    "last",
    "content",
    "external",
    "display",
    "hide",
    "show",
    "close",
    "continue",
    "full",
    "live",
    "blog",
    "feed",
    "rss",
    "podcast",
    "listen",
    "font",
    "rating",
    "rate",
    "star",
    "stars",
    "vote",
    "bookmark",
    "save",
    "copy",
    "send",
    "whatsapp",
    "facebook",
    "twitter",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "instagram",
    "youtube",
    "author",
    "must",
    "headlines",
    "breaking",
    "caption",
    "credit",
    "credits",
    "archive",
    "archives",
    "browse",
    "donate",
    "premium",
    "account",
    "profile",
    "settings",
    "privacy",
    "policy",
    "cookie",
    "cookies",
    "sitemap",
    "window",
    "tab",
    "edition",
    "inactive",
    "active",
    "media",
    "social",
    "rss",
    "contacts",
    "phone",
];

/// Words that carry no content in a label line (`Search on the site`).
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "to", "for", "by", "and", "or", "our", "your", "this",
    "these", "all", "from", "with", "at", "is", "us", "we", "you", "it", "new", "about", "also",
    "see", "now", "up", "out", "my", "me", "no", "be",
];

/// Labels that open a label line (`Tag: Hendricks`, `Phone: …`, `Source: …`).
const LABELS: &[&str] = &[
    "tag",
    "tags",
    "source",
    "sources",
    "phone",
    "tel",
    "telephone",
    "fax",
    "e-mail",
    "email",
    "contact",
    "press contact",
    "media contact",
    "keywords",
    "category",
    "categories",
    "topics",
    "filed under",
    "posted in",
    "via",
    "original content from",
    "distributed by",
    "editing",
    "edited by",
    "written by",
    "text",
    "read also",
    "i also read",
    "see more",
];

static UI: LazyLock<HashSet<&'static str, FnvBuild>> =
    LazyLock::new(|| UI_WORDS.iter().copied().collect());
static FUNCTION: LazyLock<HashSet<&'static str, FnvBuild>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

/// One token of a date or time line.
static DATE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?
          | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?
          | \d{1,4}(?:st|nd|rd|th)?,?
          | \d{1,4}(?:[./-]\d{1,4}){1,2},?
          | \d{1,2}[:h]\d{2}(?::\d{2})?,?
          | [ap]\.?m\.?,? | at | on | ago | hours? | minutes? | mins? | h
          | [|•·–—-]
          | kst|jst|gmt|utc|cet|cest|est|edt|pst|pdt|ist|msk|et|pt|bst
        )$",
    )
    .expect("valid regex")
});

/// A time of day inside a date line.
static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}").expect("valid regex"));

/// A counter of a page's views, visits, reads or comments.
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b\d[\d,.]*\s?(?:views?|visits?|visitors|reads|readers|hits|comments?|likes)\b",
    )
    .expect("valid regex")
});

/// A date written in digits (`2019/3/1`, `01.03.2019`, `2019-03-01`).
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b").expect("valid regex"));

/// Breadcrumb separators.
const SEPARATORS: &[char] = &['»', '›', '>', '|', '/', '→'];

/// The list rules whose findings this check must not repeat (the built-in rules
/// themselves, chosen once rather than on every line asked about).
static LIST_RULES: LazyLock<Vec<&'static DataRule>> = LazyLock::new(|| {
    crate::BUILTIN_DATA_RULES
        .iter()
        .filter(|r| {
            let origin = &r.meta().origin;
            origin.starts_with("rules/residue/") || origin.starts_with("rules/boilerplate/")
        })
        .map(|r| &**r)
        .collect()
});

/// Whether one of the list rules matches the line (with its line break).
fn listed(line: &str) -> bool {
    let text = format!("{line}\n");
    let mut out = Vec::new();
    LIST_RULES.iter().any(|r| {
        r.check(&Document::new(&text), &mut out);
        !out.is_empty()
    })
}

/// What a chrome line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Timestamp,
    Date,
    Breadcrumb,
    Labels,
    LabelLine,
    Copyright,
    GluedWidget,
    WidgetRow,
    Metadata,
    Debris,
}

impl Kind {
    fn severity(self) -> Severity {
        match self {
            Kind::Timestamp
            | Kind::Breadcrumb
            | Kind::Labels
            | Kind::GluedWidget
            | Kind::Metadata
            | Kind::Debris => Severity::Warning,
            Kind::Date | Kind::LabelLine | Kind::Copyright | Kind::WidgetRow => Severity::Info,
        }
    }

    fn message(self) -> &'static str {
        match self {
            Kind::Timestamp => "timestamp line copied from a web page",
            Kind::Date => "a date alone on a line: a web page's header date?",
            Kind::Breadcrumb => "breadcrumb navigation copied from a web page",
            Kind::Labels => "widget or navigation label copied from a web page",
            Kind::LabelLine => "label line of a web page (tag, source, contact)?",
            Kind::Copyright => "copyright or distribution footer copied with the text?",
            Kind::GluedWidget => "widget text with glued words copied from a web page",
            Kind::WidgetRow => "a row of widget labels (font size, rating)?",
            Kind::Metadata => "page metadata (a date and a view counter) copied from a web page",
            Kind::Debris => "punctuation alone on a line: what is left of a removed link or image",
        }
    }
}

pub struct ChromeLine {
    meta: RuleMeta,
}

impl ChromeLine {
    pub fn new() -> Self {
        ChromeLine {
            meta: RuleMeta {
                id: "residue/chrome-line".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::sometimes(Applicability::Unsafe),
                summary: "a short standalone line of site chrome".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The council met.\n\n[More stories\n]\nThe vote was held.\n",
                        "The council met.\n\n\nThe vote was held.\n",
                    )
                    .message("widget or navigation label copied from a web page"),
                    Example::bad(
                        "[Home » World » Europe\n]\nThe council met.\n",
                        "\nThe council met.\n",
                    )
                    .message("breadcrumb navigation copied from a web page"),
                    Example::bad(
                        "[14.03.2019 – 08:45\n]\nThe council met.\n",
                        "\nThe council met.\n",
                    )
                    .message("timestamp line copied from a web page"),
                    Example::bad(
                        "The council met.\n\n[Updated 2019/3/1 10:00 · 55 views\n]\nThe vote was held.\n",
                        "The council met.\n\n\nThe vote was held.\n",
                    )
                    .message("page metadata (a date and a view counter) copied from a web page"),
                    Example::bad(
                        "The council met.\n\n[– .\n]\nThe vote was held.\n",
                        "The council met.\n\n\nThe vote was held.\n",
                    )
                    .message("punctuation alone on a line: what is left of a removed link or image"),
                    Example::good("The council met.\n\n* * *\n\nThe vote was held.\n"),
                    Example::bad(
                        "The council met.\n\n[Save this page\n]",
                        "The council met.\n\n",
                    )
                    .message("widget or navigation label copied from a web page"),
                    Example::flagged("[Tag: Hendricks]\n\nThe council met.\n")
                        .message("label line of a web page (tag, source, contact)?"),
                    Example::flagged("[March 3, 2021]\n\nThe council met.\n")
                        .message("a date alone on a line: a web page's header date?"),
                    Example::good(
                        "More trouble at the border\n\nThe council met in the evening.\n",
                    ),
                    Example::good(
                        "MADRID, 7 Dec. 2020 – The council met late.\nShare your views with us.\n",
                    ),
                    Example::good("The council met.\n\n“Read more, share more”\n"),
                    Example::good("The council met.\n\nShare this article\n"),
                ],
            },
        }
    }
}

impl Rule for ChromeLine {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, kind) in find(text) {
            let severity = kind.severity();
            let (span, fix) = if severity == Severity::Warning {
                let end = if text[line.end..].starts_with("\r\n") {
                    line.end + 2
                } else if text[line.end..].starts_with('\n') {
                    line.end + 1
                } else {
                    line.end
                };
                let fix = Fix::deletion(Applicability::Unsafe);
                (line.start..end, Some(fix))
            } else {
                (line, None)
            };
            let mut d = self.meta.diagnostic(span, kind.message(), fix);
            d.severity = severity;
            out.push(d);
        }
    }
}

/// The lines that stand alone: a paragraph of one line, or a line of a block that neither
/// continues the line before nor runs on into the next. Lines are trimmed of surrounding
/// white space.
fn standalone_lines(text: &str) -> Vec<Range<usize>> {
    let all: Vec<Range<usize>> = lines(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if text[all[i].clone()].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < all.len() && !text[all[i].clone()].trim().is_empty() {
            i += 1;
        }
        let block = &all[start..i];
        let trimmed: Vec<&str> = block.iter().map(|l| text[l.clone()].trim()).collect();
        // In a block of lines, a line stands alone when neither it nor the line before
        // runs on: hard-wrapped prose does, one paragraph per line does not.
        let ends = |t: &str| {
            t.ends_with(['.', '!', '?', ':', '”', '"', '»', ')']) || t.chars().count() <= 40
        };
        let opens = |t: &str| t.starts_with(|c: char| !c.is_lowercase());
        for (k, l) in block.iter().enumerate() {
            let alone = block.len() == 1
                || ((k == 0 || ends(trimmed[k - 1]))
                    && trimmed.get(k + 1).is_none_or(|n| opens(n)));
            if !alone {
                continue;
            }
            let raw = &text[l.clone()];
            let lead = raw.len() - raw.trim_start().len();
            let trail = raw.len() - raw.trim_end().len();
            out.push(l.start + lead..l.end - trail);
        }
    }
    out
}

/// Every chrome line: its span (the line without surrounding space) and kind.
fn find(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    for line in standalone_lines(text) {
        let raw = &text[line.clone()];
        if raw.chars().count() > 100 {
            continue;
        }
        if let Some(kind) = classify(raw) {
            if !listed(raw) {
                out.push((line, kind));
            }
        }
    }
    out
}

/// The kind of chrome `line` (trimmed, one line) is, if any.
fn classify(line: &str) -> Option<Kind> {
    if debris(line) {
        return Some(Kind::Debris);
    }
    let body = line
        .trim_start_matches(['-', '•', '*', '–', '▷', '►', '·'])
        .trim_start();
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let first = body.chars().next()?;
    if "“\"‘'«(".contains(first) {
        return None;
    }
    // A date or a time alone.
    // (The regexes go last, so that a line that fails the cheap tests compiles none.)
    let digits = body.contains(|c: char| c.is_ascii_digit());
    if digits
        && (words.len() >= 2 || body.contains(['.', '/', '-', ':']))
        && words
            .iter()
            .any(|w| w.chars().any(char::is_alphabetic) || w.len() > 4)
        && words.iter().all(|w| DATE_TOKEN.is_match(w))
    {
        return Some(if TIME.is_match(body) {
            Kind::Timestamp
        } else {
            Kind::Date
        });
    }
    let last = body.chars().next_back()?;
    let lower = body.to_lowercase();
    // A copyright or distribution footer, perhaps in brackets (`[Copyright Agency]`).
    if words.len() <= 10
        && (body.contains('©')
            || lower.trim_start_matches('[').starts_with("copyright")
            || lower.contains("all rights reserved")
            || lower.starts_with("(c)"))
    {
        return Some(Kind::Copyright);
    }
    if ".!?;,".contains(last) {
        return None;
    }
    // A page's metadata: a view, visit or comment counter with a date or a time
    // (`Updated 2019/3/1 10:00 · 55 views`).
    if digits && (TIME.is_match(body) || NUMERIC_DATE.is_match(body)) && COUNTER.is_match(body) {
        return Some(Kind::Metadata);
    }
    // A breadcrumb: short segments between separators.
    // Separators stand between spaces (`Home » World`; `Address/Network` is a word).
    let spaced_only = body.char_indices().all(|(i, c)| {
        !SEPARATORS.contains(&c)
            || (body[..i].ends_with(' ') && body[i + c.len_utf8()..].starts_with(' '))
    });
    let segments: Vec<&str> = if spaced_only {
        body.split(SEPARATORS).map(str::trim).collect()
    } else {
        vec![body]
    };
    let separators = segments.len() - 1;
    if separators >= 2
        && segments.iter().all(|s| {
            let n = s.split_whitespace().count();
            (1..=4).contains(&n) && s.starts_with(char::is_alphabetic)
        })
        && segments
            .iter()
            .all(|s| s.starts_with(|c: char| c.is_uppercase()))
    {
        return Some(Kind::Breadcrumb);
    }
    // A label line: `Tag: Name`, `Media enquiries:`.
    if let Some((label, rest)) = body.split_once(':') {
        let label_l = label.trim().to_lowercase();
        if LABELS.contains(&label_l.as_str()) && rest.split_whitespace().count() <= 8 {
            return Some(Kind::LabelLine);
        }
    }
    // Widget vocabulary.
    let clean: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let content: Vec<&String> = clean
        .iter()
        .filter(|w| !FUNCTION.contains(w.as_str()))
        .collect();
    let ui = content.iter().filter(|w| UI.contains(w.as_str())).count();
    if (2..=6).contains(&content.len())
        && ui == content.len()
        && words.len() <= 6
        && (last.is_alphabetic() || last == ':')
    {
        return Some(Kind::Labels);
    }
    // Widget words glued by a lost separator: two or more tokens with a capital after a
    // lowercase letter (`ActiveLike`).
    let glued = words
        .iter()
        .filter(|w| {
            let c: Vec<char> = w.chars().collect();
            c.windows(2)
                .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
                && c.iter().all(|c| c.is_alphabetic())
        })
        .count();
    if glued >= 2 && glued * 2 >= words.len() {
        return Some(Kind::GluedWidget);
    }
    // A row of capitalised labels without a function word (`Tiny Small Normal Large`).
    if words.len() >= 4
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(char::is_alphabetic)
                && w.chars().skip(1).all(char::is_lowercase)
        })
        && content.len() == clean.len()
        && clean.iter().filter(|w| is_word(w)).count() * 2 >= clean.len()
        && clean
            .iter()
            .any(|w| UI.contains(w.as_str()) || SIZE_WORDS.contains(&w.as_str()))
    {
        return Some(Kind::WidgetRow);
    }
    None
}

/// Whether `line` is punctuation alone, left where a link, an image or a figure was
/// removed (`– .`, `.`): dashes, stops and commas, two different ones or a lone stop.
/// A scene break repeats one mark (`* * *`, `---`, `. . .`) and is not debris.
fn debris(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    let mut distinct = marks.clone();
    distinct.sort_unstable();
    distinct.dedup();
    !marks.is_empty()
        && marks.len() <= 6
        && marks.iter().all(|c| "-–—.,;:".contains(*c))
        && (distinct.len() >= 2 || matches!(marks[..], ['.'] | [','] | [';']))
}

/// The words of font-size and layout widgets.
const SIZE_WORDS: &[&str] = &[
    "small", "smaller", "medium", "big", "bigger", "large", "larger", "default", "normal",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        find(text).into_iter().map(|(r, k)| (&text[r], k)).collect()
    }

    #[test]
    fn chrome_lines_by_shape() {
        let text = "Home » Sport » Tennis\n\nTuesday, May 9, 2023\n\n\
            2023/11/02 07:15 CET\n\nThe council met.\n\nPrint article\n\nTop stories\n\n\
            Tag: Hendricks\n\nLike ActiveLike ActiveLike Active\n\n\
            Tiny Small Normal Large Huge\n\nCopyright (C) Tribune 2019\n\n\
            [Copyright The Daily Tribune]\n\nUpdated 2019/3/1 10:00 - 55 views\n\n\
            12.05.2021 | 1,204 reads\n\n– .\n\n.\n";
        assert_eq!(
            kinds(text),
            [
                ("Home » Sport » Tennis", Kind::Breadcrumb),
                ("Tuesday, May 9, 2023", Kind::Date),
                ("2023/11/02 07:15 CET", Kind::Timestamp),
                ("Print article", Kind::Labels),
                ("Top stories", Kind::Labels),
                ("Tag: Hendricks", Kind::LabelLine),
                ("Like ActiveLike ActiveLike Active", Kind::GluedWidget),
                ("Tiny Small Normal Large Huge", Kind::WidgetRow),
                ("Copyright (C) Tribune 2019", Kind::Copyright),
                ("[Copyright The Daily Tribune]", Kind::Copyright),
                ("Updated 2019/3/1 10:00 - 55 views", Kind::Metadata),
                ("12.05.2021 | 1,204 reads", Kind::Metadata),
                ("– .", Kind::Debris),
                (".", Kind::Debris),
            ]
        );
    }

    #[test]
    fn article_lines_are_left_alone() {
        let text = "More trouble at the border\n\n2024\n\n12\n\n\
            On March 3, 2024 the council met and\nvoted more articles into law.\n\n\
            Read more about it.\n\n“Share this”\n\nJohn Smith Mary Jones\n\n\
            On 2019/3/1 the site had 55 views.\n\n* * *\n\n---\n\n. . .\n\n—\n";
        assert_eq!(kinds(text), []);
    }

    #[test]
    fn lines_of_a_block_of_short_lines_stand_alone() {
        let text = "The council met.\nMore stories\n";
        assert_eq!(kinds(text), [("More stories", Kind::Labels)]);
        let wrapped = "The council met on Monday to vote the budget and the\nmore articles\nof the law were read aloud by the clerk of the council.\n";
        assert_eq!(kinds(wrapped), []);
    }
}
