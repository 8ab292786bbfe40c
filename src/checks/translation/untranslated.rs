//! `translation/untranslated`: text left in the source language.
//!
//! ## What it does
//!
//! A sentence, headline or bracketed gloss left in French, German, Spanish or Italian,
//! or source function words stranded in an English sentence: two in a row (`pour la`,
//! `mais le`, `con il`, `und die`) or one that English never uses between two English
//! words (`tax und spending`, `cheap mais slow`).
//!
//! ## Why it matters
//!
//! A whole sentence is reported when its function words are those of a source language
//! and language identification (whatlang, limited to English and the four languages)
//! agrees. Not reported: names (`Leonardo da Vinci`, `Pour House`, `van der Waals`),
//! anything in quotation marks or emphasis (`“Le Monde”`, `*Der Spiegel*`, `*bon
//! appétit*`), loanwords and set phrases (`déjà vu`, `per se`, `raison d'être`, `coup
//! d'état`, `joie de vivre`, `à la carte`, `c'est la vie`, `Zeitgeist`, `fiesta`). No
//! fix: the text needs translating.
//!
//! ## Example
//!
//! ```text
//! The minister spoke. Le gouvernement a annoncé une nouvelle loi sur le climat et les transports. Then she left.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! Leonardo da Vinci ate at the Pour House while reading “Le Monde” and *Der Spiegel* with a sense of déjà vu.
//! ```
//!
//! ## How it works
//!
//! Cost: a single Aho-Corasick pass looks for source function words that English never
//! uses and for accented Latin letters; only the sentences it flags are analysed, and
//! language identification (`whatlang`, limited to the five languages) runs only on
//! those whose function words already point to a source language.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use whatlang::{Detector, Lang};

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::Document;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Source {
    French,
    German,
    Spanish,
    Italian,
}

const SOURCES: [Source; 4] = [
    Source::French,
    Source::German,
    Source::Spanish,
    Source::Italian,
];

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::French => "French",
            Source::German => "German",
            Source::Spanish => "Spanish",
            Source::Italian => "Italian",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn of(lang: Lang) -> Option<Source> {
        match lang {
            Lang::Fra => Some(Source::French),
            Lang::Deu => Some(Source::German),
            Lang::Spa => Some(Source::Spanish),
            Lang::Ita => Some(Source::Italian),
            _ => None,
        }
    }
}

/// Function words per language. Strong words are not English words; weak ones also
/// are, or are common in names and loanwords (`con`, `da`, `die`, `pour`, `sans`), and
/// count half.
const FRENCH_STRONG: &str = "le la les des une et est sont dans avec mais sur que qui nous vous \
    ils il elle elles leur leurs aux cette ces ses sa très aussi donc selon lors depuis après \
    déjà être avoir était avait ont été même contre tous cela lui notre votre à où ou ainsi \
    peut comme l' d' qu' s' c' j' m'";
const FRENCH_WEAK: &str = "de du au en un pour par ne pas ce son plus tout entre sans sous chez \
    fait encore dont on n'";
const GERMAN_STRONG: &str = "der das und ist nicht ein eine einen einem einer eines dem mit zu \
    zum zur auf für sich auch noch nach bei aus wird werden wurde wurden sind sein haben hatte \
    oder aber dass daß wenn wie als nur schon kann können muss soll diese dieser dieses durch \
    gegen ohne vom beim sie wir ihr ich mehr sehr jetzt immer unter zwischen seit weil doch \
    denn hier dann sondern bereits gibt heute";
const GERMAN_WEAK: &str = "die den des hat in an am so also was will war man um es bin er im \
    ins von über";
const SPANISH_STRONG: &str = "el los las del es una unos unas que por sobre pero como más muy \
    también está están fue han ser se su sus este esta estos esa ese desde hasta cuando donde \
    porque según tras otro otra todos mientras nos les sido había hace puede pueden ni la";
const SPANISH_WEAK: &str = "y en un con sin son ha entre durante le lo al hay ya para todo";
const ITALIAN_STRONG: &str = "il la gli le una uno di del della dei degli delle dello nel nella \
    nei nelle alla alle allo dal dalla dai sul sulla sui è che anche più sono stato stata \
    essere hanno ci questo questa questi quello quella suo sua loro perché però quando dove \
    molto sempre ancora già dopo senza tutti tutto ogni cui mentre oppure tra l' dell' nell' \
    all' dall' sull' un'";
const ITALIAN_WEAK: &str = "un lo al ai non per con da fra ma come ha si ed ad";

/// Source words that English never uses, flagged alone between two English words.
const NEVER_ENGLISH: &str = "und nicht oder aber sondern auch dass weil sind wird wurde werden \
    avec mais dans sont était aussi donc selon pero porque también está según mientras \
    però perché anche sono della nella degli questo quella";

/// English function words: evidence that a sentence is English.
const ENGLISH: &str = "the of and to is was that for it with as on by at from this be are \
    were have has had not but or an which will would their they he she we you his her its \
    been who can said after about more than there into when what all if no our only new \
    other some these those such may should could do does did between over while because \
    very most them how just any each where why then out up one two my your i";

/// Loanwords and set phrases English uses as they are; their words are ignored.
const PHRASES: &[&str] = &[
    "à la",
    "a la",
    "déjà vu",
    "deja vu",
    "per se",
    "raison d'être",
    "raison d'etre",
    "coup d'état",
    "coup d'etat",
    "joie de vivre",
    "pro bono",
    "ad hoc",
    "vis-à-vis",
    "vis-a-vis",
    "c'est la vie",
    "c'est",
    "crème de la crème",
    "creme de la creme",
    "pièce de résistance",
    "fait accompli",
    "tour de force",
    "hors d'oeuvre",
    "hors d'œuvre",
    "savoir faire",
    "savoir-faire",
    "je ne sais quoi",
    "laissez faire",
    "laissez-faire",
    "noblesse oblige",
    "en route",
    "en masse",
    "en bloc",
    "en passant",
    "en suite",
    "par excellence",
    "bon voyage",
    "bon appétit",
    "bon vivant",
    "bon mot",
    "dolce vita",
    "dolce far niente",
    "que sera sera",
    "che sarà sarà",
    "mano a mano",
    "hasta la vista",
    "de rigueur",
    "de facto",
    "de jure",
    "de novo",
    "du jour",
    "à propos",
    "cause célèbre",
    "mise en place",
    "mise en scène",
    "tête-à-tête",
    "cul-de-sac",
    "trompe l'oeil",
    "trompe-l'œil",
    "objet d'art",
    "bête noire",
    "esprit de corps",
    "pas de deux",
    "nom de plume",
    "nom de guerre",
    "le mot juste",
    "au pair",
    "au revoir",
    "au naturel",
    "au contraire",
    "au fait",
    "au gratin",
    "au jus",
    "de trop",
    "pro forma",
    "per capita",
    "per annum",
    "per diem",
    "per cent",
    "con carne",
    "con brio",
    "con amore",
    "al dente",
    "al fresco",
    "a cappella",
    "da capo",
    "dal segno",
    "ma non troppo",
    "cinco de mayo",
    "sturm und drang",
    "kaffee und kuchen",
    "blut und boden",
    "et al",
    "et cetera",
    "et seq",
    "cri de coeur",
    "coup de grâce",
    "coup de grace",
    "d'accord",
    "maître d'",
    "table d'hôte",
    "prix fixe",
    "idée fixe",
    "film noir",
    "art nouveau",
    "belle époque",
    "ménage à trois",
    "fleur-de-lis",
    "fleur de lis",
    "comme ci comme ça",
    "plus ça change",
    "sotto voce",
    "prima donna",
    "la dolce",
    "la la",
    "oh la la",
    "ooh la la",
    "mea culpa",
    "alma mater",
    "modus operandi",
    "vice versa",
    "bona fide",
    "status quo",
    "quid pro quo",
    "sine qua non",
    "in situ",
    "in vitro",
    "in vivo",
    "ad nauseam",
    "ad infinitum",
    "ex officio",
    "mardi gras",
    "cordon bleu",
    "haute couture",
    "nouveau riche",
    "avant-garde",
    "pied-à-terre",
    "l'chaim",
    "o sole mio",
    "di tutti",
    "ich bin ein berliner",
    "auf wiedersehen",
    "danke schön",
    "mamma mia",
    "que será",
    "mi casa es su casa",
    "sí se puede",
    "tout le monde",
    "esprit de l'escalier",
    "après moi le déluge",
    "comme il faut",
    "n'est-ce pas",
    "sans doute",
    "ça va",
    "qui vive",
    "de la soul",
    "très chic",
    "chez nous",
    "entre nous",
    "le tout",
    "la belle",
    "la grande",
    "café au lait",
    "cafe au lait",
    "terra firma",
    "bel canto",
    "basso continuo",
    "casus belli",
    "avant garde",
    "pas de",
    "mein kampf",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    Weak,
    Strong,
}

/// For each word, its strength in each source language (if it is one of its words).
static LEXICON: LazyLock<HashMap<&'static str, [Option<Strength>; 4]>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, [Option<Strength>; 4]> = HashMap::new();
    let lists = [
        (Source::French, FRENCH_STRONG, FRENCH_WEAK),
        (Source::German, GERMAN_STRONG, GERMAN_WEAK),
        (Source::Spanish, SPANISH_STRONG, SPANISH_WEAK),
        (Source::Italian, ITALIAN_STRONG, ITALIAN_WEAK),
    ];
    for (lang, strong, weak) in lists {
        for (list, strength) in [(weak, Strength::Weak), (strong, Strength::Strong)] {
            for w in list.split_whitespace() {
                map.entry(w).or_default()[lang.index()] = Some(strength);
            }
        }
    }
    map
});

static ENGLISH_WORDS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| ENGLISH.split_whitespace().collect());

/// What the cheap first pass looks for: strong source words between a space or line
/// break and a space or comma (` und `, ` la,`), and the accented letters of the
/// four languages. Whole-word patterns keep matches rare in English prose.
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostFirst)
        .build(&*TRIGGER_PATTERNS)
        .expect("valid patterns")
});

static TRIGGER_PATTERNS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut words: Vec<&str> = LEXICON
        .iter()
        .filter(|(w, s)| {
            w.is_ascii()
                && !w.ends_with('\'')
                && s.contains(&Some(Strength::Strong))
                && w.len() >= 2
        })
        .map(|(w, _)| *w)
        .collect();
    words.sort_unstable();
    let mut patterns: Vec<Vec<u8>> = Vec::new();
    for w in words {
        for (before, after) in [(" ", " "), (" ", ","), ("\n", " ")] {
            patterns.push(format!("{before}{w}{after}").into_bytes());
        }
    }
    for elision in ["l'", "d'", "qu'", "l’", "d’", "qu’"] {
        patterns.push(format!(" {elision}").into_bytes());
    }
    // Accented letters of the four languages (not `Ã` or `Â`, which mojibake is full of).
    for c in "àâäçèéêëîïñòóôùúûüáíìßÀÂÄÇÈÉÊÎÔÖÙÚÛÜÑÁÍÓ".chars()
    {
        patterns.push(c.to_string().into_bytes());
    }
    patterns
});

static PHRASE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    for p in PHRASES {
        patterns.push(p.to_string());
        if p.contains('\'') {
            patterns.push(p.replace('\'', "’"));
        }
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("valid patterns")
});

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![Lang::Eng, Lang::Fra, Lang::Deu, Lang::Spa, Lang::Ita])
});

/// Longest stretch analysed as one sentence.
const MAX_SENTENCE: usize = 800;

/// Lowest `whatlang` confidence taken as a verdict.
const MIN_CONFIDENCE: f64 = 0.5;

pub struct Untranslated {
    meta: RuleMeta,
}

impl Untranslated {
    pub fn new() -> Self {
        Untranslated {
            meta: RuleMeta {
                id: "translation/untranslated".into(),
                severity: Severity::Warning,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "text left in the source language".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged(
                        "The minister spoke. [Le gouvernement a annoncé une nouvelle loi sur \
                         le climat et les transports]. Then she left.",
                    )
                    .message("text left in French: translate it, or mark it as a quotation"),
                    Example::flagged(
                        "[Die Regierung hat am Montag einen neuen Haushalt vorgestellt, der \
                         mehr Geld für Schulen vorsieht].",
                    )
                    .message("text left in German: translate it, or mark it as a quotation"),
                    Example::flagged("The plan was ready [pour la] fin of the year.")
                        .message("“pour la” left in French: translate it"),
                    Example::flagged("They cut taxes [und] spending in the same year.")
                        .message("“und” left in German: translate it"),
                    Example::flagged("The deal is cheap [mais] slow to arrive.")
                        .message("“mais” left in French: translate it"),
                    Example::flagged("She came [con il] team from Milan.")
                        .message("“con il” left in Italian: translate it"),
                    Example::flagged("They signed the [l'agreement] on Monday.")
                        .message("“l'agreement”: French elided article glued to an English word"),
                    Example::good(
                        "Leonardo da Vinci ate at the Pour House while reading “Le Monde” \
                         and *Der Spiegel* with a sense of déjà vu.",
                    ),
                    Example::good(
                        "Per se, the fiesta was ad hoc and pro bono, a joie de vivre à la \
                         carte: c'est la vie, raison d'être of the coup d'état, vis-à-vis \
                         the Zeitgeist.",
                    ),
                    Example::good("“Je suis Charlie,” they wrote, and *bon appétit* to all."),
                    Example::good(
                        "The Musée du Louvre and the Palacio de los Deportes hosted van der \
                         Waals, Sturm und Drang and the pro and con.",
                    ),
                ],
            },
        }
    }
}

impl Rule for Untranslated {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    /// The trigger patterns: the linter's shared prefilter skips this check on texts
    /// without any, so English prose costs next to nothing.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(
            TRIGGER_PATTERNS
                .iter()
                .map(|p| Cow::Borrowed(&p[..]))
                .collect(),
        )
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut done = 0;
        for m in TRIGGERS.find_iter(text) {
            if m.start() < done {
                continue;
            }
            let sentence = sentence_around(text, m.start() + usize::from(bytes[m.start()] != 0xC3));
            done = sentence.end.max(m.end());
            self.sentence(text, sentence, out);
        }
    }
}

/// The sentence around byte `i`: from after the previous sentence end (`. `, `! `,
/// `? `, a blank line) to the next one, at most [`MAX_SENTENCE`] bytes each way.
fn sentence_around(text: &str, i: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let ends_sentence = |j: usize| -> bool {
        // `j` is a white-space byte after `.!?` or on a blank line.
        let prev = bytes[..j]
            .iter()
            .rposition(|&b| b != b' ' && b != b'\t' && b != b'\r');
        match prev {
            None => true,
            Some(p) => {
                matches!(bytes[p], b'.' | b'!' | b'?')
                    || (bytes[j] == b'\n' && bytes[p] == b'\n')
                    || (bytes[j] == b'\n' && bytes[p..j].contains(&b'\n'))
            }
        }
    };
    let floor = i.saturating_sub(MAX_SENTENCE);
    let mut start = i;
    while start > floor {
        let b = bytes[start - 1];
        if (b == b' ' || b == b'\n') && ends_sentence(start - 1) {
            break;
        }
        start -= 1;
    }
    let ceil = (i + MAX_SENTENCE).min(bytes.len());
    let mut end = i;
    while end < ceil {
        let b = bytes[end];
        if (b == b' ' || b == b'\n') && end > i && ends_sentence(end) {
            break;
        }
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..crate::text::char_boundary_before(text, end).max(start)
}

struct Token {
    span: Range<usize>,
    lower: String,
    capital: bool,
}

/// The words of `masked` (letters, with inner apostrophes), offsets shifted by `base`.
/// An elided article or pronoun (`l'`, `d'`, `dell'`) is a token of its own.
fn tokens(masked: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = masked.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !c.is_alphabetic() {
            chars.next();
            continue;
        }
        let mut end = start;
        while let Some(&(j, c)) = chars.peek() {
            if c.is_alphabetic() {
                end = j + c.len_utf8();
                chars.next();
            } else if (c == '\'' || c == '’')
                && masked[j + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                let lower = masked[start..end].to_lowercase();
                if [
                    "l", "d", "qu", "n", "s", "c", "j", "m", "dell", "nell", "all", "dall", "sull",
                    "un",
                ]
                .contains(&lower.as_str())
                {
                    end = j + c.len_utf8();
                    chars.next();
                    break;
                }
                end = j + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let word = &masked[start..end];
        out.push(Token {
            span: base + start..base + end,
            lower: word.to_lowercase().replace('’', "'"),
            capital: word.chars().next().is_some_and(char::is_uppercase),
        });
    }
    out
}

/// The segment text with quoted and emphasised stretches, brackets (when `brackets`) and
/// set phrases blanked out (spaces, same length).
pub(super) fn masked(segment: &str, brackets: bool) -> String {
    let mut blank = vec![false; segment.len()];
    // Paired delimiters: an opening without its closing runs to the end, a closing
    // without its opening (a quotation that began in an earlier sentence) from the start.
    let pairs: &[(&str, &str)] = &[
        ("“", "”"),
        ("«", "»"),
        ("„", "“"),
        ("\"", "\""),
        ("*", "*"),
        ("\u{1}", "\u{1}"),
        ("_", "_"),
    ];
    for &(open, close) in pairs {
        // A closing mark before any opening one ends a quotation begun in an earlier
        // sentence; an opening mark left open runs to the end.
        let mut fresh = open != close && close != "“";
        let mut inside: Option<usize> = None;
        let mut at = 0;
        loop {
            let next_open = segment[at..].find(open).map(|k| k + at);
            let next_close = segment[at..].find(close).map(|k| k + at);
            let k = match (next_open, next_close) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => break,
            };
            let is_close = next_close == Some(k);
            let is_open = next_open == Some(k);
            if std::mem::take(&mut fresh) && is_close && !is_open {
                blank[..k + close.len()].fill(true);
            } else if let (Some(s), true) = (inside, is_close) {
                blank[s..k + close.len()].fill(true);
                inside = None;
            } else if inside.is_none() && is_open {
                inside = Some(k);
            }
            at = k + if is_open { open.len() } else { close.len() };
            // A run of the same mark (`**`, masked Markdown) counts once.
            if open == close {
                while segment[at..].starts_with(open) {
                    at += open.len();
                }
            }
        }
        if let Some(s) = inside {
            blank[s..].fill(true);
        }
    }
    if brackets {
        let mut depth = 0usize;
        for (i, b) in segment.bytes().enumerate() {
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 || b == b')' || b == b']' {
                blank[i] = true;
            }
        }
    }
    for m in PHRASE_FINDER.find_iter(segment) {
        let bytes = segment.as_bytes();
        let boundary = |i: usize| {
            i == 0
                || i >= bytes.len()
                || !segment[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
        };
        let after_ok = segment[m.end()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic());
        if boundary(m.start()) && after_ok {
            blank[m.range()].fill(true);
        }
    }
    // Addresses, paths, handles and code: any chunk between spaces that holds such marks.
    let mut at = 0;
    for chunk in segment.split([' ', '\n', '\t']) {
        let code = chunk.contains(['@', '/', '\\', '_', '<', '>', '=', '{', '}', '|', '#', '~'])
            || chunk.as_bytes().windows(3).any(|w| {
                w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_alphanumeric()
            })
            || chunk.bytes().any(|b| b.is_ascii_digit());
        if code {
            blank[at..at + chunk.len()].fill(true);
        }
        at += chunk.len() + 1;
    }
    let mut out = String::with_capacity(segment.len());
    for (i, c) in segment.char_indices() {
        if blank[i] {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

impl Untranslated {
    /// Analyse one sentence: as a whole, then its bracketed parts and its lines, then
    /// word pairs inside it.
    fn sentence(&self, text: &str, range: Range<usize>, out: &mut Vec<Diagnostic>) {
        let segment = &text[range.clone()];
        let masked_text = masked(segment, true);
        let toks = tokens(&masked_text, range.start);
        if self.whole(&masked_text, &toks, out) {
            return;
        }
        // Bracketed glosses and lines (headlines) on their own.
        let mut parts: Vec<Range<usize>> = Vec::new();
        let mut open = None;
        for (i, b) in segment.bytes().enumerate() {
            match (b, open) {
                (b'(', None) => open = Some(i + 1),
                (b')', Some(o)) => {
                    parts.push(o..i);
                    open = None;
                }
                _ => {}
            }
        }
        if segment.trim_end().contains('\n') {
            let mut at = 0;
            for line in segment.split_inclusive('\n') {
                parts.push(at..at + line.len());
                at += line.len();
            }
        }
        for part in parts {
            let sub = &segment[part.clone()];
            let masked_sub = masked(sub, false);
            let sub_toks = tokens(&masked_sub, range.start + part.start);
            if self.whole(&masked_sub, &sub_toks, out) {
                return;
            }
        }
        self.pairs(text, &toks, out);
    }

    /// Report the whole of `toks` if it reads as a source language.
    fn whole(&self, masked: &str, toks: &[Token], out: &mut Vec<Diagnostic>) -> bool {
        if toks.len() < 4 {
            return false;
        }
        let mut scores = [0.0f64; 4];
        let mut english = 0usize;
        let mut capitals = 0usize;
        // Common English words of any kind that are no strong source word.
        let mut dictionary = 0usize;
        for (k, t) in toks.iter().enumerate() {
            if t.capital && k > 0 {
                capitals += 1;
                continue;
            }
            if is_word(&t.lower)
                && LEXICON
                    .get(t.lower.as_str())
                    .is_none_or(|s| !s.contains(&Some(Strength::Strong)))
            {
                dictionary += 1;
            }
            if let Some(strengths) = LEXICON.get(t.lower.as_str()) {
                for (s, strength) in scores.iter_mut().zip(strengths) {
                    *s += match strength {
                        Some(Strength::Strong) => 1.0,
                        Some(Strength::Weak) => 0.5,
                        None => 0.0,
                    };
                }
            } else if ENGLISH_WORDS.contains(t.lower.as_str()) {
                english += 1;
            }
        }
        let best = scores.iter().cloned().fold(0.0, f64::max);
        // Mostly capitalised words: names or a title; German capitalises its nouns.
        let german = scores[Source::German.index()] >= best && best > 0.0;
        let limit = if german { 0.75 } else { 0.5 };
        if capitals as f64 >= limit * toks.len() as f64 {
            return false;
        }
        let english_share = dictionary as f64 / toks.len() as f64;
        if english_share >= 0.4 {
            return false;
        }
        let english_free = english == 0 && toks.len() >= 6 && best >= 1.0 && english_share < 0.25;
        if !(english_free || (best >= 2.0 && best > 2.0 * english as f64)) {
            return false;
        }
        let Some(info) = DETECTOR.detect(masked) else {
            return false;
        };
        let Some(lang) = Source::of(info.lang()) else {
            return false;
        };
        // Strong function-word evidence needs only the language to agree.
        let needed = if best >= 3.0 && english == 0 {
            0.0
        } else if best >= 2.0 {
            MIN_CONFIDENCE
        } else {
            0.9
        };
        if info.confidence() < needed || (best >= 2.0 && scores[lang.index()] < 1.0) {
            return false;
        }
        let span = toks[0].span.start..toks[toks.len() - 1].span.end;
        let what = if toks.len() >= 4 { "text" } else { "words" };
        out.push(self.meta.diagnostic(
            span,
            format!(
                "{what} left in {}: translate it, or mark it as a quotation",
                lang.name()
            ),
            None,
        ));
        true
    }

    /// Source function words stranded among English ones.
    fn pairs(&self, text: &str, toks: &[Token], out: &mut Vec<Diagnostic>) {
        let adjacent = |a: &Token, b: &Token| {
            text[a.span.end..b.span.start]
                .chars()
                .all(|c| c == ' ' || c == '\n')
                && a.span.end < b.span.start
        };
        // The same, a comma allowed (`slow, mais cheap`).
        let near = |a: &Token, b: &Token| {
            let gap = &text[a.span.end..b.span.start];
            a.span.end < b.span.start
                && gap.chars().all(|c| c == ' ' || c == '\n' || c == ',')
                && gap.matches(',').count() <= 1
        };
        // An English word that is no strong source word (`was`, `die` are English).
        let english = |t: &Token| {
            !t.capital
                && is_word(&t.lower)
                && LEXICON
                    .get(t.lower.as_str())
                    .is_none_or(|s| !s.contains(&Some(Strength::Strong)))
        };
        let mut k = 0;
        while k < toks.len() {
            let t = &toks[k];
            let prev = k.checked_sub(1).map(|p| &toks[p]);
            let next = toks.get(k + 1);
            let after = toks.get(k + 2);
            if t.capital {
                k += 1;
                continue;
            }
            // One word English never uses, between two English words.
            if NEVER_ENGLISH.split_whitespace().any(|w| w == t.lower)
                && prev.is_some_and(|p| english(p) && near(p, t))
                && next.is_some_and(|n| english(n) && near(t, n))
            {
                let lang = LEXICON
                    .get(t.lower.as_str())
                    .and_then(|s| SOURCES.iter().find(|l| s[l.index()].is_some()))
                    .map_or("a source language", |l| l.name());
                out.push(self.meta.diagnostic(
                    t.span.clone(),
                    format!("“{}” left in {lang}: translate it", &text[t.span.clone()]),
                    None,
                ));
                k += 1;
                continue;
            }
            // A French elided article glued to an English word (`the l'agreement`).
            if matches!(t.lower.as_str(), "l'" | "d'" | "qu'")
                && prev.is_some_and(|p| english(p) && near(p, t))
                && next.is_some_and(|n| n.span.start == t.span.end && english(n))
            {
                let span = t.span.start..next.map_or(t.span.end, |n| n.span.end);
                out.push(self.meta.diagnostic(
                    span.clone(),
                    format!(
                        "“{}”: French elided article glued to an English word",
                        &text[span]
                    ),
                    None,
                ));
                k += 2;
                continue;
            }
            // Two function words of one source language in a row, before a lowercase word.
            if let (Some(n), Some(a)) = (next, after) {
                if !n.capital && !a.capital && adjacent(t, n) && adjacent(n, a) {
                    if let Some(lang) = pair_language(&t.lower, &n.lower) {
                        let span = t.span.start..n.span.end;
                        out.push(self.meta.diagnostic(
                            span.clone(),
                            format!("“{}” left in {}: translate it", &text[span], lang.name()),
                            None,
                        ));
                        k += 2;
                        continue;
                    }
                }
            }
            k += 1;
        }
    }
}

/// The source language both words belong to, if one of them is a strong word of it and
/// neither is an English function word.
fn pair_language(a: &str, b: &str) -> Option<Source> {
    let (sa, sb) = (LEXICON.get(a)?, LEXICON.get(b)?);
    if ENGLISH_WORDS.contains(a) || ENGLISH_WORDS.contains(b) {
        return None;
    }
    SOURCES.into_iter().find(|l| {
        let (x, y) = (sa[l.index()], sb[l.index()]);
        x.is_some() && y.is_some() && (x == Some(Strength::Strong) || y == Some(Strength::Strong))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        Untranslated::new().check(&Document::new(text), &mut out);
        out.iter()
            .map(|d| (text[d.span.clone()].to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn whole_sentence_span_and_language() {
        let text = "He spoke. Le gouvernement a annoncé une nouvelle loi sur le climat. End.";
        assert_eq!(
            found(text),
            vec![(
                "Le gouvernement a annoncé une nouvelle loi sur le climat".to_string(),
                "text left in French: translate it, or mark it as a quotation".to_string()
            )]
        );
    }

    #[test]
    fn stranded_words() {
        assert_eq!(
            found("They cut taxes und spending."),
            vec![(
                "und".to_string(),
                "“und” left in German: translate it".to_string()
            )]
        );
        assert_eq!(
            found("The plan was ready pour la fin of the year.")[0].0,
            "pour la"
        );
    }

    #[test]
    fn elided_article() {
        assert_eq!(
            found("They signed the l'agreement on Monday."),
            vec![(
                "l'agreement".to_string(),
                "“l'agreement”: French elided article glued to an English word".to_string()
            )]
        );
        assert!(found("They ate hors d'oeuvres and an objet d'art at L'Oréal.").is_empty());
    }

    #[test]
    fn quotation_that_began_earlier() {
        assert!(
            found("“Je suis Charlie. Nous sommes tous avec les victimes de la rue,” he said.")
                .is_empty()
        );
    }

    #[test]
    fn english_prose_is_quiet() {
        let text = "The committee met on Tuesday and approved the budget for the new school. \
            Officials said the plan would be reviewed by the council in March, after a \
            public hearing at the café on Main Street.";
        assert!(found(text).is_empty());
    }
}
