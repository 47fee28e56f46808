//! `batch --format html -o DIR`: one page per case plus `index.html`, a table with one row per
//! case (a small picture, the verdict, whether it matched its expect.json, the reason codes)
//! linking to the case's page, so a support desk can scan a folder of tickets.

use maud::{DOCTYPE, html};
use std::path::{Path, PathBuf};

use super::figure::data_url;
use super::page::{self, Page, head, lang_attr};
use crate::batch::output::{BatchRender, codes_summary, verdict_word};
use crate::batch::{BatchResult, CaseResult};
use crate::finding::Subject;
use crate::images::Thumbnail;
use crate::messages::html as words;

/// What `write_batch` wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub index: PathBuf,
    /// Case pages written (cases that could not be checked have none).
    pub pages: usize,
}

/// Why the pages could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// The page file of the `n`-th case (0-based): a running number keeps names unique whatever
/// characters the case name has; the name is kept where it is safe in a file name.
pub fn case_file_name(n: usize, case: &str) -> String {
    let safe: String = case
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("{:03}-{}.html", n + 1, safe.trim_matches('.'))
}

/// Write every case's page and the index into `dir` (created when missing).
pub fn write_batch(
    result: &BatchResult,
    opts: &BatchRender,
    dir: &Path,
) -> Result<Written, WriteError> {
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|source| WriteError {
            path: path.display().to_string(),
            source,
        })
    };
    std::fs::create_dir_all(dir).map_err(|source| WriteError {
        path: dir.display().to_string(),
        source,
    })?;
    let mut links: Vec<Option<String>> = Vec::with_capacity(result.cases.len());
    for (n, case) in result.cases.iter().enumerate() {
        let Some(report) = &case.report else {
            links.push(None);
            continue;
        };
        let name = case_file_name(n, &case.case.name);
        let case_opts = opts.case_options(case);
        let text = page::render(&Page {
            report,
            opts: &case_opts,
            diagnosis: None,
            case: Some(&case.case.name),
            back: Some("index.html"),
        });
        write(&dir.join(&name), &text)?;
        links.push(Some(name));
    }
    let index = dir.join("index.html");
    write(&index, &index_page(result, opts, &links))?;
    Ok(Written {
        index,
        pages: links.iter().flatten().count(),
    })
}

/// The index page; `links[i]` is the page of `result.cases[i]`, if it has one.
pub fn index_page(result: &BatchResult, opts: &BatchRender, links: &[Option<String>]) -> String {
    let lang = opts.lang;
    let w = words::words(lang);
    let title = format!("{} · {}", w.index_title, result.dir);
    html! {
        (DOCTYPE)
        html lang=(lang_attr(lang)) {
            (head(&title))
            body {
                header.top {
                    h1 { (w.index_title) " · " code { (result.dir) } }
                    p.meta {
                        "kyc-precheck " (env!("CARGO_PKG_VERSION"))
                        " · " (crate::messages::ui::header(lang).1) " " code { (opts.policy_name) }
                        " · " (crate::messages::ui::header(lang).2) " " (opts.today)
                    }
                    p class={ "verdict verdict-" (if result.all_passed() { "pass" } else { "fail" }) } {
                        (words::index_summary(result.cases.len(), result.passed(), lang))
                    }
                    p.note { @if opts.show_pii { (w.pii_shown) } @else { (w.pii_masked) } }
                }
                main {
                    table.cases {
                        thead { tr { th { (w.photo) } th { (w.case) } th { (w.verdict) } th { (w.result) } th { (w.codes) } } }
                        tbody {
                            @for (case, link) in result.cases.iter().zip(links) {
                                (row(case, link.as_deref(), opts))
                            }
                        }
                    }
                }
                footer { "kyc-precheck " (env!("CARGO_PKG_VERSION")) }
            }
        }
    }
    .into_string()
}

fn row(case: &CaseResult, link: Option<&str>, opts: &BatchRender) -> maud::Markup {
    let lang = opts.lang;
    let w = words::words(lang);
    let verdict = verdict_word(case);
    let status = case.status();
    let status_class = format!("{status:?}").to_lowercase();
    let icon = case.report.as_ref().and_then(|r| {
        [Subject::IdFront, Subject::IdBack, Subject::Selfie]
            .iter()
            .find_map(|s| r.images.get(s).and_then(|i| i.thumbnails.as_ref()))
            .map(|t| &t.icon)
    });
    html! {
        tr.case data-case=(case.case.name) data-verdict=(verdict) {
            td.thumb {
                @if let Some(icon) = icon { (thumb(icon, link, &case.case.name)) }
            }
            td.name {
                @if let Some(link) = link { a href=(link) { code { (case.case.name) } } }
                @else { code { (case.case.name) } }
            }
            td { span class={ "badge v-" (verdict) } { (verdict.to_uppercase()) } }
            td { span class={ "badge st-" (status_class) } { (words::status(status, lang)) } }
            td.codes {
                @if let Some(report) = &case.report { code { (codes_summary(report)) } }
                @if let Some(err) = &case.error { span.error { (w.not_checked) ": " (err) } }
            }
        }
    }
}

fn thumb(icon: &Thumbnail, link: Option<&str>, alt: &str) -> maud::Markup {
    let img = html! {
        img src=(data_url(icon)) width=(icon.width) height=(icon.height) alt=(alt);
    };
    html! {
        @if let Some(link) = link { a href=(link) tabindex="-1" { (img) } } @else { (img) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_file_names_are_unique_and_safe() {
        assert_eq!(case_file_name(0, "alice"), "001-alice.html");
        assert_eq!(case_file_name(11, "desk/张伟 2"), "012-desk____2.html");
        assert_eq!(case_file_name(2, "../x"), "003-_x.html");
        assert_ne!(case_file_name(3, "a/b"), case_file_name(4, "a_b"));
    }
}
