//! The image checks on every document design: each photo of `fixtures/designs/` (11 designs,
//! clean and degraded at graded strengths, plus photos with no document) goes through the real
//! binary (`batch`, one case per photo, photos named by role), and the quality codes it gets
//! are compared with what the generator's manifest says it must and must not get.
//!
//! The manifest's labels come from how each photo was made (`tools/fixtures/designs.py`), not
//! from what the checks measure: a strong degradation must be reported, a mild one and a clean
//! photo must not, a borderline one may go either way. How the thresholds were chosen
//! (leave-one-design-out): POLICY.md, from `cargo run --release --example calibrate`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// The codes this test holds the image checks to (framing and portrait codes are asserted in
/// tests/document.rs).
const QUALITY: [&str; 6] = [
    "IMAGE_BLURRY",
    "IMAGE_GLARE",
    "IMAGE_TOO_DARK",
    "IMAGE_OVEREXPOSED",
    "IMAGE_LOW_CONTRAST",
    "IMAGE_GRAYSCALE",
];

struct Labelled {
    name: String,
    design: String,
    kind: String,
    role: String,
    expect: BTreeSet<String>,
    absent: BTreeSet<String>,
    portrait_share: Option<f64>,
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn manifest(dir: &Path) -> Vec<Labelled> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let json: Value = serde_json::from_str(&text).expect("manifest JSON");
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| Labelled {
            name: f["name"].as_str().expect("name").to_string(),
            design: f["design"].as_str().unwrap_or("?").to_string(),
            kind: f["degradation"]["kind"].as_str().unwrap_or("?").to_string(),
            role: f["role"].as_str().expect("role").to_string(),
            expect: strings(&f["expect"]["codes"]),
            absent: strings(&f["expect"]["absent"]),
            portrait_share: f
                .get("glare")
                .and_then(|g| g["covers_fraction"]["portrait"].as_f64()),
        })
        .collect()
}

fn designs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/designs")
}

/// The JSON report of every fixture, by name: one `batch` run shared by the tests.
fn reports() -> &'static BTreeMap<String, Value> {
    static REPORTS: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let dir = designs_dir();
        run_all(&dir, &manifest(&dir))
    })
}

/// Every fixture through one `batch` run; the JSON report of each, by fixture name.
fn run_all(dir: &Path, fixtures: &[Labelled]) -> BTreeMap<String, Value> {
    let cases = tempfile::tempdir().expect("temp dir");
    for f in fixtures {
        let case = cases.path().join(&f.name);
        std::fs::create_dir(&case).expect("case dir");
        std::fs::copy(dir.join(&f.name), case.join(format!("{}.jpg", f.role))).expect("copy");
    }
    let out = Command::cargo_bin("kyc-precheck")
        .expect("binary")
        .args(["batch", "--format", "json", "--today", "2026-12-01"])
        .arg(cases.path())
        .output()
        .expect("run batch");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            (v["case"].as_str().expect("case").to_string(), v)
        })
        .collect()
}

fn codes(report: &Value) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_design_gets_the_quality_codes_its_manifest_expects() {
    let fixtures = manifest(&designs_dir());
    assert!(fixtures.len() >= 300, "only {} fixtures", fixtures.len());
    let reports = reports();
    let mut wrong = Vec::new();
    // Per design: photos whose labels were checked, and those with a quality label at all.
    let mut per_design: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in &fixtures {
        let report = reports
            .get(&f.name)
            .unwrap_or_else(|| panic!("{}: no report", f.name));
        let found = codes(report);
        let entry = per_design.entry(f.design.as_str()).or_default();
        entry.0 += 1;
        let mut labelled = false;
        for code in QUALITY {
            if f.expect.contains(code) {
                labelled = true;
                if !found.contains(code) {
                    wrong.push(format!("{} ({}): missed {code}", f.name, f.kind));
                }
            }
            if f.absent.contains(code) {
                labelled = true;
                if found.contains(code) {
                    wrong.push(format!("{} ({}): false {code}", f.name, f.kind));
                }
            }
        }
        if labelled {
            entry.1 += 1;
        }
        // Every decoded photo shows the numbers behind the verdict.
        let img = &report["images"][f.role.as_str()];
        for metric in ["white_point", "light_clipped", "contrast", "chroma_spread"] {
            assert!(img[metric].is_number(), "{}: no {metric}: {img}", f.name);
        }
        assert!(img["colour_judged"].is_boolean(), "{}: {img}", f.name);
    }
    for (design, (photos, labelled)) in &per_design {
        println!("{design}: {photos} photos, {labelled} with quality labels");
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn clean_photos_of_every_design_raise_no_quality_finding() {
    let clean: Vec<Labelled> = manifest(&designs_dir())
        .into_iter()
        .filter(|f| f.kind == "clean")
        .collect();
    let designs: BTreeSet<&str> = clean.iter().map(|f| f.design.as_str()).collect();
    assert!(designs.len() >= 11, "clean photos of {designs:?}");
    let reports = reports();
    for f in &clean {
        let found = codes(&reports[&f.name]);
        let quality: Vec<&String> = found
            .iter()
            .filter(|c| QUALITY.contains(&c.as_str()))
            .collect();
        assert!(quality.is_empty(), "{}: {quality:?}", f.name);
    }
}

#[test]
fn glare_over_the_portrait_is_reported_as_such() {
    let glare: Vec<Labelled> = manifest(&designs_dir())
        .into_iter()
        .filter(|f| f.kind == "glare" && f.expect.contains("IMAGE_GLARE"))
        .collect();
    let reports = reports();
    let mut over_portrait = 0;
    let mut wrong = Vec::new();
    for f in &glare {
        let report = &reports[&f.name];
        let regions = report["images"][f.role.as_str()]["glare_regions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            !regions.is_empty(),
            "{}: IMAGE_GLARE without regions",
            f.name
        );
        let said = regions
            .iter()
            .any(|r| strings(&r["covers"]).contains("portrait"));
        let faces = report["images"][f.role.as_str()]["faces"].as_u64();
        let hidden = f.role == "id_front" && faces == Some(0);
        // The generator's ground truth: the share of the printed portrait under the core. A
        // graze of a few pixels (under 5 %) may go either way.
        let share = f.portrait_share.unwrap_or(0.0);
        let truth = share >= 0.05;
        let graze = share > 0.0 && !truth;
        if truth {
            over_portrait += 1;
        }
        // A portrait the reflection hides so well that no face is found cannot be located;
        // the finding then says the reflection may hide it (asserted below).
        if truth != said && !graze && !(truth && hidden) {
            wrong.push(format!(
                "{}: portrait covered {truth}, reported {said}",
                f.name
            ));
        }
        let finding = report["findings"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["code"] == "IMAGE_GLARE"))
            .cloned()
            .unwrap_or_default();
        let message = finding["message"].as_str().unwrap_or_default();
        assert_eq!(
            said || hidden,
            message.contains("portrait"),
            "{}: {message}",
            f.name
        );
    }
    assert!(
        over_portrait >= 8,
        "only {over_portrait} glare photos over a portrait"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The framing codes, asserted here against the manifest.
const FRAMING: [&str; 4] = [
    "DOC_NOT_FOUND",
    "DOC_CUT_OFF",
    "DOC_TOO_SMALL",
    "DOC_TILTED",
];

/// Photos whose framing verdict is still wrong, with the code missed (`-`) or raised against
/// the manifest (`+`). Measured with `cargo run --example calibrate_designs` (docs/DOCUMENT.md
/// says why each one fails). The test fails when a photo leaves this list as well as when one
/// joins it, so the list is kept true rather than loosened.
const KNOWN_FRAMING_MISSES: &[(&str, &str)] = &[
    // No MRZ and no portrait: nothing tells the Chinese ID's back upside down yet.
    ("cn_id_back_upside_down.jpg", "-DOC_TILTED"),
    // Small cards on a tartan cloth: the cloth's stripes make a larger, better-backed outline.
    ("cn_id_front_small_08.jpg", "-DOC_TOO_SMALL"),
    ("navy_licence_small_08.jpg", "-DOC_TOO_SMALL"),
    // The dark licence in strong perspective: the outline found is a part of the card.
    ("navy_licence_perspective_40.jpg", "-DOC_TILTED"),
    // A laptop screen showing a web page (a picture and lines of text in a frame): nothing in
    // the outline, its print or its edges tells it from a card without a portrait found.
    ("no_document_laptop.jpg", "-DOC_NOT_FOUND"),
    // The open booklet with the data page running off the frame, and lying sideways on a
    // tartan cloth: the visa page is taken for the document.
    ("passport_open_cutoff_page.jpg", "-DOC_CUT_OFF"),
    ("passport_open_sideways_90.jpg", "-DOC_TILTED"),
    // The small red permit on the tartan cloth is not found at all (DOC_NOT_FOUND instead).
    ("red_permit_small_08.jpg", "-DOC_TOO_SMALL"),
];

#[test]
fn every_design_gets_the_framing_codes_its_manifest_expects() {
    let fixtures = manifest(&designs_dir());
    let reports = reports();
    let mut wrong: BTreeSet<(String, String)> = BTreeSet::new();
    let mut labelled = 0;
    for f in &fixtures {
        let found = codes(&reports[&f.name]);
        for code in FRAMING {
            if f.expect.contains(code) {
                labelled += 1;
                if !found.contains(code) {
                    wrong.insert((f.name.clone(), format!("-{code}")));
                }
            }
            if f.absent.contains(code) {
                labelled += 1;
                if found.contains(code) {
                    wrong.insert((f.name.clone(), format!("+{code}")));
                }
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN_FRAMING_MISSES
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    println!(
        "{labelled} framing labels, {} wrong ({} known)",
        wrong.len(),
        known.len()
    );
    assert!(labelled >= 200, "only {labelled} framing labels");
    let new: Vec<_> = wrong.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&wrong).collect();
    assert!(new.is_empty(), "new framing misses: {new:#?}");
    assert!(
        fixed.is_empty(),
        "fixed, take them off KNOWN_FRAMING_MISSES: {fixed:#?}"
    );
}

#[test]
fn clean_photos_of_every_design_raise_no_framing_finding() {
    let clean: Vec<Labelled> = manifest(&designs_dir())
        .into_iter()
        .filter(|f| f.kind == "clean")
        .collect();
    let designs: BTreeSet<&str> = clean.iter().map(|f| f.design.as_str()).collect();
    assert!(designs.len() >= 11, "clean photos of {designs:?}");
    let reports = reports();
    for f in &clean {
        let report = &reports[&f.name];
        let found = codes(report);
        let framing: Vec<&String> = found
            .iter()
            .filter(|c| FRAMING.contains(&c.as_str()))
            .collect();
        assert!(framing.is_empty(), "{}: {framing:?}", f.name);
        // …and the outline is in the report.
        assert!(
            report["images"][f.role.as_str()]["document"].is_object(),
            "{}: no outline",
            f.name
        );
    }
}

/// The manifest's true corners of a photo's document (for an open booklet: the data page).
fn true_corners(name: &str) -> Option<Vec<[f64; 2]>> {
    let text = std::fs::read_to_string(designs_dir().join("manifest.json")).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let file = json["files"]
        .as_array()?
        .iter()
        .find(|f| f["name"] == name)?;
    file["document_corners"]
        .as_array()?
        .iter()
        .map(|p| Some([p[0].as_f64()?, p[1].as_f64()?]))
        .collect()
}

/// Clean open-booklet photos on which no fold is found: the whole booklet is reported (the
/// test fails when one of them starts giving its data page, so the list stays true).
const KNOWN_BOOKLET_MISSES: [&str; 1] = ["passport_open_clean_3.jpg"];

#[test]
fn the_open_booklet_reports_its_data_page() {
    let reports = reports();
    let mut checked = 0;
    let mut missed = Vec::new();
    let fixtures = manifest(&designs_dir());
    for f in fixtures
        .iter()
        .filter(|f| f.design == "passport_open" && f.kind == "clean")
    {
        let outline = &reports[&f.name]["images"]["id_front"]["document"];
        let found: Vec<[f64; 2]> = outline["corners"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no outline", f.name))
            .iter()
            .map(|p| {
                [
                    p[0].as_f64().unwrap_or(f64::NAN),
                    p[1].as_f64().unwrap_or(f64::NAN),
                ]
            })
            .collect();
        let truth = true_corners(&f.name).expect("true corners");
        let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        let diagonal = d(truth[0], truth[2]).max(d(truth[1], truth[3]));
        let worst = found
            .iter()
            .zip(&truth)
            .map(|(p, q)| d(*p, *q))
            .fold(0.0, f64::max);
        // The data page, not the booklet (the booklet's corners are ~half a page away).
        println!("{}: {:.1} %", f.name, 100.0 * worst / diagonal);
        if worst / diagonal >= 0.08 {
            missed.push(f.name.as_str());
        }
        checked += 1;
    }
    assert!(checked >= 3);
    assert_eq!(missed, KNOWN_BOOKLET_MISSES);
}

#[test]
fn photos_without_a_document_get_no_outline() {
    let reports = reports();
    let none: Vec<Labelled> = manifest(&designs_dir())
        .into_iter()
        .filter(|f| f.kind == "no_document")
        .collect();
    assert!(none.len() >= 6);
    let mut outlined = Vec::new();
    for f in &none {
        let report = &reports[&f.name];
        if !report["images"][f.role.as_str()]["document"].is_null() {
            outlined.push(f.name.as_str());
        }
    }
    // The laptop screen (see KNOWN_FRAMING_MISSES) still gets one.
    assert_eq!(outlined, ["no_document_laptop.jpg"]);
}
