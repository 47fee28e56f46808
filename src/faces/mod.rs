//! Faces: a real face detector (SeetaFace via `rustface`, model embedded) and the light on the
//! faces it finds. The selfie and ID-portrait findings are judged from this in `checks::faces`.
//!
//! Pure functions: the image pipeline hands in the orientation-corrected luma plane once it is
//! decoded; nothing here reads files, prints or knows the output language.
//!
//! - [`detect`] gives face boxes in pixels of the given image (detection runs on a copy
//!   scaled to `faces.detect_long_side`); [`detect_turned`] looks for faces lying sideways or
//!   upside down;
//! - [`FaceAnalysis`] holds the faces and the light on the largest one; `checks::faces`
//!   judges it (`SELFIE_*`, `ID_NO_PORTRAIT`, a dark or backlit face).
//!
//! How the thresholds were chosen: `docs/FACES.md`.

mod detector;
#[cfg(test)]
mod tests;

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::GrayImage;

use crate::finding::round;
use crate::policy::{FacesPolicy, Policy};
use crate::report::FaceBox;

pub use detector::{WINDOW, model_loaded};

/// The detection copy is never made smaller than this on its long side, whatever the policy
/// says, so a mistyped `detect_long_side` cannot switch the detector off.
const MIN_DETECT_LONG_SIDE: u32 = 4 * WINDOW;

/// Contrast stretch of the detection copy: these percentiles of its histogram map to 0 and 255.
const STRETCH_LOW: f64 = 0.01;
const STRETCH_HIGH: f64 = 0.99;
/// Images whose percentile span is below this many grey levels are flat: left unstretched.
const MIN_STRETCH_SPAN: u8 = 16;

/// How far the picture is turned (clockwise) before the detector looks at it. The detector
/// finds upright faces only; turning the picture finds the portrait on a card lying sideways or
/// upside down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    None,
    /// 90° clockwise: finds a face whose top points left.
    Quarter,
    /// 180°: finds an upside-down face.
    Half,
    /// 270° clockwise: finds a face whose top points right.
    ThreeQuarters,
}

/// Faces in `luma` (the orientation-corrected luma plane), in its pixel coordinates, largest
/// first. Detection runs on a copy whose long side is `policy.detect_long_side` (smaller images
/// are used as they are); faces scoring below `policy.min_score` are dropped. Images too small
/// for the detector's 40 px window give no faces. Never panics.
pub fn detect(luma: &GrayImage, policy: &FacesPolicy) -> Vec<FaceBox> {
    detect_turned(luma, policy, Turn::None, detector::MIN_FACE)
}

/// [`detect`] on the picture turned by `turn`; the boxes are in pixels of `luma` as given.
/// Faces smaller than `min_face` pixels of the detection copy (at least 20) are not searched
/// for: a search for large faces only skips the enlarged copy and costs a fraction of a full one.
pub fn detect_turned(
    luma: &GrayImage,
    policy: &FacesPolicy,
    turn: Turn,
    min_face: u32,
) -> Vec<FaceBox> {
    let (w, h) = luma.dimensions();
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let Some(small) = detection_copy(luma, policy.detect_long_side.max(MIN_DETECT_LONG_SIDE))
    else {
        return Vec::new();
    };
    let (sw, sh) = (f64::from(small.width()), f64::from(small.height()));
    let turned = match turn {
        Turn::None => small,
        Turn::Quarter => image::imageops::rotate90(&small),
        Turn::Half => image::imageops::rotate180(&small),
        Turn::ThreeQuarters => image::imageops::rotate270(&small),
    };
    let sx = f64::from(w) / sw;
    let sy = f64::from(h) / sh;
    let (fw, fh) = (f64::from(w), f64::from(h));
    let mut faces: Vec<FaceBox> = detector::run(&turned, min_face)
        .into_iter()
        .filter(|f| f.score >= policy.min_score)
        .filter_map(|f| {
            // Back from the turned copy to the detection copy: (x0, x1) × (y0, y1).
            let (x0, x1, y0, y1) = (f.x, f.x + f.width, f.y, f.y + f.height);
            let (x0, x1, y0, y1) = match turn {
                Turn::None => (x0, x1, y0, y1),
                Turn::Quarter => (y0, y1, sh - x1, sh - x0),
                Turn::Half => (sw - x1, sw - x0, sh - y1, sh - y0),
                Turn::ThreeQuarters => (sw - y1, sw - y0, x0, x1),
            };
            // Clamp to the image: rustface may place a box partly outside it.
            let x0 = (x0 * sx).clamp(0.0, fw);
            let y0 = (y0 * sy).clamp(0.0, fh);
            let x1 = (x1 * sx).clamp(0.0, fw);
            let y1 = (y1 * sy).clamp(0.0, fh);
            (x1 > x0 && y1 > y0).then(|| FaceBox {
                x: round(x0, 1),
                y: round(y0, 1),
                width: round(x1 - x0, 1),
                height: round(y1 - y0, 1),
                score: round(f.score, 2),
            })
        })
        .collect();
    faces.sort_by(|a, b| {
        area(b)
            .total_cmp(&area(a))
            .then(a.x.total_cmp(&b.x))
            .then(a.y.total_cmp(&b.y))
    });
    suppress_nested(faces)
}

/// The copy the detector runs on: a bilinear (anti-aliased) downscale to `long_side` on its
/// long side (or a plain copy when `luma` is already that small), contrast-stretched.
fn detection_copy(luma: &GrayImage, long_side: u32) -> Option<GrayImage> {
    let (w, h) = luma.dimensions();
    let long = w.max(h);
    let mut copy = if long <= long_side {
        luma.clone()
    } else {
        let scale = f64::from(long_side) / f64::from(long);
        let mut dst = GrayImage::new(scaled(w, scale), scaled(h, scale));
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Bilinear));
        Resizer::new().resize(luma, &mut dst, &options).ok()?;
        dst
    };
    stretch_contrast(&mut copy);
    Some(copy)
}

/// Linear contrast stretch of the detection copy so the `STRETCH_LOW`/`STRETCH_HIGH`
/// percentiles span 0–255. The detector's features compare local means, which a dim, noisy
/// picture squeezes into a few grey levels; stretching brings dim faces back (selfie_dim: score
/// 0.99 → 6.6). Flat images (span below `MIN_STRETCH_SPAN` levels) are left alone rather than
/// amplifying their noise.
fn stretch_contrast(img: &mut GrayImage) {
    let mut hist = [0u64; 256];
    for &p in img.as_raw() {
        if let Some(bin) = hist.get_mut(usize::from(p)) {
            *bin += 1;
        }
    }
    let n: u64 = hist.iter().sum();
    let percentile = |q: f64| -> u8 {
        let target = (n as f64 * q) as u64;
        let mut seen = 0u64;
        for (level, count) in (0u8..=255).zip(hist.iter()) {
            seen += count;
            if seen > target {
                return level;
            }
        }
        255
    };
    let (lo, hi) = (percentile(STRETCH_LOW), percentile(STRETCH_HIGH));
    if hi.saturating_sub(lo) < MIN_STRETCH_SPAN {
        return;
    }
    let (lo, span) = (f64::from(lo), f64::from(hi - lo));
    let lut: Vec<u8> = (0u8..=255)
        .map(|v| (((f64::from(v) - lo) / span).clamp(0.0, 1.0) * 255.0).round() as u8)
        .collect();
    for p in img.iter_mut() {
        if let Some(&v) = lut.get(usize::from(*p)) {
            *p = v;
        }
    }
}

fn scaled(side: u32, scale: f64) -> u32 {
    // `as` saturates; the result is in 1..=side because 0 < scale < 1.
    ((f64::from(side) * scale).round() as u32).clamp(1, side.max(1))
}

pub(crate) fn area(f: &FaceBox) -> f64 {
    f.width * f.height
}

/// Drop a box whose centre lies inside a larger kept box: the same face found twice at
/// neighbouring scales (rustface's own merging leaves such pairs now and then).
fn suppress_nested(sorted_largest_first: Vec<FaceBox>) -> Vec<FaceBox> {
    let mut kept: Vec<FaceBox> = Vec::with_capacity(sorted_largest_first.len());
    for f in sorted_largest_first {
        let (cx, cy) = center(&f);
        let nested = kept
            .iter()
            .any(|k| cx >= k.x && cx <= k.x + k.width && cy >= k.y && cy <= k.y + k.height);
        if !nested {
            kept.push(f);
        }
    }
    kept
}

pub(crate) fn center(f: &FaceBox) -> (f64, f64) {
    (f.x + f.width / 2.0, f.y + f.height / 2.0)
}

/// Mean luma (0–1) inside a rectangle given in pixels (clamped to the image), with the number
/// of pixels it covered.
fn mean_in(luma: &GrayImage, x0: f64, y0: f64, x1: f64, y1: f64) -> (f64, f64) {
    let (w, h) = luma.dimensions();
    let xa = clamp_px(x0, w);
    let xb = clamp_px(x1, w);
    let ya = clamp_px(y0, h);
    let yb = clamp_px(y1, h);
    if xa >= xb || ya >= yb {
        return (0.0, 0.0);
    }
    let stride = w as usize;
    let raw = luma.as_raw();
    let mut sum = 0u64;
    for y in ya..yb {
        let start = y as usize * stride;
        if let Some(row) = raw.get(start + xa as usize..start + xb as usize) {
            sum += row.iter().map(|&p| u64::from(p)).sum::<u64>();
        }
    }
    let n = f64::from(xb - xa) * f64::from(yb - ya);
    (sum as f64 / n / 255.0, n)
}

fn clamp_px(v: f64, limit: u32) -> u32 {
    // NaN maps to 0 with `as`; the clamp keeps the index inside the image.
    (v.round().max(0.0) as u32).min(limit)
}

/// What was measured about the faces in one image.
#[derive(Clone, Debug, PartialEq)]
pub struct FaceAnalysis {
    /// Width and height of the (orientation-corrected) image the boxes refer to.
    pub image: (u32, u32),
    /// Faces found, largest first (on an ID front, the portrait found turned when the card
    /// lies sideways or upside down).
    pub faces: Vec<FaceBox>,
    /// Light on the largest face and around it.
    pub main_light: Option<FaceLight>,
}

impl FaceAnalysis {
    /// The faces found in `luma` (by [`detect`] or a turned search) with the light on the
    /// largest one measured.
    pub fn measure(luma: &GrayImage, faces: Vec<FaceBox>, policy: &Policy) -> FaceAnalysis {
        let main_light =
            main_face(&faces).and_then(|main| face_light(luma, main, policy.faces.surround_margin));
        FaceAnalysis {
            image: luma.dimensions(),
            faces,
            main_light,
        }
    }

    /// The largest face: the applicant's in a selfie, the portrait on an ID front.
    pub fn main(&self) -> Option<&FaceBox> {
        main_face(&self.faces)
    }
}

fn main_face(faces: &[FaceBox]) -> Option<&FaceBox> {
    faces.iter().max_by(|a, b| area(a).total_cmp(&area(b)))
}

/// Brightness of the face box and of the ring around it (the box grown by
/// `surround_margin` face sizes on every side, minus the box itself), both 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceLight {
    pub face: f64,
    pub surround: f64,
}

/// Measure [`FaceLight`] for one face. `None` when the ring falls entirely outside the image.
pub fn face_light(luma: &GrayImage, face: &FaceBox, surround_margin: f64) -> Option<FaceLight> {
    let (fm, fn_) = mean_in(
        luma,
        face.x,
        face.y,
        face.x + face.width,
        face.y + face.height,
    );
    if fn_ <= 0.0 {
        return None;
    }
    let mx = face.width * surround_margin;
    let my = face.height * surround_margin;
    let (om, on) = mean_in(
        luma,
        face.x - mx,
        face.y - my,
        face.x + face.width + mx,
        face.y + face.height + my,
    );
    let ring_n = on - fn_;
    if ring_n <= 0.0 {
        return None;
    }
    let surround = ((om * on - fm * fn_) / ring_n).clamp(0.0, 1.0);
    Some(FaceLight { face: fm, surround })
}
