//! `--format junit`: JUnit XML, the test-report format every CI system renders (GitHub Actions
//! reporters, GitLab `artifacts:reports:junit`, Jenkins, Azure Pipelines, CircleCI).
//!
//! One `<testsuites>` holding one `<testsuite name="kyc-precheck">`; one `<testcase>` per
//! profile (`check`) or per case (`batch`). A likely rejection or an unmet `expect.json` is a
//! `<failure>`; a case that could not be checked at all (unreadable profile, invalid JSON,
//! invalid `expect.json`) is an `<error>`. Both carry a one-line `message`, a `type` and the full
//! reasons as text; failed cases also get their text report as `<system-out>`. No timestamp or
//! host name is written: reports stay reproducible and say nothing about the machine.

use quick_junit::{
    NonSuccessKind, Property, Report as JunitReport, TestCase, TestCaseStatus, TestSuite,
};
use std::time::Duration;

use super::{RenderOptions, finding_message};
use crate::batch::output::{BatchRender, codes_summary, failure_lines, verdict_word};
use crate::batch::{BatchResult, CaseResult, Status};
use crate::finding::Severity;
use crate::report::Report;

/// The name of the report and of its one test suite.
pub const SUITE: &str = "kyc-precheck";

fn serialize(mut report: JunitReport, suite: TestSuite, time: Duration) -> String {
    report.set_time(time);
    report.add_test_suite(suite);
    report.to_string().unwrap_or_default()
}

fn failure(kind: NonSuccessKind, ty: &str, message: String, description: String) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(kind);
    status
        .set_type(ty)
        .set_message(message)
        .set_description(description);
    status
}

/// `check --format junit`: one test case, failed when the report is a likely rejection.
pub fn check(report: &Report, opts: &RenderOptions, strict: bool, elapsed: Duration) -> String {
    let status = if report.is_rejection(strict) {
        let worst = if strict {
            Severity::Warn
        } else {
            Severity::Fail
        };
        let description = report
            .findings
            .iter()
            .filter(|f| f.severity >= worst)
            .map(|f| {
                format!(
                    "{} {} ({}): {}",
                    f.severity,
                    f.code,
                    f.field.as_deref().unwrap_or(f.subject.as_str()),
                    finding_message(f, opts.lang, opts.show_pii)
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        failure(
            NonSuccessKind::Failure,
            "likely_rejection",
            format!(
                "verdict {}: {}",
                report.verdict().as_str(),
                codes_summary(report)
            ),
            description,
        )
    } else {
        TestCaseStatus::success()
    };
    let mut case = TestCase::new(opts.profile_name.as_str(), status);
    case.set_classname(SUITE)
        .set_time(elapsed)
        .set_system_out(super::text::render(report, opts));
    let mut suite = TestSuite::new(SUITE);
    suite
        .set_time(elapsed)
        .add_properties([
            Property::new("policy", opts.policy_name.as_str()),
            Property::new("today", opts.today.as_str()),
        ])
        .add_test_case(case);
    serialize(JunitReport::new(SUITE), suite, elapsed)
}

/// `batch --format junit`: one test case per case, in case order.
pub fn batch(result: &BatchResult, opts: &BatchRender) -> String {
    let mut suite = TestSuite::new(SUITE);
    suite.set_time(result.elapsed).add_properties([
        Property::new("dir", result.dir.as_str()),
        Property::new("policy", opts.policy_name.as_str()),
        Property::new("today", opts.today.as_str()),
    ]);
    if let Some(shard) = result.shard {
        suite.add_property(Property::new("shard", shard.to_string()));
    }
    for case in &result.cases {
        suite.add_test_case(test_case(case, opts));
    }
    serialize(JunitReport::new(SUITE), suite, result.elapsed)
}

fn test_case(case: &CaseResult, opts: &BatchRender) -> TestCase {
    let reasons = failure_lines(case, opts.lang, opts.show_pii);
    let first = reasons.first().cloned().unwrap_or_default();
    let codes = case.report.as_ref().map(codes_summary).unwrap_or_default();
    let status = match case.status() {
        Status::Passed => TestCaseStatus::success(),
        Status::Mismatch => {
            // The diff lines after the heading, joined: "- NAME_MISMATCH expected, not found; ~ verdict ...".
            let diff: Vec<String> = reasons
                .iter()
                .skip(1)
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            failure(
                NonSuccessKind::Failure,
                "expectation_mismatch",
                format!("expect.json not met: {}", diff.join("; ")),
                reasons.join("\n"),
            )
        }
        Status::Rejected => failure(
            NonSuccessKind::Failure,
            "likely_rejection",
            format!("verdict {}: {codes}", verdict_word(case)),
            reasons.join("\n"),
        ),
        Status::Error => failure(
            NonSuccessKind::Error,
            "case_error",
            first,
            reasons.join("\n"),
        ),
    };
    let mut tc = TestCase::new(case.case.name.as_str(), status);
    tc.set_classname(SUITE).set_time(case.elapsed);
    if !case.passed()
        && let Some(report) = &case.report
    {
        tc.set_system_out(super::text::render(report, &opts.case_options(case)));
    }
    tc
}
