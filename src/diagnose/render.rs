//! How `diagnose` prints: a "Rejection" section before the usual text report, and a
//! `diagnosis` object added to the JSON report (whose findings start with the explaining ones).

use serde_json::{Map, Value, json};
use std::fmt::Write as _;

use super::{Diagnosis, OutsideCause, vendors};
use crate::messages::diagnose::{outside_text, words};
use crate::messages::{Lang, ui};
use crate::render::{RenderOptions, json as json_render, text};
use crate::report::Report;

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    }
}

/// The text report with the "Rejection" section first.
pub fn text(report: &Report, d: &Diagnosis, opts: &RenderOptions) -> String {
    let w = words(opts.lang);
    let mut out = text::header(report, opts);
    section(&mut out, report, d, opts);
    out.push('\n');
    let _ = writeln!(out, "{}", text::bold(w.other_findings, opts.color));
    text::body(
        &mut out,
        report,
        opts,
        &|i| !d.explaining.contains(&i),
        w.no_other_findings,
    );
    text::summary(&mut out, report, opts);
    out
}

fn section(out: &mut String, report: &Report, d: &Diagnosis, opts: &RenderOptions) {
    let (lang, c) = (opts.lang, opts.color);
    let w = words(lang);
    let col = colon(lang);
    let r = &d.rejection;
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        text::bold(&format!("{}{col}{}", w.rejection, r.given), c)
    );
    if let Some(v) = &r.vendor {
        match v.wording {
            Some(wording) => {
                let mut line = format!(
                    "  {} {} “{wording}”",
                    vendors::vendor_name(&v.vendor),
                    v.code
                );
                if let Some(src) = vendors::vendor_source(&v.vendor) {
                    line.push_str(&text::dim(&format!(" · {} {src}", w.source), c));
                }
                let _ = writeln!(out, "{line}");
            }
            None if v.recognised() => {
                let _ = writeln!(out, "  {}", v.qualified());
            }
            None => {
                let _ = writeln!(out, "  {} — {}", v.qualified(), w.vendor_unknown);
            }
        }
    }
    if !r.words.is_empty() {
        let list: Vec<String> = r
            .words
            .iter()
            .map(|m| {
                let mut targets: Vec<String> =
                    m.codes.iter().map(|c| c.as_str().to_string()).collect();
                targets.extend(
                    m.causes
                        .iter()
                        .map(|&cause| outside_text(cause, lang).title.to_string()),
                );
                format!("{} → {}", m.word, targets.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}{col}{}",
            w.matched_words,
            list.join(list_sep(lang))
        );
    }
    if r.is_unrecognised() {
        let _ = writeln!(out, "  {}", w.not_recognised);
    }

    if d.explained() {
        let _ = writeln!(out, "  {}", w.explained_by);
        for &i in &d.explaining {
            if let Some(f) = report.findings.get(i) {
                text::finding_block(out, f, opts, "  ", Some(ui::subject(f.subject, lang)));
            }
        }
        if !d.outside.is_empty() {
            let _ = writeln!(out, "  {}", w.also_outside);
            causes(out, &d.outside, opts);
        }
        return;
    }

    let _ = writeln!(out, "  {}", w.not_explained);
    if !r.candidates.is_empty() {
        let names: Vec<&str> = r.candidates.iter().map(|(c, _)| c.as_str()).collect();
        let _ = writeln!(
            out,
            "  {}",
            text::dim(&format!("{}{col}{}", w.checked_for, names.join(", ")), c)
        );
    }
    let _ = writeln!(out, "  {}", w.outside_intro);
    causes(out, &d.outside, opts);
    let others: Vec<&str> = OutsideCause::ALL
        .iter()
        .filter(|cause| !d.outside.contains(cause))
        .map(|&cause| outside_text(cause, lang).title)
        .collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "  {}{col}{}",
            w.other_outside,
            others.join(list_sep(lang))
        );
    }
}

fn causes(out: &mut String, causes: &[OutsideCause], opts: &RenderOptions) {
    let (lang, c) = (opts.lang, opts.color);
    for &cause in causes {
        let t = outside_text(cause, lang);
        let _ = writeln!(
            out,
            "  • {}{}{}",
            text::bold(t.title, c),
            colon(lang),
            t.explain
        );
        let _ = writeln!(out, "      {} {}", text::dim("→", c), t.advice);
    }
}

/// The `diagnosis` object of the JSON report.
pub fn diagnosis_value(report: &Report, d: &Diagnosis, lang: Lang) -> Value {
    let r = &d.rejection;
    let vendor = r.vendor.as_ref().map(|v| {
        json!({
            "vendor": v.vendor,
            "code": v.code,
            "recognised": v.recognised(),
            "wording": v.wording,
            "source": vendors::vendor_source(&v.vendor),
            "codes": v.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        })
    });
    let words: Vec<Value> = r
        .words
        .iter()
        .map(|m| {
            json!({
                "word": m.word,
                "codes": m.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "causes": m.causes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let outside: Vec<Value> = d
        .outside
        .iter()
        .map(|&cause| {
            let t = outside_text(cause, lang);
            json!({
                "cause": cause.as_str(),
                "title": t.title,
                "explanation": t.explain,
                "advice": t.advice,
            })
        })
        .collect();
    json!({
        "rejection": r.given,
        "recognised": !r.is_unrecognised(),
        "vendor_code": vendor,
        "matched_words": words,
        "candidate_codes": r.candidates.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        "matched_findings": d.matched_codes(report).iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "explained": d.explained(),
        "outside_local_check": outside,
    })
}

/// The JSON report of `check` with the explaining findings first (each marked
/// `"explains_rejection": true`) and a top-level `diagnosis` object.
pub fn json(report: &Report, d: &Diagnosis, opts: &RenderOptions) -> String {
    let ordered = d.ordered(report);
    let mut value = json_render::to_value(&ordered, opts);
    if let Some(obj) = value.as_object_mut() {
        if let Some(Value::Array(findings)) = obj.get_mut("findings") {
            for f in findings.iter_mut().take(d.explaining.len()) {
                if let Some(f) = f.as_object_mut() {
                    f.insert("explains_rejection".into(), Value::Bool(true));
                }
            }
        }
        obj.insert("diagnosis".into(), diagnosis_value(report, d, opts.lang));
    } else {
        value = Value::Object(Map::new());
    }
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

/// `explain vendor:CODE`: the vendor's wording, the reason codes that check for it (each
/// explained), and the causes outside a local check.
pub fn vendor_explanation(v: &vendors::VendorMatch, lang: Lang, color: bool) -> String {
    let w = words(lang);
    let col = colon(lang);
    let mut out = String::new();
    let head = match v.wording {
        Some(wording) => format!(
            "{} — {} “{wording}”",
            v.qualified(),
            vendors::vendor_name(&v.vendor)
        ),
        None => v.qualified(),
    };
    let _ = writeln!(out, "{}", text::bold(&head, color));
    if let Some(src) = vendors::vendor_source(&v.vendor) {
        let _ = writeln!(out, "{}{col}{src}", w.source);
    }
    out.push('\n');
    if !v.codes.is_empty() {
        out.push_str(&crate::render::catalog::vendor_intro(
            &v.qualified(),
            &v.codes,
            lang,
        ));
        out.push_str(&crate::render::catalog::explain(&v.codes, lang, color));
    }
    if !v.outside.is_empty() {
        if !v.codes.is_empty() {
            out.push('\n');
            let _ = writeln!(out, "{}", w.also_outside);
        } else {
            let _ = writeln!(out, "{}", w.outside_intro);
        }
        let opts = RenderOptions {
            lang,
            show_pii: false,
            color,
            profile_name: String::new(),
            policy_name: String::new(),
            today: String::new(),
        };
        let mut block = String::new();
        causes(&mut block, &v.outside, &opts);
        // Flush left: `explain` has no enclosing section.
        for line in block.lines() {
            let _ = writeln!(out, "{}", line.strip_prefix("  ").unwrap_or(line));
        }
    }
    out
}
