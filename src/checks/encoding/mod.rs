//! `encoding/*` rules that need code, one file per rule.

pub mod control_character;
pub mod invisible_character;
pub mod mojibake;
pub mod no_break_space_in_word;
pub mod replacement_character;

#[cfg(test)]
mod tests {
    use crate::rule::Rule;

    #[test]
    fn legitimate_uses_of_invisible_characters_are_left_alone() {
        let rules: Vec<Box<dyn Rule>> = vec![
            Box::new(super::control_character::ControlCharacter::new()),
            Box::new(super::invisible_character::InvisibleCharacter::new()),
            Box::new(super::replacement_character::ReplacementCharacter::new()),
            Box::new(super::no_break_space_in_word::NoBreakSpaceInWord::new()),
        ];
        for text in [
            "\u{FEFF}Title",
            "👍\u{200D}🏽 ❤\u{FE0F}\u{200D}🔥",
            "नमस्\u{200C}ते",
            "گفت\u{200C}وگو",
            "«-»\u{200C} باشند",
            "មាន\u{200B}កញ្ចប់ `\u{200B}%.255s' បាន",
            "日本\u{200B}語",
            "10\u{A0}km",
            "a\u{A0}few",
            "Mr.\u{A0}Smith",
        ] {
            for rule in &rules {
                let mut out = Vec::new();
                rule.check(&crate::Document::new(text), &mut out);
                assert!(out.is_empty(), "{} on {text:?}", rule.meta().id);
            }
        }
    }
}
