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
    let full = a.dimensions.unwrap_or(px.analysis_size);
    out.extend(pixel_findings(a.subject, px, full, policy));
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

/// How the photo was exposed, as the judge sees it; the report shows it too.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exposure {
    /// The document's (else the photo's) white point: its 99th luma percentile, 0–1.
    pub white_point: f64,
    /// Share (0–1) of the light areas (luma ≥ `quality.light_level`) that is clipped, glare
    /// excluded.
    pub light_clipped: f64,
    pub too_dark: bool,
    pub overexposed: bool,
}

impl Exposure {
    /// Colour cannot be judged in a photo too dark or too bright: sensors lose chroma there.
    pub fn colour_judged(&self) -> bool {
        !self.too_dark && !self.overexposed
    }
}

/// Judge the exposure of a decoded image.
///
/// Under-exposure is judged on the white point: in a photo taken in enough light, paper, white
/// print, a portrait's highlights come out near white whatever the design; a navy card in good
/// light keeps its white print white while its mean is low. Selfies have no paper: their whole
/// picture's mean brightness is judged (`selfie_brightness_min`), and the face in `faces`.
/// Over-exposure is judged on the light areas clipping: how much of what is light is pure
/// white, reflections excepted.
pub fn exposure(subject: Subject, px: &PixelAnalysis, policy: &Policy) -> Exposure {
    let q = &policy.quality;
    let e = &px.metrics.exposure;
    let white_point = e.quantile(0.99);
    let glare = px.metrics.glare.judge(&q.glare_criteria()).fraction;
    // Reflections are judged by the glare check: they leave both the clipped and the light
    // areas. A document with almost nothing light left outside them has nothing to judge.
    let light = e.histogram.fraction_at_or_above(q.light_level) - glare;
    let light_clipped = if light >= q.light_min_area {
        ((e.clipped - glare).max(0.0) / light).min(1.0)
    } else {
        0.0
    };
    let too_dark = if subject == Subject::Selfie {
        px.metrics.photo_exposure.brightness < q.selfie_brightness_min
    } else {
        white_point < q.white_point_min
    };
    Exposure {
        white_point,
        light_clipped,
        too_dark,
        overexposed: !too_dark && light_clipped > q.light_clipped_max,
    }
}

/// Blur, glare, exposure, contrast and colour findings from the measured metrics. One root
/// cause is reported once: a photo too dark is not also called blurry, flat or grey, an
/// over-exposed one not also glaring, flat or grey, a blurred one not also flat.
fn pixel_findings(
    subject: Subject,
    px: &PixelAnalysis,
    full: (u32, u32),
    policy: &Policy,
) -> Vec<Finding> {
    let exp = exposure(subject, px, policy);
    let mut out = Vec::new();
    let blurry = if exp.too_dark {
        None
    } else {
        blur(subject, px, policy)
    };
    // Blur spreads every edge, so the contrast measured across edges drops with it: a blurred
    // photo is reported blurry, not also flat.
    let judge_contrast = exp.colour_judged() && blurry.is_none();
    out.extend(blurry);
    if !exp.overexposed {
        out.extend(super::glare::finding(subject, px, full, policy));
    }
    out.extend(exposure_findings(subject, px, &exp, policy));
    if judge_contrast {
        out.extend(contrast(subject, px, policy));
    }
    out.extend(colour(subject, px, &exp, policy));
    out
}

fn blur(subject: Subject, px: &PixelAnalysis, policy: &Policy) -> Option<Finding> {
    let q = &policy.quality;
    let focus = px.metrics.focus?;
    let min = if subject == Subject::Selfie {
        q.selfie_blur_min
    } else {
        q.blur_min
    };
    if focus.score >= min {
        return None;
    }
    let score = round(focus.score, 2);
    // Camera shake smears one direction far more than the others.
    let motion = match (focus.worst(), focus.best()) {
        (Some(worst), Some(best)) => best > 0.0 && worst / best >= q.blur_motion_ratio,
        _ => false,
    };
    let key = if motion {
        "image.blurry_motion"
    } else {
        "image.blurry"
    };
    Some(
        Finding::new(Code::ImageBlurry, subject)
            .detail(
                key,
                [
                    Arg::Num(score),
                    Arg::Num(min),
                    Arg::Int(i64::from(q.analysis_long_side)),
                ],
            )
            .measured(score, min),
    )
}

fn exposure_findings(
    subject: Subject,
    px: &PixelAnalysis,
    exp: &Exposure,
    policy: &Policy,
) -> Vec<Finding> {
    let q = &policy.quality;
    let m = &px.metrics;
    let f = |code| Finding::new(code, subject);
    let mut out = Vec::new();
    let selfie = subject == Subject::Selfie;
    let face_found = px.faces.as_ref().is_some_and(|f| !f.faces.is_empty());
    let face_min = policy.faces.face_brightness_min;
    if exp.too_dark {
        let finding = if selfie {
            let b = round(m.photo_exposure.brightness, 3);
            f(Code::ImageTooDark)
                .detail(
                    "image.too_dark",
                    [Arg::Num(b), Arg::Num(q.selfie_brightness_min)],
                )
                .measured(b, q.selfie_brightness_min)
        } else {
            let on_card = px.document.as_ref().is_some_and(|d| d.located.is_some());
            let key = if on_card {
                "image.card_too_dark"
            } else {
                "image.white_point_low"
            };
            let w = round(exp.white_point, 3);
            f(Code::ImageTooDark)
                .detail(key, [Arg::Num(w), Arg::Num(q.white_point_min)])
                .measured(w, q.white_point_min)
        };
        out.push(finding);
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
    if exp.overexposed {
        let c = round(exp.light_clipped, 4);
        out.push(
            f(Code::ImageOverexposed)
                .detail(
                    "image.clipped",
                    [
                        Arg::Num(percent(exp.light_clipped)),
                        Arg::Num(percent(q.light_clipped_max)),
                    ],
                )
                .measured(c, q.light_clipped_max),
        );
    }
    out
}

fn contrast(subject: Subject, px: &PixelAnalysis, policy: &Policy) -> Option<Finding> {
    let min = policy.quality.edge_contrast_min;
    let c = px.metrics.focus?.contrast?;
    (c < min).then(|| {
        let c = round(c, 3);
        Finding::new(Code::ImageLowContrast, subject)
            .detail("image.low_contrast", [Arg::Num(c), Arg::Num(min)])
            .measured(c, min)
    })
}

fn colour(
    subject: Subject,
    px: &PixelAnalysis,
    exp: &Exposure,
    policy: &Policy,
) -> Option<Finding> {
    let min = policy.quality.chroma_spread_min;
    let f = Finding::new(Code::ImageGrayscale, subject);
    if px.single_channel {
        // The file itself has no colour channels: no light can explain that.
        return Some(
            f.detail("image.grayscale_single_channel", [])
                .measured(0.0, min),
        );
    }
    let c = px.metrics.chroma_spread;
    (exp.colour_judged() && c < min).then(|| {
        let c = round(c, 3);
        f.detail("image.grayscale", [Arg::Num(c), Arg::Num(min)])
            .measured(c, min)
    })
}
