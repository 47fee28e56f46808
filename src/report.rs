//! `Report`: findings plus per-image metrics and the verdict. Renderers read it; nothing here
//! knows the output language.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::finding::{Finding, Subject, Verdict};
use crate::images::Thumbnails;

/// The document outline found in an ID photo (contract: `images.<role>.document`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentOutline {
    /// Pixels of the orientation-corrected image, clockwise from top-left.
    pub corners: [[f64; 2]; 4],
    pub area_fraction: f64,
    pub angle_deg: f64,
    /// Pixels across the card's long side.
    pub long_side_px: f64,
    /// Equivalent resolution for an 85.6 mm ID-1 card.
    pub dpi: f64,
}

/// A face box in pixels of the orientation-corrected image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaceBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub score: f64,
}

/// One reflection counted as glare.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GlareSpot {
    /// Bounding box in pixels of the orientation-corrected image.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Share of the document (of the photo when no document was found) it covers.
    pub fraction: f64,
    /// What it lies over that a platform needs: `portrait`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

/// Text read from a document photo (contract: `images.<role>.text`): today the MRZ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextReport {
    /// What was read: `mrz`.
    pub kind: &'static str,
    /// `read` (every check digit confirmed the reading), `unreadable` (MRZ lines found, no
    /// reading passed its check digits) or `absent` (no MRZ-like lines on the document).
    pub status: &'static str,
    /// `TD1`, `TD2`, `TD3`, `MRV-A`, `MRV-B`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// The lines read, as printed. Renderers mask them unless `--show-pii`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// Mean probability of the characters read (0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Lowest probability among the name's characters (no check digit protects them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_confidence: Option<f64>,
    /// Characters the check digits changed from the classifier's first choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repaired: Option<usize>,
    /// The MRZ's outline in pixels of the orientation-corrected image, clockwise from the
    /// MRZ's own top-left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quad: Option<[[f64; 2]; 4]>,
    /// The outline's bounding box in the same pixels.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<TextBox>,
}

/// A box in pixels of the orientation-corrected image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl TextReport {
    pub fn of(outcome: &crate::reader::MrzOutcome) -> TextReport {
        use crate::finding::round;
        use crate::reader::MrzOutcome;
        let rq = |q: &[[f64; 2]; 4]| q.map(|[x, y]| [round(x, 1), round(y, 1)]);
        let bbox = |q: &[[f64; 2]; 4]| {
            let xs = q.iter().map(|p| p[0]);
            let ys = q.iter().map(|p| p[1]);
            let (x0, x1) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
            let (y0, y1) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
            TextBox {
                x: round(x0, 1),
                y: round(y0, 1),
                width: round(x1 - x0, 1),
                height: round(y1 - y0, 1),
            }
        };
        let empty = |status| TextReport {
            kind: "mrz",
            status,
            format: None,
            lines: Vec::new(),
            confidence: None,
            name_confidence: None,
            repaired: None,
            quad: None,
            bbox: None,
        };
        match outcome {
            MrzOutcome::Absent => empty("absent"),
            MrzOutcome::Unreadable { quad } => TextReport {
                quad: quad.as_ref().map(rq),
                bbox: quad.as_ref().map(bbox),
                ..empty("unreadable")
            },
            MrzOutcome::Read(r) => TextReport {
                format: Some(r.format.as_str()),
                lines: r.lines.clone(),
                confidence: Some(round(r.confidence, 3)),
                name_confidence: Some(round(r.name_confidence, 3)),
                repaired: Some(r.repaired),
                quad: Some(rq(&r.quad)),
                bbox: Some(bbox(&r.quad)),
                ..empty("read")
            },
        }
    }

    /// The lines as a report shows them: masked unless `show_pii`.
    pub fn shown_lines(&self, show_pii: bool) -> Vec<String> {
        if show_pii {
            self.lines.clone()
        } else {
            self.lines
                .iter()
                .map(|l| crate::messages::mask(l))
                .collect()
        }
    }
}

/// What EXIF says about where the picture came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExifSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub software: Option<String>,
    /// `DateTimeOriginal` as written (local time of the camera).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    /// `DateTime`: when the file was last written (editors update it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<u16>,
    pub gps: bool,
    /// Set when the EXIF block was malformed and (partly) ignored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Measurements of one image. Every metric that could be computed is present, pass or fail.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImageReport {
    pub path: String,
    /// Format sniffed from the bytes (not the extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    pub bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Focus measure (higher is sharper).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blur: Option<f64>,
    /// Fraction of the card (or image) covered by specular glare.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glare: Option<f64>,
    /// Largest single glare region, as a fraction of the card (or image).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glare_largest: Option<f64>,
    /// Each reflection counted as glare: its box in pixels, its share of the document and
    /// what it covers (`portrait`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub glare_regions: Vec<GlareSpot>,
    /// Mean brightness 0–1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brightness: Option<f64>,
    /// The document's white point (99th luma percentile, 0–1): under-exposure is judged on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub white_point: Option<f64>,
    /// Share (0–1) of the document's near-white areas clipped to white, reflections excepted:
    /// over-exposure is judged on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub light_clipped: Option<f64>,
    /// Fraction of clipped-white pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clipped: Option<f64>,
    /// Contrast of the print, 0–1: median Michelson contrast around the strongest edges of the
    /// document (the spread of its luma when it has no edges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contrast: Option<f64>,
    /// Colourfulness (Hasler–Süsstrunk, scaled 0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colorfulness: Option<f64>,
    /// Spread of colour (99th percentile distance from the median chroma, 0–1): a
    /// black-and-white copy has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chroma_spread: Option<f64>,
    /// Whether colour could be judged: not in a photo too dark or over-exposed (sensors lose
    /// chroma there), so `IMAGE_GRAYSCALE` is not raised on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour_judged: Option<bool>,
    /// 64-bit perceptual hash, hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phash: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faces: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub face_boxes: Vec<FaceBox>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentOutline>,
    /// Text read from the document (ID photos, when the policy's reader is on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<TextReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exif: Option<ExifSummary>,
    /// JPEG thumbnails for the HTML report (only with `--format html`; never in JSON).
    #[serde(skip)]
    pub thumbnails: Option<Thumbnails>,
}

/// The outcome of one `check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Sorted: by subject, then most severe first, then code order.
    pub findings: Vec<Finding>,
    pub images: BTreeMap<Subject, ImageReport>,
    /// No profile was given: only the photos were checked (`check --id-front a.jpg`, a batch
    /// case of photos named by role). JSON shows it as `"profile_given": false`.
    pub without_profile: bool,
}

impl Report {
    pub fn new(mut findings: Vec<Finding>, images: BTreeMap<Subject, ImageReport>) -> Report {
        findings.sort_by(|a, b| {
            a.subject
                .cmp(&b.subject)
                .then(b.severity.cmp(&a.severity))
                .then(a.code.cmp(&b.code))
        });
        Report {
            findings,
            images,
            without_profile: false,
        }
    }

    pub fn verdict(&self) -> Verdict {
        Verdict::of(&self.findings)
    }

    /// Whether `check` should exit 1: a `fail`, or with `--strict` a `warn`.
    pub fn is_rejection(&self, strict: bool) -> bool {
        match self.verdict() {
            Verdict::Fail => true,
            Verdict::Warn => strict,
            Verdict::Pass => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;

    #[test]
    fn findings_sorted_by_subject_then_severity() {
        let r = Report::new(
            vec![
                Finding::new(Code::ExifGpsPresent, Subject::Selfie),
                Finding::new(Code::DocExpiresSoon, Subject::Profile),
                Finding::new(Code::ImageBlurry, Subject::IdFront),
                Finding::new(Code::DocExpired, Subject::Profile),
            ],
            BTreeMap::new(),
        );
        let order: Vec<_> = r.findings.iter().map(|f| f.code).collect();
        assert_eq!(
            order,
            [
                Code::DocExpired,
                Code::DocExpiresSoon,
                Code::ImageBlurry,
                Code::ExifGpsPresent
            ]
        );
        assert!(r.is_rejection(false));
    }

    #[test]
    fn strict_turns_warnings_into_rejections() {
        let r = Report::new(
            vec![Finding::new(Code::DocExpiresSoon, Subject::Profile)],
            BTreeMap::new(),
        );
        assert!(!r.is_rejection(false));
        assert!(r.is_rejection(true));
        assert!(!Report::default().is_rejection(true));
    }
}
