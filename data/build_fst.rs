//! Builds an `fst::Map` for the generators in `data/`: reads `key<TAB>value` lines from
//! standard input (keys sorted bytewise and unique, values `u64`) and writes the map to
//! the file named by the only argument.
//!
//!     cargo run --quiet --example build_fst -- data/pos.fst < pos.tsv

use std::io::{BufRead, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: build_fst OUTPUT.fst < key-tab-value lines")?;
    let out = BufWriter::new(std::fs::File::create(&path)?);
    let mut map = fst::MapBuilder::new(out)?;
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        let (key, value) = line
            .rsplit_once('\t')
            .ok_or_else(|| format!("line {}: no tab", n + 1))?;
        let value: u64 = value
            .parse()
            .map_err(|e| format!("line {}: value {value:?}: {e}", n + 1))?;
        map.insert(key, value)
            .map_err(|e| format!("line {}: key {key:?}: {e}", n + 1))?;
    }
    map.finish()?;
    Ok(())
}
