//! The MRZ reader over every photo of `fixtures/designs/` whose document shows an MRZ (TD1
//! card backs, TD2 permits, TD3 passports, MRV-A visas; clean and degraded), against the
//! generator's ground truth (`manifest.json` → `mrz.lines`, rendered from documents.json).
//!
//! What is asserted: a reading is never wrong (every reading the reader accepts is the
//! printed text exactly), and the read count does not fall below what the engine reads
//! today (docs/READER.md has the table; `cargo run --release --example read_rate` prints it).

use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

use kyc_precheck::finding::Subject;
use kyc_precheck::images::{self, ImageInput};
use kyc_precheck::policy::Policy;
use kyc_precheck::reader::MrzOutcome;

/// Photos read exactly by the committed engine and model (docs/READER.md); a change that reads
/// fewer is a regression.
const MIN_READ: usize = 50;

#[test]
fn every_mrz_read_is_the_printed_text_exactly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/designs");
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let json: Value = serde_json::from_str(&text).expect("manifest JSON");
    let mut policy = Policy::default_policy();
    policy.reader.enabled = true; // off by default (src/policy.rs)
    let photos: Vec<(String, Subject, Vec<String>)> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f.get("mrz").is_some())
        .map(|f| {
            let subject = if f["role"] == "id_back" {
                Subject::IdBack
            } else {
                Subject::IdFront
            };
            let lines = f["mrz"]["lines"]
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| l.as_str().expect("line").to_string())
                .collect();
            (
                f["name"].as_str().expect("name").to_string(),
                subject,
                lines,
            )
        })
        .collect();
    assert!(
        photos.len() >= 150,
        "MRZ photos in the manifest: {}",
        photos.len()
    );
    let outcomes: Vec<(String, Vec<String>, Option<MrzOutcome>)> = photos
        .par_iter()
        .map(|(name, subject, truth)| {
            let a = images::analyse(
                &ImageInput {
                    subject: *subject,
                    path: dir.join(name),
                    display: name.clone(),
                },
                &policy,
            );
            (name.clone(), truth.clone(), a.pixels.and_then(|p| p.text))
        })
        .collect();
    let mut read = 0;
    for (name, truth, outcome) in &outcomes {
        if let Some(MrzOutcome::Read(r)) = outcome {
            assert_eq!(&r.lines, truth, "{name}: a wrong reading was accepted");
            assert!(r.confidence > 0.0 && r.confidence <= 1.0, "{name}");
            // The box lies on the photo (1280 x 960 or 960 x 1280), around the MRZ.
            for [x, y] in r.quad {
                assert!(
                    (-50.0..1330.0).contains(&x) && (-50.0..1330.0).contains(&y),
                    "{name}: {x},{y}"
                );
            }
            read += 1;
        }
    }
    assert!(
        read >= MIN_READ,
        "read {read} of {} MRZ photos exactly",
        outcomes.len()
    );
}
