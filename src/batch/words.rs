//! The words of the batch summary in both languages (the per-finding text comes from
//! `messages`, like every other report).

use crate::messages::Lang;

pub fn header(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::En => ("batch", "policy", "today", "shard"),
        Lang::Zh => ("批量", "策略", "日期", "分片"),
    }
}

pub fn as_expected(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "as expected",
        Lang::Zh => "符合预期",
    }
}

pub fn mismatch_intro(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "expect.json does not match the report:",
        Lang::Zh => "报告与 expect.json 不符：",
    }
}

pub fn missing(want: usize, found: usize, lang: Lang) -> String {
    match (lang, found) {
        (Lang::En, 0) if want == 1 => "expected, not found".into(),
        (Lang::En, _) => format!("expected {want}×, found {found}×"),
        (Lang::Zh, 0) if want == 1 => "预期出现，但未出现".into(),
        (Lang::Zh, _) => format!("预期 {want} 次，实际 {found} 次"),
    }
}

pub fn unexpected(found: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("found {found}×, but listed in \"absent\""),
        Lang::Zh => format!("出现 {found} 次，但它列在 \"absent\" 中"),
    }
}

pub fn verdict_diff(want: &str, found: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("expected {want}, found {found}"),
        Lang::Zh => format!("预期 {want}，实际 {found}"),
    }
}

pub fn rejected(verdict: &str, strict: bool, lang: Lang) -> String {
    match (lang, strict) {
        (Lang::En, false) => format!(
            "no expect.json, and the verdict is {verdict}: a likely rejection (add an expect.json to assert it)"
        ),
        (Lang::En, true) => format!(
            "no expect.json, and the verdict is {verdict} (--strict): a likely rejection (add an expect.json to assert it)"
        ),
        (Lang::Zh, false) => {
            format!("没有 expect.json，结论为 {verdict}：很可能被拒（可添加 expect.json 声明预期）")
        }
        (Lang::Zh, true) => format!(
            "没有 expect.json，结论为 {verdict}（--strict）：很可能被拒（可添加 expect.json 声明预期）"
        ),
    }
}

pub fn empty_shard(shard: &str, discovered: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "shard {shard} has no cases ({discovered} found in all, fewer than the shards): nothing to do"
        ),
        Lang::Zh => {
            format!("分片 {shard} 没有用例（共找到 {discovered} 个，少于分片数）：无需检查")
        }
    }
}

/// (cases, passed, failed, time) labels of the summary table.
pub fn summary_labels(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => ["cases", "passed", "failed", "time"],
        Lang::Zh => ["用例", "通过", "未通过", "用时"],
    }
}

pub fn failed_breakdown(mismatch: usize, rejected: usize, errors: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("({mismatch} not as expected, {rejected} likely rejected, {errors} errors)")
        }
        Lang::Zh => format!("（{mismatch} 个与预期不符，{rejected} 个可能被拒，{errors} 个出错）"),
    }
}

pub fn top_codes(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Most frequent reason codes", "cases · findings"),
        Lang::Zh => ("最常见的原因代码", "用例数 · 问题数"),
    }
}

pub fn none_found(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no findings in any case",
        Lang::Zh => "所有用例均未发现问题",
    }
}

pub fn summary_line(passed: usize, total: usize, lang: Lang) -> String {
    match (lang, passed == total) {
        (Lang::En, true) => format!("PASS: all {total} cases as expected."),
        (Lang::En, false) => format!(
            "FAIL: {} of {total} cases failed or did not match their expect.json.",
            total - passed
        ),
        (Lang::Zh, true) => format!("通过：全部 {total} 个用例符合预期。"),
        (Lang::Zh, false) => format!(
            "不通过：{total} 个用例中有 {} 个未通过或与 expect.json 不符。",
            total - passed
        ),
    }
}
