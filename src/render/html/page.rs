//! A report page: header with the verdict, then one section per subject (the profile data and
//! each image) holding the photo with its overlays and that subject's findings.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::css::CSS;
use super::figure;
use super::rejection;
use crate::diagnose::Diagnosis;
use crate::finding::{Finding, Severity, Subject};
use crate::messages::{Lang, diagnose as diag_words, format_num, html as words, ui};
use crate::render::{RenderOptions, finding_advice, finding_message};
use crate::report::{ImageReport, Report};

/// Nothing may be loaded from anywhere: images are `data:` URLs and the style is inline. The
/// browser enforces it, so a report opened from a ticket cannot call out.
pub(super) const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// What one page shows besides the report.
pub(super) struct Page<'a> {
    pub report: &'a Report,
    pub opts: &'a RenderOptions,
    pub diagnosis: Option<&'a Diagnosis>,
    /// The batch case's name, shown in the title.
    pub case: Option<&'a str>,
    /// Relative link back to the batch index.
    pub back: Option<&'a str>,
}

pub(super) fn lang_attr(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// `: ` or `：`.
pub(super) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// The `<head>` shared by report pages and the batch index.
pub(super) fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta http-equiv="Content-Security-Policy" content=(CSP);
            meta name="referrer" content="no-referrer";
            title { (title) }
            style { (PreEscaped(CSS)) }
        }
    }
}

pub(super) fn render(p: &Page) -> String {
    let opts = p.opts;
    let lang = opts.lang;
    let w = words::words(lang);
    let report = p.report;
    let verdict = report.verdict();
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let (h_profile, h_policy, h_today) = ui::header(lang);
    let profile = if report.without_profile {
        diag_words::profile_not_given_short(lang)
    } else {
        opts.profile_name.as_str()
    };
    let title = match p.case {
        Some(case) => format!("{case} · {} · {}", verdict.as_str().to_uppercase(), w.title),
        None => format!(
            "{} · {} · {profile}",
            w.title,
            verdict.as_str().to_uppercase()
        ),
    };
    let explaining: &[usize] = p.diagnosis.map_or(&[], |d| &d.explaining);
    let markup = html! {
        (DOCTYPE)
        html lang=(lang_attr(lang)) {
            (head(&title))
            body {
                @if let Some(back) = p.back {
                    nav.back { a href=(back) { (w.back_to_index) } }
                }
                header.top {
                    h1 { (w.title) @if let Some(case) = p.case { " · " code { (case) } } }
                    p.meta {
                        "kyc-precheck " (env!("CARGO_PKG_VERSION"))
                        " · " (h_profile) " " code { (profile) }
                        " · " (h_policy) " " code { (opts.policy_name) }
                        " · " (h_today) " " (opts.today)
                    }
                    p class={ "verdict verdict-" (verdict.as_str()) } data-verdict=(verdict.as_str()) {
                        (ui::verdict(verdict, lang)) " "
                        span.counts {
                            (ui::counts(count(Severity::Fail), count(Severity::Warn), count(Severity::Info), lang))
                        }
                    }
                    p.note { @if opts.show_pii { (w.pii_shown) } @else { (w.pii_masked) } }
                }
                main {
                    @if let Some(d) = p.diagnosis { (rejection::section(report, d, opts)) }
                    @for subject in subjects(report) {
                        (subject_section(report, subject, explaining, opts))
                    }
                }
                footer { "kyc-precheck " (env!("CARGO_PKG_VERSION")) }
            }
        }
    };
    markup.into_string()
}

/// The profile, then every image in the report, then any other subject a finding names.
fn subjects(report: &Report) -> Vec<Subject> {
    let mut subjects: Vec<Subject> = vec![Subject::Profile];
    subjects.extend(report.images.keys().copied());
    subjects.extend(report.findings.iter().map(|f| f.subject));
    subjects.sort();
    subjects.dedup();
    subjects
}

fn subject_section(
    report: &Report,
    subject: Subject,
    explaining: &[usize],
    opts: &RenderOptions,
) -> Markup {
    let lang = opts.lang;
    // Explaining findings first (most likely first), then the others in report order.
    let mut order: Vec<usize> = explaining
        .iter()
        .copied()
        .filter(|&i| report.findings.get(i).is_some_and(|f| f.subject == subject))
        .collect();
    order.extend(
        report
            .findings
            .iter()
            .enumerate()
            .filter(|(i, f)| f.subject == subject && !explaining.contains(i))
            .map(|(i, _)| i),
    );
    let findings: Vec<&Finding> = order
        .iter()
        .filter_map(|&i| report.findings.get(i))
        .collect();
    let image = report.images.get(&subject);
    html! {
        section.subject id={ "s-" (subject.as_str()) } data-subject=(subject.as_str()) {
            h2 {
                (ui::subject(subject, lang))
                @if let Some(img) = image { span.file { (file_line(img)) } }
            }
            div class=(if image.is_some() { "subject-body has-figure" } else { "subject-body" }) {
                @if let Some(img) = image {
                    div {
                        (figure::figure(subject, img, &findings, lang, opts.show_pii))
                        (metrics(img, lang))
                        @if let Some(t) = &img.text {
                            p.text-read {
                                (ui::mrz_line(t.status, t.format, t.confidence, &t.shown_lines(opts.show_pii), lang))
                            }
                        }
                    }
                }
                div {
                    @if order.is_empty() {
                        @if subject == Subject::Profile && report.without_profile {
                            p.none.not-given { (diag_words::profile_not_given(lang)) }
                        } @else {
                            p.none { "✓ " (ui::no_findings(lang)) }
                        }
                    } @else {
                        ol.findings {
                            @for &i in &order {
                                @if let Some(f) = report.findings.get(i) {
                                    (finding(i, f, explaining.contains(&i), opts))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One finding: severity, code, field, message, advice, measured value against its limit, and
/// the platforms' codes for the same problem.
pub(super) fn finding(i: usize, f: &Finding, explains: bool, opts: &RenderOptions) -> Markup {
    let lang = opts.lang;
    let w = words::words(lang);
    let sev = f.severity.as_str();
    let measured = f.measured.filter(|v| v.is_finite());
    let threshold = f.threshold.filter(|v| v.is_finite());
    let vendors = f.code.vendor_codes();
    let class = format!(
        "finding sev-{sev}{}",
        if explains { " explains" } else { "" }
    );
    html! {
        li class=(class) id={ "f-" (i) }
            data-code=(f.code.as_str()) data-severity=(sev) data-subject=(f.subject.as_str()) {
            div.head {
                span class={ "badge sev-" (sev) } { (words::severity(f.severity, lang)) }
                span.code { (f.code.as_str()) }
                @if explains { span.badge.explains { (w.explains) } }
                @if let Some(field) = &f.field { span.where { (w.field) " " code { (field) } } }
            }
            p.message { (finding_message(f, lang, opts.show_pii)) }
            p.advice { b { (w.advice) (colon(lang)) } (finding_advice(f, lang)) }
            @if measured.is_some() || threshold.is_some() {
                dl.nums {
                    @if let Some(m) = measured { div { dt { (w.measured) } dd.measured { (format_num(m)) } } }
                    @if let Some(t) = threshold { div { dt { (w.limit) } dd.threshold { (format_num(t)) } } }
                }
            }
            @if !vendors.is_empty() {
                p.vendors { (w.vendor_codes) (colon(lang)) code { (vendors.join(" · ")) } }
            }
        }
    }
}

fn file_line(img: &ImageReport) -> String {
    let mut parts = vec![img.path.clone()];
    if let Some(f) = &img.format {
        parts.push(f.clone());
    }
    if let (Some(w), Some(h)) = (img.width, img.height) {
        parts.push(format!("{w}×{h}"));
    }
    parts.push(human_bytes(img.bytes));
    parts.join(" · ")
}

fn human_bytes(n: u64) -> String {
    let f = n as f64;
    if f >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", f / 1024.0 / 1024.0)
    } else if f >= 1024.0 {
        format!("{:.1} KiB", f / 1024.0)
    } else {
        format!("{n} B")
    }
}

/// The numbers behind the image's verdicts, as the text report lists them.
fn metrics(img: &ImageReport, lang: Lang) -> Markup {
    let mut items: Vec<(&'static str, String)> = Vec::new();
    if let Some(v) = img.blur {
        items.push(("blur", format!("{v:.1}")));
    }
    if let Some(v) = img.glare {
        items.push(("glare", format!("{:.1}%", v * 100.0)));
    }
    if let Some(v) = img.brightness {
        items.push(("brightness", format!("{v:.2}")));
    }
    if let Some(v) = img.contrast {
        items.push(("contrast", format!("{v:.2}")));
    }
    if let Some(v) = img.colorfulness {
        items.push(("colour", format!("{v:.2}")));
    }
    if let Some(v) = img.faces {
        items.push(("faces", v.to_string()));
    }
    if let Some(d) = &img.document {
        items.push(("card", format!("{:.0}%", d.area_fraction * 100.0)));
        items.push(("dpi", format!("{:.0}", d.dpi)));
    }
    html! {
        @if !items.is_empty() {
            dl.metrics aria-label=(words::words(lang).measurements) {
                @for (name, value) in &items {
                    div { dt { (ui::metric_name(name, lang)) } dd { (value) } }
                }
            }
        }
    }
}
