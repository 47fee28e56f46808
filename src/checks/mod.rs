//! Checks: pure functions from inputs, policy and `today` to findings. None prints, reads the
//! clock or knows the output language, and none measures: the image families judge the
//! `ImageAnalysis` that `images::analysis` measured.
//!
//! Profile: [`fields`], [`names`], [`dates`] (plus `idnumber` and `mrz`). Images: [`files`],
//! [`quality`], [`glare`], [`provenance`], [`framing`], [`faces`], [`duplicates`], combined by [`image`];
//! the text read from the document against the profile: [`document_data`].

pub mod dates;
pub mod document_data;
pub mod duplicates;
pub mod faces;
pub mod fields;
pub mod files;
pub mod framing;
pub mod glare;
pub mod image;
pub mod names;
pub mod provenance;
pub mod quality;

use chrono::NaiveDate;

use crate::finding::Finding;
use crate::policy::Policy;
use crate::profile::{Profile, Sex};

/// What the profile says, once each field has been checked and parsed: the typed view the
/// cross-checks (ID numbers, MRZ) compare against. A field that failed its own check is `None`
/// here, so one typo is reported once, not again by every cross-check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub full_name: Option<String>,
    pub native_name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// Alpha-3 (or ICAO) code of the nationality, when valid.
    pub nationality: Option<&'static str>,
    pub document_type: Option<String>,
    /// Alpha-2 code of the issuing country when it has one (`UTO` and other ICAO-only codes
    /// keep their alpha-3 form).
    pub document_country: Option<&'static str>,
    pub document_number: Option<String>,
    pub personal_number: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub expiry_date: Option<NaiveDate>,
    /// The document has no expiry (`null`/"permanent").
    pub never_expires: bool,
    pub mrz: Option<Vec<String>>,
}

/// Every check on the typed data.
pub fn check_profile(
    profile: &Profile,
    policy: &Policy,
    today: NaiveDate,
) -> (Vec<Finding>, Facts) {
    let mut findings = Vec::new();
    let mut facts = Facts::default();
    fields::check(profile, &mut facts, &mut findings);
    names::check(profile, &mut facts, &mut findings);
    dates::check(profile, policy, today, &mut facts, &mut findings);
    // Cross-checks of what numbers and the MRZ encode against the typed fields.
    findings.extend(crate::idnumber::check(&facts, today));
    findings.extend(crate::mrz::check(&facts, today));
    findings.extend(crate::namematch::check_native(&facts));
    (findings, facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn field() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            any::<String>().prop_map(Some),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Some),
            "[A-Za-z<«]{0,50}".prop_map(Some),
        ]
    }

    proptest! {
        /// Whatever the user typed, the profile checks return findings and never panic.
        #[test]
        fn profile_checks_never_panic(
            name in field(), native in field(), dob in field(), sex in field(), nat in field(),
            doc_type in field(), country in field(), number in field(), issue in field(),
            expiry in proptest::option::of(field()), mrz in proptest::option::of(proptest::collection::vec(any::<String>(), 0..4)),
            y in 1i32..9999, m in 1u32..13, d in 1u32..29,
        ) {
            let profile = Profile {
                full_name: name,
                native_name: native,
                date_of_birth: dob,
                sex,
                nationality: nat,
                document: Some(crate::profile::Document {
                    doc_type, country, number, personal_number: None, issue_date: issue,
                    expiry_date: expiry, mrz,
                }),
                images: None,
            };
            let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let _ = check_profile(&profile, &Policy::default_policy(), today);
        }
    }
}
