//! Image quality: resolution (`IMAGE_RESOLUTION_LOW`), blur, glare, exposure, contrast and
//! colour (`IMAGE_BLURRY`, `IMAGE_GLARE`, `IMAGE_TOO_DARK`, `IMAGE_OVEREXPOSED`,
//! `IMAGE_LOW_CONTRAST`, `IMAGE_GRAYSCALE`), judged from the metrics `images::metrics`
//! measured. How each threshold was chosen: POLICY.md.

use crate::codes::Code;
use crate::document::ID1_LONG_SIDE_INCHES;
use crate::finding::{Arg, Finding, Subject, percent, round};
use crate::images::analysis::{ImageAnalysis, PixelAnalysis};
use crate::policy::Policy;

/// Quality findings of one image (none when it did not decode).
pub fn findings(a: &ImageAnalysis, policy: &Policy) -> Vec<Finding> {
    let Some(px) = &a.pixels else {
        return Vec::new();
    };
    let mut out: Vec<Finding> = resolution_finding(a, policy).into_iter().collect();
    out.extend(pixel_findings(a.subject, px, policy));
    out
}

/// IMAGE_RESOLUTION_LOW: the photo's short side against the role's minimum; for an ID photo
/// whose card was found, also the pixels across the card (a large photo of a tiny card).
fn resolution_finding(a: &ImageAnalysis, policy: &Policy) -> Option<Finding> {
    let subject = a.subject;
    let (width, height) = a.dimensions?;
    let (min, key) = if subject == Subject::Selfie {
        (
            policy.quality.selfie_min_short_side,
            "image.resolution_low_selfie",
        )
    } else {
        (policy.quality.id_min_short_side, "image.resolution_low_id")
    };
    let short = width.min(height);
    if short < min {
        return Some(
            Finding::new(Code::ImageResolutionLow, subject)
                .detail(
                    key,
                    [
                        Arg::Int(i64::from(width)),
                        Arg::Int(i64::from(height)),
                        Arg::Int(i64::from(min)),
                    ],
                )
                .measured(f64::from(short), f64::from(min)),
        );
    }
    let card = a.located()?;
    let long_side = card.long_side_px().round();
    let dpi = (card.long_side_px() / ID1_LONG_SIDE_INCHES).round();
    let card_min = f64::from(policy.quality.id_min_card_long_side);
    (long_side < card_min).then(|| {
        Finding::new(Code::ImageResolutionLow, subject)
            .detail(
                "image.resolution_low_card",
                [Arg::Num(long_side), Arg::Num(dpi), Arg::Num(card_min)],
            )
            .measured(long_side, card_min)
    })
}

/// Blur, glare, exposure, contrast and colour findings from the measured metrics.
///
/// When the face detector found a face in a selfie, its own brightness check (in
/// `checks::faces`) replaces the centre-box stand-in used here otherwise. When the metrics
/// were measured inside the card outline, the card's brightness has its own threshold.
fn pixel_findings(subject: Subject, px: &PixelAnalysis, policy: &Policy) -> Vec<Finding> {
    let m = &px.metrics;
    let face_found = px.faces.as_ref().is_some_and(|f| !f.faces.is_empty());
    let on_card = px.document.as_ref().is_some_and(|d| d.located.is_some());
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
        let score = round(focus.score, 2);
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
                .measured(round(m.glare.fraction, 4), q.glare_max_fraction),
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
        let b = round(b, 3);
        out.push(
            f(Code::ImageTooDark)
                .detail(key, [Arg::Num(b), Arg::Num(min)])
                .measured(b, min),
        );
    } else if selfie && !face_found && m.backlight.center < face_min {
        // No face was detected (maybe because it is too dark to find): the centre box stands
        // in for it.
        let c = round(m.backlight.center, 3);
        let backlit = m.backlight.difference() > policy.faces.backlight_max_difference;
        let finding = if backlit {
            f(Code::ImageTooDark).detail(
                "image.backlit",
                [
                    Arg::Num(round(m.backlight.center, 2)),
                    Arg::Num(round(m.backlight.surround, 2)),
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
            let p = round(e.p05, 3);
            f(Code::ImageOverexposed)
                .detail("image.washed_out", [Arg::Num(p), Arg::Num(q.shadow_max)])
                .measured(p, q.shadow_max)
        } else if e.clipped > q.clipped_max_fraction {
            let c = round(e.clipped, 4);
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
            let b = round(e.brightness, 3);
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
        let c = round(e.contrast, 3);
        out.push(
            f(Code::ImageLowContrast)
                .detail(
                    "image.low_contrast",
                    [Arg::Num(c), Arg::Num(q.contrast_min)],
                )
                .measured(c, q.contrast_min),
        );
    }
    if px.single_channel {
        out.push(
            f(Code::ImageGrayscale)
                .detail("image.grayscale_single_channel", [])
                .measured(0.0, q.colorfulness_min),
        );
    } else if m.colorfulness < q.colorfulness_min {
        let c = round(m.colorfulness, 3);
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
