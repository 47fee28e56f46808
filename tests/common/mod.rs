//! Helpers shared by the integration tests: run the real binary with a fixed date and no
//! colour, and read its JSON report.

#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

/// The date every fixture is checked against.
pub const TODAY: &str = "2026-11-22";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> String {
    root().join("fixtures").join(rel).display().to_string()
}

/// The binary with a clean environment: English, no colour, run from the crate root.
pub fn bin() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("kyc-precheck");
    cmd.current_dir(root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd
}

/// `check <profile> --today TODAY --format json` plus extra args: (report, exit code).
pub fn check_json(profile: &str, extra: &[&str]) -> (Value, i32) {
    let out = bin()
        .args(["check", profile, "--today", TODAY, "--format", "json"])
        .args(extra)
        .output()
        .expect("run kyc-precheck");
    let code = out.status.code().expect("exit code");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (report, code)
}

/// The codes in a report, in order.
pub fn codes(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}
