//! The rules a [`crate::Linter`] holds: ids → rules through a map, selectors (a rule id or
//! a category), source-language packs, and the typed errors of selecting them.
//!
//! The rules are kept sorted by id (the order of `--list-rules` and of findings at one
//! position) with a map from id to index beside them, so [`Registry::get`] is one hash
//! look-up (the language server asks once per diagnostic). The ids of every rule ever
//! loaded are kept too, selected or not: suppression comments may name them.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use crate::rule::Rule;

/// Whether a selector (a rule id, or a category such as `punctuation`) names rule `id`.
pub fn selects(selector: &str, id: &str) -> bool {
    id == selector
        || id
            .strip_prefix(selector.trim_end_matches('/'))
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A selector (rule id or category) that matches no rule: [`crate::Linter::select`] and
/// [`crate::Linter::set_severity`]. It reads as the selector itself (it derefs to it and
/// displays as it), as the `String` these methods returned before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSelector(pub String);

impl std::ops::Deref for UnknownSelector {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnknownSelector {}

impl PartialEq<&str> for UnknownSelector {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A source-language code no pack has: [`crate::Linter::source_languages`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// The code as given (trimmed and lowercased).
    pub code: String,
    /// The packs loaded, sorted, then `all`.
    pub known: Vec<String>,
}

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown source language `{}` (known: {})",
            self.code,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl PartialEq<&str> for UnknownLanguage {
    fn eq(&self, other: &&str) -> bool {
        let text = self.to_string();
        text == *other
    }
}

/// A rule id loaded twice; holds the origin of the rule already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateId {
    pub existing_origin: String,
}

/// Rules by id.
pub(crate) struct Registry {
    /// Sorted by id.
    rules: Vec<Box<dyn Rule>>,
    /// Index in `rules` of every id.
    index: HashMap<Arc<str>, usize>,
    /// Every rule id ever loaded, selected or not.
    known: Vec<Arc<str>>,
}

impl Registry {
    /// A registry of these rules (their ids must be unique).
    pub fn new(mut rules: Vec<Box<dyn Rule>>) -> Self {
        rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
        let known = rules.iter().map(|r| r.meta().id.clone()).collect();
        let mut registry = Registry {
            rules,
            index: HashMap::new(),
            known,
        };
        registry.reindex();
        registry
    }

    fn reindex(&mut self) {
        self.index = self
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.meta().id.clone(), i))
            .collect();
    }

    /// Add rules; the first whose id is already present is an error, and then nothing
    /// is added.
    pub fn add(&mut self, rules: Vec<Box<dyn Rule>>) -> Result<(), (Box<dyn Rule>, DuplicateId)> {
        let mut rules = rules;
        if let Some(at) = rules.iter().position(|r| self.get(&r.meta().id).is_some()) {
            let rule = rules.swap_remove(at);
            let existing_origin = self
                .get(&rule.meta().id)
                .map(|r| r.meta().origin.clone())
                .unwrap_or_default();
            return Err((rule, DuplicateId { existing_origin }));
        }
        self.known.extend(rules.iter().map(|r| r.meta().id.clone()));
        self.rules.extend(rules);
        self.rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
        self.reindex();
        Ok(())
    }

    /// Keep the rules `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Box<dyn Rule>) -> bool) {
        self.rules.retain(keep);
        self.reindex();
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&dyn Rule> {
        self.index.get(id).map(|&i| self.rules[i].as_ref())
    }

    /// The rules, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Every id ever loaded, selected or not.
    pub fn known(&self) -> &[Arc<str>] {
        &self.known
    }

    /// The rules `selector` names: one by its id (a map look-up), or a category's.
    pub fn matching<'a>(&'a self, selector: &'a str) -> impl Iterator<Item = &'a dyn Rule> {
        let exact = self.get(selector);
        let category = exact
            .is_none()
            .then(|| self.iter().filter(move |r| selects(selector, &r.meta().id)));
        exact.into_iter().chain(category.into_iter().flatten())
    }

    /// Whether `selector` names a rule here.
    pub fn has(&self, selector: &str) -> bool {
        self.matching(selector).next().is_some()
    }

    /// Every pack a rule here belongs to.
    pub fn packs(&self) -> BTreeSet<&str> {
        self.iter()
            .flat_map(|r| r.packs().iter().map(|p| &**p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_name_rules_and_categories() {
        assert!(selects("typo/doubled-word", "typo/doubled-word"));
        assert!(selects("typo", "typo/doubled-word"));
        assert!(selects("typo/", "typo/doubled-word"));
        assert!(!selects("typ", "typo/doubled-word"));
        assert!(!selects("typo/doubled", "typo/doubled-word"));
    }

    #[test]
    fn look_ups_and_errors() {
        let registry = Registry::new(crate::checks::all());
        let rule = registry.get("typo/doubled-word").unwrap();
        assert_eq!(&*rule.meta().id, "typo/doubled-word");
        assert!(registry.get("typo").is_none());
        assert_eq!(registry.matching("typo").count(), 3);
        assert!(!registry.has("house"));
        let err = UnknownLanguage {
            code: "pt".into(),
            known: vec!["de".into(), "all".into()],
        };
        assert_eq!(err, "unknown source language `pt` (known: de, all)");
        assert_eq!(UnknownSelector("x/y".into()).to_string(), "x/y");
    }
}
