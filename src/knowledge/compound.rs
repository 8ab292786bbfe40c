//! "X of Y" phrases that English says as the compound "Y X" (`match of tennis` →
//! `tennis match`): `data/of-compounds.fst`, built by `data/gen_compounds.py` from CMU's
//! en-us 3-gram model.

use std::sync::LazyLock;

static MAP: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| super::map(include_bytes!("../../data/of-compounds.fst")));

/// How many log10 units more probable the compound "`y` `x`" is than the phrase
/// "`x` of `y`" (both lowercase ASCII), if the table holds the pair (it holds the pairs
/// where it is at least 3.0).
pub fn margin(x: &str, y: &str) -> Option<f32> {
    let mut buf = [0u8; 96];
    let (x, y) = (x.as_bytes(), y.as_bytes());
    let len = x.len() + 1 + y.len();
    if len > buf.len() {
        return None;
    }
    buf[..x.len()].copy_from_slice(x);
    buf[x.len()] = b' ';
    buf[x.len() + 1..len].copy_from_slice(y);
    MAP.get(&buf[..len]).map(|v| v as f32 / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calques_score_high_and_idioms_are_absent() {
        assert!(margin("match", "tennis").unwrap() >= 3.0);
        assert!(margin("campaign", "vaccination").unwrap() >= 3.0);
        assert!(margin("ticket", "train").unwrap() >= 3.0);
        for (x, y) in [("price", "oil"), ("cup", "tea"), ("piece", "cake")] {
            assert!(margin(x, y).is_none_or(|m| m < 3.0), "{x} of {y}");
        }
        assert_eq!(margin("", ""), None);
    }
}
