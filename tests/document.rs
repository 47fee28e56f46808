//! Document localisation on the fixture photos: found corners against the generator's ground
//! truth (`fixtures/images/manifest.json`), and the framing findings each fixture should get.
//!
//! `cargo test --test document -- --nocapture` prints the per-fixture table used in
//! docs/DOCUMENT.md; `cargo test --release --test document -- --ignored --nocapture` times
//! `locate` on a 12 MP photo against decoding it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kyc_precheck::checks::framing;
use kyc_precheck::codes::Code;
use kyc_precheck::document::{self, Located};
use kyc_precheck::finding::{Finding, Subject};
use kyc_precheck::images::analysis;
use kyc_precheck::images::decode::{self, DecodedImage};
use kyc_precheck::images::{exif, sniff};
use kyc_precheck::policy::Policy;
use kyc_precheck::report::DocumentOutline;

/// Largest corner error allowed, as a fraction of the card's diagonal.
const MAX_CORNER_ERROR: f64 = 0.02;

fn images_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/images")
}

struct Truth {
    name: String,
    corners: [[f64; 2]; 4],
    fully_inside: bool,
}

fn manifest() -> Vec<Truth> {
    let text = std::fs::read_to_string(images_dir().join("manifest.json")).expect("manifest");
    let json: serde_json::Value = serde_json::from_str(&text).expect("manifest JSON");
    let files = json["files"].as_array().expect("files");
    files
        .iter()
        .filter_map(|f| {
            let name = f["name"].as_str()?.to_string();
            let c = f["card_corners"].as_array()?;
            let mut corners = [[0.0; 2]; 4];
            for (slot, p) in corners.iter_mut().zip(c) {
                *slot = [p[0].as_f64()?, p[1].as_f64()?];
            }
            Some(Truth {
                name,
                corners,
                fully_inside: f["card_fully_inside"].as_bool().unwrap_or(false),
            })
        })
        .collect()
}

/// An image as the check pipeline sees it: decoded, orientation applied.
fn load(name: &str) -> Option<DecodedImage> {
    let bytes = std::fs::read(images_dir().join(name)).ok()?;
    let sniff::Sniffed::Known(format) = sniff::sniff(&bytes) else {
        return None;
    };
    let orientation = exif::read(&bytes).orientation();
    decode::decode(&bytes, format, 100.0, orientation).ok()
}

/// Decodable ID photos with ground truth (`selfie_with_id.jpg` is a selfie, not an ID photo).
fn cases() -> Vec<(Truth, DecodedImage)> {
    manifest()
        .into_iter()
        .filter(|t| !t.name.starts_with("selfie"))
        .filter_map(|t| {
            let img = load(&t.name)?;
            Some((t, img))
        })
        .collect()
}

fn diagonal(c: &[[f64; 2]; 4]) -> f64 {
    let d1 = (c[0][0] - c[2][0]).hypot(c[0][1] - c[2][1]);
    let d2 = (c[1][0] - c[3][0]).hypot(c[1][1] - c[3][1]);
    d1.max(d2)
}

fn corner_error(found: &Located, truth: &[[f64; 2]; 4]) -> f64 {
    found
        .corners
        .iter()
        .zip(truth)
        .map(|(p, q)| (p[0] - q[0]).hypot(p[1] - q[1]))
        .fold(0.0, f64::max)
}

/// The outline and `DOC_*` findings exactly as `check` gets them: the same measurement pass
/// (located on the quality-analysis copy, which way up from the portrait or the MRZ), judged
/// by the same check.
fn doc_codes(
    img: &DecodedImage,
    subject: Subject,
    policy: &Policy,
) -> (Option<Located>, Vec<Finding>) {
    let px = analysis::measure_pixels(img, subject, policy);
    let doc = px.document.expect("an ID photo gets a document analysis");
    let findings = framing::findings(&doc, subject, policy);
    (doc.located, findings)
}

const GOOD: &[&str] = &[
    "front_clean.jpg",
    "back_clean.jpg",
    "front_fabric_hopper.jpg",
    "doc_plain_light_bg.jpg",
    "doc_busy_bg.jpg",
];

#[test]
fn corners_match_the_ground_truth() {
    let policy = Policy::default_policy();
    let mut errors = Vec::new();
    let mut failures = Vec::new();
    println!(
        "| fixture | found | max corner error (px) | % of diagonal | confidence | angle | perspective | DOC_* findings |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (truth, img) in cases() {
        let (loc, findings) = doc_codes(&img, Subject::IdFront, &policy);
        let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
        let Some(loc) = loc else {
            println!("| {} | no | | | | | | {} |", truth.name, codes.join(" "));
            if truth.fully_inside {
                failures.push(format!("{}: not found", truth.name));
            }
            continue;
        };
        let err = corner_error(&loc, &truth.corners);
        let rel = err / diagonal(&truth.corners);
        println!(
            "| {} | yes | {:.1} | {:.2} % | {:.2} | {:.1}° | {:.1}° | {} |",
            truth.name,
            err,
            rel * 100.0,
            loc.confidence,
            loc.angle_deg,
            loc.perspective_deg,
            codes.join(" ")
        );
        if truth.fully_inside {
            errors.push(rel);
            if rel > MAX_CORNER_ERROR {
                failures.push(format!("{}: corner error {:.2} %", truth.name, rel * 100.0));
            }
        }
    }
    let n = errors.len().max(1) as f64;
    let max = errors.iter().copied().fold(0.0, f64::max);
    let mean = errors.iter().sum::<f64>() / n;
    println!(
        "fully visible: {} fixtures, max error {:.2} %, mean {:.2} % of the diagonal",
        errors.len(),
        max * 100.0,
        mean * 100.0
    );
    assert!(errors.len() >= 20, "too few fixtures measured");
    assert!(failures.is_empty(), "{failures:#?}");
}

fn fixture(name: &str) -> DecodedImage {
    load(name).unwrap_or_else(|| panic!("{name}: not decodable"))
}

#[test]
fn framing_fixtures_get_their_finding() {
    let policy = Policy::default_policy();
    let expect: &[(&str, Code)] = &[
        ("doc_cutoff_corner.jpg", Code::DocCutOff),
        ("doc_edge_touch.jpg", Code::DocCutOff),
        ("doc_tiny.jpg", Code::DocTooSmall),
        ("doc_tilt20.jpg", Code::DocTilted),
        ("doc_rot90.jpg", Code::DocTilted),
        ("doc_perspective_strong.jpg", Code::DocTilted),
    ];
    let mut failures = Vec::new();
    for (name, code) in expect {
        let (loc, findings) = doc_codes(&fixture(name), Subject::IdFront, &policy);
        let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
        println!("{name}: {codes:?} (expected {code:?})");
        if loc.is_none() || codes != vec![*code] {
            failures.push(format!("{name}: got {codes:?}, expected {code:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // Sideways is named as such.
    let (_, findings) = doc_codes(&fixture("doc_rot90.jpg"), Subject::IdFront, &policy);
    let key = findings
        .first()
        .and_then(|f| f.detail.as_ref())
        .map(|d| d.key);
    // (The portrait says which way to turn it.)
    assert!(
        key.is_some_and(|k| k.starts_with("doc.sideways")),
        "{key:?}"
    );
    // The corner cut off is the top-right one.
    let (_, findings) = doc_codes(&fixture("doc_cutoff_corner.jpg"), Subject::IdFront, &policy);
    let key = findings
        .first()
        .and_then(|f| f.detail.as_ref())
        .map(|d| d.key);
    assert!(
        matches!(key, Some("doc.cut_off.top_right" | "doc.cut_off.right")),
        "{key:?}"
    );
}

#[test]
fn good_photos_get_no_framing_finding() {
    let policy = Policy::default_policy();
    let degraded = manifest()
        .into_iter()
        .map(|t| t.name)
        .filter(|n| n.starts_with("front_") && (n.ends_with(".jpg")));
    let mut names: Vec<String> = GOOD.iter().map(|s| s.to_string()).collect();
    names.extend(degraded);
    names.sort();
    names.dedup();
    let mut bad = Vec::new();
    for name in &names {
        let subject = if name.starts_with("back") {
            Subject::IdBack
        } else {
            Subject::IdFront
        };
        let (_, codes) = doc_codes(&fixture(name), subject, &policy);
        if !codes.is_empty() {
            bad.push(format!("{name}: {codes:?}"));
        }
    }
    println!("checked {} good photos", names.len());
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn outline_goes_into_the_report() {
    let policy = Policy::default_policy();
    let img = fixture("front_clean.jpg");
    let (loc, findings) = doc_codes(&img, Subject::IdFront, &policy);
    assert!(findings.is_empty());
    let outline = DocumentOutline::of(loc.as_ref().expect("found"));
    // The card is ~1050 px wide in the fixture: ~310 DPI.
    assert!(
        (outline.long_side_px - 1050.0).abs() < 30.0,
        "{}",
        outline.long_side_px
    );
    assert!(
        (outline.dpi - 1050.0 / (85.6 / 25.4)).abs() < 10.0,
        "{}",
        outline.dpi
    );
    let mask = document::card_mask(loc.as_ref().expect("found"), img.width, img.height);
    let inside = mask.pixels().filter(|p| p.0[0] > 0).count() as f64;
    let fraction = inside / f64::from(img.width * img.height);
    assert!((fraction - 0.5658).abs() < 0.02, "mask covers {fraction}");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// `cargo test --release --test document -- --ignored --nocapture locate_time`
#[test]
#[ignore]
fn locate_time_on_a_12_mp_photo() {
    let policy = Policy::default_policy();
    let rgb = image::open(images_dir().join("front_clean.jpg"))
        .expect("fixture")
        .to_rgb8();
    let big = image::imageops::resize(&rgb, 4000, 3000, image::imageops::FilterType::Triangle);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&big)
        .expect("encode");
    let runs = 7;
    let (mut decode, mut copy, mut locate) = (Vec::new(), Vec::new(), Vec::new());
    let mut found = None;
    for _ in 0..runs {
        let t = Instant::now();
        let img = image::load_from_memory(&jpeg).expect("decode").into_rgb8();
        decode.push(t.elapsed().as_secs_f64() * 1000.0);
        // The analysis copy is made once per image and shared with the quality metrics.
        let t = Instant::now();
        let (w, h) = decode::fit_long_side(4000, 3000, policy.quality.analysis_long_side);
        let small = decode::resize_rgb(&img, w, h);
        copy.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        found = document::locate_scaled(&small, (4000, 3000), &policy);
        locate.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (d, c, l) = (median(decode), median(copy), median(locate));
    println!(
        "12 MP ({} KiB JPEG): decode {d:.1} ms, shared analysis copy {c:.1} ms, locate {l:.1} ms, locate/decode = {:.3} (median of {runs})",
        jpeg.len() / 1024,
        l / d
    );
    let loc = found.expect("card found at 12 MP");
    let truth = [
        [147.2, 142.1],
        [1165.6, 164.1],
        [1175.9, 836.9],
        [95.3, 793.0],
    ]
    .map(|p: [f64; 2]| [p[0] * 3.125, p[1] * 3.125]);
    let err = corner_error(&loc, &truth) / diagonal(&truth);
    println!(
        "corner error at 12 MP: {:.2} % of the diagonal",
        err * 100.0
    );
    assert!(err < MAX_CORNER_ERROR);
}

/// Every fully visible fixture again at other photo sizes (the same scene taken by a smaller or
/// larger camera): the outline must not depend on the pixel count.
/// `cargo test --release --test document -- --nocapture other_photo_sizes`
#[test]
fn corners_hold_at_other_photo_sizes() {
    let policy = Policy::default_policy();
    let scales = [0.6, 0.8, 1.25, 2.0, 3.125];
    let mut failures = Vec::new();
    let mut worst = 0.0f64;
    let mut count = 0;
    for (truth, img) in cases().into_iter().filter(|(t, _)| t.fully_inside) {
        for s in scales {
            let (w, h) = (
                (f64::from(img.width) * s).round() as u32,
                (f64::from(img.height) * s).round() as u32,
            );
            let scaled = DecodedImage::from_dynamic(
                image::DynamicImage::ImageRgb8(decode::resize_rgb(&img.rgb, w, h)),
                1,
            );
            let small = scaled.rgb_long_side(policy.quality.analysis_long_side);
            let loc = document::locate_scaled(&small, (w, h), &policy);
            let t = truth.corners.map(|p| [p[0] * s, p[1] * s]);
            let rel = loc.map_or(f64::INFINITY, |l| corner_error(&l, &t) / diagonal(&t));
            count += 1;
            worst = worst.max(rel);
            if rel > MAX_CORNER_ERROR {
                failures.push(format!("{} ×{s}: {:.2} %", truth.name, rel * 100.0));
            }
        }
    }
    println!(
        "{count} scaled photos, worst corner error {:.2} %, {} over {:.0} %",
        worst * 100.0,
        failures.len(),
        MAX_CORNER_ERROR * 100.0
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
