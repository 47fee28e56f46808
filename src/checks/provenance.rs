//! Where the picture came from, as its EXIF tells (hints, not proof): an editor
//! (`IMAGE_EDITED`), a screenshot (`IMAGE_SCREENSHOT`), GPS coordinates (`EXIF_GPS_PRESENT`),
//! a selfie taken long ago (`SELFIE_STALE`).

use chrono::NaiveDate;

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
use crate::images::analysis::ImageAnalysis;
use crate::images::exif;
use crate::policy::{ImageFormat, Policy};

/// EXIF provenance of one image: editor, screenshot, GPS, stale selfie. A decoded PNG of a
/// phone screen's size without camera data looks like a screenshot.
pub fn findings(a: &ImageAnalysis, policy: &Policy, today: NaiveDate) -> Vec<Finding> {
    let Some(exif) = &a.exif else {
        return Vec::new();
    };
    let subject = a.subject;
    let png_size = (a.format == Some(ImageFormat::Png) && a.pixels.is_some())
        .then_some(a.dimensions)
        .flatten();
    let f = |code| Finding::new(code, subject);
    let mut out = Vec::new();
    if let Some((software, editor)) = exif
        .software
        .iter()
        .find_map(|s| Some((s, exif::editor_name(s)?)))
    {
        out.push(f(Code::ImageEdited).detail(
            "image.edited",
            [Arg::text(editor), Arg::text(software.clone())],
        ));
    }
    if let Some(text) = &exif.screenshot_text {
        out.push(
            f(Code::ImageScreenshot).detail("image.screenshot_metadata", [Arg::text(text.clone())]),
        );
    } else if let Some((w, h)) = png_size
        && !exif.has_camera()
        && exif::is_screen_size(w, h)
    {
        out.push(f(Code::ImageScreenshot).detail(
            "image.screenshot_size",
            [Arg::Int(i64::from(w)), Arg::Int(i64::from(h))],
        ));
    }
    if exif.summary.as_ref().is_some_and(|s| s.gps) {
        out.push(f(Code::ExifGpsPresent).detail("image.gps", []));
    }
    if subject == Subject::Selfie
        && let Some(taken) = exif.taken
    {
        let age = (today - taken).num_days();
        let max = i64::from(policy.provenance.selfie_max_age_days);
        if age > max {
            out.push(
                f(Code::SelfieStale)
                    .detail(
                        "image.selfie_stale",
                        [
                            Arg::text(taken.to_string()),
                            Arg::Int(age),
                            Arg::text(today.to_string()),
                            Arg::Int(max),
                        ],
                    )
                    .measured(age as f64, max as f64),
            );
        }
    }
    out
}
