//! Statistical knowledge of English (and of the languages MT translates from), built
//! from registry packages by the scripts in `data/` and embedded as `fst` maps that are
//! read in place: no table is built at run time.
//!
//! - [`pos`]: parts of speech of English words (WordNet 3.0).
//! - [`compound`]: "X of Y" phrases English says as the compound "Y X" (CMU en-us
//!   3-gram model).
//! - [`confusion`]: which of two confusable words English uses next to a word (CMU
//!   en-us 3-gram model), for the confusion pairs of `rules/false-friend/`.
//! - [`freq`]: word frequencies in English and eight source languages (wordfreq).

pub mod compound;
pub mod confusion;
pub mod freq;
pub mod pos;

/// An embedded map; the bytes were written by `examples/build_fst.rs`, so they are
/// valid (a test checks every map).
fn map(bytes: &'static [u8]) -> fst::Map<&'static [u8]> {
    fst::Map::new(bytes).expect("embedded fst map is valid")
}
