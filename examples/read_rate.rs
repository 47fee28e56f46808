//! MRZ read rate of the reader over every photo of `fixtures/designs/` whose document prints an
//! MRZ on the side shown, per degradation and strength, against the generator's ground truth
//! (`manifest.json`'s `mrz.lines`). Prints the markdown table of docs/READER.md and every photo
//! that was not read, or read wrong.
//!
//! `cargo run --release --example read_rate`

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::Value;

use kyc_precheck::finding::Subject;
use kyc_precheck::images::{self, ImageInput};
use kyc_precheck::policy::Policy;
use kyc_precheck::reader::MrzOutcome;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/designs");
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let json: Value = serde_json::from_str(&text).expect("manifest JSON");
    let mut policy = Policy::default_policy();
    policy.reader.enabled = true; // off by default (src/policy.rs)
    let photos: Vec<(String, String, String, Vec<String>, String)> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f.get("mrz").is_some())
        .map(|f| {
            (
                f["name"].as_str().unwrap_or("?").to_string(),
                f["degradation"]["kind"].as_str().unwrap_or("?").to_string(),
                f["degradation"]["strength"]
                    .as_str()
                    .unwrap_or("?")
                    .to_string(),
                f["mrz"]["lines"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|l| l.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
                f["role"].as_str().unwrap_or("id_front").to_string(),
            )
        })
        .collect();
    let started = Instant::now();
    let results: Vec<(String, String, String, &'static str)> = photos
        .par_iter()
        .map(|(name, kind, strength, truth, role)| {
            let subject = if role == "id_back" {
                Subject::IdBack
            } else {
                Subject::IdFront
            };
            let a = images::analyse(
                &ImageInput {
                    subject,
                    path: dir.join(name),
                    display: name.clone(),
                },
                &policy,
            );
            let outcome = a.pixels.as_ref().and_then(|p| p.text.clone());
            let verdict = match &outcome {
                Some(MrzOutcome::Read(r)) if &r.lines == truth => "read",
                Some(MrzOutcome::Read(r)) => {
                    eprintln!("WRONG {name}: {:?}", r.lines);
                    "wrong"
                }
                Some(MrzOutcome::Unreadable { .. }) => "unreadable",
                Some(MrzOutcome::Absent) => "absent",
                None => "no outline",
            };
            if verdict != "read" {
                eprintln!("{verdict:>10}  {name}");
            }
            (name.clone(), kind.clone(), strength.clone(), verdict)
        })
        .collect();
    let elapsed = started.elapsed();
    let mut table: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for (_, kind, strength, verdict) in &results {
        let e = table.entry((strength.clone(), kind.clone())).or_default();
        e[0] += 1;
        match *verdict {
            "read" => e[1] += 1,
            "wrong" => e[2] += 1,
            _ => {}
        }
    }
    println!("| strength | condition | photos | read exactly | wrong |");
    println!("|---|---|---:|---:|---:|");
    let mut by_strength: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for ((strength, kind), [n, ok, wrong]) in &table {
        println!("| {strength} | {kind} | {n} | {ok} | {wrong} |");
        let s = by_strength.entry(strength.clone()).or_default();
        s[0] += n;
        s[1] += ok;
        s[2] += wrong;
    }
    println!();
    println!("| strength | photos | read exactly | rate | wrong |");
    println!("|---|---:|---:|---:|---:|");
    for (strength, [n, ok, wrong]) in &by_strength {
        println!(
            "| {strength} | {n} | {ok} | {:.1} % | {wrong} |",
            100.0 * *ok as f64 / (*n).max(1) as f64
        );
    }
    eprintln!("{} photos in {:.1} s", results.len(), elapsed.as_secs_f64());
}
