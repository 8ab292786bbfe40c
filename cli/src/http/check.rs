//! `/v2/check` as LanguageTool answers it: the request's parameters, the text or
//! annotated data they carry, and the reply, with positions in UTF-16 code units (Java's
//! `String` indices, which LanguageTool and its clients use).

use std::collections::HashMap;
use std::ops::Range;

use mtlint::{Diagnostic, Document, Linter, Markup, Severity};
use serde_json::{json, Value};

use super::Failure;
use crate::output::help::{fix_title, RuleHelp, Wording};

/// The English variants answered, as `/v2/languages` lists them: (name, long code).
pub const LANGUAGES: &[(&str, &str)] = &[
    ("English", "en"),
    ("English (Australian)", "en-AU"),
    ("English (Canadian)", "en-CA"),
    ("English (GB)", "en-GB"),
    ("English (New Zealand)", "en-NZ"),
    ("English (South African)", "en-ZA"),
    ("English (US)", "en-US"),
];

/// Characters of context on each side of a match, as LanguageTool's default.
const CONTEXT: usize = 40;

/// The source-language packs a `motherTongue` can name.
const PACKS: &[&str] = &["de", "es", "fr", "it"];

/// The `/v2/languages` reply.
pub fn languages() -> Value {
    Value::Array(
        LANGUAGES
            .iter()
            .map(|(name, code)| json!({"name": name, "code": "en", "longCode": code}))
            .collect(),
    )
}

/// The language a `language` parameter names (`auto` is English (US)), as
/// (name, long code), or LanguageTool's refusal.
pub fn language(code: &str) -> Result<(&'static str, &'static str), Failure> {
    let wanted = if code.eq_ignore_ascii_case("auto") {
        "en-US"
    } else {
        code
    };
    LANGUAGES
        .iter()
        .find(|(_, c)| c.eq_ignore_ascii_case(&wanted.replace('_', "-")))
        .copied()
        .ok_or_else(|| {
            let codes: Vec<&str> = LANGUAGES.iter().map(|(_, c)| *c).collect();
            Failure::bad_request(format!(
                "'{code}' is not a language code known to LanguageTool. Supported language \
                 codes are: auto, {}.",
                codes.join(", ")
            ))
        })
}

/// The source-language pack a `motherTongue` (`fr`, `de-CH`...) stands for, if any.
pub fn pack_of(mother_tongue: Option<&str>) -> Option<&'static str> {
    let code = mother_tongue?
        .split(['-', '_'])
        .next()?
        .to_ascii_lowercase();
    PACKS.iter().copied().find(|p| *p == code)
}

/// A request's text: the document as the client knows it (offsets count in it), the
/// text linted, and how positions in the linted text map back.
pub struct Input {
    /// The whole document: text and markup parts.
    pub document: String,
    /// What is linted: the text parts, and markup as its `interpretAs`.
    pub linted: String,
    /// How to read `linted`.
    pub markup: Markup,
    /// The pieces of `linted` in order; empty when `linted` is `document`.
    pieces: Vec<Piece>,
}

/// A piece of the linted text of annotated data: where it is in the linted text and in
/// the document, and whether it is text (else markup).
struct Piece {
    linted: Range<usize>,
    document: Range<usize>,
    text: bool,
}

impl Input {
    /// A document linted as it is.
    pub fn plain(text: String, markup: Markup) -> Input {
        Input {
            linted: text.clone(),
            document: text,
            markup,
            pieces: Vec::new(),
        }
    }

    /// The `data` parameter: `{"text": ...}` or `{"annotation": [{"text": ...},
    /// {"markup": ..., "interpretAs": ...}]}`.
    pub fn annotated(data: &str) -> Result<Input, Failure> {
        let data: Value = serde_json::from_str(data)
            .map_err(|_| Failure::bad_request("Could not parse JSON from 'data' parameter"))?;
        match (data.get("text"), data.get("annotation")) {
            (Some(_), Some(_)) => Err(Failure::bad_request(
                "'data' key in JSON requires either 'text' or 'annotation' key, not both",
            )),
            (Some(text), None) => Ok(Input::plain(as_text(text), Markup::Text)),
            (None, Some(Value::Array(parts))) => {
                let mut input = Input::plain(String::new(), Markup::Text);
                for part in parts {
                    let (text, markup) = (part.get("text"), part.get("markup"));
                    let interpret = part.get("interpretAs");
                    let (shown, linted, is_text) = match (text, markup, interpret) {
                        (Some(_), Some(_), _) => {
                            return Err(Failure::bad_request(format!(
                                "Only either 'text' or 'markup' are supported in an object \
                                 in 'annotation' list, not both: {part}"
                            )))
                        }
                        (Some(_), None, Some(_)) => {
                            return Err(Failure::bad_request(format!(
                                "'text' cannot be used with 'interpretAs' (only 'markup' can): \
                                 {part}"
                            )))
                        }
                        (Some(t), None, None) => (as_text(t), as_text(t), true),
                        (None, Some(m), i) => {
                            (as_text(m), i.map(as_text).unwrap_or_default(), false)
                        }
                        (None, None, _) => {
                            return Err(Failure::bad_request(format!(
                                "Only 'text' and 'markup' are supported in 'annotation' list: \
                                 {part}"
                            )))
                        }
                    };
                    input.pieces.push(Piece {
                        linted: input.linted.len()..input.linted.len() + linted.len(),
                        document: input.document.len()..input.document.len() + shown.len(),
                        text: is_text,
                    });
                    input.linted.push_str(&linted);
                    input.document.push_str(&shown);
                }
                Ok(input)
            }
            _ => Err(Failure::bad_request(
                "'data' key in JSON requires 'text' or 'annotation' key",
            )),
        }
    }

    /// Where a span of the linted text is in the document, and whether a fix of it may be
    /// offered (it lies within one text part).
    fn to_document(&self, span: &Range<usize>) -> (Range<usize>, bool) {
        if self.pieces.is_empty() {
            return (span.clone(), true);
        }
        let start = self
            .pieces
            .iter()
            .position(|p| p.linted.end > span.start || (p.linted.start == span.start && p.text));
        let end = self
            .pieces
            .iter()
            .rposition(|p| p.linted.start < span.end || (p.linted.end == span.end && p.text));
        let (Some(first), Some(last)) = (start, end) else {
            let end = self.document.len();
            return (end..end, false);
        };
        let (a, b) = (&self.pieces[first], &self.pieces[last]);
        let from = if a.text {
            a.document.start + (span.start - a.linted.start).min(a.document.len())
        } else {
            a.document.start
        };
        let to = if b.text {
            b.document.start + (span.end.saturating_sub(b.linted.start)).min(b.document.len())
        } else {
            b.document.end
        };
        (from..to.max(from), first == last && a.text)
    }
}

/// A JSON value as text: strings as they are, anything else as JSON.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Which findings a request wants: `level`, `enabledRules` with `enabledOnly`,
/// `disabledRules`, `enabledCategories`, `disabledCategories`.
pub struct Filter {
    picky: bool,
    only: Option<Vec<String>>,
    disabled: Vec<String>,
}

fn list(params: &HashMap<String, String>, key: &str) -> Vec<String> {
    params
        .get(key)
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a rule id or category (as mtlint or LanguageTool spells it) names this rule.
fn names(selector: &str, rule: &str) -> bool {
    selector.eq_ignore_ascii_case(rule)
        || rule
            .split('/')
            .next()
            .is_some_and(|c| c.eq_ignore_ascii_case(&selector.replace('_', "-")))
}

impl Filter {
    /// The filter a request's parameters describe.
    pub fn new(params: &HashMap<String, String>) -> Filter {
        let mut enabled = list(params, "enabledRules");
        enabled.extend(list(params, "enabledCategories"));
        let mut disabled = list(params, "disabledRules");
        disabled.extend(list(params, "disabledCategories"));
        let only = params.get("enabledOnly").is_some_and(|v| v == "true");
        Filter {
            picky: params.get("level").is_some_and(|l| l == "picky"),
            only: only.then_some(enabled),
            disabled,
        }
    }

    /// Whether the reply keeps this finding. `info` findings are LanguageTool's picky
    /// level.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        (self.picky || d.severity > Severity::Info)
            && self
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|s| names(s, &d.rule)))
            && !self.disabled.iter().any(|s| names(s, &d.rule))
    }
}

/// UTF-16 offsets of byte positions of one text, computed in one pass.
struct Utf16 {
    /// (byte position, UTF-16 offset), sorted by position.
    table: Vec<(usize, usize)>,
}

impl Utf16 {
    fn new(text: &str, mut positions: Vec<usize>) -> Utf16 {
        positions.sort_unstable();
        positions.dedup();
        let mut table = Vec::with_capacity(positions.len());
        let (mut at, mut units) = (0, 0);
        for p in positions {
            units += text[at..p].chars().map(char::len_utf16).sum::<usize>();
            at = p;
            table.push((p, units));
        }
        Utf16 { table }
    }

    fn of(&self, position: usize) -> usize {
        let i = self.table.partition_point(|(p, _)| *p < position);
        self.table[i].1
    }
}

/// The byte position `n` characters before `at` (or the start).
fn chars_before(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The byte position `n` characters after `at` (or the end).
fn chars_after(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The `/v2/check` reply for `found` (findings in `input.linted`).
pub fn reply(
    input: &Input,
    found: &[Diagnostic],
    linter: &Linter,
    (name, code): (&str, &str),
) -> Value {
    let doc = &input.document;
    let sentences_doc = Document::new(&input.linted);
    let sentences = sentences_doc.sentences();
    let placed: Vec<(Range<usize>, bool)> =
        found.iter().map(|d| input.to_document(&d.span)).collect();
    let mut positions = Vec::with_capacity(placed.len() * 4);
    let windows: Vec<Range<usize>> = placed
        .iter()
        .map(|(span, _)| {
            chars_before(doc, span.start, CONTEXT)..chars_after(doc, span.end, CONTEXT)
        })
        .collect();
    for ((span, _), window) in placed.iter().zip(&windows) {
        positions.extend([span.start, span.end, window.start, window.end]);
    }
    let utf16 = Utf16::new(doc, positions);
    let matches: Vec<Value> = found
        .iter()
        .zip(placed.iter().zip(&windows))
        .map(|(d, ((span, fixable), window))| {
            let meta = linter.rule(&d.rule).map(|r| r.meta());
            let (offset, length) = (utf16.of(span.start), utf16.of(span.end) - utf16.of(span.start));
            let before = if window.start > 0 { "..." } else { "" };
            let after = if window.end < doc.len() { "..." } else { "" };
            let context: String = doc[window.clone()]
                .chars()
                .map(|c| if c.is_whitespace() && c.len_utf8() == 1 { ' ' } else { c })
                .collect();
            let sentence = sentences
                .iter()
                .find(|s| s.end > d.span.start)
                .filter(|s| s.start <= d.span.start)
                .map_or(&input.linted[d.span.clone()], |s| &input.linted[s.span()]);
            let fix = d.fix.as_ref().filter(|_| *fixable);
            let replacements: Vec<Value> = fix
                .map(|f| {
                    let mut r = json!({"value": f.replacement});
                    if f.applicability == mtlint::Applicability::Unsafe {
                        r["shortDescription"] = json!("unsafe: check the meaning");
                    }
                    r
                })
                .into_iter()
                .collect();
            let category = d.rule.split('/').next().unwrap_or_default();
            let summary = meta.map_or("", |m| m.summary.as_str());
            json!({
                "message": d.message,
                "shortMessage": if summary == d.message { "" } else { summary },
                "replacements": replacements,
                "offset": offset,
                "length": length,
                "context": {
                    "text": format!("{before}{context}{after}"),
                    "offset": utf16.of(span.start) - utf16.of(window.start) + before.len(),
                    "length": length,
                },
                "sentence": sentence,
                "type": {"typeName": if d.severity == Severity::Info { "Hint" } else { "Other" }},
                "rule": {
                    "id": &*d.rule,
                    "description": summary,
                    "issueType": issue_type(d),
                    "category": {"id": category.to_ascii_uppercase().replace('-', "_"), "name": category},
                },
                "ignoreForIncompleteSentence": false,
                "contextForSureMatch": 0,
                // mtlint's own view, for its web page (LanguageTool clients ignore it).
                "mtlint": {
                    "severity": d.severity,
                    "fix": fix.map(|f| f.applicability),
                    "fixTitle": fix.map(|f| fix_title(&input.linted[d.span.clone()], f, Wording::Editor)),
                    "help": meta.map(|m| RuleHelp::new(m).text()),
                },
            })
        })
        .collect();
    json!({
        "software": {
            "name": "mtlint",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": "",
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": {"incompleteResults": false},
        "language": {
            "name": name,
            "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0},
        },
        "matches": matches,
    })
}

/// LanguageTool's issue type of a finding (the browser add-on colours by it).
fn issue_type(d: &Diagnostic) -> &'static str {
    match d.rule.split('/').next().unwrap_or_default() {
        _ if d.severity == Severity::Info => "style",
        "spacing" => "whitespace",
        "false-friend" | "calque" | "translation" => "grammar",
        "boilerplate" | "residue" => "non-conformance",
        _ => "typographical",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_as_two() {
        let text = "é🎉x";
        let u = Utf16::new(text, vec![0, 2, 6, 7]);
        assert_eq!([u.of(0), u.of(2), u.of(6), u.of(7)], [0, 1, 3, 4]);
    }

    #[test]
    fn annotated_spans_map_back_to_the_document() {
        let input = Input::annotated(
            r#"{"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"b. ."},{"markup":"</b>","interpretAs":"\n"}]}"#,
        )
        .unwrap();
        assert_eq!(input.document, "A <b>b. .</b>");
        assert_eq!(input.linted, "A b. .\n");
        // `. .` in the linted text (3..6) is 6..9 in the document, inside one text part.
        assert_eq!(input.to_document(&(3..6)), (6..9, true));
        // A span across the markup is placed but not fixable.
        assert_eq!(input.to_document(&(0..4)), (0..7, false));
        // The interpreted line break maps onto the whole closing tag.
        assert_eq!(input.to_document(&(6..7)), (9..13, false));
    }

    #[test]
    fn mother_tongues_name_packs() {
        assert_eq!(pack_of(Some("fr-FR")), Some("fr"));
        assert_eq!(pack_of(Some("de")), Some("de"));
        assert_eq!(pack_of(Some("pt-BR")), None);
        assert_eq!(pack_of(None), None);
    }
}
