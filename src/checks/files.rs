//! The file itself: readable, not empty, within the size limits, a format the policy accepts
//! (from the magic bytes, whatever the extension says), decodable within the pixel limit
//! (`FILE_*`, `FORMAT_*`, `IMAGE_CORRUPT`).

use crate::codes::Code;
use crate::finding::{Arg, Finding, round};
use crate::images::analysis::{ImageAnalysis, Stage};
use crate::images::sniff;
use crate::policy::{ImageFormat, Policy};

/// Findings about the file of one image.
pub fn findings(a: &ImageAnalysis, policy: &Policy) -> Vec<Finding> {
    let f = |code| Finding::new(code, a.subject);
    let path = || Arg::text(a.display.clone());
    let mut out = Vec::new();
    match &a.stage {
        Stage::Unreadable(reason) => {
            out.push(
                f(Code::FileUnreadable)
                    .detail("file.unreadable", [path(), Arg::text(reason.clone())]),
            );
            return out;
        }
        Stage::Empty => {
            out.push(f(Code::FileEmpty).detail("file.empty", [path()]));
            return out;
        }
        // Over the memory limit: not read, so nothing else is known about it.
        Stage::TooLargeToRead { limit } => {
            out.push(
                f(Code::FileTooLarge)
                    .detail(
                        "file.too_large_to_read",
                        [path(), Arg::Num(mib(a.bytes)), Arg::Num(mib(*limit))],
                    )
                    .measured(a.bytes as f64, *limit as f64),
            );
            return out;
        }
        _ => {}
    }
    out.extend(size_finding(a, policy));
    if a.stage == Stage::UnknownFormat {
        let magic = a.magic.clone().unwrap_or_default();
        out.push(f(Code::ImageCorrupt).detail("file.unknown_format", [path(), Arg::text(magic)]));
        return out;
    }
    let Some(format) = a.format else {
        return out;
    };
    if let Some(ext) = &a.extension
        && let Some(expected) = sniff::formats_for_extension(ext)
        && !expected.contains(&format)
    {
        out.push(f(Code::FormatExtensionMismatch).detail(
            "file.extension_mismatch",
            [
                path(),
                Arg::text(ext.clone()),
                Arg::text(format_name(format)),
            ],
        ));
    }
    match &a.stage {
        Stage::Unsupported => {
            let accepted: Vec<&str> = policy
                .files
                .accepted_formats
                .iter()
                .map(|f| format_name(*f))
                .collect();
            out.push(f(Code::FormatUnsupported).detail(
                unsupported_key(format),
                [
                    Arg::text(format_name(format)),
                    Arg::text(accepted.join(", ")),
                ],
            ));
        }
        Stage::TooManyPixels { megapixels } => {
            let (width, height) = a.dimensions.unwrap_or_default();
            let mp = round(*megapixels, 1);
            out.push(
                f(Code::ImageCorrupt)
                    .detail(
                        "file.too_many_pixels",
                        [
                            Arg::Int(i64::from(width)),
                            Arg::Int(i64::from(height)),
                            Arg::Num(mp),
                            Arg::Num(policy.limits.max_megapixels),
                        ],
                    )
                    .measured(mp, policy.limits.max_megapixels),
            );
        }
        Stage::Corrupt(reason) => {
            out.push(
                f(Code::ImageCorrupt).detail("file.corrupt", [path(), Arg::text(reason.clone())]),
            );
        }
        Stage::Unreadable(_)
        | Stage::Empty
        | Stage::TooLargeToRead { .. }
        | Stage::UnknownFormat
        | Stage::Decoded => {}
    }
    out
}

/// FILE_TOO_LARGE / FILE_TOO_SMALL from the file's size.
fn size_finding(a: &ImageAnalysis, policy: &Policy) -> Option<Finding> {
    let f = |code| Finding::new(code, a.subject);
    let len = a.bytes;
    if len > policy.files.max_bytes {
        return Some(
            f(Code::FileTooLarge)
                .detail(
                    "file.too_large",
                    [Arg::Num(mib(len)), Arg::Num(mib(policy.files.max_bytes))],
                )
                .measured(len as f64, policy.files.max_bytes as f64),
        );
    }
    if len < policy.files.min_bytes {
        return Some(
            f(Code::FileTooSmall)
                .detail(
                    "file.too_small",
                    [Arg::Num(kib(len)), Arg::Num(kib(policy.files.min_bytes))],
                )
                .measured(len as f64, policy.files.min_bytes as f64),
        );
    }
    None
}

fn unsupported_key(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Heic => "file.unsupported_heic",
        ImageFormat::Avif => "file.unsupported_avif",
        ImageFormat::Webp => "file.unsupported_webp",
        ImageFormat::Pdf => "file.unsupported_pdf",
        ImageFormat::Gif => "file.unsupported_gif",
        ImageFormat::Bmp | ImageFormat::Tiff | ImageFormat::Jpeg | ImageFormat::Png => {
            "file.unsupported_other"
        }
    }
}

fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Png => "PNG",
        ImageFormat::Heic => "HEIC/HEIF",
        ImageFormat::Avif => "AVIF",
        ImageFormat::Webp => "WebP",
        ImageFormat::Gif => "GIF",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Pdf => "PDF",
    }
}

fn mib(n: u64) -> f64 {
    (n as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0
}

fn kib(n: u64) -> f64 {
    (n as f64 / 1024.0).round()
}
