//! Every check family on the analyses of a submission's images.

use chrono::NaiveDate;

use super::{duplicates, faces, files, framing, provenance, quality};
use crate::codes::Code;
use crate::finding::{Finding, Subject};
use crate::images::analysis::ImageAnalysis;
use crate::policy::Policy;

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
