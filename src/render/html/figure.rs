//! One photo with its overlays: the embedded JPEG thumbnail in an `<img>`, and over it an SVG
//! whose viewBox is the original image's size, so the report's pixel coordinates draw as they are.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use maud::{Markup, html};
use std::fmt::Write as _;

use super::overlay::{self, Edge, Kind, Overlay, Shape, Source};
use crate::finding::{Finding, Subject};
use crate::images::Thumbnail;
use crate::messages::{Lang, html as words, ui};
use crate::report::ImageReport;

/// `data:` URL of an embedded JPEG.
pub(super) fn data_url(t: &Thumbnail) -> String {
    format!("data:image/jpeg;base64,{}", STANDARD.encode(&t.jpeg))
}

/// The figure of one image, or a placeholder when it has no picture (it did not decode).
pub(super) fn figure(
    subject: Subject,
    image: &ImageReport,
    findings: &[&Finding],
    lang: Lang,
    show_pii: bool,
) -> Markup {
    let w = words::words(lang);
    let (Some(thumbs), Some(width), Some(height)) = (&image.thumbnails, image.width, image.height)
    else {
        return html! { p.no-picture { (w.no_picture) } };
    };
    let size = (f64::from(width.max(1)), f64::from(height.max(1)));
    let overlays = overlay::overlays(&Source {
        image,
        findings,
        size,
        show_pii,
    });
    let pad = padding(overlay::overflow(&overlays, size), size);
    let mut kinds: Vec<Kind> = overlays.iter().map(|o| o.kind).collect();
    kinds.sort();
    kinds.dedup();
    let id = subject.as_str();
    let svg = svg(id, &overlays, size);
    let alt = format!("{}: {}", ui::subject(subject, lang), image.path);
    html! {
        figure.shot {
            div.stage style=[pad.map(|p| format!("padding:{p:.2}%"))] {
                div.frame {
                    img src=(data_url(&thumbs.page)) width=(thumbs.page.width)
                        height=(thumbs.page.height) alt=(alt);
                    (maud::PreEscaped(svg))
                }
            }
            @if !kinds.is_empty() {
                figcaption {
                    ul.legend {
                        li.legend-title { (w.legend) }
                        @for k in &kinds {
                            li { span class={ "sw sw-" (k.name()) } {} (words::overlay(k.name(), lang)) }
                        }
                    }
                }
            }
        }
    }
}

/// The padding (percent of the figure's width) that leaves room for shapes reaching `overflow`
/// beyond the frame: padding `p` of a figure fits a reach `r` of the frame's width when
/// `p = r / (1 + 2r)`; a reach on the y axis is first turned into a share of the width.
fn padding(overflow: (f64, f64), size: (f64, f64)) -> Option<f64> {
    let r = overflow.0.max(overflow.1 * size.1 / size.0);
    (r > 0.0).then(|| 100.0 * r / (1.0 + 2.0 * r) + 0.5)
}

/// The SVG, written by hand: its markup is numbers and fixed names only (titles are escaped).
fn svg(id: &str, overlays: &[Overlay], (w, h): (f64, f64)) -> String {
    let mut s = String::new();
    let unit = w.max(h);
    let _ = write!(
        s,
        r#"<svg class="overlay" viewBox="0 0 {} {}" preserveAspectRatio="none" role="img" aria-hidden="true">"#,
        num(w),
        num(h)
    );
    let hatch = format!("hatch-{id}");
    let outside = format!("outside-{id}");
    let _ = write!(
        s,
        r#"<defs><pattern id="{hatch}" patternUnits="userSpaceOnUse" width="{p}" height="{p}" patternTransform="rotate(45)"><rect width="{half}" height="{p}" fill="rgba(255,23,68,.55)"/></pattern><clipPath id="{outside}"><path clip-rule="evenodd" d="M{m} {m}H{mw}V{mh}H{m}Z M0 0V{h}H{w}V0Z"/></clipPath></defs>"#,
        p = num(unit / 60.0),
        half = num(unit / 120.0),
        m = num(-unit),
        mw = num(w + unit),
        mh = num(h + unit),
        w = num(w),
        h = num(h),
    );
    for o in overlays {
        let class = if o.flagged { " flagged" } else { "" };
        let _ = write!(
            s,
            r#"<g class="ov ov-{}{class}" data-kind="{}"><title>{}</title>"#,
            o.kind.name(),
            o.kind.name(),
            maud::html! { (o.title) }.into_string()
        );
        for shape in &o.shapes {
            shape_svg(&mut s, shape, (w, h), &hatch, &outside);
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

fn shape_svg(s: &mut String, shape: &Shape, (w, h): (f64, f64), hatch: &str, outside: &str) {
    let unit = w.max(h);
    match shape {
        Shape::Polygon(points) => {
            let _ = write!(s, r#"<polygon points="{}"/>"#, points_attr(points));
        }
        Shape::Rect { x, y, w, h } => {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}"/>"#,
                num(*x),
                num(*y),
                num(*w),
                num(*h)
            );
        }
        Shape::Dot(p) => {
            let _ = write!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}"/>"#,
                num(p[0]),
                num(p[1]),
                num(unit * 0.012)
            );
        }
        Shape::OutsideFrame(points) => {
            let _ = write!(
                s,
                r#"<polygon points="{}" clip-path="url(#{outside})" fill="url(#{hatch})"/>"#,
                points_attr(points)
            );
        }
        Shape::Band(edge) => {
            let t = unit * 0.03;
            let (x, y, bw, bh) = match edge {
                Edge::Left => (0.0, 0.0, t, h),
                Edge::Top => (0.0, 0.0, w, t),
                Edge::Right => (w - t, 0.0, t, h),
                Edge::Bottom => (0.0, h - t, w, t),
            };
            let _ = write!(
                s,
                r#"<rect class="band" x="{}" y="{}" width="{}" height="{}" fill="url(#{hatch})"/>"#,
                num(x),
                num(y),
                num(bw),
                num(bh)
            );
        }
    }
}

fn points_attr(points: &[[f64; 2]]) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", num(p[0]), num(p[1])))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A coordinate with one decimal, finite (a NaN from a bad report draws nothing rather than
/// breaking the SVG).
fn num(v: f64) -> String {
    if v.is_finite() {
        let s = format!("{v:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    } else {
        "0".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_fits_the_reach() {
        assert_eq!(padding((0.0, 0.0), (100.0, 50.0)), None);
        // Reach 0.1 of the width: p = 0.1 / 1.2 = 8.33 %, plus half a percent of slack.
        let p = padding((0.1, 0.0), (100.0, 50.0)).expect("padding");
        assert!((p - 8.83).abs() < 0.01, "{p}");
        // A reach of 0.2 of a height that is half the width is 0.1 of the width.
        assert_eq!(padding((0.0, 0.2), (100.0, 50.0)), Some(p));
    }

    #[test]
    fn numbers_are_short_and_finite() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(f64::NAN), "0");
    }
}
