//! A static hash set of words, built by `build.rs` (which includes this file) and read in
//! place: a blob of the words end to end and a power-of-two table of `u32` slots, linear
//! probing on an FNV-1a hash. Nothing is filled at run time, so the first look-up costs
//! what every other does.
//!
//! A slot is `0` (empty) or `offset << 8 | len << 1 | flag`: where the word lies in the
//! blob, its length in bytes (below 128) and one bit of data per word.

/// The state FNV-1a starts from.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continued from the state `h`.
pub fn fnv1a_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

/// The words of a front-coded list: each line a key, then the endings of its words (`.`
/// for the key itself), `*` marking a word whose flag is set.
#[allow(dead_code)] // called by build.rs
pub fn decode(source: &str) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    for line in source.lines() {
        let mut parts = line.split(' ');
        let key = parts.next().unwrap_or_default();
        for entry in parts {
            let (flag, ending) = match entry.strip_prefix('*') {
                Some(rest) => (true, rest),
                None => (false, entry),
            };
            let ending = if ending == "." { "" } else { ending };
            words.push((format!("{key}{ending}"), flag));
        }
    }
    words
}

/// The blob and the little-endian slot table of `words` (each shorter than 128 bytes,
/// the blob under 16 MiB).
#[allow(dead_code)] // called by build.rs
pub fn build(words: &[(String, bool)]) -> (Vec<u8>, Vec<u8>) {
    let size = (words.len() * 5 / 2).next_power_of_two().max(8);
    let mut slots = vec![0u32; size];
    let mut blob = Vec::new();
    for (word, flag) in words {
        let bytes = word.as_bytes();
        assert!(
            bytes.len() < 128 && blob.len() < 1 << 24,
            "word too long: {word}"
        );
        let mut i = fnv1a(bytes) as usize & (size - 1);
        loop {
            let slot = slots[i];
            if slot == 0 {
                slots[i] = (blob.len() as u32) << 8 | (bytes.len() as u32) << 1 | u32::from(*flag);
                blob.extend_from_slice(bytes);
                break;
            }
            if entry(&blob, slot).0 == bytes {
                break; // listed twice: the first flag stands
            }
            i = (i + 1) & (size - 1);
        }
    }
    (blob, slots.iter().flat_map(|s| s.to_le_bytes()).collect())
}

/// The word and flag a non-empty slot holds.
fn entry(blob: &[u8], slot: u32) -> (&[u8], bool) {
    let offset = (slot >> 8) as usize;
    let len = ((slot >> 1) & 0x7f) as usize;
    (&blob[offset..offset + len], slot & 1 == 1)
}

/// The flag of `word`, or `None` when the set does not hold it.
pub fn lookup(blob: &[u8], slots: &[u8], word: &str) -> Option<bool> {
    let size = slots.len() / 4;
    let bytes = word.as_bytes();
    let mut i = fnv1a(bytes) as usize & (size - 1);
    loop {
        let at = 4 * i;
        let slot = u32::from_le_bytes([slots[at], slots[at + 1], slots[at + 2], slots[at + 3]]);
        if slot == 0 {
            return None;
        }
        let (found, flag) = entry(blob, slot);
        if found == bytes {
            return Some(flag);
        }
        i = (i + 1) & (size - 1);
    }
}

/// How many words the table holds.
#[cfg(test)]
pub fn len(slots: &[u8]) -> usize {
    slots.chunks_exact(4).filter(|s| s != &[0, 0, 0, 0]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_built_are_found_with_their_flag() {
        let words = decode("ab *. c *cd\nzz y\n");
        assert_eq!(
            words,
            [("ab", true), ("abc", false), ("abcd", true), ("zzy", false)]
                .map(|(w, f)| (w.to_string(), f))
        );
        let (blob, slots) = build(&words);
        assert_eq!(len(&slots), 4);
        assert_eq!(lookup(&blob, &slots, "ab"), Some(true));
        assert_eq!(lookup(&blob, &slots, "abc"), Some(false));
        assert_eq!(lookup(&blob, &slots, "abcd"), Some(true));
        assert_eq!(lookup(&blob, &slots, "zzy"), Some(false));
        assert_eq!(lookup(&blob, &slots, "a"), None);
        assert_eq!(lookup(&blob, &slots, "abcde"), None);
        assert_eq!(lookup(&blob, &slots, ""), None);
    }
}
