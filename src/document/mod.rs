//! Document in frame: find the card's outline in an ID photo and judge its framing
//! (`DOC_NOT_FOUND`, `DOC_CUT_OFF`, `DOC_TOO_SMALL`, `DOC_TILTED`).
//!
//! Pure functions, no I/O. [`locate`] finds the outline in an RGB image; [`check`] turns it
//! into findings and the report's [`DocumentOutline`]; [`card_mask`] gives the pixels inside
//! the outline so quality metrics can be measured on the card rather than the table.
//! Method and measured accuracy: `docs/DOCUMENT.md`.

mod locate;
pub mod upright;

use image::{GrayImage, RgbImage};

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
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
    crate::images::quality::polygon_mask(width, height, &located.corners)
}

/// Which sides of the frame the outline touches or crosses.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Margins {
    /// Gap between the card and the left, top, right, bottom frame edge, as a fraction of the
    /// image width (left/right) or height (top/bottom); negative when the card leaves the frame.
    gaps: [f64; 4],
}

impl Margins {
    fn of(located: &Located, width: f64, height: f64) -> Margins {
        let xs = located.corners.map(|p| p[0]);
        let ys = located.corners.map(|p| p[1]);
        let min = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Margins {
            gaps: [
                min(xs) / width,
                min(ys) / height,
                (width - max(xs)) / width,
                (height - max(ys)) / height,
            ],
        }
    }
}

/// The detail key naming the frame sides the card leaves or touches (left, top, right, bottom).
fn cut_off_key(sides: [bool; 4]) -> &'static str {
    match sides {
        [true, false, false, false] => "doc.cut_off.left",
        [false, true, false, false] => "doc.cut_off.top",
        [false, false, true, false] => "doc.cut_off.right",
        [false, false, false, true] => "doc.cut_off.bottom",
        [true, true, false, false] => "doc.cut_off.top_left",
        [false, true, true, false] => "doc.cut_off.top_right",
        [false, false, true, true] => "doc.cut_off.bottom_right",
        [true, false, false, true] => "doc.cut_off.bottom_left",
        _ => "doc.cut_off.several",
    }
}

/// Findings about the card's framing in one ID image of `width`×`height`, and the outline for
/// the report. Only `id_front`/`id_back` are judged; for other subjects this returns nothing.
pub fn check(
    located: Option<&Located>,
    width: u32,
    height: u32,
    subject: Subject,
    policy: &Policy,
) -> (Vec<Finding>, Option<DocumentOutline>) {
    if !subject.is_id() || width == 0 || height == 0 {
        return (Vec::new(), None);
    }
    let p = &policy.document;
    let Some(loc) = located else {
        return (
            vec![Finding::new(Code::DocNotFound, subject).detail("doc.not_found", [])],
            None,
        );
    };
    let (w, h) = (f64::from(width), f64::from(height));
    let mut findings = Vec::new();

    let margins = Margins::of(loc, w, h);
    let short = margins.gaps.map(|g| g < p.min_margin_fraction);
    if short.iter().any(|&s| s) {
        let worst = margins.gaps.iter().copied().fold(f64::INFINITY, f64::min);
        findings.push(
            Finding::new(Code::DocCutOff, subject)
                .detail(cut_off_key(short), [])
                .measured(round4(worst), p.min_margin_fraction),
        );
    }

    if loc.area_fraction < p.min_area_fraction {
        findings.push(
            Finding::new(Code::DocTooSmall, subject)
                .detail(
                    "doc.too_small",
                    [
                        Arg::Int((loc.area_fraction * 100.0).round() as i64),
                        Arg::Int((p.min_area_fraction * 100.0).round() as i64),
                    ],
                )
                .measured(round4(loc.area_fraction), p.min_area_fraction),
        );
    }

    let rotation = loc.angle_deg.abs();
    if loc.is_sideways() {
        findings.push(
            Finding::new(Code::DocTilted, subject)
                .detail("doc.sideways", [])
                .measured(round1(rotation), p.max_tilt_deg),
        );
    } else if rotation > p.max_tilt_deg {
        findings.push(
            Finding::new(Code::DocTilted, subject)
                .detail(
                    "doc.rotated",
                    [Arg::Num(round1(rotation)), Arg::Num(p.max_tilt_deg)],
                )
                .measured(round1(rotation), p.max_tilt_deg),
        );
    } else if loc.perspective_deg > p.max_tilt_deg {
        findings.push(
            Finding::new(Code::DocTilted, subject)
                .detail(
                    "doc.perspective",
                    [
                        Arg::Num(round1(loc.perspective_deg)),
                        Arg::Num(p.max_tilt_deg),
                    ],
                )
                .measured(round1(loc.perspective_deg), p.max_tilt_deg),
        );
    }

    let long = loc.long_side_px();
    let outline = DocumentOutline {
        corners: loc.corners.map(|c| c.map(round1)),
        area_fraction: round4(loc.area_fraction),
        angle_deg: round1(loc.angle_deg),
        long_side_px: round1(long),
        dpi: round1(long / ID1_LONG_SIDE_INCHES),
    };
    (findings, Some(outline))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;
