//! Detail sentences for the idnumber checks. Positions are 1-based and count the number's
//! letters and digits only (spaces, hyphens and dots the user typed are not counted). The number
//! itself never appears: only which part is wrong.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "idnum.length",
        "The {0} has {1} characters; it should have {2} (spaces and hyphens not counted).",
        "{0}应为 {2} 位，这里填了 {1} 位（空格和连字符不计）。",
    ),
    d(
        "idnum.character",
        "In the {0}, the character at position {1} is \"{2}\", but only {3} can appear there.",
        "{0}第{1}位是“{2}”，此处只能是 {3}。",
    ),
    d(
        "idnum.checksum",
        "The {0} fails its check: with the other characters as typed, position {1} (the check character) would have to be {2}. Usually some other character was mistyped; compare every character with the document.",
        "{0}校验不通过：按其余字符计算，第{1}位（校验码）应为 {2}。通常是其他某一位输错了，请逐位与证件核对。",
    ),
    d(
        "idnum.checksum_kr",
        "The {0} fails the old check-digit rule: position {1} would have to be {2}. Numbers issued or changed since October 2020 have no check digit, so this is only a warning; if yours is older, look for a typo.",
        "{0}不符合旧的校验规则：第{1}位应为 {2}。2020年10月以后签发或变更的号码不再有校验位，所以这里只作提醒；如果号码是之前签发的，请检查是否输错。",
    ),
    d(
        "idnum.part_date",
        "In the {0}, position {1} encodes the date of birth, but it is not a real date.",
        "{0}第{1}位表示出生日期，但这不是一个真实存在的日期。",
    ),
    d(
        "idnum.part_region",
        "In the {0}, position {1} is the region or place-of-birth code, and no such code is issued.",
        "{0}第{1}位是地区（出生地）代码，但不存在这样的代码。",
    ),
    d(
        "idnum.part_prefix",
        "In the {0}, position {1} is a prefix or type code that the issuer does not use.",
        "{0}第{1}位是前缀或类别代码，签发机关不使用这个值。",
    ),
    d(
        "idnum.part_century_sex",
        "In the {0}, position {1} encodes the century or sex, and its value is not one the format defines.",
        "{0}第{1}位表示出生世纪或性别，但这个值在该号码规则中不存在。",
    ),
    d(
        "idnum.part_reserved",
        "In the {0}, position {1} has a value that is never issued.",
        "{0}第{1}位的取值从不签发。",
    ),
    d(
        "idnum.part_repeated",
        "The {0} consists of one repeated digit; such numbers pass the arithmetic but are never issued.",
        "{0}全部由同一个数字组成，这类号码虽能通过校验计算，但从不签发。",
    ),
    d(
        "idnum.part_no_check",
        "In the {0}, no check digit can make position {1} valid, so one of those characters is mistyped.",
        "{0}第{1}位无论配什么校验码都不成立，说明其中有字符输错了。",
    ),
    d(
        "idnum.part_future_birth",
        "In the {0}, position {1} encodes a birth date that is after today, so a digit is mistyped: compare every character with the document.",
        "{0}第{1}位表示的出生日期晚于今天，说明有数字输错了，请逐位与证件核对。",
    ),
    d(
        "idnum.obsolete_cn15",
        "This is an old 15-digit {0} (first-generation card, replaced from 1999). Platforms expect the 18-digit number printed on your current card.",
        "这是旧的15位{0}（第一代身份证，1999年起升位）。平台要求填写现行身份证上的18位号码。",
    ),
    d(
        "idnum.unrecognised",
        "The number matches none of this country's formats ({0}).",
        "该号码不符合这个国家的任何一种格式（{0}）。",
    ),
    d(
        "idnum.dob_mismatch",
        "The birth date encoded in the {0} (position {1}) is {2}, but date_of_birth is {3}.",
        "{0}第{1}位表示的出生日期是 {2}，但 date_of_birth 填的是 {3}。",
    ),
    d(
        "idnum.sex_mismatch",
        "Position {1} of the {0} encodes sex {2}, but sex is {3}.",
        "{0}第{1}位表示的性别是 {2}，但 sex 填的是 {3}。",
    ),
];
