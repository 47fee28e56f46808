//! The checks on the text read from the document (`DOC_DATA_MISMATCH`, `MRZ_UNREADABLE`),
//! through the real binary, with the reader turned on by `fixtures/reader/reader_on.toml`.
//!
//! The cases in `fixtures/reader/` are written by `fixtures/reader/generate.py` from the design
//! photos' ground truth (`fixtures/designs/documents.json`, `manifest.json`): the true profile
//! of a photo whose MRZ the engine reads exactly, and the same with one character changed in
//! one field. `cases.json` says which profile field each mismatch must name.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{bin, fixture, root};
use serde_json::{Value, json};

const POLICY: &str = "fixtures/reader/reader_on.toml";

fn cases() -> (String, Vec<Value>) {
    let text = fs::read_to_string(root().join("fixtures/reader/cases.json")).expect("cases.json");
    let json: Value = serde_json::from_str(&text).expect("cases.json is JSON");
    let today = json["today"].as_str().expect("today").to_string();
    let cases = json["cases"].as_array().expect("cases").clone();
    (today, cases)
}

/// `batch DIR --format json` with the reader on: each case's report by name.
fn batch(dir: &Path, today: &str, extra: &[&str]) -> BTreeMap<String, Value> {
    let out = bin()
        .args(["batch", &dir.display().to_string(), "--format", "json"])
        .args(["--policy", POLICY, "--today", today])
        .args(extra)
        .output()
        .expect("run kyc-precheck");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "batch failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            (v["case"].as_str().expect("case").to_string(), v)
        })
        .collect()
}

fn findings<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["code"] == code).collect())
        .unwrap_or_default()
}

fn reader_dir() -> PathBuf {
    root().join("fixtures/reader")
}

/// Every generated case: the true profile gives no mismatch; one changed character gives
/// exactly one `DOC_DATA_MISMATCH`, on the photo's role, naming the changed field; an
/// unreadable MRZ gives `MRZ_UNREADABLE` and no mismatch.
#[test]
fn one_character_differences_are_caught_and_true_profiles_pass() {
    let (today, cases) = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let reports = batch(&reader_dir(), &today, &[]);
    for case in &cases {
        let name = case["case"].as_str().expect("case name");
        let role = case["role"].as_str().expect("role");
        let report = reports
            .get(name)
            .unwrap_or_else(|| panic!("{name}: no report"));
        let mismatches = findings(report, "DOC_DATA_MISMATCH");
        if let Some(cause) = case.get("unreadable").and_then(Value::as_str) {
            let unreadable = findings(report, "MRZ_UNREADABLE");
            assert_eq!(unreadable.len(), 1, "{name}: {report}");
            assert_eq!(unreadable[0]["subject"], role, "{name}");
            assert_eq!(unreadable[0]["severity"], "warn", "{name}");
            // The likely cause the manifest records for the photo is the one named.
            let message = unreadable[0]["message"].as_str().expect("message");
            let named = if cause == "glare_over_mrz" {
                message.contains("reflection lies over the MRZ")
            } else {
                message.contains(&format!("({cause})"))
            };
            assert!(named, "{name}: expected {cause}: {message}");
            assert_eq!(report["images"][role]["text"]["status"], "unreadable");
            assert!(mismatches.is_empty(), "{name}: {mismatches:?}");
            continue;
        }
        // The photo's MRZ was read, and read as printed.
        let text = &report["images"][role]["text"];
        assert_eq!(text["status"], "read", "{name}: {text}");
        assert!(findings(report, "MRZ_UNREADABLE").is_empty(), "{name}");
        match case["mismatch"].as_str() {
            None => assert!(mismatches.is_empty(), "{name}: {mismatches:?}"),
            Some(field) => {
                assert_eq!(mismatches.len(), 1, "{name}: {mismatches:?}");
                let f = mismatches[0];
                assert_eq!(f["field"], field, "{name}");
                assert_eq!(f["subject"], role, "{name}");
                assert_eq!(f["severity"], "fail", "{name}");
                assert_eq!(report["verdict"], "fail", "{name}");
            }
        }
    }
}

/// The lines read are the printed ones (with `--show-pii`), and the report says where.
#[test]
fn the_report_shows_what_was_read_and_where() {
    let (today, cases) = cases();
    let case = cases
        .iter()
        .find(|c| c["case"] == "passport_open_clean_1__match")
        .expect("case");
    let profile = fixture("reader/passport_open_clean_1__match/profile.json");
    let run = |extra: &[&str]| -> Value {
        let out = bin()
            .args(["check", &profile, "--format", "json", "--policy", POLICY])
            .args(["--today", &today])
            .args(extra)
            .output()
            .expect("run");
        serde_json::from_slice(&out.stdout).expect("JSON report")
    };
    let shown = run(&["--show-pii"]);
    let text = &shown["images"]["id_front"]["text"];
    assert_eq!(text["kind"], "mrz");
    assert_eq!(text["format"], "TD3");
    assert_eq!(text["lines"], case["mrz"]);
    let confidence = text["confidence"].as_f64().expect("confidence");
    assert!(confidence > 0.5 && confidence <= 1.0, "{confidence}");
    // The MRZ lies in the lower part of the document outline (1280 x 960 photo).
    let b = &text["box"];
    let (y, h) = (b["y"].as_f64().unwrap(), b["height"].as_f64().unwrap());
    let corners = shown["images"]["id_front"]["document"]["corners"]
        .as_array()
        .expect("outline");
    let doc_ys: Vec<f64> = corners.iter().map(|c| c[1].as_f64().unwrap()).collect();
    let (top, bottom) = (
        doc_ys.iter().copied().fold(f64::MAX, f64::min),
        doc_ys.iter().copied().fold(f64::MIN, f64::max),
    );
    assert!(
        y > top + 0.5 * (bottom - top) && y + h <= bottom + 5.0,
        "{b} in {top}..{bottom}"
    );
    assert_eq!(text["quad"].as_array().map(Vec::len), Some(4));

    // Masked by default: no line of the MRZ, and no name or number, appears anywhere.
    let masked = run(&[]);
    let lines = masked["images"]["id_front"]["text"]["lines"]
        .as_array()
        .expect("lines");
    assert_eq!(lines.len(), 2);
    let all = masked.to_string();
    for secret in ["LINDQVIST", "X47T81650", "ASTRID"] {
        assert!(!all.contains(secret), "{secret} leaked: {all}");
    }
    for line in case["mrz"].as_array().unwrap() {
        assert!(!all.contains(line.as_str().unwrap()), "MRZ line leaked");
    }
}

/// The mismatch message names the differing character, masked unless `--show-pii`, in text
/// and JSON alike.
#[test]
fn mismatch_messages_name_the_character_and_mask_it() {
    let (today, _) = cases();
    let profile = fixture("reader/passport_open_clean_1__number/profile.json");
    let run = |format: &str, extra: &[&str]| -> String {
        let out = bin()
            .args(["check", &profile, "--format", format, "--policy", POLICY])
            .args(["--today", &today])
            .args(extra)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    // Printed X47T81650, typed X47T81651 (generate.py changes the last character).
    for format in ["json", "text"] {
        let shown = run(format, &["--show-pii"]);
        assert!(shown.contains("DOC_DATA_MISMATCH"), "{shown}");
        assert!(
            shown.contains("X47T81650") && shown.contains("X47T81651"),
            "{format}: {shown}"
        );
        assert!(shown.contains("character 9"), "{format}: {shown}");
        let masked = run(format, &[]);
        assert!(masked.contains("character 9"), "{format}: {masked}");
        assert!(
            !masked.contains("X47T81650") && !masked.contains("X47T81651"),
            "{format}: {masked}"
        );
    }
}

/// Without a profile, the MRZ read from the photo is still judged: its expiry date.
#[test]
fn photo_only_judges_the_expiry_the_mrz_prints() {
    // passport_open prints expiry 2029-08-19 (documents.json).
    let photo = fixture("designs/passport_open_clean_1.jpg");
    let run = |today: &str| -> Value {
        let out = bin()
            .args(["check", "--id-front", &photo, "--format", "json"])
            .args(["--policy", POLICY, "--today", today])
            .output()
            .expect("run");
        serde_json::from_slice(&out.stdout).expect("JSON report")
    };
    let later = run("2030-01-15");
    let expired = findings(&later, "DOC_EXPIRED");
    assert_eq!(expired.len(), 1, "{later}");
    assert_eq!(expired[0]["subject"], "id_front");
    assert_eq!(expired[0]["field"], "document.expiry_date");
    assert!(
        expired[0]["message"]
            .as_str()
            .unwrap()
            .contains("2029-08-19"),
        "{later}"
    );
    let soon = run("2029-08-01");
    assert_eq!(findings(&soon, "DOC_EXPIRES_SOON").len(), 1, "{soon}");
    let valid = run("2026-12-01");
    assert!(findings(&valid, "DOC_EXPIRED").is_empty(), "{valid}");
    assert!(findings(&valid, "DOC_EXPIRES_SOON").is_empty(), "{valid}");
    assert!(findings(&valid, "DOC_DATA_MISMATCH").is_empty(), "{valid}");
}

/// With the reader off (the default policy), nothing is read and nothing is judged.
#[test]
fn default_policy_reads_nothing() {
    let (today, _) = cases();
    let out = bin()
        .args([
            "check",
            &fixture("reader/passport_open_clean_1__number/profile.json"),
            "--format",
            "json",
            "--today",
            &today,
        ])
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(report["images"]["id_front"].get("text").is_none());
    assert!(findings(&report, "DOC_DATA_MISMATCH").is_empty());
}

/// Every design photo checked with its design's true profile: no `DOC_DATA_MISMATCH` at all,
/// while the reader reads at least as many MRZs as tests/reader.rs's floor (so the comparison
/// did run).
#[test]
fn no_false_mismatch_over_every_design_photo() {
    let designs = root().join("fixtures/designs");
    let docs: Value =
        serde_json::from_str(&fs::read_to_string(designs.join("documents.json")).unwrap()).unwrap();
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(designs.join("manifest.json")).unwrap()).unwrap();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut n = 0;
    for f in manifest["files"].as_array().expect("files") {
        let Some(profile) = docs["designs"]
            .get(f["design"].as_str().unwrap_or(""))
            .map(|d| d["profile"].clone())
        else {
            continue;
        };
        let name = f["name"].as_str().expect("name");
        let role = f["role"].as_str().expect("role");
        let mut profile = profile;
        profile["images"] = json!({ role: designs.join(name).display().to_string() });
        let dir = tmp.path().join(name.trim_end_matches(".jpg"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("profile.json"), profile.to_string()).unwrap();
        n += 1;
    }
    assert!(n >= 350, "{n} photos with a profile");
    let today = docs["today_for_checks"].as_str().expect("today");
    let reports = batch(tmp.path(), today, &[]);
    assert_eq!(reports.len(), n);
    let mut read = 0;
    let mut unreadable = 0;
    for (case, report) in &reports {
        let mismatches = findings(report, "DOC_DATA_MISMATCH");
        assert!(mismatches.is_empty(), "{case}: {mismatches:?}");
        for image in report["images"].as_object().unwrap().values() {
            match image["text"]["status"].as_str() {
                Some("read") => read += 1,
                Some("unreadable") => unreadable += 1,
                _ => {}
            }
        }
    }
    eprintln!("{n} photos: {read} MRZs read, {unreadable} unreadable");
    assert!(read >= 50, "only {read} MRZs read");
}

/// The HTML report draws the MRZ's outline and shows the reading, masked unless `--show-pii`;
/// the text report prints the reading masked too.
#[test]
fn html_and_text_show_the_reading_masked() {
    let (today, _) = cases();
    let profile = fixture("reader/passport_open_clean_1__match/profile.json");
    let run = |format: &str, extra: &[&str]| -> String {
        let out = bin()
            .args(["check", &profile, "--format", format, "--policy", POLICY])
            .args(["--today", &today])
            .args(extra)
            .output()
            .expect("run");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let masked = run("html", &[]);
    assert!(masked.contains(r#"data-kind="text""#), "no MRZ overlay");
    assert!(masked.contains("text-read"), "no reading line");
    for secret in ["LINDQVIST", "X47T81650", "ASTRID"] {
        assert!(!masked.contains(secret), "{secret} in the HTML");
    }
    let shown = run("html", &["--show-pii"]);
    assert!(shown.contains("UTOLINDQVIST"), "reading not shown");
    assert!(shown.contains("X47T816505UTO8305170F2908199"));
    let text = run("text", &[]);
    assert!(text.contains("MRZ TD3 read"), "{text}");
    assert!(
        !text.contains("LINDQVIST") && !text.contains("X47T81650"),
        "{text}"
    );
    let text = run("text", &["--show-pii"]);
    assert!(text.contains("P<UTOLINDQVIST<<ASTRID<ELIN"), "{text}");
}
