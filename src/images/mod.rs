//! Image checks. Each file is read once, sniffed, its EXIF read, decoded once (bounded by the
//! policy), and measured on a copy normalised to `policy.quality.analysis_long_side`:
//!
//! - [`sniff`]: the real format from magic bytes (HEIC/HEIF/AVIF brands included);
//! - [`decode`]: pixel-limit check from the header, decoding, EXIF orientation → [`DecodedImage`];
//! - [`exif`]: editor names, capture date, GPS, screenshot hints (malformed EXIF is ignored);
//! - [`quality`]: pure metrics (focus, glare, exposure, contrast, colourfulness, backlight);
//! - [`duplicates`]: perceptual hash, so the same picture used for two roles is caught.
//!
//! Nothing here prints; every number compared comes from the policy.

pub mod decode;
pub mod duplicates;
pub mod exif;
pub mod quality;
pub mod sniff;

use chrono::NaiveDate;
use image::{GrayImage, RgbImage};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
use crate::policy::{ImageFormat, Policy};
use crate::report::{DocumentOutline, ImageReport};

pub use decode::{DecodeError, DecodedImage};
pub use quality::{BacklightStats, ExposureStats, FocusStats, GlareParams, GlareStats, Mask};

/// One image to check.
#[derive(Clone, Debug)]
pub struct ImageInput {
    pub subject: Subject,
    /// Where to read it.
    pub path: PathBuf,
    /// How to name it in the report (as the user wrote it).
    pub display: String,
}

/// Every metric measured on one decoded image (on the normalised analysis copy).
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// `None` when the image is too small to measure focus (under 3 px on a side).
    pub focus: Option<FocusStats>,
    pub glare: GlareStats,
    /// Exposure of the card when it was found, else of the whole photo.
    pub exposure: ExposureStats,
    /// Exposure of the whole photo.
    pub photo_exposure: ExposureStats,
    pub colorfulness: f64,
    pub backlight: BacklightStats,
    pub phash: u64,
}

/// Measure an image: the quality metrics run on a copy whose long side is
/// `policy.quality.analysis_long_side` (never upscaled). With `card` (the document outline's
/// corners in pixels of `img`), focus, glare and exposure are measured inside the card
/// only, so a bright table or a white wall does not distort them; otherwise over the whole image.
pub fn measure(img: &DecodedImage, card: Option<&[[f64; 2]; 4]>, policy: &Policy) -> Metrics {
    let small = img.rgb_long_side(policy.quality.analysis_long_side);
    let luma = decode::luma_of(&small);
    measure_copy(&small, &luma, (img.width, img.height), card, policy)
}

/// [`measure`] on an analysis copy already made (`small`, the image scaled from `full` pixels
/// to `policy.quality.analysis_long_side`, and `luma`, its luma plane); `card` is in pixels of
/// the full image.
pub fn measure_copy(
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
        quality::polygon_mask(small.width(), small.height(), &scaled)
    });
    let mask = mask.as_ref();
    let focus =
        (luma.width() >= 3 && luma.height() >= 3).then(|| quality::focus_measure(luma, mask));
    let params = GlareParams {
        min_value: q.glare_min_value,
        max_saturation: q.glare_max_saturation,
        min_region: q.glare_min_region,
        open_radius: q.glare_open_radius as usize,
        min_ellipse_fill: q.glare_min_ellipse_fill,
    };
    Metrics {
        focus,
        glare: quality::glare(small, mask, &params),
        exposure: quality::exposure(luma, mask, q.clip_level),
        photo_exposure: quality::exposure(luma, None, q.clip_level),
        // Colour over the whole photo: a black-and-white copy is grey everywhere, while a
        // card's own design may be nearly grey.
        colorfulness: quality::colorfulness(small, None),
        backlight: quality::backlight(luma, q.backlight_center_fraction),
        phash: duplicates::phash(luma),
    }
}

/// What one image contributes: its findings, its report, and what duplicate detection needs.
struct Checked {
    subject: Subject,
    findings: Vec<Finding>,
    report: Option<ImageReport>,
    content_hash: Option<u64>,
    phash: Option<u64>,
}

/// Check every image; metrics for each one that could be read. Images are processed in
/// parallel; the output order follows `inputs`, so it is deterministic.
pub fn check_images(
    inputs: &[ImageInput],
    policy: &Policy,
    today: NaiveDate,
) -> (Vec<Finding>, BTreeMap<Subject, ImageReport>) {
    let checked: Vec<Checked> = inputs
        .par_iter()
        .map(|i| check_one(i, policy, today))
        .collect();
    let mut findings = Vec::new();
    let mut reports = BTreeMap::new();
    for (n, c) in checked.iter().enumerate() {
        findings.extend(c.findings.iter().cloned());
        if let Some(dup) = checked
            .iter()
            .take(n)
            .find_map(|earlier| duplicate_of(earlier, c, policy))
        {
            findings.push(dup);
        }
    }
    for c in checked {
        if let Some(r) = c.report {
            reports.insert(c.subject, r);
        }
    }
    (findings, reports)
}

/// IMAGE_DUPLICATE on `later` when it is the same file as `earlier` or the same picture.
fn duplicate_of(earlier: &Checked, later: &Checked, policy: &Policy) -> Option<Finding> {
    if earlier.subject == later.subject {
        return None;
    }
    let first = earlier.subject.as_str();
    if earlier.content_hash.is_some() && earlier.content_hash == later.content_hash {
        return Some(
            Finding::new(Code::ImageDuplicate, later.subject)
                .detail("file.duplicate_same_file", [Arg::text(first)]),
        );
    }
    let (a, b) = (earlier.phash?, later.phash?);
    let dist = duplicates::distance(a, b);
    let max = policy.quality.duplicate_max_distance;
    (dist <= max).then(|| {
        Finding::new(Code::ImageDuplicate, later.subject)
            .detail(
                "file.duplicate_similar",
                [
                    Arg::text(first),
                    Arg::Int(i64::from(dist)),
                    Arg::Int(i64::from(max)),
                ],
            )
            .measured(f64::from(dist), f64::from(max))
    })
}

fn check_one(input: &ImageInput, policy: &Policy, today: NaiveDate) -> Checked {
    let mut out = Checked {
        subject: input.subject,
        findings: Vec::new(),
        report: None,
        content_hash: None,
        phash: None,
    };
    let f = |code| Finding::new(code, input.subject);
    let path = Arg::text(input.display.clone());
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => {
            out.findings.push(
                f(Code::FileUnreadable).detail("file.unreadable", [path, Arg::text(os_reason(&e))]),
            );
            return out;
        }
    };
    let mut report = ImageReport {
        path: input.display.clone(),
        bytes: bytes.len() as u64,
        ..ImageReport::default()
    };
    out.findings
        .extend(size_findings(input, bytes.len() as u64, policy));
    if bytes.is_empty() {
        out.report = Some(report);
        return out;
    }
    out.content_hash = Some(duplicates::content_hash(&bytes));

    let format = match sniff::sniff(&bytes) {
        sniff::Sniffed::Known(fmt) => fmt,
        sniff::Sniffed::Unknown => {
            out.findings.push(
                f(Code::ImageCorrupt)
                    .detail("file.unknown_format", [path, Arg::text(hex_prefix(&bytes))]),
            );
            out.report = Some(report);
            return out;
        }
    };
    report.format = Some(format.as_str().to_string());
    if let Some(ext) = extension(&input.path)
        && let Some(expected) = sniff::formats_for_extension(&ext)
        && !expected.contains(&format)
    {
        out.findings.push(f(Code::FormatExtensionMismatch).detail(
            "file.extension_mismatch",
            [path.clone(), Arg::text(ext), Arg::text(format_name(format))],
        ));
    }

    let exif = exif::read(&bytes);
    report.exif = exif.summary.clone();

    if !policy.files.accepted_formats.contains(&format) {
        let accepted: Vec<&str> = policy
            .files
            .accepted_formats
            .iter()
            .map(|f| format_name(*f))
            .collect();
        out.findings.push(f(Code::FormatUnsupported).detail(
            unsupported_key(format),
            [
                Arg::text(format_name(format)),
                Arg::text(accepted.join(", ")),
            ],
        ));
        // EXIF is still worth reading (HEIC carries it); the pixels are not decoded.
        out.findings.extend(provenance_findings(
            input.subject,
            &exif,
            None,
            policy,
            today,
        ));
        out.report = Some(report);
        return out;
    }

    let decoded = match decode::decode(
        &bytes,
        format,
        policy.files.max_megapixels,
        exif.orientation(),
    ) {
        Ok(d) => d,
        Err(DecodeError::TooManyPixels {
            width,
            height,
            megapixels,
        }) => {
            report.width = Some(width);
            report.height = Some(height);
            out.findings.push(
                f(Code::ImageCorrupt)
                    .detail(
                        "file.too_many_pixels",
                        [
                            Arg::Int(i64::from(width)),
                            Arg::Int(i64::from(height)),
                            Arg::Num(round_to(megapixels, 1)),
                            Arg::Num(policy.files.max_megapixels),
                        ],
                    )
                    .measured(round_to(megapixels, 1), policy.files.max_megapixels),
            );
            out.report = Some(report);
            return out;
        }
        Err(DecodeError::Corrupt(reason)) => {
            out.findings
                .push(f(Code::ImageCorrupt).detail("file.corrupt", [path, Arg::text(reason)]));
            out.report = Some(report);
            return out;
        }
    };
    report.width = Some(decoded.width);
    report.height = Some(decoded.height);

    // The card in the ID photos (framing findings, and the outline the metrics are measured
    // in) and the faces (the selfie's subject, the portrait on the ID front; the back has none)
    // are independent searches over the same pixels: run them side by side.
    // One downscaled copy serves the locator and the quality metrics.
    let small = decoded.rgb_long_side(policy.quality.analysis_long_side);
    let small_luma = decode::luma_of(&small);
    let (located, faces) = rayon::join(
        || {
            input
                .subject
                .is_id()
                .then(|| {
                    crate::document::locate_scaled(&small, (decoded.width, decoded.height), policy)
                })
                .flatten()
        },
        || {
            matches!(input.subject, Subject::Selfie | Subject::IdFront)
                .then(|| crate::faces::detect(&decoded.luma, &policy.faces))
        },
    );
    let (mut doc_findings, outline) = crate::document::check(
        located.as_ref(),
        decoded.width,
        decoded.height,
        input.subject,
        policy,
    );
    // The portrait says which way up the card is, when the outline cannot (upside down) or
    // cannot say which way to turn it (sideways); a portrait found turned is the portrait.
    let mut faces = faces;
    if input.subject == Subject::IdFront
        && let (Some(card), Some(upright_faces)) = (located.as_ref(), faces.as_ref())
        && let Some((upright, turned)) =
            crate::document::upright::from_portrait(&decoded.luma, card, upright_faces, policy)
    {
        crate::document::upright::apply(&mut doc_findings, upright, card, input.subject, policy);
        faces = Some(turned);
    }
    // The back has no portrait; its MRZ, at the bottom of a TD1 card, says which way up it is.
    if input.subject == Subject::IdBack
        && let Some(card) = located.as_ref()
    {
        let on_copy = card.scaled((decoded.width, decoded.height), small.dimensions());
        if let Some(upright) = crate::document::upright::from_mrz(&small_luma, &on_copy) {
            crate::document::upright::apply(
                &mut doc_findings,
                upright,
                card,
                input.subject,
                policy,
            );
        }
    }
    out.findings.extend(doc_findings);
    let metrics = measure_copy(
        &small,
        &small_luma,
        (decoded.width, decoded.height),
        located.as_ref().map(|l| &l.corners),
        policy,
    );
    fill_report(&mut report, &metrics);
    out.phash = Some(metrics.phash);
    out.findings.extend(resolution_finding(
        input.subject,
        &decoded,
        outline.as_ref(),
        policy,
    ));
    report.document = outline;
    let face_found = faces.as_ref().is_some_and(|f| !f.is_empty());
    let quality = quality_findings(
        input.subject,
        &decoded,
        &metrics,
        face_found,
        located.is_some(),
        policy,
    );
    if let Some(faces) = faces {
        let face_findings = match input.subject {
            Subject::Selfie => crate::faces::check_selfie(&decoded.luma, &faces, policy),
            _ => crate::faces::check_id_front(&faces),
        };
        // A photo that is dark overall is reported once, not again for its face.
        let already_dark = quality.iter().any(|f| f.code == Code::ImageTooDark);
        out.findings.extend(
            face_findings
                .into_iter()
                .filter(|f| !(already_dark && f.code == Code::ImageTooDark)),
        );
        report.faces = u32::try_from(faces.len()).ok();
        report.face_boxes = faces;
    }
    out.findings.extend(quality);
    let screen = (format == ImageFormat::Png).then_some((decoded.width, decoded.height));
    out.findings.extend(provenance_findings(
        input.subject,
        &exif,
        screen,
        policy,
        today,
    ));
    out.report = Some(report);
    out
}

fn fill_report(report: &mut ImageReport, m: &Metrics) {
    report.blur = m.focus.map(|f| round_to(f.score, 2));
    report.glare = Some(round_to(m.glare.fraction, 4));
    report.glare_largest = Some(round_to(m.glare.largest, 4));
    report.brightness = Some(round_to(m.exposure.brightness, 3));
    report.clipped = Some(round_to(m.exposure.clipped, 4));
    report.contrast = Some(round_to(m.exposure.contrast, 3));
    report.colorfulness = Some(round_to(m.colorfulness, 3));
    report.phash = Some(format!("{:016x}", m.phash));
}

/// IMAGE_RESOLUTION_LOW: the photo's short side against the role's minimum; for an ID photo
/// whose card was found, also the pixels across the card (a large photo of a tiny card).
fn resolution_finding(
    subject: Subject,
    img: &DecodedImage,
    card: Option<&DocumentOutline>,
    policy: &Policy,
) -> Option<Finding> {
    let (min, key) = if subject == Subject::Selfie {
        (
            policy.quality.selfie_min_short_side,
            "image.resolution_low_selfie",
        )
    } else {
        (policy.quality.id_min_short_side, "image.resolution_low_id")
    };
    let short = img.width.min(img.height);
    if short < min {
        return Some(
            Finding::new(Code::ImageResolutionLow, subject)
                .detail(
                    key,
                    [
                        Arg::Int(i64::from(img.width)),
                        Arg::Int(i64::from(img.height)),
                        Arg::Int(i64::from(min)),
                    ],
                )
                .measured(f64::from(short), f64::from(min)),
        );
    }
    let card = card?;
    let card_min = f64::from(policy.quality.id_min_card_long_side);
    (card.long_side_px < card_min).then(|| {
        Finding::new(Code::ImageResolutionLow, subject)
            .detail(
                "image.resolution_low_card",
                [
                    Arg::Num(card.long_side_px.round()),
                    Arg::Num(card.dpi.round()),
                    Arg::Num(card_min),
                ],
            )
            .measured(card.long_side_px.round(), card_min)
    })
}

/// Blur, glare, exposure, contrast and colour findings from the measured metrics.
///
/// `face_found`: the face detector found a face in this selfie, so its own brightness check
/// (in `faces`) replaces the centre-box stand-in used here otherwise. `on_card`: the metrics
/// were measured inside the card outline, whose brightness has its own threshold.
pub fn quality_findings(
    subject: Subject,
    img: &DecodedImage,
    m: &Metrics,
    face_found: bool,
    on_card: bool,
    policy: &Policy,
) -> Vec<Finding> {
    let q = &policy.quality;
    let f = |code| Finding::new(code, subject);
    let mut out = Vec::new();
    let e = &m.exposure;
    let selfie = subject == Subject::Selfie;
    let (blur_min, brightness_min) = if selfie {
        (q.selfie_blur_min, q.selfie_brightness_min)
    } else {
        (q.blur_min, q.brightness_min)
    };
    // Too dark: the photo as a whole, or (ID photos) the card itself on a bright surround.
    let dark_photo = m.photo_exposure.brightness < brightness_min;
    let dark_card = on_card && e.brightness < q.card_brightness_min;
    let too_dark = dark_photo || dark_card;
    let overexposed = e.brightness > q.brightness_max
        || e.clipped > q.clipped_max_fraction
        || e.p05 > q.shadow_max;

    if let Some(focus) = m.focus
        && focus.score < blur_min
        && !too_dark
    {
        let score = round_to(focus.score, 2);
        let sharpest = focus.directional.iter().copied().fold(0.0, f64::max);
        let weakest = focus
            .directional
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min);
        let motion = weakest > 0.0 && sharpest / weakest >= q.blur_motion_ratio;
        let key = if motion {
            "image.blurry_motion"
        } else {
            "image.blurry"
        };
        out.push(
            f(Code::ImageBlurry)
                .detail(
                    key,
                    [
                        Arg::Num(score),
                        Arg::Num(blur_min),
                        Arg::Int(i64::from(q.analysis_long_side)),
                    ],
                )
                .measured(score, blur_min),
        );
    }
    if m.glare.fraction > q.glare_max_fraction {
        out.push(
            f(Code::ImageGlare)
                .detail(
                    "image.glare",
                    [
                        Arg::Num(percent(m.glare.fraction)),
                        Arg::Num(percent(q.glare_max_fraction)),
                        Arg::Num(percent(m.glare.largest)),
                    ],
                )
                .measured(round_to(m.glare.fraction, 4), q.glare_max_fraction),
        );
    }
    let face_min = policy.faces.face_brightness_min;
    if too_dark {
        let (b, min, key) = if dark_photo {
            (
                m.photo_exposure.brightness,
                brightness_min,
                "image.too_dark",
            )
        } else {
            (e.brightness, q.card_brightness_min, "image.card_too_dark")
        };
        let b = round_to(b, 3);
        out.push(
            f(Code::ImageTooDark)
                .detail(key, [Arg::Num(b), Arg::Num(min)])
                .measured(b, min),
        );
    } else if selfie && !face_found && m.backlight.center < face_min {
        // No face was detected (maybe because it is too dark to find): the centre box stands
        // in for it.
        let c = round_to(m.backlight.center, 3);
        let backlit = m.backlight.difference() > policy.faces.backlight_max_difference;
        let finding = if backlit {
            f(Code::ImageTooDark).detail(
                "image.backlit",
                [
                    Arg::Num(round_to(m.backlight.center, 2)),
                    Arg::Num(round_to(m.backlight.surround, 2)),
                    Arg::Num(policy.faces.backlight_max_difference),
                ],
            )
        } else {
            f(Code::ImageTooDark).detail("image.center_dark", [Arg::Num(c), Arg::Num(face_min)])
        };
        out.push(finding.measured(c, face_min));
    }
    if overexposed {
        let finding = if e.p05 > q.shadow_max
            && e.brightness <= q.brightness_max
            && e.clipped <= q.clipped_max_fraction
        {
            let p = round_to(e.p05, 3);
            f(Code::ImageOverexposed)
                .detail("image.washed_out", [Arg::Num(p), Arg::Num(q.shadow_max)])
                .measured(p, q.shadow_max)
        } else if e.clipped > q.clipped_max_fraction {
            let c = round_to(e.clipped, 4);
            f(Code::ImageOverexposed)
                .detail(
                    "image.clipped",
                    [
                        Arg::Num(percent(e.clipped)),
                        Arg::Num(percent(q.clipped_max_fraction)),
                    ],
                )
                .measured(c, q.clipped_max_fraction)
        } else {
            let b = round_to(e.brightness, 3);
            f(Code::ImageOverexposed)
                .detail(
                    "image.overexposed",
                    [Arg::Num(b), Arg::Num(q.brightness_max)],
                )
                .measured(b, q.brightness_max)
        };
        out.push(finding);
    }
    if e.contrast < q.contrast_min && !too_dark {
        let c = round_to(e.contrast, 3);
        out.push(
            f(Code::ImageLowContrast)
                .detail(
                    "image.low_contrast",
                    [Arg::Num(c), Arg::Num(q.contrast_min)],
                )
                .measured(c, q.contrast_min),
        );
    }
    if img.single_channel {
        out.push(
            f(Code::ImageGrayscale)
                .detail("image.grayscale_single_channel", [])
                .measured(0.0, q.colorfulness_min),
        );
    } else if m.colorfulness < q.colorfulness_min {
        let c = round_to(m.colorfulness, 3);
        out.push(
            f(Code::ImageGrayscale)
                .detail(
                    "image.grayscale",
                    [Arg::Num(c), Arg::Num(q.colorfulness_min)],
                )
                .measured(c, q.colorfulness_min),
        );
    }
    out
}

/// EXIF provenance: editor, screenshot, GPS, stale selfie. `png_size` is the pixel size when the
/// file is a PNG (a screen-size PNG without camera data looks like a screenshot).
fn provenance_findings(
    subject: Subject,
    exif: &exif::ExifInfo,
    png_size: Option<(u32, u32)>,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<Finding> {
    let f = |code| Finding::new(code, subject);
    let mut out = Vec::new();
    if let Some((software, editor)) = exif
        .software
        .iter()
        .find_map(|s| Some((s, exif::editor_name(s)?)))
    {
        out.push(f(Code::ImageEdited).detail(
            "image.edited",
            [Arg::text(editor), Arg::text(software.clone())],
        ));
    }
    if let Some(text) = &exif.screenshot_text {
        out.push(
            f(Code::ImageScreenshot).detail("image.screenshot_metadata", [Arg::text(text.clone())]),
        );
    } else if let Some((w, h)) = png_size
        && !exif.has_camera()
        && exif::is_screen_size(w, h)
    {
        out.push(f(Code::ImageScreenshot).detail(
            "image.screenshot_size",
            [Arg::Int(i64::from(w)), Arg::Int(i64::from(h))],
        ));
    }
    if exif.summary.as_ref().is_some_and(|s| s.gps) {
        out.push(f(Code::ExifGpsPresent).detail("image.gps", []));
    }
    if subject == Subject::Selfie
        && let Some(taken) = exif.taken
    {
        let age = (today - taken).num_days();
        let max = i64::from(policy.provenance.selfie_max_age_days);
        if age > max {
            out.push(
                f(Code::SelfieStale)
                    .detail(
                        "image.selfie_stale",
                        [
                            Arg::text(taken.to_string()),
                            Arg::Int(age),
                            Arg::text(today.to_string()),
                            Arg::Int(max),
                        ],
                    )
                    .measured(age as f64, max as f64),
            );
        }
    }
    out
}

fn size_findings(input: &ImageInput, len: u64, policy: &Policy) -> Option<Finding> {
    let f = |code| Finding::new(code, input.subject);
    if len == 0 {
        return Some(f(Code::FileEmpty).detail("file.empty", [Arg::text(input.display.clone())]));
    }
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

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The OS reason without Rust's "(os error 2)" suffix.
fn os_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(8)
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (v * p).round() / p
}

fn percent(fraction: f64) -> f64 {
    round_to(fraction * 100.0, 2)
}

fn mib(n: u64) -> f64 {
    (n as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0
}

fn kib(n: u64) -> f64 {
    (n as f64 / 1024.0).round()
}
