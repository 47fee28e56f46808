//! Finding the MRZ's text lines in an upright view of the document, then cutting one line into
//! character cells at the fixed OCR-B pitch.
//!
//! Coarse: a pixel is ink where it is darker than its neighbourhood; a row belongs to a long
//! line of text where ink starts (a stroke's left edge) in most of the stretches across it.
//! Rows like that in a run make a text line. Fine: the line is resampled from the full image at
//! 16 pixels per estimated pitch; its cap height and ink extent give the pitch exactly (the
//! MRZ's character count is known), and each cell's centre is pulled onto its glyph's ink.

use image::GrayImage;

use super::geom::{View, bilinear};
use super::model::{GLYPH_H, GLYPH_W};
use crate::policy::ReaderPolicy;

/// Strip resolution: pixels per pitch (the training script's `STRIP_PX_PER_PITCH`).
pub const STRIP_PX_PER_PITCH: f64 = 16.0;
/// Cell height in cap heights (the training script's `CELL_H`).
pub const CELL_H: f64 = 1.3;
/// Mean ink width of an OCR-B glyph as a fraction of the MRZ pitch (measured on the font):
/// the line's ink extent and character count give a first pitch.
const GLYPH_WIDTH_FRACTION: f64 = 0.6;
/// Stretches a row is divided into when looking for long text lines.
const SEGMENTS: usize = 32;

/// A line of text found in a view (view pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextLine {
    pub top: f64,
    pub bottom: f64,
    pub x0: f64,
    pub x1: f64,
}

impl TextLine {
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
    pub fn centre_y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

/// Long text lines in `img` (a rendered upright view), top to bottom.
pub fn find_lines(img: &GrayImage, policy: &ReaderPolicy) -> Vec<TextLine> {
    let (w, h) = (img.width() as usize, img.height() as usize);
    if w < SEGMENTS * 2 || h < 8 {
        return Vec::new();
    }
    let raw = img.as_raw();
    // Integral image for the local mean.
    let mut integral = vec![0u64; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u64;
        for x in 0..w {
            row += u64::from(raw.get(y * w + x).copied().unwrap_or(0));
            let above = integral.get(y * (w + 1) + x + 1).copied().unwrap_or(0);
            if let Some(slot) = integral.get_mut((y + 1) * (w + 1) + x + 1) {
                *slot = above + row;
            }
        }
    }
    let r = ((w.min(h) as f64 * policy.ink_window_fraction) as usize / 2).max(3);
    let sum = |x0: usize, y0: usize, x1: usize, y1: usize| -> u64 {
        let at = |x: usize, y: usize| integral.get(y * (w + 1) + x).copied().unwrap_or(0);
        (at(x1, y1) + at(x0, y0)).saturating_sub(at(x0, y1) + at(x1, y0))
    };
    let darker = 1.0 - policy.ink_contrast;
    let seg_w = w as f64 / SEGMENTS as f64;
    let min_run = (policy.min_line_fraction * SEGMENTS as f64).ceil() as usize;
    // Per row: the longest run of stretches where ink starts, and its extent.
    let mut rows: Vec<Option<(usize, usize)>> = vec![None; h];
    let mut ink_row = vec![false; w];
    for (y, row_slot) in rows.iter_mut().enumerate() {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for (x, ink) in ink_row.iter_mut().enumerate() {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let n = ((x1 - x0) * (y1 - y0)) as f64;
            let mean = sum(x0, y0, x1, y1) as f64 / n;
            let v = f64::from(raw.get(y * w + x).copied().unwrap_or(255));
            *ink = v < mean * darker && mean - v > policy.ink_min_difference;
        }
        let mut active = [0u16; SEGMENTS];
        // Ink touching the view's left edge is the outline's margin, not a stroke.
        let mut prev = true;
        for (x, &ink) in ink_row.iter().enumerate() {
            if ink && !prev {
                let s = ((x as f64 / seg_w) as usize).min(SEGMENTS - 1);
                if let Some(a) = active.get_mut(s) {
                    *a += 1;
                }
            }
            prev = ink;
        }
        let (mut best, mut start, mut run, mut starts, mut best_starts) =
            ((0, 0), 0, 0, 0u32, 0u32);
        for (s, &a) in active.iter().enumerate() {
            if a > 0 {
                if run == 0 {
                    start = s;
                    starts = 0;
                }
                run += 1;
                starts += u32::from(a);
                if run > best.1 - best.0 || (run == best.1 - best.0 && starts > best_starts) {
                    best = (start, s + 1);
                    best_starts = starts;
                }
            } else {
                run = 0;
            }
        }
        // A long line has a stroke starting about every pitch: at least one per stretch on average.
        if best.1 - best.0 >= min_run && f64::from(best_starts) >= (best.1 - best.0) as f64 {
            *row_slot = Some(best);
        }
    }
    // Runs of such rows are lines.
    let mut lines = Vec::new();
    let mut y = 0;
    while y < h {
        if rows.get(y).copied().flatten().is_none() {
            y += 1;
            continue;
        }
        let top = y;
        let (mut s0, mut s1) = (SEGMENTS, 0);
        let mut gap = 0;
        let mut bottom = y;
        while y < h && gap <= 1 {
            if let Some(Some((a, b))) = rows.get(y) {
                s0 = s0.min(*a);
                s1 = s1.max(*b);
                bottom = y;
                gap = 0;
            } else {
                gap += 1;
            }
            y += 1;
        }
        if bottom - top + 1 >= 3 {
            lines.push(TextLine {
                top: top as f64,
                bottom: (bottom + 1) as f64,
                x0: s0 as f64 * seg_w,
                x1: s1 as f64 * seg_w,
            });
        }
    }
    lines
}

/// One MRZ line cut into cells: a glyph bitmap per character, and where the line lies.
pub struct LineCells {
    pub glyphs: Vec<[f32; GLYPH_W * GLYPH_H]>,
    /// The line's outline in view pixels: left, top, right, bottom.
    pub extent: [f64; 4],
}

/// Resample `line` (found in `view`) from the full image and cut it into `n` cells.
pub fn cut_line(full: &GrayImage, view: &View, line: &TextLine, n: usize) -> Option<LineCells> {
    if n < 2 {
        return None;
    }
    let pitch = (line.x1 - line.x0) / (n as f64 - 1.0 + GLYPH_WIDTH_FRACTION);
    if !(pitch.is_finite() && pitch > 1.0) {
        return None;
    }
    let s = pitch / STRIP_PX_PER_PITCH;
    let x_start = line.x0 - 1.2 * pitch;
    let y_top = line.centre_y() - 1.45 * pitch;
    let sw = ((line.x1 - line.x0 + 2.4 * pitch) / s).ceil() as usize;
    let sh = (2.9 * pitch / s).ceil() as usize;
    if sw == 0 || sh == 0 || sw > 4096 || sh > 256 {
        return None;
    }
    // Shrinking from the full image: average a few samples over each strip pixel.
    let footprint = s * view.full_per_view();
    let k = (footprint.ceil() as usize).clamp(1, 3);
    let (vw, vh) = view.size();
    let mut strip = vec![0f32; sw * sh];
    for (j, row) in strip.chunks_exact_mut(sw).enumerate() {
        for (i, px) in row.iter_mut().enumerate() {
            let mut acc = 0.0;
            for a in 0..k {
                for b in 0..k {
                    let ox = ((a as f64 + 0.5) / k as f64 - 0.5) * s;
                    let oy = ((b as f64 + 0.5) / k as f64 - 0.5) * s;
                    let vx = x_start + (i as f64 + 0.5) * s + ox;
                    let vy = y_top + (j as f64 + 0.5) * s + oy;
                    // Beyond the document's outline is the table: count it as paper.
                    if vx < 0.0 || vy < 0.0 || vx > vw || vy > vh {
                        acc += 255.0;
                        continue;
                    }
                    let (fx, fy) = view.to_full(vx, vy);
                    acc += bilinear(full, fx, fy);
                }
            }
            *px = acc / (k * k) as f32;
        }
    }
    // Paper and ink levels of the strip; ink scaled to 0..1.
    let mut sorted = strip.clone();
    sorted.sort_by(f32::total_cmp);
    let pct = |p: f64| -> f32 {
        let i = ((sorted.len() - 1) as f64 * p).round() as usize;
        sorted.get(i).copied().unwrap_or(0.0)
    };
    let (paper, ink) = (pct(0.90), pct(0.03));
    let range = (paper - ink).max(1.0);
    let norm: Vec<f32> = strip
        .iter()
        .map(|&v| ((paper - v) / range).clamp(0.0, 1.0))
        .collect();
    let at = |x: usize, y: usize| norm.get(y * sw + x).copied().unwrap_or(0.0);

    // Cap height: the run of inked rows around the strip's middle.
    let (cx0, cx1) = (
        (1.2 * STRIP_PX_PER_PITCH) as usize,
        sw.saturating_sub((1.2 * STRIP_PX_PER_PITCH) as usize),
    );
    let row_ink: Vec<f32> = (0..sh)
        .map(|y| (cx0..cx1).map(|x| at(x, y)).sum::<f32>())
        .collect();
    let mid = sh / 2;
    let peak = row_ink
        .iter()
        .enumerate()
        .skip(mid.saturating_sub(sh / 4))
        .take(sh / 2)
        .map(|(i, v)| (i, *v))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let thr = peak.1 * 0.25;
    if peak.1 <= 0.0 {
        return None;
    }
    let mut top = peak.0;
    while top > 0 && row_ink.get(top - 1).is_some_and(|&v| v >= thr) {
        top -= 1;
    }
    let mut bottom = peak.0;
    while row_ink.get(bottom + 1).is_some_and(|&v| v >= thr) {
        bottom += 1;
    }
    let cap = (bottom + 1 - top) as f64;
    let cy = (top + bottom + 1) as f64 / 2.0;
    if cap < 0.5 * STRIP_PX_PER_PITCH {
        return None;
    }

    // The pitch from the line's periodicity: the autocorrelation peak of the column ink.
    let col_ink: Vec<f32> = (0..sw)
        .map(|x| (top..=bottom).map(|y| at(x, y)).sum::<f32>())
        .collect();
    let mean = col_ink.iter().sum::<f32>() / col_ink.len().max(1) as f32;
    let centred: Vec<f64> = col_ink.iter().map(|&v| f64::from(v - mean)).collect();
    let autocorr = |lag: usize| -> f64 {
        centred
            .iter()
            .zip(centred.iter().skip(lag))
            .map(|(a, b)| a * b)
            .sum()
    };
    let (lo, hi) = (
        (0.7 * STRIP_PX_PER_PITCH) as usize,
        (1.4 * STRIP_PX_PER_PITCH) as usize,
    );
    let scores: Vec<(usize, f64)> = (lo - 1..=hi + 1).map(|l| (l, autocorr(l))).collect();
    let (best_i, _) = scores
        .iter()
        .enumerate()
        .skip(1)
        .take(scores.len().saturating_sub(2))
        .max_by(|a, b| a.1.1.total_cmp(&b.1.1))?;
    let (lag, r0) = *scores.get(best_i)?;
    let (rm, rp) = (scores.get(best_i - 1)?.1, scores.get(best_i + 1)?.1);
    let denom = rm - 2.0 * r0 + rp;
    let shift = if denom < 0.0 {
        (0.5 * (rm - rp) / denom).clamp(-0.5, 0.5)
    } else {
        0.0
    };
    let mut p = lag as f64 + shift;
    // Where the n cells lie: the window holding the most ink, with little in the cell just
    // before and just after it (the MRZ's ends).
    let mut prefix = vec![0f64; sw + 1];
    for (i, v) in col_ink.iter().enumerate() {
        let prev = prefix.get(i).copied().unwrap_or(0.0);
        if let Some(slot) = prefix.get_mut(i + 1) {
            *slot = prev + f64::from(*v);
        }
    }
    let cell = |c: f64| -> f64 {
        let a = (c - p / 2.0).clamp(0.0, sw as f64) as usize;
        let b = (c + p / 2.0).clamp(0.0, sw as f64) as usize;
        prefix.get(b).copied().unwrap_or(0.0) - prefix.get(a).copied().unwrap_or(0.0)
    };
    let span = (n as f64 - 1.0) * p;
    let mut best_a: Option<(f64, f64)> = None;
    let mut a = 0.0;
    while a + span <= sw as f64 {
        let inside: f64 = (0..n).map(|i| cell(a + i as f64 * p)).sum();
        let outside = cell(a - p) + cell(a + n as f64 * p);
        let score = inside - 1.5 * outside;
        if best_a.is_none_or(|(s, _)| score > s) {
            best_a = Some((score, a));
        }
        a += 0.5;
    }
    let (_, mut a) = best_a?;
    // Pull each cell's centre onto its glyph's ink, then fit one pitch to all of them.
    for _ in 0..2 {
        let mut fit = LineFit::default();
        for i in 0..n {
            let c = a + i as f64 * p;
            let (lo, hi) = (
                (c - 0.5 * p).max(0.0) as usize,
                ((c + 0.5 * p) as usize).min(sw),
            );
            let (mut m, mut wsum) = (0.0, 0.0);
            for x in lo..hi {
                let v = f64::from(col_ink.get(x).copied().unwrap_or(0.0));
                m += v * (x as f64 + 0.5);
                wsum += v;
            }
            if wsum > 0.5 * cap {
                fit.add(i as f64, m / wsum, wsum);
            }
        }
        if let Some((a2, p2)) = fit.solve()
            && p2 > 0.5 * STRIP_PX_PER_PITCH
            && p2 < 1.6 * STRIP_PX_PER_PITCH
        {
            a = a2;
            p = p2;
        }
    }
    let cell_h = CELL_H * cap;
    let glyphs = (0..n)
        .map(|i| {
            let c = a + i as f64 * p;
            let mut g = [0f32; GLYPH_W * GLYPH_H];
            for (idx, slot) in g.iter_mut().enumerate() {
                let (gx, gy) = ((idx % GLYPH_W) as f64, (idx / GLYPH_W) as f64);
                let x = c + ((gx + 0.5) / GLYPH_W as f64 - 0.5) * p;
                let y = cy + ((gy + 0.5) / GLYPH_H as f64 - 0.5) * cell_h;
                *slot = sample_f32(&norm, sw, sh, x, y);
            }
            g
        })
        .collect();
    let to_view_x = |x: f64| x_start + x * s;
    let to_view_y = |y: f64| y_top + y * s;
    Some(LineCells {
        glyphs,
        extent: [
            to_view_x(a - 0.5 * p),
            to_view_y(cy - cap / 2.0),
            to_view_x(a + (n as f64 - 0.5) * p),
            to_view_y(cy + cap / 2.0),
        ],
    })
}

/// Weighted least squares of `y = a + b x`.
#[derive(Default)]
struct LineFit {
    sw: f64,
    sx: f64,
    sy: f64,
    sxx: f64,
    sxy: f64,
}

impl LineFit {
    fn add(&mut self, x: f64, y: f64, w: f64) {
        self.sw += w;
        self.sx += w * x;
        self.sy += w * y;
        self.sxx += w * x * x;
        self.sxy += w * x * y;
    }
    fn solve(&self) -> Option<(f64, f64)> {
        let d = self.sw * self.sxx - self.sx * self.sx;
        if d.abs() < 1e-9 {
            return None;
        }
        let b = (self.sw * self.sxy - self.sx * self.sy) / d;
        let a = (self.sy - b * self.sx) / self.sw;
        (a.is_finite() && b.is_finite()).then_some((a, b))
    }
}

/// Bilinear sample of a float image (pixel centres at +0.5), clamped at the border.
fn sample_f32(img: &[f32], w: usize, h: usize, x: f64, y: f64) -> f32 {
    if w == 0 || h == 0 {
        return 0.0;
    }
    let x = (x - 0.5).clamp(0.0, (w - 1) as f64);
    let y = (y - 0.5).clamp(0.0, (h - 1) as f64);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = ((x - x0 as f64) as f32, (y - y0 as f64) as f32);
    let at = |xx: usize, yy: usize| img.get(yy * w + xx).copied().unwrap_or(0.0);
    let top = at(x0, y0) * (1.0 - fx) + at(x1, y0) * fx;
    let bottom = at(x0, y1) * (1.0 - fx) + at(x1, y1) * fx;
    top * (1.0 - fy) + bottom * fy
}
