//! `--format html`: one self-contained page per report. Each photo is embedded as a downscaled
//! JPEG (made from the image's single decode, see `images::thumbnail`) with the analysis'
//! regions drawn over it as SVG (document outline and corners, the cut-off part, glare, faces),
//! next to its findings with message, advice, measured value and limit in the chosen language;
//! PII masked unless `--show-pii`. No scripts, no external resources (a Content-Security-Policy
//! forbids loading any). `batch` writes an index page linking one page per case.
//!
//! - [`page`]: the report page; [`rejection`]: `diagnose`'s section;
//! - [`figure`] and [`overlay`]: a photo and what is drawn on it;
//! - [`index`]: the batch index and writing the pages; [`css`]: the stylesheet.
//!
//! Like every renderer it reads the report and the message registry and never re-runs a check.

mod css;
mod figure;
mod index;
mod overlay;
mod page;
mod rejection;

pub use index::{WriteError, Written, case_file_name, index_page, write_batch};

use crate::diagnose::Diagnosis;
use crate::report::Report;
use page::Page;

use super::RenderOptions;

/// `check --format html`.
pub fn check(report: &Report, opts: &RenderOptions) -> String {
    page::render(&Page {
        report,
        opts,
        diagnosis: None,
        case: None,
        back: None,
    })
}

/// `diagnose --format html`: the rejection section first; the findings that explain it lead
/// their image's list, marked.
pub fn diagnose(report: &Report, diagnosis: &Diagnosis, opts: &RenderOptions) -> String {
    page::render(&Page {
        report,
        opts,
        diagnosis: Some(diagnosis),
        case: None,
        back: None,
    })
}
