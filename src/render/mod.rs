//! Renderers: turn a `Report` into text for people or JSON for machines. They read the report
//! and the message registry; none re-runs a check or computes a verdict of its own.

pub mod catalog;
pub mod html;
pub mod json;
pub mod junit;
pub mod policy_toml;
pub mod text;

use crate::finding::Finding;
use crate::messages::{self, Lang};

/// How to present a report.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    pub lang: Lang,
    pub show_pii: bool,
    pub color: bool,
    /// Shown in the text header.
    pub profile_name: String,
    pub policy_name: String,
    pub today: String,
}

/// The finding's sentence: the code's message followed by its specific detail.
pub fn finding_message(f: &Finding, lang: Lang, show_pii: bool) -> String {
    let base = messages::code_text(f.code, lang).message;
    match f
        .detail
        .as_ref()
        .and_then(|d| messages::render_detail(d, lang, show_pii))
    {
        Some(detail) if lang == Lang::Zh => format!("{base}{detail}"),
        Some(detail) => format!("{base} {detail}"),
        None => base.to_string(),
    }
}

pub fn finding_advice(f: &Finding, lang: Lang) -> &'static str {
    messages::code_text(f.code, lang).advice
}
