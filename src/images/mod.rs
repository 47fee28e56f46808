//! Image checks: each file is read once, then checked for existence, size and format.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
use crate::policy::Policy;
use crate::report::ImageReport;

/// One image to check.
#[derive(Clone, Debug)]
pub struct ImageInput {
    pub subject: Subject,
    /// Where to read it.
    pub path: PathBuf,
    /// How to name it in the report (as the user wrote it).
    pub display: String,
}

/// Check every image; metrics for each one that could be read.
pub fn check_images(
    inputs: &[ImageInput],
    policy: &Policy,
    _today: NaiveDate,
) -> (Vec<Finding>, BTreeMap<Subject, ImageReport>) {
    let mut findings = Vec::new();
    let mut reports = BTreeMap::new();
    for input in inputs {
        let bytes = match std::fs::read(&input.path) {
            Ok(b) => b,
            Err(e) => {
                findings.push(Finding::new(Code::FileUnreadable, input.subject).detail(
                    "file.unreadable",
                    [Arg::text(input.display.clone()), Arg::text(e.to_string())],
                ));
                continue;
            }
        };
        let report = ImageReport {
            path: input.display.clone(),
            bytes: bytes.len() as u64,
            ..ImageReport::default()
        };
        findings.extend(size_findings(input, bytes.len() as u64, policy));
        reports.insert(input.subject, report);
    }
    (findings, reports)
}

fn size_findings(input: &ImageInput, len: u64, policy: &Policy) -> Option<Finding> {
    let f = |code| Finding::new(code, input.subject);
    if len == 0 {
        return Some(f(Code::FileEmpty).detail("file.empty", [Arg::text(input.display.clone())]));
    }
    if len > policy.files.max_bytes {
        return Some(
            f(Code::FileTooLarge)
                .detail(
                    "file.too_large",
                    [Arg::Num(mib(len)), Arg::Num(mib(policy.files.max_bytes))],
                )
                .measured(len as f64, policy.files.max_bytes as f64),
        );
    }
    if len < policy.files.min_bytes {
        return Some(
            f(Code::FileTooSmall)
                .detail(
                    "file.too_small",
                    [Arg::Num(kib(len)), Arg::Num(kib(policy.files.min_bytes))],
                )
                .measured(len as f64, policy.files.min_bytes as f64),
        );
    }
    None
}

fn mib(n: u64) -> f64 {
    (n as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0
}

fn kib(n: u64) -> f64 {
    (n as f64 / 1024.0).round()
}
