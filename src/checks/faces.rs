//! Faces: the selfie's subject (`SELFIE_NO_FACE`, `SELFIE_MULTIPLE_FACES`,
//! `SELFIE_FACE_TOO_SMALL`, `SELFIE_FACE_OFF_CENTER`, `IMAGE_TOO_DARK` for a dark or backlit
//! face) and the portrait on the ID front (`ID_NO_PORTRAIT`), judged from what `faces`
//! measured. How the thresholds were chosen: `docs/FACES.md`.

use crate::codes::Code;
use crate::faces::{FaceAnalysis, center};
use crate::finding::{Arg, Finding, Subject, round};
use crate::policy::Policy;
use crate::report::FaceBox;

/// Selfie findings from the faces found (subject `selfie`).
///
/// - no face: `SELFIE_NO_FACE` (and nothing else);
/// - more than one face: `SELFIE_MULTIPLE_FACES` (and nothing else: which face is the
///   applicant's is unknown), unless `faces.selfie_with_id` and every extra face is at most
///   `faces.card_portrait_max_ratio` of the main face's height (the portrait on the card);
/// - the main (largest) face: `SELFIE_FACE_TOO_SMALL`, `SELFIE_FACE_OFF_CENTER`, and
///   `IMAGE_TOO_DARK` when it is backlit (surround much brighter) or simply dark.
pub fn selfie(fa: &FaceAnalysis, policy: &Policy) -> Vec<Finding> {
    let p = &policy.faces;
    let faces = &fa.faces;
    let (width, height) = fa.image;
    let mut out = Vec::new();
    let Some(main) = fa.main() else {
        out.push(Finding::new(Code::SelfieNoFace, Subject::Selfie).detail(
            "faces.no_face",
            [Arg::Int(i64::from(width)), Arg::Int(i64::from(height))],
        ));
        return out;
    };
    let extra: Vec<&FaceBox> = faces.iter().filter(|f| !std::ptr::eq(*f, main)).collect();
    if !extra.is_empty() {
        let card_like = |f: &&FaceBox| f.height <= main.height * p.card_portrait_max_ratio;
        if !(p.selfie_with_id && extra.iter().all(card_like)) {
            let n = faces.len() as i64;
            let finding = if p.selfie_with_id {
                Finding::new(Code::SelfieMultipleFaces, Subject::Selfie)
                    .detail("faces.multiple_with_id", [Arg::Int(n)])
            } else {
                Finding::new(Code::SelfieMultipleFaces, Subject::Selfie)
                    .detail("faces.multiple", [Arg::Int(n)])
            };
            out.push(finding.measured(n as f64, 1.0));
            return out;
        }
    }

    let (w, h) = (f64::from(width), f64::from(height));
    let height_fraction = main.height / h;
    if height_fraction < p.min_face_height_fraction {
        let m = r3(height_fraction);
        out.push(
            Finding::new(Code::SelfieFaceTooSmall, Subject::Selfie)
                .detail(
                    "faces.too_small",
                    [
                        Arg::Num(percent(height_fraction)),
                        Arg::Num(percent(p.min_face_height_fraction)),
                    ],
                )
                .measured(m, p.min_face_height_fraction),
        );
    }

    let (cx, cy) = center(main);
    let dx = (cx - w / 2.0) / w;
    let dy = (cy - h / 2.0) / h;
    let offset = dx.abs().max(dy.abs());
    if offset > p.max_center_offset_fraction {
        let key = match (dx.abs() >= dy.abs(), dx < 0.0, dy < 0.0) {
            (true, true, _) => "faces.off_center_left",
            (true, false, _) => "faces.off_center_right",
            (false, _, true) => "faces.off_center_top",
            (false, _, false) => "faces.off_center_bottom",
        };
        out.push(
            Finding::new(Code::SelfieFaceOffCenter, Subject::Selfie)
                .detail(
                    key,
                    [
                        Arg::Num(percent(offset)),
                        Arg::Num(percent(p.max_center_offset_fraction)),
                    ],
                )
                .measured(r3(offset), p.max_center_offset_fraction),
        );
    }

    if let Some(light) = fa.main_light {
        let difference = light.surround - light.face;
        if difference > p.backlight_max_difference {
            out.push(
                Finding::new(Code::ImageTooDark, Subject::Selfie)
                    .detail(
                        "faces.backlit",
                        [
                            Arg::Num(r2(light.face)),
                            Arg::Num(r2(light.surround)),
                            Arg::Num(p.backlight_max_difference),
                        ],
                    )
                    .measured(r3(difference), p.backlight_max_difference),
            );
        } else if light.face < p.face_brightness_min {
            out.push(
                Finding::new(Code::ImageTooDark, Subject::Selfie)
                    .detail(
                        "faces.too_dark",
                        [Arg::Num(r2(light.face)), Arg::Num(p.face_brightness_min)],
                    )
                    .measured(r3(light.face), p.face_brightness_min),
            );
        }
    }
    out
}

/// ID-front findings (subject `id_front`): `ID_NO_PORTRAIT` when no face was found. Not for
/// `id_back`, which usually has no portrait.
pub fn id_front(fa: &FaceAnalysis) -> Vec<Finding> {
    if fa.faces.is_empty() {
        vec![Finding::new(Code::IdNoPortrait, Subject::IdFront).detail("faces.id_no_portrait", [])]
    } else {
        Vec::new()
    }
}

fn r2(v: f64) -> f64 {
    round(v, 2)
}

fn r3(v: f64) -> f64 {
    round(v, 3)
}

/// A fraction as a percentage with one decimal.
fn percent(fraction: f64) -> f64 {
    round(fraction * 100.0, 1)
}
