//! False friends recognised with statistical knowledge of English (`crate::knowledge`);
//! the phrase-level ones are data rules in `rules/false-friend/`.

pub mod confusion_pair;
