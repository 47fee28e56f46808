//! Platform presets: built-in policies for platforms whose upload rules are public. Each is a
//! TOML file in `presets/` that starts from `default` (or `strict`) and changes only what the
//! platform states, with a `[preset]` table naming the platform, the pages the rules come from
//! and the date they were read. `kyc-precheck policy NAME` prints them as comments;
//! `kyc-precheck policy --list` lists every preset.

use serde::Deserialize;
use std::fmt::Write as _;

use super::{Policy, PolicyError};
use crate::messages::Lang;

/// The preset files, in the order `policy --list` shows them.
const FILES: &[(&str, &str)] = &[
    ("kraken", include_str!("presets/kraken.toml")),
    ("okx", include_str!("presets/okx.toml")),
    ("sumsub", include_str!("presets/sumsub.toml")),
    ("veriff", include_str!("presets/veriff.toml")),
    ("onfido", include_str!("presets/onfido.toml")),
    ("jumio", include_str!("presets/jumio.toml")),
    ("complycube", include_str!("presets/complycube.toml")),
];

/// Where a preset's rules come from.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    /// The page's title, when the URL alone does not name it.
    #[serde(default)]
    pub title: Option<String>,
    /// When it was read (YYYY-MM-DD).
    pub read: String,
    /// What the page says that the preset uses.
    pub says: String,
}

/// The `[preset]` table of a preset file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// `exchange` or `vendor`.
    pub kind: String,
    pub description: String,
    pub description_zh: String,
    /// What the platform states that no policy key can express.
    #[serde(default)]
    pub not_enforced: Vec<String>,
    pub sources: Vec<Source>,
}

/// Every platform preset name.
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _)| *name)
}

fn file(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase();
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

fn invalid(name: &str, message: impl Into<String>) -> PolicyError {
    PolicyError::Invalid {
        path: format!("built-in preset `{name}`"),
        message: message.into(),
    }
}

/// Split a preset file into its `[preset]` table and the policy keys.
fn split(name: &str, text: &str) -> Result<(Meta, toml::Table), PolicyError> {
    let mut table: toml::Table = toml::from_str(text).map_err(|e| invalid(name, e.to_string()))?;
    let meta = table
        .remove("preset")
        .ok_or_else(|| invalid(name, "no [preset] table"))?;
    let meta: Meta = meta
        .try_into()
        .map_err(|e: toml::de::Error| invalid(name, e.message().to_string()))?;
    Ok((meta, table))
}

/// The platform preset `name`, if there is one.
pub fn policy(name: &str) -> Option<Result<Policy, PolicyError>> {
    let text = file(name)?;
    Some((|| {
        let (_, table) = split(name, text)?;
        let mut policy = Policy::from_table(table).map_err(|m| invalid(name, m))?;
        policy.name = name.to_ascii_lowercase();
        Ok(policy)
    })())
}

/// The `[preset]` table of the platform preset `name`.
pub fn meta(name: &str) -> Option<Result<Meta, PolicyError>> {
    let text = file(name)?;
    Some(split(name, text).map(|(meta, _)| meta))
}

/// The policy keys a preset sets itself (`files.max_bytes`, `severity.DOC_TILTED`…), besides
/// `base`.
pub fn overridden_keys(name: &str) -> Vec<String> {
    let Some(Ok((_, table))) = file(name).map(|t| split(name, t)) else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    for (section, value) in &table {
        match value.as_table() {
            Some(inner) => keys.extend(inner.keys().map(|k| format!("{section}.{k}"))),
            None if section != "base" => keys.push(section.clone()),
            None => {}
        }
    }
    keys
}

fn base_of(name: &str) -> String {
    file(name)
        .and_then(|t| toml::from_str::<toml::Table>(t).ok())
        .and_then(|t| t.get("base").and_then(|b| b.as_str().map(str::to_string)))
        .unwrap_or_else(|| "default".into())
}

/// Comment lines put before `policy NAME`'s TOML: the platform, where its rules come from and
/// when they were read, what the preset changes and what it cannot check. Empty for
/// `default` and `strict`.
pub fn toml_header(name: &str) -> String {
    let Some(Ok(meta)) = meta(name) else {
        return String::new();
    };
    let name = name.to_ascii_lowercase();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Platform preset `{name}`: {} ({}).",
        meta.title, meta.kind
    );
    comment(&mut out, "# ", &meta.description);
    comment(
        &mut out,
        "# ",
        &format!(
            "Built on `{}`; only what {} states is changed: {}.",
            base_of(&name),
            meta.title,
            overridden_keys(&name).join(", ")
        ),
    );
    if !meta.not_enforced.is_empty() {
        let _ = writeln!(out, "# Stated by {} but not checked here:", meta.title);
        for item in &meta.not_enforced {
            comment(&mut out, "#   - ", item);
        }
    }
    let _ = writeln!(out, "# Sources:");
    for s in &meta.sources {
        let _ = writeln!(out, "#   {}", s.url);
        let title = s
            .title
            .as_deref()
            .map(|t| format!(" {t}:"))
            .unwrap_or_default();
        comment(
            &mut out,
            "#     ",
            &format!("read {}:{title} {}", s.read, s.says),
        );
    }
    out.push_str("#\n");
    out
}

/// `text` as comment lines of at most about 96 columns, the first starting with `prefix` and
/// the others indented to match (a word longer than the line, such as a URL, stays whole).
fn comment(out: &mut String, prefix: &str, text: &str) {
    const WIDTH: usize = 96;
    let indent = format!("#{}", " ".repeat(prefix.chars().count().saturating_sub(1)));
    let mut line = prefix.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{line}");
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    let _ = writeln!(out, "{line}");
}

/// `policy --list`: every built-in policy with its description, and for platform presets the
/// sources and when they were read.
pub fn list(lang: Lang) -> String {
    let mut out = String::new();
    let (default_desc, strict_desc, source, read) = match lang {
        Lang::En => (
            "the contract's defaults; image thresholds calibrated on the fixtures (POLICY.md)",
            "what the most demanding platforms publish: ID front and selfie (and back for cards), 100 KiB–5 MiB, a month of validity, edited or screenshot images fail",
            "source",
            "read",
        ),
        Lang::Zh => (
            "约定的默认值；图像阈值在样例图片上校准（见 POLICY.md）",
            "要求最严的平台公布的规则：证件正面和自拍（卡片类证件还要背面），100 KiB–5 MiB，有效期至少一个月，修过的图或截图判为不通过",
            "来源",
            "查阅于",
        ),
    };
    let _ = writeln!(out, "{:<12} {default_desc}", "default");
    let _ = writeln!(out, "{:<12} {strict_desc}", "strict");
    for name in names() {
        let Some(Ok(meta)) = meta(name) else {
            let _ = writeln!(out, "{name:<12} (cannot be read)");
            continue;
        };
        let desc = match lang {
            Lang::En => &meta.description,
            Lang::Zh => &meta.description_zh,
        };
        let kind = match (lang, meta.kind.as_str()) {
            (Lang::Zh, "exchange") => "交易所",
            (Lang::Zh, "vendor") => "身份认证服务商",
            (_, kind) => kind,
        };
        let _ = writeln!(out, "{name:<12} {} ({kind}): {desc}", meta.title);
        for s in &meta.sources {
            let title = s
                .title
                .as_deref()
                .map(|t| format!(", {t}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<12}   {source}: {}{title} ({read} {})",
                "", s.url, s.read
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_loads_validates_and_cites_its_sources() {
        for name in names() {
            let policy = policy(name).unwrap().unwrap();
            assert_eq!(policy.name, name);
            policy.validate().unwrap();
            let meta = meta(name).unwrap().unwrap();
            assert!(!meta.sources.is_empty(), "{name} has no source");
            for s in &meta.sources {
                assert!(s.url.starts_with("https://"), "{name}: {}", s.url);
                assert!(
                    chrono::NaiveDate::parse_from_str(&s.read, "%Y-%m-%d").is_ok(),
                    "{name}: read date {}",
                    s.read
                );
            }
            assert!(
                meta.description_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: no Chinese description"
            );
            assert!(
                matches!(base_of(name).as_str(), "default" | "strict"),
                "{name} builds on a platform preset"
            );
            assert!(!overridden_keys(name).is_empty(), "{name} changes nothing");
        }
    }

    #[test]
    fn presets_change_only_the_keys_they_set() {
        let default = toml::Table::try_from(Policy::default_policy()).unwrap();
        for name in names() {
            let preset = toml::Table::try_from(policy(name).unwrap().unwrap()).unwrap();
            let keys = overridden_keys(name);
            for (section, value) in &preset {
                let Some(inner) = value.as_table() else {
                    continue;
                };
                for (key, v) in inner {
                    let dotted = format!("{section}.{key}");
                    if default.get(section).and_then(|s| s.get(key)) != Some(v) {
                        assert!(
                            keys.contains(&dotted),
                            "{name}: {dotted} differs from default without being set"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn header_names_every_source_and_date() {
        for name in names() {
            let header = toml_header(name);
            for s in meta(name).unwrap().unwrap().sources {
                assert!(
                    header.contains(&s.url) && header.contains(&s.read),
                    "{name}"
                );
            }
            assert!(header.lines().all(|l| l.starts_with('#')), "{header}");
        }
        assert_eq!(toml_header("default"), "");
    }
}
