//! `expect.json`: what a case's report must show, and the comparison with what it shows.
//!
//! ```json
//! {"codes": ["DATE_INVALID", "DATE_INVALID"], "absent": ["DOC_EXPIRED"], "verdict": "fail"}
//! ```
//!
//! Every key is optional (`{}` accepts any report):
//! - `codes` is a multiset of codes that must appear: each entry needs its own finding, so a
//!   code listed twice needs at least two findings with it. More findings than listed are fine,
//!   and so are codes not listed: `codes` says what must be there, not everything that is.
//! - `absent`: codes that must not appear at all.
//! - `verdict`: `pass`, `warn` or `fail`, compared exactly.
//!
//! Codes are matched by name in any case (`doc_expired`), like `explain`. Unknown keys, unknown
//! codes (with the nearest code as a hint), a code both required and absent, and JSON that is not
//! an object are errors: the case fails with the message rather than passing by accident.

use serde_json::Value;
use std::collections::BTreeMap;

use crate::codes::Code;
use crate::finding::Verdict;
use crate::report::Report;

/// The keys `expect.json` takes.
pub const KEYS: &[&str] = &["codes", "absent", "verdict"];

/// A parsed `expect.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expectation {
    /// Required codes, with repeats (multiset), in file order.
    pub codes: Vec<Code>,
    /// Codes that must not appear.
    pub absent: Vec<Code>,
    pub verdict: Option<Verdict>,
}

/// How a report differs from its expectation. Empty when it matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mismatch {
    /// (code, times expected, times found) for required codes found too few times.
    pub missing: Vec<(Code, usize, usize)>,
    /// (code, times found) for codes listed in `absent` that appear.
    pub unexpected: Vec<(Code, usize)>,
    /// (expected, found) when the verdict differs.
    pub verdict: Option<(Verdict, Verdict)>,
}

impl Mismatch {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty() && self.verdict.is_none()
    }
}

/// How many findings carry each code.
pub fn code_counts(report: &Report) -> BTreeMap<Code, usize> {
    let mut counts = BTreeMap::new();
    for f in &report.findings {
        *counts.entry(f.code).or_insert(0) += 1;
    }
    counts
}

impl Expectation {
    /// Parse the text of an `expect.json`; `Err` holds every problem found, one per line.
    pub fn parse(text: &[u8]) -> Result<Expectation, String> {
        let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
        let value: Value = serde_json::from_slice(text).map_err(|e| {
            format!(
                "invalid JSON at line {} column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            )
        })?;
        let Value::Object(map) = value else {
            return Err(format!(
                "must be a JSON object such as {{\"codes\": [\"DOC_EXPIRED\"], \"verdict\": \"fail\"}}, found {}",
                kind(&value)
            ));
        };
        let mut problems = Vec::new();
        let mut expect = Expectation::default();
        for (key, value) in &map {
            match key.as_str() {
                "codes" => expect.codes = code_list(key, value, &mut problems),
                "absent" => expect.absent = code_list(key, value, &mut problems),
                "verdict" => expect.verdict = verdict(value, &mut problems),
                other => problems.push(match nearest_key(other) {
                    Some(near) => format!("unknown key `{other}`: did you mean `{near}`?"),
                    None => format!(
                        "unknown key `{other}` (expect.json takes {})",
                        KEYS.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }),
            }
        }
        let mut both: Vec<Code> = expect
            .codes
            .iter()
            .copied()
            .filter(|c| expect.absent.contains(c))
            .collect();
        both.dedup();
        for c in both {
            problems.push(format!(
                "{c} is listed in both `codes` and `absent`: no report can satisfy that"
            ));
        }
        if problems.is_empty() {
            Ok(expect)
        } else {
            Err(problems.join("\n"))
        }
    }

    /// Compare a report with this expectation.
    pub fn compare(&self, report: &Report) -> Mismatch {
        let found = code_counts(report);
        let mut wanted: BTreeMap<Code, usize> = BTreeMap::new();
        for c in &self.codes {
            *wanted.entry(*c).or_insert(0) += 1;
        }
        let missing = wanted
            .iter()
            .filter_map(|(c, &want)| {
                let have = found.get(c).copied().unwrap_or(0);
                (have < want).then_some((*c, want, have))
            })
            .collect();
        let mut absent = self.absent.clone();
        absent.sort();
        absent.dedup();
        let unexpected = absent
            .iter()
            .filter_map(|c| found.get(c).map(|&n| (*c, n)))
            .collect();
        let actual = report.verdict();
        let verdict = self.verdict.filter(|v| *v != actual).map(|v| (v, actual));
        Mismatch {
            missing,
            unexpected,
            verdict,
        }
    }
}

fn code_list(key: &str, value: &Value, problems: &mut Vec<String>) -> Vec<Code> {
    let Value::Array(items) = value else {
        problems.push(format!(
            "`{key}` must be a list of reason codes such as [\"DOC_EXPIRED\"], found {}",
            kind(value)
        ));
        return Vec::new();
    };
    let mut codes = Vec::new();
    for item in items {
        let Value::String(s) = item else {
            problems.push(format!(
                "`{key}` holds {}: write each reason code as a string",
                kind(item)
            ));
            continue;
        };
        match s.parse::<Code>() {
            Ok(c) => codes.push(c),
            Err(e) => problems.push(match e.nearest {
                Some(near) => format!(
                    "`{key}`: unknown reason code `{s}`: did you mean {near}? (`kyc-precheck codes` lists them all)"
                ),
                None => format!(
                    "`{key}`: unknown reason code `{s}` (`kyc-precheck codes` lists them all)"
                ),
            }),
        }
    }
    codes
}

fn verdict(value: &Value, problems: &mut Vec<String>) -> Option<Verdict> {
    match value
        .as_str()
        .map(|s| s.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("pass") => Some(Verdict::Pass),
        Some("warn") => Some(Verdict::Warn),
        Some("fail") => Some(Verdict::Fail),
        _ => {
            problems.push(format!(
                "`verdict` must be \"pass\", \"warn\" or \"fail\", found {value}"
            ));
            None
        }
    }
}

fn nearest_key(key: &str) -> Option<&'static str> {
    crate::suggest::nearest(&key.to_ascii_lowercase(), KEYS.iter().copied(), 0.75)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// serde_json appends " at line L column C"; the position is printed in front instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Subject};

    fn report(codes: &[Code]) -> Report {
        Report::new(
            codes
                .iter()
                .map(|c| Finding::new(*c, Subject::Profile))
                .collect(),
            BTreeMap::new(),
        )
    }

    #[test]
    fn parses_all_keys_any_case() {
        let e = Expectation::parse(
            br#"{"codes": ["doc_expired", "DATE_INVALID", "DATE_INVALID"], "absent": ["NAME-MISMATCH"], "verdict": "fail"}"#,
        )
        .unwrap();
        assert_eq!(
            e.codes,
            [Code::DocExpired, Code::DateInvalid, Code::DateInvalid]
        );
        assert_eq!(e.absent, [Code::NameMismatch]);
        assert_eq!(e.verdict, Some(Verdict::Fail));
        assert_eq!(Expectation::parse(b"{}").unwrap(), Expectation::default());
    }

    #[test]
    fn errors_are_specific() {
        let err =
            Expectation::parse(br#"{"code": ["DOC_EXPIRD"], "verdict": "failed"}"#).unwrap_err();
        assert!(
            err.contains("unknown key `code`: did you mean `codes`?"),
            "{err}"
        );
        assert!(err.contains("`verdict` must be"), "{err}");
        let err = Expectation::parse(br#"{"codes": ["DOC_EXPIRD", 3]}"#).unwrap_err();
        assert!(err.contains("did you mean DOC_EXPIRED?"), "{err}");
        assert!(err.contains("holds a number"), "{err}");
        let err = Expectation::parse(b"[1]").unwrap_err();
        assert!(err.contains("must be a JSON object"), "{err}");
        let err = Expectation::parse(b"{\"codes\": [").unwrap_err();
        assert!(err.starts_with("invalid JSON at line 1"), "{err}");
        let err = Expectation::parse(br#"{"codes": ["DOC_EXPIRED"], "absent": ["doc_expired"]}"#)
            .unwrap_err();
        assert!(err.contains("both"), "{err}");
        let err = Expectation::parse(br#"{"zzz": 1}"#).unwrap_err();
        assert!(err.contains("expect.json takes `codes`"), "{err}");
    }

    #[test]
    fn codes_are_a_multiset_lower_bound() {
        let r = report(&[Code::DateInvalid, Code::DateInvalid, Code::DocExpired]);
        let e = Expectation {
            codes: vec![Code::DateInvalid, Code::DateInvalid],
            ..Default::default()
        };
        assert!(e.compare(&r).is_empty(), "extra codes are allowed");
        let e = Expectation {
            codes: vec![Code::DateInvalid; 3],
            ..Default::default()
        };
        assert_eq!(e.compare(&r).missing, [(Code::DateInvalid, 3, 2)]);
        let e = Expectation {
            codes: vec![Code::NameMismatch],
            ..Default::default()
        };
        assert_eq!(e.compare(&r).missing, [(Code::NameMismatch, 1, 0)]);
    }

    #[test]
    fn absent_and_verdict() {
        let r = report(&[Code::DocExpired, Code::DocExpired]);
        let e = Expectation {
            absent: vec![Code::DocExpired, Code::NameMismatch, Code::DocExpired],
            verdict: Some(Verdict::Warn),
            ..Default::default()
        };
        let m = e.compare(&r);
        assert_eq!(m.unexpected, [(Code::DocExpired, 2)]);
        assert_eq!(m.verdict, Some((Verdict::Warn, Verdict::Fail)));
        assert!(m.missing.is_empty());
        let e = Expectation {
            verdict: Some(Verdict::Fail),
            ..Default::default()
        };
        assert!(e.compare(&r).is_empty());
        assert!(Expectation::default().compare(&r).is_empty());
    }
}
