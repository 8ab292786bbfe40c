//! Lint and fix arbitrary bytes: never panic, spans on character boundaries, fixes settle
//! and are idempotent.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mtlint::files::{decode, Content};
use mtlint::{FixMode, Linter};

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(Content::Text(text)) = decode(data.to_vec()) else {
        return;
    };
    for d in LINTER.lint(&text) {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
    }
    for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
        let once = LINTER.fix(&text, mode);
        assert!(once.converged, "fixes did not settle");
        assert_eq!(LINTER.fix(&once.text, mode).text, once.text, "fix is not idempotent");
    }
});
