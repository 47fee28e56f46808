//! Reading the document in an ID photo: the machine-readable zone (TD1, TD2, TD3, MRV-A/B).
//!
//! Measurement only, like the rest of `images::analysis`: [`read_mrz`] says what the photo
//! prints and how sure it is; `checks::document_data` judges it against the profile.
//!
//! How: the locator's outline gives the document's rectangle; each quarter turn of it is
//! rendered from the analysis copy and searched for long lines of text ([`lines`]); groups of
//! two or three equally spaced lines near the bottom are MRZ candidates. Each candidate line is
//! resampled from the full image at 16 pixels per OCR-B pitch and cut into as many cells as the
//! layout has characters; an embedded perceptron ([`model`]) gives each cell's probabilities,
//! and [`decode`] lets the check digits choose among the likely readings. Only a reading that
//! every check digit confirms is returned. Method and measured read rates: `docs/READER.md`.

pub mod decode;
pub mod geom;
pub mod lines;
pub mod model;

use image::GrayImage;

use crate::document::Located;
use crate::mrz::Format;
use crate::policy::ReaderPolicy;
use decode::{DecodeLimits, Decoded};
use geom::View;
use lines::TextLine;

/// A confirmed reading of the MRZ.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub format: Format,
    pub lines: Vec<String>,
    /// Mean probability of the characters read (0–1).
    pub confidence: f64,
    /// Lowest probability among the name's characters: no check digit protects them.
    pub name_confidence: f64,
    /// Characters the check digits changed from the classifier's first choice.
    pub repaired: usize,
    /// Probability of each character read, line by line (fields without a check digit, such
    /// as sex and nationality, are judged only when theirs are high).
    pub char_prob: Vec<Vec<f64>>,
    /// The MRZ's outline in pixels of the (orientation-corrected) image, clockwise from the
    /// MRZ's own top-left.
    pub quad: [[f64; 2]; 4],
}

/// What the reader found.
#[derive(Clone, Debug, PartialEq)]
pub enum MrzOutcome {
    /// No MRZ-like lines in the document.
    Absent,
    /// Lines that look like an MRZ (fixed-pitch text with `<` fillers), but no reading passes
    /// its check digits. `quad` is where, when known.
    Unreadable {
        quad: Option<[[f64; 2]; 4]>,
    },
    Read(Reading),
}

impl MrzOutcome {
    pub fn reading(&self) -> Option<&Reading> {
        match self {
            MrzOutcome::Read(r) => Some(r),
            _ => None,
        }
    }
}

/// One candidate group of MRZ lines in one turned view.
struct Candidate {
    view: View,
    lines: Vec<TextLine>,
    /// How far down the view the group lies (0 top – 1 bottom).
    bottom: f64,
}

/// Read the MRZ of the document `located` (pixels of `full`); `copy` is the analysis copy of
/// the same image (any size) that the line search runs on. Never panics.
pub fn read_mrz(
    full: &GrayImage,
    copy: &GrayImage,
    located: &Located,
    policy: &ReaderPolicy,
) -> MrzOutcome {
    let Some(model) = model::model() else {
        return MrzOutcome::Absent;
    };
    let (fw, fh) = full.dimensions();
    let (cw, ch) = copy.dimensions();
    if fw == 0 || fh == 0 || cw == 0 || ch == 0 {
        return MrzOutcome::Absent;
    }
    let on_copy = located.scaled((fw, fh), (cw, ch));
    let copy_to_full = (f64::from(fw) / f64::from(cw), f64::from(fh) / f64::from(ch));
    let mut candidates = Vec::new();
    for turns in 0..4u8 {
        let Some(view) = View::new(&on_copy.corners, turns, copy_to_full) else {
            continue;
        };
        let rendered = view.render(copy);
        let found = lines::find_lines(&rendered, policy);
        let (vw, vh) = (f64::from(rendered.width()), f64::from(rendered.height()));
        for size in [3usize, 2] {
            for group in found.windows(size) {
                if is_mrz_like(group, vw) {
                    let bottom = group.last().map_or(0.0, |l| l.bottom / vh);
                    candidates.push(Candidate {
                        view,
                        lines: group.to_vec(),
                        bottom,
                    });
                }
            }
        }
    }
    // The MRZ is at the bottom of its page: lowest groups first, three lines before two.
    candidates.sort_by(|a, b| {
        b.bottom
            .total_cmp(&a.bottom)
            .then(b.lines.len().cmp(&a.lines.len()))
    });
    let limits = DecodeLimits {
        top_k: policy.top_k,
        min_alternative_prob: policy.min_alternative_prob as f32,
        max_repairs: policy.max_repairs,
        max_uncertain: policy.max_uncertain,
    };
    let mut unreadable: Option<MrzOutcome> = None;
    for cand in candidates.iter().take(policy.max_attempts) {
        let widths: &[usize] = if cand.lines.len() == 3 {
            &[30]
        } else {
            &[44, 36]
        };
        for &n in widths {
            let Some(cut) = cand
                .lines
                .iter()
                .map(|l| lines::cut_line(full, &cand.view, l, n))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let probs: Vec<decode::LineProbs> = cut
                .iter()
                .map(|c| c.glyphs.iter().map(|g| model.classify(g)).collect())
                .collect();
            let quad = outline(&cand.view, &cut);
            let formats: &[Format] = match n {
                30 => &[Format::Td1],
                36 => &[Format::Td2, Format::MrvB],
                _ => &[Format::Td3, Format::MrvA],
            };
            for &format in formats {
                if let Some(d) = decode::decode(format, &probs, model.alphabet(), limits) {
                    return MrzOutcome::Read(reading(d, quad));
                }
            }
            if unreadable.is_none() && looks_like_mrz(&probs, model.alphabet()) {
                unreadable = Some(MrzOutcome::Unreadable { quad: Some(quad) });
            }
        }
    }
    unreadable.unwrap_or(MrzOutcome::Absent)
}

/// Two or three lines of equal height, evenly and closely spaced, starting at the same place
/// and spanning most of the view's width.
fn is_mrz_like(group: &[TextLine], view_width: f64) -> bool {
    let heights: Vec<f64> = group.iter().map(TextLine::height).collect();
    let (hmin, hmax) = heights
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(a, b), &h| (a.min(h), b.max(h)));
    if hmin <= 0.0 || hmax / hmin > 1.8 {
        return false;
    }
    let hmean = heights.iter().sum::<f64>() / heights.len() as f64;
    let spaced = group.windows(2).all(|w| match w {
        [a, b] => {
            let d = b.centre_y() - a.centre_y();
            d >= 1.2 * hmean && d <= 3.2 * hmean && (b.x0 - a.x0).abs() <= 3.0 * hmean
        }
        _ => false,
    });
    let wide = group.iter().all(|l| l.x1 - l.x0 >= 0.35 * view_width);
    spaced && wide
}

/// Many cells read confidently as the filler `<`: the lines are an MRZ even if no reading
/// passed (a page of ordinary text has none).
fn looks_like_mrz(probs: &[decode::LineProbs], alphabet: &[char]) -> bool {
    let Some(filler) = alphabet.iter().position(|&c| c == '<') else {
        return false;
    };
    let cells: usize = probs.iter().map(Vec::len).sum();
    let fillers = probs
        .iter()
        .flatten()
        .filter(|p| p.get(filler).is_some_and(|&v| v > 0.5))
        .count();
    cells > 0 && fillers * 10 >= cells
}

/// The outline of the cut lines, in full-image pixels.
fn outline(view: &View, cut: &[lines::LineCells]) -> [[f64; 2]; 4] {
    let first = cut.first().map_or([0.0; 4], |c| c.extent);
    let last = cut.last().map_or([0.0; 4], |c| c.extent);
    let left = first[0].min(last[0]);
    let right = first[2].max(last[2]);
    let p = |x: f64, y: f64| {
        let (a, b) = view.to_full(x, y);
        [a, b]
    };
    [
        p(left, first[1]),
        p(right, first[1]),
        p(right, last[3]),
        p(left, last[3]),
    ]
}

fn reading(d: Decoded, quad: [[f64; 2]; 4]) -> Reading {
    let probs: Vec<f32> = d.char_prob.iter().flatten().copied().collect();
    let confidence = if probs.is_empty() {
        0.0
    } else {
        probs.iter().map(|&p| f64::from(p)).sum::<f64>() / probs.len() as f64
    };
    Reading {
        format: d.format,
        lines: d.lines,
        confidence,
        name_confidence: f64::from(d.name_confidence),
        repaired: d.repaired,
        char_prob: d
            .char_prob
            .iter()
            .map(|l| l.iter().map(|&p| f64::from(p)).collect())
            .collect(),
        quad,
    }
}
