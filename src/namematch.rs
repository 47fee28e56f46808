//! Name comparison: Latin names across case, accents, spacing, punctuation and word order;
//! ICAO 9303 transliteration for MRZ names; Chinese names (native script) against their pinyin.

use deunicode::deunicode;
use pinyin::{Pinyin, ToPinyin, ToPinyinMulti};

use crate::checks::Facts;
use crate::codes::Code;
use crate::countries;
use crate::finding::{Arg, Finding, Severity, Subject};

/// Upper-case ASCII word tokens of a name: accents and other scripts via `deunicode`, split on
/// anything that is not a letter (`"Eriksson, Anna-Maria"` → `ERIKSSON ANNA MARIA`).
pub fn normalise_latin(name: &str) -> Vec<String> {
    tokens(&deunicode(name))
}

/// Split already-ASCII text into upper-case letter runs.
fn tokens(ascii: &str) -> Vec<String> {
    ascii
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

/// True when two names are the same person's name written differently: case, accents,
/// punctuation, spacing and word order do not matter (`ANNA MARIA ERIKSSON` ≈
/// `Eriksson, Anna Maria`), nor does joining or splitting words (`ANNAMARIA` ≈ `ANNA MARIA`).
pub fn same_name(a: &str, b: &str) -> bool {
    same_tokens(&normalise_latin(a), &normalise_latin(b))
}

/// `same_name` on token lists.
pub fn same_tokens(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // Remove the words both have (as multisets); what is left must spell the same letters
    // when joined in some order (a word joined or split differently on one side).
    let mut rest_b: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut rest_a: Vec<&str> = Vec::new();
    for w in a {
        match rest_b.iter().position(|x| x == w) {
            Some(i) => {
                rest_b.swap_remove(i);
            }
            None => rest_a.push(w),
        }
    }
    if rest_a.is_empty() && rest_b.is_empty() {
        return true;
    }
    if rest_a.is_empty() || rest_b.is_empty() {
        return false;
    }
    if rest_a.concat().len() != rest_b.concat().len() || rest_a.len() > 5 || rest_b.len() > 5 {
        return false;
    }
    let joined_a = joined_orders(&rest_a);
    joined_orders(&rest_b).iter().any(|j| joined_a.contains(j))
}

/// Every concatenation of the words in some order (at most 5 words: 120 orders).
fn joined_orders(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut idx: Vec<usize> = (0..words.len()).collect();
    permute(&mut idx, 0, &mut |order| {
        out.push(
            order
                .iter()
                .filter_map(|&i| words.get(i).copied())
                .collect::<String>(),
        );
    });
    out.sort();
    out.dedup();
    out
}

fn permute(idx: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
    if k >= idx.len() {
        f(idx);
        return;
    }
    for i in k..idx.len() {
        idx.swap(k, i);
        permute(idx, k + 1, f);
        idx.swap(k, i);
    }
}

/// The ways Doc 9303 Part 3 may have written a name in the MRZ alphabet: the recommended
/// transliteration (Ä → AE, Ö → OE, Ü → UE, Å → AA, Ø → OE, Æ → AE, ß → SS, Þ → TH, other
/// accents dropped) and the simpler one many issuers use (Ä → A, Ö → O, Ü → U, Å → A).
/// Hyphens, apostrophes and other punctuation become word breaks (the MRZ prints `<` or
/// nothing; token comparison tolerates both).
pub fn icao_variants(name: &str) -> Vec<String> {
    let recommended: String = name
        .chars()
        .map(|c| match c {
            'Ä' | 'ä' | 'Æ' | 'æ' | 'Ǽ' | 'ǽ' => "AE".to_string(),
            'Ö' | 'ö' | 'Ø' | 'ø' | 'Œ' | 'œ' => "OE".to_string(),
            'Ü' | 'ü' => "UE".to_string(),
            'Å' | 'å' => "AA".to_string(),
            'ß' | 'ẞ' => "SS".to_string(),
            'Þ' | 'þ' => "TH".to_string(),
            'Ĳ' | 'ĳ' => "IJ".to_string(),
            c => deunicode(&c.to_string()),
        })
        .collect();
    let simple = deunicode(name);
    let mut v = vec![
        recommended.to_ascii_uppercase(),
        simple.to_ascii_uppercase(),
    ];
    v.dedup();
    v
}

/// True when `mrz_tokens` (in MRZ order) could be a truncated form of the name `profile`:
/// every MRZ word is a profile word, except that the last may be cut short and words reduced
/// to initials; profile words beyond the truncation may be missing.
pub fn truncated_match(profile: &[String], mrz_tokens: &[String]) -> bool {
    let Some((last, full)) = mrz_tokens.split_last() else {
        return false;
    };
    let mut rest: Vec<&str> = profile.iter().map(String::as_str).collect();
    let mut initials = Vec::new();
    for w in full {
        if let Some(i) = rest.iter().position(|x| x == w) {
            rest.swap_remove(i);
        } else if w.len() == 1 {
            initials.push(w.as_str());
        } else {
            return false;
        }
    }
    for w in initials {
        match rest.iter().position(|x| x.starts_with(w)) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => return false,
        }
    }
    rest.iter().any(|x| x.starts_with(last.as_str()))
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Letters of the Latin script (ASCII and the Latin-1/Extended blocks).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic()
}

/// True when the name is written in Chinese characters (at least one, no other letters).
pub fn is_han_name(name: &str) -> bool {
    name.chars().any(is_han) && name.chars().filter(|c| c.is_alphabetic()).all(is_han)
}

/// True when the name is written in Latin letters only.
pub fn is_latin_name(name: &str) -> bool {
    name.chars().any(is_latin_letter)
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(is_latin_letter)
}

/// Surname readings that differ from a character's most common reading (the first one
/// `pinyin` gives), added to every reading the dictionary knows.
const SURNAME_READINGS: &[(char, &[&str])] = &[
    ('曾', &["ZENG"]),
    ('单', &["SHAN"]),
    ('解', &["XIE"]),
    ('仇', &["QIU"]),
    ('区', &["OU"]),
    ('朴', &["PIAO"]),
    ('查', &["ZHA"]),
    ('乐', &["YUE", "LE"]),
    ('盖', &["GE"]),
    ('覃', &["QIN"]),
    ('种', &["CHONG"]),
    ('缪', &["MIAO"]),
    ('召', &["SHAO"]),
    ('员', &["YUN"]),
    ('繁', &["PO"]),
    ('秘', &["BI"]),
    ('祭', &["ZHAI"]),
    ('句', &["GOU"]),
    ('冼', &["XIAN"]),
    ('隗', &["WEI"]),
    ('黑', &["HE"]),
    ('燕', &["YAN"]),
    ('厍', &["SHE"]),
];

/// Readings that only occur inside compound surnames (尉迟 YUCHI, 万俟 MOQI, 长孙 ZHANGSUN):
/// accepted when matching, never shown.
const COMPOUND_SURNAME_READINGS: &[(char, &[&str])] = &[
    ('尉', &["YU"]),
    ('万', &["MO"]),
    ('俟', &["QI"]),
    ('长', &["ZHANG"]),
];

/// Passport spellings of one pinyin syllable: upper case, tone marks gone, ü as YU, U or V
/// (`lü` → LYU, LU, LV: LYU on current Chinese passports, LU/LV on older ones).
fn spellings(plain: &str) -> Vec<String> {
    if plain.contains('ü') {
        ["YU", "U", "V"]
            .iter()
            .map(|u| plain.replace('ü', u).to_ascii_uppercase())
            .collect()
    } else {
        vec![deunicode(plain).to_ascii_uppercase()]
    }
}

/// Every passport spelling of one character: all its dictionary readings, plus the surname
/// overrides when it may be (part of) the surname.
fn readings(c: char, surname: bool) -> Vec<String> {
    let mut out: Vec<String> = c
        .to_pinyin_multi()
        .map(|m| {
            m.into_iter()
                .flat_map(|p: Pinyin| spellings(p.plain()))
                .collect()
        })
        .unwrap_or_default();
    if surname {
        let table = SURNAME_READINGS.iter().chain(COMPOUND_SURNAME_READINGS);
        for (_, extra) in table.filter(|(s, _)| *s == c) {
            out.extend(extra.iter().map(|s| s.to_string()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The most common pinyin of a Chinese name (surname reading applied), for messages.
pub fn pinyin_of(han: &str) -> String {
    han.chars()
        .filter(|&c| is_han(c))
        .enumerate()
        .map(|(i, c)| {
            let surname = SURNAME_READINGS
                .iter()
                .find(|(s, _)| i == 0 && *s == c)
                .and_then(|(_, r)| r.first())
                .map(|s| s.to_string());
            surname
                .or_else(|| {
                    c.to_pinyin()
                        .and_then(|p| spellings(p.plain()).into_iter().next())
                })
                .unwrap_or_else(|| c.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `latin` could be the pinyin of the Chinese name `han`: surname first or last,
/// spacing free (`张伟` ≈ `ZHANG WEI` ≈ `WEI ZHANG` ≈ `ZHANGWEI`), heteronyms and surname
/// readings accepted (曾 ZENG, 单 SHAN, 解 XIE…), ü as YU/U/V.
pub fn han_matches_latin(han: &str, latin: &str) -> bool {
    let chars: Vec<char> = han.chars().filter(|&c| is_han(c)).collect();
    let target: String = normalise_latin(latin).concat();
    if chars.is_empty() || target.is_empty() || chars.len() > 8 {
        return false;
    }
    let n = chars.len();
    // Surname of one or two characters (compound surnames: 欧阳, 司马, 诸葛…).
    let splits: Vec<usize> = if n == 1 {
        vec![1]
    } else {
        (1..=2.min(n - 1)).collect()
    };
    for k in splits {
        let (sur, given) = chars.split_at(k);
        let sur: Vec<Vec<String>> = sur.iter().map(|&c| readings(c, true)).collect();
        let given: Vec<Vec<String>> = given.iter().map(|&c| readings(c, false)).collect();
        let surname_first: Vec<&Vec<String>> = sur.iter().chain(given.iter()).collect();
        let given_first: Vec<&Vec<String>> = given.iter().chain(sur.iter()).collect();
        if segments(&surname_first, &target) || segments(&given_first, &target) {
            return true;
        }
    }
    false
}

/// Can `target` be written as one reading of each character, in order?
fn segments(chars: &[&Vec<String>], target: &str) -> bool {
    // Reachable string offsets after each character.
    let mut reach = vec![0usize];
    for options in chars {
        let mut next: Vec<usize> = reach
            .iter()
            .flat_map(|&p| {
                options.iter().filter_map(move |r| {
                    target
                        .get(p..)
                        .filter(|rest| rest.starts_with(r.as_str()))
                        .map(|_| p + r.len())
                })
            })
            .collect();
        next.sort_unstable();
        next.dedup();
        if next.is_empty() {
            return false;
        }
        reach = next;
    }
    reach.contains(&target.len())
}

/// Places where Chinese names are usually romanised in Cantonese, Hokkien or Wade–Giles
/// (CHAN, WONG, TAN, CHANG) rather than pinyin, and where Han characters are read in
/// Japanese or Korean (田中 is TANAKA, 金 is KIM): no pinyin comparison for their documents.
const NON_PINYIN_COUNTRIES: &[&str] = &["HK", "MO", "TW", "SG", "MY", "JP", "KR", "KP"];

/// `native_name` in Chinese characters against the Latin `full_name`: a likely mismatch is a
/// warning (romanisation has legitimate variants we may not know), never a failure.
pub fn check_native(facts: &Facts) -> Vec<Finding> {
    let (Some(native), Some(full)) = (&facts.native_name, &facts.full_name) else {
        return Vec::new();
    };
    // Names with the interpunct (阿卜杜拉·买买提) are transliterations of non-Chinese names;
    // their documents spell them in the original language, not in pinyin.
    if !is_han_name(native) || native.contains(['·', '・', '.']) || !is_latin_name(full) {
        return Vec::new();
    }
    let non_pinyin = |code: Option<&str>| {
        code.is_some_and(|c| {
            NON_PINYIN_COUNTRIES
                .iter()
                .any(|p| countries::same_country(c, p))
        })
    };
    if non_pinyin(facts.nationality) || non_pinyin(facts.document_country) {
        return Vec::new();
    }
    if han_matches_latin(native, full) {
        return Vec::new();
    }
    vec![
        Finding::new(Code::NameMismatch, Subject::Profile)
            .severity(Severity::Warn)
            .field("native_name")
            .detail(
                "native.pinyin_mismatch",
                [
                    Arg::pii(native.trim()),
                    Arg::pii(pinyin_of(native)),
                    Arg::pii(full.trim()),
                ],
            ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(native: &str, full: &str) -> Facts {
        Facts {
            native_name: Some(native.to_string()),
            full_name: Some(full.to_string()),
            ..Facts::default()
        }
    }

    #[test]
    fn normalise_tokens() {
        assert_eq!(
            normalise_latin("Eriksson, Anna-Maria"),
            ["ERIKSSON", "ANNA", "MARIA"]
        );
        assert_eq!(normalise_latin("  José  Núñez "), ["JOSE", "NUNEZ"]);
        assert_eq!(normalise_latin("O'Brien"), ["O", "BRIEN"]);
        assert!(normalise_latin("123 --").is_empty());
    }

    #[test]
    fn same_name_tolerates_order_case_punctuation_and_joins() {
        for other in [
            "ERIKSSON ANNA MARIA",
            "Eriksson, Anna Maria",
            "anna maria eriksson",
            "ANNAMARIA ERIKSSON",
            "Eriksson Anna-Maria",
            "ERIKSSON  ANNA   MARIA",
        ] {
            assert!(same_name("ANNA MARIA ERIKSSON", other), "{other}");
        }
        assert!(same_name("ZHANGWEI", "WEI ZHANG"));
        assert!(same_name("O'Brien Sean", "SEAN OBRIEN"));
        assert!(same_name("José Núñez", "JOSE NUNEZ"));
        assert!(!same_name("ANNA ERIKSSON", "ANNA MARIA ERIKSSON"));
        assert!(!same_name("ANNA ERIKSSON", "ANNE ERIKSSON"));
        assert!(!same_name("", "ANNA"));
        assert!(!same_name("AN NA LI", "ANNA LIN"));
    }

    #[test]
    fn icao_transliteration_variants() {
        assert_eq!(icao_variants("Müller"), ["MUELLER", "MULLER"]);
        assert_eq!(icao_variants("Åsa Øberg"), ["AASA OEBERG", "ASA OBERG"]);
        assert_eq!(icao_variants("Straße"), ["STRASSE"]);
        assert_eq!(icao_variants("Núñez"), ["NUNEZ"]);
    }

    #[test]
    fn truncation() {
        let p = normalise_latin("Anna Maria Eriksson-Lindqvist");
        let t = |s: &str| tokens(s);
        assert!(truncated_match(&p, &t("ERIKSSON LINDQVIST ANNA MAR")));
        assert!(truncated_match(&p, &t("ERIKSSON LINDQVIST ANNA M")));
        assert!(truncated_match(&p, &t("ERIKSSON LINDQ")));
        assert!(!truncated_match(&p, &t("ERIKSSON LINDQVIST ANNE MAR")));
        assert!(!truncated_match(&p, &[]));
    }

    #[test]
    fn pinyin_order_and_spacing() {
        for latin in [
            "ZHANG WEI",
            "WEI ZHANG",
            "ZHANGWEI",
            "Zhang Wei",
            "zhang, wei",
        ] {
            assert!(han_matches_latin("张伟", latin), "{latin}");
        }
        assert!(!han_matches_latin("张伟", "LI NA"));
        assert!(!han_matches_latin("张伟", "ZHANG WEN"));
    }

    #[test]
    fn pinyin_surname_readings() {
        assert!(han_matches_latin("曾小贤", "ZENG XIAOXIAN"));
        assert!(han_matches_latin("单雄信", "SHAN XIONGXIN"));
        assert!(han_matches_latin("解缙", "XIE JIN"));
        assert!(han_matches_latin("仇英", "QIU YING"));
        assert!(han_matches_latin("区小明", "OU XIAOMING"));
        assert!(han_matches_latin("朴槿惠", "PIAO JINHUI"));
        assert!(han_matches_latin("覃明", "QIN MING"));
        assert!(han_matches_latin("欧阳娜娜", "OUYANG NANA"));
        assert!(han_matches_latin("欧阳娜娜", "NANA OUYANG"));
        assert_eq!(pinyin_of("曾小贤"), "ZENG XIAO XIAN");
    }

    #[test]
    fn pinyin_u_umlaut() {
        for latin in ["LYU BU", "LU BU", "LV BU", "BU LYU"] {
            assert!(han_matches_latin("吕布", latin), "{latin}");
        }
        assert!(han_matches_latin("女", "NYU"));
        assert!(!han_matches_latin("吕布", "LI BU"));
    }

    #[test]
    fn check_native_warns_only_on_likely_mismatch() {
        assert!(check_native(&facts("张伟", "ZHANG WEI")).is_empty());
        assert!(check_native(&facts("张伟", "Wei Zhang")).is_empty());
        let f = check_native(&facts("张伟", "LI NA"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, Code::NameMismatch);
        assert_eq!(f[0].severity, Severity::Warn);
        assert_eq!(
            f[0].detail.as_ref().map(|d| d.key),
            Some("native.pinyin_mismatch")
        );
    }

    #[test]
    fn check_native_skips_what_it_cannot_judge() {
        // Full name not Latin, native name not Chinese, interpunct transliterations.
        assert!(check_native(&facts("张伟", "张伟")).is_empty());
        assert!(check_native(&facts("Иван", "IVAN")).is_empty());
        assert!(check_native(&facts("阿卜杜拉·买买提", "ABDULLA MAMAT")).is_empty());
        // Hong Kong names are Cantonese romanisations.
        let mut hk = facts("陈大文", "CHAN TAI MAN");
        hk.document_country = Some("HK");
        assert!(check_native(&hk).is_empty());
        hk.document_country = None;
        assert_eq!(check_native(&hk).len(), 1);
        // No native name, no finding.
        let none = Facts {
            full_name: Some("ZHANG WEI".into()),
            ..Facts::default()
        };
        assert!(check_native(&none).is_empty());
    }
}

#[cfg(test)]
mod country_tests {
    use super::*;

    #[test]
    fn japanese_and_korean_han_names_are_not_read_in_pinyin() {
        for country in ["JP", "KR"] {
            let facts = Facts {
                native_name: Some("田中 花子".into()),
                full_name: Some("TANAKA HANAKO".into()),
                nationality: Some(if country == "JP" { "JPN" } else { "KOR" }),
                ..Facts::default()
            };
            assert!(check_native(&facts).is_empty(), "{country}");
        }
        let chinese = Facts {
            native_name: Some("田中".into()),
            full_name: Some("TANAKA".into()),
            nationality: Some("CHN"),
            ..Facts::default()
        };
        assert_eq!(check_native(&chinese).len(), 1);
    }
}
