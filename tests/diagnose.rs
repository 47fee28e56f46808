//! `diagnose --rejection`: the findings that explain a platform's rejection come first, in
//! English and Chinese, from vendor codes and from free text; a rejection nothing local explains
//! is said plainly with the causes outside a local check. Fixtures: `fixtures/diagnose/`.

mod common;

use common::{TODAY, bin};
use serde_json::Value;

fn case(name: &str) -> String {
    format!("fixtures/diagnose/{name}/profile.json")
}

/// `diagnose <args> --rejection <rejection> --today TODAY --format json`: (report, exit code).
fn diagnose_json(args: &[&str], rejection: &str) -> (Value, i32) {
    let out = bin()
        .arg("diagnose")
        .args(args)
        .args([
            "--rejection",
            rejection,
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} {rejection}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (report, code)
}

fn diagnose_text(args: &[&str], rejection: &str, lang: &str) -> (String, i32) {
    let out = bin()
        .arg("diagnose")
        .args(args)
        .args(["--rejection", rejection, "--today", TODAY, "--lang", lang])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

fn codes(report: &Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

fn causes(report: &Value) -> Vec<&str> {
    report["diagnosis"]["outside_local_check"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cause"].as_str().unwrap())
        .collect()
}

/// (fixture, rejection, the finding that must come first, the one that must follow it).
const RANKED: &[(&str, &str, &str, Option<&str>)] = &[
    // Glare: the report lists the expired passport first; the rejection puts glare first.
    (
        "expired_glare",
        "veriff:204",
        "IMAGE_GLARE",
        Some("DOC_EXPIRED"),
    ),
    (
        "expired_glare",
        "onfido:glare_on_photo",
        "IMAGE_GLARE",
        Some("DOC_EXPIRED"),
    ),
    (
        "expired_glare",
        "Glare on the document photo",
        "IMAGE_GLARE",
        Some("DOC_EXPIRED"),
    ),
    (
        "expired_glare",
        "证件照片反光",
        "IMAGE_GLARE",
        Some("DOC_EXPIRED"),
    ),
    // Expired document.
    (
        "expired_glare",
        "veriff:207",
        "DOC_EXPIRED",
        Some("IMAGE_GLARE"),
    ),
    (
        "expired_glare",
        "sumsub:EXPIRATION_DATE",
        "DOC_EXPIRED",
        Some("IMAGE_GLARE"),
    ),
    (
        "expired_glare",
        "document expired",
        "DOC_EXPIRED",
        Some("IMAGE_GLARE"),
    ),
    (
        "expired_glare",
        "证件过期",
        "DOC_EXPIRED",
        Some("IMAGE_GLARE"),
    ),
    // Name mismatch.
    (
        "name_blurry",
        "veriff:104",
        "NAME_MISMATCH",
        Some("IMAGE_BLURRY"),
    ),
    (
        "name_blurry",
        "sumsub:dataMismatch_fullName",
        "NAME_MISMATCH",
        Some("IMAGE_BLURRY"),
    ),
    (
        "name_blurry",
        "name does not match",
        "NAME_MISMATCH",
        Some("IMAGE_BLURRY"),
    ),
    (
        "name_blurry",
        "信息不匹配",
        "NAME_MISMATCH",
        Some("IMAGE_BLURRY"),
    ),
    // Blurry: the report lists the name first; the rejection puts the blur first.
    (
        "name_blurry",
        "blurry photo",
        "IMAGE_BLURRY",
        Some("NAME_MISMATCH"),
    ),
    (
        "name_blurry",
        "图片模糊",
        "IMAGE_BLURRY",
        Some("NAME_MISMATCH"),
    ),
    (
        "name_blurry",
        "jumio:BLURRED",
        "IMAGE_BLURRY",
        Some("NAME_MISMATCH"),
    ),
    (
        "name_blurry",
        "onfido:blurred_photo",
        "IMAGE_BLURRY",
        Some("NAME_MISMATCH"),
    ),
    // Edited image.
    (
        "edited_front",
        "sumsub:GRAPHIC_EDITOR",
        "IMAGE_EDITED",
        None,
    ),
    (
        "edited_front",
        "The photo was edited with Photoshop",
        "IMAGE_EDITED",
        None,
    ),
    ("edited_front", "照片修过图", "IMAGE_EDITED", None),
];

#[test]
fn the_findings_that_explain_the_rejection_come_first() {
    for &(fixture, rejection, first, second) in RANKED {
        let (r, code) = diagnose_json(&[&case(fixture)], rejection);
        let found = codes(&r);
        let what = format!("{fixture} / {rejection}: {found:?}");
        assert_eq!(found.first().copied(), Some(first), "{what}");
        assert_eq!(r["findings"][0]["explains_rejection"], true, "{what}");
        if let Some(second) = second {
            assert_eq!(found.get(1).copied(), Some(second), "{what}");
            assert!(
                r["findings"][1].get("explains_rejection").is_none(),
                "{what}"
            );
        }
        let d = &r["diagnosis"];
        assert_eq!(d["rejection"], rejection, "{what}");
        assert_eq!(d["explained"], true, "{what}");
        assert_eq!(d["matched_findings"][0], first, "{what}");
        // Exit codes as for `check`: a `fail` finding exits 1, a warning alone 0.
        let want = if r["verdict"] == "fail" { 1 } else { 0 };
        assert_eq!(code, want, "{what}");
    }
}

#[test]
fn vendor_codes_and_words_are_reported() {
    let (r, _) = diagnose_json(&[&case("expired_glare")], "veriff:204");
    let v = &r["diagnosis"]["vendor_code"];
    assert_eq!(v["vendor"], "veriff");
    assert_eq!(v["code"], "204");
    assert_eq!(v["recognised"], true);
    assert_eq!(v["wording"], "Poor image quality");
    assert!(
        v["source"]
            .as_str()
            .unwrap()
            .starts_with("https://devdocs.veriff.com/")
    );

    let (r, _) = diagnose_json(&[&case("expired_glare")], "证件照片反光");
    let d = &r["diagnosis"];
    assert_eq!(d["vendor_code"], Value::Null);
    assert_eq!(d["matched_words"][0]["word"], "反光");
    assert_eq!(d["matched_words"][0]["codes"][0], "IMAGE_GLARE");

    // An unknown vendor code is said to be unknown; the words after it still count.
    let (r, _) = diagnose_json(&[&case("expired_glare")], "veriff:999 glare");
    let d = &r["diagnosis"];
    assert_eq!(d["vendor_code"]["recognised"], false);
    assert_eq!(d["matched_findings"][0], "IMAGE_GLARE");
}

#[test]
fn a_rejection_nothing_local_explains_names_the_causes_outside() {
    let clean = case("clean_face");
    for rejection in [
        "veriff:103",
        "face does not match",
        "人脸不匹配",
        "sumsub:BAD_FACE_MATCHING",
    ] {
        let (r, code) = diagnose_json(&[&clean], rejection);
        assert_eq!(code, 0, "{rejection}");
        assert_eq!(r["diagnosis"]["explained"], false, "{rejection}");
        assert_eq!(causes(&r), ["face_match"], "{rejection}");
        let advice = r["diagnosis"]["outside_local_check"][0]["advice"]
            .as_str()
            .unwrap();
        assert!(!advice.is_empty());
    }
    for (rejection, cause) in [
        ("sumsub:DUPLICATE", "duplicate_account"),
        ("veriff:112", "risk_compliance"),
        ("veriff:206", "document_not_accepted"),
        ("verification still pending after a week", "review_backlog"),
        ("活体检测失败", "liveness"),
    ] {
        let (r, _) = diagnose_json(&[&clean], rejection);
        assert!(causes(&r).contains(&cause), "{rejection}: {:?}", causes(&r));
    }
    // Poor image quality on clean photos: recognised, but no local check finds it, and no
    // particular cause is known, so every cause outside a local check is named.
    let (r, _) = diagnose_json(&[&clean], "veriff:204");
    assert_eq!(r["diagnosis"]["explained"], false);
    assert_eq!(r["diagnosis"]["vendor_code"]["recognised"], true);
    assert_eq!(causes(&r).len(), 9);
    // Words nobody can place.
    let (r, _) = diagnose_json(&[&clean], "zzz qqq");
    assert_eq!(r["diagnosis"]["recognised"], false);
    assert_eq!(causes(&r).len(), 9);
}

#[test]
fn text_starts_with_the_rejection_in_both_languages() {
    let (text, code) = diagnose_text(&[&case("expired_glare")], "veriff:204", "en");
    assert_eq!(code, 1);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("`{s}` not found in:\n{text}"))
    };
    assert!(at("Rejection: veriff:204") < at("✗ IMAGE_GLARE"));
    assert!(at("✗ IMAGE_GLARE") < at("Other findings"));
    assert!(at("Other findings") < at("✗ DOC_EXPIRED"));
    assert!(text.contains("Veriff 204 “Poor image quality”"), "{text}");
    assert_eq!(text.matches("IMAGE_GLARE").count(), 1, "{text}");
    assert!(
        text.trim_end().ends_with("(2 fail, 0 warn, 0 info)"),
        "{text}"
    );

    let (text, _) = diagnose_text(&[&case("name_blurry")], "图片模糊", "zh");
    assert!(text.contains("拒绝原因：图片模糊"), "{text}");
    assert!(text.contains("匹配到的词：模糊 → IMAGE_BLURRY"), "{text}");
    assert!(
        text.find("✗ IMAGE_BLURRY").unwrap() < text.find("其他发现").unwrap(),
        "{text}"
    );

    let (text, code) = diagnose_text(&[&case("clean_face")], "人脸不匹配", "zh");
    assert_eq!(code, 0);
    assert!(text.contains("本地检查无法解释这次拒绝"), "{text}");
    assert!(text.contains("人脸与证件照比对"), "{text}");
    let (text, _) = diagnose_text(&[&case("clean_face")], "veriff:103", "en");
    assert!(
        text.contains("No local check explains this rejection"),
        "{text}"
    );
    assert!(text.contains("Face match against the document"), "{text}");
    assert!(
        text.contains("Other causes outside a local check: "),
        "{text}"
    );
}

#[test]
fn photos_only() {
    let (r, code) = diagnose_json(
        &[
            "--id-front",
            "fixtures/diagnose/glare_photos/id_front.jpg",
            "--selfie",
            "fixtures/diagnose/glare_photos/Selfie.JPG",
        ],
        "反光",
    );
    assert_eq!(code, 1);
    assert_eq!(r["profile_given"], false);
    assert_eq!(codes(&r), ["IMAGE_GLARE"]);
    assert_eq!(r["diagnosis"]["explained"], true);
}

#[test]
fn bad_arguments_exit_2() {
    let out = bin()
        .args(["diagnose", &case("clean_face"), "--rejection", "  "])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("veriff:204"));
    let out = bin()
        .args(["diagnose", &case("clean_face")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--rejection is required");
    let out = bin()
        .args(["diagnose", "--rejection", "veriff:204"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "nothing to check");
}

#[test]
fn junit_keeps_the_exit_code() {
    let out = bin()
        .args(["diagnose", &case("expired_glare"), "-r", "veriff:204"])
        .args(["--today", TODAY, "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<testsuites"));
}

#[test]
fn explain_uses_the_same_vendor_lookup() {
    for (code, wants) in [
        ("veriff:103", "Face match against the document"),
        ("onfido:glare_on_photo", "IMAGE_GLARE"),
        ("jumio:MISSING_BACK", "FILE_MISSING"),
        ("sumsub:DUPLICATE", "Duplicate account"),
        ("GRAPHIC_EDITOR", "IMAGE_EDITED"),
    ] {
        let out = bin().args(["explain", code]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(wants), "{code}: {text}");
    }
    let out = bin()
        .args(["explain", "veriff:103", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("人脸与证件照比对"));
    let out = bin().args(["explain", "veriff:999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
