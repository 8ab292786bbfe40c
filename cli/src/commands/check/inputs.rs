//! Which inputs a check reads: the paths given, listed (`--files-from`) or the current
//! folder, walked and filtered by each folder's configuration; `-` is standard input.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Fatal;
use crate::args::Cli;
use crate::config::Workspace;
use crate::files::{self, Found, Skipped, WalkError};

/// The inputs of a run, in order: files, then standard input (`None`) if asked for.
pub struct Inputs {
    /// What is linted.
    pub list: Vec<Option<Found>>,
    /// Paths that could not be walked.
    pub walk_errors: Vec<WalkError>,
    /// With `--verbose`: the paths the walk left out, and why.
    pub skipped: Vec<Skipped>,
}

/// The paths of the command line and of `--files-from` (the current folder if none),
/// split into paths on disk and whether standard input is read, and the names listed in
/// `--files-from` that could not be used (not UTF-8).
pub fn paths(cli: &Cli) -> Result<(Vec<PathBuf>, bool, Vec<WalkError>), Fatal> {
    let mut paths = cli.paths.clone();
    let mut bad = Vec::new();
    if let Some(list) = &cli.files_from {
        let (good, not_utf8) = read_file_list(list, cli.null)?;
        paths.extend(good);
        bad = not_utf8;
    } else if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (on_disk, stdin): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() != "-");
    Ok((on_disk, !stdin.is_empty(), bad))
}

/// Walk `on_disk`, keeping the files their configuration wants.
pub fn walk(
    cli: &Cli,
    workspace: &Workspace,
    on_disk: &[PathBuf],
    stdin: bool,
) -> Result<Inputs, Fatal> {
    // A configuration error met while walking (in a nested configuration file) ends the
    // run like one met before it.
    let config_error = Mutex::new(None);
    let options = files::WalkOptions {
        follow: cli.follow,
        no_ignore: cli.no_ignore,
        explain: cli.verbose,
    };
    let walked = files::collect(on_disk, options, |path, is_dir| {
        match workspace.settings(path) {
            Ok(s) => s.walked(path, is_dir),
            Err(e) => {
                let why = e.to_string();
                config_error.lock().expect("not poisoned").get_or_insert(e);
                Err(why)
            }
        }
    });
    if let Some(e) = config_error.into_inner().expect("not poisoned") {
        return Err(e.into());
    }
    // Files named on the command line are linted whatever their extension, unless the
    // configuration excludes them.
    let mut list = Vec::with_capacity(walked.found.len() + 1);
    let mut skipped = walked.skipped;
    for f in walked.found {
        match workspace.settings(&f.path)?.excluded {
            Some(why) if f.explicit => skipped.push(Skipped { path: f.path, why }),
            _ => list.push(Some(f)),
        }
    }
    if stdin {
        workspace.settings(Path::new(&cli.stdin_filename))?;
        list.push(None);
    }
    Ok(Inputs {
        list,
        walk_errors: walked.errors,
        skipped,
    })
}

/// `--verbose`: each path the walk left out, and why.
pub fn tell_skipped(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!("mtlint: skipped {}: {}", s.path.display(), s.why);
    }
}

/// The paths listed in `list` (`-`: standard input), one per line or NUL-separated, and
/// an error for each name that is not UTF-8 (shown escaped; the others are still used).
fn read_file_list(list: &Path, null: bool) -> Result<(Vec<PathBuf>, Vec<WalkError>), Fatal> {
    let (bytes, origin) = if list.as_os_str() == "-" {
        let bytes = files::read_limited(io::stdin().lock(), 0)
            .map_err(|e| Fatal::Message(format!("standard input: {e}")))?;
        (bytes, "standard input".to_string())
    } else {
        let bytes = files::read_bytes(list)
            .map_err(|e| Fatal::Message(format!("{}: {e}", list.display())))?;
        (bytes, list.display().to_string())
    };
    let separator = if null { b'\0' } else { b'\n' };
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    for name in bytes.split(|&b| b == separator) {
        let name = name.strip_suffix(b"\r").unwrap_or(name);
        if name.is_empty() {
            continue;
        }
        match std::str::from_utf8(name) {
            Ok(name) => paths.push(PathBuf::from(name)),
            Err(_) => errors.push(WalkError {
                path: PathBuf::from(name.escape_ascii().to_string()),
                message: format!(
                    "file name (listed in {origin}) is not valid UTF-8; skipped (non-ASCII \
                     bytes shown as \\xNN)"
                ),
            }),
        }
    }
    Ok((paths, errors))
}

/// `--verbose`: an input, how it is read and its configuration.
pub fn describe(cli: &Cli, workspace: &Workspace, input: Option<&Found>) -> String {
    let name = input.map_or_else(
        || cli.stdin_filename.clone(),
        |f| f.path.display().to_string(),
    );
    let markup = cli.markup_of(&name).name();
    let config = workspace
        .settings(Path::new(&name))
        .ok()
        .and_then(|s| s.config)
        .map_or_else(|| "none".to_string(), |p| p.display().to_string());
    format!("{name}: {markup}, config: {config}")
}
