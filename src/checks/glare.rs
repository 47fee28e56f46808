//! Glare (`IMAGE_GLARE`): how much of the document reflections blow out, where they are, and
//! whether they cover the portrait. Platforms reject glare that hides data; the finding says
//! what is hidden, and the report lists every reflection with its box, so support staff see
//! where it is.

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject, percent, round};
use crate::images::analysis::PixelAnalysis;
use crate::policy::Policy;
use crate::report::GlareSpot;

/// What a reflection covers that a platform needs to read.
pub const COVERS_PORTRAIT: &str = "portrait";

/// The reflections the policy counts as glare, in pixels of the full (orientation-corrected)
/// image `full`, largest first. What they cover is said on documents only (a selfie's face is
/// not a printed portrait).
pub fn spots(
    subject: Subject,
    px: &PixelAnalysis,
    full: (u32, u32),
    policy: &Policy,
) -> Vec<GlareSpot> {
    let q = &policy.quality;
    let (aw, ah) = px.analysis_size;
    let sx = f64::from(full.0) / f64::from(aw.max(1));
    let sy = f64::from(full.1) / f64::from(ah.max(1));
    let portraits = if subject.is_id() {
        portrait_boxes(px, policy)
    } else {
        Vec::new()
    };
    px.metrics
        .glare
        .judge(&q.glare_criteria())
        .regions
        .iter()
        .map(|r| {
            let scale = |b: [f64; 4]| [b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy];
            let bbox = scale(r.bbox);
            // The core's own cells, not its box: a diagonal streak's box spans far more. A
            // reflection that only grazes the portrait's edge does not hide the face.
            let over = |p: &[f64; 4]| {
                let covered: f64 = r.cell_boxes().map(|c| overlap_area(&scale(c), p)).sum();
                covered >= q.glare_portrait_min_share * (p[2] * p[3]).max(f64::MIN_POSITIVE)
            };
            let mut covers = Vec::new();
            if portraits.iter().any(over) {
                covers.push(COVERS_PORTRAIT.to_string());
            }
            GlareSpot {
                x: round(bbox[0], 1),
                y: round(bbox[1], 1),
                width: round(bbox[2], 1),
                height: round(bbox[3], 1),
                fraction: round(r.area, 4),
                covers,
            }
        })
        .collect()
}

/// The portrait printed around each face found on the document: the face box grown by
/// `quality.glare_portrait_margin` face widths to each side and above, and twice that below
/// (a portrait shows hair and shoulders, the face box only eyes to mouth).
fn portrait_boxes(px: &PixelAnalysis, policy: &Policy) -> Vec<[f64; 4]> {
    let m = policy.quality.glare_portrait_margin;
    px.faces.as_ref().map_or_else(Vec::new, |f| {
        f.faces
            .iter()
            .map(|b| {
                let (dx, dy) = (m * b.width, m * b.height);
                [b.x - dx, b.y - dy, b.width + 2.0 * dx, b.height + 3.0 * dy]
            })
            .collect()
    })
}

/// Area shared by two x, y, width, height boxes (0 when they do not intersect).
fn overlap_area(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    let w = (a[0] + a[2]).min(b[0] + b[2]) - a[0].max(b[0]);
    let h = (a[1] + a[3]).min(b[1] + b[3]) - a[1].max(b[1]);
    w.max(0.0) * h.max(0.0)
}

/// IMAGE_GLARE when reflections cover more of the document than `glare_max_fraction`.
pub fn finding(
    subject: Subject,
    px: &PixelAnalysis,
    full: (u32, u32),
    policy: &Policy,
) -> Option<Finding> {
    let q = &policy.quality;
    let glare = px.metrics.glare.judge(&q.glare_criteria());
    if glare.fraction <= q.glare_max_fraction {
        return None;
    }
    let over_portrait = spots(subject, px, full, policy)
        .iter()
        .any(|s| s.covers.iter().any(|c| c == COVERS_PORTRAIT));
    // A portrait under a reflection is often not found at all: on a front with no face,
    // the reflection may be what hides it.
    let no_portrait =
        subject == Subject::IdFront && px.faces.as_ref().is_some_and(|f| f.faces.is_empty());
    let key = if over_portrait {
        "image.glare_portrait"
    } else if no_portrait {
        "image.glare_no_portrait"
    } else {
        "image.glare"
    };
    Some(
        Finding::new(Code::ImageGlare, subject)
            .detail(
                key,
                [
                    Arg::Num(percent(glare.fraction)),
                    Arg::Num(percent(q.glare_max_fraction)),
                    Arg::Num(percent(glare.largest)),
                ],
            )
            .measured(round(glare.fraction, 4), q.glare_max_fraction),
    )
}
