//! Hard limits on untrusted input, so that no file, profile or stream can make the tool use
//! unbounded memory or time: reading never takes more than the limit plus one byte, only
//! regular files are opened (a FIFO would block `open` forever, a device never ends), and JSON
//! nesting is measured on the bytes before a parser recurses into it.
//!
//! The numbers come from the policy's `[limits]` section (`crate::policy::LimitsPolicy`); this
//! module only enforces them.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

/// Largest policy file or batch `expect.json` read. The policy cannot limit its own reading,
/// and both are a few kilobytes written by hand: a megabyte is far beyond any real one.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a regular file: reading it could block forever (FIFO, socket) or never end (device).
    #[error("it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// Larger than the limit; `size` when the file system says how large it is.
    #[error("it is larger than the {limit}-byte limit")]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ReadError {
    /// The OS's reason without Rust's "(os error N)" suffix, for messages.
    pub fn reason(&self) -> String {
        let s = self.to_string();
        match s.find(" (os error") {
            Some(i) => s.get(..i).unwrap_or(&s).to_string(),
            None => s,
        }
    }
}

/// Read a whole regular file of at most `limit` bytes. Symbolic links are followed (a loop is
/// the OS's "too many levels of symbolic links"); anything else that is not a regular file is
/// refused before it is opened.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    // The file may grow or be swapped between the check and the read: the read is bounded too.
    read_bounded(File::open(path)?, limit)
}

/// Read a stream to its end, but never more than `limit` + 1 bytes (the extra byte tells a
/// stream of exactly `limit` bytes from a longer one).
pub fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(buf)
}

/// A byte count for messages: `512 bytes`, `30.0 KiB`, `1.0 MiB`, `50.0 MiB`.
pub fn human_bytes(n: u64) -> String {
    const KIB: f64 = 1024.0;
    let f = n as f64;
    if f >= KIB * KIB {
        format!("{:.1} MiB", f / KIB / KIB)
    } else if f >= KIB {
        format!("{:.1} KiB", f / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// What kind of thing a non-regular path is, for messages.
fn kind_of(ft: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Where JSON nests deeper than allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line of the bracket that went one level too deep.
    pub line: usize,
    /// 1-based column (in characters) of that bracket.
    pub column: usize,
}

/// The first `[` or `{` (outside strings) that opens nesting level `max_depth + 1`, if any.
/// A linear scan with no recursion, run before the parser so that a hostile file cannot make a
/// recursive parser exhaust the stack or time. Invalid JSON is left to the parser to report.
pub fn json_too_deep(bytes: &[u8], max_depth: usize) -> Option<TooDeep> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        // UTF-8 continuation bytes do not start a character.
        if b & 0xC0 != 0x80 {
            column += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Some(TooDeep { line, column });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                column = 0;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(json_too_deep(br#"{"a": [1, {"b": []}]}"#, 4), None);
        assert_eq!(
            json_too_deep(br#"{"a": [1, {"b": []}]}"#, 2),
            Some(TooDeep {
                line: 1,
                column: 11
            })
        );
        // Brackets inside strings, escaped quotes, and multi-byte characters.
        assert_eq!(json_too_deep(br#"{"a": "[[[[\"[[[["}"#, 1), None);
        assert_eq!(
            json_too_deep("{\"é\":\n  [[1]]}".as_bytes(), 2),
            Some(TooDeep { line: 2, column: 4 })
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            json_too_deep(deep.as_bytes(), 32),
            Some(TooDeep {
                line: 1,
                column: 33
            })
        );
        assert_eq!(json_too_deep(deep.as_bytes(), 100_000), None);
    }

    #[test]
    fn bounded_read_stops_at_limit_plus_one() {
        let data = [7u8; 100];
        assert_eq!(read_bounded(&data[..], 100).unwrap().len(), 100);
        assert!(matches!(
            read_bounded(&data[..], 99),
            Err(ReadError::TooLarge {
                size: None,
                limit: 99
            })
        ));
        // An endless stream is cut after limit + 1 bytes.
        assert!(matches!(
            read_bounded(std::io::repeat(1), 1000),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bin");
        std::fs::write(&p, [1, 2, 3]).unwrap();
        assert_eq!(read_file(&p, 3).unwrap(), vec![1, 2, 3]);
        assert!(matches!(
            read_file(&p, 2),
            Err(ReadError::TooLarge {
                size: Some(3),
                limit: 2
            })
        ));
        assert!(matches!(
            read_file(dir.path(), 10),
            Err(ReadError::NotAFile("a folder"))
        ));
        #[cfg(target_os = "linux")]
        assert!(matches!(
            read_file(Path::new("/dev/zero"), 10),
            Err(ReadError::NotAFile("a device"))
        ));
        let missing = read_file(&dir.path().join("none"), 10).unwrap_err();
        assert!(!missing.reason().contains("os error"), "{missing}");
    }
}
