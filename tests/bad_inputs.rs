//! The bad-input corpus: every file in `fixtures/bad/` (made by `tools/badinputs/generate.py`,
//! with the expected outcome of each in its `manifest.json`) and the inputs that cannot be
//! committed (a folder, a FIFO, a symlink loop, an unreadable file, a device, a 50 MB profile,
//! a 70 MB image), run through the real binary. Each must end with the contract's exit code, a
//! finding or message that names the problem and the file, and no panic; each run is killed
//! after a minute, and a run that had to be killed fails (a hang), whatever the machine's speed.

mod common;

use common::{TODAY, bin, fixture};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

/// Far above any real run (a few hundred ms): only a hang reaches it.
const KILL_AFTER: Duration = Duration::from_secs(60);

fn bad(name: &str) -> PathBuf {
    common::root().join("fixtures/bad").join(name)
}

/// Run the binary, killed after `KILL_AFTER`; `Err` says what went wrong with the process.
fn run(args: &[&str], stdin: Option<Vec<u8>>) -> Result<Output, String> {
    let mut cmd = bin();
    cmd.args(args).timeout(KILL_AFTER);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().map_err(|e| format!("cannot run: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code().is_none() {
        return Err(format!(
            "killed by a signal ({:?}): a hang past {KILL_AFTER:?} or a crash; stderr: {stderr}",
            out.status
        ));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("panic: {stderr}"));
    }
    Ok(out)
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn report(out: &Output) -> Result<Value, String> {
    serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "stdout is not a JSON report ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The findings about one subject: (code, finding).
fn findings<'a>(report: &'a Value, subject: &str) -> Vec<(&'a str, &'a Value)> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["subject"] == subject)
        .map(|f| (f["code"].as_str().unwrap_or(""), f))
        .collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// Check one image outcome against its manifest entry.
fn check_image(entry: &Value, out: &Output) -> Result<(), String> {
    let file = entry["file"].as_str().unwrap_or("");
    let report = report(out)?;
    let found = findings(&report, "id_front");
    let found_codes: Vec<&str> = found.iter().map(|(c, _)| *c).collect();
    for want in strings(&entry["codes"]) {
        if !found_codes.contains(&want) {
            return Err(format!("expected {want}, found {found_codes:?}"));
        }
    }
    for not in strings(&entry["absent"]) {
        if found_codes.contains(&not) {
            let f = found.iter().find(|(c, _)| *c == not).map(|(_, f)| f);
            return Err(format!("unexpected {not}: {f:?}"));
        }
    }
    let image = &report["images"]["id_front"];
    // Metrics are reported for every image that decoded (blur only where it can be judged).
    let decoded = image["brightness"].is_number();
    if let Some(want) = entry["decodes"].as_bool()
        && want != decoded
    {
        return Err(format!("decodes: expected {want}, got {decoded}: {image}"));
    }
    if entry["decodes_or_corrupt"] == true && !decoded && !found_codes.contains(&"IMAGE_CORRUPT") {
        return Err(format!(
            "neither decoded nor IMAGE_CORRUPT: {found_codes:?}"
        ));
    }
    // The report names the file, and every finding about it explains itself.
    let path = image["path"].as_str().unwrap_or("");
    if !path.ends_with(file) {
        return Err(format!("images.id_front.path is {path:?}, not the file"));
    }
    if found.is_empty() {
        return Err("no finding at all about the file".into());
    }
    for (c, f) in &found {
        let message = f["message"].as_str().unwrap_or("");
        if message.len() < 20 || f["advice"].as_str().is_none_or(str::is_empty) {
            return Err(format!("{c}: no clear message and advice: {f}"));
        }
    }
    let corrupt = found
        .iter()
        .find(|(c, _)| *c == "IMAGE_CORRUPT")
        .map(|(_, f)| *f);
    if let Some(measured) = entry["measured"].as_f64() {
        let got = corrupt.and_then(|f| f["measured"].as_f64());
        if got.is_none_or(|g| (g - measured).abs() > 0.1) {
            return Err(format!("measured {got:?}, expected {measured}"));
        }
    }
    if let Some(needle) = entry["message"].as_str() {
        let message = corrupt.and_then(|f| f["message"].as_str()).unwrap_or("");
        if !message.contains(needle) {
            return Err(format!("the message does not say {needle:?}: {message}"));
        }
    }
    Ok(())
}

/// Exit 2: the message on standard error names the file and says what is wrong.
fn check_error(entry: &Value, out: &Output, file: &str) -> Result<(), String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.contains(file) {
        return Err(format!("the message does not name {file}: {stderr}"));
    }
    for needle in strings(&entry["stderr"]) {
        if !stderr.contains(needle) {
            return Err(format!("the message does not say {needle:?}: {stderr}"));
        }
    }
    Ok(())
}

fn run_entry(entry: &Value) -> Result<(), String> {
    let file = entry["file"].as_str().ok_or("no file")?;
    let path = bad(file).display().to_string();
    let policy = entry["policy"]
        .as_str()
        .map(|p| bad(p).display().to_string());
    let valid_profile = fixture("cases/cn_valid/profile.json");
    let mut args: Vec<&str> = vec!["check", "--today", TODAY, "--format", "json"];
    match entry["kind"].as_str() {
        Some("image") => args.extend(["--id-front", &path]),
        Some("profile") => args.push(&path),
        Some("policy") => args.extend([valid_profile.as_str(), "--policy", &path]),
        other => return Err(format!("unknown kind {other:?}")),
    }
    if let Some(p) = &policy {
        args.extend(["--policy", p]);
    }
    let out = run(&args, None)?;
    let want = entry["exit"].as_i64().ok_or("no exit")? as i32;
    if code(&out) != want {
        return Err(format!(
            "exit {} instead of {want}; stderr: {}",
            code(&out),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    match (entry["kind"].as_str(), want) {
        (_, 2) => check_error(entry, &out, &path),
        (Some("image"), _) => check_image(entry, &out),
        _ => {
            let r = report(&out)?;
            if want == 1 && r["findings"].as_array().is_none_or(Vec::is_empty) {
                return Err("exit 1 without a finding".into());
            }
            Ok(())
        }
    }
}

#[test]
fn committed_corpus() {
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(bad("manifest.json")).expect("run tools/badinputs/generate.py"),
    )
    .expect("manifest.json is JSON");
    let entries = manifest["files"].as_array().expect("files");
    assert!(entries.len() >= 50, "{} files", entries.len());
    let failures: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            run_entry(e)
                .err()
                .map(|err| format!("{}: {err}", e["file"]))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} files:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

/// An image path that is not a readable regular file: FILE_UNREADABLE (exit 1) with the reason.
fn unreadable_image(path: &Path, reason: &str) -> Result<(), String> {
    let p = path.display().to_string();
    let out = run(
        &[
            "check",
            "--id-front",
            &p,
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        None,
    )?;
    if code(&out) != 1 {
        return Err(format!("exit {}", code(&out)));
    }
    let r = report(&out)?;
    let f = findings(&r, "id_front");
    let Some((_, f)) = f.iter().find(|(c, _)| *c == "FILE_UNREADABLE") else {
        return Err(format!("no FILE_UNREADABLE: {f:?}"));
    };
    let message = f["message"].as_str().unwrap_or("");
    if !message.contains(&p) || !message.to_lowercase().contains(reason) {
        return Err(format!("message lacks the path or {reason:?}: {message}"));
    }
    Ok(())
}

/// The same path as the profile: exit 2, the message names it and the reason.
fn unreadable_profile(path: &Path, reason: &str) -> Result<(), String> {
    let p = path.display().to_string();
    let out = run(&["check", &p, "--today", TODAY], None)?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if code(&out) != 2 || !stderr.contains(&p) || !stderr.to_lowercase().contains(reason) {
        return Err(format!("exit {}, stderr {stderr}", code(&out)));
    }
    Ok(())
}

#[test]
fn special_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut check = |what: &str, r: Result<(), String>| {
        if let Err(e) = r {
            failures.push(format!("{what}: {e}"));
        }
    };

    let folder = dir.path().join("photo.jpg");
    std::fs::create_dir(&folder).unwrap();
    check("folder image", unreadable_image(&folder, "folder"));
    check("folder policy", {
        let p = folder.display().to_string();
        let profile = fixture("cases/cn_valid/profile.json");
        run(&["check", &profile, "--policy", &p], None).and_then(|out| {
            let stderr = String::from_utf8_lossy(&out.stderr);
            (code(&out) == 2 && stderr.contains(&p) && stderr.contains("folder"))
                .then_some(())
                .ok_or(format!("exit {}: {stderr}", code(&out)))
        })
    });

    #[cfg(unix)]
    {
        // A FIFO nobody writes to: opening it would block forever.
        let fifo = dir.path().join("fifo.jpg");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            check("fifo image", unreadable_image(&fifo, "fifo"));
            check("fifo profile", unreadable_profile(&fifo, "fifo"));
        } else {
            eprintln!("skipped the FIFO case: `mkfifo` is not available");
        }

        let (a, b) = (dir.path().join("loop_a.jpg"), dir.path().join("loop_b.jpg"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        check("symlink loop image", unreadable_image(&a, "symbolic links"));
        check(
            "symlink loop profile",
            unreadable_profile(&a, "symbolic links"),
        );

        check(
            "device image",
            unreadable_image(Path::new("/dev/zero"), "device"),
        );
        check(
            "device profile",
            unreadable_profile(Path::new("/dev/urandom"), "device"),
        );

        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked.jpg");
        std::fs::copy(bad("jpeg_valid.jpg"), &locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::File::open(&locked).is_ok() {
            // root (as in many CI containers) reads whatever the mode says.
            eprintln!(
                "skipped the unreadable-file case: this process can read a file with mode 000 (running as root)"
            );
        } else {
            check(
                "unreadable image",
                unreadable_image(&locked, "permission denied"),
            );
            check(
                "unreadable profile",
                unreadable_profile(&locked, "permission denied"),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A profile of `len` bytes: a valid object padded with spaces.
fn padded_profile(len: usize) -> Vec<u8> {
    let mut p = br#"{"full_name": "ANNA ERIKSSON", "date_of_birth": "1974-08-12"}"#.to_vec();
    p.resize(len, b' ');
    p
}

#[test]
fn oversized_inputs_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    const MIB: usize = 1024 * 1024;

    // At the limit it is read; one byte over it is refused, from a file and from stdin.
    let at = dir.path().join("at_limit.json");
    std::fs::write(&at, padded_profile(MIB)).unwrap();
    let out = run(
        &["check", &at.display().to_string(), "--today", TODAY],
        None,
    )
    .unwrap();
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));

    for (name, len) in [("over_limit.json", MIB + 1), ("fifty_mb.json", 50 * MIB)] {
        let p = dir.path().join(name);
        std::fs::write(&p, padded_profile(len)).unwrap();
        let shown = p.display().to_string();
        let out = run(&["check", &shown, "--today", TODAY], None).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code(&out), 2, "{name}: {stderr}");
        assert!(
            stderr.contains(&shown) && stderr.contains("limits.max_profile_bytes"),
            "{name}: {stderr}"
        );
    }
    let out = run(
        &["check", "-", "--today", TODAY],
        Some(padded_profile(50 * MIB)),
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(code(&out), 2, "{stderr}");
    assert!(
        stderr.contains("<stdin>") && stderr.contains("1.0 MiB"),
        "{stderr}"
    );

    // A 70 MB image (sparse: no disk used) is over the 64 MiB read limit: not opened.
    let big = dir.path().join("huge.jpg");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(70 * MIB as u64).unwrap();
    let shown = big.display().to_string();
    let out = run(
        &[
            "check",
            "--id-front",
            &shown,
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        None,
    )
    .unwrap();
    assert_eq!(code(&out), 1);
    let r = report(&out).unwrap();
    let f = findings(&r, "id_front");
    let (_, too_large) = f
        .iter()
        .find(|(c, _)| *c == "FILE_TOO_LARGE")
        .unwrap_or_else(|| panic!("{f:?}"));
    let message = too_large["message"].as_str().unwrap();
    assert!(
        message.contains(&shown) && message.contains("limits.max_file_bytes"),
        "{message}"
    );
    assert_eq!(too_large["threshold"].as_f64(), Some(64.0 * MIB as f64));
    assert_eq!(f.len(), 1, "nothing else is known of an unread file: {f:?}");
}

#[test]
fn limits_come_from_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("tight.toml");
    std::fs::write(
        &policy,
        "[limits]\nmax_profile_bytes = 100\nmax_json_depth = 2\nmax_file_bytes = 1000\nmax_megapixels = 0.01\n",
    )
    .unwrap();
    let policy = policy.display().to_string();
    let profile = dir.path().join("p.json");
    std::fs::write(&profile, padded_profile(101)).unwrap();
    let out = run(
        &["check", &profile.display().to_string(), "--policy", &policy],
        None,
    )
    .unwrap();
    assert_eq!(code(&out), 2);
    std::fs::write(&profile, br#"{"document": {"mrz": []}}"#).unwrap();
    let out = run(
        &["check", &profile.display().to_string(), "--policy", &policy],
        None,
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(code(&out), 2, "{stderr}");
    assert!(
        stderr.contains(":1:22:") && stderr.contains("deeper than 2"),
        "{stderr}"
    );

    // jpeg_valid.jpg is 320×200 (0.064 MP) and over 1000 bytes.
    let jpeg = bad("jpeg_valid.jpg").display().to_string();
    std::fs::write(
        dir.path().join("file.toml"),
        "[limits]\nmax_file_bytes = 1000\n",
    )
    .unwrap();
    let (r, _) = common::check_json(
        &fixture("cases/cn_valid/profile.json"),
        &[
            "--id-front",
            &jpeg,
            "--policy",
            &dir.path().join("file.toml").display().to_string(),
        ],
    );
    let f = findings(&r, "id_front");
    assert!(f.iter().any(|(c, _)| *c == "FILE_TOO_LARGE"), "{f:?}");
    std::fs::write(
        dir.path().join("px.toml"),
        "[limits]\nmax_megapixels = 0.01\n",
    )
    .unwrap();
    let (r, _) = common::check_json(
        &fixture("cases/cn_valid/profile.json"),
        &[
            "--id-front",
            &jpeg,
            "--policy",
            &dir.path().join("px.toml").display().to_string(),
        ],
    );
    let corrupt = findings(&r, "id_front")
        .into_iter()
        .find(|(c, _)| *c == "IMAGE_CORRUPT")
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(corrupt["threshold"].as_f64(), Some(0.01));
}
