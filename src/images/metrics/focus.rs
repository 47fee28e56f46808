//! Focus: how far the edges of the print are spread, per direction (defocus spreads them in
//! every direction, camera shake along the motion).
//!
//! The measure is the **edge width**: the blur σ (in pixels of the analysis copy) of the
//! document's edges, estimated by re-blurring (Hu & de Haan 2006; Zhuo & Sim 2011): at an edge
//! of blur σ, blurring again with a known σ_b lowers the gradient's peak by the ratio
//! `r = √(σ² + σ_b²) / σ`, so `σ = σ_b / √(r² − 1)`. The ratio is of two gradients at the same
//! pixel, so it does not depend on the edge's contrast: a navy card, a faint guilloche or a
//! dim photo give the same σ for the same focus, where a measure normalised by the image's
//! variance or ink coverage does not (the earlier measure called a sharp white card with sparse
//! print as blurry as a defocused light card).
//!
//! Edges are taken separately in four gradient directions (0°, 45°, 90°, 135°): in each, the
//! strongest 30 % of the edge pixels (local maxima of the gradient of a σ 2 copy, which finds
//! blurred and sharp edges alike); the median σ of each direction is reported and the worst
//! one decides, so blur along one direction only (camera shake) counts as much as defocus.
//!
//! The same edges give the print's contrast ([`FocusStats::contrast`]).

use image::{GrayImage, ImageBuffer, Luma};
use imageproc::filter::gaussian_blur_f32;

use super::mask::{Mask, inside, mask_for};

/// σ of the re-blur.
const REBLUR_SIGMA: f32 = 1.0;
/// σ of the copy on which edges are found (blurred and sharp edges both stand out on it).
const DETECT_SIGMA: f32 = 2.0;
/// Weakest edge considered (gradient in grey levels per pixel on the detection copy): below
/// this, sensor noise decides the ratio.
const MIN_EDGE: f32 = 2.0;
/// Within a direction, only edges at or above this quantile of its edge strengths count.
const STRONG_QUANTILE: f64 = 0.7;
/// A direction needs this many edges for a median.
const MIN_EDGES: usize = 50;

/// Focus measures on a luma image.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FocusStats {
    /// The score `IMAGE_BLURRY` compares, higher is sharper: `100 / σ` of the worst direction
    /// (σ in pixels of the analysis copy). In focus ≈ 80–110, 0 when no edge was found.
    pub score: f64,
    /// Edge blur σ (px) per gradient direction 0°, 45°, 90°, 135° (`None`: too few edges).
    pub sigma: [Option<f64>; 4],
    /// Edge pixels used, over all directions.
    pub edges: usize,
    /// Print contrast: the median, over the same strong edges, of the Michelson contrast
    /// `(max − min) / (max + min)` of luma in a 7×7 window: ink against paper across a stroke.
    /// Fair to low-ink designs (it looks only where there is print) and to dark ones (a ratio);
    /// a veil of haze or a washed-out photo lifts the ink and lowers it.
    pub contrast: Option<f64>,
}

impl FocusStats {
    /// σ of the most blurred direction.
    pub fn worst(&self) -> Option<f64> {
        self.sigma.iter().flatten().copied().reduce(f64::max)
    }

    /// σ of the sharpest direction.
    pub fn best(&self) -> Option<f64> {
        self.sigma.iter().flatten().copied().reduce(f64::min)
    }
}

type Plane = ImageBuffer<Luma<f32>, Vec<f32>>;

/// Edge-width focus measure of `luma` (inside `mask` when given); see the module docs.
pub fn focus_measure(luma: &GrayImage, mask: Option<&Mask>) -> FocusStats {
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    if w < 8 || h < 8 {
        return FocusStats::default();
    }
    let m = mask_for(mask, luma.width(), luma.height());
    let a: Plane = ImageBuffer::from_fn(luma.width(), luma.height(), |x, y| {
        Luma([f32::from(luma.get_pixel(x, y).0[0])])
    });
    let b = gaussian_blur_f32(&a, REBLUR_SIGMA);
    let c = gaussian_blur_f32(&a, DETECT_SIGMA);
    drop(a);
    // The detection copy's gradient magnitude everywhere; its direction, and the sharp and
    // re-blurred copies' gradients, only at the edge pixels chosen on it (a fraction of the
    // pixels: memory for one plane instead of five).
    let gc = sobel_magnitudes(&c);

    // Edge pixels per direction: (strength on the detection copy, σ estimate, pixel index).
    let mut bins: [Vec<(f32, f64, usize)>; 4] = Default::default();
    // Neighbour offsets across the edge for each quantised gradient direction.
    const ACROSS: [(isize, isize); 4] = [(1, 0), (1, 1), (0, 1), (-1, 1)];
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let i = y * w + x;
            if !inside(m, i) {
                continue;
            }
            let Some(&mc) = gc.get(i) else {
                continue;
            };
            if mc < MIN_EDGE {
                continue;
            }
            let (cx, cy) = sobel_xy(&c, x, y);
            let angle = cy.atan2(cx).to_degrees().rem_euclid(180.0);
            let dir = (((angle + 22.5) / 45.0) as usize) % 4;
            let (dx, dy) = ACROSS.get(dir).copied().unwrap_or((1, 0));
            let at = |sx: isize, sy: isize| {
                let xx = (x as isize + sx) as usize;
                let yy = (y as isize + sy) as usize;
                gc.get(yy * w + xx).copied().unwrap_or(0.0)
            };
            // A local maximum across the edge (thin edges, one sample per edge profile).
            if mc < at(dx, dy) || mc < at(-dx, -dy) {
                continue;
            }
            let ma = sobel_luma(luma, x, y);
            let (bx, by) = sobel_xy(&b, x, y);
            let mb = bx.hypot(by);
            if mb <= f32::EPSILON {
                continue;
            }
            let r = f64::from(ma / mb).max(1.0001);
            let sigma = f64::from(REBLUR_SIGMA) / (r * r - 1.0).sqrt();
            if let Some(bin) = bins.get_mut(dir) {
                bin.push((mc, sigma, i));
            }
        }
    }
    let mut stats = FocusStats::default();
    let mut contrasts: Vec<f64> = Vec::new();
    for (slot, bin) in stats.sigma.iter_mut().zip(bins.iter_mut()) {
        if bin.len() < MIN_EDGES {
            continue;
        }
        bin.sort_by(|p, q| p.0.total_cmp(&q.0));
        let start = ((bin.len() as f64) * STRONG_QUANTILE) as usize;
        // Contrast only around the strong edges that count (a window per edge is costly).
        contrasts.extend(
            bin.iter()
                .skip(start)
                .map(|e| local_contrast(luma, e.2 % w, e.2 / w)),
        );
        let mut strong: Vec<f64> = bin.iter().skip(start).map(|e| e.1).collect();
        if strong.is_empty() {
            continue;
        }
        stats.edges += strong.len();
        strong.sort_by(f64::total_cmp);
        *slot = strong.get(strong.len() / 2).copied();
    }
    stats.score = stats.worst().map_or(0.0, |s| 100.0 / s.max(0.01));
    contrasts.sort_by(f64::total_cmp);
    stats.contrast = contrasts.get(contrasts.len() / 2).copied();
    stats
}

/// Radius of the window the print's contrast is measured in, around an edge pixel.
const CONTRAST_RADIUS: u32 = 3;

/// Michelson contrast `(max − min) / (max + min)` of luma in the window around (x, y): across
/// a stroke of print, ink against paper.
fn local_contrast(luma: &GrayImage, x: usize, y: usize) -> f64 {
    let (w, h) = luma.dimensions();
    let (x, y) = (x as u32, y as u32);
    let (x0, x1) = (
        x.saturating_sub(CONTRAST_RADIUS),
        (x + CONTRAST_RADIUS).min(w - 1),
    );
    let (y0, y1) = (
        y.saturating_sub(CONTRAST_RADIUS),
        (y + CONTRAST_RADIUS).min(h - 1),
    );
    let (mut lo, mut hi) = (u8::MAX, 0u8);
    for yy in y0..=y1 {
        for xx in x0..=x1 {
            if let Some(p) = luma.get_pixel_checked(xx, yy) {
                lo = lo.min(p.0[0]);
                hi = hi.max(p.0[0]);
            }
        }
    }
    let (lo, hi) = (f64::from(lo), f64::from(hi));
    if hi + lo <= 0.0 {
        0.0
    } else {
        (hi - lo) / (hi + lo)
    }
}

/// Sobel gradient (x, y) at one pixel of `p`, in grey levels per pixel (zero on the border).
fn sobel_xy(p: &Plane, x: usize, y: usize) -> (f32, f32) {
    let (w, h) = (p.width() as usize, p.height() as usize);
    if x == 0 || y == 0 || x + 1 >= w || y + 1 >= h {
        return (0.0, 0.0);
    }
    let raw = p.as_raw();
    let at = |x: usize, y: usize| raw.get(y * w + x).copied().unwrap_or(0.0);
    let gx = (at(x + 1, y - 1) + 2.0 * at(x + 1, y) + at(x + 1, y + 1))
        - (at(x - 1, y - 1) + 2.0 * at(x - 1, y) + at(x - 1, y + 1));
    let gy = (at(x - 1, y + 1) + 2.0 * at(x, y + 1) + at(x + 1, y + 1))
        - (at(x - 1, y - 1) + 2.0 * at(x, y - 1) + at(x + 1, y - 1));
    (gx / 8.0, gy / 8.0)
}

/// Sobel gradient magnitude at one pixel of the 8-bit luma (the sharp copy, as it is).
fn sobel_luma(luma: &GrayImage, x: usize, y: usize) -> f32 {
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    if x == 0 || y == 0 || x + 1 >= w || y + 1 >= h {
        return 0.0;
    }
    let raw = luma.as_raw();
    let at = |x: usize, y: usize| raw.get(y * w + x).map_or(0.0, |&v| f32::from(v));
    let gx = (at(x + 1, y - 1) + 2.0 * at(x + 1, y) + at(x + 1, y + 1))
        - (at(x - 1, y - 1) + 2.0 * at(x - 1, y) + at(x - 1, y + 1));
    let gy = (at(x - 1, y + 1) + 2.0 * at(x, y + 1) + at(x + 1, y + 1))
        - (at(x - 1, y - 1) + 2.0 * at(x, y - 1) + at(x + 1, y - 1));
    (gx / 8.0).hypot(gy / 8.0)
}

/// Sobel gradient magnitude of every pixel of `p` (zero on the border).
fn sobel_magnitudes(p: &Plane) -> Vec<f32> {
    let (w, h) = (p.width() as usize, p.height() as usize);
    let mut out = vec![0.0; w * h];
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let (gx, gy) = sobel_xy(p, x, y);
            if let Some(slot) = out.get_mut(y * w + x) {
                *slot = gx.hypot(gy);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::metrics::mask::polygon_mask;

    /// Printed-text-like pattern: dark rectangles of several sizes on light paper.
    fn print(w: u32, h: u32) -> GrayImage {
        GrayImage::from_fn(w, h, |x, y| {
            let cell = 13 + (x / 60 + y / 45) % 5;
            let ink = (x % cell) < cell / 2 && (y % (cell + 3)) < (cell + 3) / 2;
            Luma([if ink { 40 } else { 220 }])
        })
    }

    fn blurred(img: &GrayImage, sigma: f32) -> GrayImage {
        imageproc::filter::gaussian_blur_f32(img, sigma)
    }

    /// Horizontal camera shake of `len` pixels (a box filter along x).
    fn shaken(img: &GrayImage, len: u32) -> GrayImage {
        GrayImage::from_fn(img.width(), img.height(), |x, y| {
            let mut s = 0u32;
            for k in 0..len {
                let xx = (x + k).saturating_sub(len / 2).min(img.width() - 1);
                s += u32::from(img.get_pixel(xx, y).0[0]);
            }
            Luma([(s / len) as u8])
        })
    }

    #[test]
    fn sigma_follows_the_blur_applied() {
        let sharp = print(400, 300);
        let s0 = focus_measure(&blurred(&sharp, 0.6), None);
        let s2 = focus_measure(&blurred(&sharp, 2.0), None);
        let s3 = focus_measure(&blurred(&sharp, 3.0), None);
        let (w0, w2, w3) = (
            s0.worst().unwrap(),
            s2.worst().unwrap(),
            s3.worst().unwrap(),
        );
        // The estimate is of the edge's total σ (print + applied), within ~20 %.
        assert!((w2 - 2.0).abs() < 0.4, "σ 2 measured {w2}");
        assert!((w3 - 3.0).abs() < 0.6, "σ 3 measured {w3}");
        assert!(w0 < w2 && w2 < w3, "{w0} {w2} {w3}");
        assert!(s0.score > s2.score && s2.score > s3.score);
    }

    #[test]
    fn contrast_does_not_change_the_measure() {
        let sharp = blurred(&print(400, 300), 1.5);
        let faint = GrayImage::from_fn(400, 300, |x, y| {
            Luma([(150.0 + f32::from(sharp.get_pixel(x, y).0[0]) * 0.15) as u8])
        });
        let (a, b) = (
            focus_measure(&sharp, None).worst().unwrap(),
            focus_measure(&faint, None).worst().unwrap(),
        );
        assert!((a - b).abs() < 0.25 * a, "full contrast {a}, faint {b}");
    }

    #[test]
    fn shake_blurs_one_direction() {
        let sharp = blurred(&print(400, 300), 0.8);
        let shake = focus_measure(&shaken(&sharp, 9), None);
        let (x, y) = (shake.sigma[0].unwrap(), shake.sigma[2].unwrap());
        assert!(
            x > 1.8 * y,
            "horizontal shake: σ across x {x}, across y {y}"
        );
        assert!(shake.score < focus_measure(&sharp, None).score / 1.8);
    }

    #[test]
    fn flat_tiny_and_masked_images() {
        let flat = GrayImage::from_pixel(50, 50, Luma([128]));
        assert_eq!(focus_measure(&flat, None).score, 0.0);
        assert_eq!(
            focus_measure(&GrayImage::new(1, 1), None),
            FocusStats::default()
        );
        let img = print(200, 200);
        let nothing = polygon_mask(200, 200, &[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]);
        assert_eq!(focus_measure(&img, Some(&nothing)).score, 0.0);
        assert!(focus_measure(&img, None).score > 0.0);
    }
}
