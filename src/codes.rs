//! The reason-code registry: every code the tool can report, with its default severity, the
//! family it belongs to and the rejection codes vendors use for the same problem.
//!
//! The human text for each code (both languages) lives in `messages`; this module holds the
//! facts that are not language. `codes`, `explain` and every report read from here.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::finding::Severity;

/// Declares the `Code` enum together with its table of stable names, default severities,
/// families and vendor-code crosswalk, so adding a code is one line and nothing can drift.
macro_rules! codes {
    ($( $variant:ident = $name:literal, $sev:ident, $family:ident, [$($vendor:literal),*] ;)*) => {
        /// A stable reason code (contract: add new ones, never rename).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            /// Every code, in the order `codes` lists them.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable upper-case name, e.g. `IMAGE_BLURRY`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            /// Severity when no policy overrides it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// Which kind of check reports it.
            pub fn family(self) -> Family {
                match self { $( Code::$variant => Family::$family, )* }
            }

            /// Rejection codes that identity vendors and exchanges use for the same problem,
            /// as `vendor:CODE`, so support staff can match a platform's rejection to a finding.
            pub fn vendor_codes(self) -> &'static [&'static str] {
                match self { $( Code::$variant => &[ $( $vendor, )* ], )* }
            }
        }
    };
}

// Vendor crosswalk. Each `vendor:CODE` is the code a platform sends for the same problem, as the
// vendor documents it (read 2026-12-01):
// - veriff: decision codes (101–129 declined, 201–209 resubmission) and granular reason codes
//   (5xx): devdocs.veriff.com/docs/verification-session-decision-codes-table and
//   devdocs.veriff.com/docs/granular-reason-codes.
// - sumsub: rejection labels (docs.sumsub.com/docs/rejection-labels), the explanatory buttons
//   that come with them (docs.sumsub.com/reference/temporary-rejection, /final-rejection; the API
//   returns them as `group_button`, e.g. `dataMismatch_fullName`) and fastfail error tags
//   (docs.sumsub.com/docs/fastfail).
// - onfido: document report image-quality (`DocumentIQReasons`) and conclusive-document-quality
//   (`DocumentCDQReasons`) reasons and breakdown keys (onfido Ruby SDK 5.5.0 on rubydoc.info);
//   `BLUR_DETECTED`/`GLARE_DETECTED`/`CUTOFF_DETECTED` from onfido-sdk-ui (Confirm.js).
// - jumio: Netverify callback verification statuses, reject reasons (100–300) and reject reason
//   details (2001–2005):
//   github.com/Jumio/implementation-guides, netverify/callback.md.
// Codes whose cause no local check can see (face match, liveness, fraud screening, duplicates…)
// are not here: `diagnose::vendors` names them and the causes that lie outside a local check.
codes! {
    ProfileFieldMissing = "PROFILE_FIELD_MISSING", Fail, Profile, ["sumsub:PROBLEMATIC_APPLICANT_DATA", "sumsub:missingImportantInfo"];
    ProfileUnknownField = "PROFILE_UNKNOWN_FIELD", Warn, Profile, [];
    ProfileFieldType = "PROFILE_FIELD_TYPE", Fail, Profile, [];
    NameInvalid = "NAME_INVALID", Fail, Profile, ["sumsub:PROBLEMATIC_APPLICANT_DATA"];
    NameMismatch = "NAME_MISMATCH", Fail, Profile, ["veriff:104", "sumsub:dataMismatch_fullName", "paypal:R25", "paypal:R26", "straitsx:102", "lemonway:7"];
    DateInvalid = "DATE_INVALID", Fail, Profile, ["sumsub:PROBLEMATIC_APPLICANT_DATA"];
    DobInFuture = "DOB_IN_FUTURE", Fail, Profile, [];
    AgeBelowMinimum = "AGE_BELOW_MINIMUM", Fail, Profile, ["sumsub:AGE_REQUIREMENT_MISMATCH", "sumsub:regulationsViolations_age", "didit:MINIMUM_AGE_NOT_MET", "onfido:age_validation", "veriff:530", "veriff:531", "veriff:532", "veriff:533", "veriff:534", "veriff:535", "veriff:536"];
    AgeImplausible = "AGE_IMPLAUSIBLE", Fail, Profile, ["onfido:data_validation"];
    CountryCodeInvalid = "COUNTRY_CODE_INVALID", Fail, Profile, ["sumsub:differentDocTypeOrCountry"];
    IdNumberFormat = "ID_NUMBER_FORMAT", Fail, Profile, ["onfido:data_validation", "regula:INVALID_FIELD_FORMAT", "sumsub:ID_INVALID"];
    IdNumberChecksum = "ID_NUMBER_CHECKSUM", Fail, Profile, ["onfido:data_validation", "regula:INVALID_CHECKSUM", "sumsub:ID_INVALID"];
    IdNumberDobMismatch = "ID_NUMBER_DOB_MISMATCH", Fail, Profile, ["onfido:data_consistency", "didit:DATA_INCONSISTENT"];
    IdNumberSexMismatch = "ID_NUMBER_SEX_MISMATCH", Fail, Profile, ["onfido:data_consistency", "didit:DATA_INCONSISTENT"];
    MrzFormat = "MRZ_FORMAT", Fail, Profile, ["didit:MRZ_NOT_DETECTED", "onfido:data_validation"];
    MrzCheckDigit = "MRZ_CHECK_DIGIT", Fail, Profile, ["didit:MRZ_VALIDATION_FAILED", "regula:INVALID_CHECKSUM", "onfido:data_validation"];
    MrzFieldMismatch = "MRZ_FIELD_MISMATCH", Fail, Profile, ["didit:MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME", "onfido:data_comparison", "veriff:104"];
    DocExpired = "DOC_EXPIRED", Fail, Profile, ["veriff:207", "veriff:511", "sumsub:EXPIRATION_DATE", "sumsub:expiredDoc", "didit:DOCUMENT_EXPIRED", "straitsx:101", "lemonway:5"];
    DocExpiresSoon = "DOC_EXPIRES_SOON", Warn, Profile, ["sumsub:EXPIRATION_DATE"];
    DocDatesInconsistent = "DOC_DATES_INCONSISTENT", Fail, Profile, ["onfido:data_consistency", "didit:DATA_INCONSISTENT"];

    FileMissing = "FILE_MISSING", Fail, File, ["veriff:201", "veriff:208", "veriff:209", "sumsub:DOCUMENT_PAGE_MISSING", "sumsub:FRONT_SIDE_MISSING", "sumsub:BACK_SIDE_MISSING", "sumsub:additionalPages_anotherSide", "onfido:missing_back", "jumio:MISSING_BACK", "jumio:NO_ID_UPLOADED", "straitsx:105", "straitsx:106"];
    FileUnreadable = "FILE_UNREADABLE", Fail, File, ["yousign:1103"];
    FileEmpty = "FILE_EMPTY", Fail, File, ["yousign:1103"];
    FileTooLarge = "FILE_TOO_LARGE", Fail, File, ["lemonway:sub-status-5"];
    FileTooSmall = "FILE_TOO_SMALL", Warn, File, ["sumsub:LOW_QUALITY"];
    FormatUnsupported = "FORMAT_UNSUPPORTED", Fail, File, ["yousign:1103", "paypal:R24"];
    FormatExtensionMismatch = "FORMAT_EXTENSION_MISMATCH", Warn, File, [];
    ImageCorrupt = "IMAGE_CORRUPT", Fail, File, ["yousign:1103"];
    ImageDuplicate = "IMAGE_DUPLICATE", Fail, File, ["onfido:incorrect_side", "didit:DOCUMENT_SIDES_MISMATCH", "persona:id_double_side_detection"];

    ImageResolutionLow = "IMAGE_RESOLUTION_LOW", Fail, Quality, ["veriff:204", "paypal:R23", "regula:IMAGE_RESOLUTION", "mangopay:009024", "sumsub:LOW_QUALITY", "onfido:image_quality", "jumio:BAD_QUALITY", "jumio:NOT_READABLE_DOCUMENT"];
    ImageBlurry = "IMAGE_BLURRY", Fail, Quality, ["veriff:204", "onfido:blurred_photo", "onfido:BLUR_DETECTED", "onfido:image_quality", "sumsub:LOW_QUALITY", "sumsub:UNSATISFACTORY_PHOTOS", "sumsub:dataNotReadable", "sumsub:badPhoto_dataNotVisible", "regula:IMAGE_FOCUS", "google:defect_blurry", "jumio:BLURRED", "jumio:BAD_QUALITY", "jumio:NOT_READABLE_DOCUMENT"];
    ImageGlare = "IMAGE_GLARE", Fail, Quality, ["veriff:204", "onfido:glare_on_photo", "onfido:GLARE_DETECTED", "onfido:obscured_data_points", "onfido:obscured_security_features", "sumsub:UNSATISFACTORY_PHOTOS", "regula:IMAGE_GLARES", "google:defect_glare", "jumio:HIDDEN_PART_DOCUMENT", "jumio:NOT_READABLE_DOCUMENT"];
    ImageTooDark = "IMAGE_TOO_DARK", Fail, Quality, ["veriff:202", "veriff:204", "onfido:dark_photo", "regula:BRIGHTNESS", "google:defect_dark", "jumio:BAD_QUALITY"];
    ImageOverexposed = "IMAGE_OVEREXPOSED", Fail, Quality, ["veriff:204", "regula:BRIGHTNESS", "google:defect_faint", "jumio:BAD_QUALITY"];
    ImageLowContrast = "IMAGE_LOW_CONTRAST", Warn, Quality, ["veriff:204", "google:defect_faint"];
    ImageGrayscale = "IMAGE_GRAYSCALE", Fail, Quality, ["sumsub:BLACK_AND_WHITE", "sumsub:badPhoto_blackAndWhite", "straitsx:104", "mangopay:009025", "regula:IMAGE_COLORNESS", "onfido:colour_picture", "jumio:PHOTOCOPY_BLACK_WHITE", "jumio:CAMERA_BLACK_WHITE"];

    ImageEdited = "IMAGE_EDITED", Warn, Provenance, ["sumsub:GRAPHIC_EDITOR", "sumsub:badPhoto_imageEditor", "sumsub:FORGERY", "veriff:102", "veriff:506", "onfido:digital_tampering", "onfido:watermarks_digital_text_overlay", "shuftipro:SPDR89", "persona:id_tamper_detection", "jumio:MANIPULATED_DOCUMENT"];
    ImageScreenshot = "IMAGE_SCREENSHOT", Warn, Provenance, ["sumsub:SCREENSHOTS", "sumsub:badPhoto_screenshot", "sumsub:DIGITAL_DOCUMENT", "didit:SCREEN_CAPTURE_DETECTED", "veriff:504", "onfido:digital_document", "shuftipro:SPDR51", "jumio:DIGITAL_COPY"];
    ExifGpsPresent = "EXIF_GPS_PRESENT", Info, Provenance, [];
    SelfieStale = "SELFIE_STALE", Warn, Provenance, ["sumsub:BAD_SELFIE"];

    DocNotFound = "DOC_NOT_FOUND", Warn, Document, ["onfido:no_document_in_image", "sumsub:NOT_DOCUMENT", "jumio:NO_DOCUMENT"];
    DocCutOff = "DOC_CUT_OFF", Fail, Document, ["veriff:203", "onfido:cut_off_document", "onfido:CUTOFF_DETECTED", "sumsub:INCOMPLETE_DOCUMENT", "sumsub:badPhoto_incomplete", "sumsub:documentWayTooMuchOutside", "regula:BOUNDS", "google:defect_document_cutoff", "jumio:MISSING_PART_DOCUMENT", "jumio:NOT_READABLE_DOCUMENT"];
    DocTooSmall = "DOC_TOO_SMALL", Fail, Document, ["veriff:204", "regula:IMAGE_RESOLUTION", "google:defect_text_too_small"];
    DocTilted = "DOC_TILTED", Warn, Document, ["regula:PERSPECTIVE"];
    DocDataMismatch = "DOC_DATA_MISMATCH", Fail, Document, ["sumsub:PROBLEMATIC_APPLICANT_DATA", "didit:MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME", "onfido:data_comparison"];
    MrzUnreadable = "MRZ_UNREADABLE", Warn, Document, ["sumsub:dataNotReadable", "sumsub:badPhoto_dataNotVisible", "jumio:NOT_READABLE_DOCUMENT"];

    SelfieNoFace = "SELFIE_NO_FACE", Fail, Faces, ["veriff:202", "idenfy:NO_FACE_FOUND", "sumsub:BAD_SELFIE", "sumsub:BAD_AVATAR"];
    SelfieMultipleFaces = "SELFIE_MULTIPLE_FACES", Fail, Faces, ["idenfy:TOO_MANY_FACES", "sumsub:BAD_SELFIE", "veriff:502"];
    SelfieFaceTooSmall = "SELFIE_FACE_TOO_SMALL", Fail, Faces, ["veriff:202", "sumsub:BAD_SELFIE", "sumsub:BAD_AVATAR"];
    SelfieFaceOffCenter = "SELFIE_FACE_OFF_CENTER", Warn, Faces, ["veriff:202"];
    IdNoPortrait = "ID_NO_PORTRAIT", Fail, Faces, ["didit:PORTRAIT_IMAGE_NOT_DETECTED", "onfido:incorrect_side", "veriff:209", "veriff:537", "sumsub:FRONT_SIDE_MISSING", "jumio:WRONG_DOCUMENT_PAGE"];
}

/// Groups of codes, in the order reports and `codes` present them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Profile,
    File,
    Quality,
    Provenance,
    Document,
    Faces,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Profile => "profile",
            Family::File => "file",
            Family::Quality => "quality",
            Family::Provenance => "provenance",
            Family::Document => "document",
            Family::Faces => "faces",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a name that is not a reason code; carries the nearest code for "did you mean".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown reason code `{given}`")]
pub struct UnknownCode {
    pub given: String,
    pub nearest: Option<Code>,
}

impl FromStr for Code {
    type Err = UnknownCode;

    /// Accepts any case and `-` or space for `_` (`image-blurry`, `Image Blurry`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted: String = s
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| UnknownCode {
                given: s.to_string(),
                nearest: nearest_code(&wanted),
            })
    }
}

/// The code closest to a mistyped name, if any is reasonably close.
pub fn nearest_code(wanted: &str) -> Option<Code> {
    let wanted = wanted.to_ascii_uppercase();
    let name = crate::suggest::nearest(&wanted, Code::ALL.iter().map(|c| c.as_str()), 0.80)?;
    Code::ALL.iter().copied().find(|c| c.as_str() == name)
}

/// Codes whose vendor crosswalk contains `vendor_code` (matched case-insensitively, with or
/// without the `vendor:` prefix when the rest is unambiguous, e.g. `veriff:204`, `GRAPHIC_EDITOR`).
pub fn codes_for_vendor(vendor_code: &str) -> Vec<Code> {
    let wanted = vendor_code.trim().to_ascii_lowercase();
    let has_prefix = wanted.contains(':');
    Code::ALL
        .iter()
        .copied()
        .filter(|c| {
            c.vendor_codes().iter().any(|v| {
                let v = v.to_ascii_lowercase();
                if has_prefix {
                    v == wanted
                } else {
                    v.split_once(':').is_some_and(|(_, rest)| rest == wanted)
                }
            })
        })
        .collect()
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: UnknownCode| {
            let hint = e
                .nearest
                .map(|c| format!(" (did you mean {c}?)"))
                .unwrap_or_default();
            serde::de::Error::custom(format!("{e}{hint}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_upper_snake_case() {
        let mut seen = HashSet::new();
        for c in Code::ALL {
            let name = c.as_str();
            assert!(seen.insert(name), "duplicate {name}");
            assert!(
                name.chars().all(|ch| ch.is_ascii_uppercase() || ch == '_'),
                "{name} is not UPPER_SNAKE_CASE"
            );
        }
    }

    #[test]
    fn parses_any_case_and_separators() {
        assert_eq!("image_blurry".parse::<Code>(), Ok(Code::ImageBlurry));
        assert_eq!("Image-Blurry".parse::<Code>(), Ok(Code::ImageBlurry));
        assert_eq!(" DOC_EXPIRED ".parse::<Code>(), Ok(Code::DocExpired));
    }

    #[test]
    fn typo_suggests_nearest() {
        let err = "IMAGE_BLURY".parse::<Code>().unwrap_err();
        assert_eq!(err.nearest, Some(Code::ImageBlurry));
        let err = "DOC_EXPIRD".parse::<Code>().unwrap_err();
        assert_eq!(err.nearest, Some(Code::DocExpired));
        let err = "zzzzzz".parse::<Code>().unwrap_err();
        assert_eq!(err.nearest, None);
    }

    #[test]
    fn vendor_lookup() {
        assert_eq!(
            codes_for_vendor("sumsub:GRAPHIC_EDITOR"),
            vec![Code::ImageEdited]
        );
        assert!(codes_for_vendor("veriff:204").contains(&Code::ImageBlurry));
        assert_eq!(codes_for_vendor("graphic_editor"), vec![Code::ImageEdited]);
        assert!(codes_for_vendor("nobody:1").is_empty());
    }

    #[test]
    fn vendor_codes_are_prefixed() {
        for c in Code::ALL {
            for v in c.vendor_codes() {
                assert!(
                    v.split_once(':').is_some(),
                    "{c}: {v} lacks a vendor prefix"
                );
            }
        }
    }
}
