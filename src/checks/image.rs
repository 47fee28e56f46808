//! Every check family on the analyses of a submission's images.

use chrono::NaiveDate;

use super::{duplicates, faces, files, framing, glare, provenance, quality};
use crate::codes::Code;
use crate::finding::{Finding, Subject, round};
use crate::images::analysis::ImageAnalysis;
use crate::policy::Policy;
use crate::report::{DocumentOutline, ImageReport, TextReport};

/// Findings for every image, then `IMAGE_DUPLICATE` across them.
pub fn findings(analyses: &[ImageAnalysis], policy: &Policy, today: NaiveDate) -> Vec<Finding> {
    let mut out: Vec<Finding> = analyses
        .iter()
        .flat_map(|a| one(a, policy, today))
        .collect();
    out.extend(duplicates::findings(analyses, policy));
    out
}

/// Findings for one image: the file, the document in the frame, quality, faces, provenance.
pub fn one(a: &ImageAnalysis, policy: &Policy, today: NaiveDate) -> Vec<Finding> {
    let mut out = files::findings(a, policy);
    if let Some(px) = &a.pixels {
        if let Some(doc) = &px.document {
            out.extend(framing::findings(doc, a.subject, policy));
        }
        let quality = quality::findings(a, policy);
        if let Some(fa) = &px.faces {
            let face_findings = match a.subject {
                Subject::Selfie => faces::selfie(fa, policy),
                _ => faces::id_front(fa),
            };
            // A photo that is dark overall is reported once, not again for its face.
            let already_dark = quality.iter().any(|f| f.code == Code::ImageTooDark);
            out.extend(
                face_findings
                    .into_iter()
                    .filter(|f| !(already_dark && f.code == Code::ImageTooDark)),
            );
        }
        out.extend(quality);
    }
    out.extend(provenance::findings(a, policy, today));
    out
}

/// The image's part of the report: every measurement, pass or fail (glare as the policy
/// defines it).
pub fn report(a: &ImageAnalysis, policy: &Policy) -> ImageReport {
    let mut report = ImageReport {
        path: a.display.clone(),
        bytes: a.bytes,
        format: a.format.map(|f| f.as_str().to_string()),
        width: a.dimensions.map(|d| d.0),
        height: a.dimensions.map(|d| d.1),
        exif: a.exif.as_ref().and_then(|e| e.summary.clone()),
        ..ImageReport::default()
    };
    let Some(px) = &a.pixels else {
        return report;
    };
    let m = &px.metrics;
    report.blur = m.focus.map(|f| round(f.score, 2));
    let glare = m.glare.judge(&policy.quality.glare_criteria());
    report.glare = Some(round(glare.fraction, 4));
    report.glare_largest = Some(round(glare.largest, 4));
    let full = a.dimensions.unwrap_or(px.analysis_size);
    report.glare_regions = glare::spots(a.subject, px, full, policy);
    let exposure = quality::exposure(a.subject, px, policy);
    report.brightness = Some(round(m.exposure.brightness, 3));
    report.white_point = Some(round(exposure.white_point, 3));
    report.light_clipped = Some(round(exposure.light_clipped, 4));
    report.clipped = Some(round(m.exposure.clipped, 4));
    let contrast = m
        .focus
        .and_then(|f| f.contrast)
        .unwrap_or(m.exposure.contrast);
    report.contrast = Some(round(contrast, 3));
    report.colorfulness = Some(round(m.colorfulness, 3));
    report.chroma_spread = Some(round(m.chroma_spread, 3));
    report.colour_judged = Some(exposure.colour_judged());
    report.phash = Some(format!("{:016x}", m.phash));
    if let Some(faces) = &px.faces {
        report.faces = u32::try_from(faces.faces.len()).ok();
        report.face_boxes = faces.faces.clone();
    }
    report.document = a.located().map(DocumentOutline::of);
    report.text = px.text.as_ref().map(TextReport::of);
    report.thumbnails = px.thumbnails.clone();
    report
}
