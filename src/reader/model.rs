//! The glyph classifier: a one-hidden-layer perceptron over a 16 × 20 bitmap of one character
//! cell, trained by `tools/reader/train.py` on OCR-B glyphs rendered from Debian's
//! `fonts-ocr-b` and degraded like phone photos. The weights are embedded in the binary, so
//! reading needs nothing at run time. A perceptron rather than templates: templates confuse
//! blurred `8`/`B` and `0`/`O` far more often, and the check digits can only repair a reading
//! whose right answer is among the top candidates.

use std::sync::OnceLock;

/// The embedded weights (format written by `tools/reader/train.py::save`).
static WEIGHTS: &[u8] = include_bytes!("../../assets/models/ocrb_mlp.bin");

/// Glyph bitmap width and height (the training script's `GW`, `GH`).
pub const GLYPH_W: usize = 16;
pub const GLYPH_H: usize = 20;

const MAGIC: &[u8; 8] = b"KYCMLP01";

/// The loaded classifier.
#[derive(Debug)]
pub struct Model {
    hidden: usize,
    alphabet: Vec<char>,
    /// `hidden` rows of `GLYPH_W * GLYPH_H` input weights.
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// `alphabet.len()` rows of `hidden` weights.
    w2: Vec<f32>,
    b2: Vec<f32>,
}

/// The embedded model, parsed once. `None` only if the embedded file is malformed (a build
/// defect that the reader's tests catch).
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS)).as_ref()
}

impl Model {
    fn parse(bytes: &[u8]) -> Option<Model> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let u32_at = |i: usize| -> Option<usize> {
            let b: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
            usize::try_from(u32::from_le_bytes(b)).ok()
        };
        let (gw, gh, hidden, classes) = (u32_at(8)?, u32_at(12)?, u32_at(16)?, u32_at(20)?);
        if gw != GLYPH_W || gh != GLYPH_H || hidden == 0 || classes == 0 {
            return None;
        }
        let alphabet: Vec<char> = bytes
            .get(24..24 + classes)?
            .iter()
            .map(|&b| char::from(b))
            .collect();
        let mut at = 24 + classes;
        let mut floats = |n: usize| -> Option<Vec<f32>> {
            let chunk = bytes.get(at..at + 4 * n)?;
            at += 4 * n;
            Some(
                chunk
                    .chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        };
        let n_in = GLYPH_W * GLYPH_H;
        let w1 = floats(hidden * n_in)?;
        let b1 = floats(hidden)?;
        let w2 = floats(classes * hidden)?;
        let b2 = floats(classes)?;
        Some(Model {
            hidden,
            alphabet,
            w1,
            b1,
            w2,
            b2,
        })
    }

    /// The characters the model tells apart, in output order.
    pub fn alphabet(&self) -> &[char] {
        &self.alphabet
    }

    /// Probabilities over [`Model::alphabet`] for one glyph bitmap (row-major, ink 0..1).
    pub fn classify(&self, glyph: &[f32; GLYPH_W * GLYPH_H]) -> Vec<f32> {
        let n_in = glyph.len();
        let hidden: Vec<f32> = self
            .w1
            .chunks_exact(n_in)
            .zip(&self.b1)
            .map(|(row, b)| (row.iter().zip(glyph).map(|(w, x)| w * x).sum::<f32>() + b).max(0.0))
            .collect();
        let logits: Vec<f32> = self
            .w2
            .chunks_exact(self.hidden)
            .zip(&self.b2)
            .map(|(row, b)| row.iter().zip(&hidden).map(|(w, h)| w * h).sum::<f32>() + b)
            .collect();
        softmax(&logits)
    }
}

fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = logits.iter().map(|&z| (z - max).exp()).collect();
    let sum: f32 = exp.iter().sum::<f32>().max(f32::MIN_POSITIVE);
    exp.into_iter().map(|e| e / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses_with_the_mrz_alphabet() {
        let m = model().expect("embedded model");
        let alpha: String = m.alphabet().iter().collect();
        assert_eq!(alpha, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<");
        let p = m.classify(&[0.0; GLYPH_W * GLYPH_H]);
        assert_eq!(p.len(), 37);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn malformed_weights_are_refused() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"KYCMLP01\x10\0\0\0\x14\0\0\0").is_none());
    }
}
