//! All human text: for every reason code a message, advice and a longer explanation in English
//! and Simplified Chinese (`catalog_en`, `catalog_zh`), and the detail sentences checks attach
//! to findings (`details`). Renderers and `explain` read only from here.

mod catalog_en;
mod catalog_zh;
mod details;
pub mod diagnose;
pub mod html;
pub mod ui;

use std::fmt::Write as _;

use crate::codes::Code;
use crate::finding::{Arg, Detail};

/// Output language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `zh` when a locale string such as `zh_CN.UTF-8` asks for Chinese.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The fixed text of one reason code in one language.
#[derive(Clone, Copy, Debug)]
pub struct CodeText {
    /// A short title, e.g. "Photo is blurry" (used by `codes` and as a heading).
    pub title: &'static str,
    /// One sentence saying what is wrong, addressed to the user.
    pub message: &'static str,
    /// What to do about it, concretely.
    pub advice: &'static str,
    /// For `explain`: what it means, why platforms reject it, how to fix it (several paragraphs).
    pub explain: &'static str,
}

pub fn code_text(code: Code, lang: Lang) -> CodeText {
    match lang {
        Lang::En => catalog_en::text(code),
        Lang::Zh => catalog_zh::text(code),
    }
}

/// One detail sentence in both languages. Placeholders `{0}`, `{1}`… take the finding's args.
#[derive(Clone, Copy, Debug)]
pub struct DetailText {
    pub key: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

/// Every detail sentence, from the per-family tables in `details/`.
pub fn all_details() -> impl Iterator<Item = &'static DetailText> {
    details::TABLES.iter().flat_map(|t| t.iter())
}

pub fn detail_exists(key: &str) -> bool {
    all_details().any(|d| d.key == key)
}

fn detail_template(key: &str, lang: Lang) -> Option<&'static str> {
    all_details().find(|d| d.key == key).map(|d| match lang {
        Lang::En => d.en,
        Lang::Zh => d.zh,
    })
}

/// Fill a detail sentence. PII args are masked unless `show_pii`.
pub fn render_detail(detail: &Detail, lang: Lang, show_pii: bool) -> Option<String> {
    let template = detail_template(detail.key, lang)?;
    Some(fill(template, &detail.args, show_pii))
}

fn fill(template: &str, args: &[Arg], show_pii: bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        match after[..close]
            .parse::<usize>()
            .ok()
            .and_then(|i| args.get(i))
        {
            Some(arg) => push_arg(&mut out, arg, show_pii),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn push_arg(out: &mut String, arg: &Arg, show_pii: bool) {
    match arg {
        Arg::Text(s) => out.push_str(s),
        Arg::Pii(s) if show_pii => out.push_str(s),
        Arg::Pii(s) => out.push_str(&mask(s)),
        Arg::Num(n) => {
            let _ = write!(out, "{}", format_num(*n));
        }
        Arg::Int(i) => {
            let _ = write!(out, "{i}");
        }
    }
}

/// A number as people read it: integers without `.0`, others with up to 3 decimals.
pub fn format_num(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Mask personal data so a report can be pasted into a ticket: keep the first and last
/// character of each word longer than 3 characters and hide the rest, e.g.
/// `L898902C3` → `L•••••••3`, `ANNA MARIA` → `A••A M•••A`. Short words become all dots.
pub fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        match chars.as_slice() {
            [] => {}
            [first, middle @ .., last] if chars.len() > 3 => {
                out.push(*first);
                out.extend(std::iter::repeat_n('•', middle.len()));
                out.push(*last);
            }
            short => out.extend(std::iter::repeat_n('•', short.len())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_code_has_text_in_both_languages() {
        for &code in Code::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let t = code_text(code, lang);
                for (what, s) in [
                    ("title", t.title),
                    ("message", t.message),
                    ("advice", t.advice),
                    ("explain", t.explain),
                ] {
                    assert!(!s.trim().is_empty(), "{code} {lang:?} {what} is empty");
                    if lang == Lang::Zh {
                        assert!(has_cjk(s), "{code} zh {what} has no Chinese: {s}");
                    }
                }
                assert!(
                    t.explain.len() > t.message.len(),
                    "{code} {lang:?}: explain should say more than the message"
                );
            }
        }
    }

    #[test]
    fn detail_keys_unique_and_placeholders_agree() {
        let mut seen = HashSet::new();
        for d in all_details() {
            assert!(seen.insert(d.key), "duplicate detail key {}", d.key);
            assert!(has_cjk(d.zh), "{} zh has no Chinese", d.key);
            for i in 0..8 {
                let p = format!("{{{i}}}");
                assert_eq!(
                    d.en.contains(&p),
                    d.zh.contains(&p),
                    "{}: placeholder {p} differs between en and zh",
                    d.key
                );
            }
        }
    }

    #[test]
    fn fill_and_mask() {
        let args = [
            Arg::text("date_of_birth"),
            Arg::pii("L898902C3"),
            Arg::Num(2.5),
        ];
        assert_eq!(
            fill("{0} is {1} ({2})", &args, false),
            "date_of_birth is L•••••••3 (2.5)"
        );
        assert_eq!(
            fill("{0} is {1} ({2})", &args, true),
            "date_of_birth is L898902C3 (2.5)"
        );
        assert_eq!(fill("{9} and {x} {", &args, false), "{9} and {x} {");
        assert_eq!(mask("ANNA MARIA ER"), "A••A M•••A ••");
        assert_eq!(mask("张伟"), "••");
        assert_eq!(mask(""), "");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_num(18.0), "18");
        assert_eq!(format_num(0.0125), "0.013");
        assert_eq!(format_num(31.5), "31.5");
    }

    #[test]
    fn locale_selects_chinese() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    }
}
