//! Detail sentences for the profile checks: fields, names, dates.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "profile.wrong_type",
        "It must be a JSON {0} but is a JSON {1}, so it was ignored (numbers such as ID numbers go in quotes).",
        "这里应为 JSON {0} 类型，实际是 {1}，已忽略该值（证件号码等请加英文引号，按文本填写）。",
    ),
    d(
        "profile.unknown_key_hint",
        "`{0}` is not a profile field. Did you mean `{1}`?",
        "`{0}` 不是资料中的字段，是不是想写 `{1}`？",
    ),
    d(
        "profile.unknown_key",
        "`{0}` is not a profile field. Fields here: {1}.",
        "`{0}` 不是资料中的字段。此处可用的字段：{1}。",
    ),
    d(
        "profile.missing",
        "`{0}` is required.",
        "缺少必填字段 `{0}`。",
    ),
    d(
        "profile.missing_expiry",
        "`{0}` is required; write null or \"permanent\" if the document has no expiry date.",
        "缺少 `{0}`；如果证件没有有效期（如身份证“长期”），请填写 null 或 \"permanent\"。",
    ),
    d(
        "profile.value_not_allowed",
        "`{0}` is \"{1}\"; allowed: {2}.",
        "`{0}` 填的是“{1}”，只能是：{2}。",
    ),
    d(
        "profile.value_not_allowed_hint",
        "`{0}` is \"{1}\"; allowed: {2}. Did you mean \"{3}\"?",
        "`{0}` 填的是“{1}”，只能是：{2}。是不是应该填 \"{3}\"？",
    ),
    d(
        "profile.country_hint",
        "`{0}` is \"{1}\", which is not an ISO 3166-1 country code. Did you mean {2}?",
        "`{0}` 填的是“{1}”，不是 ISO 3166-1 国家代码。是不是 {2}？",
    ),
    d(
        "profile.country",
        "`{0}` is \"{1}\", which is not an ISO 3166-1 alpha-2 or alpha-3 country code (e.g. CN or CHN, DE or DEU).",
        "`{0}` 填的是“{1}”，不是 ISO 3166-1 两位或三位国家代码（例如 CN 或 CHN、DE 或 DEU）。",
    ),
    d(
        "name.fullwidth",
        "`{0}` is typed in full-width characters (ＡＢＣ); switch the keyboard to half-width and type it again.",
        "`{0}` 用了全角字符（ＡＢＣ），请把输入法切换到半角后重新输入。",
    ),
    d(
        "name.digit",
        "`{0}` contains the digit \"{1}\".",
        "`{0}` 中含有数字“{1}”。",
    ),
    d(
        "name.symbol",
        "`{0}` contains characters a name does not have: {1}.",
        "`{0}` 中含有姓名里不会出现的字符：{1}。",
    ),
    d(
        "name.no_letters",
        "`{0}` has no letters at all.",
        "`{0}` 里没有任何字母或汉字。",
    ),
    d(
        "name.mixed_lookalike",
        "`{0}` mixes Latin letters with Cyrillic or Greek look-alikes (e.g. Cyrillic а for Latin a), so it will not match the document.",
        "`{0}` 把拉丁字母和外形相似的西里尔/希腊字母混在一起（例如西里尔字母 а 和拉丁字母 a），与证件上的姓名对不上。",
    ),
    d(
        "name.mixed_scripts",
        "`{0}` mixes writing systems; give the name once, as printed in Latin letters, and put the native-script form in native_name.",
        "`{0}` 混用了多种文字；请只按证件上的拼音/拉丁字母填写，汉字等原文姓名请填在 native_name。",
    ),
    d(
        "name.whitespace",
        "`{0}` has spaces at the start or end, double spaces, tabs or line breaks.",
        "`{0}` 开头或结尾有空格，或者有连续空格、制表符、换行。",
    ),
    d(
        "name.single_word",
        "`{0}` is a single word; most platforms expect the full name as on the document (surname and given names).",
        "`{0}` 只有一个词；大多数平台要求按证件填写完整姓名（姓和名）。",
    ),
    d(
        "name.two_forms",
        "`{0}` holds both the native-script and the Latin form of the name.",
        "`{0}` 里同时写了汉字（原文）和拼音两种形式。",
    ),
    d(
        "date.other_format",
        "`{0}` is \"{1}\"; dates must be written as YYYY-MM-DD: {2}.",
        "`{0}` 填的是“{1}”；日期必须写成 YYYY-MM-DD 格式：{2}。",
    ),
    d(
        "date.ambiguous",
        "`{0}` is \"{1}\", which could be {2} or {3}; write it as YYYY-MM-DD.",
        "`{0}` 填的是“{1}”，既可能是 {2} 也可能是 {3}；请写成 YYYY-MM-DD 格式。",
    ),
    d(
        "date.impossible_day",
        "`{0}` is \"{1}\", but that month has no day {2} (it has {3} days).",
        "`{0}` 填的是“{1}”，但这个月没有 {2} 号（该月只有 {3} 天）。",
    ),
    d(
        "date.impossible_month",
        "`{0}` is \"{1}\", but there is no month {2}.",
        "`{0}` 填的是“{1}”，但没有 {2} 月。",
    ),
    d(
        "date.unreadable",
        "`{0}` is \"{1}\", which is not a date; write it as YYYY-MM-DD, e.g. 1990-03-12.",
        "`{0}` 填的是“{1}”，不是日期；请写成 YYYY-MM-DD，例如 1990-03-12。",
    ),
    d(
        "dob.future",
        "The birth date {0} is after today ({1}).",
        "出生日期 {0} 晚于今天（{1}）。",
    ),
    d(
        "age.below",
        "The holder is {0}; the minimum is {1} (reached on {2}).",
        "持证人现在 {0} 岁，平台要求至少 {1} 岁（{2} 满 {1} 岁）。",
    ),
    d(
        "age.implausible",
        "The birth date makes the holder {0} years old (more than {1}); the year is probably mistyped.",
        "按出生日期计算持证人已 {0} 岁（超过 {1} 岁），很可能年份填错了。",
    ),
    d(
        "expiry.past",
        "It expired on {0}, {1} days ago.",
        "证件已于 {0} 过期（{1} 天前）。",
    ),
    d(
        "expiry.today",
        "It expires today ({0}); platforms such as Veriff treat that as expired.",
        "证件今天（{0}）到期；Veriff 等平台会按已过期处理。",
    ),
    d(
        "expiry.soon",
        "It expires on {0}, in {1} days.",
        "证件将于 {0} 到期，还剩 {1} 天。",
    ),
    d(
        "dates.issue_future",
        "The issue date {0} is after today.",
        "签发日期 {0} 晚于今天。",
    ),
    d(
        "dates.issue_after_expiry",
        "The issue date {0} is not before the expiry date {1}.",
        "签发日期 {0} 不早于有效期截止日 {1}。",
    ),
    d(
        "dates.issue_before_birth",
        "The issue date {0} is before the birth date {1}.",
        "签发日期 {0} 早于出生日期 {1}。",
    ),
    d(
        "dates.expiry_before_birth",
        "The expiry date {0} is before the birth date {1}.",
        "有效期截止日 {0} 早于出生日期 {1}。",
    ),
];
