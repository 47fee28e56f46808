//! Words of the text report's frame (headings, summary), in both languages.

use super::Lang;
use crate::finding::{Subject, Verdict};

pub fn subject(subject: Subject, lang: Lang) -> &'static str {
    match (subject, lang) {
        (Subject::Profile, Lang::En) => "Profile data",
        (Subject::Profile, Lang::Zh) => "填写的资料",
        (Subject::IdFront, Lang::En) => "ID front",
        (Subject::IdFront, Lang::Zh) => "证件正面",
        (Subject::IdBack, Lang::En) => "ID back",
        (Subject::IdBack, Lang::Zh) => "证件背面",
        (Subject::Selfie, Lang::En) => "Selfie",
        (Subject::Selfie, Lang::Zh) => "自拍照",
    }
}

pub fn verdict(verdict: Verdict, lang: Lang) -> &'static str {
    match (verdict, lang) {
        (Verdict::Pass, Lang::En) => "PASS: nothing found that is likely to be rejected.",
        (Verdict::Pass, Lang::Zh) => "通过：未发现可能导致审核被拒的问题。",
        (Verdict::Warn, Lang::En) => {
            "WARN: probably accepted, but check the warnings before uploading."
        }
        (Verdict::Warn, Lang::Zh) => "提醒：大概率可以通过，但上传前请先看一下提醒事项。",
        (Verdict::Fail, Lang::En) => {
            "FAIL: likely to be rejected. Fix the ✗ items before uploading."
        }
        (Verdict::Fail, Lang::Zh) => "不通过：很可能被拒。请先处理标 ✗ 的问题再上传。",
    }
}

/// "2 fail, 1 warn, 0 info".
pub fn counts(fail: usize, warn: usize, info: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("({fail} fail, {warn} warn, {info} info)"),
        Lang::Zh => format!("（{fail} 项不通过，{warn} 项提醒，{info} 项提示）"),
    }
}

/// "(measured 31.5, limit 100)".
pub fn measured_limit(measured: &str, limit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("(measured {measured}, limit {limit})"),
        Lang::Zh => format!("（实测 {measured}，阈值 {limit}）"),
    }
}

pub fn no_findings(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no problems found",
        Lang::Zh => "未发现问题",
    }
}

pub fn metric_name(name: &'static str, lang: Lang) -> &'static str {
    match (name, lang) {
        (_, Lang::En) => name,
        ("blur", Lang::Zh) => "清晰度",
        ("glare", Lang::Zh) => "反光",
        ("brightness", Lang::Zh) => "亮度",
        ("contrast", Lang::Zh) => "对比度",
        ("colour", Lang::Zh) => "色彩",
        ("faces", Lang::Zh) => "人脸",
        ("card", Lang::Zh) => "证件占比",
        ("dpi", Lang::Zh) => "DPI",
        (_, Lang::Zh) => name,
    }
}

pub fn header(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::En => ("profile", "policy", "today"),
        Lang::Zh => ("资料文件", "策略", "日期"),
    }
}

/// The text report's line for the MRZ read from a document photo: `status`, `format`,
/// `confidence` and the lines as shown (masked unless `--show-pii`).
pub fn mrz_line(
    status: &str,
    format: Option<&str>,
    confidence: Option<f64>,
    lines: &[String],
    lang: Lang,
) -> String {
    let format = format.unwrap_or("");
    let confidence = confidence.map_or(String::new(), |c| format!("{c:.2}"));
    let joined = lines.join(" / ");
    match (status, lang) {
        ("read", Lang::En) => format!("MRZ {format} read (confidence {confidence}): {joined}"),
        ("read", Lang::Zh) => format!("机读区 {format} 已读取（置信度 {confidence}）：{joined}"),
        ("unreadable", Lang::En) => "MRZ found but not readable".to_string(),
        ("unreadable", Lang::Zh) => "找到机读区，但无法读取".to_string(),
        (_, Lang::En) => "no MRZ found".to_string(),
        (_, Lang::Zh) => "未找到机读区".to_string(),
    }
}
