//! Decoding, once per image: bounded by the policy's pixel limit (checked from the header
//! before any pixel buffer is allocated), EXIF orientation applied, panics in decoders caught.
//!
//! [`DecodedImage`] is what every later pixel check works on (quality metrics here, the face
//! detector and the card locator later): the orientation-corrected RGB image and its luma plane.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader, Limits, RgbImage};
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::policy::ImageFormat;

/// One decoded, orientation-corrected image.
#[derive(Clone, Debug)]
pub struct DecodedImage {
    /// Width after orientation (what the user sees).
    pub width: u32,
    /// Height after orientation.
    pub height: u32,
    /// 8-bit RGB pixels (16-bit and alpha inputs are converted; alpha is dropped).
    pub rgb: RgbImage,
    /// 8-bit luma (ITU-R BT.601 weights), same size as `rgb`.
    pub luma: GrayImage,
    /// The file stores a single colour channel (a grayscale JPEG or PNG).
    pub single_channel: bool,
    /// The EXIF orientation (1–8) that was applied; 1 when none.
    pub orientation: u8,
}

/// Why an image could not be decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// The header claims more pixels than the policy allows; nothing was allocated.
    TooManyPixels {
        width: u32,
        height: u32,
        megapixels: f64,
    },
    /// The decoder refused the data (truncated, corrupt, unsupported variant).
    Corrupt(String),
}

impl DecodedImage {
    /// Build from an already decoded image (tests, other loaders).
    pub fn from_dynamic(img: DynamicImage, orientation: u8) -> DecodedImage {
        let single_channel = matches!(
            img.color(),
            image::ColorType::L8
                | image::ColorType::L16
                | image::ColorType::La8
                | image::ColorType::La16
        );
        let rgb = img.into_rgb8();
        let luma = luma_of(&rgb);
        DecodedImage {
            width: rgb.width(),
            height: rgb.height(),
            rgb,
            luma,
            single_channel,
            orientation,
        }
    }

    /// A luma copy whose long side is at most `long_side` (never upscaled), made with
    /// fast_image_resize (antialiased bilinear convolution).
    pub fn luma_long_side(&self, long_side: u32) -> GrayImage {
        let (w, h) = fit_long_side(self.width, self.height, long_side);
        resize_gray(&self.luma, w, h)
    }

    /// An RGB copy whose long side is at most `long_side` (never upscaled).
    pub fn rgb_long_side(&self, long_side: u32) -> RgbImage {
        let (w, h) = fit_long_side(self.width, self.height, long_side);
        resize_rgb(&self.rgb, w, h)
    }
}

/// Dimensions scaled so the long side is at most `long_side` (at least 1×1); unchanged when
/// already small enough.
pub fn fit_long_side(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= long_side || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(long_side) / f64::from(long);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w, h)
}

fn options() -> ResizeOptions {
    ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Bilinear))
}

/// Resize a luma image to exactly `w`×`h` (a plain copy when the size is unchanged).
pub fn resize_gray(src: &GrayImage, w: u32, h: u32) -> GrayImage {
    if (src.width(), src.height()) == (w, h) || src.width() == 0 || src.height() == 0 {
        return src.clone();
    }
    let mut dst = GrayImage::new(w, h);
    match Resizer::new().resize(src, &mut dst, &options()) {
        Ok(()) => dst,
        Err(_) => image::imageops::resize(src, w, h, image::imageops::FilterType::Triangle),
    }
}

/// Resize an RGB image to exactly `w`×`h`.
pub fn resize_rgb(src: &RgbImage, w: u32, h: u32) -> RgbImage {
    if (src.width(), src.height()) == (w, h) || src.width() == 0 || src.height() == 0 {
        return src.clone();
    }
    let mut dst = RgbImage::new(w, h);
    match Resizer::new().resize(src, &mut dst, &options()) {
        Ok(()) => dst,
        Err(_) => image::imageops::resize(src, w, h, image::imageops::FilterType::Triangle),
    }
}

/// BT.601 luma with integer weights (faster than `to_luma8`).
pub fn luma_of(rgb: &RgbImage) -> GrayImage {
    let data: Vec<u8> = rgb
        .as_raw()
        .chunks_exact(3)
        .map(|p| match p {
            [r, g, b] => {
                ((77 * u32::from(*r) + 150 * u32::from(*g) + 29 * u32::from(*b) + 128) >> 8) as u8
            }
            _ => 0,
        })
        .collect();
    GrayImage::from_raw(rgb.width(), rgb.height(), data)
        .unwrap_or_else(|| GrayImage::new(rgb.width(), rgb.height()))
}

/// Width and height from the header only (no pixel data read).
pub fn header_dimensions(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), DecodeError> {
    let fmt =
        image_format(format).ok_or_else(|| DecodeError::Corrupt("format not decodable".into()))?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), fmt);
    reader.no_limits();
    guarded(|| reader.into_dimensions())?.map_err(|e| DecodeError::Corrupt(e.to_string()))
}

fn image_format(format: ImageFormat) -> Option<image::ImageFormat> {
    Some(match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Webp => image::ImageFormat::WebP,
        ImageFormat::Gif => image::ImageFormat::Gif,
        ImageFormat::Bmp => image::ImageFormat::Bmp,
        ImageFormat::Tiff => image::ImageFormat::Tiff,
        ImageFormat::Heic | ImageFormat::Avif | ImageFormat::Pdf => return None,
    })
}

/// Decode `bytes` (already sniffed as `format`). The header's dimensions are checked against
/// `max_megapixels` before decoding; `exif_orientation` (from our own EXIF read) is applied,
/// else whatever orientation the decoder finds.
pub fn decode(
    bytes: &[u8],
    format: ImageFormat,
    max_megapixels: f64,
    exif_orientation: Option<u16>,
) -> Result<DecodedImage, DecodeError> {
    let fmt =
        image_format(format).ok_or_else(|| DecodeError::Corrupt("format not decodable".into()))?;
    match guarded(|| decode_inner(bytes, fmt, max_megapixels, exif_orientation))? {
        Err(DecodeError::Corrupt(reason)) if fmt == image::ImageFormat::Jpeg => {
            Err(DecodeError::Corrupt(match jpeg_rare_process(bytes) {
                Some(process) => format!(
                    "it is {process}, which this tool (like most upload pages) cannot read: save it again as a standard JPEG ({reason})"
                ),
                None => reason,
            }))
        }
        other => other,
    }
}

/// The JPEG's coding process when it is one few decoders read (ITU T.81 frame markers:
/// SOF3/7/11/15 lossless, SOF9–11/13–15 arithmetic-coded, SOF5–7 hierarchical), so that a
/// refusal says why instead of repeating the decoder's error.
fn jpeg_rare_process(bytes: &[u8]) -> Option<&'static str> {
    let mut i = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) {
        match marker {
            0xFF => {
                i += 1;
                continue;
            }
            0xC3 | 0xC7 | 0xCB | 0xCF => return Some("a lossless JPEG"),
            0xC9..=0xCA | 0xCD..=0xCE => return Some("an arithmetic-coded JPEG"),
            0xC5 | 0xC6 => return Some("a hierarchical JPEG"),
            0xC0..=0xC2 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        i += 2 + len;
    }
    None
}

/// Run a decoder step, turning a panic inside a dependency into a `Corrupt` error.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, DecodeError> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|_| DecodeError::Corrupt("the decoder crashed on this data".into()))
}

fn decode_inner(
    bytes: &[u8],
    fmt: image::ImageFormat,
    max_megapixels: f64,
    exif_orientation: Option<u16>,
) -> Result<DecodedImage, DecodeError> {
    let corrupt = |e: image::ImageError| DecodeError::Corrupt(e.to_string());
    let mut limits = Limits::default();
    // Room for the pixels at up to 8 bytes each (16-bit RGBA) plus the decoder's own buffers.
    let max_pixels = (max_megapixels.max(0.0) * 1e6) as u64;
    limits.max_alloc = Some(max_pixels.saturating_mul(8).max(64 << 20));
    let mut reader = ImageReader::with_format(Cursor::new(bytes), fmt);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => too_many(bytes, fmt),
        other => corrupt(other),
    })?;
    let (width, height) = decoder.dimensions();
    let megapixels = f64::from(width) * f64::from(height) / 1e6;
    if megapixels > max_megapixels {
        return Err(DecodeError::TooManyPixels {
            width,
            height,
            megapixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(DecodeError::Corrupt(format!(
            "the header says {width}×{height} pixels"
        )));
    }
    if fmt == image::ImageFormat::Jpeg && !jpeg_has_end(bytes) {
        return Err(DecodeError::Corrupt(
            "the JPEG data ends early (truncated file)".into(),
        ));
    }
    let orientation = match exif_orientation
        .and_then(|o| u8::try_from(o).ok())
        .and_then(Orientation::from_exif)
    {
        Some(o) => o,
        None => decoder.orientation().unwrap_or(Orientation::NoTransforms),
    };
    let mut img = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    img.apply_orientation(orientation);
    Ok(DecodedImage::from_dynamic(img, orientation.to_exif()))
}

/// The limits error carries no numbers; re-read the header without limits to report them.
fn too_many(bytes: &[u8], fmt: image::ImageFormat) -> DecodeError {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), fmt);
    reader.no_limits();
    match reader.into_dimensions() {
        Ok((width, height)) => DecodeError::TooManyPixels {
            width,
            height,
            megapixels: f64::from(width) * f64::from(height) / 1e6,
        },
        Err(e) => DecodeError::Corrupt(e.to_string()),
    }
}

/// A complete JPEG has an EOI marker (FF D9) after its first scan. Walks the marker segments
/// (so an EXIF thumbnail's markers are skipped) to the first SOS, then looks for EOI in the
/// entropy-coded data, where FF is always followed by 00, a restart marker or a real marker.
pub fn jpeg_has_end(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes.get(i) != Some(&0xFF) {
            return false;
        }
        let marker = bytes.get(i + 1).copied().unwrap_or(0);
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if marker == 0xDA {
            break;
        }
        let len = match bytes.get(i + 2..i + 4) {
            Some(&[a, b]) => usize::from(u16::from_be_bytes([a, b])),
            _ => return false,
        };
        i += 2 + len;
    }
    bytes
        .get(i..)
        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 90]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn decodes_and_reports_size() {
        let bytes = jpeg(64, 40);
        let d = decode(&bytes, ImageFormat::Jpeg, 100.0, None).unwrap();
        assert_eq!((d.width, d.height), (64, 40));
        assert_eq!(d.luma.dimensions(), (64, 40));
        assert!(!d.single_channel);
    }

    #[test]
    fn orientation_applied() {
        let bytes = jpeg(64, 40);
        let d = decode(&bytes, ImageFormat::Jpeg, 100.0, Some(6)).unwrap();
        assert_eq!((d.width, d.height), (40, 64));
        assert_eq!(d.orientation, 6);
    }

    #[test]
    fn truncated_and_garbage_are_errors() {
        let bytes = jpeg(64, 40);
        assert!(jpeg_has_end(&bytes));
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(
            decode(cut, ImageFormat::Jpeg, 100.0, None),
            Err(DecodeError::Corrupt(_))
        ));
        assert!(decode(&[0xFF, 0xD8, 0xFF, 0, 1, 2], ImageFormat::Jpeg, 100.0, None).is_err());
        assert!(decode(b"\x89PNG\r\n\x1a\n", ImageFormat::Png, 100.0, None).is_err());
        assert!(decode(b"", ImageFormat::Heic, 100.0, None).is_err());
    }

    #[test]
    fn pixel_limit_from_header() {
        let bytes = jpeg(64, 40);
        match decode(&bytes, ImageFormat::Jpeg, 0.001, None) {
            Err(DecodeError::TooManyPixels {
                width: 64,
                height: 40,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn downscaled_copies() {
        let d = DecodedImage::from_dynamic(DynamicImage::ImageRgb8(RgbImage::new(400, 100)), 1);
        assert_eq!(d.luma_long_side(200).dimensions(), (200, 50));
        assert_eq!(d.rgb_long_side(1000).dimensions(), (400, 100));
        assert_eq!(fit_long_side(10000, 20, 1000), (1000, 2));
        assert_eq!(fit_long_side(1, 1, 1000), (1, 1));
    }
}
