//! Colour: a black-and-white copy or scan against a colour photo.
//!
//! [`chroma_spread`] decides (`IMAGE_GRAYSCALE`): how far the most colourful pixels stray from
//! the photo's typical colour. A grey image (a scan, a copy, a phone's mono filter) has no
//! chroma at all; a colour photo of even a grey-looking scene has some somewhere (the table,
//! a hand, the portrait, the design's tints, sensor noise), and a colour cast (white balance)
//! moves every pixel alike, so it is subtracted. Measured over the whole photo: a card design
//! can be nearly grey (a white residence card with a black-and-white portrait), the photo
//! around it rarely is. [`colorfulness`] (Hasler–Süsstrunk) is reported for reference: it
//! averages over the photo, so a grey card on a grey desk read as "no colour".

use image::RgbImage;

use super::mask::{Mask, inside, mask_for};

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

/// The 99th percentile of each pixel's chroma distance from the photo's median chroma, 0–1:
/// `max(|rg − median rg|, |yb − median yb|) / 255` with `rg = R − G`, `yb = (R + G)/2 − B`.
/// Exactly 0 for a grey image; colour photos of grey-looking scenes are ≥ ~0.08.
pub fn chroma_spread(rgb: &RgbImage, mask: Option<&Mask>) -> f64 {
    let m = mask_for(mask, rgb.width(), rgb.height());
    // Chroma in half-levels: rg ∈ −255..=255, 2·yb ∈ −510..=510.
    let mut rg_hist = vec![0u64; 511];
    let mut yb_hist = vec![0u64; 1021];
    let mut n = 0u64;
    for (i, p) in rgb.as_raw().chunks_exact(3).enumerate() {
        if !inside(m, i) {
            continue;
        }
        if let [r, g, b] = p {
            let (r, g, b) = (i32::from(*r), i32::from(*g), i32::from(*b));
            let rg = r - g;
            let yb2 = r + g - 2 * b;
            if let Some(c) = rg_hist.get_mut((rg + 255) as usize) {
                *c += 1;
            }
            if let Some(c) = yb_hist.get_mut((yb2 + 510) as usize) {
                *c += 1;
            }
            n += 1;
        }
    }
    if n == 0 {
        return 0.0;
    }
    let median = |hist: &[u64], offset: i32| -> i32 {
        let half = n.div_ceil(2);
        let mut acc = 0u64;
        for (i, &c) in hist.iter().enumerate() {
            acc += c;
            if acc >= half {
                return i as i32 - offset;
            }
        }
        0
    };
    let (mrg, myb2) = (median(&rg_hist, 255), median(&yb_hist, 510));
    // Distances in half-levels (yb counted at half scale, as yb = yb2 / 2).
    let mut dist_hist = vec![0u64; 1021];
    // A second pass over the pixels rather than a copy of every chroma (memory).
    for (i, p) in rgb.as_raw().chunks_exact(3).enumerate() {
        if let ([r, g, b], true) = (p, inside(m, i)) {
            let (r, g, b) = (i32::from(*r), i32::from(*g), i32::from(*b));
            let (rg, yb2) = (r - g, r + g - 2 * b);
            let d = (2 * (rg - mrg).abs()).max((yb2 - myb2).abs()) as usize;
            if let Some(c) = dist_hist.get_mut(d.min(1020)) {
                *c += 1;
            }
        }
    }
    let target = ((n as f64) * 0.99).ceil() as u64;
    let mut acc = 0u64;
    for (d, &c) in dist_hist.iter().enumerate() {
        acc += c;
        if acc >= target {
            return d as f64 / 2.0 / 255.0;
        }
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    #[test]
    fn colorfulness_gray_vs_colour() {
        let gray = RgbImage::from_fn(64, 64, |x, y| {
            let v = ((x * 3 + y * 2) % 256) as u8;
            Rgb([v, v, v])
        });
        assert!(colorfulness(&gray, None) < 1e-9);
        let colour = RgbImage::from_fn(64, 64, |x, y| Rgb([(x * 4) as u8, (y * 4) as u8, 128]));
        assert!(colorfulness(&colour, None) > 0.1);
        assert_eq!(chroma_spread(&gray, None), 0.0);
        assert!(chroma_spread(&colour, None) > 0.1);
        // A uniform cast (warm light on a grey scene) is not colour.
        let cast = RgbImage::from_fn(64, 64, |x, y| {
            let v = ((x * 3 + y * 2) % 200) as u8;
            Rgb([v + 30, v + 15, v])
        });
        assert!(
            chroma_spread(&cast, None) < 0.01,
            "{}",
            chroma_spread(&cast, None)
        );
    }
}
