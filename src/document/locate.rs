//! Finding the card outline: oriented Hough lines on a Canny edge map, quadrilaterals from
//! pairs of roughly parallel lines, scored by how much of their perimeter real edges back,
//! then each side refitted to the gradient maxima along it.
//!
//! Everything here works on a small copy (`DocumentPolicy::analysis_long_side`) and maps the
//! result back. Edges are found in colour: at each pixel the gradient of the RGB channel that
//! changes most. A card's dark blue header band on brown wood is a faint step in luma (the two
//! are about equally dark) but a strong one in red and blue. No function here panics on any input size: images too small to hold a card
//! outline simply give `None`.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;
use imageproc::filter::gaussian_blur_f32;

use super::Located;

/// Width / height of an ID-1 card (ISO/IEC 7810): 85.60 × 53.98 mm.
pub const ID1_ASPECT: f64 = 85.6 / 53.98;

// Algorithm constants (how the outline is searched for, not what is judged about it; the
// thresholds that decide findings live in `DocumentPolicy`).

/// Images larger than this multiple of the working size are super-sampled down to it.
const SUPERSAMPLE_ABOVE: u32 = 3;
/// Below this many pixels on the working copy's short side there is nothing to find.
const MIN_WORK_SIDE: u32 = 32;
/// Gaussian sigma before gradients (the same sigma imageproc's Canny uses internally).
const BLUR_SIGMA: f32 = 1.4;
/// Canny high threshold: `CANNY_NOISE_FACTOR` × the median gradient magnitude (the noise level
/// on a plain surface), clamped to this range.
const CANNY_HIGH_MIN: f32 = 12.0;
const CANNY_HIGH_MAX: f32 = 40.0;
const CANNY_NOISE_FACTOR: f32 = 3.5;
/// Canny low threshold as a fraction of the high one.
const CANNY_LOW_RATIO: f32 = 0.4;
/// Each edge pixel votes for line normals within this many degrees of its gradient direction.
const HOUGH_SPREAD_DEG: i64 = 4;
/// A line needs this fraction of the working copy's short side in votes.
const HOUGH_MIN_VOTES_FRACTION: f64 = 0.08;
/// Local maxima of the accumulator are taken in this window (degrees, pixels); of two peaks
/// closer than `SAME_LINE_DEG` and `SAME_LINE_PX` (at the image centre's projection) only the
/// stronger is kept.
const HOUGH_NMS_THETA: i64 = 1;
const HOUGH_NMS_RHO: i64 = 2;
const SAME_LINE_DEG: f64 = 2.5;
const SAME_LINE_PX: f64 = 3.0;
/// How many of the strongest lines enter the quadrilateral search.
const MAX_LINES: usize = 120;
/// Opposite sides may converge by up to this much (perspective).
const MAX_OPPOSITE_DEG: f64 = 42.0;
/// Adjacent sides must meet at no less than this angle.
const MIN_ADJACENT_DEG: f64 = 48.0;
/// Opposite sides must be at least this fraction of the short side apart.
const MIN_SEPARATION_FRACTION: f64 = 0.08;
/// Corners may lie this fraction of the image size beyond the frame (a cut-off card).
const MAX_OUTSIDE_FRACTION: f64 = 0.3;
/// Smallest card area considered, as a fraction of the frame.
const MIN_AREA_FRACTION: f64 = 0.02;
/// Plausible long/short side ratios (ID-1 1.586, ID-3 passport page 1.42, with perspective).
const MIN_ASPECT: f64 = 1.15;
const MAX_ASPECT: f64 = 2.3;
/// Width of the log-aspect prior around ID-1.
const ASPECT_PRIOR_WIDTH: f64 = 0.2;
/// Rounded corners: the ends of each side are not sampled.
const SIDE_END_SKIP: f64 = 0.09;
/// Support search: an edge pixel within this many pixels of the side, oriented within
/// `SUPPORT_MAX_DEG` of the side's normal.
const SUPPORT_RADIUS: i64 = 2;
const SUPPORT_MAX_DEG: f64 = 20.0;
/// How much the weakest side's support counts (0: not at all, 1: the score scales with it).
const MIN_SIDE_WEIGHT: f64 = 0.3;
/// Score factor for each side that is the image border (the card leaves the frame there).
const BORDER_SIDE_FACTOR: f64 = 0.8;
/// A card inside a larger card-shaped outline (see `inner_card`): corners within
/// `INNER_TOLERANCE_PX` of the outer outline, area `INNER_MIN_AREA`–`INNER_MAX_AREA` of it,
/// shape prior at least `INNER_MIN_PRIOR` (aspect within ~10 % of ID-1), and confidence at least
/// `INNER_MIN_CONFIDENCE`.
const INNER_TOLERANCE_PX: f64 = 3.0;
const INNER_MIN_AREA: f64 = 0.15;
const INNER_MAX_AREA: f64 = 0.85;
const INNER_MIN_PRIOR: f64 = 0.8;
const INNER_MIN_CONFIDENCE: f64 = 0.9;
/// The inner card's surroundings are sampled this many pixels outside each side; the mean
/// colours of the four sides may differ by at most `SURROUND_MAX_DIFF` (RGB distance, 0–441).
const SURROUND_STRIP_PX: [f64; 3] = [3.0, 5.0, 7.0];
const SURROUND_MAX_DIFF: f64 = 80.0;
/// On every side, the strips outside and inside must differ by at least this (RGB distance).
const SURROUND_MIN_STEP: f64 = 40.0;
/// Extension: a side may move outwards by up to this fraction of the adjacent sides' length to a
/// parallel edge backed over at least `EXTEND_MIN_SUPPORT` of its length, when that brings the
/// outline's aspect closer to ID-1 by `EXTEND_MIN_GAIN` (in log ratio). This catches a card
/// whose header band is as dark as the table: the band's inner edge is strong, the card's own
/// edge weak.
const EXTEND_MAX_FRACTION: f64 = 0.3;
/// …or, whatever the aspect, when both adjacent sides' edges continue past the old corners
/// over the first `EXTEND_RUN_ON_PART` of the way to the new ones, backed over at least
/// `EXTEND_RUN_ON_MIN` of it.
const EXTEND_RUN_ON_PART: f64 = 0.6;
const EXTEND_RUN_ON_MIN: f64 = 0.8;
/// …with a gradient across it at least this fraction of the gradient across the side itself.
const EXTEND_RUN_ON_STRENGTH: f64 = 0.5;
const EXTEND_MIN_SUPPORT: f64 = 0.6;
const EXTEND_MIN_GAIN: f64 = 0.05;
/// Refinement: search this far along the normal (pixels), then drop points further than
/// `REFINE_OUTLIER` from the fitted line and refit.
const REFINE_RADII: [f64; 2] = [4.0, 2.0];
const REFINE_OUTLIER: f64 = 1.0;
const REFINE_MIN_POINTS: usize = 8;

/// An open passport booklet: an outline whose long/short ratio is within this range (two ID-3
/// pages of 125 × 88 mm side by side make 176 × 125, 1.41, like one page turned; perspective
/// spreads it) and which a fold crosses near its middle (see `data_page`).
const BOOKLET_ASPECT: (f64, f64) = (1.28, 1.56);
/// The fold is searched this far (fraction of the long side) either side of the middle, in
/// `FOLD_STEPS` steps each way, and must be backed over at least `FOLD_MIN_SUPPORT` of its
/// middle part by a gradient across it.
const FOLD_SEARCH: f64 = 0.08;
const FOLD_STEPS: usize = 16;
const FOLD_MIN_SUPPORT: f64 = 0.7;

/// A line `cos(θ)·x + sin(θ)·y = rho` on the working copy; `border` names the image side
/// when the line is the frame itself.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Line {
    theta_deg: f64,
    rho: f64,
    votes: u32,
    border: Option<Border>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Border {
    Left,
    Right,
    Top,
    Bottom,
}

impl Line {
    fn normal(&self) -> (f64, f64) {
        let t = self.theta_deg.to_radians();
        (t.cos(), t.sin())
    }

    fn intersect(&self, other: &Line) -> Option<[f64; 2]> {
        let (c1, s1) = self.normal();
        let (c2, s2) = other.normal();
        let det = c1 * s2 - s1 * c2;
        if det.abs() < 1e-6 {
            return None;
        }
        let x = (self.rho * s2 - s1 * other.rho) / det;
        let y = (c1 * other.rho - self.rho * c2) / det;
        (x.is_finite() && y.is_finite()).then_some([x, y])
    }
}

/// Undirected angle between two line orientations, 0–90°.
fn angle_between(a_deg: f64, b_deg: f64) -> f64 {
    let d = (a_deg - b_deg).rem_euclid(180.0);
    d.min(180.0 - d)
}

/// Gradients and edges of the working copy.
struct EdgeMap {
    w: usize,
    h: usize,
    gx: Vec<f32>,
    gy: Vec<f32>,
    /// Edge pixel's gradient direction folded to 0–179°, or `NO_EDGE`.
    edge_dir: Vec<u8>,
    low: f32,
}

const NO_EDGE: u8 = u8::MAX;

impl EdgeMap {
    /// Gaussian blur (imageproc), Sobel gradients of each colour channel keeping the strongest
    /// at each pixel, then Canny's non-maximum suppression and hysteresis on those gradients.
    /// On a grey image this is exactly imageproc's `edges::canny` (same σ, Sobel kernels,
    /// four-direction suppression); it is written out here because `canny` takes one channel
    /// and repeats the blur and Sobel pass inside (~25 ms on the 640-px copy).
    fn build(small: &RgbImage) -> Option<EdgeMap> {
        let (w, h) = (small.width() as usize, small.height() as usize);
        if w < 3 || h < 3 {
            return None;
        }
        let blurred = gaussian_blur_f32(small, BLUR_SIGMA);
        let px = blurred.as_raw();
        if px.len() != 3 * w * h {
            return None;
        }
        let (gx, gy) = colour_sobel(px, w, h);
        let mags: Vec<f32> = gx.iter().zip(&gy).map(|(a, b)| a.hypot(*b)).collect();
        let high =
            (CANNY_NOISE_FACTOR * median_magnitude(&mags)).clamp(CANNY_HIGH_MIN, CANNY_HIGH_MAX);
        let low = high * CANNY_LOW_RATIO;
        let edges = non_max_hysteresis(&mags, &gx, &gy, w, h, low, high);
        let edge_dir = edges
            .iter()
            .zip(gx.iter().zip(&gy))
            .map(|(&e, (&x, &y))| {
                if !e || (x == 0.0 && y == 0.0) {
                    NO_EDGE
                } else {
                    let d = f64::from(y)
                        .atan2(f64::from(x))
                        .to_degrees()
                        .rem_euclid(180.0);
                    (d.round() as u8) % 180
                }
            })
            .collect();
        Some(EdgeMap {
            w,
            h,
            gx,
            gy,
            edge_dir,
            low,
        })
    }

    fn idx(&self, x: i64, y: i64) -> Option<usize> {
        if x < 0 || y < 0 || x >= self.w as i64 || y >= self.h as i64 {
            None
        } else {
            Some(y as usize * self.w + x as usize)
        }
    }

    /// Gradient projected on the unit normal `n`, at the nearest pixel.
    fn along(&self, p: [f64; 2], n: (f64, f64)) -> Option<f64> {
        let i = self.idx(p[0].round() as i64, p[1].round() as i64)?;
        let gx = f64::from(*self.gx.get(i)?);
        let gy = f64::from(*self.gy.get(i)?);
        Some(gx * n.0 + gy * n.1)
    }

    /// Oriented Hough transform: each edge pixel votes only for normals near its gradient.
    /// Normal angles run over −2S…180+2S (S = `HOUGH_SPREAD_DEG`), a line near the 0/180 seam
    /// being counted in both of its representations, so no line's votes are split by the seam.
    fn hough(&self) -> Vec<Line> {
        let diag = ((self.w * self.w + self.h * self.h) as f64).sqrt().ceil() as i64;
        let n_rho = (2 * diag + 1) as usize;
        let lo_t = -2 * HOUGH_SPREAD_DEG;
        let n_t = (180 + 4 * HOUGH_SPREAD_DEG) as usize;
        let mut acc = vec![0u32; n_t * n_rho];
        let trig: Vec<(f64, f64)> = (0..n_t as i64)
            .map(|k| ((k + lo_t) as f64).to_radians().sin_cos())
            .map(|(s, c)| (c, s))
            .collect();
        let mut vote = |t: i64, x: usize, y: usize| {
            let k = t - lo_t;
            if k < 0 {
                return;
            }
            let Some(&(c, s)) = trig.get(k as usize) else {
                return;
            };
            let r = (x as f64 * c + y as f64 * s).round() as i64 + diag;
            if (0..n_rho as i64).contains(&r)
                && let Some(v) = acc.get_mut(k as usize * n_rho + r as usize)
            {
                *v += 1;
            }
        };
        for y in 0..self.h {
            for x in 0..self.w {
                let Some(&dir) = self.edge_dir.get(y * self.w + x) else {
                    continue;
                };
                if dir == NO_EDGE {
                    continue;
                }
                for dt in -HOUGH_SPREAD_DEG..=HOUGH_SPREAD_DEG {
                    let t = i64::from(dir) + dt;
                    vote(t, x, y);
                    vote(t + 180, x, y);
                    vote(t - 180, x, y);
                }
            }
        }
        let min_votes = ((self.w.min(self.h) as f64 * HOUGH_MIN_VOTES_FRACTION) as u32).max(8);
        let cell = |k: i64, r: i64| -> u32 {
            if k < 0 || r < 0 || r >= n_rho as i64 {
                return 0;
            }
            acc.get(k as usize * n_rho + r as usize)
                .copied()
                .unwrap_or(0)
        };
        // A slanted line's pixels round into two neighbouring rho bins: count three.
        let get = |k: i64, r: i64| cell(k, r - 1) + cell(k, r) + cell(k, r + 1);
        let mut peaks: Vec<Line> = Vec::new();
        for k in 0..n_t as i64 {
            for r in 0..n_rho as i64 {
                let v = get(k, r);
                if v < min_votes {
                    continue;
                }
                let mut is_max = true;
                'win: for dk in -HOUGH_NMS_THETA..=HOUGH_NMS_THETA {
                    for dr in -HOUGH_NMS_RHO..=HOUGH_NMS_RHO {
                        let u = get(k + dk, r + dr);
                        // Ties: keep the first in scan order.
                        if u > v || (u == v && (dk, dr) < (0, 0)) {
                            is_max = false;
                            break 'win;
                        }
                    }
                }
                if is_max {
                    peaks.push(Line {
                        theta_deg: (k + lo_t) as f64,
                        rho: (r - diag) as f64,
                        votes: v,
                        border: None,
                    });
                }
            }
        }
        peaks.sort_by_key(|l| std::cmp::Reverse(l.votes));
        let centre = [self.w as f64 / 2.0, self.h as f64 / 2.0];
        let mut kept: Vec<Line> = Vec::new();
        for p in peaks {
            let (c, s) = p.normal();
            let off = centre[0] * c + centre[1] * s - p.rho;
            let foot = [centre[0] - off * c, centre[1] - off * s];
            let same = kept.iter().any(|k| {
                let (kc, ks) = k.normal();
                angle_between(p.theta_deg, k.theta_deg) <= SAME_LINE_DEG
                    && (foot[0] * kc + foot[1] * ks - k.rho).abs() <= SAME_LINE_PX
            });
            if !same {
                kept.push(p);
                if kept.len() >= MAX_LINES {
                    break;
                }
            }
        }
        kept
    }

    /// Per-pixel support along a whole line, as prefix sums (see [`Profile`]).
    fn profile(&self, line: &Line) -> Profile {
        let diag = ((self.w * self.w + self.h * self.h) as f64).sqrt().ceil();
        let n = line.normal();
        let d = (-n.1, n.0);
        let origin = [line.rho * n.0, line.rho * n.1];
        let len = (2.0 * diag) as usize + 1;
        let mut visible = Vec::with_capacity(len + 1);
        let mut supported = Vec::with_capacity(len + 1);
        let (mut v, mut s) = (0u32, 0u32);
        visible.push(0);
        supported.push(0);
        for k in 0..len {
            let t = k as f64 - diag;
            let q = [origin[0] + t * d.0, origin[1] + t * d.1];
            let inside = q[0] >= 1.0
                && q[1] >= 1.0
                && q[0] <= self.w as f64 - 2.0
                && q[1] <= self.h as f64 - 2.0;
            if inside {
                v += 1;
                let hit = (-SUPPORT_RADIUS..=SUPPORT_RADIUS).any(|r| {
                    let x = (q[0] + r as f64 * n.0).round() as i64;
                    let y = (q[1] + r as f64 * n.1).round() as i64;
                    self.idx(x, y)
                        .and_then(|i| self.edge_dir.get(i))
                        .is_some_and(|&dir| {
                            dir != NO_EDGE
                                && angle_between(f64::from(dir), line.theta_deg) <= SUPPORT_MAX_DEG
                        })
                });
                if hit {
                    s += 1;
                }
            }
            visible.push(v);
            supported.push(s);
        }
        Profile {
            origin,
            dir: d,
            offset: diag,
            visible,
            supported,
        }
    }

    /// The gradient across segment a→b (projected on `n`) at 2-px steps over its middle part
    /// (the ends skipped like the support's), where it lies inside the image.
    fn across(&self, a: [f64; 2], b: [f64; 2], n: (f64, f64)) -> Vec<f64> {
        let steps = (dist(a, b) / 2.0).ceil().max(2.0) as usize;
        (0..=steps)
            .filter_map(|k| {
                let t = SIDE_END_SKIP + (1.0 - 2.0 * SIDE_END_SKIP) * k as f64 / steps as f64;
                self.along([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], n)
            })
            .collect()
    }

    /// Fraction of the middle of segment a→b where the gradient across it (along `n`) is at
    /// least the Canny low threshold.
    fn cross_support(&self, a: [f64; 2], b: [f64; 2], n: (f64, f64)) -> f64 {
        let values = self.across(a, b, n);
        let hits = values
            .iter()
            .filter(|v| v.abs() >= f64::from(self.low))
            .count();
        hits as f64 / values.len().max(1) as f64
    }

    /// Mean strength of the gradient across segment a→b (along `n`), over its middle part.
    fn mean_cross(&self, a: [f64; 2], b: [f64; 2], n: (f64, f64)) -> f64 {
        let values = self.across(a, b, n);
        values.iter().map(|v| v.abs()).sum::<f64>() / values.len().max(1) as f64
    }

    /// Refit a side to the gradient maxima along it (total least squares, one outlier pass).
    fn refine(&self, a: [f64; 2], b: [f64; 2], line: &Line, radius: f64) -> Option<Line> {
        let len = (b[0] - a[0]).hypot(b[1] - a[1]);
        if len < 8.0 {
            return None;
        }
        let n = line.normal();
        let samples = (len / 3.0).ceil().clamp(8.0, 200.0) as usize;
        let mut pts: Vec<[f64; 2]> = Vec::with_capacity(samples);
        // The card's side: whichever polarity dominates along the Hough line.
        let mut polarity = 0.0;
        for k in 0..=samples {
            let t = SIDE_END_SKIP + (1.0 - 2.0 * SIDE_END_SKIP) * k as f64 / samples as f64;
            let q = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
            polarity += self.along(q, n).unwrap_or(0.0);
        }
        let sign = if polarity >= 0.0 { 1.0 } else { -1.0 };
        let steps = radius.ceil() as i64;
        for k in 0..=samples {
            let t = SIDE_END_SKIP + (1.0 - 2.0 * SIDE_END_SKIP) * k as f64 / samples as f64;
            let q = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
            let vals: Vec<(f64, f64)> = (-steps - 1..=steps + 1)
                .filter_map(|d| {
                    let p = [q[0] + d as f64 * n.0, q[1] + d as f64 * n.1];
                    self.along(p, n).map(|v| (d as f64, sign * v))
                })
                .collect();
            if vals.len() != (2 * steps + 3) as usize {
                continue;
            }
            let mut best: Option<usize> = None;
            for i in 1..vals.len() - 1 {
                let v = vals.get(i).map_or(f64::MIN, |p| p.1);
                if best.is_none_or(|j| vals.get(j).is_some_and(|p| v > p.1)) {
                    best = Some(i);
                }
            }
            let Some(i) = best else { continue };
            let (Some(&(d, v)), Some(&(_, vm)), Some(&(_, vp))) =
                (vals.get(i), vals.get(i - 1), vals.get(i + 1))
            else {
                continue;
            };
            if v < f64::from(self.low) || v < vm || v < vp {
                continue;
            }
            let denom = vm - 2.0 * v + vp;
            let off = if denom.abs() > 1e-9 {
                (0.5 * (vm - vp) / denom).clamp(-0.5, 0.5)
            } else {
                0.0
            };
            let s = d + off;
            pts.push([q[0] + s * n.0, q[1] + s * n.1]);
        }
        let fitted = fit_line(&pts, n)?;
        let kept: Vec<[f64; 2]> = pts
            .iter()
            .copied()
            .filter(|p| {
                let (c, s) = fitted.normal();
                (p[0] * c + p[1] * s - fitted.rho).abs() <= REFINE_OUTLIER
            })
            .collect();
        let refit = fit_line(&kept, n).unwrap_or(fitted);
        Some(Line {
            votes: line.votes,
            border: None,
            ..refit
        })
    }
}

/// 3×3 Sobel gradients (x right, y down) of an interleaved RGB `w`×`h` image, edges
/// replicated like imageproc's `filter_clamped`. Each pixel keeps the gradient of the channel
/// with the largest magnitude (the usual colour extension of Canny: the edge is where any
/// channel steps most, and its sign and direction are that channel's).
fn colour_sobel(px: &[u8], w: usize, h: usize) -> (Vec<f32>, Vec<f32>) {
    let mut gx = vec![0f32; w * h];
    let mut gy = vec![0f32; w * h];
    let at =
        |x: usize, y: usize, c: usize| f32::from(px.get(3 * (y * w + x) + c).copied().unwrap_or(0));
    // The strongest channel's gradient from the 3×3 neighbourhood `n` (rows top, middle,
    // bottom; columns left, centre, right).
    let strongest = |n: &dyn Fn(usize, usize, usize) -> f32| {
        let (mut best_x, mut best_y, mut best_m) = (0f32, 0f32, -1f32);
        for c in 0..3 {
            let sx = (n(0, 2, c) + 2.0 * n(1, 2, c) + n(2, 2, c))
                - (n(0, 0, c) + 2.0 * n(1, 0, c) + n(2, 0, c));
            let sy = (n(2, 0, c) + 2.0 * n(2, 1, c) + n(2, 2, c))
                - (n(0, 0, c) + 2.0 * n(0, 1, c) + n(0, 2, c));
            let m = sx * sx + sy * sy;
            if m > best_m {
                (best_x, best_y, best_m) = (sx, sy, m);
            }
        }
        (best_x, best_y)
    };
    let row_bytes = 3 * w;
    for y in 0..h {
        let (ym, yp) = (y.saturating_sub(1), (y + 1).min(h - 1));
        let (Some(r0), Some(r1), Some(r2)) = (
            px.get(ym * row_bytes..(ym + 1) * row_bytes),
            px.get(y * row_bytes..(y + 1) * row_bytes),
            px.get(yp * row_bytes..(yp + 1) * row_bytes),
        ) else {
            continue;
        };
        let (Some(gx_row), Some(gy_row)) = (
            gx.get_mut(y * w..(y + 1) * w),
            gy.get_mut(y * w..(y + 1) * w),
        ) else {
            continue;
        };
        // Interior columns: three 9-byte windows (pixels x−1, x, x+1), no bounds checks.
        let interior = r0
            .windows(9)
            .step_by(3)
            .zip(r1.windows(9).step_by(3))
            .zip(r2.windows(9).step_by(3));
        for (((a, b), c), (ox, oy)) in interior.zip(
            gx_row
                .iter_mut()
                .skip(1)
                .zip(gy_row.iter_mut().skip(1))
                .take(w.saturating_sub(2)),
        ) {
            let rows = [a, b, c];
            let n = |r: usize, col: usize, ch: usize| {
                f32::from(
                    rows[r.min(2)]
                        .get(3 * col.min(2) + ch)
                        .copied()
                        .unwrap_or(0),
                )
            };
            (*ox, *oy) = strongest(&n);
        }
        // The first and last columns replicate the edge pixel, like imageproc's
        // `filter_clamped`.
        for x in [0, w - 1] {
            let (xm, xp) = (x.saturating_sub(1), (x + 1).min(w - 1));
            let (cols, rws) = ([xm, x, xp], [ym, y, yp]);
            let n = |r: usize, col: usize, ch: usize| at(cols[col.min(2)], rws[r.min(2)], ch);
            let g = strongest(&n);
            if let (Some(ox), Some(oy)) = (gx_row.get_mut(x), gy_row.get_mut(x)) {
                (*ox, *oy) = g;
            }
        }
    }
    (gx, gy)
}

/// Median gradient magnitude.
fn median_magnitude(mags: &[f32]) -> f32 {
    let mut v = mags.to_vec();
    if v.is_empty() {
        return 0.0;
    }
    let mid = v.len() / 2;
    let (_, &mut m, _) = v.select_nth_unstable_by(mid, f32::total_cmp);
    m
}

/// Canny's thinning and hysteresis: a pixel is an edge when its magnitude is not below either
/// neighbour along its gradient direction (quantised to 0/45/90/135°), and it is at least
/// `high` or 8-connected through such pixels of at least `low` to one that is.
fn non_max_hysteresis(
    mags: &[f32],
    gx: &[f32],
    gy: &[f32],
    w: usize,
    h: usize,
    low: f32,
    high: f32,
) -> Vec<bool> {
    // tan(22.5°) and tan(67.5°).
    const T1: f32 = 0.414_213_57;
    const T2: f32 = 2.414_213_6;
    let m = |x: usize, y: usize| mags.get(y * w + x).copied().unwrap_or(0.0);
    let mut thin = vec![0f32; w * h];
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let i = y * w + x;
            let (Some(&g), Some(&dx), Some(&dy)) = (mags.get(i), gx.get(i), gy.get(i)) else {
                continue;
            };
            if g < low {
                continue;
            }
            let (ax, ay) = (dx.abs(), dy.abs());
            let (n1, n2) = if ay <= T1 * ax {
                (m(x - 1, y), m(x + 1, y))
            } else if ay >= T2 * ax {
                (m(x, y - 1), m(x, y + 1))
            } else if (dx > 0.0) == (dy > 0.0) {
                (m(x + 1, y + 1), m(x - 1, y - 1))
            } else {
                (m(x - 1, y + 1), m(x + 1, y - 1))
            };
            if g >= n1
                && g >= n2
                && let Some(t) = thin.get_mut(i)
            {
                *t = g;
            }
        }
    }
    let mut out = vec![false; w * h];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let i = y * w + x;
            if thin.get(i).is_none_or(|&t| t < high) || out.get(i).is_none_or(|&o| o) {
                continue;
            }
            if let Some(o) = out.get_mut(i) {
                *o = true;
            }
            stack.push((x, y));
            while let Some((cx, cy)) = stack.pop() {
                // The neighbours imageproc's hysteresis follows (the edge map, and so every
                // threshold tuned on it, stays the same).
                for (nx, ny) in [
                    (cx + 1, cy),
                    (cx + 1, cy + 1),
                    (cx, cy + 1),
                    (cx - 1, cy - 1),
                    (cx - 1, cy),
                    (cx - 1, cy + 1),
                ] {
                    if nx == 0 || ny == 0 || nx + 1 >= w || ny + 1 >= h {
                        continue;
                    }
                    let j = ny * w + nx;
                    if thin.get(j).is_some_and(|&t| t >= low)
                        && let Some(o) = out.get_mut(j)
                        && !*o
                    {
                        *o = true;
                        stack.push((nx, ny));
                    }
                }
            }
        }
    }
    out
}

/// Edge support along one line: prefix sums over 1-pixel steps of "inside the image" and
/// "an edge oriented like the line lies within `SUPPORT_RADIUS`", so any segment's support
/// costs O(1).
struct Profile {
    origin: [f64; 2],
    dir: (f64, f64),
    offset: f64,
    visible: Vec<u32>,
    supported: Vec<u32>,
}

impl Profile {
    /// Supported pixels over the whole line.
    fn total_supported(&self) -> f64 {
        f64::from(self.supported.last().copied().unwrap_or(0))
    }

    /// Supported pixels on the segment a→b of the line (its whole length, ends included).
    fn supported_between(&self, a: [f64; 2], b: [f64; 2]) -> f64 {
        let t = |p: [f64; 2]| {
            (p[0] - self.origin[0]) * self.dir.0 + (p[1] - self.origin[1]) * self.dir.1
        };
        let (ta, tb) = (t(a), t(b));
        let n = self.supported.len().saturating_sub(1) as f64;
        let k0 = (ta.min(tb) + self.offset).floor().clamp(0.0, n) as usize;
        let k1 = (ta.max(tb) + self.offset).ceil().clamp(0.0, n) as usize;
        match (self.supported.get(k0), self.supported.get(k1)) {
            (Some(x0), Some(x1)) => f64::from(x1.saturating_sub(*x0)),
            _ => 0.0,
        }
    }

    /// Fraction of the visible middle part of segment a→b (both on the line) backed by an edge,
    /// and the visible length in pixels.
    fn support(&self, a: [f64; 2], b: [f64; 2]) -> (f64, f64) {
        let ta = (a[0] - self.origin[0]) * self.dir.0 + (a[1] - self.origin[1]) * self.dir.1;
        let tb = (b[0] - self.origin[0]) * self.dir.0 + (b[1] - self.origin[1]) * self.dir.1;
        let (lo, hi) = (ta.min(tb), ta.max(tb));
        let skip = (hi - lo) * SIDE_END_SKIP;
        let n = self.visible.len().saturating_sub(1) as f64;
        let k0 = (lo + skip + self.offset).round().clamp(0.0, n) as usize;
        let k1 = (hi - skip + self.offset).round().clamp(0.0, n) as usize;
        if k1 <= k0 {
            return (0.0, 0.0);
        }
        let count = |v: &[u32]| {
            let (Some(x0), Some(x1)) = (v.get(k0), v.get(k1)) else {
                return 0;
            };
            x1.saturating_sub(*x0)
        };
        let vis = count(&self.visible);
        if vis == 0 {
            return (0.0, 0.0);
        }
        (
            f64::from(count(&self.supported)) / f64::from(vis),
            f64::from(vis),
        )
    }
}

/// Total-least-squares line through `pts`, its normal oriented like `n`.
fn fit_line(pts: &[[f64; 2]], n: (f64, f64)) -> Option<Line> {
    if pts.len() < REFINE_MIN_POINTS {
        return None;
    }
    let k = pts.len() as f64;
    let mx = pts.iter().map(|p| p[0]).sum::<f64>() / k;
    let my = pts.iter().map(|p| p[1]).sum::<f64>() / k;
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for p in pts {
        let (dx, dy) = (p[0] - mx, p[1] - my);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // Direction of the principal axis; the normal is perpendicular.
    let dir = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (mut c, mut s) = (-dir.sin(), dir.cos());
    if c * n.0 + s * n.1 < 0.0 {
        c = -c;
        s = -s;
    }
    let theta = s.atan2(c).to_degrees();
    let rho = mx * c + my * s;
    (theta.is_finite() && rho.is_finite()).then_some(Line {
        theta_deg: theta,
        rho,
        votes: 0,
        border: None,
    })
}

/// One candidate outline on the working copy: sides `lines[i]` from `corners[i]` to
/// `corners[i + 1]`.
#[derive(Clone, Debug)]
struct Quad {
    lines: [Line; 4],
    corners: [[f64; 2]; 4],
    score: f64,
    confidence: f64,
}

fn build_quad(lines: [Line; 4]) -> Option<[[f64; 2]; 4]> {
    let [a1, b2, a2, b1] = lines;
    Some([
        b1.intersect(&a1)?,
        a1.intersect(&b2)?,
        b2.intersect(&a2)?,
        a2.intersect(&b1)?,
    ])
}

fn polygon_area(c: &[[f64; 2]; 4]) -> f64 {
    let mut s = 0.0;
    for i in 0..4 {
        let (p, q) = (c[i], c[(i + 1) % 4]);
        s += p[0] * q[1] - q[0] * p[1];
    }
    0.5 * s
}

fn is_convex(c: &[[f64; 2]; 4]) -> bool {
    let mut sign = 0.0;
    for i in 0..4 {
        let (p, q, r) = (c[i], c[(i + 1) % 4], c[(i + 2) % 4]);
        let cross = (q[0] - p[0]) * (r[1] - q[1]) - (q[1] - p[1]) * (r[0] - q[0]);
        if cross.abs() < 1e-9 {
            return false;
        }
        if sign == 0.0 {
            sign = cross.signum();
        } else if cross.signum() != sign {
            return false;
        }
    }
    true
}

fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Long / short side ratio of a quadrilateral (sums of opposite sides), ≥ 1; infinite for a
/// degenerate one.
fn aspect(c: &[[f64; 2]; 4]) -> f64 {
    let l: [f64; 4] = std::array::from_fn(|i| dist(c[i], c[(i + 1) % 4]));
    let (ab, cd) = (l[0] + l[2], l[1] + l[3]);
    if ab <= 0.0 || cd <= 0.0 {
        return f64::INFINITY;
    }
    (ab / cd).max(cd / ab)
}

/// How ID-1-like the outline's shape is: 1 at 85.6 : 53.98, falling off with the log ratio.
fn aspect_prior(c: &[[f64; 2]; 4]) -> f64 {
    (-((aspect(c) / ID1_ASPECT).ln() / ASPECT_PRIOR_WIDTH).powi(2)).exp()
}

/// Score a candidate; `None` when its shape cannot be a card.
fn score_quad(map: &EdgeMap, lines: [Line; 4], profiles: [Option<&Profile>; 4]) -> Option<Quad> {
    let corners = build_quad(lines)?;
    let (w, h) = (map.w as f64, map.h as f64);
    let out_x = w * MAX_OUTSIDE_FRACTION;
    let out_y = h * MAX_OUTSIDE_FRACTION;
    if corners
        .iter()
        .any(|p| p[0] < -out_x || p[1] < -out_y || p[0] > w + out_x || p[1] > h + out_y)
    {
        return None;
    }
    if !is_convex(&corners) {
        return None;
    }
    let area = polygon_area(&corners).abs();
    if area < MIN_AREA_FRACTION * w * h {
        return None;
    }
    if !(MIN_ASPECT..=MAX_ASPECT).contains(&aspect(&corners)) {
        return None;
    }
    let (mut supported, mut visible, mut min_cov, mut factor) = (0.0, 0.0, 1.0f64, 1.0);
    for i in 0..4 {
        let Some(profile) = profiles[i] else {
            factor *= BORDER_SIDE_FACTOR;
            continue;
        };
        let (cov, vis) = profile.support(corners[i], corners[(i + 1) % 4]);
        if vis < 4.0 {
            // A side we cannot see cannot be the side we detected.
            return None;
        }
        supported += cov * vis;
        visible += vis;
        min_cov = min_cov.min(cov);
    }
    if visible <= 0.0 {
        return None;
    }
    let confidence = supported / visible;
    let prior = aspect_prior(&corners);
    let score = supported
        * confidence
        * (MIN_SIDE_WEIGHT + (1.0 - MIN_SIDE_WEIGHT) * min_cov)
        * prior
        * factor;
    Some(Quad {
        lines,
        corners,
        score,
        confidence,
    })
}

/// Two lines that could be opposite sides of a card.
#[derive(Clone, Copy, Debug)]
struct Pair {
    /// Upper bound on the supported length of any quadrilateral using the pair.
    bound: f64,
    a: usize,
    b: usize,
    /// Distance between the lines near the image centre, in pixels.
    sep: f64,
}

/// The detected lines plus the frame's four sides, their support profiles, and every pair of
/// roughly parallel lines far enough apart to be opposite sides, largest support first.
struct Candidates<'a> {
    map: &'a EdgeMap,
    lines: Vec<Line>,
    profiles: Vec<Option<Profile>>,
    pairs: Vec<Pair>,
}

impl<'a> Candidates<'a> {
    fn new(map: &'a EdgeMap, mut lines: Vec<Line>) -> Candidates<'a> {
        let (w, h) = (map.w as f64, map.h as f64);
        lines.extend(
            [
                (0.0, 0.0, Border::Left),
                (0.0, w - 1.0, Border::Right),
                (90.0, 0.0, Border::Top),
                (90.0, h - 1.0, Border::Bottom),
            ]
            .map(|(theta_deg, rho, b)| Line {
                theta_deg,
                rho,
                votes: 0,
                border: Some(b),
            }),
        );
        let profiles: Vec<Option<Profile>> = lines
            .iter()
            .map(|l| l.border.is_none().then(|| map.profile(l)))
            .collect();
        let min_sep = MIN_SEPARATION_FRACTION * w.min(h);
        let centre = [w / 2.0, h / 2.0];
        let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
        for (i, a) in lines.iter().enumerate() {
            for (j, b) in lines.iter().enumerate().skip(i + 1) {
                if a.border.is_some() && b.border.is_some() {
                    continue;
                }
                if angle_between(a.theta_deg, b.theta_deg) > MAX_OPPOSITE_DEG {
                    continue;
                }
                // Distance between the lines, measured near the middle of the image.
                let (ca, sa) = a.normal();
                let (cb, sb) = b.normal();
                let da = centre[0] * ca + centre[1] * sa - a.rho;
                let db = centre[0] * cb + centre[1] * sb - b.rho;
                let same = ca * cb + sa * sb >= 0.0;
                let sep = if same {
                    (da - db).abs()
                } else {
                    (da + db).abs()
                };
                if sep >= min_sep {
                    pairs.push((i, j, sep));
                }
            }
        }
        // A quad's score is at most its supported length, which is at most the sum of its
        // lines' supported pixels over their whole length: visiting pairs by that bound,
        // largest first, lets the search stop once no remaining combination can beat the best.
        let cap = |i: usize| {
            profiles
                .get(i)
                .and_then(Option::as_ref)
                .map_or(0.0, Profile::total_supported)
        };
        let mut pairs: Vec<Pair> = pairs
            .into_iter()
            .map(|(a, b, sep)| Pair {
                bound: cap(a) + cap(b),
                a,
                b,
                sep,
            })
            .collect();
        pairs.sort_by(|p, q| q.bound.total_cmp(&p.bound));
        Candidates {
            map,
            lines,
            profiles,
            pairs,
        }
    }

    /// The best-scoring quadrilateral whose confidence reaches `min_confidence` and which
    /// `accept` lets through.
    fn best(&self, min_confidence: f64, accept: impl Fn(&Quad) -> bool) -> Option<Quad> {
        self.best_of(&self.pairs, min_confidence, accept)
    }

    /// [`Candidates::best`] over `pairs` (sorted by their bound, largest first).
    fn best_of(
        &self,
        pairs: &[Pair],
        min_confidence: f64,
        accept: impl Fn(&Quad) -> bool,
    ) -> Option<Quad> {
        let line = |i: usize| self.lines.get(i).copied();
        let profile = |i: usize| self.profiles.get(i).and_then(Option::as_ref);
        let mut best: Option<Quad> = None;
        for (k, p) in pairs.iter().enumerate() {
            let (ub_a, a1, a2) = (p.bound, p.a, p.b);
            let best_score = best.as_ref().map_or(0.0, |b| b.score);
            if pairs
                .get(k + 1)
                .is_none_or(|q| ub_a + q.bound <= best_score)
            {
                break;
            }
            for q in pairs.iter().skip(k + 1) {
                let (ub_b, b1, b2) = (q.bound, q.a, q.b);
                if ub_a + ub_b <= best.as_ref().map_or(0.0, |b| b.score) {
                    break;
                }
                let (Some(la1), Some(la2), Some(lb1), Some(lb2)) =
                    (line(a1), line(a2), line(b1), line(b2))
                else {
                    continue;
                };
                let cross = [(la1, lb1), (la1, lb2), (la2, lb1), (la2, lb2)];
                if cross
                    .iter()
                    .any(|(p, q)| angle_between(p.theta_deg, q.theta_deg) < MIN_ADJACENT_DEG)
                {
                    continue;
                }
                let borders = [la1, la2, lb1, lb2]
                    .iter()
                    .filter(|l| l.border.is_some())
                    .count();
                if borders > 2 {
                    continue;
                }
                let Some(q) = score_quad(
                    self.map,
                    [la1, lb2, la2, lb1],
                    [profile(a1), profile(b2), profile(a2), profile(b1)],
                ) else {
                    continue;
                };
                // An outline that would be rejected as not found must not hide a weaker-scoring
                // one that would not (a small card beside long grain lines).
                if q.confidence >= min_confidence
                    && best.as_ref().is_none_or(|b| q.score > b.score)
                    && accept(&q)
                {
                    best = Some(q);
                }
            }
        }
        best
    }
}

/// The card itself when the best outline is something card-shaped around it: a photo's frame
/// in a screenshot of a chat, a wallet or a book the card lies on. An inner outline wins when
/// it lies inside the outer one, is clearly smaller, shares at most one side with it, is
/// ID-1-shaped (`INNER_MIN_PRIOR`) and backed all round (`INNER_MIN_CONFIDENCE`). Printed
/// rectangles on a card (the portrait, the MRZ zone, the area under a header band) fail the
/// shape or the shared-side test.
fn inner_card(candidates: &Candidates, small: &RgbImage, outer: &Quad) -> Option<Quad> {
    let outer_area = polygon_area(&outer.corners).abs();
    let orient = polygon_area(&outer.corners).signum();
    let inside = |p: [f64; 2]| {
        (0..4).all(|i| {
            let (a, b) = (outer.corners[i], outer.corners[(i + 1) % 4]);
            let len = dist(a, b).max(1e-9);
            let cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
            orient * cross / len >= -INNER_TOLERANCE_PX
        })
    };
    // Only the part of each line inside the outer outline can back an inner one: bounding the
    // search by that keeps it from visiting every pair of lines (~100 ms otherwise).
    let caps: Vec<f64> = candidates
        .lines
        .iter()
        .zip(&candidates.profiles)
        .map(|(line, profile)| match (line.border, profile) {
            (None, Some(profile)) => clip_to_quad(line, &outer.corners)
                .map_or(0.0, |(a, b)| profile.supported_between(a, b)),
            _ => 0.0,
        })
        .collect();
    let cap = |i: usize| caps.get(i).copied().unwrap_or(0.0);
    // The inner card's short side is at least this long.
    let min_sep = (INNER_MIN_AREA * polygon_area(&outer.corners).abs() / MAX_ASPECT).sqrt();
    let mut pairs: Vec<Pair> = candidates
        .pairs
        .iter()
        // A side backed over most of its length inside the outer outline is at least about
        // half that long there.
        .filter(|p| p.sep >= min_sep && cap(p.a).min(cap(p.b)) >= 0.5 * min_sep)
        .map(|p| Pair {
            bound: cap(p.a) + cap(p.b),
            ..*p
        })
        .collect();
    pairs.sort_by(|p, q| q.bound.total_cmp(&p.bound));
    candidates.best_of(&pairs, INNER_MIN_CONFIDENCE, |q| {
        let area = polygon_area(&q.corners).abs();
        // A side lying along one of the outer outline's sides (the same line detected twice
        // counts too).
        let shared = (0..4)
            .filter(|&i| {
                let (a, b) = (q.corners[i], q.corners[(i + 1) % 4]);
                outer.lines.iter().any(|o| {
                    let (c, s) = o.normal();
                    let off = |p: [f64; 2]| (p[0] * c + p[1] * s - o.rho).abs();
                    q.lines
                        .get(i)
                        .is_some_and(|l| angle_between(l.theta_deg, o.theta_deg) <= SAME_LINE_DEG)
                        && off(a) <= INNER_TOLERANCE_PX
                        && off(b) <= INNER_TOLERANCE_PX
                })
            })
            .count();
        q.lines.iter().all(|l| l.border.is_none())
            && shared <= 1
            && (INNER_MIN_AREA..=INNER_MAX_AREA).contains(&(area / outer_area.max(1e-9)))
            && aspect_prior(&q.corners) >= INNER_MIN_PRIOR
            && q.corners.iter().all(|&p| inside(p))
            && lies_on_one_background(small, &q.corners)
    })
}

/// The part of `line` inside the convex quadrilateral `c` (a segment), if any.
fn clip_to_quad(line: &Line, c: &[[f64; 2]; 4]) -> Option<([f64; 2], [f64; 2])> {
    let n = line.normal();
    let d = (-n.1, n.0);
    let origin = [line.rho * n.0, line.rho * n.1];
    let orient = polygon_area(c).signum();
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for i in 0..4 {
        let (a, b) = (c[i], c[(i + 1) % 4]);
        // Inside is where orient × cross(b − a, p − a) ≥ 0; along the line that is
        // k0 + k1·t ≥ 0.
        let e = [b[0] - a[0], b[1] - a[1]];
        let k0 = orient * (e[0] * (origin[1] - a[1]) - e[1] * (origin[0] - a[0]));
        let k1 = orient * (e[0] * d.1 - e[1] * d.0);
        if k1.abs() < 1e-12 {
            if k0 < 0.0 {
                return None;
            }
        } else if k1 > 0.0 {
            lo = lo.max(-k0 / k1);
        } else {
            hi = hi.min(-k0 / k1);
        }
    }
    (lo.is_finite() && hi.is_finite() && hi > lo).then(|| {
        (
            [origin[0] + lo * d.0, origin[1] + lo * d.1],
            [origin[0] + hi * d.0, origin[1] + hi * d.1],
        )
    })
}

/// Does the outline look like a card lying on something? The strip just outside each side
/// must be the same colour all round (one background; a rectangle printed on a card, such as
/// the portrait's frame or the field block under a header band, has a different neighbour on
/// each side), and on every side it must differ from the strip just inside (the card's edge
/// is a step from card to background all round, not a line printed within one colour).
fn lies_on_one_background(small: &RgbImage, corners: &[[f64; 2]; 4]) -> bool {
    let centre = [
        corners.iter().map(|p| p[0]).sum::<f64>() / 4.0,
        corners.iter().map(|p| p[1]).sum::<f64>() / 4.0,
    ];
    let distance = |p: &[f64; 3], q: &[f64; 3]| {
        p.iter()
            .zip(q)
            .map(|(x, y)| (x - y).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let mut outside: Vec<[f64; 3]> = Vec::with_capacity(4);
    for i in 0..4 {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        let len = dist(a, b).max(1e-9);
        let mut n = [(b[1] - a[1]) / len, -(b[0] - a[0]) / len];
        let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
        if (mid[0] - centre[0]) * n[0] + (mid[1] - centre[1]) * n[1] < 0.0 {
            n = [-n[0], -n[1]];
        }
        // Mean colour of the strip at `sign` × SURROUND_STRIP_PX from the side.
        let strip = |sign: f64| -> Option<[f64; 3]> {
            let (mut sum, mut count) = ([0.0; 3], 0.0);
            let steps = len.ceil() as usize;
            for k in 0..=steps {
                let t =
                    SIDE_END_SKIP + (1.0 - 2.0 * SIDE_END_SKIP) * k as f64 / steps.max(1) as f64;
                for off in SURROUND_STRIP_PX {
                    let x = a[0] + t * (b[0] - a[0]) + sign * off * n[0];
                    let y = a[1] + t * (b[1] - a[1]) + sign * off * n[1];
                    if x < 0.0 || y < 0.0 {
                        continue;
                    }
                    if let Some(px) = small.get_pixel_checked(x as u32, y as u32) {
                        for (s, v) in sum.iter_mut().zip(px.0) {
                            *s += f64::from(v);
                        }
                        count += 1.0;
                    }
                }
            }
            (count >= 4.0).then(|| sum.map(|s| s / count))
        };
        let (Some(out), Some(inside)) = (strip(1.0), strip(-1.0)) else {
            return false;
        };
        if distance(&out, &inside) < SURROUND_MIN_STEP {
            return false;
        }
        outside.push(out);
    }
    outside.iter().enumerate().all(|(i, p)| {
        outside
            .iter()
            .skip(i + 1)
            .all(|q| distance(p, q) <= SURROUND_MAX_DIFF)
    })
}

/// Move sides outwards to a weaker parallel edge when that makes the outline more card-shaped
/// (see `EXTEND_MAX_FRACTION`).
fn extend_quad(map: &EdgeMap, quad: &Quad) -> Quad {
    let mut lines = quad.lines;
    let mut corners = quad.corners;
    let log_aspect = |c: &[[f64; 2]; 4]| (aspect(c) / ID1_ASPECT).ln().abs();
    let centre = [
        corners.iter().map(|p| p[0]).sum::<f64>() / 4.0,
        corners.iter().map(|p| p[1]).sum::<f64>() / 4.0,
    ];
    let mut adjacent_profiles = lines.map(|l| l.border.is_none().then(|| map.profile(&l)));
    for i in 0..4 {
        let line = lines[i];
        if line.border.is_some() {
            continue;
        }
        let n = line.normal();
        // Outwards: away from the centre.
        let out = if centre[0] * n.0 + centre[1] * n.1 - line.rho < 0.0 {
            1.0
        } else {
            -1.0
        };
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        let adjacent = 0.5 * (dist(corners[(i + 3) % 4], a) + dist(b, corners[(i + 2) % 4]));
        let before = log_aspect(&corners);
        let mut best: Option<(f64, Line, [[f64; 2]; 4])> = None;
        let max_off = (adjacent * EXTEND_MAX_FRACTION).ceil() as i64;
        for off in 3..=max_off {
            let o = off as f64 * out;
            let moved = Line {
                rho: line.rho + o,
                ..line
            };
            let mut cand = lines;
            cand[i] = moved;
            let Some(c) = build_quad(cand) else { continue };
            let sup = map.cross_support(c[i], c[(i + 1) % 4], n);
            if sup < EXTEND_MIN_SUPPORT || !(MIN_ASPECT..=MAX_ASPECT).contains(&aspect(&c)) {
                continue;
            }
            // The two adjacent sides run on from the old corners towards the new ones: the
            // old side was a line across the card (a header band's inner edge), not its end.
            // Only the first part of the way is checked: the card's rounded corner takes the
            // rest.
            // …as strongly as along the side itself (a faint grain line lying in the
            // continuation of a card's edge is not the edge running on).
            let runs_on = [
                ((i + 3) % 4, a, c[i], corners[(i + 3) % 4]),
                ((i + 1) % 4, b, c[(i + 1) % 4], corners[(i + 2) % 4]),
            ]
            .iter()
            .all(|&(k, from, to, other_end)| {
                let part = [
                    from[0] + EXTEND_RUN_ON_PART * (to[0] - from[0]),
                    from[1] + EXTEND_RUN_ON_PART * (to[1] - from[1]),
                ];
                let Some(profile) = adjacent_profiles.get(k).and_then(Option::as_ref) else {
                    return false;
                };
                let (support, seen) = profile.support(from, part);
                let normal = lines[k].normal();
                seen >= 4.0
                    && support >= EXTEND_RUN_ON_MIN
                    && map.mean_cross(from, part, normal)
                        >= EXTEND_RUN_ON_STRENGTH * map.mean_cross(other_end, from, normal)
            });
            if !runs_on && log_aspect(&c) > before - EXTEND_MIN_GAIN {
                continue;
            }
            if best.as_ref().is_none_or(|(s, _, _)| sup > *s) {
                best = Some((sup, moved, c));
            }
        }
        if let Some((_, moved, c)) = best {
            lines[i] = moved;
            corners = c;
            adjacent_profiles[i] = Some(map.profile(&moved));
        }
    }
    Quad {
        lines,
        corners,
        ..quad.clone()
    }
}

/// The projective map of the unit square onto the quadrilateral `p` ((0,0)→p0, (1,0)→p1,
/// (1,1)→p2, (0,1)→p3; Heckbert's square-to-quad), as a function of (u, v).
fn square_to_quad(p: &[[f64; 2]; 4]) -> Option<impl Fn(f64, f64) -> [f64; 2]> {
    let [p0, p1, p2, p3] = *p;
    let sx = p0[0] - p1[0] + p2[0] - p3[0];
    let sy = p0[1] - p1[1] + p2[1] - p3[1];
    let (dx1, dx2) = (p1[0] - p2[0], p3[0] - p2[0]);
    let (dy1, dy2) = (p1[1] - p2[1], p3[1] - p2[1]);
    let den = dx1 * dy2 - dx2 * dy1;
    if den.abs() < 1e-9 {
        return None;
    }
    let g = (sx * dy2 - dx2 * sy) / den;
    let h = (dx1 * sy - sx * dy1) / den;
    let a = p1[0] - p0[0] + g * p1[0];
    let b = p3[0] - p0[0] + h * p3[0];
    let d = p1[1] - p0[1] + g * p1[1];
    let e = p3[1] - p0[1] + h * p3[1];
    Some(move |u: f64, v: f64| {
        let w = g * u + h * v + 1.0;
        let w = if w.abs() < 1e-12 { 1e-12 } else { w };
        [(a * u + b * v + p0[0]) / w, (d * u + e * v + p0[1]) / w]
    })
}

/// Edge pixels per pixel of area inside the convex quadrilateral `c` (how much print it holds).
fn edge_density(map: &EdgeMap, c: &[[f64; 2]; 4]) -> f64 {
    let orient = polygon_area(c).signum();
    let xs = c.map(|p| p[0]);
    let ys = c.map(|p| p[1]);
    let lo = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min).max(0.0) as usize;
    let hi = |v: [f64; 4], n: usize| {
        (v.iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .ceil()
            .max(0.0) as usize)
            .min(n)
    };
    let (mut edges, mut area) = (0usize, 0usize);
    for y in lo(ys)..hi(ys, map.h) {
        for x in lo(xs)..hi(xs, map.w) {
            let q = [x as f64 + 0.5, y as f64 + 0.5];
            let inside = (0..4).all(|i| {
                let (a, b) = (c[i], c[(i + 1) % 4]);
                orient * ((b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0])) >= 0.0
            });
            if inside {
                area += 1;
                if map
                    .edge_dir
                    .get(y * map.w + x)
                    .is_some_and(|&d| d != NO_EDGE)
                {
                    edges += 1;
                }
            }
        }
    }
    edges as f64 / area.max(1) as f64
}

/// When the outline `c` is an open booklet (see `BOOKLET_ASPECT`): the data page, the half on
/// the side of the fold with more print (the portrait, the fields and the MRZ against a visa
/// page's stamps). `None` when `c` is not booklet-shaped or no fold crosses it.
fn data_page(map: &EdgeMap, c: &[[f64; 2]; 4]) -> Option<[[f64; 2]; 4]> {
    if !(BOOKLET_ASPECT.0..=BOOKLET_ASPECT.1).contains(&aspect(c)) {
        return None;
    }
    let len = |i: usize| dist(c[i], c[(i + 1) % 4]);
    // Start so that sides 0 and 2 of `p` are the long ones; the fold runs from side 0 to side 2.
    let start = if len(0) + len(2) >= len(1) + len(3) {
        0
    } else {
        1
    };
    let p: [[f64; 2]; 4] = std::array::from_fn(|i| c[(i + start) % 4]);
    let at = square_to_quad(&p)?;
    let mut best: Option<(f64, f64)> = None;
    for k in 0..=2 * FOLD_STEPS {
        let t = 0.5 + FOLD_SEARCH * (k as f64 / FOLD_STEPS as f64 - 1.0);
        let (a, b) = (at(t, 0.0), at(t, 1.0));
        let l = dist(a, b).max(1e-9);
        let n = (-(b[1] - a[1]) / l, (b[0] - a[0]) / l);
        let support = map.cross_support(a, b, n);
        if best.is_none_or(|(s, _)| support > s) {
            best = Some((support, t));
        }
    }
    let (support, t) = best?;
    if support < FOLD_MIN_SUPPORT {
        return None;
    }
    let (f0, f1) = (at(t, 0.0), at(t, 1.0));
    let first = [p[0], f0, f1, p[3]];
    let second = [f0, p[1], p[2], f1];
    Some(if edge_density(map, &first) >= edge_density(map, &second) {
        first
    } else {
        second
    })
}

/// Refine each detected (non-border) side twice, then recompute the corners.
fn refine_quad(map: &EdgeMap, quad: &Quad) -> [Line; 4] {
    let mut lines = quad.lines;
    let mut corners = quad.corners;
    for radius in REFINE_RADII {
        let mut next = lines;
        for (i, slot) in next.iter_mut().enumerate() {
            if lines[i].border.is_some() {
                continue;
            }
            if let Some(r) = map.refine(corners[i], corners[(i + 1) % 4], &lines[i], radius) {
                *slot = r;
            }
        }
        match build_quad(next) {
            Some(c) if is_convex(&c) => {
                lines = next;
                corners = c;
            }
            _ => break,
        }
    }
    lines
}

/// Resize `rgb` so its long side is at most `long_side`.
fn working_copy(rgb: &RgbImage, long_side: u32) -> Option<RgbImage> {
    let (w, h) = rgb.dimensions();
    let long = w.max(h);
    if long <= long_side {
        return Some(rgb.clone());
    }
    let scale = f64::from(long_side) / f64::from(long);
    let nw = (f64::from(w) * scale).round().max(1.0) as u32;
    let nh = (f64::from(h) * scale).round().max(1.0) as u32;
    let mut dst = RgbImage::new(nw, nh);
    // A large photo (a 12 MP one is ~6× the working copy) is first sampled down to twice the
    // working size, then filtered: a full bilinear convolution over 12 MP cost ~5 ms.
    let alg = if long > SUPERSAMPLE_ABOVE * long_side {
        ResizeAlg::SuperSampling(FilterType::Bilinear, 2)
    } else {
        ResizeAlg::Convolution(FilterType::CatmullRom)
    };
    let options = ResizeOptions::new().resize_alg(alg);
    match Resizer::new().resize(rgb, &mut dst, &options) {
        Ok(()) => Some(dst),
        Err(_) => Some(image::imageops::resize(
            rgb,
            nw,
            nh,
            image::imageops::FilterType::Triangle,
        )),
    }
}

/// The whole search; see the module documentation.
pub(crate) fn locate(rgb: &RgbImage, long_side: u32, min_confidence: f64) -> Option<Located> {
    let (full_w, full_h) = rgb.dimensions();
    if full_w.min(full_h) < MIN_WORK_SIDE {
        return None;
    }
    let small = working_copy(rgb, long_side.max(MIN_WORK_SIDE))?;
    if small.width().min(small.height()) < MIN_WORK_SIDE {
        return None;
    }
    let map = EdgeMap::build(&small)?;
    let lines = map.hough();
    let candidates = Candidates::new(&map, lines);
    let outer = candidates.best(min_confidence, |_| true)?;
    let quad = inner_card(&candidates, &small, &outer).unwrap_or(outer);
    let quad = extend_quad(&map, &quad);
    let lines = refine_quad(&map, &quad);
    let corners = build_quad(lines)?;
    // Re-measure the support on the refined outline: that is the confidence we report.
    let profiles = lines.map(|l| l.border.is_none().then(|| map.profile(&l)));
    let confidence = score_quad(&map, lines, profiles.each_ref().map(Option::as_ref))
        .map_or(quad.confidence, |q| q.confidence);
    let sx = f64::from(full_w) / small.width() as f64;
    let sy = f64::from(full_h) / small.height() as f64;
    let (fw, fh) = (f64::from(full_w), f64::from(full_h));
    let to_full = |c: [[f64; 2]; 4]| c.map(|p| [(p[0] + 0.5) * sx - 0.5, (p[1] + 0.5) * sy - 0.5]);
    // An open booklet: report its data page, and the booklet as the document held.
    if lines.iter().all(|l| l.border.is_none())
        && let Some(page) = data_page(&map, &corners)
    {
        let booklet = Located::from_quad(to_full(corners), [false; 4], fw, fh, confidence)?;
        let mut located = Located::from_quad(to_full(page), [false; 4], fw, fh, confidence)?;
        located.held_area_fraction = booklet.area_fraction;
        located.booklet = Some(booklet.corners);
        return Some(located);
    }
    let mut mapped: [[f64; 2]; 4] = to_full(corners);
    let mut clipped = [false; 4];
    for (i, line) in lines.iter().enumerate() {
        let Some(border) = line.border else { continue };
        clipped[i] = true;
        for k in [i, (i + 1) % 4] {
            if let Some(p) = mapped.get_mut(k) {
                match border {
                    Border::Left => p[0] = 0.0,
                    Border::Right => p[0] = fw,
                    Border::Top => p[1] = 0.0,
                    Border::Bottom => p[1] = fh,
                }
            }
        }
    }
    Located::from_quad(mapped, clipped, fw, fh, confidence)
}
