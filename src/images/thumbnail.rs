//! Downscaled JPEG copies of an image for the HTML report, made from the analysis copy the
//! metrics are measured on: no second decode and no second resize of the full image ("each image
//! decoded once"). Only made when a caller asks for them (`--format html`).

use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;
use std::sync::Arc;

use super::decode::{fit_long_side, resize_rgb};

/// Sizes and quality of the thumbnails. Presentation settings, not thresholds: they decide how
/// big a report is, never a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThumbnailSpec {
    /// Long side of the picture shown on a report page, in pixels.
    pub long_side: u32,
    /// Long side of the small picture in a batch index row.
    pub icon_long_side: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
}

impl ThumbnailSpec {
    /// What `--format html` uses: 800 px is sharp on a phone and at ~120 dpi across an A4 page,
    /// and three such JPEGs (≈ 60–150 KB each) keep a report well under 1 MB after base64.
    pub const HTML: ThumbnailSpec = ThumbnailSpec {
        long_side: 800,
        icon_long_side: 120,
        quality: 72,
    };
}

/// One encoded JPEG and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Thumbnail {
    /// Shared so that copying a report (batch keeps every case's) does not copy the bytes.
    pub jpeg: Arc<[u8]>,
    pub width: u32,
    pub height: u32,
}

/// The page picture and the index icon of one image.
#[derive(Clone, Debug, PartialEq)]
pub struct Thumbnails {
    pub page: Thumbnail,
    pub icon: Thumbnail,
}

/// Encode the page picture and the icon from `copy` (the analysis copy of the decoded image).
/// `None` only when the encoder refuses (an empty image).
pub fn make(copy: &RgbImage, spec: ThumbnailSpec) -> Option<Thumbnails> {
    let page = scaled(copy, spec.long_side);
    let icon = scaled(&page, spec.icon_long_side);
    Some(Thumbnails {
        page: encode(&page, spec.quality)?,
        icon: encode(&icon, spec.quality)?,
    })
}

fn scaled(src: &RgbImage, long_side: u32) -> RgbImage {
    let (w, h) = fit_long_side(src.width(), src.height(), long_side);
    resize_rgb(src, w, h)
}

fn encode(img: &RgbImage, quality: u8) -> Option<Thumbnail> {
    if img.width() == 0 || img.height() == 0 {
        return None;
    }
    let mut buf = Vec::new();
    JpegEncoder::new_with_quality(&mut buf, quality.clamp(1, 100))
        .encode_image(img)
        .ok()?;
    Some(Thumbnail {
        jpeg: buf.into(),
        width: img.width(),
        height: img.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbnails_keep_the_aspect_and_decode_as_jpeg() {
        let copy = RgbImage::from_fn(1000, 630, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let t = make(&copy, ThumbnailSpec::HTML).expect("thumbnails");
        assert_eq!((t.page.width, t.page.height), (800, 504));
        assert_eq!((t.icon.width, t.icon.height), (120, 76));
        // The JPEG magic, and a size that fits the report budget.
        assert_eq!(t.page.jpeg.get(..3), Some(&[0xFF, 0xD8, 0xFF][..]));
        assert!(t.page.jpeg.len() < 250_000, "{}", t.page.jpeg.len());
        let back = image::load_from_memory(&t.page.jpeg).expect("decodes");
        assert_eq!((back.width(), back.height()), (800, 504));
    }

    #[test]
    fn small_images_are_not_upscaled() {
        let copy = RgbImage::new(300, 200);
        let t = make(&copy, ThumbnailSpec::HTML).expect("thumbnails");
        assert_eq!((t.page.width, t.page.height), (300, 200));
        assert!(make(&RgbImage::new(0, 0), ThumbnailSpec::HTML).is_none());
    }
}
