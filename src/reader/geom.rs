//! Geometry of a document view: a homography from the document's own rectangle to the photo,
//! turned by quarter turns, and a bilinear sampler over a grey image.

use image::GrayImage;

/// A plane projective map (row-major 3 × 3, the last entry 1).
#[derive(Clone, Copy, Debug)]
pub struct Homography([f64; 9]);

impl Homography {
    /// The map taking `from[i]` to `to[i]`; `None` when three points are collinear.
    pub fn from_points(from: [[f64; 2]; 4], to: [[f64; 2]; 4]) -> Option<Homography> {
        // Eight equations in the eight unknowns h0..h7 (h8 = 1).
        let mut a = [[0.0f64; 9]; 8];
        for i in 0..4 {
            let ([x, y], [u, v]) = (from[i], to[i]);
            a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        for col in 0..8 {
            let pivot = (col..8).max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))?;
            if a[pivot][col].abs() < 1e-12 {
                return None;
            }
            a.swap(col, pivot);
            for row in 0..8 {
                if row != col {
                    let f = a[row][col] / a[col][col];
                    let pivot_row = a[col];
                    for (k, p) in pivot_row.iter().enumerate().skip(col) {
                        a[row][k] -= f * p;
                    }
                }
            }
        }
        let mut h = [1.0; 9];
        for (i, row) in a.iter().enumerate() {
            h[i] = row[8] / row[i];
        }
        h.iter().all(|v| v.is_finite()).then_some(Homography(h))
    }

    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let h = &self.0;
        let w = h[6] * x + h[7] * y + h[8];
        let w = if w.abs() < 1e-12 { 1e-12 } else { w };
        (
            (h[0] * x + h[1] * y + h[2]) / w,
            (h[3] * x + h[4] * y + h[5]) / w,
        )
    }
}

/// The document seen upright after `turns` quarter turns clockwise of its outline's own
/// rectangle: coordinates of the view map to pixels of the photo.
#[derive(Clone, Copy, Debug)]
pub struct View {
    /// Document rectangle (`0..rect_w` × `0..rect_h`, in pixels of the analysis copy) to the
    /// analysis copy.
    to_copy: Homography,
    rect_w: f64,
    rect_h: f64,
    turns: u8,
    /// Analysis copy to the full image.
    copy_to_full: (f64, f64),
}

impl View {
    /// `corners` (clockwise from top-left, in pixels of the analysis copy); `copy_to_full`
    /// scales the copy's pixels to the full image's.
    pub fn new(corners: &[[f64; 2]; 4], turns: u8, copy_to_full: (f64, f64)) -> Option<View> {
        let len = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        let rect_w = (len(corners[0], corners[1]) + len(corners[3], corners[2])) / 2.0;
        let rect_h = (len(corners[1], corners[2]) + len(corners[0], corners[3])) / 2.0;
        if rect_w < 8.0 || rect_h < 8.0 {
            return None;
        }
        let rect = [[0.0, 0.0], [rect_w, 0.0], [rect_w, rect_h], [0.0, rect_h]];
        Some(View {
            to_copy: Homography::from_points(rect, *corners)?,
            rect_w,
            rect_h,
            turns: turns % 4,
            copy_to_full,
        })
    }

    /// Width and height of the turned view.
    pub fn size(&self) -> (f64, f64) {
        if self.turns.is_multiple_of(2) {
            (self.rect_w, self.rect_h)
        } else {
            (self.rect_h, self.rect_w)
        }
    }

    /// View coordinates to the document rectangle.
    fn to_rect(self, x: f64, y: f64) -> (f64, f64) {
        let (w, h) = (self.rect_w, self.rect_h);
        match self.turns {
            1 => (y, h - x),
            2 => (w - x, h - y),
            3 => (w - y, x),
            _ => (x, y),
        }
    }

    /// View coordinates to the analysis copy.
    pub fn to_copy(self, x: f64, y: f64) -> (f64, f64) {
        let (u, v) = self.to_rect(x, y);
        self.to_copy.apply(u, v)
    }

    /// View coordinates to the full image.
    pub fn to_full(self, x: f64, y: f64) -> (f64, f64) {
        let (cx, cy) = self.to_copy(x, y);
        (cx * self.copy_to_full.0, cy * self.copy_to_full.1)
    }

    /// Full-image pixels per view pixel (roughly: the copy's scale).
    pub fn full_per_view(&self) -> f64 {
        (self.copy_to_full.0 + self.copy_to_full.1) / 2.0
    }

    /// Render the view from the analysis copy at one view pixel per copy pixel.
    pub fn render(&self, copy: &GrayImage) -> GrayImage {
        let (w, h) = self.size();
        let (w, h) = (w.round().max(1.0) as u32, h.round().max(1.0) as u32);
        GrayImage::from_fn(w, h, |x, y| {
            let (cx, cy) = self.to_copy(f64::from(x) + 0.5, f64::from(y) + 0.5);
            image::Luma([bilinear(copy, cx, cy).round().clamp(0.0, 255.0) as u8])
        })
    }
}

/// Bilinear sample at continuous coordinates (pixel centres at +0.5), clamped at the border.
pub fn bilinear(img: &GrayImage, x: f64, y: f64) -> f32 {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return 0.0;
    }
    let x = (x - 0.5).clamp(0.0, f64::from(w - 1));
    let y = (y - 0.5).clamp(0.0, f64::from(h - 1));
    let (x0, y0) = (x.floor() as u32, y.floor() as u32);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = ((x - f64::from(x0)) as f32, (y - f64::from(y0)) as f32);
    let raw = img.as_raw();
    let at = |xx: u32, yy: u32| -> f32 {
        raw.get(yy as usize * w as usize + xx as usize)
            .map_or(0.0, |&v| f32::from(v))
    };
    let top = at(x0, y0) * (1.0 - fx) + at(x1, y0) * fx;
    let bottom = at(x0, y1) * (1.0 - fx) + at(x1, y1) * fx;
    top * (1.0 - fy) + bottom * fy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homography_maps_its_control_points() {
        let from = [[0.0, 0.0], [100.0, 0.0], [100.0, 60.0], [0.0, 60.0]];
        let to = [[10.0, 20.0], [210.0, 30.0], [205.0, 150.0], [12.0, 140.0]];
        let h = Homography::from_points(from, to).expect("solvable");
        for (f, t) in from.iter().zip(&to) {
            let (u, v) = h.apply(f[0], f[1]);
            assert!((u - t[0]).abs() < 1e-6 && (v - t[1]).abs() < 1e-6);
        }
        let degenerate = [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        assert!(Homography::from_points(degenerate, to).is_none());
    }

    #[test]
    fn quarter_turns_map_the_view_corners_to_the_document_corners() {
        let corners = [[0.0, 0.0], [100.0, 0.0], [100.0, 60.0], [0.0, 60.0]];
        // Turned once clockwise, the view is 60 wide and 100 tall; its top-left shows the
        // document's bottom-left corner.
        let v = View::new(&corners, 1, (1.0, 1.0)).expect("view");
        assert_eq!(v.size(), (60.0, 100.0));
        let (x, y) = v.to_copy(0.0, 0.0);
        assert!((x - 0.0).abs() < 1e-9 && (y - 60.0).abs() < 1e-9);
        let v2 = View::new(&corners, 2, (2.0, 2.0)).expect("view");
        let (x, y) = v2.to_full(0.0, 0.0);
        assert!((x - 200.0).abs() < 1e-9 && (y - 120.0).abs() < 1e-9);
    }
}
