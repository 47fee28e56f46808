//! Bad input never panics: malformed JSON, wrong types, huge strings, non-UTF-8 bytes, empty
//! files and bad arguments each get a clear message and the contract's exit code.

mod common;

use common::{TODAY, bin};
use predicates::prelude::*;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn run(profile: &str) -> std::process::Output {
    bin()
        .args(["check", profile, "--today", TODAY])
        .output()
        .unwrap()
}

#[test]
fn syntax_errors_exit_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "broken.json",
        b"{\n  \"full_name\": \"A B\",\n  \"sex\": F\n}\n",
    );
    bin()
        .args(["check", &p, "--today", TODAY])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("broken.json:3:")
                .and(predicate::str::contains("invalid JSON")),
        );
}

#[test]
fn hostile_profiles_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let huge = format!(
        "{{\"full_name\": \"{}\", \"document\": {{\"number\": \"{}\"}}}}",
        // Together just under the 1 MiB profile limit (limits.max_profile_bytes).
        "A".repeat(700_000),
        "9".repeat(300_000)
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, i32)> = vec![
        ("empty.json", vec![], 2),
        ("blank.json", b"  \n\t ".to_vec(), 2),
        ("bom_only.json", b"\xef\xbb\xbf".to_vec(), 2),
        ("latin1.json", b"{\"full_name\": \"M\xfcller\"}".to_vec(), 2),
        ("binary.json", vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F'], 2),
        ("array.json", b"[1, 2, 3]".to_vec(), 2),
        ("string.json", b"\"hello\"".to_vec(), 2),
        ("deep.json", deep.into_bytes(), 2),
        ("truncated.json", b"{\"full_name\": \"ANNA".to_vec(), 2),
        ("nul.json", b"{\"full_name\": \"A\x00B\"}".to_vec(), 2),
        ("huge.json", huge.into_bytes(), 1),
        ("types.json", br#"{"full_name": [], "date_of_birth": 19900101, "sex": {}, "nationality": true,
            "document": [], "images": {"selfie": 5}}"#.to_vec(), 1),
        ("nulls.json", br#"{"full_name": null, "date_of_birth": null, "document": null, "images": null}"#.to_vec(), 1),
        ("weird_values.json", br#"{"full_name": "\u202e\u0000", "date_of_birth": "0000-00-00", "sex": "",
            "nationality": "\ud83d\ude00", "document": {"type": "", "country": "", "number": "",
            "expiry_date": "9999-12-31", "issue_date": "-0001-01-01", "mrz": ["", "\u00ab\u00ab"]}}"#.to_vec(), 1),
    ];
    for (name, bytes, want) in cases {
        let p = write(dir.path(), name, &bytes);
        let out = run(&p);
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code, want, "{name}: stderr {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        if want == 2 {
            assert!(
                stderr.contains(name),
                "{name}: the message must name the file: {stderr}"
            );
        }
    }
}

#[test]
fn stdin_profile() {
    bin()
        .args(["check", "-", "--today", TODAY, "--format", "json"])
        .write_stdin(r#"{"full_name": "ANNA ERIKSSON", "date_of_birth": "2000-01-01"}"#)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("PROFILE_FIELD_MISSING"));
    bin()
        .args(["check", "-", "--today", TODAY])
        .write_stdin("{")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1:"));
}

#[test]
fn bad_arguments_exit_2_with_advice() {
    let p = common::fixture("cases/cn_valid/profile.json");
    bin()
        .args(["check", &p, "--today", "22/11/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    bin()
        .args(["check", &p, "--policy", "lenient"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("strict"));
    bin()
        .args(["check", "no/such/profile.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/profile.json"));
    bin()
        .args(["check", "fixtures"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
    bin()
        .args(["check", &p, "--format", "xml"])
        .assert()
        .code(2);
    bin().args(["frobnicate"]).assert().code(2);
    bin()
        .args(["explain", "IMAGE_BLURY"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("IMAGE_BLURRY"));
}

#[test]
fn bad_policy_files_exit_2_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let p = common::fixture("cases/cn_valid/profile.json");
    for (body, needle) in [
        ("[quality]\nblur_minn = 3\n", "quality.blur_minn"),
        (
            "[quality]\nglare_max_fraction = -1\n",
            "quality.glare_max_fraction",
        ),
        ("[profile]\nmin_age = \"eighteen\"\n", "profile.min_age"),
        ("[[[", "p.toml"),
        ("[severity]\nNOT_A_CODE = \"fail\"\n", "NOT_A_CODE"),
    ] {
        let policy = write(dir.path(), "p.toml", body.as_bytes());
        bin()
            .args(["check", &p, "--policy", &policy])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle));
    }
    bin()
        .args(["check", &p, "--policy", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}
