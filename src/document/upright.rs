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
    /// Lying sideways (its print runs across the picture's vertical), which way to turn it
    /// not known.
    Sideways,
}

/// Which way the document's lines of print run in the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lie {
    /// Across the picture: upright or upside down (a portrait-layout card too).
    Level,
    /// Up and down the picture: the document lies sideways.
    Sideways,
}

/// The print's direction decides when it is clear (`horizontal_ratio` at least `LEVEL_MIN_RATIO`
/// or at most `SIDEWAYS_MAX_RATIO`); otherwise the outline's shape does (long sides nearer the
/// vertical: sideways), as it must for a card with little print. An upright portrait inside
/// the outline settles it: level.
pub fn lie(print: Option<&Print>, card: &Located, upright_portrait: bool) -> Lie {
    if upright_portrait {
        return Lie::Level;
    }
    match print.map(Print::horizontal_ratio) {
        Some(r) if r >= LEVEL_MIN_RATIO => Lie::Level,
        Some(r) if r <= SIDEWAYS_MAX_RATIO => Lie::Sideways,
        _ if card.is_sideways() => Lie::Sideways,
        _ => Lie::Level,
    }
}

/// See [`lie`]. Calibrated on fixtures/designs (`examples/calibrate_designs.rs --csv`, columns
/// `print_rows`/`print_columns`): upright documents 0.30–0.97 (below 0.6 only strongly blurred
/// ones, all but two of them with a portrait found upright), sideways ones 0.24–0.38 (above
/// 0.29 only ID-1/ID-3 documents whose outline stands on its short side, which the fallback
/// calls sideways).
pub const LEVEL_MIN_RATIO: f64 = 0.6;
pub const SIDEWAYS_MAX_RATIO: f64 = 0.29;

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
    lie: Lie,
    upright_faces: &[FaceBox],
    policy: &Policy,
) -> Option<(Upright, Vec<FaceBox>)> {
    if upright_faces.iter().any(|f| inside(f, card)) {
        return None;
    }
    let turns: &[(Turn, Upright)] = if lie == Lie::Sideways {
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
    from_wide_lines(mrz_like_lines(luma, card)?)
}

/// Lines of print spanning the width in the top and the bottom part of the document (see
/// [`from_mrz`]).
pub fn wide_lines(luma: &GrayImage, card: &Located) -> Option<(usize, usize)> {
    mrz_like_lines(luma, card)
}

/// Upside down when the wide lines (see [`from_mrz`]) are all at the top.
pub fn from_wide_lines((top, bottom): (usize, usize)) -> Option<Upright> {
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
    warp(luma, &card.corners, RECT_W, RECT_H)
}

/// How the print inside an outline runs, measured on the outline squared up to the picture's
/// axes (side 0 of the outline along the top, not turned): `rows` is how strongly the ink
/// density changes from one row of pixels to the next at the scale of a line of text (lines of
/// print running across the picture), `columns` the same down the picture.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Print {
    /// Line structure across the picture's rows (horizontal lines of print).
    pub rows: f64,
    /// Line structure across the picture's columns (vertical lines of print).
    pub columns: f64,
    /// Share of the squared-up outline's pixels that are ink (a local step in luma).
    pub ink: f64,
}

impl Print {
    /// Share (0–1) of the line structure that runs across the picture: near 1 for print in
    /// horizontal lines, near 0 for print in vertical lines (a document lying sideways).
    pub fn horizontal_ratio(&self) -> f64 {
        let total = self.rows + self.columns;
        if total > 0.0 { self.rows / total } else { 0.5 }
    }
}

/// Long side of the squared-up outline [`print`] measures on.
const PRINT_LONG_SIDE: f64 = 360.0;
/// A pixel is ink when its luma differs from its neighbour two pixels away (across or down) by
/// at least this share of the outline's 5–95 % luma spread, and at least `PRINT_MIN_STEP`.
const PRINT_STEP_FRACTION: f64 = 0.2;
const PRINT_MIN_STEP: f64 = 10.0;
/// Line structure: the ink profile minus its running mean over this share of the long side
/// (a few lines of text), the ends (this share) left out where the outline's own edge lies.
const PRINT_SMOOTH_FRACTION: f64 = 0.06;
const PRINT_EDGE_SKIP: f64 = 0.04;

/// Measure how the print inside `outline` runs (see [`Print`]). `None` for a degenerate
/// outline.
pub fn print(luma: &GrayImage, outline: &[[f64; 2]; 4]) -> Option<Print> {
    let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    let across = 0.5 * (d(outline[0], outline[1]) + d(outline[3], outline[2]));
    let down = 0.5 * (d(outline[1], outline[2]) + d(outline[0], outline[3]));
    if !(across > 4.0 && down > 4.0) {
        return None;
    }
    let scale = PRINT_LONG_SIDE / across.max(down);
    let (w, h) = (
        ((across * scale).round() as u32).max(8),
        ((down * scale).round() as u32).max(8),
    );
    let rect = warp(luma, outline, w, h)?;
    let (wu, hu) = (w as usize, h as usize);
    let px = rect.as_raw();
    let mut sorted = px.clone();
    sorted.sort_unstable();
    let at = |q: f64| {
        f64::from(
            sorted
                .get(((sorted.len().saturating_sub(1)) as f64 * q) as usize)
                .copied()
                .unwrap_or(0),
        )
    };
    let step = (PRINT_STEP_FRACTION * (at(0.95) - at(0.05))).max(PRINT_MIN_STEP);
    let value = |x: usize, y: usize| f64::from(px.get(y * wu + x).copied().unwrap_or(0));
    let mut row_ink = vec![0.0; hu];
    let mut col_ink = vec![0.0; wu];
    let mut inked = 0usize;
    for y in 0..hu.saturating_sub(2) {
        for x in 0..wu.saturating_sub(2) {
            let v = value(x, y);
            let ink = (value(x + 2, y) - v).abs() >= step || (value(x, y + 2) - v).abs() >= step;
            if ink {
                inked += 1;
                if let Some(r) = row_ink.get_mut(y + 1) {
                    *r += 1.0;
                }
                if let Some(c) = col_ink.get_mut(x + 1) {
                    *c += 1.0;
                }
            }
        }
    }
    row_ink.iter_mut().for_each(|v| *v /= wu as f64);
    col_ink.iter_mut().for_each(|v| *v /= hu as f64);
    let window = ((PRINT_SMOOTH_FRACTION * PRINT_LONG_SIDE).round() as usize).max(3);
    Some(Print {
        rows: line_structure(&row_ink, window),
        columns: line_structure(&col_ink, window),
        ink: inked as f64 / (wu * hu).max(1) as f64,
    })
}

/// Mean absolute difference between an ink profile and its running mean over `window`, the
/// ends left out.
fn line_structure(profile: &[f64], window: usize) -> f64 {
    let n = profile.len();
    let skip = ((PRINT_EDGE_SKIP * n as f64).ceil() as usize).max(2);
    let half = window / 2;
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0.0);
    for v in profile {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + v);
    }
    let (mut sum, mut count) = (0.0, 0usize);
    for i in skip..n.saturating_sub(skip) {
        let (a, b) = (i.saturating_sub(half), (i + half + 1).min(n));
        let (Some(pa), Some(pb), Some(v)) = (prefix.get(a), prefix.get(b), profile.get(i)) else {
            continue;
        };
        let mean = (pb - pa) / (b - a).max(1) as f64;
        sum += (v - mean).abs();
        count += 1;
    }
    if count == 0 { 0.0 } else { sum / count as f64 }
}

/// `outline` (clockwise from the top-left) squared up to `w`×`h`.
fn warp(luma: &GrayImage, outline: &[[f64; 2]; 4], w: u32, h: u32) -> Option<GrayImage> {
    use imageproc::geometric_transformations::{Border, Interpolation, Projection, warp_into};
    let from = outline.map(|p| (p[0] as f32, p[1] as f32));
    let (wf, hf) = (w as f32, h as f32);
    let to = [(0.0, 0.0), (wf, 0.0), (wf, hf), (0.0, hf)];
    let projection = Projection::from_control_points(from, to)?;
    let mut out = GrayImage::new(w, h);
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
            from_portrait(
                &blank,
                &card(1.0),
                Lie::Level,
                &[face(150.0, 200.0)],
                &policy
            ),
            None
        );
        // A face outside the card (someone behind it) does not count, and a blank picture
        // has no portrait at any turn.
        assert_eq!(
            from_portrait(&blank, &card(1.0), Lie::Level, &[face(10.0, 10.0)], &policy),
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
