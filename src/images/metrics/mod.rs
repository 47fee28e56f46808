//! Pure image-quality metrics over luma/RGB buffers: focus (blur, including camera shake),
//! specular glare, exposure and contrast, colourfulness, backlight. Measurement only: the
//! judgement against the policy's thresholds is in `checks::quality`.
//!
//! Every function takes an optional [`Mask`] (same size as the image; non-zero = inside) so
//! the numbers can be measured inside the document outline; `None` measures the whole image.
//! Callers pass a copy normalised to `policy.quality.analysis_long_side` so the numbers do not
//! depend on the photo's pixel count.

pub mod colour;
pub mod exposure;
pub mod focus;
pub mod glare;
pub mod mask;

use image::{GrayImage, RgbImage};

use crate::policy::Policy;

pub use colour::{chroma_spread, colorfulness};
pub use exposure::{BacklightStats, ExposureStats, backlight, exposure};
pub use focus::{FocusStats, focus_measure};
pub use glare::{Glare, GlareCriteria, GlareParams, GlareRegion, GlareStats, glare};
pub use mask::{Mask, polygon_mask};

/// Every metric measured on one decoded image (on the normalised analysis copy).
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// `None` when no edge could be measured (a flat or tiny image).
    pub focus: Option<FocusStats>,
    pub glare: GlareStats,
    /// Exposure of the card when it was found, else of the whole photo.
    pub exposure: ExposureStats,
    /// Exposure of the whole photo.
    pub photo_exposure: ExposureStats,
    /// Hasler–Süsstrunk colourfulness of the whole photo (reported for reference).
    pub colorfulness: f64,
    /// Chroma spread of the whole photo (`IMAGE_GRAYSCALE` compares it).
    pub chroma_spread: f64,
    pub backlight: BacklightStats,
    pub phash: u64,
}

/// Measure an analysis copy: `small`, the image scaled from `full` pixels to
/// `policy.quality.analysis_long_side`, and `luma`, its luma plane. With `card` (the document
/// outline's corners in pixels of the full image), focus, glare and exposure are measured
/// inside the card only, so a bright table or a white wall does not distort them; otherwise
/// over the whole image.
pub fn measure(
    small: &RgbImage,
    luma: &GrayImage,
    full: (u32, u32),
    card: Option<&[[f64; 2]; 4]>,
    policy: &Policy,
) -> Metrics {
    let q = &policy.quality;
    let mask = card.map(|corners| {
        let sx = f64::from(small.width()) / f64::from(full.0.max(1));
        let sy = f64::from(small.height()) / f64::from(full.1.max(1));
        let scaled: Vec<[f64; 2]> = corners.iter().map(|c| [c[0] * sx, c[1] * sy]).collect();
        polygon_mask(small.width(), small.height(), &scaled)
    });
    let mask = mask.as_ref();
    // No edge to judge (a blank wall, a tiny image): focus is not measured.
    let focus = Some(focus_measure(luma, mask)).filter(|f| f.worst().is_some());
    let params = GlareParams {
        core_level: q.glare_core_level,
        core_tint: q.glare_core_tint,
        min_region: q.glare_min_region,
        band_fraction: q.glare_band_fraction,
    };
    Metrics {
        focus,
        glare: glare(small, luma, mask, &params),
        exposure: exposure(luma, mask, q.clip_level),
        photo_exposure: exposure(luma, None, q.clip_level),
        // Colour over the whole photo: a black-and-white copy is grey everywhere, while a
        // card's own design may be nearly grey.
        colorfulness: colorfulness(small, None),
        chroma_spread: chroma_spread(small, None),
        backlight: backlight(luma, q.backlight_center_fraction),
        phash: super::duplicates::phash(luma),
    }
}
