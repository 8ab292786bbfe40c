//! Lint and fix arbitrary bytes, as plain text, Markdown and HTML: never panic, spans on character boundaries, fixes settle
//! and are idempotent.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mtlint_cli::files::{decode, Content};
use mtlint::{FixMode, Linter, Markup};

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(Content::Text(text)) = decode(data.to_vec()) else {
        return;
    };
    for markup in [Markup::Text, Markup::Markdown, Markup::Html] {
        for d in LINTER.lint_document(&text, markup) {
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        }
        for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
            let once = LINTER.fix_document(&text, markup, mode);
            assert!(once.converged, "fixes did not settle");
            let twice = LINTER.fix_document(&once.text, markup, mode);
            assert_eq!(twice.text, once.text, "fix is not idempotent");
        }
    }
});
