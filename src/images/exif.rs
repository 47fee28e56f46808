//! EXIF provenance (kamadak-exif): camera make and model, editing software, capture date, GPS,
//! screenshot hints. Malformed EXIF is never fatal: it is ignored and noted in the summary.

use chrono::NaiveDate;
use exif::{Context, In, Reader, Tag, Value};
use std::io::Cursor;

use crate::report::ExifSummary;

/// What was read from one file's EXIF (and, for PNG, its text chunks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExifInfo {
    /// `None` when the file has no EXIF at all.
    pub summary: Option<ExifSummary>,
    /// Every software/processing string found (Software, ProcessingSoftware, HostComputer…).
    pub software: Vec<String>,
    /// Capture date (`DateTimeOriginal`, else `DateTimeDigitized`).
    pub taken: Option<NaiveDate>,
    /// A tag or text chunk says the picture is a screen capture (the text that said so).
    pub screenshot_text: Option<String>,
}

impl ExifInfo {
    /// Make or Model present: the picture came out of a camera.
    pub fn has_camera(&self) -> bool {
        self.summary
            .as_ref()
            .is_some_and(|s| s.make.is_some() || s.model.is_some())
    }

    pub fn orientation(&self) -> Option<u16> {
        self.summary.as_ref().and_then(|s| s.orientation)
    }
}

/// Read EXIF from a JPEG, PNG, TIFF, WebP or HEIF container. Never fails: malformed data gives
/// a summary with `error` set and whatever fields could be read.
pub fn read(bytes: &[u8]) -> ExifInfo {
    let mut info = ExifInfo {
        screenshot_text: png_screenshot_text(bytes),
        ..ExifInfo::default()
    };
    let parsed = std::panic::catch_unwind(|| {
        Reader::new()
            .continue_on_error(true)
            .read_from_container(&mut Cursor::new(bytes))
    });
    let (exif, error) = match parsed {
        Ok(Ok(exif)) => (exif, None),
        Ok(Err(exif::Error::NotFound(_) | exif::Error::InvalidFormat("Unknown image format"))) => {
            return info;
        }
        Ok(Err(e)) => match e {
            exif::Error::PartialResult(partial) => {
                let (exif, errors) = partial.into_inner();
                let note = errors.first().map(|e| e.to_string()).unwrap_or_default();
                (
                    exif,
                    Some(format!("malformed EXIF, partly ignored: {note}")),
                )
            }
            other => {
                info.summary = Some(ExifSummary {
                    error: Some(format!("malformed EXIF, ignored: {other}")),
                    ..ExifSummary::default()
                });
                return info;
            }
        },
        Err(_) => {
            info.summary = Some(ExifSummary {
                error: Some("malformed EXIF, ignored (the EXIF reader crashed on it)".into()),
                ..ExifSummary::default()
            });
            return info;
        }
    };
    let text = |tag: Tag| -> Option<String> {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let s = match &field.value {
            Value::Ascii(parts) => parts
                .iter()
                .map(|p| {
                    String::from_utf8_lossy(p)
                        .trim_matches(char::from(0))
                        .trim()
                        .to_string()
                })
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            Value::Undefined(raw, _) => user_comment(raw),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    };
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u16::try_from(v).ok())
        .filter(|v| (1..=8).contains(v));
    let taken_raw = text(Tag::DateTimeOriginal).or_else(|| text(Tag::DateTimeDigitized));
    let gps = exif.fields().any(|f| {
        f.ifd_num == In::PRIMARY
            && matches!(f.tag, Tag::GPSLatitude | Tag::GPSLongitude)
            && gps_nonzero(&f.value)
    });
    // ProcessingSoftware (0x000b) and HostComputer (0x013c) have no named constant in kamadak-exif.
    for tag in [
        Tag::Software,
        Tag(Context::Tiff, 0x000b),
        Tag(Context::Tiff, 0x013c),
    ] {
        if let Some(s) = text(tag) {
            info.software.push(s);
        }
    }
    for tag in [Tag::UserComment, Tag::ImageDescription, Tag::Software] {
        if let Some(s) = text(tag)
            && s.to_lowercase().contains("screenshot")
        {
            info.screenshot_text.get_or_insert(s);
        }
    }
    info.taken = taken_raw.as_deref().and_then(parse_exif_date);
    info.summary = Some(ExifSummary {
        make: text(Tag::Make),
        model: text(Tag::Model),
        software: text(Tag::Software),
        taken: taken_raw,
        modified: text(Tag::DateTime),
        orientation,
        gps,
        error,
    });
    info
}

/// `UserComment` starts with an 8-byte character-code prefix (ASCII, UNICODE, JIS, or zeros).
fn user_comment(raw: &[u8]) -> String {
    let body = if raw.len() >= 8 {
        raw.get(8..).unwrap_or(&[])
    } else {
        raw
    };
    String::from_utf8_lossy(body)
        .trim_matches(char::from(0))
        .trim()
        .to_string()
}

/// Some phones write zero coordinates when they have no fix; those reveal nothing.
fn gps_nonzero(v: &Value) -> bool {
    match v {
        Value::Rational(r) => r.iter().any(|x| x.num != 0),
        _ => true,
    }
}

/// `YYYY:MM:DD HH:MM:SS` (also accepts `-` separators) → the date.
pub fn parse_exif_date(s: &str) -> Option<NaiveDate> {
    let d = s.trim().get(0..10)?;
    let parts: Vec<&str> = d.split([':', '-']).collect();
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// Photo editors and beautifying apps, as they appear in Software tags (lower-case needle,
/// name to show). Camera firmware and OS versions (e.g. iOS `18.1`) are not editors.
const EDITORS: &[(&str, &str)] = &[
    ("photoshop", "Adobe Photoshop"),
    ("lightroom", "Adobe Lightroom"),
    ("adobe express", "Adobe Express"),
    ("gimp", "GIMP"),
    ("snapseed", "Snapseed"),
    ("meitu", "Meitu (美图秀秀)"),
    ("美图", "Meitu (美图秀秀)"),
    ("picsart", "PicsArt"),
    ("beautyplus", "BeautyPlus"),
    ("faceapp", "FaceApp"),
    ("facetune", "Facetune"),
    ("canva", "Canva"),
    ("pixlr", "Pixlr"),
    ("fotor", "Fotor"),
    ("affinity photo", "Affinity Photo"),
    ("paint.net", "Paint.NET"),
    ("pixelmator", "Pixelmator"),
    ("airbrush", "AirBrush"),
    ("picmonkey", "PicMonkey"),
    ("photoscape", "PhotoScape"),
    ("polarr", "Polarr"),
    ("vsco", "VSCO"),
    ("photopea", "Photopea"),
    ("醒图", "Xingtu (醒图)"),
    ("黄油相机", "Huangyou (黄油相机)"),
];

/// The editor a Software string names, if any.
pub fn editor_name(software: &str) -> Option<&'static str> {
    let s = software.to_lowercase();
    EDITORS
        .iter()
        .find(|(needle, _)| s.contains(needle))
        .map(|(_, name)| *name)
}

/// Common phone, tablet and desktop screen sizes (portrait width × height, px). A PNG at one of
/// these sizes (either orientation) without camera EXIF is very likely a screen capture.
const SCREEN_SIZES: &[(u32, u32)] = &[
    // iPhone
    (640, 1136),
    (750, 1334),
    (1080, 1920),
    (1242, 2208),
    (1125, 2436),
    (828, 1792),
    (1242, 2688),
    (1080, 2340),
    (1170, 2532),
    (1284, 2778),
    (1179, 2556),
    (1290, 2796),
    (1206, 2622),
    (1320, 2868),
    // Android
    (720, 1280),
    (720, 1520),
    (720, 1600),
    (1080, 2160),
    (1080, 2220),
    (1080, 2280),
    (1080, 2400),
    (1080, 2412),
    (1440, 2560),
    (1440, 2960),
    (1440, 3040),
    (1440, 3088),
    (1440, 3120),
    (1440, 3200),
    (1344, 2992),
    (1260, 2800),
    // iPad
    (1536, 2048),
    (1620, 2160),
    (1640, 2360),
    (1668, 2224),
    (1668, 2388),
    (2048, 2732),
    // desktop (landscape stored as portrait here; both orientations are checked)
    (768, 1366),
    (900, 1440),
    (1050, 1680),
    (1080, 1920),
    (1200, 1920),
    (1440, 2560),
    (1600, 2560),
    (1800, 2880),
    (1964, 3024),
    (2160, 3840),
];

/// Whether `width`×`height` is a common screen size (either orientation).
pub fn is_screen_size(width: u32, height: u32) -> bool {
    let (a, b) = (width.min(height), width.max(height));
    SCREEN_SIZES.contains(&(a, b))
}

/// PNG text chunks (`tEXt`, `iTXt`: iOS and macOS write "Screenshot" in XMP's UserComment,
/// many tools a Software chunk) that mention a screenshot. Compressed chunks are not inflated.
fn png_screenshot_text(bytes: &[u8]) -> Option<String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return None;
    }
    let mut i = 8usize;
    while let Some(head) = bytes.get(i..i + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let data = bytes.get(i + 8..(i + 8).saturating_add(len))?;
        if kind == b"tEXt" || kind == b"iTXt" {
            let text = String::from_utf8_lossy(data);
            let lower = text.to_lowercase();
            if let Some(pos) = lower
                .find("screenshot")
                .or_else(|| lower.find("screen shot"))
            {
                let start = lower[..pos].rfind(['>', '\0']).map_or(0, |p| p + 1);
                let snippet: String = text
                    .get(start..)
                    .unwrap_or("screenshot")
                    .chars()
                    .take(40)
                    .collect();
                let snippet = snippet.split('<').next().unwrap_or("").trim().to_string();
                return Some(if snippet.is_empty() {
                    "Screenshot".into()
                } else {
                    snippet
                });
            }
        }
        if kind == b"IDAT" || kind == b"IEND" {
            return None;
        }
        i = i.checked_add(12)?.checked_add(len)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors() {
        assert_eq!(
            editor_name("Adobe Photoshop 25.0 (Windows)"),
            Some("Adobe Photoshop")
        );
        assert_eq!(editor_name("Meitu 美图秀秀"), Some("Meitu (美图秀秀)"));
        assert_eq!(editor_name("美图秀秀"), Some("Meitu (美图秀秀)"));
        assert_eq!(editor_name("Picsart"), Some("PicsArt"));
        assert_eq!(editor_name("18.1"), None);
        assert_eq!(editor_name("G998BXXU5CVDD"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_exif_date("2023:01:15 14:22:09"),
            NaiveDate::from_ymd_opt(2023, 1, 15)
        );
        assert_eq!(parse_exif_date("0000:00:00 00:00:00"), None);
        assert_eq!(parse_exif_date("garbage"), None);
        assert_eq!(parse_exif_date("2023:0"), None);
    }

    #[test]
    fn screens() {
        assert!(is_screen_size(1170, 2532));
        assert!(is_screen_size(2532, 1170));
        assert!(is_screen_size(1920, 1080));
        assert!(!is_screen_size(1280, 960));
    }

    #[test]
    fn no_exif_and_garbage_never_fail() {
        assert_eq!(read(b""), ExifInfo::default());
        let _ = read(&[
            0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, b'E', b'x', b'i', b'f', 0, 0, b'I', b'I', 42, 0,
        ]);
        let _ = read(b"\x89PNG\r\n\x1a\n\0\0\0\x10tEXtSoftware\0Screenshot");
    }

    #[test]
    fn png_text_chunk() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let data = b"Software\0gnome-screenshot";
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        png.extend_from_slice(b"tEXt");
        png.extend_from_slice(data);
        png.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(
            png_screenshot_text(&png).as_deref(),
            Some("gnome-screenshot")
        );
    }
}
