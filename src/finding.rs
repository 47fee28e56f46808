//! `Finding`: one likely rejection reason, as checks produce it (language-free).

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::codes::Code;

/// How bad a finding is. Ordered: `Info < Warn < Fail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warn,
    Fail,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Fail => "fail",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about: the typed data or one of the images.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Profile,
    IdFront,
    IdBack,
    Selfie,
}

impl Subject {
    pub const IMAGES: [Subject; 3] = [Subject::IdFront, Subject::IdBack, Subject::Selfie];

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Profile => "profile",
            Subject::IdFront => "id_front",
            Subject::IdBack => "id_back",
            Subject::Selfie => "selfie",
        }
    }

    /// True for the two sides of the identity document.
    pub fn is_id(self) -> bool {
        matches!(self, Subject::IdFront | Subject::IdBack)
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value inserted into a detail sentence. `Pii` values (names, ID numbers, MRZ text) are
/// masked by every renderer unless the user asked for `--show-pii`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Pii(String),
    Num(f64),
    Int(i64),
}

impl Arg {
    pub fn text(s: impl Into<String>) -> Arg {
        Arg::Text(s.into())
    }
    pub fn pii(s: impl Into<String>) -> Arg {
        Arg::Pii(s.into())
    }
}

/// The specific fact behind a finding (which field, which character, which date), as a key into
/// the detail sentences of `messages` plus the values to fill in. Rendering picks the language.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub key: &'static str,
    pub args: Vec<Arg>,
}

/// One likely rejection reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub subject: Subject,
    /// The profile field (e.g. `document.number`) where it applies.
    pub field: Option<String>,
    pub detail: Option<Detail>,
    /// The number that decided it, and the limit it was compared with.
    pub measured: Option<f64>,
    pub threshold: Option<f64>,
}

impl Finding {
    /// A finding at the code's default severity; the policy may change it later.
    pub fn new(code: Code, subject: Subject) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            subject,
            field: None,
            detail: None,
            measured: None,
            threshold: None,
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Finding {
        self.field = Some(field.into());
        self
    }

    /// Attach the specific sentence; `key` must exist in `messages::details`.
    pub fn detail(mut self, key: &'static str, args: impl IntoIterator<Item = Arg>) -> Finding {
        debug_assert!(
            crate::messages::detail_exists(key),
            "detail key `{key}` has no text in messages"
        );
        self.detail = Some(Detail {
            key,
            args: args.into_iter().collect(),
        });
        self
    }

    pub fn measured(mut self, measured: f64, threshold: f64) -> Finding {
        self.measured = Some(measured);
        self.threshold = Some(threshold);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }
}

/// `v` rounded to `decimals` places: measured values in findings and reports are shown this way
/// so the same inputs give the same text and JSON on every machine.
pub fn round(v: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (v * p).round() / p
}

/// A fraction as a percentage with two decimals (0.10237 → 10.24).
pub fn percent(fraction: f64) -> f64 {
    round(fraction * 100.0, 2)
}

/// `fail` if any finding fails, else `warn` if any warns, else `pass`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

impl Verdict {
    pub fn of(findings: &[Finding]) -> Verdict {
        match findings.iter().map(|f| f.severity).max() {
            Some(Severity::Fail) => Verdict::Fail,
            Some(Severity::Warn) => Verdict::Warn,
            _ => Verdict::Pass,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_is_worst_severity() {
        assert_eq!(Verdict::of(&[]), Verdict::Pass);
        let info = Finding::new(Code::ExifGpsPresent, Subject::Selfie);
        assert_eq!(Verdict::of(std::slice::from_ref(&info)), Verdict::Pass);
        let warn = Finding::new(Code::DocExpiresSoon, Subject::Profile);
        assert_eq!(Verdict::of(&[info.clone(), warn.clone()]), Verdict::Warn);
        let fail = Finding::new(Code::DocExpired, Subject::Profile);
        assert_eq!(Verdict::of(&[warn, fail, info]), Verdict::Fail);
    }

    #[test]
    fn new_uses_default_severity() {
        assert_eq!(
            Finding::new(Code::ExifGpsPresent, Subject::Selfie).severity,
            Severity::Info
        );
        assert_eq!(
            Finding::new(Code::DocExpired, Subject::Profile).severity,
            Severity::Fail
        );
    }
}
