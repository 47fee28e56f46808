//! `diagnose`: start from the rejection a platform sent (`veriff:204`, `sumsub:GRAPHIC_EDITOR`,
//! "document expired", "图片模糊"), run the same checks as `check`, and put first the findings
//! that explain that rejection. When no local check explains it, say so and name what lies
//! outside a local check (review backlog, risk rules, face match, liveness…).
//!
//! - [`vendors`]: the vendor-code lookup, shared with `explain`.
//! - [`keywords`]: free-text matching (English and Chinese).
//! - [`render`]: the "Rejection" section in text and the `diagnosis` object in JSON.
//!
//! Like every check this is pure: it reads a rejection and a finished `Report`.

pub mod keywords;
mod outside;
pub mod render;
pub mod vendors;

pub use keywords::WordMatch;
pub use outside::OutsideCause;
pub use vendors::VendorMatch;

use std::collections::BTreeMap;

use crate::codes::Code;
use crate::report::Report;

/// A vendor code outweighs any free-text word: it names the problem exactly.
const VENDOR_WEIGHT: usize = 1000;

/// What the rejection says, before looking at any report.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    /// The rejection as given.
    pub given: String,
    /// The vendor code at its start (or the vendor code its wording is), when it has one.
    pub vendor: Option<VendorMatch>,
    /// Table words found in the text (the whole text when it is not a vendor code).
    pub words: Vec<WordMatch>,
    /// Reason codes that could explain it, most likely first, with their weight.
    pub candidates: Vec<(Code, usize)>,
    /// Causes outside a local check that the vendor code or the words point to.
    pub outside: Vec<OutsideCause>,
}

impl Rejection {
    /// Read a rejection: `vendor:CODE`, optionally followed by free text, or free text alone.
    pub fn parse(given: &str) -> Rejection {
        let given = given.trim().to_string();
        let (first, rest) = match given.split_once(char::is_whitespace) {
            Some((first, rest)) => (first, rest.trim()),
            None => (given.as_str(), ""),
        };
        let mut vendor = vendors::lookup(first);
        let text = match &vendor {
            Some(v) if v.recognised() => rest.to_string(),
            // An unknown `veriff:999`: keep it (the report says it was not recognised) and
            // read the words of whatever follows.
            Some(_) => rest.to_string(),
            None => {
                vendor = vendors::by_wording(&keywords::normalise(&given));
                if vendor.is_some() {
                    String::new()
                } else {
                    given.clone()
                }
            }
        };
        let words = keywords::match_words(&text);

        let mut weights: BTreeMap<Code, usize> = BTreeMap::new();
        let mut outside: Vec<OutsideCause> = Vec::new();
        if let Some(v) = &vendor {
            for &c in &v.codes {
                *weights.entry(c).or_default() += VENDOR_WEIGHT;
            }
            outside.extend(v.outside.iter().copied());
        }
        for w in &words {
            for &c in &w.codes {
                *weights.entry(c).or_default() += keywords::weight(w.word);
            }
            outside.extend(w.causes.iter().copied());
        }
        let mut candidates: Vec<(Code, usize)> = weights.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        outside.sort();
        outside.dedup();
        Rejection {
            given,
            vendor,
            words,
            candidates,
            outside,
        }
    }

    /// Nothing in it was recognised: neither a known vendor code nor a table word.
    pub fn is_unrecognised(&self) -> bool {
        !self.vendor.as_ref().is_some_and(VendorMatch::recognised) && self.words.is_empty()
    }

    fn weight_of(&self, code: Code) -> Option<usize> {
        self.candidates
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, w)| *w)
    }
}

/// A rejection set against one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    pub rejection: Rejection,
    /// Indices into `report.findings` of the findings that explain the rejection, most likely
    /// first: the most severe, then the strongest match, then report order.
    pub explaining: Vec<usize>,
    /// The outside causes to show: those the rejection points to, or every cause when it points
    /// to none and nothing local explains it.
    pub outside: Vec<OutsideCause>,
}

impl Diagnosis {
    pub fn new(rejection: Rejection, report: &Report) -> Diagnosis {
        // (index, severity, weight) of every finding the rejection points to.
        let mut explaining: Vec<(usize, crate::finding::Severity, usize)> = report
            .findings
            .iter()
            .enumerate()
            .filter_map(|(i, f)| rejection.weight_of(f.code).map(|w| (i, f.severity, w)))
            .collect();
        explaining.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let explaining: Vec<usize> = explaining.into_iter().map(|(i, _, _)| i).collect();
        let outside = if !rejection.outside.is_empty() || !explaining.is_empty() {
            rejection.outside.clone()
        } else {
            OutsideCause::ALL.to_vec()
        };
        Diagnosis {
            rejection,
            explaining,
            outside,
        }
    }

    pub fn explained(&self) -> bool {
        !self.explaining.is_empty()
    }

    /// The report with the explaining findings first, then the others in report order.
    pub fn ordered(&self, report: &Report) -> Report {
        let mut findings: Vec<_> = self
            .explaining
            .iter()
            .filter_map(|&i| report.findings.get(i).cloned())
            .collect();
        findings.extend(
            report
                .findings
                .iter()
                .enumerate()
                .filter(|(i, _)| !self.explaining.contains(i))
                .map(|(_, f)| f.clone()),
        );
        Report {
            findings,
            ..report.clone()
        }
    }

    /// The codes of the explaining findings, each once, in order.
    pub fn matched_codes(&self, report: &Report) -> Vec<Code> {
        let mut out: Vec<Code> = Vec::new();
        for &i in &self.explaining {
            if let Some(f) = report.findings.get(i)
                && !out.contains(&f.code)
            {
                out.push(f.code);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity, Subject};

    fn report(codes: &[(Code, Subject)]) -> Report {
        Report::new(
            codes.iter().map(|&(c, s)| Finding::new(c, s)).collect(),
            BTreeMap::new(),
        )
    }

    #[test]
    fn vendor_code_ranks_its_findings_first() {
        let r = report(&[
            (Code::DocExpired, Subject::Profile),
            (Code::ImageLowContrast, Subject::IdFront),
            (Code::ImageGlare, Subject::IdFront),
        ]);
        let d = Diagnosis::new(Rejection::parse("veriff:204"), &r);
        let ordered = d.ordered(&r);
        let codes: Vec<Code> = ordered.findings.iter().map(|f| f.code).collect();
        // Glare (fail) before low contrast (warn), then the rest.
        assert_eq!(
            codes,
            [Code::ImageGlare, Code::ImageLowContrast, Code::DocExpired]
        );
        assert!(d.explained());
        assert!(d.outside.is_empty());
    }

    #[test]
    fn free_text_in_both_languages() {
        let r = report(&[
            (Code::ImageBlurry, Subject::IdFront),
            (Code::DocExpired, Subject::Profile),
        ]);
        for text in ["document expired", "证件过期", "Your ID has EXPIRED."] {
            let d = Diagnosis::new(Rejection::parse(text), &r);
            assert_eq!(d.matched_codes(&r), [Code::DocExpired], "{text}");
        }
        for text in ["blurry photo", "图片模糊"] {
            let d = Diagnosis::new(Rejection::parse(text), &r);
            assert_eq!(d.matched_codes(&r), [Code::ImageBlurry], "{text}");
        }
    }

    #[test]
    fn nothing_local_names_the_outside_causes() {
        let r = report(&[(Code::ImageBlurry, Subject::IdFront)]);
        let d = Diagnosis::new(Rejection::parse("veriff:103"), &r);
        assert!(!d.explained());
        assert_eq!(d.outside, [OutsideCause::FaceMatch]);
        let d = Diagnosis::new(Rejection::parse("something nobody wrote down"), &r);
        assert!(d.rejection.is_unrecognised());
        assert_eq!(d.outside, OutsideCause::ALL);
    }

    #[test]
    fn vendor_code_with_words_and_unknown_codes() {
        let d = Rejection::parse("veriff:999 glare on the card");
        let v = d.vendor.as_ref().unwrap();
        assert!(!v.recognised());
        assert!(d.candidates.iter().any(|(c, _)| *c == Code::ImageGlare));
        let d = Rejection::parse("Poor image quality");
        assert_eq!(
            d.vendor.as_ref().map(VendorMatch::qualified).as_deref(),
            Some("veriff:204")
        );
        let _ = Severity::Fail;
    }
}
