//! Writing files whole or not at all, so that a failed or interrupted run
//! never leaves half a PDF or half a plan behind.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// How this program's temporary files are named (`.kehoach-XXXXXX.tmp`),
/// so that the leftovers of a killed run can be recognised and removed.
pub const TEMPORARY_PREFIX: &str = ".kehoach-";
pub const TEMPORARY_SUFFIX: &str = ".tmp";

/// Writes `data` to `path` through a temporary file in the same folder and
/// a rename: a reader sees the old file or the new one, never a mix, and
/// two writers of the same path (two saves from the web form) each get a
/// temporary file of their own.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    write_whole(path, data, true)
}

/// As [`write_atomic`], but only when `path` does not exist yet: otherwise
/// an `AlreadyExists` I/O error, and nothing changes. The rename itself
/// refuses, so a file that appears after a caller looked is not replaced
/// either.
pub fn write_atomic_new(path: &Path, data: &[u8]) -> Result<()> {
    write_whole(path, data, false)
}

fn write_whole(path: &Path, data: &[u8], replace: bool) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        action: "ghi",
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX).suffix(TEMPORARY_SUFFIX);
    // tempfile makes private files (0600); what is written here is the
    // user's document and gets the permissions `File::create` would give.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    // On any error the temporary file is dropped, which deletes it.
    let mut file = builder.tempfile_in(dir).map_err(io)?;
    file.write_all(data).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    if replace {
        file.persist(path).map_err(|e| io(e.error))?;
    } else {
        file.persist_noclobber(path).map_err(|e| io(e.error))?;
    }
    Ok(())
}

/// Removes the temporary files a killed run left in `dir` (a finished or
/// failed write removes its own).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("kehoach-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    }

    #[test]
    fn concurrent_writers_of_one_path_both_succeed_whole() {
        let dir = scratch("race");
        let path = dir.join("plan.json");
        let contents: Vec<Vec<u8>> = (0..2u8).map(|i| vec![b'a' + i; 1 << 20]).collect();
        for _ in 0..20 {
            std::thread::scope(|s| {
                let writers: Vec<_> = contents
                    .iter()
                    .map(|data| s.spawn(|| write_atomic(&path, data)))
                    .collect();
                for w in writers {
                    w.join().unwrap().unwrap();
                }
            });
            let written = std::fs::read(&path).unwrap();
            assert!(contents.contains(&written), "one writer's whole content");
        }
        assert_eq!(names(&dir), ["plan.json"], "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_killed_runs_leftovers_are_removed_and_nothing_else() {
        let dir = scratch("stale");
        let leftover = tempfile::Builder::new()
            .prefix(TEMPORARY_PREFIX)
            .suffix(TEMPORARY_SUFFIX)
            .tempfile_in(&dir)
            .unwrap()
            .into_temp_path()
            .keep()
            .unwrap();
        std::fs::write(dir.join(".hidden.tmp"), "").unwrap();
        std::fs::write(dir.join("plan.json"), "").unwrap();
        remove_stale_temporaries(&dir);
        assert!(!leftover.exists());
        assert!(dir.join(".hidden.tmp").exists() && dir.join("plan.json").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_new_file_is_written_but_an_existing_one_kept() {
        let dir = scratch("new");
        let path = dir.join("plan.json");
        write_atomic_new(&path, b"first").unwrap();
        let refused = write_atomic_new(&path, b"second").unwrap_err();
        assert!(
            matches!(&refused, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists),
            "{refused}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(names(&dir), ["plan.json"], "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_permissions_of_a_created_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode();
        write_atomic(&dir.join("plan.pdf"), b"%PDF").unwrap();
        std::fs::File::create(dir.join("created")).unwrap();
        assert_eq!(mode(&dir.join("plan.pdf")), mode(&dir.join("created")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
