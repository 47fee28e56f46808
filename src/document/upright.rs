//! Which way up the card is. The outline alone cannot tell upright from upside down (a
//! rectangle turned 180° is the same rectangle), nor which way a sideways card must be turned.
//! The portrait on the front can: the face detector finds upright faces only, so the turn of
//! the picture at which the portrait appears inside the card is the turn the card needs.
//!
//! Only the ID front has a portrait. The back of a TD1 card carries the MRZ at its bottom:
//! [`from_mrz`] finds an upside-down back from wide lines of text at its top and none at its
//! bottom.

use image::GrayImage;

use super::Located;
use crate::faces::{self, Turn};
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
    let turns: &[(Turn, Upright)] = if card.is_sideways() {
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

/// The back's MRZ says which way up it is: on a TD1 card (ICAO 9303 part 5) its three lines of
/// 30 characters run across nearly the whole width at the bottom. `luma` is a copy of the photo
/// on which the card spans a few hundred pixels or more (the pipeline's 1000 px analysis copy)
/// and `card` is the outline in its pixels. The card is rectified to 5 px/mm; a row is *full*
/// when text (horizontal steps) reaches every one of `MRZ_CELLS` cells across 12–88 % of the
/// width but at most one; runs of at least `MRZ_MIN_RUN` full rows are lines. Upside down when
/// the top 45 % holds two or more such lines and the bottom 45 % none: a back without an MRZ, or
/// with wide text at both ends, is left alone. Sideways cards (already reported) are skipped.
pub fn from_mrz(luma: &GrayImage, card: &Located) -> Option<Upright> {
    if card.is_sideways() {
        return None;
    }
    let (top, bottom) = mrz_like_lines(luma, card)?;
    (top >= MRZ_MIN_LINES && bottom == 0).then_some(Upright::UpsideDown)
}

/// Lines of text spanning the width in the top and the bottom `MRZ_BAND` of the card.
fn mrz_like_lines(luma: &GrayImage, card: &Located) -> Option<(usize, usize)> {
    let rect = rectify(luma, card)?;
    let (w, h) = rect.dimensions();
    let px = rect.as_raw();
    // Steps count when they exceed a share of the card's own contrast.
    let mut sorted: Vec<u8> = px.clone();
    sorted.sort_unstable();
    let at = |q: f64| {
        sorted
            .get(((sorted.len().saturating_sub(1)) as f64 * q) as usize)
            .copied()
            .unwrap_or(0)
    };
    let spread = f64::from(at(0.95).saturating_sub(at(0.05)));
    let step = (MRZ_STEP_FRACTION * spread).max(MRZ_MIN_STEP);
    let (wu, hu) = (w as usize, h as usize);
    let (x0, x1) = (
        (MRZ_SPAN.0 * f64::from(w)) as usize,
        (MRZ_SPAN.1 * f64::from(w)) as usize,
    );
    let cell = ((x1 - x0) / MRZ_CELLS).max(1);
    let full: Vec<bool> = (0..hu)
        .map(|y| {
            let Some(row) = px.get(y * wu..(y + 1) * wu) else {
                return false;
            };
            let inked = (0..MRZ_CELLS)
                .filter(|&c| {
                    let (a, b) = (x0 + c * cell, x0 + (c + 1) * cell);
                    let steps = (a.max(1)..b.min(wu.saturating_sub(1)))
                        .filter(|&x| {
                            let (l, r) = (row.get(x - 1), row.get(x + 1));
                            matches!((l, r), (Some(&l), Some(&r)) if f64::from(l.abs_diff(r)) >= step)
                        })
                        .count();
                    steps >= MRZ_MIN_STEPS_PER_CELL
                })
                .count();
            inked + MRZ_MISSED_CELLS >= MRZ_CELLS
        })
        .collect();
    // Full rows, counted in runs; a gap of up to `MRZ_MAX_GAP` rows (a row crossing the
    // characters where few strokes are horizontal steps) does not end a line.
    let lines_in = |from: usize, to: usize| {
        let (mut lines, mut run, mut gap) = (0, 0, 0);
        for &f in full.get(from..to).unwrap_or(&[]) {
            if f {
                run += 1;
                gap = 0;
            } else if run > 0 && gap < MRZ_MAX_GAP {
                gap += 1;
            } else {
                if run >= MRZ_MIN_RUN {
                    lines += 1;
                }
                (run, gap) = (0, 0);
            }
        }
        lines + usize::from(run >= MRZ_MIN_RUN)
    };
    let band = (MRZ_BAND * hu as f64) as usize;
    Some((lines_in(0, band), lines_in(hu.saturating_sub(band), hu)))
}

/// The card cut out of `luma` and squared up to `RECT_W`×`RECT_H` (ID-1 at 5 px/mm).
fn rectify(luma: &GrayImage, card: &Located) -> Option<GrayImage> {
    use imageproc::geometric_transformations::{Border, Interpolation, Projection, warp_into};
    let from = card.corners.map(|p| (p[0] as f32, p[1] as f32));
    let (w, h) = (RECT_W as f32, RECT_H as f32);
    let to = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)];
    let projection = Projection::from_control_points(from, to)?;
    let mut out = GrayImage::new(RECT_W, RECT_H);
    warp_into(
        luma,
        projection,
        Interpolation::Bilinear,
        Border::Replicate,
        &mut out,
    );
    Some(out)
}

/// The rectified card: 85.6 × 54 mm at 5 px/mm (an MRZ character is ~12 px wide).
const RECT_W: u32 = 428;
const RECT_H: u32 = 270;
/// The MRZ test (see `from_mrz`): cells across this span of the width, symmetric so a turned
/// card is judged like an upright one (an MRZ line covers 5–94 % of the width; the fixtures'
/// rendered one 5–88 %), steps of at least this share of the card's
/// 5–95 % luma spread (and at least `MRZ_MIN_STEP` levels), runs of full rows, and the share of
/// the height searched at each end.
const MRZ_CELLS: usize = 24;
/// A cell is inked with this many steps (a character's strokes give two or more); a row is
/// full with at most `MRZ_MISSED_CELLS` cells blank.
const MRZ_MIN_STEPS_PER_CELL: usize = 2;
const MRZ_MISSED_CELLS: usize = 1;
/// Upside down needs this many wide lines at the top (an MRZ has two or three) and none at the
/// bottom.
const MRZ_MIN_LINES: usize = 2;
const MRZ_SPAN: (f64, f64) = (0.12, 0.88);
const MRZ_STEP_FRACTION: f64 = 0.25;
const MRZ_MIN_STEP: f64 = 12.0;
const MRZ_MIN_RUN: usize = 3;
const MRZ_MAX_GAP: usize = 2;
const MRZ_BAND: f64 = 0.45;

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

    /// A fixture as the pipeline's analysis copy (1000 px luma) and its card outline from the
    /// manifest's ground truth, optionally turned half a turn.
    fn analysis_copy(name: &str, corners: [[f64; 2]; 4], half_turn: bool) -> (GrayImage, Located) {
        let rgb = match image::open(format!("fixtures/images/{name}")) {
            Ok(img) => img.to_rgb8(),
            Err(e) => panic!("{name}: {e}"),
        };
        let rgb = if half_turn {
            image::imageops::rotate180(&rgb)
        } else {
            rgb
        };
        let (w, h) = crate::images::decode::fit_long_side(rgb.width(), rgb.height(), 1000);
        let small = crate::images::decode::resize_rgb(&rgb, w, h);
        let (sx, sy) = (
            f64::from(w) / f64::from(rgb.width()),
            f64::from(h) / f64::from(rgb.height()),
        );
        let corners = corners.map(|p| {
            let p = if half_turn {
                [
                    f64::from(rgb.width()) - p[0],
                    f64::from(rgb.height()) - p[1],
                ]
            } else {
                p
            };
            [p[0] * sx, p[1] * sy]
        });
        let card =
            Located::from_quad(corners, [false; 4], f64::from(w), f64::from(h), 1.0).expect("quad");
        (crate::images::decode::luma_of(&small), card)
    }

    const BACK: [[f64; 2]; 4] = [
        [110.5, 173.2],
        [1124.3, 147.4],
        [1174.9, 788.7],
        [110.2, 842.7],
    ];
    const FRONT: [[f64; 2]; 4] = [
        [147.2, 142.1],
        [1165.6, 164.1],
        [1175.9, 836.9],
        [95.3, 793.0],
    ];

    #[test]
    fn the_mrz_tells_an_upside_down_back() {
        for (name, corners) in [("back_clean.jpg", BACK), ("front_clean.jpg", FRONT)] {
            let (luma, card) = analysis_copy(name, corners, false);
            // (lines at the top, lines at the bottom): the MRZ's lines (a line may count twice
            // where a row across its middle misses a cell), nothing as wide at the top.
            let (top, bottom) = mrz_like_lines(&luma, &card).expect("rectified");
            assert!(
                top == 0 && bottom >= 2,
                "{name}: {top} top, {bottom} bottom"
            );
            assert_eq!(from_mrz(&luma, &card), None, "{name}");
            let (luma, card) = analysis_copy(name, corners, true);
            let (top, bottom) = mrz_like_lines(&luma, &card).expect("rectified");
            assert!(
                top >= 2 && bottom == 0,
                "{name} turned: {top} top, {bottom} bottom"
            );
            assert_eq!(from_mrz(&luma, &card), Some(Upright::UpsideDown), "{name}");
        }
        // A blank card: no lines anywhere, no verdict.
        let blank = GrayImage::from_pixel(800, 600, image::Luma([200]));
        assert_eq!(from_mrz(&blank, &card(1.0)), None);
        // Sideways cards are not judged here.
        assert_eq!(from_mrz(&blank, &card(89.0)), None);
    }
}
