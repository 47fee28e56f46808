//! Document in frame: find the card's outline in an ID photo and which way up it lies. The
//! framing findings (`DOC_NOT_FOUND`, `DOC_CUT_OFF`, `DOC_TOO_SMALL`, `DOC_TILTED`) are judged
//! from this measurement in `checks::framing`.
//!
//! Pure functions, no I/O. [`locate`] finds the outline in an RGB image; [`upright`] tells
//! which way up it lies; [`card_mask`] gives the pixels inside the outline so quality metrics
//! can be measured on the card rather than the table.
//! Method and measured accuracy: `docs/DOCUMENT.md`.

mod locate;
pub mod upright;

use image::{GrayImage, RgbImage};

use crate::finding::round;
use crate::policy::Policy;
use crate::report::DocumentOutline;

pub use locate::ID1_ASPECT;

/// A card whose long sides are turned more than this from the horizontal is sideways.
pub const SIDEWAYS_DEG: f64 = 45.0;

/// Long side of an ID-1 card in inches (85.6 mm), for the equivalent DPI.
pub const ID1_LONG_SIDE_INCHES: f64 = 85.6 / 25.4;

/// A card outline found in an image.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// Pixels of the image given to [`locate`] (continuous coordinates: the image spans
    /// `0..width` × `0..height`), clockwise starting from the corner nearest the image's
    /// top-left. When all four sides were seen, a corner beyond the frame lies outside
    /// `0..width`/`0..height`. When a side was not seen because the card leaves the frame
    /// there, that side is the image border (see `clipped`) and its corners lie on it.
    pub corners: [[f64; 2]; 4],
    /// Card edges (side `i` runs from `corners[i]` to `corners[i + 1]`) replaced by the image
    /// border because the card's own edge is beyond the frame.
    pub clipped: [bool; 4],
    /// Outline area (of the part inside the frame, for a clipped outline) / image area.
    pub area_fraction: f64,
    /// Direction of the card's long sides against the image's x axis, in degrees, positive
    /// clockwise on screen, folded into (−90, 90]: ≈ 0 upright or upside down, ≈ ±90 sideways.
    /// The outline alone cannot tell upright from upside down.
    pub angle_deg: f64,
    /// Perspective skew: the largest deviation of a corner angle from 90°, in degrees.
    pub perspective_deg: f64,
    /// Fraction (0–1) of the outline's visible perimeter backed by image edges.
    pub confidence: f64,
    /// Area of the whole document held up to the camera, inside the frame, / image area: the
    /// open booklet for a passport's data page (see `booklet`), else `area_fraction`.
    pub held_area_fraction: f64,
    /// The open booklet around the data page (same corner order as `corners`), when the
    /// outline is one page of one.
    pub booklet: Option<[[f64; 2]; 4]>,
}

impl Located {
    /// Build from four corners (either orientation, any start) of an outline in an image of
    /// `width`×`height`; `clipped[i]` belongs to the side starting at `corners[i]`.
    pub fn from_quad(
        corners: [[f64; 2]; 4],
        clipped: [bool; 4],
        width: f64,
        height: f64,
        confidence: f64,
    ) -> Option<Located> {
        if corners.iter().flatten().any(|v| !v.is_finite()) || width <= 0.0 || height <= 0.0 {
            return None;
        }
        let mut corners = corners;
        let mut clipped = clipped;
        // Clockwise on screen (y down) means a positive shoelace sum.
        if signed_area(&corners) < 0.0 {
            // Reverse the order; side i (c[i]→c[i+1]) becomes the side ending at the old c[i].
            corners = [corners[0], corners[3], corners[2], corners[1]];
            clipped = [clipped[3], clipped[2], clipped[1], clipped[0]];
        }
        let start = (0..4)
            .min_by(|&a, &b| {
                let da = corners[a][0].hypot(corners[a][1]);
                let db = corners[b][0].hypot(corners[b][1]);
                da.total_cmp(&db)
            })
            .unwrap_or(0);
        corners.rotate_left(start);
        clipped.rotate_left(start);
        let area = signed_area(&corners).abs();
        let side = |i: usize| {
            let (p, q) = (corners[i], corners[(i + 1) % 4]);
            [q[0] - p[0], q[1] - p[1]]
        };
        let len = |v: [f64; 2]| v[0].hypot(v[1]);
        let (top, right, bottom, left) = (side(0), side(1), side(2), side(3));
        // The long axis, as the sum of the two long sides pointing the same way.
        let axis = if len(top) + len(bottom) >= len(right) + len(left) {
            [top[0] - bottom[0], top[1] - bottom[1]]
        } else {
            [right[0] - left[0], right[1] - left[1]]
        };
        let mut angle = axis[1].atan2(axis[0]).to_degrees();
        if angle <= -90.0 {
            angle += 180.0;
        } else if angle > 90.0 {
            angle -= 180.0;
        }
        let perspective = (0..4)
            .map(|i| {
                let (a, b) = (side((i + 3) % 4), side(i));
                let cos = -(a[0] * b[0] + a[1] * b[1]) / (len(a) * len(b)).max(1e-12);
                (cos.clamp(-1.0, 1.0).acos().to_degrees() - 90.0).abs()
            })
            .fold(0.0, f64::max);
        Some(Located {
            corners,
            clipped,
            area_fraction: (area / (width * height)).clamp(0.0, 1.0),
            angle_deg: angle,
            perspective_deg: perspective,
            confidence: confidence.clamp(0.0, 1.0),
            held_area_fraction: (area / (width * height)).clamp(0.0, 1.0),
            booklet: None,
        })
    }

    /// Is the card lying sideways (its long sides nearer the vertical than the horizontal)?
    pub fn is_sideways(&self) -> bool {
        self.angle_deg.abs() > SIDEWAYS_DEG
    }

    /// Mean length of the two long sides, in pixels.
    pub fn long_side_px(&self) -> f64 {
        let l: [f64; 4] = std::array::from_fn(|i| {
            let (p, q) = (self.corners[i], self.corners[(i + 1) % 4]);
            (q[0] - p[0]).hypot(q[1] - p[1])
        });
        ((l[0] + l[2]) / 2.0).max((l[1] + l[3]) / 2.0)
    }

    /// The same outline in an image of another size (e.g. the quality-analysis copy).
    pub fn scaled(&self, from: (u32, u32), to: (u32, u32)) -> Located {
        let sx = f64::from(to.0) / f64::from(from.0.max(1));
        let sy = f64::from(to.1) / f64::from(from.1.max(1));
        Located {
            corners: self.corners.map(|p| [p[0] * sx, p[1] * sy]),
            booklet: self.booklet.map(|b| b.map(|p| [p[0] * sx, p[1] * sy])),
            ..self.clone()
        }
    }

    /// Does the outline contain the point (continuous pixel coordinates)?
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (0..4).all(|i| {
            let (p, q) = (self.corners[i], self.corners[(i + 1) % 4]);
            (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]) >= 0.0
        })
    }
}

fn signed_area(c: &[[f64; 2]; 4]) -> f64 {
    (0..4)
        .map(|i| {
            let (p, q) = (c[i], c[(i + 1) % 4]);
            p[0] * q[1] - q[0] * p[1]
        })
        .sum::<f64>()
        * 0.5
}

/// Find the card outline in an RGB image (any size; the search runs on a copy whose long side
/// is `policy.document.analysis_long_side`; a grey image works as well, with R = G = B). `None` when no outline is backed by at least
/// `policy.document.min_confidence` of its perimeter, or the image is too small to search.
pub fn locate(rgb: &RgbImage, policy: &Policy) -> Option<Located> {
    locate::locate(
        rgb,
        policy.document.analysis_long_side,
        policy.document.min_confidence,
    )
}

/// [`locate`] on `small`, a downscaled copy of an image of `full` pixels (the check pipeline
/// passes its quality-analysis copy); the outline comes back in the full image's pixels.
pub fn locate_scaled(small: &RgbImage, full: (u32, u32), policy: &Policy) -> Option<Located> {
    locate(small, policy).map(|l| l.scaled(small.dimensions(), full))
}

/// A mask of `width`×`height` (the image the outline refers to): 255 inside the outline,
/// 0 outside (pixel centres; the image checks' own polygon rasteriser).
pub fn card_mask(located: &Located, width: u32, height: u32) -> GrayImage {
    crate::images::metrics::polygon_mask(width, height, &located.corners)
}

/// What was measured about the document in one ID photo.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentAnalysis {
    /// Width and height of the (orientation-corrected) image the outline refers to.
    pub image: (u32, u32),
    /// The outline, when one was found.
    pub located: Option<Located>,
    /// Which way up the document lies, when the portrait, the MRZ or the print told.
    pub upright: Option<upright::Upright>,
    /// What inside the outline looks like a document (print, text lines, a portrait, an MRZ),
    /// measured on the best outline candidate; `located` is `None` when it falls short of
    /// `policy.document.min_evidence`.
    pub evidence: Option<Evidence>,
}

/// How document-like the inside of an outline is (see [`DocumentAnalysis::evidence`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The score judged against `policy.document.min_evidence` (0–1).
    pub score: f64,
    /// A face (the portrait) lies inside the outline, upright or turned.
    pub portrait: bool,
    /// Lines of print spanning the document's width at its top and bottom (an MRZ has 2–3).
    pub wide_lines: (usize, usize),
    /// How the print inside the outline runs.
    pub print: Option<upright::Print>,
}

impl Evidence {
    /// Is this enough to call the outline a document under `policy`?
    pub fn is_document(&self, policy: &Policy) -> bool {
        self.score >= policy.document.min_evidence
    }
}

/// Measure what the framing checks judge about the document in one ID photo, given the outline
/// the locator found (in pixels of the full image, `full`): which way up it lies and how
/// document-like its inside is. `luma` is the full image, `small_luma` the analysis copy,
/// `upright_faces` the faces the detector found in the upright picture (ID fronts). Returns the
/// analysis and, when the portrait was found turned, the faces found that way.
pub fn analyse(
    located: Option<Located>,
    subject: crate::finding::Subject,
    luma: &GrayImage,
    small_luma: &GrayImage,
    upright_faces: Option<&[crate::report::FaceBox]>,
    policy: &Policy,
) -> (DocumentAnalysis, Option<Vec<crate::report::FaceBox>>) {
    use crate::finding::Subject;
    let full = luma.dimensions();
    let mut doc = DocumentAnalysis {
        image: full,
        located: None,
        upright: None,
        evidence: None,
    };
    let Some(card) = located else {
        return (doc, None);
    };
    let on_copy = card.scaled(full, small_luma.dimensions());
    let print = upright::print(small_luma, &on_copy.corners);
    let wide_lines = upright::wide_lines(small_luma, &on_copy).unwrap_or((0, 0));
    let mut turned_faces = None;
    let upright_portrait =
        upright_faces.is_some_and(|faces| faces.iter().any(|f| upright::inside(f, &card)));
    let lie = upright::lie(print.as_ref(), &card, upright_portrait);
    let mut portrait = upright_portrait;
    match subject {
        // The portrait says which way up the card is, when the print cannot (upside down) or
        // cannot say which way to turn it (sideways); a portrait found turned is the portrait.
        Subject::IdFront => {
            if let Some(faces) = upright_faces
                && let Some((way, turned)) = upright::from_portrait(luma, &card, lie, faces, policy)
            {
                doc.upright = Some(way);
                turned_faces = Some(turned);
                portrait = true;
            }
        }
        // The back has no portrait; its MRZ, at the bottom of a TD1 card, says which way up
        // it is.
        Subject::IdBack => {
            if lie != upright::Lie::Sideways {
                doc.upright = upright::from_wide_lines(wide_lines);
            }
        }
        Subject::Selfie | Subject::Profile => {}
    }
    if doc.upright.is_none() && lie == upright::Lie::Sideways {
        doc.upright = Some(upright::Upright::Sideways);
    }
    let evidence = Evidence {
        score: evidence_score(portrait, wide_lines, card.confidence),
        portrait,
        wide_lines,
        print,
    };
    if evidence.is_document(policy) {
        doc.located = Some(card);
    } else {
        doc.upright = None;
    }
    doc.evidence = Some(evidence);
    (doc, turned_faces)
}

/// The evidence score (see [`Evidence`]): 1 with a portrait or an MRZ-like pair of wide lines
/// of print; otherwise the outline's own confidence (the share of its perimeter backed by
/// edges). A card lying on a table is a crisp step all round; the outlines found in photos of
/// a cat, a cup or a wall are pieces of texture that back 50–75 % of it.
fn evidence_score(portrait: bool, wide_lines: (usize, usize), confidence: f64) -> f64 {
    if portrait || wide_lines.0 + wide_lines.1 >= 2 {
        return 1.0;
    }
    confidence
}

impl DocumentOutline {
    /// The report's view of an outline (rounded, with the card's pixels across and DPI).
    pub fn of(loc: &Located) -> DocumentOutline {
        let long = loc.long_side_px();
        DocumentOutline {
            corners: loc.corners.map(|c| c.map(|v| round(v, 1))),
            area_fraction: round(loc.area_fraction, 4),
            angle_deg: round(loc.angle_deg, 1),
            long_side_px: round(long, 1),
            dpi: round(long / ID1_LONG_SIDE_INCHES, 1),
        }
    }
}

#[cfg(test)]
mod tests;
