//! The vendor-code lookup shared by `explain` and `diagnose`: a platform's rejection code
//! (`veriff:204`, `sumsub:GRAPHIC_EDITOR`, `onfido:glare_on_photo`, `jumio:MISSING_BACK`) →
//! the vendor's own wording, the reason codes that check for the same problem (the crosswalk in
//! `codes.rs`) and the causes no local check can see.
//!
//! Wordings are quoted from the vendors' public documentation, read 2026-12-01:
//! - Veriff: devdocs.veriff.com/docs/verification-session-decision-codes-table (101–129,
//!   201–209) and devdocs.veriff.com/docs/granular-reason-codes (5xx).
//! - Sumsub: docs.sumsub.com/docs/rejection-labels, docs.sumsub.com/reference/temporary-rejection
//!   and /final-rejection (buttons, `group_button` as the API returns them),
//!   docs.sumsub.com/docs/fastfail (fastfail tags).
//! - Onfido: `DocumentIQReasons`, `DocumentCDQReasons` and `DocumentBreakdown` of the onfido
//!   Ruby SDK 5.5.0 (rubydoc.info/gems/onfido); `*_DETECTED` from onfido-sdk-ui Confirm.js.
//! - Jumio: github.com/Jumio/implementation-guides, netverify/callback.md (reject reasons and
//!   reject reason details).

use crate::codes::{self, Code};

use super::OutsideCause::{self, *};

/// One vendor code with its published wording.
#[derive(Clone, Copy, Debug)]
pub struct VendorEntry {
    pub vendor: &'static str,
    pub code: &'static str,
    /// The vendor's own description, as published (English).
    pub wording: &'static str,
    /// Causes of this rejection that no local check can see.
    pub outside: &'static [OutsideCause],
}

/// Where each vendor's codes are documented (shown with a recognised code).
pub fn vendor_source(vendor: &str) -> Option<&'static str> {
    Some(match vendor {
        "veriff" => "https://devdocs.veriff.com/docs/verification-session-decision-codes-table",
        "sumsub" => "https://docs.sumsub.com/docs/rejection-labels",
        "onfido" => "https://www.rubydoc.info/gems/onfido/Onfido/DocumentIQReasons",
        "jumio" => {
            "https://github.com/Jumio/implementation-guides/blob/master/netverify/callback.md"
        }
        _ => return None,
    })
}

/// The vendor's display name.
pub fn vendor_name(vendor: &str) -> String {
    match vendor {
        "veriff" => "Veriff".into(),
        "sumsub" => "Sumsub".into(),
        "onfido" => "Onfido".into(),
        "jumio" => "Jumio".into(),
        "okx" => "OKX".into(),
        other => {
            let mut chars = other.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

macro_rules! entries {
    ($( $vendor:literal : $code:literal => $wording:literal, [$($cause:ident),*] ;)*) => {
        /// Every vendor code with a published wording.
        pub const ENTRIES: &[VendorEntry] = &[ $( VendorEntry {
            vendor: $vendor, code: $code, wording: $wording, outside: &[$($cause),*],
        }, )* ];
    };
}

entries! {
    // Veriff, session declined.
    "veriff":"101" => "Physical document not used", [NotOriginal];
    "veriff":"102" => "Suspected document tampering", [RiskCompliance];
    "veriff":"103" => "Person showing the document does not appear to match document photo", [FaceMatch];
    "veriff":"104" => "Name entered does not match name on document", [];
    "veriff":"105" => "Suspicious behaviour", [RiskCompliance];
    "veriff":"106" => "Known fraud", [RiskCompliance];
    "veriff":"107" => "Velocity/abuse", [DuplicateAccount, RiskCompliance];
    "veriff":"108" => "Velocity/abuse duplicated end-user", [DuplicateAccount];
    "veriff":"109" => "Velocity/abuse duplicated device", [DuplicateAccount];
    "veriff":"110" => "Velocity/abuse duplicated ID", [DuplicateAccount];
    "veriff":"111" => "Session fraudulently accessed", [RiskCompliance];
    "veriff":"112" => "Restricted IP location", [RiskCompliance];
    "veriff":"113" => "Suspicious behaviour - Identity Farming", [RiskCompliance];
    "veriff":"120" => "Person on the portrait does not appear to match reference photo", [FaceMatch];
    "veriff":"123" => "Unable to pass registry checks", [ExternalData];
    "veriff":"124" => "Face already exists in the face collection", [DuplicateAccount];
    "veriff":"126" => "Potential PEP match", [RiskCompliance];
    "veriff":"127" => "Face match with blocklist", [RiskCompliance];
    // Veriff, resubmission requested.
    "veriff":"201" => "Video and/or photos missing", [Liveness];
    "veriff":"202" => "Face not clearly visible", [FaceMatch];
    "veriff":"203" => "Full document not visible", [DocumentCondition];
    "veriff":"204" => "Poor image quality", [];
    "veriff":"205" => "Document damaged", [DocumentCondition];
    "veriff":"206" => "Document type not supported", [DocumentNotAccepted];
    "veriff":"207" => "Document expired", [];
    "veriff":"208" => "Selfie missing", [];
    "veriff":"209" => "Document photo missing", [];
    // Veriff, granular reason codes.
    "veriff":"501" => "High probability of fraudulent attempt", [RiskCompliance];
    "veriff":"502" => "Multiple parties present in session", [RiskCompliance];
    "veriff":"503" => "Attempted deceit", [RiskCompliance];
    "veriff":"504" => "Attempted deceit, device screen used", [NotOriginal];
    "veriff":"505" => "Attempted deceit, printout used", [NotOriginal];
    "veriff":"506" => "Presented document tampered", [RiskCompliance];
    "veriff":"507" => "Presented document tampered, data cross reference", [RiskCompliance, ExternalData];
    "veriff":"508" => "Presented document tampered, document similarity to specimen", [RiskCompliance];
    "veriff":"509" => "Person showing the document does not match document photo", [FaceMatch];
    "veriff":"510" => "Presented document type not supported", [DocumentNotAccepted];
    "veriff":"511" => "Presented document expired", [];
    "veriff":"515" => "Attempted deceit, device screen used for face image", [Liveness, NotOriginal];
    "veriff":"526" => "Attempted deceit, photos streamed", [Liveness];
    "veriff":"527" => "Unable to collect proof of address data", [ExternalData];
    "veriff":"528" => "Proof of address issue date too old", [ExternalData];
    "veriff":"530" => "Person is under 13 years old", [];
    "veriff":"531" => "Person is under 14 years old", [];
    "veriff":"532" => "Person is under 16 years old", [];
    "veriff":"533" => "Person is under 18 years old", [];
    "veriff":"534" => "Person is under 20 years old", [];
    "veriff":"535" => "Person is under 21 years old", [];
    "veriff":"536" => "Person is under 25 years old", [];
    "veriff":"537" => "Unable to perform document media portrait cropping", [];
    "veriff":"539" => "Resubmission limit exceeded", [ReviewBacklog];

    // Sumsub rejection labels. Wordings marked 3p are from a third-party copy of the label table
    // (a Sumsub client's wiki); the official table was read only up to BAD_PROOF_OF_ADDRESS, and
    // the buttons pages confirm the other labels exist.
    "sumsub":"ADDITIONAL_DOCUMENT_REQUIRED" => "Additional documents required to pass the check", [ExternalData];
    "sumsub":"ADVERSE_MEDIA" => "The applicant was found in the adverse media", [RiskCompliance];
    "sumsub":"AGE_REQUIREMENT_MISMATCH" => "The age requirement is not met", [];
    "sumsub":"BACK_SIDE_MISSING" => "Back side of the document is missing", [];
    "sumsub":"BAD_AVATAR" => "Avatar does not meet your requirements", [];
    "sumsub":"BAD_FACE_MATCHING" => "Face check between a document and selfie failed", [FaceMatch];
    "sumsub":"BAD_PROOF_OF_ADDRESS" => "Applicant uploaded a bad proof of address", [ExternalData];
    "sumsub":"BAD_SELFIE" => "The user uploaded a bad selfie", [Liveness]; // 3p
    "sumsub":"BAD_VIDEO_SELFIE" => "The user uploaded a bad video selfie", [Liveness]; // 3p
    "sumsub":"BLACK_AND_WHITE" => "The applicant uploaded black and white photos of a document instead of color photos", [];
    "sumsub":"BLACKLIST" => "The applicant account is suspected to be fraudulent", [RiskCompliance]; // 3p
    "sumsub":"CHECK_UNAVAILABLE" => "The government database is currently unavailable", [ExternalData, ReviewBacklog];
    "sumsub":"COMPROMISED_PERSONS" => "The applicant was found on watchlists", [RiskCompliance];
    "sumsub":"CRIMINAL" => "The applicant is a convicted criminal", [RiskCompliance];
    "sumsub":"DB_DATA_NOT_FOUND" => "User data has not been found in the government database", [ExternalData];
    "sumsub":"DIGITAL_DOCUMENT" => "The user uploaded a digital version of the document", [NotOriginal]; // 3p
    "sumsub":"DOCUMENT_DAMAGED" => "Document is damaged", [DocumentCondition]; // 3p
    "sumsub":"DOCUMENT_PAGE_MISSING" => "Some pages of a document are missing", []; // 3p
    "sumsub":"DUPLICATE" => "One applicant can have only one active account", [DuplicateAccount]; // 3p
    "sumsub":"EXPIRATION_DATE" => "The user uploaded expired document", []; // 3p
    "sumsub":"FORGERY" => "The applicant account is suspected to be fraudulent", [RiskCompliance];
    "sumsub":"FRONT_SIDE_MISSING" => "Front side of the document is missing", [];
    "sumsub":"GRAPHIC_EDITOR" => "The document has been edited by a graphical editor", []; // 3p
    "sumsub":"ID_INVALID" => "A document that identifies a person is not valid", [DocumentNotAccepted]; // 3p
    "sumsub":"INCOMPLETE_DOCUMENT" => "Some information is missing from the document, or it's partially visible", [DocumentCondition]; // 3p
    "sumsub":"INCONSISTENT_PROFILE" => "The submitted documents belong to different people", [RiskCompliance];
    "sumsub":"LOW_QUALITY" => "Documents have low-quality that does not allow definitive conclusions to be made", []; // 3p
    "sumsub":"NOT_DOCUMENT" => "Documents supplied are not relevant for the verification procedure", [DocumentNotAccepted]; // 3p
    "sumsub":"PEP" => "The applicant is a politically exposed person", [RiskCompliance];
    "sumsub":"PROBLEMATIC_APPLICANT_DATA" => "Applicant data does not match the data in the documents", [ExternalData];
    "sumsub":"SANCTIONS" => "The applicant was mentioned on sanctions lists", [RiskCompliance];
    "sumsub":"SCREENSHOTS" => "The applicant uploaded screenshots instead of photos or scans", [NotOriginal];
    "sumsub":"SPAM" => "The applicant uploaded irrelevant images or failed to provide the required documents 6 or more times", [ReviewBacklog];
    "sumsub":"UNSATISFACTORY_PHOTOS" => "There were problems with the photos, like poor quality or masked information", [DocumentCondition]; // 3p
    "sumsub":"WRONG_ADDRESS" => "The address from the documents doesn't match the address that the user entered", [ExternalData]; // 3p
    "sumsub":"WRONG_USER_REGION" => "The applicant is from a region or a country that is not supported", [RiskCompliance];
    // Sumsub fastfail tags.
    "sumsub":"forbiddenDocument" => "Unsupported or unacceptable type/country of the document", [DocumentNotAccepted];
    "sumsub":"differentDocTypeOrCountry" => "Document type or country does not match the ones specified by the applicant or recognized by the system", [DocumentNotAccepted];
    "sumsub":"missingImportantInfo" => "Some of the required document data is missing or cannot be read", [DocumentCondition];
    "sumsub":"dataNotReadable" => "Data on the image is missing or cannot be read", [DocumentCondition];
    "sumsub":"expiredDoc" => "Document is expired", [];
    "sumsub":"documentWayTooMuchOutside" => "Some parts of the document are outside the image", [];
    // Sumsub explanatory buttons (group_button).
    "sumsub":"badPhoto_screenshot" => "The applicant uploaded screenshots instead of photos or scans", [NotOriginal];
    "sumsub":"badPhoto_blackAndWhite" => "The applicant uploaded black and white photos of a document instead of color photos", [];
    "sumsub":"badPhoto_imageEditor" => "The photo displays signs of tampering via a digital editor", [];
    "sumsub":"badPhoto_dataNotVisible" => "The information on the uploaded photo is illegible (blurred or cropped)", [];
    "sumsub":"badPhoto_incomplete" => "Part of the document (document corners) is not visible", [];
    "sumsub":"additionalPages_anotherSide" => "The uploaded document is double-sided and only one side was uploaded", [];
    "sumsub":"dataMismatch_fullName" => "The full name in the profile does not match the document", [];
    "sumsub":"regulationsViolations_age" => "The applicant does not meet the client's age requirements", [];
    "sumsub":"regulationsViolations_duplicate" => "By default, one applicant can have only one active account", [DuplicateAccount];
    "sumsub":"regulationsViolations_wrongRegion" => "The applicant is from a region or a country that is not supported by the client", [RiskCompliance];

    // Onfido document report: image quality reasons.
    "onfido":"blurred_photo" => "Data points are blurred", [];
    "onfido":"covered_photo" => "Data points have been covered by the applicant or by another object such as a sticker", [DocumentCondition];
    "onfido":"cut_off_document" => "Data points are not included in the image due to the document being cut off", [];
    "onfido":"damaged_document" => "A document is damaged and data points cannot be made out", [DocumentCondition];
    "onfido":"dark_photo" => "The image of the document is too dark to see data points", [];
    "onfido":"glare_on_photo" => "Light reflecting on the document causes glare that obstructs data points", [];
    "onfido":"incorrect_side" => "The incorrect side of a document has been uploaded, and the front was not received", [];
    "onfido":"no_document_in_image" => "No document has been uploaded or the image is blank", [];
    "onfido":"other_photo_issue" => "Any other reason, such as holograms obscuring data points", [DocumentCondition];
    "onfido":"two_documents_uploaded" => "Two different documents were submitted in the same check", [DocumentNotAccepted];
    // Onfido document report: conclusive document quality reasons.
    "onfido":"abnormal_document_features" => "Abnormal document features", [RiskCompliance];
    "onfido":"corner_removed" => "A corner of the document has been removed", [DocumentCondition];
    "onfido":"digital_document" => "The document is a digital document", [NotOriginal];
    "onfido":"missing_back" => "The back of the document is missing", [];
    "onfido":"obscured_data_points" => "Data points are obscured", [DocumentCondition];
    "onfido":"obscured_security_features" => "Security features are obscured", [DocumentCondition];
    "onfido":"punctured_document" => "The document has been punctured", [DocumentCondition];
    "onfido":"watermarks_digital_text_overlay" => "Watermarks or digital text overlay", [];
    // Onfido document report breakdowns.
    "onfido":"image_integrity" => "Image integrity: the image was not of sufficient quality to verify", [DocumentCondition];
    "onfido":"image_quality" => "Image quality", [];
    "onfido":"colour_picture" => "Colour picture", [];
    "onfido":"supported_document" => "Supported document", [DocumentNotAccepted];
    "onfido":"conclusive_document_quality" => "Conclusive document quality", [DocumentCondition];
    "onfido":"visual_authenticity" => "Visual authenticity", [RiskCompliance, NotOriginal];
    "onfido":"digital_tampering" => "Digital tampering", [RiskCompliance];
    "onfido":"data_validation" => "Data validation", [];
    "onfido":"data_consistency" => "Data consistency", [];
    "onfido":"data_comparison" => "Data comparison", [ExternalData];
    "onfido":"compromised_document" => "Compromised document", [RiskCompliance];
    "onfido":"age_validation" => "Age validation", [];
    "onfido":"police_record" => "Police record", [RiskCompliance];
    "onfido":"BLUR_DETECTED" => "Blur detected", [];
    "onfido":"GLARE_DETECTED" => "Glare detected", [];
    "onfido":"CUTOFF_DETECTED" => "Cut-off detected", [];

    // Jumio Netverify reject reasons.
    "jumio":"MANIPULATED_DOCUMENT" => "Manipulated document (100)", [RiskCompliance];
    "jumio":"FRAUDSTER" => "Fraudster (105)", [RiskCompliance];
    "jumio":"FAKE" => "Fake (106)", [RiskCompliance];
    "jumio":"PHOTO_MISMATCH" => "Photo mismatch (107)", [FaceMatch];
    "jumio":"MRZ_CHECK_FAILED" => "MRZ check failed (108)", [RiskCompliance];
    "jumio":"PUNCHED_DOCUMENT" => "Punched document (109)", [DocumentCondition];
    "jumio":"PHOTOCOPY_BLACK_WHITE" => "Photocopy, black and white (102)", [NotOriginal];
    "jumio":"PHOTOCOPY_COLOR" => "Photocopy, colour (103)", [NotOriginal];
    "jumio":"DIGITAL_COPY" => "Digital copy (104)", [NotOriginal];
    "jumio":"NOT_READABLE_DOCUMENT" => "Document not readable (200)", [DocumentCondition];
    "jumio":"NO_DOCUMENT" => "No document (201)", [];
    "jumio":"SAMPLE_DOCUMENT" => "Sample document (202)", [DocumentNotAccepted];
    "jumio":"MISSING_BACK" => "Missing back (206)", [];
    "jumio":"WRONG_DOCUMENT_PAGE" => "Wrong document page (207)", [];
    "jumio":"MISSING_SIGNATURE" => "Missing signature (209)", [DocumentCondition];
    "jumio":"CAMERA_BLACK_WHITE" => "Camera black and white (210)", [];
    "jumio":"DIFFERENT_PERSONS_SHOWN" => "Different persons shown (211)", [FaceMatch];
    "jumio":"MANUAL_REJECTION" => "Manual rejection (300)", [ReviewBacklog, RiskCompliance];
    "jumio":"DENIED_UNSUPPORTED_ID_TYPE" => "Unsupported ID type", [DocumentNotAccepted];
    "jumio":"DENIED_UNSUPPORTED_ID_COUNTRY" => "Unsupported ID country", [DocumentNotAccepted];
    "jumio":"NO_ID_UPLOADED" => "No ID uploaded", [];
    // Jumio reject reason details (for 200 NOT_READABLE_DOCUMENT).
    "jumio":"BLURRED" => "Blurred (2001)", [];
    "jumio":"BAD_QUALITY" => "Bad quality (2002)", [];
    "jumio":"MISSING_PART_DOCUMENT" => "Missing part of the document (2003)", [];
    "jumio":"HIDDEN_PART_DOCUMENT" => "Hidden part of the document (2004)", [DocumentCondition];
    "jumio":"DAMAGED_DOCUMENT" => "Damaged document (2005)", [DocumentCondition];
}

/// A `vendor:CODE` the user gave, and what is known about it.
#[derive(Clone, Debug, PartialEq)]
pub struct VendorMatch {
    /// The vendor, lower-case (inferred when the code was given without one).
    pub vendor: String,
    /// The code as the vendor spells it when known, else as given.
    pub code: String,
    /// The published wording, when the code is in the list.
    pub wording: Option<&'static str>,
    /// Reason codes that check for the same problem (from the `codes.rs` crosswalk).
    pub codes: Vec<Code>,
    /// Causes outside a local check.
    pub outside: Vec<OutsideCause>,
}

impl VendorMatch {
    pub fn recognised(&self) -> bool {
        self.wording.is_some() || !self.codes.is_empty()
    }

    /// `veriff:204`.
    pub fn qualified(&self) -> String {
        format!("{}:{}", self.vendor, self.code)
    }
}

/// Every vendor kyc-precheck knows a code of (catalogue or crosswalk).
fn known_vendors() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ENTRIES.iter().map(|e| e.vendor).collect();
    v.extend(
        Code::ALL
            .iter()
            .flat_map(|c| c.vendor_codes().iter())
            .filter_map(|vc| vc.split_once(':').map(|(vendor, _)| vendor)),
    );
    v.push("okx");
    v.sort_unstable();
    v.dedup();
    v
}

pub fn is_vendor(name: &str) -> bool {
    known_vendors().contains(&name.to_ascii_lowercase().as_str())
}

/// Look up `vendor:CODE` (any case). A code without a vendor (`GRAPHIC_EDITOR`, `glare_on_photo`)
/// is looked up in every vendor when it contains a letter (a bare number is ambiguous).
/// `None` when the text does not have the shape of a vendor code at all.
pub fn lookup(text: &str) -> Option<VendorMatch> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        return None;
    }
    match text.split_once(':') {
        Some((vendor, code)) => {
            let vendor = vendor.to_ascii_lowercase();
            if !is_vendor(&vendor) || code.is_empty() {
                return None;
            }
            let entry = ENTRIES
                .iter()
                .find(|e| e.vendor == vendor && e.code.eq_ignore_ascii_case(code));
            Some(VendorMatch {
                code: entry.map_or_else(|| code.to_string(), |e| e.code.to_string()),
                wording: entry.map(|e| e.wording),
                codes: codes::codes_for_vendor(&format!("{vendor}:{code}")),
                outside: entry.map(|e| e.outside.to_vec()).unwrap_or_default(),
                vendor,
            })
        }
        None => {
            if !looks_like_code(text) {
                return None;
            }
            let entries: Vec<&VendorEntry> = ENTRIES
                .iter()
                .filter(|e| e.code.eq_ignore_ascii_case(text))
                .collect();
            let local = codes::codes_for_vendor(text);
            if entries.is_empty() && local.is_empty() {
                return None;
            }
            let vendor = match entries.first() {
                Some(e) => e.vendor.to_string(),
                None => crosswalk_vendor(text).unwrap_or_default(),
            };
            let mut outside: Vec<OutsideCause> = entries
                .iter()
                .flat_map(|e| e.outside.iter().copied())
                .collect();
            outside.sort();
            outside.dedup();
            Some(VendorMatch {
                code: entries
                    .first()
                    .map_or_else(|| text.to_string(), |e| e.code.to_string()),
                wording: entries.first().map(|e| e.wording),
                codes: local,
                outside,
                vendor,
            })
        }
    }
}

/// A code given without its vendor must look like one (`GRAPHIC_EDITOR`, `glare_on_photo`,
/// `forbiddenDocument`, `FAKE`), so that plain words ("fake", "blurry") stay free text. A bare
/// number is ambiguous between vendors.
fn looks_like_code(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.is_empty() {
        return false;
    }
    let camel = text
        .chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase());
    let upper = letters.len() >= 3 && letters.iter().all(char::is_ascii_uppercase);
    text.contains('_') || camel || upper
}

/// The vendor of an unprefixed code found only in the crosswalk.
fn crosswalk_vendor(code: &str) -> Option<String> {
    Code::ALL
        .iter()
        .flat_map(|c| c.vendor_codes().iter())
        .filter_map(|vc| vc.split_once(':'))
        .find(|(_, rest)| rest.eq_ignore_ascii_case(code))
        .map(|(vendor, _)| vendor.to_string())
}

/// The vendor entry whose published wording is exactly this text (after normalising case,
/// width and punctuation), e.g. "Poor image quality" → veriff:204. Only a unique match counts.
pub fn by_wording(normalised_text: &str) -> Option<VendorMatch> {
    let mut found = ENTRIES
        .iter()
        .filter(|e| super::keywords::normalise(e.wording) == normalised_text);
    let entry = found.next()?;
    if found.next().is_some() {
        return None;
    }
    lookup(&format!("{}:{}", entry.vendor, entry.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_unique_and_lead_somewhere() {
        let mut seen = std::collections::HashSet::new();
        for e in ENTRIES {
            let key = format!("{}:{}", e.vendor, e.code.to_ascii_lowercase());
            assert!(seen.insert(key.clone()), "duplicate {key}");
            let m = lookup(&format!("{}:{}", e.vendor, e.code)).unwrap();
            assert!(
                !m.codes.is_empty() || !m.outside.is_empty(),
                "{key} maps to neither a reason code nor an outside cause"
            );
        }
    }

    #[test]
    fn crosswalk_codes_of_documented_vendors_have_a_wording() {
        for c in Code::ALL {
            for vc in c.vendor_codes() {
                let Some((vendor, code)) = vc.split_once(':') else {
                    continue;
                };
                if ["veriff", "sumsub", "onfido", "jumio"].contains(&vendor) {
                    assert!(
                        ENTRIES
                            .iter()
                            .any(|e| e.vendor == vendor && e.code.eq_ignore_ascii_case(code)),
                        "{vc} ({c}) has no published wording in vendors.rs"
                    );
                }
            }
        }
    }

    #[test]
    fn lookups() {
        let m = lookup("veriff:204").unwrap();
        assert_eq!(m.wording, Some("Poor image quality"));
        assert!(m.codes.contains(&Code::ImageBlurry) && m.codes.contains(&Code::ImageGlare));
        let m = lookup("SUMSUB:graphic_editor").unwrap();
        assert_eq!(
            (m.vendor.as_str(), m.code.as_str()),
            ("sumsub", "GRAPHIC_EDITOR")
        );
        assert_eq!(m.codes, vec![Code::ImageEdited]);
        let m = lookup("glare_on_photo").unwrap();
        assert_eq!(m.vendor, "onfido");
        assert_eq!(m.codes, vec![Code::ImageGlare]);
        let m = lookup("veriff:103").unwrap();
        assert!(m.codes.is_empty());
        assert_eq!(m.outside, vec![OutsideCause::FaceMatch]);
        let m = lookup("veriff:999").unwrap();
        assert!(!m.recognised());
        assert_eq!(lookup("document: expired"), None);
        assert_eq!(lookup("204"), None);
        assert_eq!(lookup("blurry photo"), None);
        assert_eq!(lookup("fake"), None);
        assert_eq!(lookup("FAKE").map(|m| m.vendor).as_deref(), Some("jumio"));
        assert_eq!(
            lookup("forbiddenDocument").map(|m| m.outside),
            Some(vec![OutsideCause::DocumentNotAccepted])
        );
    }

    #[test]
    fn wording_finds_the_code() {
        let m = by_wording(&super::super::keywords::normalise("Poor image quality.")).unwrap();
        assert_eq!(m.qualified(), "veriff:204");
    }
}
