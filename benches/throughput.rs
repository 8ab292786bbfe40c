//! Throughput benchmark and reproducible corpus generator.
//!
//! ```text
//! cargo bench --bench throughput                       # in-process MB/s and per-rule times
//!                                                      # (exit 1: a rule over 5% of their total)
//! cargo bench --bench throughput -- generate DIR       # write the three corpora to DIR
//! cargo bench --bench throughput -- generate-load DIR  # 100,000 small files and a 1 GB file
//! ```
//!
//! The corpora are news-like English paragraphs built from a fixed seed, with one
//! machine-translation artifact injected per ~2 KB on average: (a) 5,000 files of ~20 KB
//! in nested folders, (b) one 100 MB file, (c) one 2 KB article. `benches/run.sh` runs
//! the whole-process measurements (threads, start-up, memory, `wc -w`, ripgrep).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use mtlint::Linter;

/// A small deterministic PRNG (xorshift64*), so the corpus is the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The government",
    "The minister",
    "City council",
    "The company",
    "Analysts",
    "The mayor",
    "Officials",
    "The board",
    "Residents",
    "The union",
    "Researchers",
    "The province",
    "The agency",
    "Local businesses",
    "The opposition",
    "Investors",
    "The court",
    "Teachers",
];
const VERBS: &[&str] = &[
    "announced",
    "confirmed",
    "rejected",
    "approved",
    "questioned",
    "delayed",
    "proposed",
    "welcomed",
    "criticized",
    "reviewed",
    "expanded",
    "defended",
    "postponed",
    "outlined",
];
const OBJECTS: &[&str] = &[
    "a new budget",
    "the transit plan",
    "the housing strategy",
    "a review of the contract",
    "the hospital project",
    "a tax credit for families",
    "the bridge repairs",
    "an agreement with the federal government",
    "the school calendar",
    "a pilot program",
    "the water treatment upgrade",
    "new rules for short-term rentals",
    "the annual report",
];
const TAILS: &[&str] = &[
    "on Tuesday",
    "after months of debate",
    "despite strong opposition",
    "in a statement",
    "at a news conference",
    "earlier this week",
    "for the second time this year",
    "following a public consultation",
    "without giving details",
    "late on Friday",
];
const QUOTES: &[&str] = &[
    "“We have listened carefully, and we think this is the right decision,” said a spokesperson.",
    "“It is not perfect, but it is a start,” one councillor told reporters.",
    "“People deserve better answers than the ones they have received,” the critic said.",
    "According to the report, costs rose by 12 per cent over two years, e.g. for materials.",
    "The project, first proposed in 2019, is expected to cost about $45 million.",
    "Dr. Chen, who leads the U.S. office, said the results would be published in the fall.",
];
/// Artifacts mtlint should report, one injected per ~2 KB.
const ARTIFACTS: &[&str] = &[
    "The plan was delayed. .",
    "It will cost $ 1.39 billion.",
    "Is it really over ?",
    "He called it « a good start ».",
    "There was money for roads and d other projects.",
    "Officials cited secular divisions in the region.",
    "Talks with states- United stalled.",
    "The the report was late.",
    "“We are ready, ”the mayor said.",
    "It ended in Iraq. the country.",
    "The budget grew , again.",
    "The minister said.The plan is final.",
];

fn paragraph(rng: &mut Rng, out: &mut String) {
    let sentences = 2 + rng.below(4);
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        if rng.below(4) == 0 {
            out.push_str(rng.pick(QUOTES));
        } else {
            let (s, v, o, t) = (
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(TAILS),
            );
            out.push_str(&format!("{s} {v} {o} {t}."));
        }
    }
    out.push_str("\n\n");
}

/// About `bytes` of article text, with one artifact per ~2 KB; returns the text and the
/// number of artifacts injected.
fn article(rng: &mut Rng, bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 512);
    let mut injected = 0;
    let mut next_artifact = rng.below(1024);
    while text.len() < bytes {
        paragraph(rng, &mut text);
        if text.len() >= next_artifact {
            text.truncate(text.len() - 2);
            text.push(' ');
            text.push_str(rng.pick(ARTIFACTS));
            text.push_str("\n\n");
            injected += 1;
            next_artifact = text.len() + 1024 + rng.below(2048);
        }
    }
    (text, injected)
}

fn write_file(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn generate(dir: &Path) {
    let mut rng = Rng(0x6d74_6c69_6e74);
    let mut injected = 0;
    for i in 0..5000 {
        let (text, n) = article(&mut rng, 20_000);
        injected += n;
        write_file(
            &dir.join(format!("many/{:02}/{:02}/{i:04}.txt", i % 50, i % 7)),
            &text,
        );
    }
    let (big, n) = article(&mut rng, 100 * 1024 * 1024);
    write_file(&dir.join("big/big.txt"), &big);
    let (small, m) = article(&mut rng, 2048);
    write_file(&dir.join("small/article.txt"), &small);
    println!(
        "corpus in {}: {injected} + {n} + {m} artifacts injected",
        dir.display()
    );
}

fn generate_load(dir: &Path) {
    let mut rng = Rng(0x6c6f_6164);
    for i in 0..100_000 {
        let (text, _) = article(&mut rng, 1_000);
        write_file(
            &dir.join(format!("small/{:03}/{i:06}.txt", i % 1000)),
            &text,
        );
    }
    let mut file = fs::File::create(dir.join("huge.txt")).unwrap();
    let (chunk, _) = article(&mut rng, 1024 * 1024);
    for _ in 0..1024 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    println!("load corpus in {}", dir.display());
}

fn measure(linter: &Linter, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut found = 0;
    for text in texts {
        found += linter.lint(text).len();
    }
    let elapsed = start.elapsed();
    println!(
        "{name:<22} {:>8.1} MB in {:>7.3} s = {:>7.1} MB/s single-threaded ({found} diagnostics)",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64()
    );
}

/// The share of the per-rule total past which a rule is over its budget.
const RULE_BUDGET: f64 = 0.05;

/// Time each rule alone on `text`; the rules over [`RULE_BUDGET`] of the total.
fn per_rule(linter: &Linter, text: &str) -> Vec<String> {
    let mut times: Vec<(Duration, String)> = linter
        .rules()
        .map(|rule| {
            let start = Instant::now();
            let mut out = Vec::new();
            rule.check(&mtlint::Document::new(text), &mut out);
            (start.elapsed(), rule.meta().id.to_string())
        })
        .collect();
    times.sort_by(|a, b| b.cmp(a));
    let total: Duration = times.iter().map(|t| t.0).sum();
    println!(
        "\nslowest rules on {:.1} MB (total {:.3} s):",
        text.len() as f64 / 1e6,
        total.as_secs_f64()
    );
    for (time, id) in times.iter().take(12) {
        println!(
            "  {:>8.1} ms  {:>4.1}%  {id}",
            time.as_secs_f64() * 1e3,
            100.0 * time.as_secs_f64() / total.as_secs_f64()
        );
    }
    times
        .iter()
        .filter(|(time, _)| time.as_secs_f64() > RULE_BUDGET * total.as_secs_f64())
        .map(|(_, id)| id.clone())
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.as_slice() {
        [cmd, dir] if cmd == "generate" => return generate(Path::new(dir)),
        [cmd, dir] if cmd == "generate-load" => return generate_load(Path::new(dir)),
        _ => {}
    }
    // Single-threaded: long texts are otherwise linted in parallel pieces.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    pool.install(bench);
}

fn bench() {
    let mut rng = Rng(0x6d74_6c69_6e74);
    let (small, _) = article(&mut rng, 2048);
    let start = Instant::now();
    let linter = Linter::builtin();
    let loaded = start.elapsed();
    linter.lint(&small);
    let first = start.elapsed() - loaded;
    let again = Instant::now();
    linter.lint(&small);
    println!(
        "start-up: rules loaded in {:.1} ms; first 2 KB article linted in {:.1} ms (prefilter built, \
         patterns their DFAs do not rule out compiled, checks' tables built), the same article \
         again in {:.1} ms",
        loaded.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        again.elapsed().as_secs_f64() * 1e3
    );
    let mut rng = Rng(0x6d74_6c69_6e74);
    let many: Vec<String> = (0..500).map(|_| article(&mut rng, 20_000).0).collect();
    let (big, _) = article(&mut rng, 20 * 1024 * 1024);
    measure(&linter, "500 files x 20 KB", &many);
    measure(&linter, "one 20 MB file", std::slice::from_ref(&big));
    let smalls = vec![small; 1000];
    measure(&linter, "1000 x 2 KB article", &smalls);
    let over = per_rule(&linter, &big);
    if !over.is_empty() {
        // The budget fails the bench, never the tests (timings are no test's business).
        eprintln!(
            "over budget (more than {:.0}% of all rules' time): {}",
            RULE_BUDGET * 100.0,
            over.join(", ")
        );
        std::process::exit(1);
    }
}
