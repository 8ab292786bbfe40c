//! Finding the files to lint and reading them as text.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Extensions linted when a directory is walked.
pub const DEFAULT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "mdx", "html", "htm", "xhtml",
];

/// Directory names never walked into (hidden ones, starting with `.`, are skipped too).
const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// A file to lint, and whether the user named it (as opposed to finding it by walking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub explicit: bool,
}

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// The files under `paths`, in a stable order: named files as given, directories walked
/// recursively (sorted by name), skipping hidden entries, `target/`, `node_modules/` and
/// what `wanted(path, is_dir)` refuses (a refused folder is not walked into).
pub fn collect(
    paths: &[PathBuf],
    wanted: impl Fn(&Path, bool) -> bool,
) -> (Vec<Found>, Vec<WalkError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if !root.is_dir() {
            found.push(Found {
                path: root.clone(),
                explicit: true,
            });
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                let is_dir = e.file_type().is_dir();
                e.depth() == 0
                    || !(name.starts_with('.')
                        || (is_dir && SKIPPED_DIRS.contains(&name.as_ref()))
                        || (is_dir && !wanted(e.path(), true)))
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && wanted(e.path(), false) => found.push(Found {
                    path: e.into_path(),
                    explicit: false,
                }),
                Ok(_) => {}
                Err(e) => errors.push(WalkError {
                    path: e.path().unwrap_or(root).to_path_buf(),
                    message: e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string()),
                }),
            }
        }
    }
    (found, errors)
}

/// Whether the file name ends in one of `extensions` (without the dot, any case).
pub fn has_extension(path: &Path, extensions: &[impl AsRef<str>]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| x.as_ref().eq_ignore_ascii_case(e))
    })
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Content {
    /// UTF-8 text.
    Text(String),
    /// A NUL byte in the first 8 KiB (git's test for binary files), at this offset.
    Binary(usize),
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not UTF-8: the offset of the first invalid byte, and whether the bytes look like a
    /// single-byte encoding (Windows-1252, Latin-1) rather than damaged UTF-8.
    NotUtf8 {
        at: usize,
        single_byte: bool,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotUtf8 { at, single_byte } => {
                write!(f, "not valid UTF-8 at byte {at}")?;
                if *single_byte {
                    write!(f, " (looks like Windows-1252/Latin-1; convert it to UTF-8)")?;
                }
                Ok(())
            }
        }
    }
}

/// Decode bytes as text: binary if a NUL byte is in the first 8 KiB, else UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<Content, ReadError> {
    if let Some(at) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Ok(Content::Binary(at));
    }
    String::from_utf8(bytes).map(Content::Text).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        ReadError::NotUtf8 {
            at,
            single_byte: looks_single_byte(e.as_bytes()),
        }
    })
}

/// Whether every non-ASCII byte stands alone, as in Windows-1252 or Latin-1 text (UTF-8
/// would put it in a sequence of a lead byte and continuation bytes), and there are
/// no control characters other than white space.
fn looks_single_byte(bytes: &[u8]) -> bool {
    let continuation = |b: u8| (0x80..0xC0).contains(&b);
    let controls = bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C));
    !controls
        && bytes
            .windows(2)
            .all(|w| !(w[0] >= 0xC0 && continuation(w[1])))
}

/// Read a file as text (see [`decode`]).
pub fn read(path: &Path) -> Result<Content, ReadError> {
    decode(fs::read(path).map_err(ReadError::Io)?)
}

/// Replace `path`'s contents with `text` atomically, unless the file no longer holds
/// `original` (another program changed it since it was read: then nothing is written and
/// the error says so). A temporary file in the same directory gets the text and the
/// original's permissions, is synced, then renamed over the original; on any error it is
/// removed. A symbolic link is kept: its target is rewritten.
pub fn write_if_unchanged(path: &Path, original: &[u8], text: &str) -> io::Result<()> {
    use std::io::Write;
    let target = fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".mtlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    fs::set_permissions(tmp.path(), permissions)?;
    if fs::read(&target)? != original {
        return Err(io::Error::other(
            "changed on disk since it was read; not overwritten",
        ));
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}
