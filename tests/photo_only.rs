//! Photos without a profile: `check --id-front a.jpg --selfie b.jpg`, and `batch` over folders of
//! photos named by role.

mod common;

use common::{TODAY, bin, codes};
use serde_json::Value;
use std::fs;

const GLARE: &str = "fixtures/images/front_glare_r025.jpg";
const CLEAN_FRONT: &str = "fixtures/images/front_clean.jpg";
const SELFIE: &str = "fixtures/images/selfie_hopper.jpg";

fn check_json(args: &[&str]) -> (Value, i32) {
    let out = bin()
        .arg("check")
        .args(args)
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (report, out.status.code().unwrap())
}

#[test]
fn photos_are_checked_without_a_profile() {
    let (r, code) = check_json(&["--id-front", GLARE, "--selfie", SELFIE]);
    assert_eq!(code, 1);
    assert_eq!(r["profile_given"], false);
    assert_eq!(codes(&r), ["IMAGE_GLARE"]);
    let images = r["images"].as_object().unwrap();
    assert_eq!(
        images.keys().map(String::as_str).collect::<Vec<_>>(),
        ["id_front", "selfie"]
    );
    assert!(images["id_front"]["blur"].is_number());

    // A report with a profile does not carry the key (absent means given).
    let (r, _) = check_json(&["fixtures/cases/complete_id_card/profile.json"]);
    assert!(r.get("profile_given").is_none());
}

#[test]
fn text_says_the_profile_was_not_given_once() {
    for (lang, header, line) in [
        (
            "en",
            "· profile not given ·",
            "  – not given: only the photos were checked",
        ),
        ("zh", "· 资料文件 未提供 ·", "  – 未提供：只检查了照片"),
    ] {
        let out = bin()
            .args([
                "check",
                "--id-front",
                CLEAN_FRONT,
                "--today",
                TODAY,
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.lines().next().unwrap().contains(header), "{text}");
        assert_eq!(text.lines().filter(|l| *l == line).count(), 1, "{text}");
        assert!(!text.contains("PROFILE_FIELD_MISSING"), "{text}");
    }
}

#[test]
fn nothing_to_check_is_a_usage_error() {
    let out = bin().args(["check", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for wanted in ["PROFILE.json", "--id-front", "--id-back", "--selfie"] {
        assert!(err.contains(wanted), "{err}");
    }
}

#[test]
fn required_images_still_apply() {
    let (r, code) = check_json(&["--id-front", CLEAN_FRONT, "--policy", "strict"]);
    assert_eq!(code, 1);
    let missing: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FILE_MISSING")
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    // Without a profile the document type is unknown, so only the selfie is missing.
    assert_eq!(missing, ["selfie"]);
}

#[test]
fn junit_names_the_photos() {
    let out = bin()
        .args([
            "check",
            "--id-front",
            GLARE,
            "--today",
            TODAY,
            "--format",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.contains(&format!("name=\"{GLARE}\"")), "{xml}");
}

#[test]
fn batch_checks_folders_of_photos_named_by_role() {
    let out = bin()
        .args([
            "batch",
            "fixtures/diagnose",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_case = |name: &str| {
        lines
            .iter()
            .find(|l| l["case"] == name)
            .unwrap_or_else(|| panic!("no case {name}"))
    };
    for (name, code, roles) in [
        ("glare_photos", "IMAGE_GLARE", vec!["id_front", "selfie"]),
        ("blurry_photos", "IMAGE_BLURRY", vec!["id_front"]),
    ] {
        let l = by_case(name);
        assert_eq!(l["profile_given"], false, "{name}");
        assert_eq!(l["expected"], true, "{name}");
        assert_eq!(codes(l), [code], "{name}");
        let images = l["images"].as_object().unwrap();
        assert_eq!(images.keys().map(String::as_str).collect::<Vec<_>>(), roles);
    }
    // Paths are shown relative to the case folder, as the user named the files.
    assert_eq!(
        by_case("blurry_photos")["images"]["id_front"]["path"],
        "ID_FRONT.jpeg"
    );
    assert!(by_case("clean_face").get("profile_given").is_none());
}

#[test]
fn batch_text_lists_photo_cases() {
    let out = bin()
        .args(["batch", "fixtures/diagnose", "--today", TODAY])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("✓ glare_photos "), "{text}");
    assert!(text.contains("✓ blurry_photos "), "{text}");
    assert!(text.contains("PASS: all 6 cases as expected."), "{text}");
}

#[test]
fn two_photos_for_one_role_fail_that_case() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ticket");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(common::root().join(CLEAN_FRONT), dir.join("id_front.jpg")).unwrap();
    fs::copy(common::root().join(CLEAN_FRONT), dir.join("ID_Front.png")).unwrap();
    let out = bin()
        .args(["batch", tmp.path().to_str().unwrap(), "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("✗ ticket"), "{text}");
    assert!(text.contains("ID_Front.png, id_front.jpg"), "{text}");
}

#[test]
fn photos_beside_a_profile_fill_the_roles_it_leaves_out() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ticket");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        common::root().join("fixtures/cases/specimen_expired/profile.json"),
        dir.join("profile.json"),
    )
    .unwrap();
    fs::copy(common::root().join(GLARE), dir.join("id_front.JPG")).unwrap();
    fs::write(
        dir.join("expect.json"),
        r#"{"codes": ["DOC_EXPIRED", "IMAGE_GLARE"]}"#,
    )
    .unwrap();
    let out = bin()
        .args([
            "batch",
            tmp.path().to_str().unwrap(),
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["images"]["id_front"]["path"], "id_front.JPG");
    assert!(line.get("profile_given").is_none());
}
