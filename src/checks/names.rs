//! Name sanity: empty, digits or symbols, stray whitespace, mixed writing systems.
//! (`full_name` against the MRZ and the native name comes with the MRZ checks.)

use crate::checks::Facts;
use crate::codes::Code;
use crate::finding::{Arg, Finding, Severity, Subject};
use crate::profile::Profile;

/// Writing systems we tell apart. Mixing Latin with Cyrillic or Greek inside a name is almost
/// always a look-alike letter typed by an autocorrecting keyboard (Cyrillic `а` for Latin `a`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Han,
    Kana,
    Hangul,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x3040..=0x30FF => Script::Kana,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
        _ => Script::Other,
    }
}

/// Characters names legitimately contain besides letters: separators and the middle dot used
/// in transliterated names (`·`, as in 阿卜杜拉·买买提).
fn is_name_punctuation(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’' | '.' | ',' | '·' | '・')
}

pub fn check(profile: &Profile, facts: &mut Facts, findings: &mut Vec<Finding>) {
    if let Some(name) = &profile.full_name {
        let problems = check_name(name, "full_name");
        if !problems.iter().any(|f| f.severity == Severity::Fail) && !name.trim().is_empty() {
            facts.full_name = Some(name.clone());
        }
        findings.extend(problems);
    }
    if let Some(name) = &profile.native_name {
        let problems = check_name(name, "native_name");
        if !problems.iter().any(|f| f.severity == Severity::Fail) && !name.trim().is_empty() {
            facts.native_name = Some(name.clone());
        }
        findings.extend(problems);
    }
}

/// Problems with one name field. Empty names are reported by the required-field check.
pub fn check_name(name: &str, field: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if name.trim().is_empty() {
        return out;
    }
    let finding = |key: &'static str, args: Vec<Arg>| {
        Finding::new(Code::NameInvalid, Subject::Profile)
            .field(field)
            .detail(key, args)
    };

    // Full-width letters (ＡＮＮＡ) come from Chinese and Japanese input methods; NFKC maps them
    // to ASCII, so suggest that instead of calling them symbols.
    if name.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)) {
        out.push(finding("name.fullwidth", vec![Arg::text(field)]));
        return out;
    }
    if let Some(d) = name.chars().find(|c| c.is_numeric()) {
        out.push(finding(
            "name.digit",
            vec![Arg::text(field), Arg::text(d.to_string())],
        ));
    }
    let symbols: String = name
        .chars()
        .filter(|&c| {
            !c.is_alphabetic() && !c.is_numeric() && !is_name_punctuation(c) && !is_mark(c)
        })
        .collect();
    if !symbols.is_empty() {
        let shown: String = symbols
            .chars()
            .take(5)
            .map(visible)
            .collect::<Vec<_>>()
            .join(" ");
        out.push(finding(
            "name.symbol",
            vec![Arg::text(field), Arg::text(shown)],
        ));
    }
    if !name.chars().any(char::is_alphabetic) {
        out.push(finding("name.no_letters", vec![Arg::text(field)]));
        return out;
    }

    let scripts = scripts_of(name);
    let latin_lookalike = scripts.contains(&Script::Latin)
        && (scripts.contains(&Script::Cyrillic) || scripts.contains(&Script::Greek));
    if latin_lookalike {
        out.push(finding("name.mixed_lookalike", vec![Arg::text(field)]));
    } else if scripts.len() > 1 && !is_cjk_mix(&scripts) {
        out.push(finding("name.mixed_scripts", vec![Arg::text(field)]).severity(Severity::Warn));
    }

    if name != name.trim() || name.contains("  ") || name.contains(['\t', '\n', '\r', '\u{3000}']) {
        out.push(finding("name.whitespace", vec![Arg::text(field)]).severity(Severity::Warn));
    }
    if field == "full_name"
        && scripts == [Script::Latin]
        && name.split_whitespace().count() == 1
        && !name.contains(',')
    {
        out.push(finding("name.single_word", vec![Arg::text(field)]).severity(Severity::Warn));
    }
    if field == "full_name"
        && scripts
            .iter()
            .any(|s| matches!(s, Script::Han | Script::Kana | Script::Hangul))
        && name.chars().any(|c| c.is_ascii_alphabetic())
    {
        // "张伟 ZHANG WEI": two renderings of one name in one field.
        out.push(finding("name.two_forms", vec![Arg::text(field)]).severity(Severity::Warn));
    }
    out
}

/// Han with kana (Japanese) or Han with Hangul (older Korean names) are one writing system.
fn is_cjk_mix(scripts: &[Script]) -> bool {
    scripts
        .iter()
        .all(|s| matches!(s, Script::Han | Script::Kana | Script::Hangul))
}

fn scripts_of(name: &str) -> Vec<Script> {
    let mut seen = Vec::new();
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        let s = script(c);
        if s != Script::Other && !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen
}

/// Combining marks (decomposed accents) belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn visible(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(name: &str) -> Vec<&'static str> {
        check_name(name, "full_name")
            .iter()
            .map(|f| f.detail.as_ref().unwrap().key)
            .collect()
    }

    #[test]
    fn good_names_pass() {
        for n in [
            "ERIKSSON ANNA MARIA",
            "Seán O'Brien",
            "Jean-Luc Picard",
            "Nguyễn Văn Ánh",
            "Łukasz Żółć",
            "张伟",
            "山田 太郎",
            "Иван Петров",
            "阿卜杜拉·买买提",
            "José Mari\u{301}a",
            "KING, MARTIN LUTHER JR.",
        ] {
            assert!(keys(n).is_empty(), "{n}: {:?}", keys(n));
        }
    }

    #[test]
    fn digits_symbols_and_no_letters() {
        assert_eq!(keys("Anna Er1ksson"), ["name.digit"]);
        assert_eq!(keys("Anna Eriksson!"), ["name.symbol"]);
        assert_eq!(keys("Anna 😀 Eriksson"), ["name.symbol"]);
        assert_eq!(keys("-- --"), ["name.no_letters"]);
        assert_eq!(keys("1234"), ["name.digit", "name.no_letters"]);
    }

    #[test]
    fn whitespace_and_fullwidth() {
        assert_eq!(keys(" Anna Eriksson"), ["name.whitespace"]);
        assert_eq!(keys("Anna  Eriksson"), ["name.whitespace"]);
        assert_eq!(keys("Anna\tEriksson"), ["name.symbol", "name.whitespace"]);
        assert_eq!(keys("ＡＮＮＡ ＥＲＩＫＳＳＯＮ"), ["name.fullwidth"]);
        let f = check_name(" Anna Eriksson", "full_name");
        assert_eq!(f[0].severity, Severity::Warn);
    }

    #[test]
    fn mixed_scripts() {
        // Cyrillic 'а' (U+0430) inside a Latin name.
        assert_eq!(keys("Ann\u{430} Eriksson"), ["name.mixed_lookalike"]);
        assert_eq!(
            check_name("Ann\u{430} Eriksson", "full_name")[0].severity,
            Severity::Fail
        );
        assert_eq!(
            keys("张伟 ZHANG WEI"),
            ["name.mixed_scripts", "name.two_forms"]
        );
        assert_eq!(keys("Madonna"), ["name.single_word"]);
        assert!(check_name("Madonna", "native_name").is_empty());
    }

    #[test]
    fn empty_is_left_to_required_check() {
        assert!(keys("   ").is_empty());
    }
}
