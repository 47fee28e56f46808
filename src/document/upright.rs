//! Which way up the card is. The outline alone cannot tell upright from upside down (a
//! rectangle turned 180° is the same rectangle), nor which way a sideways card must be turned.
//! The portrait on the front can: the face detector finds upright faces only, so the turn of
//! the picture at which the portrait appears inside the card is the turn the card needs.
//!
//! Only the ID front has a portrait; the back's orientation is not judged.

use image::GrayImage;

use super::Located;
use crate::codes::Code;
use crate::faces::{self, Turn};
use crate::finding::{Finding, Subject};
use crate::policy::Policy;
use crate::report::FaceBox;

/// How the card lies, as the portrait shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upright {
    /// Turned 180°.
    UpsideDown,
    /// Lying sideways; turning it 90° clockwise puts it upright.
    TurnClockwise,
    /// Lying sideways; turning it 90° counter-clockwise puts it upright.
    TurnCounterClockwise,
}

/// Is the centre of `face` inside the card?
pub fn inside(face: &FaceBox, card: &Located) -> bool {
    card.contains(face.x + face.width / 2.0, face.y + face.height / 2.0)
}

/// When no upright face lies inside the card (`upright_faces`, from [`faces::detect`]), look for
/// the portrait with the picture turned: a half turn for a card lying the right way round or
/// upside down, quarter turns for a sideways one (`card.angle_deg` beyond 45°). Returns how the
/// card lies and the faces found inside it (in pixels of `luma`), or `None` when the card is
/// upright or no portrait is found at any turn.
pub fn from_portrait(
    luma: &GrayImage,
    card: &Located,
    upright_faces: &[FaceBox],
    policy: &Policy,
) -> Option<(Upright, Vec<FaceBox>)> {
    if upright_faces.iter().any(|f| inside(f, card)) {
        return None;
    }
    let turns: &[(Turn, Upright)] = if card.angle_deg.abs() > 45.0 {
        &[
            (Turn::Quarter, Upright::TurnClockwise),
            (Turn::ThreeQuarters, Upright::TurnCounterClockwise),
        ]
    } else {
        &[(Turn::Half, Upright::UpsideDown)]
    };
    // Search the card's bounding box only, on a small copy, for faces no smaller than the
    // detector's window: the portrait is about a third of the card's height, ~80 px on a
    // 400 px copy of the card, and the search costs a fraction of a whole-photo one.
    let (w, h) = luma.dimensions();
    let xs = card.corners.map(|p| p[0]);
    let ys = card.corners.map(|p| p[1]);
    let clamp_x = |v: f64| v.clamp(0.0, f64::from(w)) as u32;
    let clamp_y = |v: f64| v.clamp(0.0, f64::from(h)) as u32;
    let (x0, x1) = (
        clamp_x(xs.iter().copied().fold(f64::INFINITY, f64::min)),
        clamp_x(xs.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil()),
    );
    let (y0, y1) = (
        clamp_y(ys.iter().copied().fold(f64::INFINITY, f64::min)),
        clamp_y(ys.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil()),
    );
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let crop = image::imageops::crop_imm(luma, x0, y0, x1 - x0, y1 - y0).to_image();
    let search = crate::policy::FacesPolicy {
        detect_long_side: PORTRAIT_SEARCH_LONG_SIDE.min(policy.faces.detect_long_side),
        ..policy.faces.clone()
    };
    turns.iter().find_map(|&(turn, upright)| {
        let found: Vec<FaceBox> = faces::detect_turned(&crop, &search, turn, faces::WINDOW)
            .into_iter()
            .map(|f| FaceBox {
                x: f.x + f64::from(x0),
                y: f.y + f64::from(y0),
                ..f
            })
            .filter(|f| inside(f, card))
            .collect();
        (!found.is_empty()).then_some((upright, found))
    })
}

/// Long side of the copy of the card's bounding box searched for a turned portrait.
const PORTRAIT_SEARCH_LONG_SIDE: u32 = 400;

/// Fold what the portrait says into the framing findings of `subject`: an upside-down card
/// gets `DOC_TILTED` (replacing a rotation or perspective one: turning it over comes first);
/// a sideways card's `DOC_TILTED` says which way to turn it.
pub fn apply(
    findings: &mut Vec<Finding>,
    upright: Upright,
    card: &Located,
    subject: Subject,
    policy: &Policy,
) {
    let key = match upright {
        Upright::UpsideDown => "doc.upside_down",
        Upright::TurnClockwise => "doc.sideways.turn_clockwise",
        Upright::TurnCounterClockwise => "doc.sideways.turn_counterclockwise",
    };
    // How far from upright the card is: 180° less the outline's small rotation when upside
    // down, the outline's rotation (≈ 90°) when sideways.
    let off = match upright {
        Upright::UpsideDown => 180.0 - card.angle_deg.abs(),
        _ => card.angle_deg.abs(),
    };
    findings.retain(|f| f.code != Code::DocTilted);
    findings.push(
        Finding::new(Code::DocTilted, subject)
            .detail(key, [])
            .measured((off * 10.0).round() / 10.0, policy.document.max_tilt_deg),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(angle: f64) -> Located {
        let corners = if angle.abs() > 45.0 {
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

    fn face(x: f64, y: f64) -> FaceBox {
        FaceBox {
            x,
            y,
            width: 100.0,
            height: 120.0,
            score: 5.0,
        }
    }

    #[test]
    fn an_upright_portrait_inside_the_card_ends_the_search() {
        let policy = Policy::default_policy();
        let blank = GrayImage::new(800, 600);
        assert_eq!(
            from_portrait(&blank, &card(1.0), &[face(150.0, 200.0)], &policy),
            None
        );
        // A face outside the card (someone behind it) does not count, and a blank picture
        // has no portrait at any turn.
        assert_eq!(
            from_portrait(&blank, &card(1.0), &[face(10.0, 10.0)], &policy),
            None
        );
    }

    #[test]
    fn upside_down_replaces_a_rotation_finding() {
        let policy = Policy::default_policy();
        let c = card(12.0);
        let mut findings = vec![
            Finding::new(Code::DocTilted, Subject::IdFront).detail("doc.rotated", []),
            Finding::new(Code::DocTooSmall, Subject::IdFront),
        ];
        apply(
            &mut findings,
            Upright::UpsideDown,
            &c,
            Subject::IdFront,
            &policy,
        );
        let tilted: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == Code::DocTilted)
            .collect();
        assert_eq!(tilted.len(), 1);
        assert_eq!(
            tilted
                .first()
                .and_then(|f| f.detail.as_ref())
                .map(|d| d.key),
            Some("doc.upside_down")
        );
        assert_eq!(tilted.first().and_then(|f| f.measured), Some(168.0));
        assert!(findings.iter().any(|f| f.code == Code::DocTooSmall));
    }

    #[test]
    fn sideways_says_which_way_to_turn() {
        let policy = Policy::default_policy();
        let c = card(-88.5);
        let mut findings =
            vec![Finding::new(Code::DocTilted, Subject::IdFront).detail("doc.sideways", [])];
        apply(
            &mut findings,
            Upright::TurnClockwise,
            &c,
            Subject::IdFront,
            &policy,
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings
                .first()
                .and_then(|f| f.detail.as_ref())
                .map(|d| d.key),
            Some("doc.sideways.turn_clockwise")
        );
    }
}
