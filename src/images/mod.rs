//! Image measurement. Each file is read once, sniffed, its EXIF read, decoded once (bounded by
//! the policy), and measured into an [`ImageAnalysis`] ([`analysis`]); `checks` judges it.
//!
//! - [`sniff`]: the real format from magic bytes (HEIC/HEIF/AVIF brands included);
//! - [`decode`]: pixel-limit check from the header, decoding, EXIF orientation → [`DecodedImage`];
//! - [`exif`]: editor names, capture date, GPS, screenshot hints (malformed EXIF is ignored);
//! - [`metrics`]: pure quality metrics (focus, glare, exposure, contrast, colourfulness,
//!   backlight), measured on a copy normalised to `policy.quality.analysis_long_side`;
//! - [`duplicates`]: perceptual hash, so the same picture used for two roles is caught.
//!
//! Nothing here prints or judges.

pub mod analysis;
pub mod decode;
pub mod duplicates;
pub mod exif;
pub mod metrics;
pub mod sniff;
pub mod thumbnail;

use rayon::prelude::*;
use std::path::PathBuf;

use crate::finding::Subject;
use crate::policy::Policy;

pub use analysis::{ImageAnalysis, PixelAnalysis, Stage, analyse, analyse_bytes, analyse_with};
pub use decode::{DecodeError, DecodedImage};
pub use metrics::Metrics;
pub use thumbnail::{Thumbnail, ThumbnailSpec, Thumbnails};

/// One image to check.
#[derive(Clone, Debug)]
pub struct ImageInput {
    pub subject: Subject,
    /// Where to read it.
    pub path: PathBuf,
    /// How to name it in the report (as the user wrote it).
    pub display: String,
}

/// Analyse every image, in parallel; the output follows `inputs`' order, so it is deterministic.
/// `thumbnails`: also keep JPEG thumbnails (for the HTML report).
pub fn analyse_all(
    inputs: &[ImageInput],
    policy: &Policy,
    thumbnails: Option<ThumbnailSpec>,
) -> Vec<ImageAnalysis> {
    inputs
        .par_iter()
        .map(|i| analyse_with(i, policy, thumbnails))
        .collect()
}
