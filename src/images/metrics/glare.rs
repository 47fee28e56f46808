//! Specular glare.

use image::RgbImage;

use super::mask::{Mask, inside, mask_for};

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

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

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
}
