//! Presenting a batch: the text summary for people and JSON Lines for machines. JUnit XML, which
//! shares [`failure_lines`], lives in `render::junit`.

use colored::Colorize;
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

use super::{BatchResult, CaseResult, Expect, Mismatch, Status, words};
use crate::codes::Code;
use crate::finding::Severity;
use crate::messages::Lang;
use crate::render::{self, RenderOptions};
use crate::report::Report;

/// How many reason codes the summary lists.
pub const TOP_CODES: usize = 10;

/// Options shared by the batch renderers.
#[derive(Clone, Debug)]
pub struct BatchRender {
    pub lang: Lang,
    pub show_pii: bool,
    pub color: bool,
    pub policy_name: String,
    pub today: String,
}

impl BatchRender {
    /// The single-report options for one case (JSON, JUnit system-out).
    pub fn case_options(&self, case: &CaseResult) -> RenderOptions {
        RenderOptions {
            lang: self.lang,
            show_pii: self.show_pii,
            color: false,
            profile_name: case.case.input_name(),
            policy_name: self.policy_name.clone(),
            today: self.today.clone(),
        }
    }
}

/// `pass`, `warn`, `fail`, or `error` when there is no report.
pub fn verdict_word(case: &CaseResult) -> &'static str {
    case.report
        .as_ref()
        .map_or("error", |r| r.verdict().as_str())
}

/// The report's codes in report order, repeats folded: `DATE_INVALID×3, DOC_EXPIRED`.
pub fn codes_summary(report: &Report) -> String {
    let mut folded: Vec<(Code, usize)> = Vec::new();
    for f in &report.findings {
        match folded.iter_mut().find(|(c, _)| *c == f.code) {
            Some((_, n)) => *n += 1,
            None => folded.push((f.code, 1)),
        }
    }
    folded
        .iter()
        .map(|(c, n)| {
            if *n > 1 {
                format!("{c}×{n}")
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a case failed, as plain lines (no colour, no indentation): the error, the expected-vs-found
/// diff, or the findings behind a likely rejection. Empty for a passed case.
pub fn failure_lines(case: &CaseResult, lang: Lang, show_pii: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(err) = &case.error {
        lines.extend(err.lines().map(str::to_string));
    }
    if let Expect::Invalid(msg) = &case.expect {
        lines.extend(msg.lines().map(str::to_string));
    }
    match case.status() {
        Status::Mismatch => {
            if let Some(m) = case.mismatch() {
                lines.push(words::mismatch_intro(lang).to_string());
                lines.extend(diff_lines(&m, lang));
            }
        }
        Status::Rejected => {
            if let Some(report) = &case.report {
                lines.push(words::rejected(
                    report.verdict().as_str(),
                    case.strict,
                    lang,
                ));
                let worst = if case.strict {
                    Severity::Warn
                } else {
                    Severity::Fail
                };
                for f in report.findings.iter().filter(|f| f.severity >= worst) {
                    lines.push(format!(
                        "{} {} ({}): {}",
                        f.severity,
                        f.code,
                        f.field.as_deref().unwrap_or(f.subject.as_str()),
                        render::finding_message(f, lang, show_pii)
                    ));
                }
            }
        }
        Status::Passed | Status::Error => {}
    }
    lines
}

/// `- CODE  expected, not found` / `+ CODE  found, listed in absent` / `~ verdict ...`.
pub fn diff_lines(m: &Mismatch, lang: Lang) -> Vec<String> {
    let width = m
        .missing
        .iter()
        .map(|(c, _, _)| c.as_str().len())
        .chain(m.unexpected.iter().map(|(c, _)| c.as_str().len()))
        .chain(std::iter::once("verdict".len()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (code, want, found) in &m.missing {
        lines.push(format!(
            "- {:width$}  {}",
            code.as_str(),
            words::missing(*want, *found, lang)
        ));
    }
    for (code, found) in &m.unexpected {
        lines.push(format!(
            "+ {:width$}  {}",
            code.as_str(),
            words::unexpected(*found, lang)
        ));
    }
    if let Some((want, found)) = m.verdict {
        lines.push(format!(
            "~ {:width$}  {}",
            "verdict",
            words::verdict_diff(want.as_str(), found.as_str(), lang)
        ));
    }
    lines
}

/// One line per case, the reasons under each failure, then the summary table.
pub fn text(result: &BatchResult, opts: &BatchRender) -> String {
    let lang = opts.lang;
    let c = opts.color;
    let dim = |s: &str| {
        if c {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let (h_batch, h_policy, h_today, h_shard) = words::header(lang);
    let mut header = format!(
        "kyc-precheck {} · {h_batch} {} · {h_policy} {} · {h_today} {}",
        env!("CARGO_PKG_VERSION"),
        result.dir,
        opts.policy_name,
        opts.today
    );
    if let Some(shard) = result.shard {
        let _ = write!(header, " · {h_shard} {shard}");
    }
    let _ = writeln!(out, "{}\n", dim(&header));

    if result.cases.is_empty() {
        let shard = result.shard.map(|s| s.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            words::empty_shard(&shard, result.discovered, lang)
        );
        return out;
    }

    let name_width = result
        .cases
        .iter()
        .map(|c| c.case.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for case in &result.cases {
        let passed = case.passed();
        let mark = match (passed, c) {
            (true, true) => "✓".green().bold().to_string(),
            (true, false) => "✓".to_string(),
            (false, true) => "✗".red().bold().to_string(),
            (false, false) => "✗".to_string(),
        };
        let verdict = verdict_word(case);
        let verdict_shown = if c {
            match verdict {
                "fail" | "error" => verdict.red().to_string(),
                "warn" => verdict.yellow().to_string(),
                _ => verdict.green().to_string(),
            }
        } else {
            verdict.to_string()
        };
        let pad = " ".repeat(name_width.saturating_sub(case.case.name.chars().count()));
        let pad_v = " ".repeat(5usize.saturating_sub(verdict.len()));
        let mut line = format!("{mark} {}{pad}  {verdict_shown}{pad_v}", case.case.name);
        if let Some(report) = &case.report {
            let codes = codes_summary(report);
            line.push_str("  ");
            line.push_str(if codes.is_empty() { "—" } else { &codes });
        }
        if passed && matches!(case.expect, Expect::Valid(_)) {
            let _ = write!(
                line,
                "  {}",
                dim(&format!("({})", words::as_expected(lang)))
            );
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for reason in failure_lines(case, lang, opts.show_pii) {
            let _ = writeln!(out, "    {reason}");
        }
    }

    let [l_cases, l_passed, l_failed, l_time] = words::summary_labels(lang);
    let label_width = [l_cases, l_passed, l_failed, l_time]
        .iter()
        .map(|l| display_width(l))
        .max()
        .unwrap_or(0);
    let total = result.cases.len();
    let passed = result.passed();
    let failed = result.failed();
    let num_width = total.to_string().len();
    let row = |label: &str, value: String| {
        let pad = " ".repeat(label_width.saturating_sub(display_width(label)));
        format!("  {label}{pad}  {value}")
    };
    out.push('\n');
    let mut cases_value = format!("{total:>num_width$}");
    if result.shard.is_some() {
        let _ = write!(cases_value, "  (of {})", result.discovered);
    }
    let _ = writeln!(out, "{}", row(l_cases, cases_value));
    let _ = writeln!(out, "{}", row(l_passed, format!("{passed:>num_width$}")));
    let mut failed_value = format!("{failed:>num_width$}");
    if failed > 0 {
        let _ = write!(
            failed_value,
            "  {}",
            words::failed_breakdown(
                result.count(Status::Mismatch),
                result.count(Status::Rejected),
                result.count(Status::Error),
                lang
            )
        );
    }
    let _ = writeln!(out, "{}", row(l_failed, failed_value));
    let _ = writeln!(
        out,
        "{}",
        row(l_time, format!("{:.2} s", result.elapsed.as_secs_f64()))
    );

    let (top_title, top_columns) = words::top_codes(lang);
    let top = result.top_codes(TOP_CODES);
    out.push('\n');
    if top.is_empty() {
        let _ = writeln!(out, "{}", words::none_found(lang));
    } else {
        let _ = writeln!(out, "{top_title}  {}", dim(&format!("({top_columns})")));
        let code_width = top.iter().map(|s| s.code.as_str().len()).max().unwrap_or(0);
        for s in &top {
            let _ = writeln!(
                out,
                "  {:code_width$}  {:>num_width$} · {}",
                s.code.as_str(),
                s.cases,
                s.findings
            );
        }
    }
    out.push('\n');
    let summary = words::summary_line(passed, total, lang);
    let summary = match (c, passed == total) {
        (true, true) => summary.green().bold().to_string(),
        (true, false) => summary.red().bold().to_string(),
        (false, _) => summary,
    };
    let _ = writeln!(out, "{summary}");
    out
}

/// Terminal columns of a label (CJK characters take two).
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|ch| if (ch as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// One case as a JSON object: `case` first, then the report exactly as `check --format json`
/// gives it, then `expected` (only with an expect.json) and, when it is false, `mismatch`.
/// A case without a report has `error` in place of the report's keys.
pub fn case_value(case: &CaseResult, opts: &BatchRender) -> Value {
    let mut map = Map::new();
    map.insert("case".into(), Value::String(case.case.name.clone()));
    match &case.report {
        Some(report) => {
            if let Value::Object(report) = render::json::to_value(report, &opts.case_options(case))
            {
                map.extend(report);
            }
        }
        None => {
            map.insert("schema_version".into(), json!(render::json::SCHEMA_VERSION));
            map.insert(
                "tool".into(),
                json!({"name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION")}),
            );
        }
    }
    if let Some(err) = &case.error {
        map.insert("error".into(), Value::String(err.clone()));
    }
    if let Some(expected) = case.expected() {
        map.insert("expected".into(), Value::Bool(expected));
    }
    if let Expect::Invalid(msg) = &case.expect {
        map.insert("expect_error".into(), Value::String(msg.clone()));
    }
    if let Some(m) = case.mismatch() {
        map.insert("mismatch".into(), mismatch_value(&m));
    }
    Value::Object(map)
}

fn mismatch_value(m: &Mismatch) -> Value {
    let mut map = Map::new();
    if !m.missing.is_empty() {
        map.insert(
            "missing".into(),
            m.missing
                .iter()
                .map(|(c, want, found)| json!({"code": c, "expected": want, "found": found}))
                .collect(),
        );
    }
    if !m.unexpected.is_empty() {
        map.insert(
            "unexpected".into(),
            m.unexpected
                .iter()
                .map(|(c, found)| json!({"code": c, "found": found}))
                .collect(),
        );
    }
    if let Some((want, found)) = m.verdict {
        map.insert(
            "verdict".into(),
            json!({"expected": want.as_str(), "found": found.as_str()}),
        );
    }
    Value::Object(map)
}

/// JSON Lines: one compact object per case, in case order.
pub fn json_lines(result: &BatchResult, opts: &BatchRender) -> String {
    let mut out = String::new();
    for case in &result.cases {
        out.push_str(&serde_json::to_string(&case_value(case, opts)).unwrap_or_default());
        out.push('\n');
    }
    out
}
