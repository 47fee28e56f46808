//! Calibrate the image checks across document designs, and validate on held-out designs.
//!
//! ```sh
//! cargo run --release --example calibrate                 # fixtures/designs, every check
//! cargo run --release --example calibrate -- --check IMAGE_GLARE --values
//! ```
//!
//! Every fixture of `fixtures/designs/manifest.json` is analysed once (`images::analyse`, the
//! binary's own measurement pass). Then, for each check, the fixtures whose manifest says the
//! code must appear (`expect.codes`) are positives and those that say it must not
//! (`expect.absent`) negatives; borderline fixtures say neither and are left out. For each
//! design in turn (leave-one-design-out) the threshold is chosen on the *other* designs (the
//! candidate with the fewest errors, in the middle of the best interval) and the check is run
//! on the held-out design with it, through the real judge (`checks::image::one`) with only that
//! threshold changed. A threshold that only holds on the designs it was tuned on shows up here
//! as errors on a held-out design. The shipped default is evaluated on every design as well.
//!
//! The tables printed are the ones in POLICY.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::Value;

use kyc_precheck::checks;
use kyc_precheck::codes::Code;
use kyc_precheck::finding::Subject;
use kyc_precheck::images::{self, ImageAnalysis, ImageInput};
use kyc_precheck::policy::Policy;

/// One fixture with its manifest labels and its analysis.
struct Sample {
    name: String,
    design: String,
    kind: String,
    strength: String,
    expect: BTreeSet<String>,
    absent: BTreeSet<String>,
    analysis: ImageAnalysis,
}

/// Which way a measured value fails its threshold.
#[derive(Clone, Copy, PartialEq)]
enum Fails {
    Below,
    Above,
}

/// A threshold of the policy that decides one code.
struct Threshold {
    code: Code,
    /// The policy key, as in `kyc-precheck policy default`.
    key: &'static str,
    get: fn(&Policy) -> f64,
    set: fn(&mut Policy, f64),
    /// The value the judge compares with the threshold (None: not measured on this image).
    value: fn(&ImageAnalysis) -> Option<f64>,
    fails: Fails,
}

fn thresholds() -> Vec<Threshold> {
    vec![
        Threshold {
            code: Code::ImageBlurry,
            key: "quality.blur_min",
            get: |p| p.quality.blur_min,
            set: |p, v| p.quality.blur_min = v,
            value: |a| Some(a.pixels.as_ref()?.metrics.focus?.score),
            fails: Fails::Below,
        },
        Threshold {
            code: Code::ImageGlare,
            key: "quality.glare_max_fraction",
            get: |p| p.quality.glare_max_fraction,
            set: |p, v| p.quality.glare_max_fraction = v,
            value: |a| {
                let criteria = Policy::default_policy().quality.glare_criteria();
                Some(a.pixels.as_ref()?.metrics.glare.judge(&criteria).fraction)
            },
            fails: Fails::Above,
        },
        Threshold {
            code: Code::ImageTooDark,
            key: "quality.white_point_min",
            get: |p| p.quality.white_point_min,
            set: |p, v| p.quality.white_point_min = v,
            value: |a| Some(exposure(a)?.white_point),
            fails: Fails::Below,
        },
        Threshold {
            code: Code::ImageOverexposed,
            key: "quality.light_clipped_max",
            get: |p| p.quality.light_clipped_max,
            set: |p, v| p.quality.light_clipped_max = v,
            value: |a| Some(exposure(a)?.light_clipped),
            fails: Fails::Above,
        },
        Threshold {
            code: Code::ImageLowContrast,
            key: "quality.edge_contrast_min",
            get: |p| p.quality.edge_contrast_min,
            set: |p, v| p.quality.edge_contrast_min = v,
            value: |a| a.pixels.as_ref()?.metrics.focus?.contrast,
            fails: Fails::Below,
        },
        Threshold {
            code: Code::ImageGrayscale,
            key: "quality.chroma_spread_min",
            get: |p| p.quality.chroma_spread_min,
            set: |p, v| p.quality.chroma_spread_min = v,
            value: |a| Some(a.pixels.as_ref()?.metrics.chroma_spread),
            fails: Fails::Below,
        },
    ]
}

/// The exposure verdict's numbers under the default policy.
fn exposure(a: &ImageAnalysis) -> Option<checks::quality::Exposure> {
    let px = a.pixels.as_ref()?;
    Some(checks::quality::exposure(
        a.subject,
        px,
        &Policy::default_policy(),
    ))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = flag(&args, "--fixtures").unwrap_or_else(|| "fixtures/designs".to_string());
    let only = flag(&args, "--check");
    let show_values = args.iter().any(|a| a == "--values");
    let policy = Policy::default_policy();
    let samples = load(Path::new(&dir), &policy)?;
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    if args.iter().any(|a| a == "--csv") {
        csv(&samples);
        return Ok(());
    }
    let designs: BTreeSet<&str> = samples.iter().map(|s| s.design.as_str()).collect();
    println!(
        "{} fixtures, {} designs: {}\n",
        samples.len(),
        designs.len(),
        designs.iter().copied().collect::<Vec<_>>().join(", ")
    );
    for t in thresholds() {
        if only.as_deref().is_some_and(|c| c != t.code.as_str()) {
            continue;
        }
        report(&t, &samples, &policy, today, show_values);
    }
    Ok(())
}

fn flag(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

/// Every measurement of every fixture, one CSV row each (for exploring new rules).
fn csv(samples: &[Sample]) {
    println!(
        "name,design,kind,strength,expect,absent,doc,score,s0,s45,s90,s135,glare,glare_largest,glare_regions,white_regions,glare_texture,cand_area,cand_thick,cand_solid,cand_surround,f60,f70,f80,edge_contrast,white_point,light_clipped,br,q01,q05,q10,q50,q90,q97,q99,clipped,contrast,photo_br,photo_q97,photo_q99,chroma,colorfulness,faces"
    );
    let join = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(" ");
    for s in samples {
        let Some(px) = &s.analysis.pixels else {
            continue;
        };
        let m = &px.metrics;
        let glare = m
            .glare
            .judge(&Policy::default_policy().quality.glare_criteria());
        let top = m.glare.candidates.first().copied().unwrap_or_default();
        let f = m.focus.unwrap_or_default();
        let sig = |i: usize| f.sigma.get(i).copied().flatten().unwrap_or(f64::NAN);
        let e = &m.exposure;
        let pe = &m.photo_exposure;
        println!(
            "{},{},{},{},{},{},{},{:.2},{:.3},{:.3},{:.3},{:.3},{:.4},{:.4},{},{},{:.3},{:.4},{:.1},{:.3},{:.3},{:.4},{:.4},{:.4},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{:.4},{:.3},{:.3},{:.3},{:.3},{:.4},{:.4},{}",
            s.name,
            s.design,
            s.kind,
            s.strength,
            join(&s.expect),
            join(&s.absent),
            u8::from(s.analysis.located().is_some()),
            f.score,
            sig(0),
            sig(1),
            sig(2),
            sig(3),
            glare.fraction,
            glare.largest,
            glare.regions.len(),
            m.glare.candidates.len() - glare.regions.len(),
            glare.regions.first().map_or(0.0, |b| b.texture),
            top.area,
            top.thickness,
            top.solidity,
            top.surround,
            e.histogram.fraction_at_or_above(0.6),
            e.histogram.fraction_at_or_above(0.7),
            e.histogram.fraction_at_or_above(0.8),
            f.contrast.unwrap_or(f64::NAN),
            exposure(&s.analysis).map_or(f64::NAN, |x| x.white_point),
            exposure(&s.analysis).map_or(f64::NAN, |x| x.light_clipped),
            e.brightness,
            e.quantile(0.01),
            e.quantile(0.05),
            e.quantile(0.10),
            e.quantile(0.50),
            e.quantile(0.90),
            e.quantile(0.97),
            e.quantile(0.99),
            e.clipped,
            e.contrast,
            pe.brightness,
            pe.quantile(0.97),
            pe.quantile(0.99),
            m.chroma_spread,
            m.colorfulness,
            px.faces.as_ref().map_or(0, |fa| fa.faces.len()),
        );
    }
}

/// Read the manifest and analyse every fixture once, in parallel.
fn load(dir: &Path, policy: &Policy) -> anyhow::Result<Vec<Sample>> {
    let text = std::fs::read_to_string(dir.join("manifest.json"))?;
    let json: Value = serde_json::from_str(&text)?;
    let files = json["files"]
        .as_array()
        .ok_or_else(|| anyhow::anyhow!("manifest.json has no `files` array"))?;
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let entries: Vec<(ImageInput, Value)> = files
        .iter()
        .filter_map(|f| {
            let name = f["name"].as_str()?.to_string();
            let subject = match f["role"].as_str()? {
                "id_front" => Subject::IdFront,
                "id_back" => Subject::IdBack,
                "selfie" => Subject::Selfie,
                _ => return None,
            };
            let input = ImageInput {
                subject,
                path: dir.join(&name),
                display: name,
            };
            Some((input, f.clone()))
        })
        .collect();
    Ok(entries
        .into_par_iter()
        .map(|(input, f)| Sample {
            name: input.display.clone(),
            design: f["design"].as_str().unwrap_or("?").to_string(),
            kind: f["degradation"]["kind"].as_str().unwrap_or("?").to_string(),
            strength: f["degradation"]["strength"]
                .as_str()
                .unwrap_or("?")
                .to_string(),
            expect: strings(&f["expect"]["codes"]),
            absent: strings(&f["expect"]["absent"]),
            analysis: images::analyse(&input, policy),
        })
        .collect())
}

/// Does the judge raise `code` on this sample under `policy`?
fn raised(s: &Sample, code: Code, policy: &Policy, today: NaiveDate) -> bool {
    checks::image::one(&s.analysis, policy, today)
        .iter()
        .any(|f| f.code == code)
}

/// Errors (false alarms, misses) of `code` over `samples` with the threshold at `t`.
fn errors(
    t: &Threshold,
    samples: &[&Sample],
    value: f64,
    policy: &Policy,
    today: NaiveDate,
) -> (usize, usize) {
    let mut p = policy.clone();
    (t.set)(&mut p, value);
    let code = t.code.as_str();
    let mut false_alarms = 0;
    let mut misses = 0;
    for s in samples {
        let hit = raised(s, t.code, &p, today);
        if s.absent.contains(code) && hit {
            false_alarms += 1;
        }
        if s.expect.contains(code) && !hit {
            misses += 1;
        }
    }
    (false_alarms, misses)
}

/// The threshold with the fewest errors on `train`, in the middle of the best run of
/// candidates (candidates: midpoints between the sorted measured values).
fn choose(t: &Threshold, train: &[&Sample], policy: &Policy, today: NaiveDate) -> f64 {
    let mut values: Vec<f64> = train
        .iter()
        .filter_map(|s| (t.value)(&s.analysis))
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let mut candidates: Vec<f64> = values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    if candidates.is_empty() {
        return (t.get)(policy);
    }
    candidates.insert(0, values[0] - 1e-6);
    candidates.push(values[values.len() - 1] + 1e-6);
    let scored: Vec<(f64, usize)> = candidates
        .iter()
        .map(|&c| {
            let (fa, mi) = errors(t, train, c, policy, today);
            (c, fa + mi)
        })
        .collect();
    let best = scored.iter().map(|s| s.1).min().unwrap_or(0);
    // The longest run of consecutive best candidates; its middle.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, s) in scored.iter().enumerate() {
        if s.1 == best {
            match runs.last_mut() {
                Some(r) if r.1 + 1 == i => r.1 = i,
                _ => runs.push((i, i)),
            }
        }
    }
    let (a, b) = runs
        .iter()
        .copied()
        .max_by_key(|r| r.1 - r.0)
        .unwrap_or((0, 0));
    (scored[a].0 + scored[b].0) / 2.0
}

fn report(t: &Threshold, samples: &[Sample], policy: &Policy, today: NaiveDate, values: bool) {
    let code = t.code.as_str();
    let labelled: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.expect.contains(code) || s.absent.contains(code))
        .collect();
    let designs: BTreeSet<&str> = labelled.iter().map(|s| s.design.as_str()).collect();
    let default = (t.get)(policy);
    println!("## {code} (`{}`, default {default})\n", t.key);
    if values {
        for s in &labelled {
            let v = (t.value)(&s.analysis);
            let label = if s.expect.contains(code) {
                "must fail"
            } else {
                "must pass"
            };
            println!(
                "- {} ({}, {}): {} {label}",
                s.name,
                s.design,
                s.kind,
                v.map_or("—".to_string(), |v| format!("{v:.4}"))
            );
        }
        println!();
    }
    println!(
        "| held-out design | must fail | must pass | worst passing | worst failing | threshold chosen without it | false alarms | misses | with the default: false alarms | misses |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut totals = BTreeMap::<&str, usize>::new();
    for d in &designs {
        let held: Vec<&Sample> = labelled
            .iter()
            .copied()
            .filter(|s| s.design == *d)
            .collect();
        let train: Vec<&Sample> = labelled
            .iter()
            .copied()
            .filter(|s| s.design != *d)
            .collect();
        let chosen = choose(t, &train, policy, today);
        let (fa, mi) = errors(t, &held, chosen, policy, today);
        let (dfa, dmi) = errors(t, &held, default, policy, today);
        let pos: Vec<f64> = held
            .iter()
            .filter(|s| s.expect.contains(code))
            .filter_map(|s| (t.value)(&s.analysis))
            .collect();
        let neg: Vec<f64> = held
            .iter()
            .filter(|s| s.absent.contains(code))
            .filter_map(|s| (t.value)(&s.analysis))
            .collect();
        let (worst_neg, worst_pos) = match t.fails {
            Fails::Below => (min(&neg), max(&pos)),
            Fails::Above => (max(&neg), min(&pos)),
        };
        *totals.entry("fa").or_default() += fa;
        *totals.entry("mi").or_default() += mi;
        *totals.entry("dfa").or_default() += dfa;
        *totals.entry("dmi").or_default() += dmi;
        println!(
            "| {d} | {} | {} | {} | {} | {chosen:.4} | {fa} | {mi} | {dfa} | {dmi} |",
            pos.len(),
            neg.len(),
            fmt(worst_neg),
            fmt(worst_pos),
        );
    }
    println!(
        "| **all** | | | | | | **{}** | **{}** | **{}** | **{}** |\n",
        totals.get("fa").copied().unwrap_or(0),
        totals.get("mi").copied().unwrap_or(0),
        totals.get("dfa").copied().unwrap_or(0),
        totals.get("dmi").copied().unwrap_or(0),
    );
}

fn min(v: &[f64]) -> Option<f64> {
    v.iter().copied().reduce(f64::min)
}

fn max(v: &[f64]) -> Option<f64> {
    v.iter().copied().reduce(f64::max)
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("—".to_string(), |v| format!("{v:.4}"))
}
