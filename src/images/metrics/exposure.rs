//! Exposure and contrast, and the selfie's backlight stand-in.

use image::GrayImage;

use super::mask::{Mask, inside, mask_for};

/// A 256-bin luma histogram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Histogram {
    pub counts: [u32; 256],
    pub total: u64,
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram {
            counts: [0; 256],
            total: 0,
        }
    }
}

impl Histogram {
    /// Histogram of `luma` inside `mask` (the whole image when `None`).
    pub fn of(luma: &GrayImage, mask: Option<&Mask>) -> Histogram {
        let m = mask_for(mask, luma.width(), luma.height());
        let mut h = Histogram::default();
        for (i, &v) in luma.as_raw().iter().enumerate() {
            if inside(m, i)
                && let Some(slot) = h.counts.get_mut(usize::from(v))
            {
                *slot += 1;
                h.total += 1;
            }
        }
        h
    }

    /// The `q` quantile (0–1) of luma, 0–1 (0 for an empty histogram).
    pub fn quantile(&self, q: f64) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        let target = ((q.clamp(0.0, 1.0) * self.total as f64).ceil() as u64).max(1);
        let mut acc = 0u64;
        for (v, &c) in self.counts.iter().enumerate() {
            acc += u64::from(c);
            if acc >= target {
                return v as f64 / 255.0;
            }
        }
        1.0
    }

    /// Fraction of the pixels at or above `level` (0–1).
    pub fn fraction_at_or_above(&self, level: f64) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        let from = (level * 255.0).round().clamp(0.0, 255.0) as usize;
        let n: u64 = self.counts.iter().skip(from).map(|&c| u64::from(c)).sum();
        n as f64 / self.total as f64
    }

    fn mean_and_sd(&self) -> (f64, f64) {
        if self.total == 0 {
            return (0.0, 0.0);
        }
        let n = self.total as f64;
        let mean = self
            .counts
            .iter()
            .enumerate()
            .map(|(v, &c)| v as f64 * f64::from(c))
            .sum::<f64>()
            / n;
        let var = self
            .counts
            .iter()
            .enumerate()
            .map(|(v, &c)| (v as f64 - mean).powi(2) * f64::from(c))
            .sum::<f64>()
            / n;
        (mean / 255.0, var.sqrt() / 255.0)
    }
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
    /// The whole distribution, for the other quantiles the checks use.
    pub histogram: Histogram,
}

impl ExposureStats {
    pub fn quantile(&self, q: f64) -> f64 {
        self.histogram.quantile(q)
    }
}

/// Exposure statistics; `clip_level` (0–1) is the luma counted as clipped white.
pub fn exposure(luma: &GrayImage, mask: Option<&Mask>, clip_level: f64) -> ExposureStats {
    let histogram = Histogram::of(luma, mask);
    let (brightness, contrast) = histogram.mean_and_sd();
    ExposureStats {
        brightness,
        clipped: histogram.fraction_at_or_above(clip_level),
        contrast,
        p05: histogram.quantile(0.05),
        p95: histogram.quantile(0.95),
        histogram,
    }
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
    use image::Luma;

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
