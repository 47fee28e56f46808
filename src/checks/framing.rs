//! Document in the frame (ID photos): `DOC_NOT_FOUND`, `DOC_CUT_OFF`, `DOC_TOO_SMALL`,
//! `DOC_TILTED`, judged from the outline and the way up that `document` measured.

use crate::codes::Code;
use crate::document::upright::Upright;
use crate::document::{DocumentAnalysis, Located};
use crate::finding::{Arg, Finding, Subject, round};
use crate::policy::Policy;

/// Which sides of the frame the outline touches or crosses.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Margins {
    /// Gap between the card and the left, top, right, bottom frame edge, as a fraction of the
    /// image width (left/right) or height (top/bottom); negative when the card leaves the frame.
    gaps: [f64; 4],
}

impl Margins {
    fn of(located: &Located, width: f64, height: f64) -> Margins {
        let xs = located.corners.map(|p| p[0]);
        let ys = located.corners.map(|p| p[1]);
        let min = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Margins {
            gaps: [
                min(xs) / width,
                min(ys) / height,
                (width - max(xs)) / width,
                (height - max(ys)) / height,
            ],
        }
    }
}

impl Margins {
    /// The smallest gap.
    fn worst(&self) -> f64 {
        self.gaps.iter().copied().fold(f64::INFINITY, f64::min)
    }
}

/// The smallest gap between the outline and the frame (fraction of the image size, negative
/// when the document leaves the frame): what `DOC_CUT_OFF` compares with
/// `min_margin_fraction`. `None` without an outline.
pub fn worst_margin(doc: &DocumentAnalysis) -> Option<f64> {
    let loc = doc.located.as_ref()?;
    let (w, h) = doc.image;
    (w > 0 && h > 0).then(|| Margins::of(loc, f64::from(w), f64::from(h)).worst())
}

/// The rotation `DOC_TILTED` compares with `max_tilt_deg`, in degrees: the long sides' angle
/// from the nearest axis of the picture (a portrait-layout card stands upright with its long
/// sides vertical; lying sideways is told by the print, see `document::upright`).
pub fn rotation_deg(loc: &Located) -> f64 {
    let a = loc.angle_deg.abs();
    a.min((90.0 - a).abs())
}

/// The detail key naming the frame sides the card leaves or touches (left, top, right, bottom).
fn cut_off_key(sides: [bool; 4]) -> &'static str {
    match sides {
        [true, false, false, false] => "doc.cut_off.left",
        [false, true, false, false] => "doc.cut_off.top",
        [false, false, true, false] => "doc.cut_off.right",
        [false, false, false, true] => "doc.cut_off.bottom",
        [true, true, false, false] => "doc.cut_off.top_left",
        [false, true, true, false] => "doc.cut_off.top_right",
        [false, false, true, true] => "doc.cut_off.bottom_right",
        [true, false, false, true] => "doc.cut_off.bottom_left",
        _ => "doc.cut_off.several",
    }
}

/// Framing findings of one ID image (`subject` `id_front` or `id_back`).
///
/// No outline, or an outline whose inside does not look like a document (see
/// `document::Evidence`): `DOC_NOT_FOUND`. A document running off the frame (or touching it)
/// gets `DOC_CUT_OFF` only: its visible part says nothing reliable about its size or tilt.
/// `DOC_TOO_SMALL` compares the area of the whole document held up to the camera (an open
/// booklet for a passport's data page) with the frame. `DOC_TILTED` for a document turned over
/// or lying sideways (what the portrait, the MRZ or the print showed), else rotated from the
/// nearest axis (a portrait-layout card stands upright) or in perspective beyond the policy.
pub fn findings(doc: &DocumentAnalysis, subject: Subject, policy: &Policy) -> Vec<Finding> {
    let (width, height) = doc.image;
    if !subject.is_id() || width == 0 || height == 0 {
        return Vec::new();
    }
    let p = &policy.document;
    let evidence_ok = doc.evidence.as_ref().is_none_or(|e| e.is_document(policy));
    let Some(loc) = doc.located.as_ref().filter(|_| evidence_ok) else {
        return vec![Finding::new(Code::DocNotFound, subject).detail("doc.not_found", [])];
    };
    let (w, h) = (f64::from(width), f64::from(height));

    let margins = Margins::of(loc, w, h);
    let short = margins.gaps.map(|g| g < p.min_margin_fraction);
    if short.iter().any(|&s| s) {
        return vec![
            Finding::new(Code::DocCutOff, subject)
                .detail(cut_off_key(short), [])
                .measured(round(margins.worst(), 4), p.min_margin_fraction),
        ];
    }

    let mut findings = Vec::new();
    let area = loc.held_area_fraction;
    if area < p.min_area_fraction {
        findings.push(
            Finding::new(Code::DocTooSmall, subject)
                .detail(
                    "doc.too_small",
                    [
                        Arg::Int((area * 100.0).round() as i64),
                        Arg::Int((p.min_area_fraction * 100.0).round() as i64),
                    ],
                )
                .measured(round(area, 4), p.min_area_fraction),
        );
    }

    if let Some(upright) = doc.upright {
        findings.push(turned(upright, loc, subject, policy));
    } else if let Some(tilted) = tilted(loc, subject, policy) {
        findings.push(tilted);
    }
    findings
}

/// `DOC_TILTED` for a card rotated, sideways or in perspective beyond the policy.
fn tilted(loc: &Located, subject: Subject, policy: &Policy) -> Option<Finding> {
    let max = policy.document.max_tilt_deg;
    let rotation = rotation_deg(loc);
    let f = Finding::new(Code::DocTilted, subject);
    if rotation > max {
        Some(
            f.detail("doc.rotated", [Arg::Num(round(rotation, 1)), Arg::Num(max)])
                .measured(round(rotation, 1), max),
        )
    } else if loc.perspective_deg > max {
        let skew = round(loc.perspective_deg, 1);
        Some(
            f.detail("doc.perspective", [Arg::Num(skew), Arg::Num(max)])
                .measured(skew, max),
        )
    } else {
        None
    }
}

/// `DOC_TILTED` for a card the portrait or the MRZ showed upside down (turning it over comes
/// before any rotation or perspective) or sideways (saying which way to turn it).
fn turned(upright: Upright, card: &Located, subject: Subject, policy: &Policy) -> Finding {
    let key = match upright {
        Upright::UpsideDown => "doc.upside_down",
        Upright::TurnClockwise => "doc.sideways.turn_clockwise",
        Upright::TurnCounterClockwise => "doc.sideways.turn_counterclockwise",
        Upright::Sideways => "doc.sideways",
    };
    // How far from upright the card is: 180° less the outline's small rotation when upside
    // down, 90° less it when sideways.
    let off = match upright {
        Upright::UpsideDown => 180.0 - rotation_deg(card),
        _ => 90.0 - rotation_deg(card),
    };
    Finding::new(Code::DocTilted, subject)
        .detail(key, [])
        .measured(round(off, 1), policy.document.max_tilt_deg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(angle: f64) -> Located {
        let corners = if angle.abs() > crate::document::SIDEWAYS_DEG {
            [[300.0, 50.0], [500.0, 50.0], [500.0, 370.0], [300.0, 370.0]]
        } else {
            [
                [100.0, 100.0],
                [700.0, 100.0],
                [700.0, 480.0],
                [100.0, 480.0],
            ]
        };
        Located {
            angle_deg: angle,
            ..Located::from_quad(corners, [false; 4], 800.0, 600.0, 1.0).expect("quad")
        }
    }

    fn judge(located: Option<Located>, upright: Option<Upright>) -> Vec<Finding> {
        let doc = DocumentAnalysis {
            image: (800, 600),
            located,
            upright,
            evidence: None,
        };
        findings(&doc, Subject::IdFront, &Policy::default_policy())
    }

    fn keys(findings: &[Finding]) -> Vec<(Code, &'static str)> {
        findings
            .iter()
            .map(|f| (f.code, f.detail.as_ref().map_or("", |d| d.key)))
            .collect()
    }

    #[test]
    fn upside_down_replaces_a_rotation_finding() {
        let rotated = judge(Some(card(12.0)), None);
        assert_eq!(keys(&rotated), [(Code::DocTilted, "doc.rotated")]);
        let turned = judge(Some(card(12.0)), Some(Upright::UpsideDown));
        assert_eq!(keys(&turned), [(Code::DocTilted, "doc.upside_down")]);
        assert_eq!(turned.first().and_then(|f| f.measured), Some(168.0));
    }

    #[test]
    fn sideways_says_which_way_to_turn() {
        let tilted = |upright| {
            let mut k = keys(&judge(Some(card(-88.5)), upright));
            // The sideways test card is also small; only the tilt matters here.
            k.retain(|(code, _)| *code == Code::DocTilted);
            k
        };
        // The outline alone does not say sideways (a portrait-layout card stands like that);
        // the print or the portrait does.
        assert_eq!(tilted(None), []);
        assert_eq!(
            tilted(Some(Upright::Sideways)),
            [(Code::DocTilted, "doc.sideways")]
        );
        assert_eq!(
            tilted(Some(Upright::TurnClockwise)),
            [(Code::DocTilted, "doc.sideways.turn_clockwise")]
        );
    }

    #[test]
    fn a_document_leaving_the_frame_is_only_cut_off() {
        // Small, rotated and beyond the left edge: the visible part says nothing about size or
        // tilt.
        let corners = [
            [-40.0, 100.0],
            [100.0, 130.0],
            [90.0, 200.0],
            [-50.0, 170.0],
        ];
        let loc = Located::from_quad(corners, [false; 4], 800.0, 600.0, 1.0).expect("quad");
        assert_eq!(
            keys(&judge(Some(loc), None)),
            [(Code::DocCutOff, "doc.cut_off.left")]
        );
    }

    #[test]
    fn size_is_judged_on_the_document_held() {
        // A data page covering a fifth of the frame, in a booklet covering two fifths.
        let page = [
            [100.0, 300.0],
            [500.0, 300.0],
            [500.0, 540.0],
            [100.0, 540.0],
        ];
        let mut loc = Located::from_quad(page, [false; 4], 800.0, 600.0, 1.0).expect("quad");
        assert!(
            keys(&judge(Some(loc.clone()), None)).contains(&(Code::DocTooSmall, "doc.too_small"))
        );
        loc.held_area_fraction = 0.4;
        assert_eq!(keys(&judge(Some(loc), None)), []);
    }

    #[test]
    fn tilt_is_measured_from_the_nearest_axis() {
        let tilt = |angle: f64| {
            let loc = Located {
                angle_deg: angle,
                ..card(0.0)
            };
            rotation_deg(&loc)
        };
        assert!((tilt(12.0) - 12.0).abs() < 1e-9);
        assert!((tilt(-85.0) - 5.0).abs() < 1e-9);
        assert!((tilt(88.0) - 2.0).abs() < 1e-9);
        // A portrait-layout card standing 3° off the vertical is not tilted.
        assert_eq!(
            keys(&judge(
                Some(Located {
                    angle_deg: 87.0,
                    ..card(0.0)
                }),
                None
            )),
            []
        );
    }

    #[test]
    fn an_outline_that_is_not_a_document_is_not_found() {
        let doc = DocumentAnalysis {
            image: (800, 600),
            located: Some(card(0.0)),
            upright: None,
            evidence: Some(crate::document::Evidence {
                score: 0.5,
                ..Default::default()
            }),
        };
        assert_eq!(
            keys(&findings(&doc, Subject::IdFront, &Policy::default_policy())),
            [(Code::DocNotFound, "doc.not_found")]
        );
    }

    #[test]
    fn no_outline_is_not_found_only_for_id_images() {
        let policy = Policy::default_policy();
        let none = |image, subject| {
            let doc = DocumentAnalysis {
                image,
                located: None,
                upright: None,
                evidence: None,
            };
            findings(&doc, subject, &policy)
        };
        assert_eq!(
            keys(&none((800, 600), Subject::IdBack)),
            [(Code::DocNotFound, "doc.not_found")]
        );
        assert!(none((800, 600), Subject::Selfie).is_empty());
        assert!(none((0, 0), Subject::IdFront).is_empty());
    }
}
