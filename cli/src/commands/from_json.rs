//! `--from-json FILE...`: read back the JSON Lines of `--format json` runs (the shards of
//! a sweep), merge them and write their report (`--format html`, `mtlint report`) or
//! their per-file view (`--statistics=files`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use mtlint::Linter;

use super::{Fatal, Output};
use crate::args::{Cli, Format, StatisticsView};
use crate::files::max_file_size;
use crate::output::html::write_page;
use crate::output::statistics::write_files;
use crate::output::sweep::Sweep;

/// Merge the shards and write the report; the exit status.
pub fn run(cli: &Cli, linter: &Linter) -> Result<u8, Fatal> {
    let files_view = cli.statistics == Some(StatisticsView::Files);
    if !files_view && cli.format != Format::Html {
        return Err(Fatal::Message(
            "--from-json writes a report: use it with --format html, --statistics=files or \
             `mtlint report OUT.html`"
                .into(),
        ));
    }
    let mut sweep = Sweep::default();
    for path in &cli.from_json {
        read_shard(path, &mut sweep)?;
    }
    let mut out = Output::of(cli)?;
    if files_view {
        write_files(&mut out, &mut sweep)?;
    } else {
        write_page(&mut out, &mut sweep, linter)?;
    }
    out.finish()?;
    Ok(0)
}

/// Add the records of one JSON Lines file; an error names the file and line.
fn read_shard(path: &Path, sweep: &mut Sweep) -> Result<(), Fatal> {
    let name = path.display();
    let file = File::open(path).map_err(|e| Fatal::Message(format!("{name}: {e}")))?;
    // Lines longer than the largest file read are not records of ours.
    let limit = max_file_size();
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let n = (&mut reader)
            .take(limit.saturating_add(1))
            .read_until(b'\n', &mut line)
            .map_err(|e| Fatal::Message(format!("{name}:{number}: {e}")))?;
        if n == 0 {
            break;
        }
        if n as u64 > limit {
            return Err(Fatal::Message(format!(
                "{name}:{number}: line longer than --max-file-size ({limit} bytes)"
            )));
        }
        let text = std::str::from_utf8(&line).map_err(|e| {
            Fatal::Message(format!(
                "{name}:{number}: not UTF-8 (at byte {} of the line)",
                e.valid_up_to()
            ))
        })?;
        sweep
            .add_line(text)
            .map_err(|e| Fatal::Message(format!("{name}:{number}: {e}")))?;
    }
    sweep
        .finish()
        .map_err(|e| Fatal::Message(format!("{name}: {e}")))
}
