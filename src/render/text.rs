//! Text for people: findings grouped by subject, ✗ fail / ! warn / i info, the measured value
//! against its limit, the advice, and a one-line summary.

use colored::Colorize;
use std::fmt::Write as _;

use super::{RenderOptions, finding_advice, finding_message};
use crate::finding::{Finding, Severity, Subject};
use crate::messages::{Lang, diagnose, format_num, ui};
use crate::report::{ImageReport, Report};

pub(crate) fn paint(s: &str, sev: Severity, on: bool) -> String {
    if !on {
        return s.to_string();
    }
    match sev {
        Severity::Fail => s.red().bold().to_string(),
        Severity::Warn => s.yellow().bold().to_string(),
        Severity::Info => s.cyan().to_string(),
    }
}

pub(crate) fn dim(s: &str, on: bool) -> String {
    if on {
        s.dimmed().to_string()
    } else {
        s.to_string()
    }
}

pub(crate) fn bold(s: &str, on: bool) -> String {
    if on {
        s.bold().to_string()
    } else {
        s.to_string()
    }
}

pub(crate) fn mark(sev: Severity) -> &'static str {
    match sev {
        Severity::Fail => "✗",
        Severity::Warn => "!",
        Severity::Info => "i",
    }
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut out = header(report, opts);
    body(
        &mut out,
        report,
        opts,
        &|_| true,
        ui::no_findings(opts.lang),
    );
    summary(&mut out, report, opts);
    out
}

/// The first line: tool, profile, policy, date.
pub(crate) fn header(report: &Report, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let (h_profile, h_policy, h_today) = ui::header(lang);
    let profile = if report.without_profile {
        diagnose::profile_not_given_short(lang)
    } else {
        opts.profile_name.as_str()
    };
    format!(
        "{}\n",
        dim(
            &format!(
                "kyc-precheck {} · {h_profile} {profile} · {h_policy} {} · {h_today} {}",
                env!("CARGO_PKG_VERSION"),
                opts.policy_name,
                opts.today
            ),
            opts.color
        )
    )
}

/// The findings grouped by subject, with each image's metrics. Only findings whose index
/// `keep` accepts are listed; a subject left without findings says `none`.
pub(crate) fn body(
    out: &mut String,
    report: &Report,
    opts: &RenderOptions,
    keep: &dyn Fn(usize) -> bool,
    none: &str,
) {
    let lang = opts.lang;
    let c = opts.color;
    let mut subjects: Vec<Subject> = vec![Subject::Profile];
    subjects.extend(report.images.keys().copied());
    subjects.extend(report.findings.iter().map(|f| f.subject));
    subjects.sort();
    subjects.dedup();

    for subject in subjects {
        out.push('\n');
        let mut heading = bold(ui::subject(subject, lang), c);
        if let Some(img) = report.images.get(&subject) {
            heading.push_str(&format!("  {}", dim(&image_line(img), c)));
        }
        let _ = writeln!(out, "{heading}");
        if let Some(metrics) = report
            .images
            .get(&subject)
            .and_then(|i| metrics_line(i, lang))
        {
            let _ = writeln!(out, "  {}", dim(&metrics, c));
        }
        if let Some(t) = report.images.get(&subject).and_then(|i| i.text.as_ref()) {
            let line = ui::mrz_line(
                t.status,
                t.format,
                t.confidence,
                &t.shown_lines(opts.show_pii),
                lang,
            );
            let _ = writeln!(out, "  {}", dim(&line, c));
        }
        let findings: Vec<_> = report
            .findings
            .iter()
            .enumerate()
            .filter(|(i, f)| f.subject == subject && keep(*i))
            .map(|(_, f)| f)
            .collect();
        if findings.is_empty() {
            let line = if subject == Subject::Profile && report.without_profile {
                diagnose::profile_not_given(lang).to_string()
            } else {
                format!("✓ {none}")
            };
            let _ = writeln!(out, "  {line}");
            continue;
        }
        for f in findings {
            finding_block(out, f, opts, "  ", None);
        }
    }
}

/// One finding: mark, code, field (or `label`), measured value, message, advice.
pub(crate) fn finding_block(
    out: &mut String,
    f: &Finding,
    opts: &RenderOptions,
    indent: &str,
    label: Option<&str>,
) {
    let (lang, c) = (opts.lang, opts.color);
    let mut head = format!(
        "{indent}{} {}",
        paint(mark(f.severity), f.severity, c),
        paint(f.code.as_str(), f.severity, c)
    );
    if let Some(label) = label {
        head.push_str(&format!("  {}", bold(label, c)));
    }
    if let Some(field) = &f.field {
        head.push_str(&format!("  {}", dim(field, c)));
    }
    if let (Some(m), Some(t)) = (f.measured, f.threshold) {
        head.push_str(&format!(
            "  {}",
            dim(&ui::measured_limit(&format_num(m), &format_num(t), lang), c)
        ));
    }
    let _ = writeln!(out, "{head}");
    let _ = writeln!(
        out,
        "{indent}    {}",
        finding_message(f, lang, opts.show_pii)
    );
    let _ = writeln!(
        out,
        "{indent}    {} {}",
        dim("→", c),
        finding_advice(f, lang)
    );
}

/// The verdict line with the counts.
pub(crate) fn summary(out: &mut String, report: &Report, opts: &RenderOptions) {
    let (lang, c) = (opts.lang, opts.color);
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let verdict = report.verdict();
    let sev = match verdict {
        crate::finding::Verdict::Fail => Severity::Fail,
        crate::finding::Verdict::Warn => Severity::Warn,
        crate::finding::Verdict::Pass => Severity::Info,
    };
    out.push('\n');
    let _ = writeln!(
        out,
        "{} {}",
        paint(ui::verdict(verdict, lang), sev, c),
        dim(
            &ui::counts(
                count(Severity::Fail),
                count(Severity::Warn),
                count(Severity::Info),
                lang
            ),
            c
        )
    );
}

fn image_line(img: &ImageReport) -> String {
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

fn metrics_line(img: &ImageReport, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    let mut push =
        |name: &'static str, v: String| parts.push(format!("{} {v}", ui::metric_name(name, lang)));
    if let Some(v) = img.blur {
        push("blur", format!("{v:.1}"));
    }
    if let Some(v) = img.glare {
        push("glare", format!("{:.1}%", v * 100.0));
    }
    if let Some(v) = img.brightness {
        push("brightness", format!("{v:.2}"));
    }
    if let Some(v) = img.contrast {
        push("contrast", format!("{v:.2}"));
    }
    if let Some(v) = img.colorfulness {
        push("colour", format!("{v:.2}"));
    }
    if let Some(v) = img.faces {
        push("faces", v.to_string());
    }
    if let Some(d) = &img.document {
        push("card", format!("{:.0}%", d.area_fraction * 100.0));
        push("dpi", format!("{:.0}", d.dpi));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn human_bytes(n: u64) -> String {
    const KIB: f64 = 1024.0;
    let f = n as f64;
    if f >= KIB * KIB {
        format!("{:.1} MiB", f / KIB / KIB)
    } else if f >= KIB {
        format!("{:.1} KiB", f / KIB)
    } else {
        format!("{n} B")
    }
}
