//! Finding the files to lint and reading them as text.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Extensions linted when a directory is walked.
pub const DEFAULT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "mdx", "html", "htm", "xhtml", "po", "xlf", "xliff", "srt",
    "vtt",
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

/// How [`collect`] walks directories.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Walk into symbolic links to directories (`--follow`).
    pub follow: bool,
    /// Do not read `.gitignore`, `.ignore` and git's exclude files (`--no-ignore`).
    pub no_ignore: bool,
    /// Tell why each skipped path was skipped (`--verbose`).
    pub explain: bool,
}

/// A path a walk left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub why: String,
}

/// What [`collect`] found.
#[derive(Debug, Default)]
pub struct Walked {
    pub found: Vec<Found>,
    pub errors: Vec<WalkError>,
    /// With [`WalkOptions::explain`]: each path left out (a folder, not what is in it).
    pub skipped: Vec<Skipped>,
}

/// A walker over `root` as ripgrep walks: hidden entries skipped, and (unless
/// `no_ignore`) the patterns of `.gitignore`, `.ignore`, `.git/info/exclude` and git's
/// global excludes honoured, in a git repository or not.
fn walker(root: &Path, options: WalkOptions, filters: bool) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(root);
    let ignore_files = filters && !options.no_ignore;
    builder
        .follow_links(options.follow)
        .hidden(filters)
        .parents(ignore_files)
        .ignore(ignore_files)
        .git_ignore(ignore_files)
        .git_global(ignore_files)
        .git_exclude(ignore_files)
        .require_git(false);
    builder
}

/// The files under `paths`, in a stable order: named files as given, directories walked
/// recursively (in parallel, then sorted by name) as [`walker`] says, skipping
/// `target/`, `node_modules/` and what `wanted(path, is_dir)` refuses (`Err(why)`; a
/// refused folder is not walked into).
///
/// Symbolic links to files are linted; links to directories are walked into only with
/// `follow` (`--follow`). A path reached through a link must be wanted under its real
/// name too (an excluded folder stays excluded through an alias). Each real file (device
/// and inode) is listed once, however many ways it is reached.
pub fn collect(
    paths: &[PathBuf],
    options: WalkOptions,
    wanted: impl Fn(&Path, bool) -> Result<(), String> + Sync,
) -> Walked {
    use std::os::unix::fs::MetadataExt;
    let mut walked = Walked::default();
    let mut seen = HashSet::new();
    let mut first_time = |path: &Path| match fs::metadata(path) {
        Ok(m) => seen.insert((m.dev(), m.ino())),
        Err(_) => true,
    };
    let wants = |path: &Path, is_symlink: bool, is_dir: bool| {
        wanted(path, is_dir)?;
        if options.follow || is_symlink {
            if let Ok(real) = fs::canonicalize(path) {
                wanted(&real, is_dir).map_err(|why| format!("{why} (as {})", real.display()))?;
            }
        }
        Ok(())
    };
    for root in paths {
        if !root.is_dir() {
            if first_time(root) {
                walked.found.push(Found {
                    path: root.clone(),
                    explicit: true,
                });
            }
            continue;
        }
        let found = Mutex::new(Vec::new());
        let errors = Mutex::new(Vec::new());
        let skipped = Mutex::new(Vec::new());
        // Every entry the walk yields (for `explain`: what is not among them was left
        // out by the walker's own filters).
        let visited = Mutex::new(Vec::new());
        walker(root, options, true).build_parallel().run(|| {
            Box::new(|entry| {
                let e = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        push(&errors, walk_error(root, e));
                        return ignore::WalkState::Continue;
                    }
                };
                if e.depth() == 0 {
                    return ignore::WalkState::Continue;
                }
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                let verdict = if is_dir && SKIPPED_DIRS.contains(&&*e.file_name().to_string_lossy())
                {
                    Err("never walked (like target/ and node_modules/)".to_string())
                } else {
                    wants(e.path(), e.path_is_symlink(), is_dir)
                };
                match verdict {
                    Err(why) => {
                        if options.explain {
                            push(
                                &skipped,
                                Skipped {
                                    path: e.path().to_path_buf(),
                                    why,
                                },
                            );
                        }
                        return ignore::WalkState::Skip;
                    }
                    Ok(()) if is_dir => {
                        if options.explain {
                            push(&visited, e.into_path());
                        }
                    }
                    Ok(()) => {
                        let is_file = e.file_type().is_some_and(|t| t.is_file())
                            || (e.path_is_symlink()
                                && fs::metadata(e.path()).is_ok_and(|m| m.is_file()));
                        if options.explain {
                            push(&visited, e.path().to_path_buf());
                        }
                        if is_file {
                            push(&found, e.into_path());
                        }
                    }
                }
                ignore::WalkState::Continue
            })
        });
        let mut found = found.into_inner().expect("not poisoned");
        found.sort();
        for path in found {
            if first_time(&path) {
                walked.found.push(Found {
                    path,
                    explicit: false,
                });
            }
        }
        let mut errors = errors.into_inner().expect("not poisoned");
        errors.sort_by(|a: &WalkError, b| a.path.cmp(&b.path));
        walked.errors.extend(errors);
        if options.explain {
            let mut skipped = skipped.into_inner().expect("not poisoned");
            let visited: HashSet<PathBuf> = visited
                .into_inner()
                .expect("not poisoned")
                .into_iter()
                .collect();
            skipped.extend(filtered_out(root, options, &visited, &skipped));
            skipped.sort_by(|a, b| a.path.cmp(&b.path));
            walked.skipped.extend(skipped);
        }
    }
    walked
}

/// The paths under `root` that the walker's own filters (hidden names, ignore files)
/// left out: neither `visited` nor below a path `already` told of; each with why.
fn filtered_out(
    root: &Path,
    options: WalkOptions,
    visited: &HashSet<PathBuf>,
    already: &[Skipped],
) -> Vec<Skipped> {
    let told: HashSet<&Path> = already.iter().map(|s| s.path.as_path()).collect();
    let out = Mutex::new(Vec::new());
    walker(root, options, false).build_parallel().run(|| {
        Box::new(|entry| {
            let Ok(e) = entry else {
                return ignore::WalkState::Continue;
            };
            if e.depth() == 0 || visited.contains(e.path()) {
                return ignore::WalkState::Continue;
            }
            if !told.contains(e.path()) {
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                let why = if e.file_name().to_string_lossy().starts_with('.') {
                    "hidden (its name starts with `.`)".to_string()
                } else {
                    why_ignored(e.path(), is_dir)
                };
                out.lock().expect("not poisoned").push(Skipped {
                    path: e.path().to_path_buf(),
                    why,
                });
            }
            ignore::WalkState::Skip
        })
    });
    out.into_inner().expect("not poisoned")
}

/// Which ignore file, and which of its patterns, leaves out `path`: the nearest
/// `.ignore` or `.gitignore` above it that ignores it, else git's excludes.
fn why_ignored(path: &Path, is_dir: bool) -> String {
    for dir in path.ancestors().skip(1) {
        for name in [".ignore", ".gitignore"] {
            let file = dir.join(name);
            if !file.is_file() {
                continue;
            }
            let (matcher, _) = ignore::gitignore::Gitignore::new(&file);
            let Ok(relative) = path.strip_prefix(dir) else {
                continue;
            };
            if let ignore::Match::Ignore(glob) =
                matcher.matched_path_or_any_parents(relative, is_dir)
            {
                return format!(
                    "ignored by {}: `{}` (--no-ignore lints it)",
                    file.display(),
                    glob.original()
                );
            }
        }
    }
    "ignored by git's excludes (.git/info/exclude or core.excludesFile; --no-ignore lints it)"
        .to_string()
}

fn push<T>(list: &Mutex<Vec<T>>, item: T) {
    list.lock().unwrap_or_else(|e| e.into_inner()).push(item);
}

/// A walk error, named by the path it is about.
fn walk_error(root: &Path, e: ignore::Error) -> WalkError {
    let mut path = None;
    let mut inner = &e;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p.clone());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err
            }
            _ => break,
        }
    }
    WalkError {
        path: path.unwrap_or_else(|| root.to_path_buf()),
        message: inner.to_string(),
    }
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
    /// UTF-16 text (a UTF-16 byte-order mark, or every other byte NUL): not supported.
    Utf16,
}

/// What is told about a UTF-16 file.
pub const UTF16_MESSAGE: &str = "UTF-16: not supported, convert to UTF-8";

/// Whether `bytes` look like UTF-16: a byte-order mark, or (without one) text in which
/// nearly every other byte is NUL, as ASCII-range text is in UTF-16.
fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return false;
    }
    let (mut low, mut high) = (0, 0);
    for pair in sample.chunks_exact(2) {
        match (pair[0] == 0, pair[1] == 0) {
            (false, true) => low += 1,
            (true, false) => high += 1,
            _ => {}
        }
    }
    low * 10 >= pairs * 9 || high * 10 >= pairs * 9
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

/// Decode bytes as text: UTF-16 (see [`looks_utf16`]), binary if a NUL byte is in the
/// first 8 KiB, else UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<Content, ReadError> {
    if looks_utf16(&bytes) {
        return Ok(Content::Utf16);
    }
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

/// The default limit on the size of any file read: far above any article.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 << 30;

static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// Set the size limit of every read (`--max-file-size`).
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes, Ordering::Relaxed);
}

/// The size limit of every read, in bytes.
pub fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

fn too_big(limit: u64) -> io::Error {
    io::Error::other(format!(
        "larger than the size limit of {limit} bytes (--max-file-size); not read"
    ))
}

/// What kind of file `meta` describes, if it is not a regular file.
fn not_regular(meta: &fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a regular file")
    }
}

/// Read a regular file (following symbolic links), at most [`max_file_size`] bytes: a
/// FIFO, a device or a socket is refused before it is opened, so reading never hangs
/// and never runs out of memory.
pub fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    let refuse = |kind: &str| {
        io::Error::other(format!(
            "{kind}, not a regular file; only regular files are read (standard input: `-`)"
        ))
    };
    if let Some(kind) = not_regular(&fs::metadata(path)?) {
        return Err(refuse(kind));
    }
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = not_regular(&meta) {
        return Err(refuse(kind));
    }
    read_limited(file, meta.len())
}

/// Read `reader` to its end, at most [`max_file_size`] bytes (`expected`: a size hint).
pub fn read_limited(reader: impl Read, expected: u64) -> io::Result<Vec<u8>> {
    let limit = max_file_size();
    if expected > limit {
        return Err(too_big(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    Ok(bytes)
}

/// Read a file as text (see [`decode`] and [`read_bytes`]).
pub fn read(path: &Path) -> Result<Content, ReadError> {
    decode(read_bytes(path).map_err(ReadError::Io)?)
}

/// Read a regular file as UTF-8 text, at most [`max_file_size`] bytes.
pub fn read_text(path: &Path) -> io::Result<String> {
    String::from_utf8(read_bytes(path)?).map_err(|e| {
        io::Error::other(format!(
            "not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The name of `path` for reports: exact when it is UTF-8; otherwise each byte that is
/// not part of valid UTF-8 is written `\xNN` (two lowercase hex digits), so that no two
/// different names print alike as they would with U+FFFD.
pub fn path_name(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// At most `max` characters of `text`, control characters and quotes escaped, for an
/// error message (never more of a file than that).
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        out.extend(c.escape_debug());
    }
    out
}

/// Replace `path`'s contents with `text` atomically, unless the file no longer holds
/// `original` (another program changed it since it was read: then nothing is written and
/// the error says so). A temporary file in the same directory gets the text and the
/// original's permissions, is synced, then renamed over the original; on any error it is
/// removed. A symbolic link is kept: its target is rewritten.
pub fn write_if_unchanged(path: &Path, original: &[u8], text: &str) -> io::Result<()> {
    write_fixed(path, original, text, WriteOptions::default())
}

/// Give `tmp` (the new text of `target`, described by `meta`) the original's owner,
/// group, mode and extended attributes. When the owner or group cannot be kept (only
/// root may give a file away), the setuid or setgid bit is dropped: a file is never left
/// setuid for another owner. An extended attribute that cannot be copied is an error
/// (the file is then not written).
fn keep_owner_mode_and_attributes(
    target: &Path,
    meta: &fs::Metadata,
    tmp: &fs::File,
) -> io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
    let mut mode = meta.mode() & 0o7777;
    let now = tmp.metadata()?;
    if (now.uid(), now.gid()) != (meta.uid(), meta.gid())
        && fchown(tmp, Some(meta.uid()), Some(meta.gid())).is_err()
    {
        // Perhaps the group alone (a member of it may).
        let _ = fchown(tmp, None, Some(meta.gid()));
        let now = tmp.metadata()?;
        if now.uid() != meta.uid() {
            mode &= !0o4000;
        }
        if now.gid() != meta.gid() {
            mode &= !0o2000;
        }
    }
    copy_attributes(target, tmp)?;
    // After chown, which clears the setuid and setgid bits.
    tmp.set_permissions(fs::Permissions::from_mode(mode))
}

/// Copy the extended attributes of `from` onto `to`.
fn copy_attributes(from: &Path, to: &fs::File) -> io::Result<()> {
    use rustix::io::Errno;
    let unsupported = |e: Errno| e == Errno::NOTSUP || e == Errno::NOSYS;
    let size = match rustix::fs::listxattr_query(from) {
        Ok(0) => return Ok(()),
        Ok(n) => n,
        Err(e) if unsupported(e) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut names = vec![0u8; size];
    let n = rustix::fs::listxattr(from, &mut names[..])?;
    names.truncate(n);
    for name in names.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(name);
        let len = rustix::fs::getxattr_query(from, name)?;
        let mut value = vec![0u8; len];
        let len = rustix::fs::getxattr(from, name, &mut value[..])?;
        value.truncate(len);
        let existing = {
            let mut buf = vec![0u8; value.len()];
            rustix::fs::fgetxattr(to, name, &mut buf[..])
                .ok()
                .map(|l| buf[..l.min(buf.len())].to_vec())
        };
        if existing.as_deref() == Some(&value[..]) {
            continue;
        }
        rustix::fs::fsetxattr(to, name, &value, rustix::fs::XattrFlags::empty()).map_err(|e| {
            io::Error::other(format!(
                "has the extended attribute `{}`, which cannot be kept ({}); not written",
                name.to_string_lossy(),
                io::Error::from(e)
            ))
        })?;
    }
    Ok(())
}

/// How [`write_fixed`] treats files it would rather not write.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Write read-only files too (`--force-write`).
    pub force: bool,
}

/// [`write_if_unchanged`], refusing a read-only file (no write permission bit) unless
/// `options.force`.
pub fn write_fixed(
    path: &Path,
    original: &[u8],
    text: &str,
    options: WriteOptions,
) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let meta = fs::metadata(&target)?;
    let links = std::os::unix::fs::MetadataExt::nlink(&meta);
    if links > 1 {
        return Err(io::Error::other(format!(
            "has {links} hard links; not written (replacing it would leave the other names \
             with the old text)"
        )));
    }
    if meta.permissions().readonly() && !options.force {
        return Err(io::Error::other(
            "read-only, not written (--force-write writes it anyway)",
        ));
    }
    let (tmp, path) = {
        // Created and registered under the lock, so that a second Ctrl-C
        // ([`abandon_writes_and_exit`]) sees every temporary file that exists.
        let mut live = in_progress();
        let tmp = tempfile::Builder::new()
            .prefix(".mtlint-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        live.push(tmp.path().to_path_buf());
        let path = tmp.path().to_path_buf();
        (tmp, path)
    };
    // `tmp` is renamed or removed by the time `replace` returns.
    let replaced = replace(tmp, &target, &meta, original, text);
    in_progress().retain(|p| *p != path);
    replaced
}

/// Fill `tmp` with `text` and rename it over `target` (described by `meta`), unless
/// `target` no longer holds `original`. The content is compared, then size, modification
/// time and inode are checked once more immediately before the rename: what remains is
/// the moment between that check and the rename (a write then is lost, as with every
/// rename-based writer), and a program holding `target` open keeps writing to the old,
/// replaced file.
fn replace(
    mut tmp: tempfile::NamedTempFile,
    target: &Path,
    meta: &fs::Metadata,
    original: &[u8],
    text: &str,
) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::MetadataExt;
    tmp.write_all(text.as_bytes())?;
    keep_owner_mode_and_attributes(target, meta, tmp.as_file())?;
    tmp.as_file().sync_all()?;
    let stamp = |m: &fs::Metadata| (m.len(), m.mtime(), m.mtime_nsec(), m.ino());
    let changed = || io::Error::other("changed on disk since it was read; not overwritten");
    let before = fs::metadata(target)?;
    if fs::read(target)? != original {
        return Err(changed());
    }
    let now = fs::metadata(target)?;
    if stamp(&now) != stamp(&before) || now.len() != original.len() as u64 {
        return Err(changed());
    }
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// The temporary files being written now.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn in_progress() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_PROGRESS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Remove the temporary files being written and exit with `code` at once (a second
/// Ctrl-C or SIGTERM): the files being fixed keep their old text, and no `.mtlint-*.tmp`
/// is left behind. The lock is held until the exit, so no new one is created.
pub fn abandon_writes_and_exit(code: i32) -> ! {
    let live = in_progress();
    for path in live.iter() {
        let _ = fs::remove_file(path);
    }
    std::process::exit(code)
}
