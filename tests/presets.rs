//! Platform presets: every preset loads, `policy NAME` round-trips through the TOML loader,
//! `policy --list` shows every preset with its source, and each preset applies the numbers the
//! platform publishes (the expectations below are the platforms' own figures, not the code's).

mod common;

use common::{TODAY, bin, fixture};
use kyc_precheck::policy::Policy;
use serde_json::Value;
use std::fs;

/// Every platform preset, as the README and `policy --list` promise them.
const PRESETS: &[&str] = &[
    "kraken",
    "okx",
    "sumsub",
    "veriff",
    "onfido",
    "jumio",
    "complycube",
];

fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `check` JSON with a policy: (findings as (code, severity, subject), exit code).
fn check(args: &[&str], policy: &str) -> (Vec<(String, String, String)>, i32) {
    let out = bin()
        .arg("check")
        .args(args)
        .args(["--policy", policy, "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{policy}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let findings = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("code"), s("severity"), s("subject"))
        })
        .collect();
    (findings, out.status.code().unwrap())
}

fn severity_of(findings: &[(String, String, String)], code: &str) -> Option<String> {
    findings.iter().find(|f| f.0 == code).map(|f| f.1.clone())
}

#[test]
fn policy_list_shows_every_preset_with_its_source_and_date() {
    let text = stdout(&["policy", "--list"]);
    let lines: Vec<&str> = text.lines().collect();
    for name in ["default", "strict"].iter().chain(PRESETS) {
        assert!(
            lines.iter().any(|l| l.starts_with(&format!("{name} "))),
            "{name} not listed:\n{text}"
        );
    }
    for name in PRESETS {
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{name} ")))
            .unwrap();
        let source = lines.get(at + 1).copied().unwrap_or("");
        assert!(source.contains("source: https://"), "{name}: {source}");
        assert!(source.contains("read 2026-12-01"), "{name}: {source}");
    }
    let zh = stdout(&["policy", "--list", "--lang", "zh"]);
    assert!(zh.contains("来源: https://support.kraken.com/"), "{zh}");
    assert!(zh.contains("全彩"), "{zh}");
}

#[test]
fn every_preset_prints_its_sources_and_round_trips_through_the_loader() {
    let tmp = tempfile::tempdir().unwrap();
    for name in PRESETS {
        let text = stdout(&["policy", name]);
        assert!(
            text.starts_with(&format!("# Platform preset `{name}`")),
            "{text}"
        );
        assert!(
            text.contains("# Sources:") && text.contains("read 2026-12-01"),
            "{text}"
        );
        assert!(text.contains(&format!("name = \"{name}\"")), "{name}");

        // The printed TOML is a policy file that gives back the same policy…
        let back = Policy::from_toml(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, Policy::preset(name).unwrap(), "{name}");
        // …and the binary checks the same with the file as with the name.
        let path = tmp.path().join(format!("{name}.toml"));
        fs::write(&path, &text).unwrap();
        let profile = fixture("cases/complete_id_card/profile.json");
        let by_name = check(&[&profile], name);
        let by_file = check(&[&profile], path.to_str().unwrap());
        assert_eq!(by_name, by_file, "{name}");
    }
}

#[test]
fn a_user_policy_can_start_from_a_preset() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("mine.toml");
    fs::write(&path, "base = \"kraken\"\n[profile]\nmin_age = 21\n").unwrap();
    let p = Policy::load(path.to_str().unwrap()).unwrap();
    assert_eq!(p.profile.min_age, 21);
    assert_eq!(p.files.max_bytes, 5_000_000);
}

#[test]
fn unknown_preset_names_every_preset() {
    let out = bin().args(["policy", "binance"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for name in PRESETS {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn formats_the_platforms_accept() {
    let webp = fixture("images/fmt_webp.webp");
    // Veriff lists .webp; Kraken (JPG, PNG, PDF) and the default do not.
    let (f, _) = check(&["--id-front", &webp], "veriff");
    assert_eq!(severity_of(&f, "FORMAT_UNSUPPORTED"), None, "{f:?}");
    for policy in [
        "kraken",
        "default",
        "onfido",
        "jumio",
        "complycube",
        "sumsub",
    ] {
        let (f, code) = check(&["--id-front", &webp], policy);
        assert_eq!(
            severity_of(&f, "FORMAT_UNSUPPORTED").as_deref(),
            Some("fail"),
            "{policy}: {f:?}"
        );
        assert_eq!(code, 1);
    }
}

/// A copy of a clean JPEG padded to `size` bytes (decoders ignore data after the image).
fn padded_jpeg(dir: &std::path::Path, size: usize) -> String {
    let mut bytes = fs::read(fixture("images/front_clean.jpg")).unwrap();
    assert!(bytes.len() < size);
    bytes.resize(size, 0);
    let path = dir.join(format!("front_{size}.jpg"));
    fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn size_limits_the_platforms_state() {
    let tmp = tempfile::tempdir().unwrap();
    // Kraken: "less than 5MB"; Jumio: 5 MB of base64 (3.75 MB of file); ComplyCube: 4 MB.
    for (policy, limit) in [
        ("kraken", 5_000_000),
        ("jumio", 3_750_000),
        ("complycube", 4_000_000),
        ("onfido", 10_000_000),
    ] {
        let under = padded_jpeg(tmp.path(), limit - 1000);
        let over = padded_jpeg(tmp.path(), limit + 1);
        let (f, _) = check(&["--id-front", &under], policy);
        assert_eq!(
            severity_of(&f, "FILE_TOO_LARGE"),
            None,
            "{policy} under the limit"
        );
        let (f, code) = check(&["--id-front", &over], policy);
        assert_eq!(
            severity_of(&f, "FILE_TOO_LARGE").as_deref(),
            Some("fail"),
            "{policy} over the limit"
        );
        assert_eq!(code, 1);
    }
    // ComplyCube refuses files under 34 KB; by default a small file is only a warning.
    let tiny = fixture("images/tiny_200x126.jpg");
    let (f, _) = check(&["--id-front", &tiny], "complycube");
    assert_eq!(severity_of(&f, "FILE_TOO_SMALL").as_deref(), Some("fail"));
    let (f, _) = check(&["--id-front", &tiny], "default");
    assert_eq!(severity_of(&f, "FILE_TOO_SMALL").as_deref(), Some("warn"));
}

#[test]
fn image_rules_the_platforms_state() {
    // Kraken rejects an ID "rotated sideways"; ComplyCube "must not take the image at an angle".
    let sideways = fixture("images/doc_rot90.jpg");
    for (policy, want) in [
        ("kraken", "fail"),
        ("complycube", "fail"),
        ("default", "warn"),
    ] {
        let (f, _) = check(&["--id-front", &sideways], policy);
        assert_eq!(
            severity_of(&f, "DOC_TILTED").as_deref(),
            Some(want),
            "{policy}: {f:?}"
        );
    }
    // OKX and Sumsub: not edited with image software.
    let edited = fixture("images/exif_photoshop.jpg");
    for (policy, want) in [("okx", "fail"), ("sumsub", "fail"), ("default", "warn")] {
        let (f, _) = check(&["--id-front", &edited], policy);
        assert_eq!(
            severity_of(&f, "IMAGE_EDITED").as_deref(),
            Some(want),
            "{policy}"
        );
    }
}

#[test]
fn validity_and_required_images() {
    // Sumsub: "valid for at least one month from the date of upload".
    let soon = fixture("cases/expiring_soon/profile.json");
    let (f, code) = check(&[&soon], "sumsub");
    assert_eq!(severity_of(&f, "DOC_EXPIRES_SOON").as_deref(), Some("fail"));
    assert_eq!(code, 1);
    let (f, _) = check(&[&soon], "default");
    assert_eq!(severity_of(&f, "DOC_EXPIRES_SOON").as_deref(), Some("warn"));

    // Only a front photo: OKX, Veriff and ComplyCube also want a selfie; Kraken, Sumsub,
    // Onfido and Jumio do not require one.
    let front = fixture("images/front_clean.jpg");
    for (policy, selfie_required) in [
        ("okx", true),
        ("veriff", true),
        ("complycube", true),
        ("kraken", false),
        ("sumsub", false),
        ("onfido", false),
        ("jumio", false),
    ] {
        let (f, _) = check(&["--id-front", &front], policy);
        let missing: Vec<&str> = f
            .iter()
            .filter(|x| x.0 == "FILE_MISSING")
            .map(|x| x.2.as_str())
            .collect();
        let want: &[&str] = if selfie_required { &["selfie"] } else { &[] };
        assert_eq!(missing, want, "{policy}");
    }
    // A national ID card: the back side, where the platform asks for both sides.
    let card = fixture("cases/complete_id_card/profile.json");
    let tmp = tempfile::tempdir().unwrap();
    let mut profile: Value = serde_json::from_str(&fs::read_to_string(&card).unwrap()).unwrap();
    profile["images"] = serde_json::json!({"id_front": fixture("images/front_clean.jpg")});
    let path = tmp.path().join("profile.json");
    fs::write(&path, profile.to_string()).unwrap();
    for (policy, back_required) in [("kraken", true), ("sumsub", true), ("jumio", false)] {
        let (f, _) = check(&[path.to_str().unwrap()], policy);
        let back = f.iter().any(|x| x.0 == "FILE_MISSING" && x.2 == "id_back");
        assert_eq!(back, back_required, "{policy}: {f:?}");
    }
}
