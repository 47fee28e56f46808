//! Finding the cases: every folder under DIR (DIR itself included) that holds a `profile.json`.
//!
//! The walk is recursive and its result sorted by path component (byte order), so every machine
//! and every shard sees the same list in the same order. Folders whose name starts with `.`
//! (`.git`, editor folders) are skipped. Symbolic links to folders are followed once: a folder
//! reached twice (a link loop) is not walked again. A sub-folder that cannot be read is kept as
//! a case that fails with the reason, so a permissions problem never hides cases silently.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The file that makes a folder a case.
pub const PROFILE: &str = "profile.json";
/// The optional file with the case's expectation.
pub const EXPECT: &str = "expect.json";

/// One case folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Path relative to DIR with `/` separators; `.` for DIR itself.
    pub name: String,
    /// The folder (DIR joined with the relative path).
    pub dir: PathBuf,
    /// Set when the folder could not be listed: the case fails with this message.
    pub unreadable: Option<String>,
}

impl Case {
    pub fn profile_path(&self) -> PathBuf {
        self.dir.join(PROFILE)
    }

    pub fn expect_path(&self) -> PathBuf {
        self.dir.join(EXPECT)
    }
}

/// Why DIR cannot be walked at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{0} does not exist: pass a folder whose sub-folders hold profile.json files")]
    Missing(String),
    #[error(
        "{0} is a file: batch takes a folder of cases (use `kyc-precheck check {0}` for one profile)"
    )]
    NotAFolder(String),
    #[error("cannot read the folder {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
}

/// All cases under `root`, sorted.
pub fn discover(root: &Path) -> Result<Vec<Case>, DiscoverError> {
    let shown = root.display().to_string();
    let meta = std::fs::metadata(root).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            DiscoverError::Missing(shown.clone())
        } else {
            DiscoverError::Unreadable {
                path: shown.clone(),
                source,
            }
        }
    })?;
    if !meta.is_dir() {
        return Err(DiscoverError::NotAFolder(shown));
    }
    // The root itself must be listable; deeper failures become failing cases.
    std::fs::read_dir(root).map_err(|source| DiscoverError::Unreadable {
        path: shown.clone(),
        source,
    })?;

    let mut found: Vec<(Vec<String>, Case)> = Vec::new();
    let mut seen = BTreeSet::new();
    // (path relative to root, the folder's canonical path): a real sub-folder's canonical path is
    // its parent's joined with its name, so only symbolic links need a `canonicalize` call.
    let root_canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut stack: Vec<(Vec<String>, PathBuf)> = vec![(Vec::new(), root_canonical)];
    while let Some((rel, canonical)) = stack.pop() {
        if !seen.insert(canonical.clone()) {
            continue;
        }
        let dir = rel.iter().fold(root.to_path_buf(), |p, c| p.join(c));
        let name = if rel.is_empty() {
            ".".to_string()
        } else {
            rel.join("/")
        };
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found.push((
                    rel.clone(),
                    Case {
                        name,
                        dir,
                        unreadable: Some(format!("cannot read the folder: {e}")),
                    },
                ));
                continue;
            }
        };
        let mut is_case = false;
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            // `file_type` comes with the directory listing; only links need another lookup.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let (is_file, is_dir) = if kind.is_symlink() {
                let path = entry.path();
                (path.is_file(), path.is_dir())
            } else {
                (kind.is_file(), kind.is_dir())
            };
            if file_name == PROFILE && is_file {
                is_case = true;
            } else if is_dir && !file_name.starts_with('.') {
                let child_canonical = if kind.is_symlink() {
                    match std::fs::canonicalize(entry.path()) {
                        Ok(p) => p,
                        Err(_) => continue,
                    }
                } else {
                    canonical.join(&file_name)
                };
                let mut child = rel.clone();
                child.push(file_name);
                stack.push((child, child_canonical));
            }
        }
        if is_case {
            found.push((
                rel,
                Case {
                    name,
                    dir,
                    unreadable: None,
                },
            ));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found.into_iter().map(|(_, case)| case).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn touch(root: &Path, rel: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, "{}").unwrap();
    }

    #[test]
    fn finds_nested_cases_in_stable_order() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for rel in [
            "b/profile.json",
            "a-b/profile.json",
            "a/z/profile.json",
            "a/profile.json",
            "a/b/c/profile.json",
            "a/b/notes.txt",
            "empty/readme.md",
            ".git/profile.json",
            "Z/profile.json",
        ] {
            touch(root, rel);
        }
        fs::create_dir_all(root.join("dir_named/profile.json")).unwrap();
        let names: Vec<_> = discover(root)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        // Component order: `a` and everything under it sorts before `a-b`.
        assert_eq!(names, ["Z", "a", "a/b/c", "a/z", "a-b", "b"]);
        // Same answer on a second walk (read_dir order is not relied upon).
        let again: Vec<_> = discover(root)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, again);
    }

    #[test]
    fn root_itself_can_be_a_case() {
        let tmp = tempfile::tempdir().unwrap();
        touch(tmp.path(), "profile.json");
        touch(tmp.path(), "sub/profile.json");
        let cases = discover(tmp.path()).unwrap();
        let names: Vec<_> = cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, [".", "sub"]);
        assert_eq!(cases[1].profile_path(), tmp.path().join("sub/profile.json"));
    }

    #[test]
    fn bad_roots_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = discover(&tmp.path().join("nope")).unwrap_err();
        assert!(matches!(missing, DiscoverError::Missing(_)), "{missing}");
        touch(tmp.path(), "profile.json");
        let file = discover(&tmp.path().join("profile.json")).unwrap_err();
        assert!(matches!(file, DiscoverError::NotAFolder(_)), "{file}");
        assert!(file.to_string().contains("kyc-precheck check"));
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_walked_once() {
        let tmp = tempfile::tempdir().unwrap();
        touch(tmp.path(), "a/profile.json");
        std::os::unix::fs::symlink(tmp.path(), tmp.path().join("a/loop")).unwrap();
        let names: Vec<_> = discover(tmp.path())
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["a"]);
    }
}
