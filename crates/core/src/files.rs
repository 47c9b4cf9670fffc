//! Writing files so that a crash leaves either the old version or the new one, never half.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file beside it (readable by this user only
/// on Unix), fsynced, renamed over `path`, then the folder fsynced so the rename itself is on
/// disk.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = sibling(path, ".tmp");
    {
        let mut file = private_create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    sync_dir(path)
}

/// `path` with `suffix` added to its file name (`ebb.db` → `ebb.db.tmp`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Creates (or truncates) a file only this user can read and write.
fn private_create(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Fsyncs the folder holding `path`, so a rename or unlink in it survives a power cut.
pub(crate) fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Fsyncs a file's contents.
pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new().read(true).write(true).open(path)?.sync_all()
}

/// Overwrites a file with zeros, fsyncs, then removes it. On flash storage the old blocks may
/// survive wear levelling; the overwrite is the best an app can do, and the store itself never
/// held plain text after the first encrypted start.
pub(crate) fn wipe(path: &Path) -> io::Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    {
        let mut file = OpenOptions::new().write(true).open(path)?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            file.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        file.sync_all()?;
    }
    std::fs::remove_file(path)?;
    sync_dir(path)
}

/// Test hook (debug builds only): with `EBB_PAUSE_AT=<step>`, print `paused-at <step>` to
/// stderr and wait to be killed, so a test can SIGKILL a process at an exact step of a
/// multi-step write. Compiled out of release builds.
pub(crate) fn pause_point(step: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("EBB_PAUSE_AT").as_deref() == Ok(step) {
        eprintln!("paused-at {step}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = step;
}
