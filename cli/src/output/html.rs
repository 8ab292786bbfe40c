//! `html` (and `mtlint report`): one self-contained HTML page for a sweep, with no
//! external requests: totals, a histogram of the scores and a bar chart of findings per
//! category (inline SVG), findings per rule, the worst documents first with links to
//! their findings and excerpts, and a filter by category and severity (a few lines of
//! inline script).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;
use mtlint::score::{EDITED_FROM, RAW_MT_FROM};
use mtlint::{Linter, Severity, Verdict};

use super::json::Json;
use super::sweep::{category, severity_index, Doc, Sweep, DETAILED};
use super::{Emitter, FileReport, RunEnd};

/// The `html` format: collects the run's JSON Lines, writes the page at the end.
#[derive(Default)]
pub struct Html {
    sweep: Sweep,
}

impl Emitter for Html {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
        Json.render(out, report)
    }

    fn write(&mut self, _: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        self.sweep.add_lines(rendered)
    }

    fn end(&mut self, out: &mut dyn Write, run: &RunEnd) -> io::Result<()> {
        if run.interrupted {
            return Ok(());
        }
        write_page(out, &mut self.sweep, run.linter)
    }
}

/// Escape text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The lower edges of the histogram's bins: both verdict thresholds are edges.
fn bin_edges() -> [f64; 8] {
    let (e, r) = (EDITED_FROM, RAW_MT_FROM);
    [0.0, e / 2.0, e, (e + r) / 2.0, r, 2.0 * r, 4.0 * r, 8.0 * r]
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Clean => "clean",
        Verdict::Edited => "edited",
        Verdict::RawMt => "raw",
    }
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;\
padding:1em 1.5em;color:#222}figure{margin:0}h1{margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;width:100%}td,th{padding:.25em .5em;border-bottom:1px solid #eee;\
text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
.totals{display:flex;gap:1em;flex-wrap:wrap}.totals div{background:#f4f4f4;padding:.5em 1em;\
border-radius:6px}.totals b{display:block;font-size:1.4em}.charts{display:flex;gap:2em;\
flex-wrap:wrap}svg text{font:12px system-ui,sans-serif;fill:#333}.clean{color:#1a7f37}\
.edited{color:#9a6700}.raw{color:#cf222e}.verdict{font-weight:600}code{font-size:.9em}\
mark{background:#ffd8a8}.finding{margin:.3em 0}.excerpt{display:block;color:#555;\
font-family:ui-monospace,monospace;font-size:.85em;white-space:pre-wrap}\
.sev{font-size:.8em;padding:0 .4em;border-radius:4px;background:#eee}.sev.error{background:#ffcecb}\
.sev.warning{background:#fff1c2}.filter{position:sticky;top:0;background:#fff;padding:.5em 0;\
border-bottom:1px solid #ddd}section.doc{scroll-margin-top:3.5em}[hidden]{display:none!important}";

const SCRIPT: &str = "(function(){var c=document.getElementById('category-filter'),\
s=document.getElementById('severity-filter');function apply(){var cv=c.value,sv=s.value;\
document.querySelectorAll('.finding').forEach(function(f){f.hidden=(cv&&f.dataset.category!==cv)||\
(sv&&f.dataset.severity!==sv);});document.querySelectorAll('tr.rule-row').forEach(function(r){\
r.hidden=(cv&&r.dataset.category!==cv)||(sv&&r.dataset[sv]==='0');});\
document.querySelectorAll('section.doc').forEach(function(d){var shown=d.querySelector(\
'.finding:not([hidden])');d.hidden=!shown;var row=document.querySelector('tr[data-doc=\"'+\
d.id+'\"]');if(row){row.hidden=!shown;}});}c.addEventListener('change',apply);\
s.addEventListener('change',apply);})();";

/// Write the report of `sweep`; `linter` gives the rules' summaries.
pub fn write_page(out: &mut dyn Write, sweep: &mut Sweep, linter: &Linter) -> io::Result<()> {
    let rules = sweep.rules.clone();
    let docs = sweep.worst_first();
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>mtlint triage report</title>\n");
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    page.push_str("<h1>mtlint triage report</h1>\n");
    totals(&mut page, docs, &rules);
    page.push_str("<div class=\"charts\">\n");
    histogram(&mut page, docs);
    let categories = category_counts(docs);
    category_chart(&mut page, &categories);
    page.push_str("</div>\n");
    filter(&mut page, &categories);
    document_table(&mut page, docs);
    rule_table(&mut page, &rules, linter);
    document_findings(&mut page, docs);
    let _ = writeln!(page, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.write_all(page.as_bytes())
}

fn totals(page: &mut String, docs: &[Doc], rules: &BTreeMap<String, [usize; 3]>) {
    let words: usize = docs.iter().map(|d| d.record.words).sum();
    let mut by_severity = [0usize; 3];
    for counts in rules.values() {
        for (total, n) in by_severity.iter_mut().zip(counts) {
            *total += n;
        }
    }
    let mut verdicts = [0usize; 3];
    for d in docs {
        verdicts[d.record.verdict as usize] += 1;
    }
    let findings: usize = by_severity.iter().sum();
    page.push_str("<section class=\"totals\" id=\"totals\">\n");
    let mut cell = |label: &str, value: String, class: &str| {
        let _ = writeln!(
            page,
            "<div class=\"{class}\"><b data-total=\"{}\">{value}</b>{label}</div>",
            esc(label)
        );
    };
    cell("documents", docs.len().to_string(), "");
    cell("words", words.to_string(), "");
    cell(
        "findings",
        format!(
            "{findings} <small>({} errors, {} warnings, {} info)</small>",
            by_severity[2], by_severity[1], by_severity[0]
        ),
        "",
    );
    cell("clean", verdicts[0].to_string(), "clean");
    cell("edited", verdicts[1].to_string(), "edited");
    cell("raw MT", verdicts[2].to_string(), "raw");
    page.push_str("</section>\n");
}

fn histogram(page: &mut String, docs: &[Doc]) {
    let edges = bin_edges();
    let mut counts = [0usize; 8];
    for d in docs {
        let bin = edges
            .iter()
            .rposition(|e| d.record.score >= *e)
            .unwrap_or(0);
        counts[bin] += 1;
    }
    let (width, height, top, bottom) = (440.0, 240.0, 20.0, 40.0);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = width / counts.len() as f64;
    let _ = writeln!(
        page,
        "<figure><figcaption>Documents by score (weighted findings per 1,000 words)\
         </figcaption>\n<svg id=\"histogram\" role=\"img\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\">"
    );
    for (i, n) in counts.iter().enumerate() {
        let h = (height - top - bottom) * *n as f64 / max;
        let x = i as f64 * slot + 4.0;
        let y = height - bottom - h;
        let label = match edges.get(i + 1) {
            Some(next) => format!("{}–{}", edges[i], next),
            None => format!("≥{}", edges[i]),
        };
        let class = verdict_class(Verdict::of(edges[i]));
        let _ = writeln!(
            page,
            "<rect class=\"bar {class}\" data-bin=\"{label}\" data-count=\"{n}\" x=\"{x:.1}\" \
             y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"currentColor\">\
             <title>{label}: {n} documents</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{label}</text>",
            slot - 8.0,
            x + (slot - 8.0) / 2.0,
            y - 4.0,
            x + (slot - 8.0) / 2.0,
            height - bottom + 16.0,
        );
    }
    page.push_str("</svg></figure>\n");
}

/// Findings per category over every document, most first.
fn category_counts(docs: &[Doc]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in docs {
        for (c, n) in &d.record.categories {
            *counts.entry(c).or_default() += n;
        }
    }
    let mut rows: Vec<_> = counts
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn category_chart(page: &mut String, categories: &[(String, usize)]) {
    let (label_width, bar_width, row) = (110.0, 290.0, 22.0);
    let width = label_width + bar_width + 50.0;
    let height = row * categories.len().max(1) as f64 + 10.0;
    let max = categories.iter().map(|c| c.1).max().unwrap_or(0).max(1) as f64;
    let _ = writeln!(
        page,
        "<figure><figcaption>Findings per category</figcaption>\n<svg id=\"categories\" \
         role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    for (i, (c, n)) in categories.iter().enumerate() {
        let y = i as f64 * row + 5.0;
        let w = bar_width * *n as f64 / max;
        let c = esc(c);
        let _ = writeln!(
            page,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{c}</text>\
             <rect class=\"bar\" data-category=\"{c}\" data-count=\"{n}\" x=\"{label_width}\" \
             y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#4c72b0\">\
             <title>{c}: {n}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\">{n}</text>",
            label_width - 6.0,
            y + row * 0.65,
            row - 6.0,
            label_width + w + 4.0,
            y + row * 0.65,
        );
    }
    page.push_str("</svg></figure>\n");
}

fn filter(page: &mut String, categories: &[(String, usize)]) {
    page.push_str(
        "<div class=\"filter\">Show findings of category <select id=\"category-filter\">\
         <option value=\"\">all</option>",
    );
    for (c, _) in categories {
        let c = esc(c);
        let _ = write!(page, "<option value=\"{c}\">{c}</option>");
    }
    page.push_str(
        "</select> and severity <select id=\"severity-filter\"><option value=\"\">all</option>",
    );
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let _ = write!(page, "<option value=\"{s}\">{s}</option>");
    }
    page.push_str("</select></div>\n");
}

fn rule_table(page: &mut String, rules: &BTreeMap<String, [usize; 3]>, linter: &Linter) {
    let mut rows: Vec<_> = rules.iter().collect();
    rows.sort_by(|a, b| {
        b.1.iter()
            .sum::<usize>()
            .cmp(&a.1.iter().sum())
            .then_with(|| a.0.cmp(b.0))
    });
    page.push_str(
        "<h2>Findings per rule</h2>\n<table id=\"rules\"><thead><tr><th>rule</th><th>what it \
         finds</th><th class=\"n\">errors</th><th class=\"n\">warnings</th><th class=\"n\">info\
         </th><th class=\"n\">total</th></tr></thead><tbody>\n",
    );
    for (rule, counts) in rows {
        let summary = linter.rule(rule).map_or("", |r| r.meta().summary.as_str());
        let _ = writeln!(
            page,
            "<tr class=\"rule-row\" data-category=\"{}\" data-error=\"{}\" data-warning=\"{}\" \
             data-info=\"{}\"><td><code>{}</code></td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(category(rule)),
            counts[severity_index(Severity::Error)],
            counts[severity_index(Severity::Warning)],
            counts[severity_index(Severity::Info)],
            esc(rule),
            esc(summary),
            counts[severity_index(Severity::Error)],
            counts[severity_index(Severity::Warning)],
            counts[severity_index(Severity::Info)],
            counts.iter().sum::<usize>(),
        );
    }
    page.push_str("</tbody></table>\n");
}

fn document_table(page: &mut String, docs: &[Doc]) {
    page.push_str(
        "<h2>Documents, worst first</h2>\n<table id=\"documents\"><thead><tr><th class=\"n\">#\
         </th><th>document</th><th class=\"n\">score</th><th>verdict</th><th class=\"n\">words\
         </th><th class=\"n\">findings</th><th>top categories</th></tr></thead><tbody>\n",
    );
    for (i, d) in docs.iter().take(DETAILED).enumerate() {
        let r = &d.record;
        let id = format!("doc-{}", i + 1);
        let name = if d.findings.is_empty() {
            esc(&r.path)
        } else {
            format!("<a href=\"#{id}\">{}</a>", esc(&r.path))
        };
        let _ = writeln!(
            page,
            "<tr class=\"doc-row\" data-doc=\"{id}\" data-path=\"{}\" data-score=\"{}\">\
             <td class=\"n\">{}</td><td>{name}</td><td class=\"n\">{:.2}</td>\
             <td class=\"verdict {}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td></tr>",
            esc(&r.path),
            r.score,
            i + 1,
            r.score,
            verdict_class(r.verdict),
            r.verdict,
            r.words,
            r.findings,
            esc(&top_categories(&r.categories)),
        );
    }
    page.push_str("</tbody></table>\n");
    if docs.len() > DETAILED {
        let _ = writeln!(
            page,
            "<p>{} more documents, with lower scores, are counted above but not listed.</p>",
            docs.len() - DETAILED
        );
    }
}

fn document_findings(page: &mut String, docs: &[Doc]) {
    page.push_str("<h2>Findings of each document</h2>\n");
    for (i, d) in docs.iter().take(DETAILED).enumerate() {
        if d.findings.is_empty() {
            continue;
        }
        let r = &d.record;
        let _ = writeln!(
            page,
            "<section class=\"doc\" id=\"doc-{}\"><h3>{} <small>score {:.2}, <span class=\
             \"verdict {}\">{}</span></small></h3><ol>",
            i + 1,
            esc(&r.path),
            r.score,
            verdict_class(r.verdict),
            r.verdict,
        );
        for f in &d.findings {
            let excerpt = f.excerpt.as_ref().map_or(String::new(), |(a, m, b)| {
                format!(
                    "<span class=\"excerpt\">{}<mark>{}</mark>{}</span>",
                    esc(a),
                    esc(m),
                    esc(b)
                )
            });
            let _ = writeln!(
                page,
                "<li class=\"finding\" data-category=\"{}\" data-severity=\"{}\">{}:{} \
                 <span class=\"sev {}\">{}</span> <code>{}</code> {}{excerpt}</li>",
                esc(f.category()),
                f.severity,
                f.line,
                f.column,
                f.severity,
                f.severity,
                esc(&f.rule),
                esc(&f.message),
            );
        }
        page.push_str("</ol></section>\n");
    }
}

/// `calque 3, quotes 1`: the three most frequent categories.
pub(super) fn top_categories(categories: &BTreeMap<String, usize>) -> String {
    let mut rows: Vec<_> = categories.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    rows.iter()
        .take(3)
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
