//! The real format of a file, from its first bytes (never from the extension).

use crate::policy::ImageFormat;

/// What the first bytes say the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// One of the formats the policy knows about.
    Known(ImageFormat),
    /// No image signature we recognise.
    Unknown,
}

/// Identify the format from magic bytes. Needs at most the first 32 bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let format = if starts(&[0xFF, 0xD8, 0xFF]) {
        ImageFormat::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        ImageFormat::Png
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        ImageFormat::Gif
    } else if starts(b"BM") && bytes.len() >= 26 {
        ImageFormat::Bmp
    } else if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        ImageFormat::Tiff
    } else if starts(b"%PDF-") {
        ImageFormat::Pdf
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        ImageFormat::Webp
    } else if let Some(f) = iso_bmff(bytes) {
        f
    } else {
        return Sniffed::Unknown;
    };
    Sniffed::Known(format)
}

/// HEIF/HEIC/AVIF: an ISO-BMFF `ftyp` box whose major or compatible brands name the format.
/// Checks every brand (infer's `is_heif` misses `hevc`/`heim`/`heis` and HEIF files that do not
/// list `heic`), and prefers AVIF when an `avif`/`avis` brand is present.
fn iso_bmff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.get(4..8) != Some(b"ftyp") {
        return None;
    }
    let size = u32::from_be_bytes(bytes.get(0..4)?.try_into().ok()?) as usize;
    let end = size.clamp(16, 4096).min(bytes.len());
    let major = bytes.get(8..12)?;
    let mut brands: Vec<&[u8]> = vec![major];
    let mut i = 16;
    while i + 4 <= end {
        if let Some(b) = bytes.get(i..i + 4) {
            brands.push(b);
        }
        i += 4;
    }
    const AVIF: &[&[u8]] = &[b"avif", b"avis"];
    const HEIF: &[&[u8]] = &[
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
        b"mif2",
    ];
    if brands.iter().any(|b| AVIF.contains(b)) {
        Some(ImageFormat::Avif)
    } else if brands.iter().any(|b| HEIF.contains(b)) {
        Some(ImageFormat::Heic)
    } else {
        None
    }
}

/// The formats a file extension suggests (lower-case, without the dot). `None` when the
/// extension is not an image extension we know (then no mismatch is reported).
pub fn formats_for_extension(ext: &str) -> Option<&'static [ImageFormat]> {
    use ImageFormat::*;
    Some(match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" | "jpe" | "jfif" => &[Jpeg],
        "png" => &[Png],
        "heic" | "heif" | "hif" => &[Heic],
        "avif" => &[Avif],
        "webp" => &[Webp],
        "gif" => &[Gif],
        "bmp" | "dib" => &[Bmp],
        "tif" | "tiff" => &[Tiff],
        "pdf" => &[Pdf],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ftyp(major: &[u8], compat: &[&[u8]]) -> Vec<u8> {
        let size = 16 + 4 * compat.len();
        let mut v = (size as u32).to_be_bytes().to_vec();
        v.extend_from_slice(b"ftyp");
        v.extend_from_slice(major);
        v.extend_from_slice(&[0, 0, 0, 0]);
        for c in compat {
            v.extend_from_slice(c);
        }
        v
    }

    #[test]
    fn magic_bytes() {
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Sniffed::Known(ImageFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Sniffed::Known(ImageFormat::Png)
        );
        assert_eq!(sniff(b"GIF89a"), Sniffed::Known(ImageFormat::Gif));
        assert_eq!(sniff(b"%PDF-1.7"), Sniffed::Known(ImageFormat::Pdf));
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Sniffed::Known(ImageFormat::Webp)
        );
        assert_eq!(sniff(b"MM\0*\0\0\0\x08"), Sniffed::Known(ImageFormat::Tiff));
        assert_eq!(sniff(b""), Sniffed::Unknown);
        assert_eq!(sniff(b"hello world, not an image"), Sniffed::Unknown);
        assert_eq!(sniff(b"\0\0\0\x08ftyp"), Sniffed::Unknown);
    }

    #[test]
    fn heif_brands() {
        assert_eq!(
            sniff(&ftyp(b"heic", &[b"mif1"])),
            Sniffed::Known(ImageFormat::Heic)
        );
        assert_eq!(
            sniff(&ftyp(b"mif1", &[b"hevc"])),
            Sniffed::Known(ImageFormat::Heic)
        );
        assert_eq!(
            sniff(&ftyp(b"heim", &[])),
            Sniffed::Known(ImageFormat::Heic)
        );
        assert_eq!(
            sniff(&ftyp(b"mif1", &[b"avif", b"miaf"])),
            Sniffed::Known(ImageFormat::Avif)
        );
        assert_eq!(sniff(&ftyp(b"isom", &[b"mp41"])), Sniffed::Unknown);
    }

    #[test]
    fn extensions() {
        assert_eq!(formats_for_extension("JPG"), Some(&[ImageFormat::Jpeg][..]));
        assert_eq!(formats_for_extension("txt"), None);
    }
}
