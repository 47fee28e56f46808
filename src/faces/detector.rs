//! The SeetaFace frontal detector (`rustface`), with its model embedded in the binary.
//!
//! The model file ships inside the `rustface` crate package; a copy lives in
//! `assets/models/` (BSD-2-Clause, see `assets/models/LICENSE-SeetaFace`) and is compiled in
//! with `include_bytes!`, so nothing is read from disk at run time. A unit test pins its length
//! and SHA-256 so a bad copy fails loudly.
//!
//! The model is parsed once per process (`OnceLock`); each thread keeps its own detector (the
//! detector holds scratch buffers and is not `Sync`). rustface parallelises inside `detect` with
//! rayon, so a rayon worker waiting there may pick up another image's job on the same thread:
//! the thread-local detector is therefore *taken out* for the duration of a call, never borrowed
//! across it, and a re-entrant call simply builds a second detector.

use std::cell::RefCell;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use image::GrayImage;
use rustface::{Detector, ImageData, Model};

/// The SeetaFace frontal face detection model v1.0, as shipped in `rustface` 0.1.7.
pub(crate) static MODEL_BYTES: &[u8] =
    include_bytes!("../../assets/models/seeta_fd_frontal_v1.0.bin");

/// The detector's sliding window (px). Faces smaller than this in the detection copy are not
/// found; images whose short side is below it are not searched at all.
pub const WINDOW: u32 = 40;

/// Smallest face searched for by default (pixels of the detection copy): rustface's own
/// default, which scans the copy enlarged twofold so faces down to half the window are found.
pub const MIN_FACE: u32 = 20;

/// Sliding-window step (px) at each pyramid level. 4 is SeetaFace's default. Step 8 is
/// about twice as fast, but measured on the fixtures real selfie faces then score as low as
/// 2.5 (backlit selfie; 13.5 with step 4), within 1 of the false detections (up to 1.6), too
/// thin a margin for one score threshold (see docs/FACES.md).
const WINDOW_STEP: u32 = 4;

/// Ratio between pyramid levels (SeetaFace default).
const PYRAMID_STEP: f32 = 0.8;

/// Keep the largest searched face this many pixels below the image's short side, so the
/// smallest pyramid level never rounds down below the 40 px window (rustface subtracts the
/// window from the level's size in unsigned arithmetic).
const MAX_FACE_MARGIN: u32 = 2;

fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| rustface::read_model(Cursor::new(MODEL_BYTES)).ok())
        .as_ref()
}

thread_local! {
    static DETECTOR: RefCell<Option<Box<dyn Detector>>> = const { RefCell::new(None) };
}

fn new_detector() -> Option<Box<dyn Detector>> {
    let mut d = rustface::create_detector_with_model(model()?.clone());
    d.set_slide_window_step(WINDOW_STEP, WINDOW_STEP);
    d.set_pyramid_scale_factor(PYRAMID_STEP);
    // Scores are filtered by the caller against the policy; keep everything positive here.
    d.set_score_thresh(f64::MIN_POSITIVE);
    Some(d)
}

/// A raw detection in pixels of the image given to [`run`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RawFace {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub score: f64,
}

/// Whether the model parsed (always true for a correct build; tested).
pub fn model_loaded() -> bool {
    model().is_some()
}

/// Run the detector on `img` as is (no scaling). Images whose short side is below the 40 px
/// window give no faces. Never panics: a panic inside rustface is caught and yields no faces.
pub(crate) fn run(img: &GrayImage, min_face: u32) -> Vec<RawFace> {
    let (w, h) = img.dimensions();
    let short = w.min(h);
    if short < WINDOW + MAX_FACE_MARGIN + 1 {
        return Vec::new();
    }
    let expected = (w as usize).checked_mul(h as usize);
    if expected != Some(img.as_raw().len()) {
        return Vec::new();
    }
    let taken = DETECTOR.with(|cell| cell.try_borrow_mut().ok().and_then(|mut d| d.take()));
    let Some(mut detector) = taken.or_else(new_detector) else {
        return Vec::new();
    };
    detector.set_min_face_size(min_face.clamp(MIN_FACE, short - MAX_FACE_MARGIN));
    detector.set_max_face_size(short - MAX_FACE_MARGIN);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let data = ImageData::new(img.as_raw(), w, h);
        detector.detect(&data)
    }));
    let Ok(faces) = result else {
        // The detector's scratch state is suspect after a panic: drop it.
        return Vec::new();
    };
    DETECTOR.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            slot.get_or_insert(detector);
        }
    });
    faces
        .iter()
        .map(|f| {
            let b = f.bbox();
            RawFace {
                x: f64::from(b.x()),
                y: f64::from(b.y()),
                width: f64::from(b.width()),
                height: f64::from(b.height()),
                score: f.score(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Minimal SHA-256 (FIPS 180-4) so the test needs no extra dependency.
    fn sha256(data: &[u8]) -> [u8; 32] {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        let mut h: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        let mut msg = data.to_vec();
        msg.push(0x80);
        while msg.len() % 64 != 56 {
            msg.push(0);
        }
        msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
        for chunk in msg.chunks_exact(64) {
            let mut w = [0u32; 64];
            for (i, word) in chunk.chunks_exact(4).enumerate() {
                w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..64 {
                let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7]
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K[i])
                    .wrapping_add(w[i]);
                let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [
                    t1.wrapping_add(t2),
                    v[0],
                    v[1],
                    v[2],
                    v[3].wrapping_add(t1),
                    v[4],
                    v[5],
                    v[6],
                ];
            }
            for (a, b) in h.iter_mut().zip(v) {
                *a = a.wrapping_add(b);
            }
        }
        let mut out = [0u8; 32];
        for (o, word) in out.chunks_exact_mut(4).zip(h) {
            o.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_known_vectors() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn embedded_model_is_the_shipped_seetaface_model() {
        assert_eq!(MODEL_BYTES.len(), 1_209_904);
        assert_eq!(
            hex(&sha256(MODEL_BYTES)),
            "c4619d066ed35e84d9a8e842860b0dff567aba0cbb139881075538761db3ff5d"
        );
        assert!(model_loaded());
    }

    #[test]
    fn too_small_images_are_not_searched() {
        for (w, h) in [(1, 1), (42, 1000), (1000, 42), (0, 0), (10_000, 20)] {
            assert!(run(&GrayImage::new(w, h), MIN_FACE).is_empty(), "{w}x{h}");
        }
    }

    #[test]
    fn odd_sizes_just_above_the_window_do_not_panic() {
        for (w, h) in [
            (43, 43),
            (43, 500),
            (500, 43),
            (44, 61),
            (97, 43),
            (640, 43),
        ] {
            let img =
                GrayImage::from_fn(w, h, |x, y| image::Luma([((x * 7 + y * 13) % 256) as u8]));
            let _ = run(&img, MIN_FACE);
        }
    }
}
