//! `--format html`: the page of `check`, `diagnose` and `batch` (index and case pages), run
//! through the real binary. The JSON report of the same run is the reference: every finding it
//! lists must be on the page with the same message, advice and numbers, every region it reports
//! must be drawn, and every decoded image embedded at its aspect ratio.

mod common;

use base64::Engine as _;
use common::{TODAY, bin, codes};
use serde_json::Value;
use std::fs;

const GLARE_CASE: &str = "fixtures/diagnose/expired_glare/profile.json";
const MRZ_MISMATCH: &str = "fixtures/cases/mrz_mismatch/profile.json";
/// Reports stay small enough to attach to a ticket.
const MAX_REPORT_BYTES: usize = 1_000_000;

fn run(args: &[&str]) -> (String, i32) {
    let out = bin().args(args).args(["--today", TODAY]).output().unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code != 2,
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).expect("UTF-8"), code)
}

/// The JSON report and the HTML page of the same command.
fn both(args: &[&str]) -> (Value, String, i32) {
    let (json, json_code) = run(&[args, &["--format", "json"]].concat());
    let (html, html_code) = run(&[args, &["--format", "html"]].concat());
    assert_eq!(json_code, html_code, "{args:?}");
    (serde_json::from_str(&json).unwrap(), html, html_code)
}

/// Text as maud writes it into HTML.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn format_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A coordinate as the SVG writes it: one decimal, no `.0`.
fn coord(v: &Value) -> String {
    let s = format!("{:.1}", v.as_f64().unwrap());
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Every finding of the JSON report is on the page: its code, message, advice and numbers.
fn assert_findings_shown(report: &Value, html: &str) {
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(
        html.matches("<li class=\"finding ").count(),
        findings.len(),
        "one card per finding"
    );
    for f in findings {
        let code = f["code"].as_str().unwrap();
        assert!(html.contains(&format!("data-code=\"{code}\"")), "{code}");
        for key in ["message", "advice"] {
            let text = escaped(f[key].as_str().unwrap());
            assert!(html.contains(&text), "{code} {key} missing: {text}");
        }
        for (key, class) in [("measured", "measured"), ("threshold", "threshold")] {
            if let Some(v) = f[key].as_f64() {
                let cell = format!("<dd class=\"{class}\">{}</dd>", format_num(v));
                assert!(html.contains(&cell), "{code} {key}: {cell}");
            }
        }
    }
}

/// The embedded JPEGs, decoded.
fn embedded_images(html: &str) -> Vec<image::DynamicImage> {
    html.split("src=\"data:image/jpeg;base64,")
        .skip(1)
        .map(|rest| {
            let b64 = &rest[..rest.find('"').unwrap()];
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("base64");
            image::load_from_memory(&bytes).expect("a JPEG that decodes")
        })
        .collect()
}

/// No resource from anywhere: no remote or file URLs in attributes or CSS, no scripts, and a
/// Content-Security-Policy that forbids loading anything but `data:` images.
fn assert_self_contained(html: &str) {
    for bad in [
        "src=\"http",
        "href=\"http",
        "src=\"file:",
        "href=\"//",
        "src=\"//",
        "<script",
        "<link",
        "@import",
        "<iframe",
    ] {
        assert!(!html.contains(bad), "found {bad}");
    }
    for (i, _) in html.match_indices("url(") {
        assert!(
            html[i..].starts_with("url(#"),
            "CSS or SVG url() to something else than the page itself: {}",
            &html[i..(i + 40).min(html.len())]
        );
    }
    assert!(
        html.contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:;")
    );
    assert!(html.len() < MAX_REPORT_BYTES, "{} bytes", html.len());
}

#[test]
fn check_page_shows_findings_photos_and_regions() {
    let (report, html, code) = both(&[
        "check",
        GLARE_CASE,
        "--selfie",
        "fixtures/images/selfie_hopper.jpg",
    ]);
    assert_eq!(code, 1);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(html.contains("data-verdict=\"fail\""));
    assert_eq!(codes(&report), ["DOC_EXPIRED", "IMAGE_GLARE"]);
    assert_findings_shown(&report, &html);
    assert_self_contained(&html);

    // One picture per decoded image, with the original's aspect ratio.
    let images = embedded_images(&html);
    let originals = report["images"].as_object().unwrap();
    assert_eq!(images.len(), originals.len());
    for (img, (role, orig)) in images.iter().zip(originals) {
        let (w, h) = (
            orig["width"].as_f64().unwrap(),
            orig["height"].as_f64().unwrap(),
        );
        let aspect = f64::from(img.width()) / f64::from(img.height());
        assert!(
            (aspect - w / h).abs() < 0.01,
            "{role}: {aspect} vs {}",
            w / h
        );
        assert!(img.width().max(img.height()) <= 800, "{role} downscaled");
    }

    // The regions the report gives, drawn in its coordinates.
    let front = &report["images"]["id_front"];
    let glare = front["glare_regions"].as_array().unwrap();
    assert!(!glare.is_empty());
    assert_eq!(
        html.matches("<g class=\"ov ov-glare flagged\"").count(),
        glare.len()
    );
    let g = &glare[0];
    let rect = format!("<rect x=\"{}\" y=\"{}\"", coord(&g["x"]), coord(&g["y"]));
    assert!(html.contains(&rect), "{rect}");
    let corners = front["document"]["corners"].as_array().unwrap();
    let points: Vec<String> = corners
        .iter()
        .map(|c| format!("{},{}", coord(&c[0]), coord(&c[1])))
        .collect();
    assert!(html.contains(&format!("<polygon points=\"{}\"/>", points.join(" "))));
    let faces: usize = originals
        .values()
        .map(|i| i["face_boxes"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(faces >= 1);
    assert_eq!(html.matches("data-kind=\"face\"").count(), faces);
    // The viewBox is the original image's size.
    assert!(html.contains(&format!(
        "viewBox=\"0 0 {} {}\"",
        front["width"], front["height"]
    )));
}

#[test]
fn chinese_page() {
    let (report, html, _) = both(&["check", GLARE_CASE, "--lang", "zh"]);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("kyc-precheck 检查报告"));
    assert!(html.contains("图上标注"));
    assert_findings_shown(&report, &html);
    assert_self_contained(&html);
}

#[test]
fn pii_is_masked_unless_asked() {
    let (report, html, _) = both(&["check", MRZ_MISMATCH]);
    assert!(codes(&report).contains(&"MRZ_FIELD_MISMATCH".to_string()));
    assert_findings_shown(&report, &html);
    for pii in ["L898902C8", "ERIKSON"] {
        assert!(!html.contains(pii), "{pii} shown without --show-pii");
    }
    assert!(html.contains("L•••••••8"));
    let (shown, _) = run(&["check", MRZ_MISMATCH, "--format", "html", "--show-pii"]);
    assert!(shown.contains("L898902C8"));
    assert!(shown.contains("do not share this page"));
}

#[test]
fn cut_off_card_is_drawn_beyond_the_frame() {
    let (report, html, _) = both(&[
        "check",
        "--id-front",
        "fixtures/images/doc_cutoff_corner.jpg",
    ]);
    assert!(codes(&report).contains(&"DOC_CUT_OFF".to_string()));
    assert_findings_shown(&report, &html);
    assert!(html.contains("<g class=\"ov ov-cutoff flagged\""));
    assert!(html.contains("class=\"band\""));
    assert!(html.contains("profile <code>not given</code>"));
}

#[test]
fn undecodable_image_has_no_picture() {
    let (report, html, _) = both(&["check", "--id-front", "fixtures/images/bad_garbage.jpg"]);
    assert_findings_shown(&report, &html);
    assert!(html.contains("class=\"no-picture\""));
    assert!(embedded_images(&html).is_empty());
}

#[test]
fn diagnose_page_puts_the_explaining_finding_first() {
    for (rejection, lang, code) in [
        ("veriff:204", "en", "IMAGE_GLARE"),
        ("证件过期", "zh", "DOC_EXPIRED"),
    ] {
        let args = [
            "diagnose",
            GLARE_CASE,
            "--rejection",
            rejection,
            "--lang",
            lang,
        ];
        let (report, html, _) = both(&args);
        assert_findings_shown(&report, &html);
        assert_self_contained(&html);
        assert!(html.contains("<section class=\"rejection\""));
        let explains = &report["findings"][0];
        assert_eq!(explains["code"], code);
        assert_eq!(explains["explains_rejection"], true);
        // Marked on its card, linked from the rejection section.
        let card = html
            .split("<li class=\"finding ")
            .find(|c| c.contains(&format!("data-code=\"{code}\"")))
            .unwrap();
        assert!(card.starts_with("sev-fail explains\""), "{}", &card[..80]);
        let id = &card[card.find("id=\"f-").unwrap() + 4..];
        let id = &id[..id.find('"').unwrap()];
        assert!(html.contains(&format!("href=\"#{id}\"")), "{id}");
    }
}

#[test]
fn batch_writes_an_index_and_a_page_per_case() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let (stdout, code) = run(&[
        "batch",
        "fixtures/diagnose",
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    let (jsonl, json_code) = run(&["batch", "fixtures/diagnose", "--format", "json"]);
    assert_eq!(code, json_code);
    assert!(stdout.contains("index.html"), "{stdout}");
    let cases: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(cases.len(), 6);

    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert_self_contained(&index);
    assert_eq!(index.matches("<tr class=\"case\"").count(), cases.len());
    // Every case has a picture in its row (each has a photo), and every link opens its page.
    assert_eq!(embedded_images(&index).len(), cases.len());
    for case in &cases {
        let name = case["case"].as_str().unwrap();
        let row = index
            .split("<tr class=\"case\"")
            .find(|r| r.contains(&format!("data-case=\"{name}\"")))
            .unwrap_or_else(|| panic!("no row for {name}"));
        let verdict = case["verdict"].as_str().unwrap();
        assert!(
            row.contains(&format!("data-verdict=\"{verdict}\"")),
            "{name}"
        );
        for c in codes(case) {
            assert!(row.contains(&c), "{name}: {c}");
        }
        let href = &row[row.find("<a href=\"").unwrap() + 9..];
        let href = &href[..href.find('"').unwrap()];
        let page = fs::read_to_string(out.join(href)).unwrap();
        assert_findings_shown(case, &page);
        assert_self_contained(&page);
        assert!(page.contains("<a href=\"index.html\">"));
    }
}

#[test]
fn batch_html_needs_an_output_folder() {
    let out = bin()
        .args(["batch", "fixtures/diagnose", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-o DIR"), "{err}");
    assert!(out.stdout.is_empty());

    let out = bin()
        .args(["batch", "fixtures/diagnose", "--format", "json", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only used with --format html"));
}

#[test]
fn batch_index_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, _) = run(&[
        "batch",
        "fixtures/diagnose",
        "--format",
        "html",
        "--lang",
        "zh",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(stdout.starts_with("已写入 6 个案例页面"), "{stdout}");
    let index = fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"zh-CN\">"));
    assert!(index.contains("共 6 个案例"));
}
