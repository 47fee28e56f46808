//! Specular glare: a reflection of a lamp or a window on the document.
//!
//! A reflection adds light on top of the document: where it is strong enough everything clips
//! to white (colourless, or tinted by the lamp), the print included, and around that core the
//! added light falls off to the document's ordinary brightness. Things that are merely white
//! look different: white print is thin; blown-out paper is perforated by the print on it (a
//! reflection washes the print out, so its core is solid); a white card or table blown out by
//! over-exposure is clipped all around (there is no unclipped surround to fall off to). The
//! core's shape does not matter: blobs, streaks, crescents and spots are all glare.
//!
//! Measured here ([`glare`]): every clipped region and its features.
//!
//! 1. **Core**: pixels with luma ≥ `core_level` and little colour (`max − min ≤ core_tint` of
//!    the max), opened with a 3×3 square (antialiased white print goes), split into
//!    8-connected regions of at least `min_region` of the measured area.
//! 2. **Shape**: *thickness*, the radius of the largest disc inside the region; *solidity*,
//!    the clipped share of its interior (the region with its holes filled, less a rim of half
//!    its thickness): print showing through means holes.
//! 3. **Surround**: the 90th luma percentile of the band from `2w` to `4w` around the region
//!    (`w = max(2, band_fraction · r)`, `r` the radius of a disc of the region's area), inside
//!    the measured area; and how textured that band is (print around a reflection means the
//!    reflection hides print).
//!
//! Judged with [`GlareCriteria`] from the policy ([`GlareStats::judge`]): a region is glare
//! when it is thick, solid, and its surround is not blown out.

use image::{GrayImage, RgbImage};

use super::mask::{Mask, inside, mask_for};

/// What defines a glare region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlareParams {
    /// Minimum luma (0–1) of a core pixel.
    pub core_level: f64,
    /// Maximum (max − min) / max of R, G, B in a core pixel: reflections are white or tinted
    /// by the lamp, not saturated colours.
    pub core_tint: f64,
    /// Regions smaller than this fraction of the measured area are ignored (noise, print dots).
    pub min_region: f64,
    /// Width of the band examined around a core, as a fraction of the core's radius.
    pub band_fraction: f64,
}

/// One glare region, in pixels of the measured image.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GlareRegion {
    /// Bounding box of the core: x, y, width, height.
    pub bbox: [f64; 4],
    /// Core area, as a fraction of the measured area.
    pub area: f64,
    /// Radius (px) of the largest disc inside the core.
    pub thickness: f64,
    /// Core area over its area with holes filled.
    pub solidity: f64,
    /// 90th luma percentile (0–1) of the surround.
    pub surround: f64,
    /// Standard deviation of luma (0–1) in the surround: print around the reflection.
    pub texture: f64,
    /// Where inside its box the core lies: bit `16·row + column` (word `bit / 64`) of a
    /// 16×16 grid over `bbox` is set when core pixels fall in that cell (a streak's box is
    /// mostly empty).
    pub cells: [u64; 4],
}

impl GlareRegion {
    /// The grid cells the core occupies, as x, y, width, height boxes.
    pub fn cell_boxes(&self) -> impl Iterator<Item = [f64; 4]> + '_ {
        let [x, y, w, h] = self.bbox;
        let (cw, ch) = (w / GRID as f64, h / GRID as f64);
        (0..GRID * GRID)
            .filter(|&bit| {
                self.cells
                    .get(bit / 64)
                    .is_some_and(|word| word & (1u64 << (bit % 64)) != 0)
            })
            .map(move |bit| {
                let (col, row) = ((bit % GRID) as f64, (bit / GRID) as f64);
                [x + col * cw, y + row * ch, cw, ch]
            })
    }
}

/// Clipped regions found on an image, with what tells glare from white print or paper.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GlareStats {
    /// Every clipped region of at least `min_region`, largest first.
    pub candidates: Vec<GlareRegion>,
}

/// Which clipped regions are glare (from the policy).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlareCriteria {
    /// Radius (px) of the largest disc that must fit inside a glare core.
    pub min_thickness: f64,
    /// Interior solidity a glare core must reach (1 = no holes).
    pub min_solidity: f64,
    /// The surround's 90th luma percentile must not exceed this (0–1).
    pub max_surround: f64,
}

/// How much glare the criteria find.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glare {
    /// Fraction of the measured area covered by glare cores.
    pub fraction: f64,
    /// The largest glare core, as a fraction of the measured area.
    pub largest: f64,
    /// The glare regions, largest first.
    pub regions: Vec<GlareRegion>,
}

impl GlareRegion {
    /// Whether the criteria count this region as glare.
    pub fn is_glare(&self, c: &GlareCriteria) -> bool {
        self.thickness >= c.min_thickness
            && self.solidity >= c.min_solidity
            && self.surround <= c.max_surround
    }
}

impl GlareStats {
    /// The candidates that are glare under `criteria`.
    pub fn judge(&self, criteria: &GlareCriteria) -> Glare {
        let regions: Vec<GlareRegion> = self
            .candidates
            .iter()
            .filter(|r| r.is_glare(criteria))
            .copied()
            .collect();
        Glare {
            // fold, not sum: an empty f64 sum is −0.0, which would print as "-0.0".
            fraction: regions.iter().fold(0.0, |total, r| total + r.area),
            largest: regions.first().map_or(0.0, |r| r.area),
            regions,
        }
    }
}

/// Cells per side of the occupancy grid of a region's box (16 × 16 = 4 words of 64 bits).
const GRID: usize = 16;

/// At most this many candidate regions (the largest) are examined.
const MAX_CANDIDATES: usize = 64;

/// Glare on `rgb` (with `luma`, its luma plane) inside `mask`; see the module docs.
pub fn glare(
    rgb: &RgbImage,
    luma: &GrayImage,
    mask: Option<&Mask>,
    params: &GlareParams,
) -> GlareStats {
    let (w, h) = (rgb.width() as usize, rgb.height() as usize);
    if luma.dimensions() != rgb.dimensions() || w < 3 || h < 3 {
        return GlareStats::default();
    }
    let m = mask_for(mask, rgb.width(), rgb.height());
    let area = match m {
        Some(m) => m.iter().filter(|&&v| v != 0).count(),
        None => w * h,
    };
    if area == 0 {
        return GlareStats::default();
    }
    let core = open3(&core_mask(rgb, m, params), w, h);
    let min_px = ((params.min_region * area as f64).ceil() as usize).max(4);
    let mut regions: Vec<Region> = components(&core, w)
        .into_iter()
        .filter(|r| r.pixels.len() >= min_px)
        .collect();
    regions.sort_by_key(|r| std::cmp::Reverse(r.pixels.len()));
    regions.truncate(MAX_CANDIDATES);
    if regions.is_empty() {
        return GlareStats::default();
    }
    let surrounds = surround_histograms(&regions, luma, m, params.band_fraction);
    let candidates = regions
        .iter()
        .zip(&surrounds)
        .map(|(region, surround)| {
            let (thickness, solidity) = region.shape(w);
            let bbox = region.bbox(w);
            GlareRegion {
                bbox: bbox.map(|v| v as f64),
                cells: region.cells(w, bbox),
                area: region.pixels.len() as f64 / area as f64,
                thickness,
                solidity,
                // No surround inside the measured area: as blown out as it can be.
                surround: quantile(surround, 0.9).unwrap_or(1.0),
                texture: sd(surround),
            }
        })
        .collect();
    GlareStats { candidates }
}

/// Core candidates: bright and nearly colourless, inside the mask.
fn core_mask(rgb: &RgbImage, m: Option<&[u8]>, params: &GlareParams) -> Vec<bool> {
    let level = (params.core_level * 255.0).round() as u32;
    rgb.as_raw()
        .chunks_exact(3)
        .enumerate()
        .map(|(i, p)| {
            let [r, g, b] = match p {
                [r, g, b] => [*r, *g, *b].map(u32::from),
                _ => return false,
            };
            let luma = (77 * r + 150 * g + 29 * b + 128) >> 8;
            let (mx, mn) = (r.max(g).max(b), r.min(g).min(b));
            inside(m, i)
                && luma >= level
                && mx > 0
                && f64::from(mx - mn) <= params.core_tint * f64::from(mx)
        })
        .collect()
}

/// Opening with a 3×3 square: erosion then dilation (pixels outside the image count as unset).
fn open3(bits: &[bool], w: usize, h: usize) -> Vec<bool> {
    let get = |v: &[bool], x: isize, y: isize| {
        x >= 0
            && y >= 0
            && (x as usize) < w
            && (y as usize) < h
            && v.get(y as usize * w + x as usize).copied().unwrap_or(false)
    };
    let window = |v: &[bool], all: bool| -> Vec<bool> {
        let mut out = vec![false; w * h];
        for y in 0..h as isize {
            for x in 0..w as isize {
                let mut any = false;
                let mut every = true;
                for dy in -1..=1 {
                    for dx in -1..=1 {
                        let s = get(v, x + dx, y + dy);
                        any |= s;
                        every &= s;
                    }
                }
                if let Some(o) = out.get_mut(y as usize * w + x as usize) {
                    *o = if all { every } else { any };
                }
            }
        }
        out
    };
    window(&window(bits, true), false)
}

/// A connected region of core pixels (indices into the image).
struct Region {
    pixels: Vec<usize>,
}

impl Region {
    /// Occupancy of the grid over `bbox` (see [`GlareRegion::cells`]).
    fn cells(&self, w: usize, bbox: [usize; 4]) -> [u64; 4] {
        let [x0, y0, bw, bh] = bbox;
        let mut cells = [0u64; 4];
        for &i in &self.pixels {
            let (x, y) = (i % w, i / w);
            let col = ((x.saturating_sub(x0)) * GRID / bw.max(1)).min(GRID - 1);
            let row = ((y.saturating_sub(y0)) * GRID / bh.max(1)).min(GRID - 1);
            let bit = row * GRID + col;
            if let Some(word) = cells.get_mut(bit / 64) {
                *word |= 1u64 << (bit % 64);
            }
        }
        cells
    }

    /// Bounding box: x, y, width, height.
    fn bbox(&self, w: usize) -> [usize; 4] {
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        for &i in &self.pixels {
            let (x, y) = (i % w, i / w);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if x0 > x1 || y0 > y1 {
            return [0; 4];
        }
        [x0, y0, x1 + 1 - x0, y1 + 1 - y0]
    }

    /// (thickness, solidity): the radius in pixels of the largest disc inside the region
    /// (chamfer 3-4 distance to the nearest outside pixel), and its area over its area with the
    /// holes filled.
    fn shape(&self, w: usize) -> (f64, f64) {
        let [bx, by, bw, bh] = self.bbox(w);
        // The bounding box with a one-pixel frame of outside pixels.
        let (pw, ph) = (bw + 2, bh + 2);
        let mut inside = vec![false; pw * ph];
        for &i in &self.pixels {
            let (x, y) = ((i % w) + 1 - bx, (i / w) + 1 - by);
            if let Some(v) = inside.get_mut(y * pw + x) {
                *v = true;
            }
        }
        // Holes: outside pixels that cannot be reached from the frame.
        let mut reached = vec![false; pw * ph];
        let mut stack = vec![0usize];
        if let Some(r) = reached.get_mut(0) {
            *r = true;
        }
        while let Some(i) = stack.pop() {
            let (x, y) = (i % pw, i / pw);
            let next = [
                (x > 0).then(|| i - 1),
                (x + 1 < pw).then(|| i + 1),
                (y > 0).then(|| i - pw),
                (y + 1 < ph).then(|| i + pw),
            ];
            for j in next.into_iter().flatten() {
                if !inside.get(j).copied().unwrap_or(true)
                    && let Some(r) = reached.get_mut(j)
                    && !*r
                {
                    *r = true;
                    stack.push(j);
                }
            }
        }
        let holes = inside
            .iter()
            .zip(&reached)
            .filter(|(i, r)| !**i && !**r)
            .count();
        let mut d: Vec<u32> = inside
            .iter()
            .map(|&v| if v { u32::MAX / 2 } else { 0 })
            .collect();
        chamfer(&mut d, pw, ph);
        let thickness = f64::from(d.iter().copied().max().unwrap_or(0)) / 3.0;
        // Solidity of the interior: the filled shape less a rim of half the thickness (at
        // least 2 px). A reflection's edge lets the print show through where the added
        // light fades; its interior is solid. Blown-out paper is perforated everywhere.
        let filled: Vec<bool> = inside
            .iter()
            .zip(&reached)
            .map(|(&i, &r)| i || !r)
            .collect();
        let mut depth: Vec<u32> = filled
            .iter()
            .map(|&v| if v { u32::MAX / 2 } else { 0 })
            .collect();
        chamfer(&mut depth, pw, ph);
        let rim = (3.0 * (thickness / 2.0).max(2.0)).round() as u32;
        let (mut core, mut interior) = (0usize, 0usize);
        for ((&dep, &i), &f) in depth.iter().zip(&inside).zip(&filled) {
            if f && dep > rim {
                interior += 1;
                core += usize::from(i);
            }
        }
        let solidity = if interior == 0 {
            self.pixels.len() as f64 / (self.pixels.len() + holes).max(1) as f64
        } else {
            core as f64 / interior as f64
        };
        (thickness, solidity)
    }
}

/// 8-connected components of a binary mask.
fn components(bits: &[bool], w: usize) -> Vec<Region> {
    let mut seen = vec![false; bits.len()];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..bits.len() {
        if !bits.get(start).copied().unwrap_or(false) || seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        stack.push(start);
        let mut pixels = Vec::new();
        while let Some(i) = stack.pop() {
            pixels.push(i);
            let (x, y) = (i % w, i / w);
            for dy in -1isize..=1 {
                for dx in -1isize..=1 {
                    let (nx, ny) = (x as isize + dx, y as isize + dy);
                    if nx < 0 || ny < 0 || nx as usize >= w {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if bits.get(j).copied().unwrap_or(false)
                        && let Some(s) = seen.get_mut(j)
                        && !*s
                    {
                        *s = true;
                        stack.push(j);
                    }
                }
            }
        }
        out.push(Region { pixels });
    }
    out
}

/// Two-pass chamfer (3-4) distance transform in place: zero cells are the sources; the result
/// is in thirds of a pixel.
fn chamfer(d: &mut [u32], w: usize, h: usize) {
    let relax = |d: &mut [u32], i: usize, j: usize, step: u32| {
        if let Some(&dj) = d.get(j)
            && let Some(di) = d.get_mut(i)
        {
            *di = (*di).min(dj.saturating_add(step));
        }
    };
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if x > 0 {
                relax(d, i, i - 1, 3);
            }
            if y > 0 {
                relax(d, i, i - w, 3);
                if x > 0 {
                    relax(d, i, i - w - 1, 4);
                }
                if x + 1 < w {
                    relax(d, i, i - w + 1, 4);
                }
            }
        }
    }
    for y in (0..h).rev() {
        for x in (0..w).rev() {
            let i = y * w + x;
            if x + 1 < w {
                relax(d, i, i + 1, 3);
            }
            if y + 1 < h {
                relax(d, i, i + w, 3);
                if x + 1 < w {
                    relax(d, i, i + w + 1, 4);
                }
                if x > 0 {
                    relax(d, i, i + w - 1, 4);
                }
            }
        }
    }
}

/// Luma histogram of each region's surround (the band `2w`–`4w` around it, inside the mask).
/// Luma histogram of each region's surround (the band `2w`–`4w` around it, inside the mask).
fn surround_histograms(
    regions: &[Region],
    luma: &GrayImage,
    m: Option<&[u8]>,
    band_fraction: f64,
) -> Vec<[u32; 256]> {
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    // Distance (thirds of a pixel) to the nearest region, and which region that is.
    let mut dist = vec![u32::MAX / 2; w * h];
    let mut label = vec![u32::MAX; w * h];
    for (k, r) in regions.iter().enumerate() {
        for &i in &r.pixels {
            if let (Some(d), Some(l)) = (dist.get_mut(i), label.get_mut(i)) {
                *d = 0;
                *l = k as u32;
            }
        }
    }
    // A chamfer transform that also carries the label of the nearest source.
    let mut relax = |i: usize, j: usize, step: u32| {
        let (Some(&dj), Some(&lj)) = (dist.get(j), label.get(j)) else {
            return;
        };
        if let Some(di) = dist.get_mut(i)
            && dj.saturating_add(step) < *di
        {
            *di = dj + step;
            if let Some(li) = label.get_mut(i) {
                *li = lj;
            }
        }
    };
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if x > 0 {
                relax(i, i - 1, 3);
            }
            if y > 0 {
                relax(i, i - w, 3);
                if x > 0 {
                    relax(i, i - w - 1, 4);
                }
                if x + 1 < w {
                    relax(i, i - w + 1, 4);
                }
            }
        }
    }
    for y in (0..h).rev() {
        for x in (0..w).rev() {
            let i = y * w + x;
            if x + 1 < w {
                relax(i, i + 1, 3);
            }
            if y + 1 < h {
                relax(i, i + w, 3);
                if x + 1 < w {
                    relax(i, i + w + 1, 4);
                }
                if x > 0 {
                    relax(i, i + w - 1, 4);
                }
            }
        }
    }
    let bands: Vec<u32> = regions
        .iter()
        .map(|r| {
            let radius = (r.pixels.len() as f64 / std::f64::consts::PI).sqrt();
            (3.0 * (band_fraction * radius).max(2.0)).round() as u32
        })
        .collect();
    let mut hists = vec![[0u32; 256]; regions.len()];
    for (i, (&d, &l)) in dist.iter().zip(&label).enumerate() {
        if !inside(m, i) {
            continue;
        }
        let (Some(&band), Some(&v)) = (bands.get(l as usize), luma.as_raw().get(i)) else {
            continue;
        };
        if d > 2 * band
            && d <= 4 * band
            && let Some(slot) = hists
                .get_mut(l as usize)
                .and_then(|hist| hist.get_mut(usize::from(v)))
        {
            *slot += 1;
        }
    }
    hists
}

fn quantile(hist: &[u32; 256], q: f64) -> Option<f64> {
    let total: u64 = hist.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return None;
    }
    let target = ((q * total as f64).ceil() as u64).max(1);
    let mut acc = 0u64;
    for (v, &c) in hist.iter().enumerate() {
        acc += u64::from(c);
        if acc >= target {
            return Some(v as f64 / 255.0);
        }
    }
    Some(1.0)
}

fn sd(hist: &[u32; 256]) -> f64 {
    let n: f64 = hist.iter().map(|&c| f64::from(c)).sum();
    if n == 0.0 {
        return 0.0;
    }
    let mean = hist
        .iter()
        .enumerate()
        .map(|(v, &c)| v as f64 * f64::from(c))
        .sum::<f64>()
        / n;
    let var = hist
        .iter()
        .enumerate()
        .map(|(v, &c)| (v as f64 - mean).powi(2) * f64::from(c))
        .sum::<f64>()
        / n;
    var.sqrt() / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    const GP: GlareParams = GlareParams {
        core_level: 0.96,
        core_tint: 0.25,
        min_region: 0.001,
        band_fraction: 0.35,
    };
    const GC: GlareCriteria = GlareCriteria {
        min_thickness: 6.0,
        min_solidity: 0.92,
        max_surround: 0.95,
    };

    /// Light paper printed with dark text lines, 300×200.
    fn document() -> RgbImage {
        RgbImage::from_fn(300, 200, |x, y| {
            let ink = (y % 14) < 5 && (x % 9) < 6;
            if ink {
                Rgb([40, 40, 50])
            } else {
                Rgb([215, 212, 205])
            }
        })
    }

    /// Add light falling off with `profile(x, y)` (0–1 and more), clipped at white.
    fn add_light(img: &mut RgbImage, profile: impl Fn(f64, f64) -> f64) {
        for (x, y, p) in img.enumerate_pixels_mut() {
            let add = profile(f64::from(x), f64::from(y));
            for c in &mut p.0 {
                *c = (f64::from(*c) + add * 255.0).min(255.0) as u8;
            }
        }
    }

    fn judged(img: &RgbImage) -> (GlareStats, Glare) {
        let luma = crate::images::decode::luma_of(img);
        let stats = glare(img, &luma, None, &GP);
        let judged = stats.judge(&GC);
        (stats, judged)
    }

    #[test]
    fn a_reflection_is_glare_and_hides_print() {
        let mut img = document();
        // A lamp's reflection: strong enough at its centre to clip the ink (to radius ~29 px)
        // and the paper further out (~44 px), falling off to nothing.
        add_light(&mut img, |x, y| {
            let d = (x - 150.0).hypot(y - 100.0) / 25.0;
            3.0 * (-d * d).exp()
        });
        let (_, g) = judged(&img);
        assert_eq!(g.regions.len(), 1, "{g:?}");
        assert!(g.fraction > 0.01, "{g:?}");
        let region = g.regions.first().copied().unwrap_or_default();
        assert!(
            region.solidity > 0.99 && region.thickness > 10.0,
            "{region:?}"
        );
        assert!(region.texture > 0.1, "print around it: {region:?}");
    }

    #[test]
    fn a_streak_is_glare_too() {
        let mut img = document();
        add_light(&mut img, |x, y| {
            let d = (x - y - 60.0).abs() / 12.0;
            1.5 * (-d * d / 2.0).exp()
        });
        let (_, g) = judged(&img);
        assert!(!g.regions.is_empty() && g.fraction > 0.02, "{g:?}");
    }

    #[test]
    fn white_print_and_blown_paper_are_not_glare() {
        // Thin white lines (white print on a dark design): no core survives the opening, or
        // what does is too thin.
        let lines = RgbImage::from_fn(300, 200, |_, y| {
            if y % 10 < 2 {
                Rgb([255, 255, 255])
            } else {
                Rgb([30, 40, 90])
            }
        });
        assert!(judged(&lines).1.regions.is_empty());
        // Paper blown out all over: the print shows through it (holes) and nothing around it
        // is darker paper.
        let mut blown = document();
        add_light(&mut blown, |_, _| 0.3);
        let (stats, g) = judged(&blown);
        assert!(!stats.candidates.is_empty());
        assert!(g.regions.is_empty(), "{stats:?}");
        // A saturated colour is never a core.
        let red = RgbImage::from_pixel(50, 50, Rgb([255, 60, 60]));
        assert!(judged(&red).0.candidates.is_empty());
    }

    #[test]
    fn a_white_table_around_nothing_is_not_glare() {
        let white = RgbImage::from_pixel(200, 150, Rgb([252, 252, 252]));
        let (stats, g) = judged(&white);
        assert_eq!(stats.candidates.len(), 1);
        assert!(g.regions.is_empty(), "no unclipped surround: {stats:?}");
    }

    #[test]
    fn empty_inputs() {
        let img = RgbImage::new(2, 2);
        assert_eq!(judged(&img).0, GlareStats::default());
    }
}
