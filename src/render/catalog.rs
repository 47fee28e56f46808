//! `codes` and `explain`: the reason-code registry for people (and `codes --format json`).

use colored::Colorize;
use serde_json::json;
use std::fmt::Write as _;

use crate::codes::Code;
use crate::messages::{Lang, code_text};

pub fn codes(lang: Lang, as_json: bool) -> String {
    if as_json {
        let list: Vec<_> = Code::ALL
            .iter()
            .map(|&c| {
                let t = code_text(c, lang);
                json!({
                    "code": c.as_str(),
                    "severity": c.default_severity().as_str(),
                    "family": c.family().as_str(),
                    "title": t.title,
                    "message": t.message,
                    "advice": t.advice,
                    "vendor_codes": c.vendor_codes(),
                })
            })
            .collect();
        return serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
    }
    let mut out = String::new();
    let mut family = None;
    for &c in Code::ALL {
        if family != Some(c.family()) {
            family = Some(c.family());
            let _ = writeln!(
                out,
                "{}{}",
                if out.is_empty() { "" } else { "\n" },
                c.family().as_str()
            );
        }
        let _ = writeln!(
            out,
            "  {:<27} {:<5} {}",
            c.as_str(),
            c.default_severity().as_str(),
            code_text(c, lang).title
        );
    }
    out
}

pub fn explain(codes: &[Code], lang: Lang, color: bool) -> String {
    let mut out = String::new();
    for (i, &c) in codes.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        let t = code_text(c, lang);
        let head = format!("{} — {}", c.as_str(), t.title);
        let _ = writeln!(
            out,
            "{}",
            if color { head.bold().to_string() } else { head }
        );
        let (sev, vendors, advice) = match lang {
            Lang::En => ("default severity", "vendor codes", "What to do"),
            Lang::Zh => ("默认级别", "对应的平台/服务商代码", "怎么办"),
        };
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let _ = writeln!(out, "{sev}{colon}{}", c.default_severity());
        if !c.vendor_codes().is_empty() {
            let _ = writeln!(out, "{vendors}{colon}{}", c.vendor_codes().join(", "));
        }
        let _ = writeln!(out, "\n{}\n", t.explain.trim());
        let _ = writeln!(out, "{advice}{colon}{}", t.advice);
    }
    out
}

pub fn vendor_intro(vendor: &str, codes: &[Code], lang: Lang) -> String {
    let names: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    match lang {
        Lang::En => format!("{vendor} corresponds to: {}\n\n", names.join(", ")),
        Lang::Zh => format!("{vendor} 对应本工具的：{}\n\n", names.join("、")),
    }
}
