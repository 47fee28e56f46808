//! One pass per image: read the file once, sniff it, read its EXIF, decode it once (bounded by
//! the policy's limits), and measure everything the checks judge into an [`ImageAnalysis`]:
//! the quality metrics, the document outline and which way up it lies, the faces. Nothing here
//! judges: `checks` turns an analysis plus the policy into findings, the report is built from
//! it, and calibration tools sweep thresholds over stored analyses.
//!
//! Only measurement parameters (the analysis copy's size, the glare pixel definition, the face
//! detector's settings, the decode limit) are read from the policy, never a pass/fail threshold.

use image::{GrayImage, RgbImage};
use std::path::Path;

use super::decode::{self, DecodeError, DecodedImage};
use super::exif::{self, ExifInfo};
use super::metrics::{self, Metrics};
use super::thumbnail::{self, ThumbnailSpec, Thumbnails};
use super::{ImageInput, duplicates, sniff};
use crate::document::{self, DocumentAnalysis};
use crate::faces::{self, FaceAnalysis};
use crate::finding::Subject;
use crate::limits::{self, ReadError};
use crate::policy::{ImageFormat, Policy};
use crate::reader::{self, MrzOutcome};

/// Everything measured on one image file.
#[derive(Clone, Debug)]
pub struct ImageAnalysis {
    pub subject: Subject,
    /// The path as the user wrote it (for messages and the report).
    pub display: String,
    /// The file name's extension, lower case.
    pub extension: Option<String>,
    /// How far the analysis got, and why it stopped.
    pub stage: Stage,
    /// File size in bytes (0 when unreadable).
    pub bytes: u64,
    /// Hash of the file's bytes (same file used twice).
    pub content_hash: Option<u64>,
    /// Format from the magic bytes.
    pub format: Option<ImageFormat>,
    /// The first bytes in hex, for a file of unknown format.
    pub magic: Option<String>,
    /// EXIF, read from every file whose format is known (HEIC carries it too).
    pub exif: Option<ExifInfo>,
    /// Width and height after EXIF orientation: from the decoder, or from the header when the
    /// pixel limit refused decoding.
    pub dimensions: Option<(u32, u32)>,
    /// Pixel measurements, when the image decoded.
    pub pixels: Option<PixelAnalysis>,
}

/// How far the analysis of a file got.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// The file could not be read (the OS's reason).
    Unreadable(String),
    /// The file is empty.
    Empty,
    /// Larger than `limits.max_file_bytes`: not read at all.
    TooLargeToRead { limit: u64 },
    /// The magic bytes match no known image format.
    UnknownFormat,
    /// A known format the policy does not accept: not decoded.
    Unsupported,
    /// The header claims more pixels than the policy allows: nothing was allocated.
    TooManyPixels { megapixels: f64 },
    /// The decoder refused the data (truncated, corrupt).
    Corrupt(String),
    /// Decoded and measured.
    Decoded,
}

/// Measurements of a decoded image.
#[derive(Clone, Debug)]
pub struct PixelAnalysis {
    /// The file stores a single colour channel (a grayscale JPEG or PNG).
    pub single_channel: bool,
    /// Size of the analysis copy the metrics were measured on.
    pub analysis_size: (u32, u32),
    pub metrics: Metrics,
    /// The document in the frame (ID photos only).
    pub document: Option<DocumentAnalysis>,
    /// The faces (selfie and ID front).
    pub faces: Option<FaceAnalysis>,
    /// JPEG thumbnails for the HTML report, made from the analysis copy; only when asked for.
    pub thumbnails: Option<Thumbnails>,
    /// The document's machine-readable zone, read where the document outline was found in an
    /// ID photo (`None`: not an ID photo, no outline, or reading turned off in the policy).
    pub text: Option<MrzOutcome>,
}

impl ImageAnalysis {
    fn new(input: &ImageInput) -> ImageAnalysis {
        ImageAnalysis {
            subject: input.subject,
            display: input.display.clone(),
            extension: extension(&input.path),
            stage: Stage::Unreadable(String::new()),
            bytes: 0,
            content_hash: None,
            format: None,
            magic: None,
            exif: None,
            dimensions: None,
            pixels: None,
        }
    }

    /// The document outline found, in pixels of the orientation-corrected image.
    pub fn located(&self) -> Option<&document::Located> {
        self.pixels.as_ref()?.document.as_ref()?.located.as_ref()
    }
}

/// Analyse one image file (see the module documentation). Never panics, whatever the file;
/// reads at most `limits.max_file_bytes` (+ 1) bytes of it, and only from a regular file.
pub fn analyse(input: &ImageInput, policy: &Policy) -> ImageAnalysis {
    analyse_with(input, policy, None)
}

/// [`analyse`], also keeping JPEG thumbnails of the decoded image when `thumbnails` is given
/// (the HTML report embeds them; they come from the same decode).
pub fn analyse_with(
    input: &ImageInput,
    policy: &Policy,
    thumbnails: Option<ThumbnailSpec>,
) -> ImageAnalysis {
    match limits::read_file(&input.path, policy.limits.max_file_bytes) {
        Ok(bytes) => analyse_bytes_with(input, bytes, policy, thumbnails),
        Err(ReadError::TooLarge { size, limit }) => {
            let mut a = ImageAnalysis::new(input);
            a.bytes = size.unwrap_or(limit);
            a.stage = Stage::TooLargeToRead { limit };
            a
        }
        Err(e) => {
            let mut a = ImageAnalysis::new(input);
            a.stage = Stage::Unreadable(e.reason());
            a
        }
    }
}

/// Analyse an image's bytes (`input.path` only names it); what [`analyse`] does after reading
/// the file. The fuzz target `image_pipeline` drives it with arbitrary bytes.
pub fn analyse_bytes(input: &ImageInput, bytes: Vec<u8>, policy: &Policy) -> ImageAnalysis {
    analyse_bytes_with(input, bytes, policy, None)
}

/// [`analyse_bytes`], with thumbnails as in [`analyse_with`].
fn analyse_bytes_with(
    input: &ImageInput,
    bytes: Vec<u8>,
    policy: &Policy,
    thumbnails: Option<ThumbnailSpec>,
) -> ImageAnalysis {
    let mut a = ImageAnalysis::new(input);
    a.bytes = bytes.len() as u64;
    if bytes.is_empty() {
        a.stage = Stage::Empty;
        return a;
    }
    a.content_hash = Some(duplicates::content_hash(&bytes));
    let format = match sniff::sniff(&bytes) {
        sniff::Sniffed::Known(fmt) => fmt,
        sniff::Sniffed::Unknown => {
            a.magic = Some(hex_prefix(&bytes));
            a.stage = Stage::UnknownFormat;
            return a;
        }
    };
    a.format = Some(format);
    let exif = exif::read(&bytes);
    let orientation = exif.orientation();
    a.exif = Some(exif);
    if !policy.files.accepted_formats.contains(&format) {
        a.stage = Stage::Unsupported;
        return a;
    }
    let decoded = match decode::decode(&bytes, format, policy.limits.max_megapixels, orientation) {
        Ok(d) => d,
        Err(DecodeError::TooManyPixels {
            width,
            height,
            megapixels,
        }) => {
            a.dimensions = Some((width, height));
            a.stage = Stage::TooManyPixels { megapixels };
            return a;
        }
        Err(DecodeError::Corrupt(reason)) => {
            a.stage = Stage::Corrupt(reason);
            return a;
        }
    };
    drop(bytes);
    a.dimensions = Some((decoded.width, decoded.height));
    a.pixels = Some(measure_pixels_with(
        &decoded,
        input.subject,
        policy,
        thumbnails,
    ));
    a.stage = Stage::Decoded;
    a
}

/// Every pixel measurement of a decoded image.
pub fn measure_pixels(decoded: &DecodedImage, subject: Subject, policy: &Policy) -> PixelAnalysis {
    measure_pixels_with(decoded, subject, policy, None)
}

/// [`measure_pixels`], plus thumbnails made from the analysis copy when `thumbnails` is given.
pub fn measure_pixels_with(
    decoded: &DecodedImage,
    subject: Subject,
    policy: &Policy,
    thumbnails: Option<ThumbnailSpec>,
) -> PixelAnalysis {
    let full = (decoded.width, decoded.height);
    // One downscaled copy serves the locator and the quality metrics.
    let small: RgbImage = decoded.rgb_long_side(policy.quality.analysis_long_side);
    let small_luma: GrayImage = decode::luma_of(&small);
    // The card in the ID photos and the faces (the selfie's subject, the portrait on the ID
    // front; the back has none) are independent searches over the same pixels: side by side.
    let (located, found_faces) = rayon::join(
        || {
            subject
                .is_id()
                .then(|| document::locate_scaled(&small, full, policy))
        },
        || {
            matches!(subject, Subject::Selfie | Subject::IdFront)
                .then(|| faces::detect(&decoded.luma, &policy.faces))
        },
    );
    let mut found_faces = found_faces;
    // Which way up the document lies and whether it looks like one (document::analyse).
    let document = located.map(|located| {
        let (doc, turned) = document::analyse(
            located,
            subject,
            &decoded.luma,
            &small_luma,
            found_faces.as_deref(),
            policy,
        );
        if turned.is_some() {
            found_faces = turned;
        }
        doc
    });
    // The quality metrics and the MRZ reader only read the same pixels: side by side.
    let (metrics, text) = rayon::join(
        || {
            metrics::measure(
                &small,
                &small_luma,
                full,
                document
                    .as_ref()
                    .and_then(|d| d.located.as_ref())
                    .map(|l| &l.corners),
                policy,
            )
        },
        || {
            document
                .as_ref()
                .and_then(|d| d.located.as_ref())
                .filter(|_| policy.reader.enabled && subject.is_id())
                .map(|located| {
                    reader::read_mrz(&decoded.luma, &small_luma, located, &policy.reader)
                })
        },
    );
    let faces = found_faces.map(|found| FaceAnalysis::measure(&decoded.luma, found, policy));
    PixelAnalysis {
        single_channel: decoded.single_channel,
        analysis_size: small.dimensions(),
        metrics,
        document,
        faces,
        thumbnails: thumbnails.and_then(|spec| thumbnail::make(&small, spec)),
        text,
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(8)
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}
