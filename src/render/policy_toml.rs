//! `kyc-precheck policy [NAME]`: a policy as TOML, each key preceded by its meaning. The
//! comments come from the `Policy` type's own documentation (via its JSON Schema), so the
//! printed file cannot drift from the code.

use serde_json::Value;
use std::fmt::Write as _;

use crate::policy::Policy;

pub fn render(policy: &Policy) -> String {
    let schema = serde_json::to_value(schemars::schema_for!(Policy)).unwrap_or(Value::Null);
    let table = match toml::Table::try_from(policy) {
        Ok(t) => t,
        Err(e) => return format!("# cannot render policy: {e}\n"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# kyc-precheck policy `{}`.\n# Save as my-policy.toml, keep only the keys you change, and run\n# `kyc-precheck check profile.json --policy my-policy.toml`.\n# `base = \"strict\"` starts from the strict preset instead of default.\n# Image thresholds were calibrated on the fixtures in fixtures/images/ (see POLICY.md).\n",
        policy.name
    );
    // Scalars first (TOML requires them before any [section]).
    for (key, value) in &table {
        if !value.is_table() {
            comment(&mut out, description(&schema, &schema, key));
            let _ = writeln!(out, "{key} = {}\n", inline(value));
        }
    }
    for (section, value) in &table {
        let Some(inner) = value.as_table() else {
            continue;
        };
        let section_schema = resolve(&schema, &schema["properties"][section]);
        comment(&mut out, description(&schema, &schema, section));
        let _ = writeln!(out, "[{section}]");
        if inner.is_empty() && section == "severity" {
            let _ = writeln!(
                out,
                "# IMAGE_EDITED = \"fail\"      # off | info | warn | fail"
            );
        }
        for (key, v) in inner {
            comment(&mut out, description(&schema, section_schema, key));
            let _ = writeln!(out, "{key} = {}", inline(v));
        }
        out.push('\n');
    }
    out
}

fn comment(out: &mut String, text: Option<String>) {
    if let Some(text) = text {
        for line in text.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
}

fn inline(v: &toml::Value) -> String {
    match v {
        toml::Value::Float(f) if f.fract() == 0.0 => format!("{f:.1}"),
        other => other.to_string(),
    }
}

/// Follow a `$ref` into `$defs`.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| root["$defs"].get(name))
            .unwrap_or(node),
        None => node,
    }
}

fn description(root: &Value, object: &Value, key: &str) -> Option<String> {
    let prop = &object["properties"][key];
    prop.get("description")
        .or_else(|| resolve(root, prop).get("description"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_policy_round_trips_and_every_key_is_documented() {
        for name in crate::policy::PRESETS {
            let p = Policy::preset(name).unwrap();
            let text = render(&p);
            let back = Policy::from_toml(&format!("base = \"{name}\"\n{text}")).unwrap();
            assert_eq!(back, p, "{name}");
            let lines: Vec<&str> = text.lines().collect();
            let mut section = "";
            for (i, line) in lines.iter().enumerate() {
                if line.starts_with('[') {
                    section = line;
                }
                let is_setting = line.contains(" = ") && !line.starts_with('#');
                if is_setting && section != "[severity]" {
                    assert!(
                        i > 0 && lines[i - 1].starts_with('#'),
                        "{name}: `{line}` has no comment"
                    );
                }
            }
        }
    }
}
