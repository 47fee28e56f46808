//! Words of the HTML report's frame (headings, labels, the overlay legend, the batch index), in
//! both languages. Finding messages and advice come from the code registry like every format.

use super::Lang;
use crate::batch::Status;
use crate::finding::Severity;

/// Fixed words of a report page and the batch index.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    pub title: &'static str,
    pub index_title: &'static str,
    pub version: &'static str,
    pub measured: &'static str,
    pub limit: &'static str,
    pub advice: &'static str,
    pub field: &'static str,
    pub vendor_codes: &'static str,
    pub measurements: &'static str,
    pub no_picture: &'static str,
    pub pii_masked: &'static str,
    pub pii_shown: &'static str,
    pub explains: &'static str,
    pub back_to_index: &'static str,
    pub case: &'static str,
    pub verdict: &'static str,
    pub codes: &'static str,
    pub photo: &'static str,
    pub result: &'static str,
    pub not_checked: &'static str,
    pub legend: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "kyc-precheck report",
            index_title: "kyc-precheck batch report",
            version: "version",
            measured: "measured",
            limit: "limit",
            advice: "What to do",
            field: "field",
            vendor_codes: "Platforms' codes for this",
            measurements: "Measurements",
            no_picture: "No picture: the file could not be decoded (see the findings).",
            pii_masked: "Names, ID numbers and MRZ text are masked in the findings (--show-pii shows them); the photos still show what the document prints.",
            pii_shown: "Personal data is shown unmasked (--show-pii): do not share this page.",
            explains: "explains the rejection",
            back_to_index: "← all cases",
            case: "Case",
            verdict: "Verdict",
            codes: "Reason codes",
            photo: "Photo",
            result: "Result",
            not_checked: "could not be checked",
            legend: "Drawn on the photo",
        },
        Lang::Zh => Words {
            title: "kyc-precheck 检查报告",
            index_title: "kyc-precheck 批量检查报告",
            version: "版本",
            measured: "实测",
            limit: "阈值",
            advice: "建议",
            field: "字段",
            vendor_codes: "平台对应的拒绝代码",
            measurements: "测量值",
            no_picture: "无法显示图片：文件无法解码（见下方问题）。",
            pii_masked: "问题描述中的姓名、证件号和 MRZ 已打码（加 --show-pii 显示）；照片中仍可看到证件上印的内容。",
            pii_shown: "个人信息未打码（--show-pii）：请勿外传此页面。",
            explains: "解释了这次拒绝",
            back_to_index: "← 全部案例",
            case: "案例",
            verdict: "结论",
            codes: "问题代码",
            photo: "照片",
            result: "结果",
            not_checked: "无法检查",
            legend: "图上标注",
        },
    }
}

/// The short severity badge: `FAIL`, `WARN`, `INFO`.
pub fn severity(sev: Severity, lang: Lang) -> &'static str {
    match (sev, lang) {
        (Severity::Fail, Lang::En) => "FAIL",
        (Severity::Warn, Lang::En) => "WARN",
        (Severity::Info, Lang::En) => "INFO",
        (Severity::Fail, Lang::Zh) => "不通过",
        (Severity::Warn, Lang::Zh) => "提醒",
        (Severity::Info, Lang::Zh) => "提示",
    }
}

/// A batch case's outcome, as the index shows it.
pub fn status(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Passed, Lang::En) => "as expected",
        (Status::Rejected, Lang::En) => "likely rejection",
        (Status::Mismatch, Lang::En) => "differs from expect.json",
        (Status::Error, Lang::En) => "error",
        (Status::Passed, Lang::Zh) => "符合预期",
        (Status::Rejected, Lang::Zh) => "可能被拒",
        (Status::Mismatch, Lang::Zh) => "与 expect.json 不符",
        (Status::Error, Lang::Zh) => "出错",
    }
}

/// "12 cases: 9 as expected, 3 not".
pub fn index_summary(total: usize, passed: usize, lang: Lang) -> String {
    let failed = total.saturating_sub(passed);
    match lang {
        Lang::En => format!("{total} cases: {passed} as expected, {failed} not"),
        Lang::Zh => format!("共 {total} 个案例：{passed} 个符合预期，{failed} 个不符合"),
    }
}

/// What `batch --format html` prints: where the index is.
pub fn written(index: &str, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("wrote {pages} case pages and the index: {index}\n"),
        Lang::Zh => format!("已写入 {pages} 个案例页面和目录页：{index}\n"),
    }
}

/// The legend entry of an overlay kind (`render::html::overlay::Kind::name`).
pub fn overlay(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("document", Lang::En) => "document outline and corners",
        ("document", Lang::Zh) => "证件轮廓与四角",
        ("cutoff", Lang::En) => "cut off: beyond or touching the photo's edge",
        ("cutoff", Lang::Zh) => "被裁掉或贴边的部分",
        ("glare", Lang::En) => "glare",
        ("glare", Lang::Zh) => "反光区域",
        ("face", Lang::En) => "face",
        ("face", Lang::Zh) => "人脸",
        ("text", Lang::En) => "text read",
        ("text", Lang::Zh) => "识别到文字的区域",
        (_, Lang::En) => "marked region",
        (_, Lang::Zh) => "标注区域",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_are_chinese() {
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let w = words(Lang::Zh);
        for s in [
            w.title,
            w.advice,
            w.measured,
            w.limit,
            w.no_picture,
            w.legend,
        ] {
            assert!(has_cjk(s), "{s}");
        }
        for kind in ["document", "cutoff", "glare", "face", "text"] {
            assert!(has_cjk(overlay(kind, Lang::Zh)), "{kind}");
            assert!(!has_cjk(overlay(kind, Lang::En)), "{kind}");
        }
    }
}
