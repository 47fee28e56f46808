//! `diagnose --format html`: the "Rejection" section at the top of the page, linking to the
//! findings that explain it (shown first, and marked, in their image's section), and naming what
//! lies outside a local check. The same content as the text report's section.

use maud::{Markup, html};

use super::page::colon;
use crate::diagnose::{Diagnosis, OutsideCause, vendors};
use crate::messages::diagnose::{outside_text, words};
use crate::messages::ui;
use crate::render::{RenderOptions, finding_message};
use crate::report::Report;

pub(super) fn section(report: &Report, d: &Diagnosis, opts: &RenderOptions) -> Markup {
    let lang = opts.lang;
    let w = words(lang);
    let col = colon(lang);
    let r = &d.rejection;
    let others: Vec<&str> = OutsideCause::ALL
        .iter()
        .filter(|cause| !d.outside.contains(cause))
        .map(|&cause| outside_text(cause, lang).title)
        .collect();
    html! {
        section.rejection id="rejection" {
            h2 { (w.rejection) (col) code { (r.given) } }
            @if let Some(v) = &r.vendor {
                @if let Some(wording) = v.wording {
                    p {
                        (vendors::vendor_name(&v.vendor)) " " code { (v.code) } " “" (wording) "”"
                        // The source is cited as text: a report links to nothing outside itself.
                        @if let Some(src) = vendors::vendor_source(&v.vendor) {
                            span.meta { " · " (w.source) (col) (src) }
                        }
                    }
                } @else if v.recognised() {
                    p { code { (v.qualified()) } }
                } @else {
                    p { code { (v.qualified()) } " — " (w.vendor_unknown) }
                }
            }
            @if !r.words.is_empty() {
                p {
                    (w.matched_words) (col)
                    @for (n, m) in r.words.iter().enumerate() {
                        @if n > 0 { "; " }
                        (m.word) " → "
                        (m.codes.iter().map(|c| c.as_str().to_string())
                            .chain(m.causes.iter().map(|&c| outside_text(c, lang).title.to_string()))
                            .collect::<Vec<_>>().join(", "))
                    }
                }
            }
            @if r.is_unrecognised() { p { (w.not_recognised) } }
            @if d.explained() {
                p { b { (w.explained_by) } }
                ul.explaining {
                    @for &i in &d.explaining {
                        @if let Some(f) = report.findings.get(i) {
                            li {
                                a href={ "#f-" (i) } { code { (f.code.as_str()) } }
                                " · " (ui::subject(f.subject, lang)) (col)
                                (finding_message(f, lang, opts.show_pii))
                            }
                        }
                    }
                }
                @if !d.outside.is_empty() {
                    p { (w.also_outside) }
                    (causes(&d.outside, opts))
                }
            } @else {
                p { b { (w.not_explained) } }
                @if !r.candidates.is_empty() {
                    p.meta {
                        (w.checked_for) (col)
                        (r.candidates.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "))
                    }
                }
                p { (w.outside_intro) }
                (causes(&d.outside, opts))
                @if !others.is_empty() {
                    p.meta { (w.other_outside) (col) (others.join(if lang == crate::messages::Lang::Zh { "；" } else { "; " })) }
                }
            }
        }
    }
}

fn causes(causes: &[OutsideCause], opts: &RenderOptions) -> Markup {
    let lang = opts.lang;
    html! {
        ul.causes {
            @for &cause in causes {
                @let t = outside_text(cause, lang);
                li data-cause=(cause.as_str()) {
                    b { (t.title) } (colon(lang)) (t.explain)
                    br;
                    span.cause-advice { "→ " (t.advice) }
                }
            }
        }
    }
}
