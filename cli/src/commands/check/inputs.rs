//! Which inputs a check reads: the paths given, listed (`--files-from`) or the current
//! folder, walked and filtered by each folder's configuration; `-` is standard input.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Fatal;
use crate::args::Cli;
use crate::config::Workspace;
use crate::files::{self, Found, WalkError};

/// The inputs of a run, in order: files, then standard input (`None`) if asked for.
pub struct Inputs {
    /// What is linted.
    pub list: Vec<Option<Found>>,
    /// Paths that could not be walked.
    pub walk_errors: Vec<WalkError>,
}

/// The paths of the command line and of `--files-from` (the current folder if none),
/// split into paths on disk and whether standard input is read.
pub fn paths(cli: &Cli) -> Result<(Vec<PathBuf>, bool), Fatal> {
    let mut paths = cli.paths.clone();
    if let Some(list) = &cli.files_from {
        paths.extend(read_file_list(list, cli.null)?);
    } else if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (on_disk, stdin): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() != "-");
    Ok((on_disk, !stdin.is_empty()))
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
    let (found, walk_errors) = files::collect(on_disk, cli.follow, |path, is_dir| match workspace
        .settings(path)
    {
        Ok(s) => !s.excluded && (is_dir || s.wants(path)),
        Err(e) => {
            config_error.lock().expect("not poisoned").get_or_insert(e);
            false
        }
    });
    if let Some(e) = config_error.into_inner().expect("not poisoned") {
        return Err(e.into());
    }
    // Files named on the command line are linted whatever their extension, unless the
    // configuration excludes them.
    let mut list = Vec::with_capacity(found.len() + 1);
    for f in found {
        if !f.explicit || !workspace.settings(&f.path)?.excluded {
            list.push(Some(f));
        }
    }
    if stdin {
        workspace.settings(Path::new(&cli.stdin_filename))?;
        list.push(None);
    }
    Ok(Inputs { list, walk_errors })
}

/// The paths listed in `list` (`-`: standard input), one per line or NUL-separated.
fn read_file_list(list: &Path, null: bool) -> Result<Vec<PathBuf>, Fatal> {
    let text = if list.as_os_str() == "-" {
        files::read_limited(io::stdin().lock(), 0)
            .and_then(|b| String::from_utf8(b).map_err(io::Error::other))
            .map_err(|e| Fatal::Message(format!("standard input: {e}")))?
    } else {
        files::read_text(list).map_err(|e| Fatal::Message(format!("{}: {e}", list.display())))?
    };
    let separator = if null { '\0' } else { '\n' };
    Ok(text
        .split(separator)
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty())
        .map(PathBuf::from)
        .collect())
}

/// `--verbose`: an input, how it is read and its configuration.
pub fn describe(cli: &Cli, workspace: &Workspace, input: Option<&Found>) -> String {
    let name = input.map_or_else(
        || cli.stdin_filename.clone(),
        |f| f.path.display().to_string(),
    );
    let markup = format!("{:?}", cli.markup.markup_of(&name)).to_lowercase();
    let config = workspace
        .settings(Path::new(&name))
        .ok()
        .and_then(|s| s.config)
        .map_or_else(|| "none".to_string(), |p| p.display().to_string());
    format!("{name}: {markup}, config: {config}")
}
