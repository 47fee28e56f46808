//! Colourfulness: a black-and-white copy or scan against a colour photo.

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
    }
}
