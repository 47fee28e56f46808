//! `--format json`: the contract's report, one JSON object.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::{RenderOptions, finding_advice, finding_message};
use crate::report::{ImageReport, Report};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    severity: &'static str,
    subject: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    message: String,
    advice: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    measured: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<f64>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    vendor_codes: &'static [&'static str],
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    tool: Tool,
    verdict: &'static str,
    /// `false` when only photos were checked, without a profile; absent when a profile was given.
    #[serde(skip_serializing_if = "is_true")]
    profile_given: bool,
    findings: Vec<JsonFinding<'a>>,
    images: BTreeMap<&'static str, &'a ImageReport>,
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The report as a JSON value (batch adds `case`/`expected` keys to it).
pub fn to_value(report: &Report, opts: &RenderOptions) -> Value {
    let findings = report
        .findings
        .iter()
        .map(|f| JsonFinding {
            code: f.code.as_str(),
            severity: f.severity.as_str(),
            subject: f.subject.as_str(),
            field: f.field.as_deref(),
            message: finding_message(f, opts.lang, opts.show_pii),
            advice: finding_advice(f, opts.lang),
            measured: f.measured.filter(|v| v.is_finite()),
            threshold: f.threshold.filter(|v| v.is_finite()),
            vendor_codes: f.code.vendor_codes(),
        })
        .collect();
    let report = JsonReport {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        verdict: report.verdict().as_str(),
        profile_given: !report.without_profile,
        findings,
        images: report.images.iter().map(|(s, r)| (s.as_str(), r)).collect(),
    };
    let mut value = serde_json::to_value(report).unwrap_or_else(|_| Value::Object(Map::new()));
    if !opts.show_pii {
        mask_text(&mut value);
    }
    value
}

/// Mask the lines read from each document (`images.<role>.text.lines`).
fn mask_text(value: &mut Value) {
    let Some(images) = value.get_mut("images").and_then(Value::as_object_mut) else {
        return;
    };
    for image in images.values_mut() {
        if let Some(lines) = image
            .get_mut("text")
            .and_then(|t| t.get_mut("lines"))
            .and_then(Value::as_array_mut)
        {
            for line in lines.iter_mut() {
                if let Some(s) = line.as_str() {
                    *line = Value::String(crate::messages::mask(s));
                }
            }
        }
    }
}

/// Pretty JSON with a trailing newline.
pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(report, opts)).unwrap_or_default();
    s.push('\n');
    s
}
