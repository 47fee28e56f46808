//! The binary over the profile fixtures: the JSON report (snapshot), the exit code, and the
//! text report in both languages (snapshots).

mod common;

use common::{TODAY, bin, check_json, codes, fixture};

/// (case, exit code, codes expected in the report, in report order)
const CASES: &[(&str, i32, &[&str])] = &[
    ("specimen_expired", 1, &["DOC_EXPIRED"]),
    ("cn_valid", 0, &[]),
    ("underage", 1, &["AGE_BELOW_MINIMUM"]),
    ("turns_18_today", 0, &[]),
    ("expiring_soon", 0, &["DOC_EXPIRES_SOON"]),
    (
        "bad_dates",
        1,
        &["DATE_INVALID", "DATE_INVALID", "DATE_INVALID"],
    ),
    (
        "typos_and_types",
        1,
        &[
            "PROFILE_FIELD_MISSING",
            "PROFILE_FIELD_MISSING",
            "PROFILE_FIELD_TYPE",
            "PROFILE_FIELD_TYPE",
            "PROFILE_FIELD_TYPE",
            "PROFILE_FIELD_TYPE",
            "COUNTRY_CODE_INVALID",
            "PROFILE_UNKNOWN_FIELD",
            "PROFILE_UNKNOWN_FIELD",
        ],
    ),
    (
        "dates_inconsistent",
        1,
        &[
            "DOC_EXPIRED",
            "DOC_DATES_INCONSISTENT",
            "DOC_DATES_INCONSISTENT",
        ],
    ),
    (
        "name_problems",
        1,
        &["NAME_INVALID", "NAME_INVALID", "NAME_INVALID"],
    ),
    ("future_birth", 1, &["DOB_IN_FUTURE"]),
    ("mrz_td1_specimen", 0, &[]),
    ("complete_id_card", 0, &[]),
    (
        "mrz_check_digit",
        1,
        &["MRZ_CHECK_DIGIT", "MRZ_CHECK_DIGIT"],
    ),
    (
        "mrz_mismatch",
        1,
        &[
            "NAME_MISMATCH",
            "MRZ_FIELD_MISMATCH",
            "MRZ_FIELD_MISMATCH",
            "MRZ_FIELD_MISMATCH",
            "MRZ_FIELD_MISMATCH",
            "DOC_EXPIRED",
        ],
    ),
    (
        "mrz_ocr_confusion",
        1,
        &["MRZ_FORMAT", "MRZ_FORMAT", "DOC_EXPIRED"],
    ),
    ("cn_id_checksum", 1, &["ID_NUMBER_CHECKSUM"]),
    (
        "cn_id_dob_sex_mismatch",
        1,
        &["ID_NUMBER_DOB_MISMATCH", "ID_NUMBER_SEX_MISMATCH"],
    ),
    ("pinyin_mismatch", 0, &["NAME_MISMATCH"]),
    ("es_dni_letter", 1, &["ID_NUMBER_CHECKSUM"]),
];

#[test]
fn each_case_gives_its_codes_and_exit_code() {
    for (case, exit, expected) in CASES {
        let (report, code) = check_json(&fixture(&format!("cases/{case}/profile.json")), &[]);
        assert_eq!(codes(&report), *expected, "{case}: {report:#}");
        assert_eq!(code, *exit, "{case}");
        let verdict = report["verdict"].as_str().unwrap();
        let want = if *exit == 1 {
            "fail"
        } else if expected.is_empty() {
            "pass"
        } else {
            "warn"
        };
        assert_eq!(verdict, want, "{case}");
    }
}

#[test]
fn json_reports_match_snapshots() {
    for (case, _, _) in CASES {
        // Run from the fixtures folder so the snapshot holds no machine-specific path.
        let out = bin()
            .current_dir(common::root().join("fixtures/cases").join(case))
            .args([
                "check",
                "profile.json",
                "--today",
                TODAY,
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let json = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(format!("json_{case}"), json);
    }
}

#[test]
fn text_reports_match_snapshots_in_both_languages() {
    for case in [
        "specimen_expired",
        "typos_and_types",
        "bad_dates",
        "expiring_soon",
        "cn_valid",
        "mrz_mismatch",
        "cn_id_dob_sex_mismatch",
    ] {
        for lang in ["en", "zh"] {
            let out = bin()
                .current_dir(common::root().join("fixtures/cases").join(case))
                .args(["check", "profile.json", "--today", TODAY, "--lang", lang])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            insta::assert_snapshot!(format!("text_{case}_{lang}"), text);
        }
    }
}

#[test]
fn json_report_has_contract_shape() {
    let (r, _) = check_json(&fixture("cases/specimen_expired/profile.json"), &[]);
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["schema_version", "tool", "verdict", "findings", "images"]
    );
    assert_eq!(r["schema_version"], 1);
    assert_eq!(r["tool"]["name"], "kyc-precheck");
    let f = &r["findings"][0];
    for key in ["code", "severity", "subject", "message", "advice"] {
        assert!(f[key].is_string(), "{key} missing in {f}");
    }
    assert_eq!(f["measured"], -5334.0);
    assert!(
        f["vendor_codes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "veriff:207")
    );
}

#[test]
fn strict_makes_warnings_exit_1() {
    let p = fixture("cases/expiring_soon/profile.json");
    assert_eq!(check_json(&p, &[]).1, 0);
    assert_eq!(check_json(&p, &["--strict"]).1, 1);
}

#[test]
fn lang_env_selects_chinese() {
    let out = bin()
        .env("LANG", "zh_CN.UTF-8")
        .args([
            "check",
            &fixture("cases/specimen_expired/profile.json"),
            "--today",
            TODAY,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("不通过"), "{text}");
}

#[test]
fn policy_file_changes_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, "[profile]\nmin_age = 21\nexpiry_warn_days = 5\n").unwrap();
    let p = fixture("cases/turns_18_today/profile.json");
    let (r, code) = check_json(&p, &["--policy", policy.to_str().unwrap()]);
    assert_eq!(codes(&r), ["AGE_BELOW_MINIMUM"]);
    assert_eq!(code, 1);
    assert_eq!(r["findings"][0]["threshold"], 21.0);
    let (r, code) = check_json(
        &fixture("cases/expiring_soon/profile.json"),
        &["--policy", policy.to_str().unwrap()],
    );
    assert!(codes(&r).is_empty() && code == 0, "{r}");
}

#[test]
fn severity_override_in_policy() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, "[severity]\nDOC_EXPIRES_SOON = \"fail\"\n").unwrap();
    let (r, code) = check_json(
        &fixture("cases/expiring_soon/profile.json"),
        &["--policy", policy.to_str().unwrap()],
    );
    assert_eq!(r["findings"][0]["severity"], "fail");
    assert_eq!(code, 1);
}

#[test]
fn pii_is_masked_unless_asked() {
    let p = fixture("cases/mrz_mismatch/profile.json");
    let (masked, _) = check_json(&p, &[]);
    let text = masked.to_string();
    for secret in ["L898902C3", "L898902C8", "ERIKSSON", "ANNA"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    let (shown, _) = check_json(&p, &["--show-pii"]);
    assert!(shown.to_string().contains("L898902C8"));
    let out = bin()
        .args(["check", &p, "--today", TODAY])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("L898902C") && !text.contains("ERIKSSON"),
        "{text}"
    );
}
