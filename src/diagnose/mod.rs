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
        let (mut vendor, text) = find_vendor_code(&given);
        let text = match vendor {
            Some(_) => text,
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

/// Words that may stand between a vendor's name and its code in a pasted message
/// ("Veriff code 103", "Sumsub label GRAPHIC_EDITOR").
const CODE_FILLERS: &[&str] = &["code", "reason", "label", "tag", "代码", "代碼"];

/// The first vendor code in the text, as `veriff:204` or as the vendor's name followed by the
/// code ("Veriff 204", "Veriff code 204"), and the text without it. An unknown `veriff:999` is
/// kept (the report says it was not recognised).
fn find_vendor_code(text: &str) -> (Option<VendorMatch>, String) {
    let tokens = code_tokens(text);
    let rest = |skip: std::ops::Range<usize>| -> String {
        tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(i))
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (i, token) in tokens.iter().enumerate() {
        if let Some(m) = vendors::lookup(token)
            && (m.recognised() || token.contains(':'))
        {
            return (Some(m), rest(i..i + 1));
        }
        let name = token.trim_end_matches(':');
        if !vendors::is_vendor(name) {
            continue;
        }
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| {
            CODE_FILLERS.contains(&t.trim_end_matches(':').to_lowercase().as_str())
        }) {
            j += 1;
        }
        if let Some(code) = tokens.get(j)
            && let Some(m) = vendors::lookup(&format!("{name}:{}", code.trim_end_matches(':')))
                .filter(VendorMatch::recognised)
        {
            return (Some(m), rest(i..j + 1));
        }
    }
    (None, text.to_string())
}

/// The text cut where a vendor code could start or end: runs of ASCII letters, digits, `_`,
/// `:` and `-` (`veriff:204`, `glare_on_photo`), and runs of other letters (Chinese), so that
/// "审核失败，Veriff 代码 204" gives 审核失败 / Veriff / 代码 / 204.
fn code_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut ascii_run = false;
    for c in text.chars() {
        let is_ascii = c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-');
        let is_other = !c.is_ascii() && c.is_alphanumeric();
        let boundary = !is_ascii && !is_other || is_ascii != ascii_run;
        if boundary && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        if is_ascii || is_other {
            current.push(c);
            ascii_run = is_ascii;
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
        .into_iter()
        .map(|t| t.trim_matches('-').to_string())
        .filter(|t| !t.is_empty())
        .collect()
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
    use crate::finding::{Finding, Subject};

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
    }

    #[test]
    fn vendor_codes_inside_a_pasted_message() {
        for (text, code) in [
            ("Declined (Veriff code 103).", "veriff:103"),
            (
                "Rejected: sumsub:GRAPHIC_EDITOR, please retry",
                "sumsub:GRAPHIC_EDITOR",
            ),
            ("veriff 207", "veriff:207"),
            ("Onfido reason glare_on_photo", "onfido:glare_on_photo"),
            ("审核失败，Veriff 代码 204", "veriff:204"),
        ] {
            let r = Rejection::parse(text);
            assert_eq!(
                r.vendor.as_ref().map(VendorMatch::qualified).as_deref(),
                Some(code),
                "{text}"
            );
        }
        // The words around the code still count; a word that is no code stays a word.
        let r = Rejection::parse("Veriff 204: glare on the document");
        assert!(r.words.iter().any(|w| w.word == "glare"));
        let r = Rejection::parse("veriff says the photo is blurry");
        assert!(r.vendor.is_none());
        assert!(r.words.iter().any(|w| w.word == "blurry"));
    }
}
