//! Detail sentences for the mrz checks (format, check digits, fields against the profile) and
//! for the native-name comparison in `namematch`.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    // Lines and characters.
    d("mrz.empty", "The MRZ is empty.", "机读区（MRZ）为空。"),
    d(
        "mrz.line_count",
        "The MRZ has {0} line(s); it must have 2 (passports, visas, TD2 cards) or 3 (TD1 ID cards). Give each line as a separate string.",
        "机读区有 {0} 行；应为 2 行（护照、签证、TD2 证件）或 3 行（TD1 身份证件）。请把每一行作为单独的字符串填写。",
    ),
    d(
        "mrz.one_string",
        "The MRZ was given as one string of {0} characters; it was read as {1} lines of {2}. Give each line as a separate string.",
        "机读区被写成了一个 {0} 个字符的字符串，已按 {1} 行、每行 {2} 个字符读取。请把每一行作为单独的字符串填写。",
    ),
    d(
        "mrz.lines_swapped",
        "The MRZ lines are in the wrong order: the second line starts like a first line (document code and country). List the lines from top to bottom.",
        "机读区的行顺序反了：第2行的开头像第1行（证件类型代码和国家代码）。请按从上到下的顺序填写各行。",
    ),
    d(
        "mrz.line_short",
        "Line {0} has {1} characters, but a {2} line has {3}: {4} missing. Every line is filled to the end with the filler <; copy all of them.",
        "第{0}行有 {1} 个字符，而 {2} 格式每行应为 {3} 个：少了 {4} 个。每行末尾都用填充符 < 补满，请完整抄写所有 <。",
    ),
    d(
        "mrz.line_long",
        "Line {0} has {1} characters, but a {2} line has {3}: {4} too many, from position {5} on.",
        "第{0}行有 {1} 个字符，而 {2} 格式每行应为 {3} 个：从第{5}位起多了 {4} 个。",
    ),
    d(
        "mrz.lowercase",
        "Line {0} has lower-case letters (first at position {1}); the MRZ is printed in capitals only.",
        "第{0}行有小写字母（首个在第{1}位）；机读区只使用大写字母。",
    ),
    d(
        "mrz.space",
        "Line {0} has {2} space(s), the first at position {1}; empty positions in the MRZ are the filler <, never spaces.",
        "第{0}行有 {2} 个空格（首个在第{1}位）；机读区的空位一律是填充符 <，不是空格。",
    ),
    d(
        "mrz.filler_lookalike",
        "Line {0}, position {1}: “{2}” was typed for the filler “<” ({3} in this line); use the plain less-than sign <.",
        "第{0}行第{1}位：把填充符“<”写成了“{2}”（本行共 {3} 处）；请使用普通的小于号 <。",
    ),
    d(
        "mrz.fullwidth",
        "Line {0} has full-width characters (first at position {1}); switch the keyboard to half-width and type the MRZ again.",
        "第{0}行有全角字符（首个在第{1}位）；请把输入法切换到半角后重新输入机读区。",
    ),
    d(
        "mrz.lookalike",
        "Line {0}, position {1}: “{2}” ({3}) is a Cyrillic or Greek letter that looks like the Latin {4}; retype it on a Latin keyboard.",
        "第{0}行第{1}位：“{2}”（{3}）是外形像拉丁字母 {4} 的西里尔或希腊字母；请用英文键盘重新输入。",
    ),
    d(
        "mrz.invalid_char",
        "Line {0}, position {1}: “{2}” ({3}) cannot appear in an MRZ, which uses only A–Z, 0–9 and <.",
        "第{0}行第{1}位：“{2}”（{3}）不可能出现在机读区中；机读区只有 A–Z、0–9 和 <。",
    ),
    d(
        "mrz.letter_for_digit",
        "Line {0}, position {1} must be a digit but is the letter {2}; it is probably the digit {3} (a common OCR and typing confusion).",
        "第{0}行第{1}位应为数字，却是字母 {2}；很可能是数字 {3}（识别或输入时常见的混淆）。",
    ),
    d(
        "mrz.letter_in_digits",
        "Line {0}, position {1} must be a digit but is the letter {2}.",
        "第{0}行第{1}位应为数字，却是字母 {2}。",
    ),
    d(
        "mrz.digit_for_letter",
        "Line {0}, position {1} must be a letter or < but is the digit {2}; it is probably the letter {3} (a common OCR and typing confusion).",
        "第{0}行第{1}位应为字母或 <，却是数字 {2}；很可能是字母 {3}（识别或输入时常见的混淆）。",
    ),
    d(
        "mrz.digit_in_letters",
        "Line {0}, position {1} must be a letter or < but is the digit {2}.",
        "第{0}行第{1}位应为字母或 <，却是数字 {2}。",
    ),
    d(
        "mrz.doc_code",
        "The document code “{0}” at the start of line 1 does not fit a {1} MRZ, whose code starts with {2}.",
        "第1行开头的证件类型代码“{0}”与 {1} 格式的机读区不符，该格式的代码应以 {2} 开头。",
    ),
    d(
        "mrz.sex_value",
        "Line {0}, position {1} is the sex and must be M, F or < (unspecified), but is {2}.",
        "第{0}行第{1}位是性别，只能是 M、F 或 <（未注明），实际是 {2}。",
    ),
    d(
        "mrz.bad_date.date_of_birth",
        "The date of birth {0} (line {1}, position {2}) is not a valid YYMMDD date.",
        "出生日期 {0}（第{1}行第{2}位起）不是有效的 YYMMDD 日期。",
    ),
    d(
        "mrz.bad_date.expiry_date",
        "The expiry date {0} (line {1}, position {2}) is not a valid YYMMDD date.",
        "有效期至 {0}（第{1}行第{2}位起）不是有效的 YYMMDD 日期。",
    ),
    // Check digits.
    d(
        "mrz.check_digit.document_number",
        "Document number: the check digit at line {0}, position {1} is {2}, but the number gives {3}; a character of the number or the check digit is wrong.",
        "证件号码：第{0}行第{1}位的校验位是 {2}，但按号码计算应为 {3}；号码中有字符或校验位本身有误。",
    ),
    d(
        "mrz.check_digit.date_of_birth",
        "Date of birth: the check digit at line {0}, position {1} is {2}, but the date gives {3}; a digit of the date or the check digit is wrong.",
        "出生日期：第{0}行第{1}位的校验位是 {2}，但按日期计算应为 {3}；日期中有数字或校验位本身有误。",
    ),
    d(
        "mrz.check_digit.expiry_date",
        "Expiry date: the check digit at line {0}, position {1} is {2}, but the date gives {3}; a digit of the date or the check digit is wrong.",
        "有效期：第{0}行第{1}位的校验位是 {2}，但按日期计算应为 {3}；日期中有数字或校验位本身有误。",
    ),
    d(
        "mrz.check_digit.personal_number",
        "Personal number: the check digit at line {0}, position {1} is {2}, but the field gives {3}; a character of the field or the check digit is wrong.",
        "个人号码：第{0}行第{1}位的校验位是 {2}，但按该字段计算应为 {3}；字段中有字符或校验位本身有误。",
    ),
    d(
        "mrz.check_digit.composite",
        "Composite check digit: line {0}, position {1} is {2} but should be {3}. If every other check digit is right, the error is in the optional data or in this digit itself.",
        "总校验位：第{0}行第{1}位是 {2}，应为 {3}。如果其他校验位都正确，错误就在可选数据区或这个校验位本身。",
    ),
    // The MRZ against the profile.
    d(
        "mrz.name_mismatch",
        "The name in the MRZ ({0}) does not match full_name ({1}); platforms compare them after removing accents, so spell full_name as the document does.",
        "机读区中的姓名（{0}）与 full_name（{1}）不一致；平台会在去掉重音符号后逐字比对，请按证件上的拼写填写 full_name。",
    ),
    d(
        "mrz.mismatch.date_of_birth",
        "Date of birth: the MRZ says {0}, the profile says {1}.",
        "出生日期：机读区为 {0}，资料中为 {1}。",
    ),
    d(
        "mrz.mismatch.expiry_date",
        "Expiry date: the MRZ says {0}, the profile says {1}.",
        "有效期：机读区为 {0}，资料中为 {1}。",
    ),
    d(
        "mrz.mismatch.expiry_never",
        "Expiry date: the MRZ says {0}, but the profile says the document does not expire.",
        "有效期：机读区为 {0}，但资料中写的是长期有效。",
    ),
    d(
        "mrz.mismatch.expiry_missing",
        "Expiry date: the MRZ has none (all <), but the profile says {0}.",
        "有效期：机读区中没有有效期（全是 <），但资料中为 {0}。",
    ),
    d(
        "mrz.mismatch.sex",
        "Sex: the MRZ says {0}, the profile says {1}.",
        "性别：机读区为 {0}，资料中为 {1}。",
    ),
    d(
        "mrz.mismatch.nationality",
        "Nationality: the MRZ says {0}, the profile says {1}.",
        "国籍：机读区为 {0}，资料中为 {1}。",
    ),
    d(
        "mrz.mismatch.issuing_state",
        "Issuing country: the MRZ says {0}, the profile's document.country is {1}.",
        "签发国：机读区为 {0}，资料中的 document.country 为 {1}。",
    ),
    d(
        "mrz.mismatch.document_number",
        "Document number: the MRZ says {0}, the profile says {1}.",
        "证件号码：机读区为 {0}，资料中为 {1}。",
    ),
    d(
        "mrz.mismatch.personal_number",
        "Personal number: the MRZ says {0}, the profile says {1}.",
        "个人号码：机读区为 {0}，资料中为 {1}。",
    ),
    // Native-script name against full_name (namematch).
    d(
        "native.pinyin_mismatch",
        "native_name {0} reads {1} in pinyin, which does not match full_name {2}. Passports spell Chinese names in pinyin (张伟 → ZHANG WEI); check for a typo or a different spelling.",
        "中文姓名 {0} 的拼音是 {1}，与 full_name {2} 对不上。护照上的中文姓名按汉语拼音拼写（张伟 → ZHANG WEI），请检查是否拼错或用了别的拼法。",
    ),
];
