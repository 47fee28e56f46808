//! The README's examples are run: every fenced block whose first line starts with
//! `$ kyc-precheck ` is a command and the output the README promises. The test runs the real
//! binary with those arguments (from the repository root, English locale, no colour) and
//! compares its standard output with the block, so a change that alters an output fails until
//! the README is updated.
//!
//! - `[..]` in an expected line matches any text within that line (used for what legitimately
//!   varies, such as the elapsed time of a batch).
//! - A block that starts with `$ ` must be a plain `kyc-precheck` command: no pipes,
//!   redirections or other shell syntax (a command the test cannot run as written is refused,
//!   so an example cannot silently drop out of the check). Examples meant only to be read go in
//!   a `sh` block without the `$ ` prompt.
//!
//! After an intended change of output, refresh the README with
//! `README_OVERWRITE=1 cargo test --test readme` (lines holding `[..]` are kept when they still
//! match) and review the diff.

use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kyc-precheck");
const PROMPT: &str = "$ kyc-precheck ";

/// One example: the command line and the output lines expected, at `first_output` (0-based line
/// index in README.md) up to `end` (exclusive).
#[derive(Debug)]
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
    first_output: usize,
    end: usize,
}

/// Every `$ kyc-precheck` example of the markdown text; `Err` names a block that cannot run.
fn examples(text: &str) -> Result<Vec<Example>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with("```") {
            i += 1;
            continue;
        }
        let open = i;
        let mut close = open + 1;
        while close < lines.len() && !lines[close].trim_start().starts_with("```") {
            close += 1;
        }
        let body = open + 1;
        if body < close && lines[body].starts_with("$ ") {
            // Every `$ ` line in the block starts a command; its output runs to the next one.
            let mut at = body;
            while at < close {
                let command = lines[at];
                if !command.starts_with(PROMPT) {
                    return Err(format!(
                        "README.md:{}: `{command}` is not a kyc-precheck command",
                        at + 1
                    ));
                }
                if let Some(c) = command[2..].chars().find(|c| "|<>;&`$()".contains(*c)) {
                    return Err(format!(
                        "README.md:{}: `{command}` uses shell syntax `{c}`; write a plain command (or move it to a sh block without `$ `)",
                        at + 1
                    ));
                }
                let mut next = at + 1;
                while next < close && !lines[next].starts_with("$ ") {
                    next += 1;
                }
                out.push(Example {
                    line: at + 1,
                    command: command[2..].to_string(),
                    expected: lines[at + 1..next].iter().map(|s| s.to_string()).collect(),
                    first_output: at + 1,
                    end: next,
                });
                at = next;
            }
        }
        i = close + 1;
    }
    Ok(out)
}

/// Split a command line as a POSIX shell would for words, single and double quotes.
fn split_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => word.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            None => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// `actual` matches `pattern`, where each `[..]` in `pattern` stands for any text.
fn line_matches(pattern: &str, actual: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[..]").collect();
    if parts.len() == 1 {
        return pattern == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || !actual[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn run(example: &Example, root: &Path) -> (Vec<String>, Option<i32>) {
    let words = split_words(&example.command);
    let output = Command::new(BIN)
        .args(&words[1..])
        .current_dir(root)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run kyc-precheck");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (
        stdout.lines().map(str::to_string).collect(),
        output.status.code(),
    )
}

fn matches(expected: &[String], actual: &[String]) -> bool {
    expected.len() == actual.len() && expected.iter().zip(actual).all(|(e, a)| line_matches(e, a))
}

/// The new text of an example's output: the actual lines, keeping an expected line with `[..]`
/// where it matches the actual line at the same place.
fn refreshed(expected: &[String], actual: &[String]) -> Vec<String> {
    actual
        .iter()
        .enumerate()
        .map(|(i, a)| match expected.get(i) {
            Some(e) if e.contains("[..]") && line_matches(e, a) => e.clone(),
            _ => a.clone(),
        })
        .collect()
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = root.join("README.md");
    let text = std::fs::read_to_string(&readme).expect("read README.md");
    let examples = examples(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        examples.len() >= 8,
        "only {} `$ kyc-precheck` examples found in README.md",
        examples.len()
    );
    let overwrite = std::env::var_os("README_OVERWRITE").is_some_and(|v| !v.is_empty());
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut failures = Vec::new();
    // Replace from the end so earlier line numbers stay valid.
    for example in examples.iter().rev() {
        let (actual, code) = run(example, root);
        assert!(
            matches!(code, Some(0..=2)),
            "README.md:{}: `{}` ended with {code:?} (a crash?)",
            example.line,
            example.command
        );
        if matches(&example.expected, &actual) {
            continue;
        }
        if overwrite {
            lines.splice(
                example.first_output..example.end,
                refreshed(&example.expected, &actual),
            );
        } else {
            failures.push(format!(
                "README.md:{}: `{}` printed\n{}\n--- but the README shows ---\n{}",
                example.line,
                example.command,
                actual.join("\n"),
                example.expected.join("\n")
            ));
        }
    }
    if overwrite {
        let mut new = lines.join("\n");
        new.push('\n');
        if new != text {
            std::fs::write(&readme, new).expect("write README.md");
        }
    }
    failures.reverse();
    assert!(
        failures.is_empty(),
        "{} README example(s) out of date (refresh with `README_OVERWRITE=1 cargo test --test readme` and review the diff):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn wildcards_match_within_a_line_only() {
    assert!(line_matches("  time    [..] s", "  time    7.46 s"));
    assert!(line_matches("a[..]c[..]e", "abcde"));
    assert!(!line_matches("a[..]c[..]e", "abde"));
    assert!(!line_matches("  time    [..] s", "  time    7.46 ms!"));
    assert!(line_matches("exact", "exact"));
    assert!(!line_matches("exact", "exact "));
}

#[test]
fn commands_split_like_a_shell() {
    assert_eq!(
        split_words(r#"kyc-precheck diagnose p.json --rejection "document expired" --lang zh"#),
        [
            "kyc-precheck",
            "diagnose",
            "p.json",
            "--rejection",
            "document expired",
            "--lang",
            "zh"
        ]
    );
    assert_eq!(split_words("a 'b c' d''"), ["a", "b c", "d"]);
}

#[test]
fn a_piped_example_is_refused() {
    let text = "```\n$ kyc-precheck check x.json | grep FAIL\nFAIL\n```\n";
    assert!(examples(text).is_err());
    let ok = "```\n$ kyc-precheck codes\nA\nB\n```\n```sh\nkyc-precheck x | y\n```\n";
    let found = examples(ok).expect("plain command");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].expected, ["A", "B"]);
}
