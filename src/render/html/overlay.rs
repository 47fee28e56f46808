//! What to draw over a photo, taken from the report in pixels of the orientation-corrected
//! original image (the SVG's viewBox is the original's size, so the browser scales every shape
//! to the thumbnail). Nothing is measured here: each overlay is a region the analysis reported.
//!
//! Adding a kind of region is one [`Kind`] variant, its legend words in
//! `messages::html::overlay`, its colour in the CSS, and one function in [`SOURCES`].

use crate::codes::Code;
use crate::finding::Finding;
use crate::report::ImageReport;

/// A kind of region, drawn in its own colour and named in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    /// The card's outline and its four corners.
    Document,
    /// The frame edges the card leaves or touches, and the part of the outline beyond them.
    CutOff,
    Glare,
    Face,
    /// Where text was read (`images.<role>.text.quad`), or an MRZ was found but not read.
    Text,
}

impl Kind {
    /// The CSS class suffix and the key of the legend words.
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::CutOff => "cutoff",
            Kind::Glare => "glare",
            Kind::Face => "face",
            Kind::Text => "text",
        }
    }
}

/// A shape in original-image pixels.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Shape {
    Polygon(Vec<[f64; 2]>),
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
    },
    /// A corner marker.
    Dot([f64; 2]),
    /// A polygon drawn only where it lies outside the photo (the cut-off part of the card).
    OutsideFrame(Vec<[f64; 2]>),
    /// A band along the inside of one frame edge, filled with the kind's hatching.
    Band(Edge),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edge {
    Left,
    Top,
    Right,
    Bottom,
}

/// One region to draw.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Overlay {
    pub kind: Kind,
    pub shapes: Vec<Shape>,
    /// A finding of this image is about this region (drawn bolder).
    pub flagged: bool,
    /// Hover text: the reason code it belongs to, or what the region is.
    pub title: String,
}

/// What an overlay source reads: one image's report and its findings.
pub(super) struct Source<'a> {
    pub image: &'a ImageReport,
    pub findings: &'a [&'a Finding],
    /// The original's width and height (after EXIF orientation).
    pub size: (f64, f64),
    /// Show the text read unmasked (`--show-pii`).
    pub show_pii: bool,
}

impl Source<'_> {
    fn finding(&self, code: Code) -> Option<&Finding> {
        self.findings.iter().copied().find(|f| f.code == code)
    }
    fn has(&self, codes: &[Code]) -> bool {
        self.findings.iter().any(|f| codes.contains(&f.code))
    }
}

/// Every source of overlays, in drawing order (later ones on top).
const SOURCES: &[fn(&Source) -> Vec<Overlay>] = &[document, cut_off, glare, faces, text];

/// The overlays of one image.
pub(super) fn overlays(src: &Source) -> Vec<Overlay> {
    SOURCES.iter().flat_map(|source| source(src)).collect()
}

fn document(src: &Source) -> Vec<Overlay> {
    let Some(doc) = &src.image.document else {
        return Vec::new();
    };
    let mut shapes = vec![Shape::Polygon(doc.corners.to_vec())];
    shapes.extend(doc.corners.iter().map(|&c| Shape::Dot(c)));
    vec![Overlay {
        kind: Kind::Document,
        shapes,
        flagged: src.has(&[Code::DocTooSmall, Code::DocTilted]),
        title: "document".into(),
    }]
}

/// The sides a `DOC_CUT_OFF` finding names: from its detail (`doc.cut_off.top_left`), or, for
/// `doc.cut_off.several`, the sides the reported outline comes nearer than the finding's limit.
fn cut_off(src: &Source) -> Vec<Overlay> {
    let Some(f) = src.finding(Code::DocCutOff) else {
        return Vec::new();
    };
    let (w, h) = src.size;
    let key = f.detail.as_ref().map_or("", |d| d.key);
    let named: Vec<Edge> = [
        ("left", Edge::Left),
        ("top", Edge::Top),
        ("right", Edge::Right),
        ("bottom", Edge::Bottom),
    ]
    .iter()
    .filter(|(word, _)| key.rsplit('.').next().is_some_and(|k| k.contains(word)))
    .map(|&(_, e)| e)
    .collect();
    let corners = src.image.document.as_ref().map(|d| d.corners);
    let edges = if named.is_empty() {
        corners.map_or_else(Vec::new, |c| {
            near_edges(&c, w, h, f.threshold.unwrap_or(0.0))
        })
    } else {
        named
    };
    let mut shapes: Vec<Shape> = edges.into_iter().map(Shape::Band).collect();
    if let Some(c) = corners
        && c.iter()
            .any(|p| p[0] < 0.0 || p[1] < 0.0 || p[0] > w || p[1] > h)
    {
        shapes.push(Shape::OutsideFrame(c.to_vec()));
    }
    vec![Overlay {
        kind: Kind::CutOff,
        shapes,
        flagged: true,
        title: Code::DocCutOff.as_str().into(),
    }]
}

/// Frame edges the outline comes within `limit` (a fraction of the width or height) of.
fn near_edges(c: &[[f64; 2]; 4], w: f64, h: f64, limit: f64) -> Vec<Edge> {
    let min = |f: &dyn Fn(&[f64; 2]) -> f64| c.iter().map(f).fold(f64::INFINITY, f64::min);
    let gaps = [
        (min(&|p| p[0]) / w, Edge::Left),
        (min(&|p| p[1]) / h, Edge::Top),
        (min(&|p| w - p[0]) / w, Edge::Right),
        (min(&|p| h - p[1]) / h, Edge::Bottom),
    ];
    gaps.iter()
        .filter(|(gap, _)| *gap < limit)
        .map(|&(_, e)| e)
        .collect()
}

fn glare(src: &Source) -> Vec<Overlay> {
    let flagged = src.has(&[Code::ImageGlare]);
    src.image
        .glare_regions
        .iter()
        .map(|g| Overlay {
            kind: Kind::Glare,
            shapes: vec![Shape::Rect {
                x: g.x,
                y: g.y,
                w: g.width,
                h: g.height,
            }],
            flagged,
            title: if g.covers.is_empty() {
                format!("glare {:.1}%", g.fraction * 100.0)
            } else {
                format!("glare {:.1}% ({})", g.fraction * 100.0, g.covers.join(", "))
            },
        })
        .collect()
}

fn faces(src: &Source) -> Vec<Overlay> {
    let flagged = src.has(&[
        Code::SelfieMultipleFaces,
        Code::SelfieFaceTooSmall,
        Code::SelfieFaceOffCenter,
    ]);
    src.image
        .face_boxes
        .iter()
        .map(|b| Overlay {
            kind: Kind::Face,
            shapes: vec![Shape::Rect {
                x: b.x,
                y: b.y,
                w: b.width,
                h: b.height,
            }],
            flagged,
            title: format!("face {:.2}", b.score),
        })
        .collect()
}

/// The MRZ's outline, titled with what was read (masked unless `--show-pii`).
fn text(src: &Source) -> Vec<Overlay> {
    let Some(t) = &src.image.text else {
        return Vec::new();
    };
    let Some(quad) = t.quad else {
        return Vec::new();
    };
    let title = match t.status {
        "read" => format!(
            "MRZ {}: {}",
            t.format.unwrap_or(""),
            t.shown_lines(src.show_pii).join(" / ")
        ),
        _ => "MRZ_UNREADABLE".to_string(),
    };
    vec![Overlay {
        kind: Kind::Text,
        shapes: vec![Shape::Polygon(quad.to_vec())],
        flagged: src.has(&[Code::DocDataMismatch, Code::MrzUnreadable]),
        title,
    }]
}

/// How far (as a fraction, at most 0.25) shapes reach beyond the frame on the x and y axes,
/// so the figure can leave room around the photo for the cut-off part of a card.
pub(super) fn overflow(overlays: &[Overlay], size: (f64, f64)) -> (f64, f64) {
    let (w, h) = size;
    let mut out: (f64, f64) = (0.0, 0.0);
    for o in overlays {
        for s in &o.shapes {
            if let Shape::OutsideFrame(points) = s {
                for p in points {
                    out.0 = out.0.max(-p[0] / w).max((p[0] - w) / w);
                    out.1 = out.1.max(-p[1] / h).max((p[1] - h) / h);
                }
            }
        }
    }
    (out.0.clamp(0.0, 0.25), out.1.clamp(0.0, 0.25))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Subject;
    use crate::report::{DocumentOutline, FaceBox, GlareSpot};

    fn image() -> ImageReport {
        ImageReport {
            width: Some(1000),
            height: Some(600),
            document: Some(DocumentOutline {
                corners: [[-50.0, 20.0], [900.0, 20.0], [900.0, 580.0], [-50.0, 580.0]],
                area_fraction: 0.8,
                angle_deg: 0.0,
                long_side_px: 950.0,
                dpi: 280.0,
            }),
            glare_regions: vec![GlareSpot {
                x: 100.0,
                y: 100.0,
                width: 50.0,
                height: 40.0,
                fraction: 0.01,
                covers: vec!["portrait".into()],
            }],
            face_boxes: vec![FaceBox {
                x: 10.0,
                y: 10.0,
                width: 30.0,
                height: 30.0,
                score: 5.0,
            }],
            ..ImageReport::default()
        }
    }

    #[test]
    fn every_reported_region_is_drawn() {
        let img = image();
        let cut = Finding::new(Code::DocCutOff, Subject::IdFront)
            .detail("doc.cut_off.left", [])
            .measured(-0.05, 0.01);
        let findings = [&cut];
        let src = Source {
            image: &img,
            findings: &findings,
            size: (1000.0, 600.0),
            show_pii: false,
        };
        let o = overlays(&src);
        let kinds: Vec<Kind> = o.iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Document, Kind::CutOff, Kind::Glare, Kind::Face]
        );
        let cutoff = o.iter().find(|o| o.kind == Kind::CutOff).expect("cut off");
        assert!(cutoff.shapes.contains(&Shape::Band(Edge::Left)));
        assert!(matches!(cutoff.shapes.last(), Some(Shape::OutsideFrame(_))));
        // 50 px beyond a 1000 px wide frame.
        assert_eq!(overflow(&o, (1000.0, 600.0)), (0.05, 0.0));
        assert!(
            o.iter()
                .find(|o| o.kind == Kind::Glare)
                .expect("glare")
                .title
                .contains("portrait")
        );
    }

    #[test]
    fn several_sides_come_from_the_outline_and_the_limit() {
        let img = image();
        let cut = Finding::new(Code::DocCutOff, Subject::IdFront)
            .detail("doc.cut_off.several", [])
            .measured(-0.05, 0.04);
        let findings = [&cut];
        let src = Source {
            image: &img,
            findings: &findings,
            size: (1000.0, 600.0),
            show_pii: false,
        };
        let o = overlays(&src);
        let cutoff = o.iter().find(|o| o.kind == Kind::CutOff).expect("cut off");
        // Left is beyond the frame; top and bottom are 20 px of 600 (3.3 % < 4 %); right is
        // 100 px of 1000 away.
        let bands: Vec<&Shape> = cutoff
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Band(_)))
            .collect();
        assert_eq!(
            bands,
            [
                &Shape::Band(Edge::Left),
                &Shape::Band(Edge::Top),
                &Shape::Band(Edge::Bottom)
            ]
        );
    }

    #[test]
    fn no_cut_off_finding_no_cut_off_overlay() {
        let img = image();
        let src = Source {
            image: &img,
            findings: &[],
            size: (1000.0, 600.0),
            show_pii: false,
        };
        assert!(overlays(&src).iter().all(|o| o.kind != Kind::CutOff));
    }
}
