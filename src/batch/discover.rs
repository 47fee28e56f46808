//! Finding the cases: every folder under DIR (DIR itself included) that holds a `profile.json`
//! or photos named by their role (`id_front.jpg`, `ID_Back.PNG`, `selfie.heic`…: the role in
//! any case, `_` or `-`, and an image extension). A folder of photos without a profile is
//! checked photos-only; beside a profile, the photos fill the roles the profile names no path
//! for. Two photos for one role make the case fail with both names, rather than one being
//! picked silently.
//!
//! The walk is recursive and its result sorted by path component (byte order), so every machine
//! and every shard sees the same list in the same order. Folders whose name starts with `.`
//! (`.git`, editor folders) are skipped. Symbolic links to folders are followed once: a folder
//! reached twice (a link loop) is not walked again. A sub-folder that cannot be read is kept as
//! a case that fails with the reason, so a permissions problem never hides cases silently.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::finding::Subject;

/// The file that makes a folder a case.
pub const PROFILE: &str = "profile.json";
/// The optional file with the case's expectation.
pub const EXPECT: &str = "expect.json";

/// Extensions of photos named by role (any case). Formats the policy does not accept are
/// still picked up, so the report can say how to convert them.
const PHOTO_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "png", "heic", "heif", "hif", "avif", "webp", "gif", "bmp",
    "tif", "tiff", "pdf",
];

/// The role a file's name gives it: `id_front.jpg` → `IdFront`.
pub fn role_of(file_name: &str) -> Option<Subject> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    if !PHOTO_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
        return None;
    }
    match stem.to_ascii_lowercase().replace('-', "_").as_str() {
        "id_front" => Some(Subject::IdFront),
        "id_back" => Some(Subject::IdBack),
        "selfie" => Some(Subject::Selfie),
        _ => None,
    }
}

/// One case folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Path relative to DIR with `/` separators; `.` for DIR itself.
    pub name: String,
    /// The folder (DIR joined with the relative path).
    pub dir: PathBuf,
    /// Set when the case cannot be checked (the folder could not be listed, two photos for one
    /// role): the case fails with this message.
    pub unreadable: Option<String>,
    /// The folder holds a `profile.json`.
    pub has_profile: bool,
    /// Photos named by role in the folder.
    pub images: BTreeMap<Subject, PathBuf>,
}

impl Case {
    pub fn profile_path(&self) -> PathBuf {
        self.dir.join(PROFILE)
    }

    /// How reports name the case's input: its profile, or the folder of photos.
    pub fn input_name(&self) -> String {
        if self.has_profile {
            self.profile_path().display().to_string()
        } else {
            self.dir.display().to_string()
        }
    }

    pub fn expect_path(&self) -> PathBuf {
        self.dir.join(EXPECT)
    }
}

/// Why DIR cannot be walked at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error(
        "{0} does not exist: pass a folder whose sub-folders hold profile.json files or photos named by role (id_front.jpg, id_back.jpg, selfie.jpg)"
    )]
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
                        has_profile: false,
                        images: BTreeMap::new(),
                    },
                ));
                continue;
            }
        };
        let mut has_profile = false;
        let mut photos: BTreeMap<Subject, Vec<String>> = BTreeMap::new();
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
                has_profile = true;
            } else if let Some(role) = role_of(&file_name).filter(|_| is_file) {
                photos.entry(role).or_default().push(file_name);
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
        if has_profile || !photos.is_empty() {
            let mut images = BTreeMap::new();
            let mut clashes = Vec::new();
            for (role, mut names) in photos {
                names.sort();
                match names.as_slice() {
                    [one] => {
                        images.insert(role, dir.join(one));
                    }
                    several => clashes.push(format!("{role}: {}", several.join(", "))),
                }
            }
            let unreadable = (!clashes.is_empty()).then(|| {
                format!(
                    "more than one photo for the same role ({}); keep one per role",
                    clashes.join("; ")
                )
            });
            found.push((
                rel,
                Case {
                    name,
                    dir,
                    unreadable,
                    has_profile,
                    images,
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

    #[test]
    fn photos_named_by_role_make_a_case() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for rel in [
            "photos/ID_Front.JPG",
            "photos/selfie.heic",
            "photos/notes.txt",
            "photos/id_front_old.jpg",
            "both/profile.json",
            "both/id-back.png",
            "clash/id_front.jpg",
            "clash/id_front.png",
            "nothing/front.jpg",
            "nothing/selfie.txt",
        ] {
            touch(root, rel);
        }
        let cases = discover(root).unwrap();
        let names: Vec<_> = cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["both", "clash", "photos"]);
        let both = &cases[0];
        assert!(both.has_profile);
        assert_eq!(
            both.images.get(&Subject::IdBack),
            Some(&root.join("both/id-back.png"))
        );
        let clash = &cases[1];
        let msg = clash.unreadable.as_deref().unwrap();
        assert!(msg.contains("id_front.jpg, id_front.png"), "{msg}");
        let photos = &cases[2];
        assert!(!photos.has_profile && photos.unreadable.is_none());
        assert_eq!(
            photos.images.keys().copied().collect::<Vec<_>>(),
            [Subject::IdFront, Subject::Selfie]
        );
        assert_eq!(
            photos.input_name(),
            root.join("photos").display().to_string()
        );
    }

    #[test]
    fn roles_from_names() {
        assert_eq!(role_of("id_front.jpg"), Some(Subject::IdFront));
        assert_eq!(role_of("ID-BACK.Jpeg"), Some(Subject::IdBack));
        assert_eq!(role_of("Selfie.PNG"), Some(Subject::Selfie));
        assert_eq!(role_of("selfie"), None);
        assert_eq!(role_of("selfie.txt"), None);
        assert_eq!(role_of("my_selfie.jpg"), None);
        assert_eq!(role_of(".jpg"), None);
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
