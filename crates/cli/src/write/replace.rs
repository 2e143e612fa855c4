//! Temporary files beside their target, and the atomic write of an output file.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A hidden temporary file (`.NAME.vault-tmp-PID-N`) in the folder of the file it will
/// replace, removed when dropped unless it was renamed into place.
#[derive(Debug)]
pub struct Temp {
    path: PathBuf,
    file: File,
    renamed: bool,
}

impl Temp {
    /// Creates a new temporary file in `folder` for the file `name`.
    pub fn create(folder: &Path, name: &OsStr) -> io::Result<Temp> {
        let name = name.to_string_lossy();
        let mut attempt = 0u32;
        loop {
            let path = folder.join(format!(
                ".{name}.vault-tmp-{}-{attempt}",
                std::process::id()
            ));
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    return Ok(Temp {
                        path,
                        file,
                        renamed: false,
                    });
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(err) => return Err(err),
            }
        }
    }

    /// The open file.
    pub fn file(&self) -> &File {
        &self.file
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` and waits until they are on the disk.
    pub fn write_synced(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.file.sync_all()
    }

    /// Swaps it with `target` in one step (Linux `renameat2(RENAME_EXCHANGE)`): `target`
    /// becomes this file, and this file's name now holds what `target` was, which is kept
    /// (nothing is unlinked) for the caller to look at. `Err` gives the temporary file
    /// back, still in place, with the error (`is_unsupported` tells a file system that
    /// cannot exchange).
    pub fn exchange(mut self, target: &Path) -> Result<Displaced, (Temp, io::Error)> {
        let swapped = rustix::fs::renameat_with(
            rustix::fs::CWD,
            &self.path,
            rustix::fs::CWD,
            target,
            rustix::fs::RenameFlags::EXCHANGE,
        );
        match swapped {
            Ok(()) => {
                self.renamed = true;
                Ok(Displaced {
                    path: self.path.clone(),
                })
            }
            Err(errno) => Err((self, io::Error::from(errno))),
        }
    }

    /// Renames it over `target` (atomically replacing it).
    pub fn rename_over(mut self, target: &Path) -> io::Result<()> {
        fs::rename(&self.path, target)?;
        self.renamed = true;
        Ok(())
    }
}

/// Whether `error` says the file system cannot exchange two names atomically.
pub fn is_unsupported(error: &io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(code) if code == rustix::io::Errno::INVAL.raw_os_error()
            || code == rustix::io::Errno::NOSYS.raw_os_error()
            || code == rustix::io::Errno::OPNOTSUPP.raw_os_error()
    )
}

/// The file a note was a moment before [`Temp::exchange`] put the new one in its place,
/// under the temporary name. It is never removed by dropping: the caller removes it once
/// it knows it holds nothing new, or puts it back.
#[derive(Debug)]
pub struct Displaced {
    path: PathBuf,
}

impl Displaced {
    /// Where it is now.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes it: it held only the version the edit replaced.
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }

    /// Swaps it back with `target`: `target` is this file again, and the temporary name
    /// holds what `target` was (the edit's file, unless something replaced it meanwhile).
    pub fn exchange_back(self, target: &Path) -> io::Result<Displaced> {
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            &self.path,
            rustix::fs::CWD,
            target,
            rustix::fs::RenameFlags::EXCHANGE,
        )?;
        Ok(self)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Makes a rename in `folder` durable (best effort: not every file system syncs folders).
pub fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed
/// and synced, then renamed over the target. A crash leaves the old file or the new one.
/// For the files `vault` itself makes (digests); notes go through [`super::edit_note`].
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let name = path.file_name().unwrap_or_default();
    let mut temp = Temp::create(folder, name)?;
    if let Ok(meta) = fs::metadata(path) {
        temp.file().set_permissions(meta.permissions())?;
    }
    temp.write_synced(contents)?;
    temp.rename_over(path)?;
    sync_folder(folder);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/out.md");
        write_atomically(&path, b"one").expect("write");
        write_atomically(&path, b"two").expect("rewrite");
        assert_eq!(fs::read_to_string(&path).expect("read"), "two");
        let entries: Vec<_> = fs::read_dir(dir.path().join("sub")).expect("ls").collect();
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn a_dropped_temp_file_is_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let temp = Temp::create(dir.path(), OsStr::new("A.md")).expect("temp");
        assert!(temp.path().exists());
        let path = temp.path().to_owned();
        drop(temp);
        assert!(!path.exists());
    }
}
