//! Focus (blur, including camera shake).

use image::GrayImage;

use super::mask::{Mask, inside, mask_for};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FocusStats {
    /// The score `IMAGE_BLURRY` compares: the weakest of the four directional second-difference
    /// energies, divided by the luma variance (×1000). Taking the weakest direction makes blur
    /// along one direction only (camera shake) count as much as defocus; dividing by the
    /// variance makes it independent of contrast and exposure (a dim or flat photo is not
    /// "blurry" because its edges are weak).
    pub score: f64,
    /// Variance of the 4-neighbour Laplacian (the classic measure, reported for reference).
    pub laplacian_var: f64,
    /// Directional second-difference energy (mean squared), directions 0°, 90°, 45°, 135°.
    pub directional: [f64; 4],
    /// Mean squared first difference (horizontal and vertical, averaged): the edge energy.
    pub gradient_energy: f64,
    /// Luma variance (0–255 scale) of the measured pixels.
    pub variance: f64,
}

/// Focus measure: mean squared second difference along each of four directions; the score is
/// the minimum of the four over the luma variance. Defocus lowers all four; motion blur lowers
/// the direction of the motion most, which the minimum catches. Measure on a copy of fixed size
/// (the value scales with the square of the zoom).
pub fn focus_measure(luma: &GrayImage, mask: Option<&Mask>) -> FocusStats {
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    if w < 3 || h < 3 {
        return FocusStats::default();
    }
    let m = mask_for(mask, luma.width(), luma.height());
    let px = luma.as_raw();
    let at = |x: usize, y: usize| -> i64 { px.get(y * w + x).copied().map_or(0, i64::from) };
    let mut sums = [0i64; 4];
    let mut grad = 0i64;
    let (mut v_sum, mut v_sq) = (0i64, 0i64);
    let (mut lap_sum, mut lap_sq) = (0i64, 0i64);
    let mut n = 0i64;
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            if !inside(m, y * w + x) {
                continue;
            }
            let c = at(x, y);
            v_sum += c;
            v_sq += c * c;
            let (l, r, u, d) = (at(x - 1, y), at(x + 1, y), at(x, y - 1), at(x, y + 1));
            let (ul, dr, ur, dl) = (
                at(x - 1, y - 1),
                at(x + 1, y + 1),
                at(x + 1, y - 1),
                at(x - 1, y + 1),
            );
            let dh = l + r - 2 * c;
            let dv = u + d - 2 * c;
            let d1 = ul + dr - 2 * c;
            let d2 = ur + dl - 2 * c;
            grad += (r - c) * (r - c) + (d - c) * (d - c);
            sums[0] += dh * dh;
            sums[1] += dv * dv;
            sums[2] += d1 * d1;
            sums[3] += d2 * d2;
            let lap = dh + dv;
            lap_sum += lap;
            lap_sq += lap * lap;
            n += 1;
        }
    }
    if n == 0 {
        return FocusStats::default();
    }
    let nf = n as f64;
    // Diagonal neighbours are √2 away: a second difference over them is twice as large for the
    // same curvature, so its square is 4× larger; scale to the axis units.
    let directional = [
        sums[0] as f64 / nf,
        sums[1] as f64 / nf,
        sums[2] as f64 / nf / 4.0,
        sums[3] as f64 / nf / 4.0,
    ];
    let mean = lap_sum as f64 / nf;
    let laplacian_var = lap_sq as f64 / nf - mean * mean;
    let v_mean = v_sum as f64 / nf;
    let variance = (v_sq as f64 / nf - v_mean * v_mean).max(0.0);
    let weakest = directional.iter().copied().fold(f64::INFINITY, f64::min);
    // A flat image (variance under one grey level²) has no edges to judge: score 0.
    let score = if variance >= 1.0 {
        1000.0 * weakest / variance
    } else {
        0.0
    };
    FocusStats {
        score,
        variance,
        laplacian_var,
        directional,
        gradient_energy: grad as f64 / nf / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::metrics::mask::polygon_mask;
    use image::Luma;

    fn checker(w: u32, h: u32, cell: u32) -> GrayImage {
        GrayImage::from_fn(w, h, |x, y| {
            Luma([if (x / cell + y / cell).is_multiple_of(2) {
                30
            } else {
                220
            }])
        })
    }

    fn box_blur_h(img: &GrayImage, len: u32) -> GrayImage {
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
    fn focus_falls_with_blur_and_catches_one_direction() {
        let sharp = checker(200, 200, 8);
        let s = focus_measure(&sharp, None);
        let motion = box_blur_h(&sharp, 9);
        let m = focus_measure(&motion, None);
        assert!(s.score > 4.0 * m.score, "{s:?} {m:?}");
        // Horizontal motion: the horizontal direction collapses, the vertical one does not.
        assert!(m.directional[1] > 4.0 * m.directional[0], "{m:?}");
        let flat = GrayImage::from_pixel(50, 50, Luma([128]));
        assert_eq!(focus_measure(&flat, None).score, 0.0);
        assert_eq!(
            focus_measure(&GrayImage::new(1, 1), None),
            FocusStats::default()
        );
    }

    #[test]
    fn focus_mask_limits_area() {
        let mut img = checker(100, 100, 4);
        for y in 0..100 {
            for x in 50..100 {
                img.put_pixel(x, y, Luma([100]));
            }
        }
        let right = polygon_mask(
            100,
            100,
            &[[55.0, 0.0], [100.0, 0.0], [100.0, 100.0], [55.0, 100.0]],
        );
        assert_eq!(focus_measure(&img, Some(&right)).score, 0.0);
        assert!(focus_measure(&img, None).score > 0.0);
    }
}
