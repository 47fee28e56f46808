//! `codes`, `explain`, `policy` and `schema`.

mod common;

use common::bin;
use predicates::prelude::*;

const CONTRACT_CODES: &[&str] = &[
    "PROFILE_FIELD_MISSING",
    "PROFILE_UNKNOWN_FIELD",
    "NAME_INVALID",
    "NAME_MISMATCH",
    "DATE_INVALID",
    "DOB_IN_FUTURE",
    "AGE_BELOW_MINIMUM",
    "AGE_IMPLAUSIBLE",
    "COUNTRY_CODE_INVALID",
    "ID_NUMBER_FORMAT",
    "ID_NUMBER_CHECKSUM",
    "ID_NUMBER_DOB_MISMATCH",
    "ID_NUMBER_SEX_MISMATCH",
    "MRZ_FORMAT",
    "MRZ_CHECK_DIGIT",
    "MRZ_FIELD_MISMATCH",
    "DOC_EXPIRED",
    "DOC_EXPIRES_SOON",
    "DOC_DATES_INCONSISTENT",
    "FILE_MISSING",
    "FILE_UNREADABLE",
    "FILE_EMPTY",
    "FILE_TOO_LARGE",
    "FILE_TOO_SMALL",
    "FORMAT_UNSUPPORTED",
    "FORMAT_EXTENSION_MISMATCH",
    "IMAGE_CORRUPT",
    "IMAGE_DUPLICATE",
    "IMAGE_RESOLUTION_LOW",
    "IMAGE_BLURRY",
    "IMAGE_GLARE",
    "IMAGE_TOO_DARK",
    "IMAGE_OVEREXPOSED",
    "IMAGE_LOW_CONTRAST",
    "IMAGE_GRAYSCALE",
    "IMAGE_EDITED",
    "IMAGE_SCREENSHOT",
    "EXIF_GPS_PRESENT",
    "SELFIE_STALE",
    "DOC_NOT_FOUND",
    "DOC_CUT_OFF",
    "DOC_TOO_SMALL",
    "DOC_TILTED",
    "DOC_DATA_MISMATCH",
    "MRZ_UNREADABLE",
    "SELFIE_NO_FACE",
    "SELFIE_MULTIPLE_FACES",
    "SELFIE_FACE_TOO_SMALL",
    "SELFIE_FACE_OFF_CENTER",
    "ID_NO_PORTRAIT",
];

#[test]
fn codes_lists_every_contract_code_with_severity() {
    let out = bin().arg("codes").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for code in CONTRACT_CODES {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(code));
        let line = line.unwrap_or_else(|| panic!("{code} not listed"));
        assert!(
            ["fail", "warn", "info"].iter().any(|s| line.contains(s)),
            "{line}"
        );
    }
}

#[test]
fn codes_json_parses() {
    let out = bin()
        .args(["codes", "--format", "json", "--lang", "zh"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.as_array().unwrap().len() >= CONTRACT_CODES.len());
    assert!(
        list[0]["title"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c > '\u{2e80}')
    );
}

#[test]
fn explain_accepts_any_case_and_vendor_codes() {
    bin()
        .args(["explain", "image-blurry"])
        .assert()
        .success()
        .stdout(predicate::str::contains("IMAGE_BLURRY"));
    bin()
        .args(["explain", "sumsub:GRAPHIC_EDITOR"])
        .assert()
        .success()
        .stdout(predicate::str::contains("IMAGE_EDITED"));
    bin()
        .args(["explain", "veriff:207"])
        .assert()
        .success()
        .stdout(predicate::str::contains("DOC_EXPIRED"));
    bin()
        .args(["explain", "DOC_EXPIRD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean DOC_EXPIRED"));
}

#[test]
fn explain_in_chinese() {
    let out = bin()
        .args(["explain", "ID_NUMBER_CHECKSUM", "--lang", "zh"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("校验"), "{text}");
}

#[test]
fn policy_prints_loadable_commented_toml() {
    for name in ["default", "strict"] {
        let out = bin().args(["policy", name]).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("# "), "no comments");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, format!("base = \"{name}\"\n{text}")).unwrap();
        bin()
            .args([
                "check",
                &common::fixture("cases/cn_valid/profile.json"),
                "--today",
                common::TODAY,
            ])
            .args(["--policy", path.to_str().unwrap()])
            .assert()
            .code(predicate::in_iter([0, 1]));
    }
    bin().args(["policy", "nope"]).assert().code(2);
}

#[test]
fn schema_is_generated_and_matches_fields() {
    let out = bin().arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in ["full_name", "date_of_birth", "document", "images"] {
        assert!(props.contains_key(key), "{key}");
    }
    assert_eq!(schema["additionalProperties"], false);
}
