//! Pure image-quality metrics over luma/RGB buffers: focus (blur, including motion blur),
//! specular glare, exposure and contrast, colourfulness, backlight.
//!
//! Every function takes an optional [`Mask`] (same size as the image; non-zero = inside) so the
//! card locator can later measure inside the card outline; `None` measures the whole image.
//! Callers pass a copy normalised to `policy.quality.analysis_long_side` so the numbers do not
//! depend on the photo's pixel count.

use image::{GrayImage, RgbImage};

/// Which pixels to measure: non-zero = inside. Must have the image's dimensions (otherwise it
/// is ignored and the whole image is measured).
pub type Mask = GrayImage;

/// A mask from a polygon (pixel coordinates, any winding), e.g. the card outline.
pub fn polygon_mask(width: u32, height: u32, polygon: &[[f64; 2]]) -> Mask {
    let mut mask = GrayImage::new(width, height);
    if polygon.len() < 3 {
        return mask;
    }
    for (y, row) in mask.rows_mut().enumerate() {
        let py = y as f64 + 0.5;
        // Crossings of this scanline with the polygon's edges (even-odd rule).
        let mut xs: Vec<f64> = Vec::new();
        for (i, a) in polygon.iter().enumerate() {
            let b = polygon.get((i + 1) % polygon.len()).unwrap_or(a);
            if (a[1] <= py) != (b[1] <= py) {
                xs.push(a[0] + (py - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
        xs.sort_by(f64::total_cmp);
        for (x, px) in row.enumerate() {
            let cx = x as f64 + 0.5;
            let inside = xs.iter().filter(|&&v| v <= cx).count() % 2 == 1;
            if inside {
                px.0 = [255];
            }
        }
    }
    mask
}

fn mask_for(mask: Option<&Mask>, width: u32, height: u32) -> Option<&[u8]> {
    mask.filter(|m| m.dimensions() == (width, height))
        .map(|m| m.as_raw().as_slice())
}

fn inside(mask: Option<&[u8]>, i: usize) -> bool {
    mask.is_none_or(|m| m.get(i).is_some_and(|&v| v != 0))
}

/// Focus measures on a luma image (higher = sharper).
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

/// Thresholds that define a glare pixel and a glare region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlareParams {
    /// Minimum value (max of R, G, B; 0–1) of a glare pixel.
    pub min_value: f64,
    /// Maximum HSV saturation (0–1) of a glare pixel: specular highlights are colourless.
    pub max_saturation: f64,
    /// Regions smaller than this fraction of the measured area are ignored (noise, print dots).
    pub min_region: f64,
    /// Radius (px) of the square the candidate mask is opened with.
    pub open_radius: usize,
    /// Regions whose ellipse fill is below this are not glare (see [`components`]).
    pub min_ellipse_fill: f64,
}

/// Specular glare on an RGB image.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GlareStats {
    /// Fraction of the measured area covered by glare regions.
    pub fraction: f64,
    /// The largest single glare region, as a fraction of the measured area.
    pub largest: f64,
    /// Number of glare regions counted.
    pub regions: u32,
}

/// Glare: specular reflections are near-saturated, colourless, *solid* and roughly elliptical.
/// The candidate mask ([`hot_mask`]) is opened with a square of radius `open_radius` (removing
/// blown-out areas perforated by text or print, thin streaks and noise), split into connected
/// regions, and a region counts when it is at least `min_region` of the area and its ellipse
/// fill (see [`components`]) is at least `min_ellipse_fill`. A white card design or white
/// paper clipped by the light forms frames and rectangles around the print and is not counted.
pub fn glare(rgb: &RgbImage, mask: Option<&Mask>, params: &GlareParams) -> GlareStats {
    let (w, h) = (rgb.width() as usize, rgb.height() as usize);
    let area = match mask_for(mask, rgb.width(), rgb.height()) {
        Some(m) => m.iter().filter(|&&v| v != 0).count(),
        None => w * h,
    };
    if area == 0 {
        return GlareStats::default();
    }
    let hot = hot_mask(rgb, mask, params);
    let opened = open_mask(&hot, w, h, params.open_radius);
    let min_px = ((params.min_region * area as f64).ceil() as usize).max(1);
    let (mut total, mut largest, mut regions) = (0usize, 0usize, 0u32);
    for (size, fill) in components(&opened, w) {
        if size >= min_px && fill >= params.min_ellipse_fill {
            total += size;
            largest = largest.max(size);
            regions += 1;
        }
    }
    GlareStats {
        fraction: total as f64 / area as f64,
        largest: largest as f64 / area as f64,
        regions,
    }
}

/// Glare-candidate mask (1 = near-saturated, colourless, inside `mask`).
pub fn hot_mask(rgb: &RgbImage, mask: Option<&Mask>, params: &GlareParams) -> Vec<bool> {
    let m = mask_for(mask, rgb.width(), rgb.height());
    let min_v = (params.min_value * 255.0).round() as i32;
    rgb.as_raw()
        .chunks_exact(3)
        .enumerate()
        .map(|(i, p)| {
            let (mx, mn) = match p {
                [r, g, b] => (i32::from(*r.max(g).max(b)), i32::from(*r.min(g).min(b))),
                _ => (0, 0),
            };
            inside(m, i)
                && mx >= min_v
                && mx > 0
                && f64::from(mx - mn) / f64::from(mx) <= params.max_saturation
        })
        .collect()
}

/// Morphological opening of a binary mask with a (2r+1)² square: erosion (all pixels of the
/// window set) then dilation (any eroded pixel in the window). Removes everything thinner than
/// the square: text-perforated or streaky areas vanish, solid blobs keep their shape.
pub fn open_mask(bits: &[bool], width: usize, height: usize, r: usize) -> Vec<bool> {
    let eroded = window_filter(bits, width, height, r, true);
    window_filter(&eroded, width, height, r, false)
}

/// `all = true`: a pixel is set when every pixel of its window (clipped at the border) is set;
/// `all = false`: when any is. Uses a summed-area table, O(1) per pixel.
fn window_filter(bits: &[bool], w: usize, h: usize, r: usize, all: bool) -> Vec<bool> {
    let stride = w + 1;
    let mut sat = vec![0u32; stride * (h + 1)];
    for y in 0..h {
        let mut row = 0u32;
        for x in 0..w {
            row += u32::from(bits.get(y * w + x).copied().unwrap_or(false));
            let above = sat.get(y * stride + x + 1).copied().unwrap_or(0);
            if let Some(v) = sat.get_mut((y + 1) * stride + x + 1) {
                *v = above + row;
            }
        }
    }
    let get = |x: usize, y: usize| sat.get(y * stride + x).copied().unwrap_or(0);
    let mut out = vec![false; w * h];
    for y in 0..h {
        let (ya, yb) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (xa, xb) = (x.saturating_sub(r), (x + r + 1).min(w));
            let sum = get(xb, yb) + get(xa, ya) - get(xa, yb) - get(xb, ya);
            let full = ((xb - xa) * (yb - ya)) as u32;
            let set = if all {
                sum == full && (2 * r + 1) * (2 * r + 1) == full as usize
            } else {
                sum > 0
            };
            if let Some(v) = out.get_mut(y * w + x) {
                *v = set;
            }
        }
    }
    out
}

/// Connected components (4-neighbour) of a binary mask: (area, ellipse fill) per component,
/// largest first. Ellipse fill = area / (4π·√det Σ), Σ the covariance of the pixel
/// coordinates: 1.0 for a solid ellipse, 0.95 for a rectangle, lower for rings, frames and
/// irregular shapes.
pub fn components(bits: &[bool], width: usize) -> Vec<(usize, f64)> {
    let mut seen = vec![false; bits.len()];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..bits.len() {
        if !bits.get(start).copied().unwrap_or(false) || seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        if let Some(v) = seen.get_mut(start) {
            *v = true;
        }
        stack.push(start);
        let (mut n, mut sx, mut sy, mut sxx, mut syy, mut sxy) =
            (0f64, 0f64, 0f64, 0f64, 0f64, 0f64);
        while let Some(i) = stack.pop() {
            let (x, y) = ((i % width) as f64, (i / width) as f64);
            n += 1.0;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            let (xi, yi) = (i % width, i / width);
            let neighbours = [
                (xi > 0).then(|| i - 1),
                (xi + 1 < width).then(|| i + 1),
                (yi > 0).then(|| i - width),
                Some(i + width),
            ];
            for j in neighbours.into_iter().flatten() {
                if bits.get(j).copied().unwrap_or(false)
                    && let Some(v) = seen.get_mut(j)
                    && !*v
                {
                    *v = true;
                    stack.push(j);
                }
            }
        }
        let (mx, my) = (sx / n, sy / n);
        let (vxx, vyy, vxy) = (
            sxx / n - mx * mx + 1.0 / 12.0,
            syy / n - my * my + 1.0 / 12.0,
            sxy / n - mx * my,
        );
        let det = (vxx * vyy - vxy * vxy).max(1e-9);
        out.push((n as usize, n / (4.0 * std::f64::consts::PI * det.sqrt())));
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.0));
    out
}

/// Brightness and contrast of a luma image.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExposureStats {
    /// Mean luma, 0–1.
    pub brightness: f64,
    /// Fraction of pixels at or above the clip level.
    pub clipped: f64,
    /// RMS contrast: standard deviation of luma, 0–1.
    pub contrast: f64,
    /// 5th and 95th luma percentiles, 0–1.
    pub p05: f64,
    pub p95: f64,
}

/// Exposure statistics; `clip_level` (0–1) is the luma counted as clipped white.
pub fn exposure(luma: &GrayImage, mask: Option<&Mask>, clip_level: f64) -> ExposureStats {
    let m = mask_for(mask, luma.width(), luma.height());
    let mut hist = [0u64; 256];
    for (i, &v) in luma.as_raw().iter().enumerate() {
        if inside(m, i)
            && let Some(slot) = hist.get_mut(usize::from(v))
        {
            *slot += 1;
        }
    }
    let n: u64 = hist.iter().sum();
    if n == 0 {
        return ExposureStats::default();
    }
    let nf = n as f64;
    let mean = hist
        .iter()
        .enumerate()
        .map(|(v, &c)| v as f64 * c as f64)
        .sum::<f64>()
        / nf;
    let var = hist
        .iter()
        .enumerate()
        .map(|(v, &c)| (v as f64 - mean).powi(2) * c as f64)
        .sum::<f64>()
        / nf;
    let clip = (clip_level * 255.0).round().clamp(0.0, 255.0) as usize;
    let clipped = hist.iter().skip(clip).sum::<u64>() as f64 / nf;
    let percentile = |p: f64| {
        let target = (p * nf).ceil().max(1.0) as u64;
        let mut acc = 0u64;
        for (v, &c) in hist.iter().enumerate() {
            acc += c;
            if acc >= target {
                return v as f64 / 255.0;
            }
        }
        1.0
    };
    ExposureStats {
        brightness: mean / 255.0,
        clipped,
        contrast: var.sqrt() / 255.0,
        p05: percentile(0.05),
        p95: percentile(0.95),
    }
}

/// Colourfulness (Hasler & Süsstrunk 2003): `√(σ_rg² + σ_yb²) + 0.3·√(μ_rg² + μ_yb²)` with
/// `rg = R − G`, `yb = (R + G)/2 − B`, divided by 255 so it reads 0–~0.5. A grayscale copy or
/// scan is near 0; ordinary colour photos are above ~0.06.
pub fn colorfulness(rgb: &RgbImage, mask: Option<&Mask>) -> f64 {
    let m = mask_for(mask, rgb.width(), rgb.height());
    let (mut n, mut s_rg, mut s_yb, mut q_rg, mut q_yb) = (0f64, 0f64, 0f64, 0f64, 0f64);
    for (i, p) in rgb.as_raw().chunks_exact(3).enumerate() {
        if !inside(m, i) {
            continue;
        }
        if let [r, g, b] = p {
            let (r, g, b) = (f64::from(*r), f64::from(*g), f64::from(*b));
            let rg = r - g;
            let yb = 0.5 * (r + g) - b;
            s_rg += rg;
            s_yb += yb;
            q_rg += rg * rg;
            q_yb += yb * yb;
            n += 1.0;
        }
    }
    if n == 0.0 {
        return 0.0;
    }
    let (m_rg, m_yb) = (s_rg / n, s_yb / n);
    let var_rg = (q_rg / n - m_rg * m_rg).max(0.0);
    let var_yb = (q_yb / n - m_yb * m_yb).max(0.0);
    ((var_rg + var_yb).sqrt() + 0.3 * (m_rg * m_rg + m_yb * m_yb).sqrt()) / 255.0
}

/// Mean brightness of a centre box and of the rest of the image (0–1).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BacklightStats {
    pub center: f64,
    pub surround: f64,
}

impl BacklightStats {
    /// How much brighter the surround is than the centre (negative: centre brighter).
    pub fn difference(&self) -> f64 {
        self.surround - self.center
    }
}

/// Backlight: the centre box (`center_fraction` of width and height, centred horizontally,
/// a little above the middle, where a selfie's face is) against the rest. Stands in for the face
/// box until the face detector provides one.
pub fn backlight(luma: &GrayImage, center_fraction: f64) -> BacklightStats {
    let (w, h) = (luma.width() as f64, luma.height() as f64);
    let f = center_fraction.clamp(0.05, 0.95);
    let (bw, bh) = (w * f, h * f);
    let x0 = (w - bw) / 2.0;
    let y0 = ((h - bh) / 2.0 - h * 0.05).max(0.0);
    let (mut cs, mut cn, mut ss, mut sn) = (0f64, 0f64, 0f64, 0f64);
    for (x, y, p) in luma.enumerate_pixels() {
        let (fx, fy) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        let v = f64::from(p.0[0]);
        if fx >= x0 && fx < x0 + bw && fy >= y0 && fy < y0 + bh {
            cs += v;
            cn += 1.0;
        } else {
            ss += v;
            sn += 1.0;
        }
    }
    let mean = |s: f64, n: f64| if n > 0.0 { s / n / 255.0 } else { 0.0 };
    BacklightStats {
        center: mean(cs, cn),
        surround: mean(ss, sn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Luma, Rgb};

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

    const GP: GlareParams = GlareParams {
        min_value: 0.98,
        max_saturation: 0.15,
        min_region: 0.001,
        open_radius: 2,
        min_ellipse_fill: 0.9,
    };

    #[test]
    fn glare_blob_counts_white_paper_does_not() {
        let mut img = RgbImage::from_pixel(200, 100, Rgb([240, 238, 235]));
        let none = glare(&img, None, &GP);
        assert_eq!(none.fraction, 0.0);
        for y in 40..60 {
            for x in 90..110 {
                img.put_pixel(x, y, Rgb([255, 255, 253]));
            }
        }
        let g = glare(&img, None, &GP);
        assert!((g.fraction - 400.0 / 20000.0).abs() < 1e-9, "{g:?}");
        assert_eq!(g.regions, 1);
        // A saturated but coloured patch (a red logo) is not glare.
        let red = RgbImage::from_pixel(50, 50, Rgb([255, 40, 40]));
        assert_eq!(glare(&red, None, &GP).fraction, 0.0);
        // Isolated hot pixels are below the minimum region.
        let mut dots = RgbImage::from_pixel(100, 100, Rgb([120, 120, 120]));
        dots.put_pixel(10, 10, Rgb([255, 255, 255]));
        assert_eq!(glare(&dots, None, &GP).regions, 0);
    }

    #[test]
    fn exposure_numbers() {
        let img = GrayImage::from_fn(100, 100, |x, _| Luma([if x < 50 { 0 } else { 255 }]));
        let e = exposure(&img, None, 0.98);
        assert!((e.brightness - 0.5).abs() < 1e-9);
        assert!((e.clipped - 0.5).abs() < 1e-9);
        assert!((e.contrast - 0.5).abs() < 1e-9);
        assert_eq!((e.p05, e.p95), (0.0, 1.0));
        assert_eq!(
            exposure(&GrayImage::new(0, 0), None, 0.98),
            ExposureStats::default()
        );
    }

    #[test]
    fn colorfulness_gray_vs_colour() {
        let gray = RgbImage::from_fn(64, 64, |x, y| {
            let v = ((x * 3 + y * 2) % 256) as u8;
            Rgb([v, v, v])
        });
        assert!(colorfulness(&gray, None) < 1e-9);
        let colour = RgbImage::from_fn(64, 64, |x, y| Rgb([(x * 4) as u8, (y * 4) as u8, 128]));
        assert!(colorfulness(&colour, None) > 0.1);
    }

    #[test]
    fn backlight_centre_vs_surround() {
        let img = GrayImage::from_fn(100, 100, |x, y| {
            Luma([if (30..70).contains(&x) && (25..65).contains(&y) {
                40
            } else {
                240
            }])
        });
        let b = backlight(&img, 0.4);
        assert!(b.difference() > 0.6, "{b:?}");
    }
}
