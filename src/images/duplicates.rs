//! Perceptual hash (DCT pHash) for spotting the same picture used for two roles, even after
//! re-encoding or resizing.

use image::GrayImage;

use super::decode::resize_gray;

/// 64-bit DCT perceptual hash: the luma image is reduced to 32×32, its 2-D DCT-II taken, and
/// the 8×8 lowest frequencies after the DC term (u, v in 1..=8) are compared with their median.
/// Re-encoding, resizing and mild colour changes leave it nearly unchanged.
pub fn phash(luma: &GrayImage) -> u64 {
    if luma.width() == 0 || luma.height() == 0 {
        return 0;
    }
    const N: usize = 32;
    let small = resize_gray(luma, N as u32, N as u32);
    let px: Vec<f64> = small.as_raw().iter().map(|&v| f64::from(v)).collect();
    // cos table: c[k][x] = cos((2x + 1) k π / 2N)
    let cos: Vec<[f64; N]> = (0..=8)
        .map(|k| {
            let mut row = [0.0; N];
            for (x, slot) in row.iter_mut().enumerate() {
                *slot = (((2 * x + 1) * k) as f64 * std::f64::consts::PI / (2 * N) as f64).cos();
            }
            row
        })
        .collect();
    // Rows first: r[y][u] = Σx px[y][x]·cos[u][x], for u in 1..=8.
    let mut rows = vec![[0.0f64; 8]; N];
    for (y, out) in rows.iter_mut().enumerate() {
        for (ui, slot) in out.iter_mut().enumerate() {
            let c = cos.get(ui + 1).copied().unwrap_or([0.0; N]);
            *slot = (0..N)
                .map(|x| px.get(y * N + x).copied().unwrap_or(0.0) * c[x])
                .sum();
        }
    }
    let mut coeffs = [0.0f64; 64];
    for vi in 0..8 {
        let c = cos.get(vi + 1).copied().unwrap_or([0.0; N]);
        for ui in 0..8 {
            let s: f64 = rows.iter().enumerate().map(|(y, r)| r[ui] * c[y]).sum();
            coeffs[vi * 8 + ui] = s;
        }
    }
    let mut sorted = coeffs;
    sorted.sort_by(f64::total_cmp);
    let median = (sorted[31] + sorted[32]) / 2.0;
    coeffs.iter().enumerate().fold(
        0u64,
        |h, (i, &c)| if c > median { h | (1u64 << i) } else { h },
    )
}

/// Number of differing bits.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// FNV-1a over the file's bytes: identical files, whatever their names.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// A blocky picture (8×6 cells of pseudo-random grey levels) drawn at any size.
    fn scene(w: u32, h: u32, seed: u32) -> GrayImage {
        let cell = |cx: u32, cy: u32| {
            let mut v = (cx * 7919 + cy * 104_729 + seed * 1_299_709).wrapping_mul(2_654_435_761);
            v ^= v >> 15;
            v = v.wrapping_mul(2_246_822_519);
            v ^= v >> 13;
            (v >> 24) as u8
        };
        GrayImage::from_fn(w, h, |x, y| Luma([cell(x * 8 / w, y * 6 / h)]))
    }

    #[test]
    fn resized_copy_is_close_other_picture_is_far() {
        let a = scene(640, 480, 0);
        let resized = resize_gray(&a, 512, 384);
        let b = scene(640, 480, 3);
        let ha = phash(&a);
        assert!(
            distance(ha, phash(&resized)) <= 6,
            "{}",
            distance(ha, phash(&resized))
        );
        assert!(distance(ha, phash(&b)) > 12, "{}", distance(ha, phash(&b)));
        assert_eq!(phash(&GrayImage::new(0, 0)), 0);
    }

    #[test]
    fn content_hash_differs() {
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
    }
}
