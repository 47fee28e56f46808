//! Which pixels a metric measures: a mask of the image's size (non-zero = inside), e.g. the
//! document outline, so a bright table or a white wall does not distort the card's numbers.

use image::GrayImage;

/// Which pixels to measure: non-zero = inside. Must have the image's dimensions (otherwise it
/// is ignored and the whole image is measured).
pub type Mask = GrayImage;

/// A mask from a polygon (pixel coordinates, any winding), e.g. the card outline.
pub fn polygon_mask(width: u32, height: u32, polygon: &[[f64; 2]]) -> Mask {
    let mut mask = GrayImage::new(width, height);
    if polygon.len() < 3 {
        return mask;
    }
    for (y, row) in mask.rows_mut().enumerate() {
        let py = y as f64 + 0.5;
        // Crossings of this scanline with the polygon's edges (even-odd rule).
        let mut xs: Vec<f64> = Vec::new();
        for (i, a) in polygon.iter().enumerate() {
            let b = polygon.get((i + 1) % polygon.len()).unwrap_or(a);
            if (a[1] <= py) != (b[1] <= py) {
                xs.push(a[0] + (py - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
        xs.sort_by(f64::total_cmp);
        for (x, px) in row.enumerate() {
            let cx = x as f64 + 0.5;
            let inside = xs.iter().filter(|&&v| v <= cx).count() % 2 == 1;
            if inside {
                px.0 = [255];
            }
        }
    }
    mask
}

pub(crate) fn mask_for(mask: Option<&Mask>, width: u32, height: u32) -> Option<&[u8]> {
    mask.filter(|m| m.dimensions() == (width, height))
        .map(|m| m.as_raw().as_slice())
}

pub(crate) fn inside(mask: Option<&[u8]>, i: usize) -> bool {
    mask.is_none_or(|m| m.get(i).is_some_and(|&v| v != 0))
}
