//! The document locator and the framing checks across document designs: outline accuracy per
//! design, which way up, and the framing verdicts with thresholds chosen leave-one-design-out.
//!
//! ```sh
//! cargo run --example calibrate_designs                 # the tables of docs/DOCUMENT.md and POLICY.md
//! cargo run --example calibrate_designs -- --csv        # one row per photo
//! ```
//!
//! Every fixture of `fixtures/designs/manifest.json` is analysed once (`images::analyse`, the
//! binary's own measurement pass). The manifest's ground truth comes from how each photo was
//! made (`tools/fixtures/designs.py`): the document's corners (for an open booklet: the data
//! page's), how far it is turned from upright, and the framing codes a photo must get
//! (`expect.codes`) or must not get (`expect.absent`).
//!
//! - **Outline accuracy**: on photos whose document lies wholly inside the frame, the largest
//!   corner error as a percentage of the document's diagonal (no outline counts as a miss).
//! - **Which way up**: the truth (0/90/180/270° clockwise from upright) against what the
//!   analysis says (upright, upside down, sideways, and which way to turn it when it says so).
//! - **Framing verdicts**: for each framing code, positives are the photos that must get it and
//!   negatives the photos that must not; photos whose degradation has nothing to do with
//!   framing (light, focus, noise, compression, glare, haze, photocopy) and whose document lies
//!   inside the frame count as negatives of every framing code as well. For each design in turn
//!   (leave-one-design-out) the threshold is chosen on the other designs (fewest errors, the
//!   middle of the best interval) and the held-out design is judged with it through the real
//!   judge (`checks::framing::findings`) with only that threshold changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

use kyc_precheck::checks::framing;
use kyc_precheck::codes::Code;
use kyc_precheck::document::upright::Upright;
use kyc_precheck::document::{DocumentAnalysis, Located};
use kyc_precheck::finding::Subject;
use kyc_precheck::images::{self, ImageInput};
use kyc_precheck::policy::Policy;

/// Degradations that leave the framing alone (the document is placed as in a clean photo).
const FRAMING_NEUTRAL: [&str; 10] = [
    "clean",
    "bright",
    "dark",
    "defocus",
    "glare",
    "haze",
    "jpeg",
    "motion",
    "noise",
    "photocopy",
];

const FRAMING: [Code; 4] = [
    Code::DocNotFound,
    Code::DocCutOff,
    Code::DocTooSmall,
    Code::DocTilted,
];

/// One fixture with its ground truth and its document analysis.
struct Sample {
    name: String,
    design: String,
    kind: String,
    subject: Subject,
    truth: Option<[[f64; 2]; 4]>,
    fully_inside: bool,
    upright_deg: Option<i64>,
    expect: BTreeSet<String>,
    absent: BTreeSet<String>,
    doc: Option<DocumentAnalysis>,
}

impl Sample {
    /// Must `code` be raised (Some(true)), must it not (Some(false)), or no label.
    fn label(&self, code: Code) -> Option<bool> {
        let c = code.as_str();
        if self.expect.contains(c) {
            Some(true)
        } else if self.absent.contains(c)
            || (FRAMING_NEUTRAL.contains(&self.kind.as_str()) && self.fully_inside)
        {
            Some(false)
        } else {
            None
        }
    }

    /// The outline, when the default policy takes it for a document.
    fn located(&self) -> Option<&Located> {
        let doc = self.doc.as_ref()?;
        let policy = Policy::default_policy();
        doc.located
            .as_ref()
            .filter(|_| doc.evidence.as_ref().is_none_or(|e| e.is_document(&policy)))
    }

    fn raised(&self, policy: &Policy) -> BTreeSet<Code> {
        self.doc
            .as_ref()
            .map(|d| {
                framing::findings(d, self.subject, policy)
                    .iter()
                    .map(|f| f.code)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .position(|a| a == "--fixtures")
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| "fixtures/designs".to_string());
    let policy = Policy::default_policy();
    let samples = load(Path::new(&dir), &policy)?;
    if args.iter().any(|a| a == "--csv") {
        csv(&samples, &policy);
        return Ok(());
    }
    outline_table(&samples);
    upright_table(&samples);
    verdict_table(&samples, &policy);
    for t in thresholds() {
        lodo(&t, &samples, &policy);
    }
    Ok(())
}

fn load(dir: &Path, policy: &Policy) -> anyhow::Result<Vec<Sample>> {
    let text = std::fs::read_to_string(dir.join("manifest.json"))?;
    let json: Value = serde_json::from_str(&text)?;
    let files = json["files"]
        .as_array()
        .ok_or_else(|| anyhow::anyhow!("manifest.json has no `files` array"))?
        .clone();
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let corners = |v: &Value| -> Option<[[f64; 2]; 4]> {
        let a = v.as_array()?;
        let mut out = [[0.0; 2]; 4];
        for (slot, p) in out.iter_mut().zip(a) {
            *slot = [p[0].as_f64()?, p[1].as_f64()?];
        }
        (a.len() == 4).then_some(out)
    };
    Ok(files
        .into_par_iter()
        .filter_map(|f| {
            let name = f["name"].as_str()?.to_string();
            let subject = match f["role"].as_str()? {
                "id_front" => Subject::IdFront,
                "id_back" => Subject::IdBack,
                _ => return None,
            };
            let input = ImageInput {
                subject,
                path: dir.join(&name),
                display: name.clone(),
            };
            // Measured with every outline kept, so that `min_evidence` can be swept.
            let mut measure = policy.clone();
            measure.document.min_evidence = 0.0;
            let analysis = images::analyse(&input, &measure);
            Some(Sample {
                name,
                design: f["design"].as_str().unwrap_or("?").to_string(),
                kind: f["degradation"]["kind"].as_str().unwrap_or("?").to_string(),
                subject,
                truth: corners(&f["document_corners"]),
                fully_inside: f["document_fully_inside"].as_bool().unwrap_or(false),
                upright_deg: f["upright_rotation_deg"].as_i64(),
                expect: strings(&f["expect"]["codes"]),
                absent: strings(&f["expect"]["absent"]),
                doc: analysis.pixels.and_then(|p| p.document),
            })
        })
        .collect())
}

/// Largest corner error as a fraction of the true outline's diagonal.
fn corner_error(found: &Located, truth: &[[f64; 2]; 4]) -> f64 {
    let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    let diagonal = d(truth[0], truth[2]).max(d(truth[1], truth[3])).max(1e-9);
    found
        .corners
        .iter()
        .zip(truth)
        .map(|(p, q)| d(*p, *q))
        .fold(0.0, f64::max)
        / diagonal
}

/// What the analysis says about the way up: "up", "180", "side", "cw" or "ccw" (which way to
/// turn it), or "—" without an outline.
fn said_upright(s: &Sample) -> &'static str {
    let Some(doc) = &s.doc else { return "—" };
    if doc.located.is_none() {
        return "—";
    }
    match doc.upright {
        Some(Upright::UpsideDown) => "180",
        Some(Upright::TurnClockwise) => "cw",
        Some(Upright::TurnCounterClockwise) => "ccw",
        Some(Upright::Sideways) => "side",
        // No verdict: upright (a portrait-layout card's outline stands on its short side).
        None => "up",
    }
}

/// Is the verdict right for a document turned `deg` clockwise from upright? A sideways verdict
/// with a direction must name the right one.
fn upright_right(deg: i64, said: &str) -> bool {
    match deg.rem_euclid(360) {
        0 => said == "up",
        180 => said == "180",
        90 => said == "side" || said == "ccw",
        270 => said == "side" || said == "cw",
        _ => false,
    }
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn by_design(samples: &[Sample]) -> BTreeMap<&str, Vec<&Sample>> {
    let mut m: BTreeMap<&str, Vec<&Sample>> = BTreeMap::new();
    for s in samples {
        m.entry(s.design.as_str()).or_default().push(s);
    }
    m
}

fn outline_table(samples: &[Sample]) {
    println!("## Outline accuracy (document wholly inside the frame)\n");
    println!(
        "| design | photos | outline found | median corner error | 90th percentile | within 2 % | within 5 % |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut all: Vec<f64> = Vec::new();
    let (mut n_all, mut found_all, mut w2, mut w5) = (0, 0, 0, 0);
    for (design, group) in by_design(samples) {
        let inside: Vec<&&Sample> = group
            .iter()
            .filter(|s| s.fully_inside && s.truth.is_some())
            .collect();
        if inside.is_empty() {
            continue;
        }
        let mut errors: Vec<f64> = inside
            .iter()
            .map(|s| match (s.located(), &s.truth) {
                (Some(l), Some(t)) => corner_error(l, t),
                _ => f64::INFINITY,
            })
            .collect();
        let found = errors.iter().filter(|e| e.is_finite()).count();
        let within = |x: f64| errors.iter().filter(|&&e| e <= x).count();
        let (a, b) = (within(0.02), within(0.05));
        n_all += errors.len();
        found_all += found;
        w2 += a;
        w5 += b;
        all.extend(errors.iter().copied());
        let n = errors.len();
        let med = median(&mut errors);
        let p90 = errors
            .get(((n as f64 * 0.9).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or(f64::NAN);
        println!(
            "| {design} | {n} | {found} | {} | {} | {a} | {b} |",
            pct(med),
            pct(p90)
        );
    }
    let med = median(&mut all);
    println!(
        "| **all** | {n_all} | {found_all} | {} | | {w2} | {w5} |\n",
        pct(med)
    );
}

fn pct(v: f64) -> String {
    if v.is_finite() {
        format!("{:.2} %", 100.0 * v)
    } else {
        "—".to_string()
    }
}

fn upright_table(samples: &[Sample]) {
    println!("## Which way up (photos with an outline expected)\n");
    println!("| design | photos | right | upright | upside down | sideways | wrong photos |");
    println!("|---|---|---|---|---|---|---|");
    let (mut n_all, mut right_all) = (0, 0);
    for (design, group) in by_design(samples) {
        let judged: Vec<&&Sample> = group
            .iter()
            .filter(|s| s.upright_deg.is_some() && s.truth.is_some())
            .collect();
        if judged.is_empty() {
            continue;
        }
        let mut right = 0;
        let mut per = [(0, 0); 3];
        let mut wrong = Vec::new();
        for s in &judged {
            let deg = s.upright_deg.unwrap_or(0);
            let said = said_upright(s);
            let ok = upright_right(deg, said);
            let k = match deg.rem_euclid(360) {
                0 => 0,
                180 => 1,
                _ => 2,
            };
            per[k].0 += 1;
            if ok {
                right += 1;
                per[k].1 += 1;
            } else {
                wrong.push(format!("{} ({deg}°, said {said})", s.name));
            }
        }
        n_all += judged.len();
        right_all += right;
        let cell = |(n, r): (usize, usize)| format!("{r}/{n}");
        println!(
            "| {design} | {} | {right} | {} | {} | {} | {} |",
            judged.len(),
            cell(per[0]),
            cell(per[1]),
            cell(per[2]),
            wrong.join(", ")
        );
    }
    println!("| **all** | {n_all} | {right_all} | | | | |\n");
}

fn verdict_table(samples: &[Sample], policy: &Policy) {
    println!("## Framing verdicts with the default policy\n");
    println!(
        "| design | photos | verdict right | missed | false | wrong photos (missed −, false +) |"
    );
    println!("|---|---|---|---|---|---|");
    let (mut n_all, mut right_all, mut missed_all, mut false_all) = (0, 0, 0, 0);
    for (design, group) in by_design(samples) {
        let (mut right, mut missed, mut false_alarms) = (0, 0, 0);
        let mut wrong = Vec::new();
        for s in &group {
            let raised = s.raised(policy);
            let mut notes = Vec::new();
            for code in FRAMING {
                match s.label(code) {
                    Some(true) if !raised.contains(&code) => {
                        missed += 1;
                        notes.push(format!("−{}", code.as_str()));
                    }
                    Some(false) if raised.contains(&code) => {
                        false_alarms += 1;
                        notes.push(format!("+{}", code.as_str()));
                    }
                    _ => {}
                }
            }
            if notes.is_empty() {
                right += 1;
            } else {
                wrong.push(format!("{} {}", s.name, notes.join(" ")));
            }
        }
        n_all += group.len();
        right_all += right;
        missed_all += missed;
        false_all += false_alarms;
        println!(
            "| {design} | {} | {right} | {missed} | {false_alarms} | {} |",
            group.len(),
            wrong.join(", ")
        );
    }
    println!("| **all** | {n_all} | {right_all} | {missed_all} | {false_all} | |\n");
}

/// A threshold of `[document]` that decides one framing code.
struct Threshold {
    code: Code,
    key: &'static str,
    get: fn(&Policy) -> f64,
    set: fn(&mut Policy, f64),
    /// The value the judge compares with the threshold, on this sample.
    value: fn(&Sample) -> Option<f64>,
}

fn thresholds() -> Vec<Threshold> {
    vec![
        Threshold {
            code: Code::DocNotFound,
            key: "document.min_evidence",
            get: |p| p.document.min_evidence,
            set: |p, v| p.document.min_evidence = v,
            value: |s| Some(s.doc.as_ref()?.evidence.as_ref()?.score),
        },
        Threshold {
            code: Code::DocCutOff,
            key: "document.min_margin_fraction",
            get: |p| p.document.min_margin_fraction,
            set: |p, v| p.document.min_margin_fraction = v,
            value: |s| framing::worst_margin(s.doc.as_ref()?),
        },
        Threshold {
            code: Code::DocTooSmall,
            key: "document.min_area_fraction",
            get: |p| p.document.min_area_fraction,
            set: |p, v| p.document.min_area_fraction = v,
            value: |s| Some(s.located()?.held_area_fraction),
        },
        Threshold {
            code: Code::DocTilted,
            key: "document.max_tilt_deg",
            get: |p| p.document.max_tilt_deg,
            set: |p, v| p.document.max_tilt_deg = v,
            value: |s| {
                let l = s.located()?;
                Some(framing::rotation_deg(l).max(l.perspective_deg))
            },
        },
    ]
}

fn errors(t: &Threshold, samples: &[&Sample], value: f64, policy: &Policy) -> (usize, usize) {
    let mut p = policy.clone();
    (t.set)(&mut p, value);
    let (mut false_alarms, mut misses) = (0, 0);
    for s in samples {
        let hit = s.raised(&p).contains(&t.code);
        match s.label(t.code) {
            Some(true) if !hit => misses += 1,
            Some(false) if hit => false_alarms += 1,
            _ => {}
        }
    }
    (false_alarms, misses)
}

/// The threshold with the fewest errors on `train`: the middle of the longest run of best
/// candidates (midpoints between the sorted measured values).
fn choose(t: &Threshold, train: &[&Sample], policy: &Policy) -> f64 {
    let mut values: Vec<f64> = train.iter().filter_map(|s| (t.value)(s)).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let (Some(&first), Some(&last)) = (values.first(), values.last()) else {
        return (t.get)(policy);
    };
    let mut candidates: Vec<f64> = values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    candidates.insert(0, first - 1e-6);
    candidates.push(last + 1e-6);
    let scored: Vec<(f64, usize)> = candidates
        .iter()
        .map(|&c| {
            let (fa, mi) = errors(t, train, c, policy);
            (c, fa + mi)
        })
        .collect();
    let best = scored.iter().map(|s| s.1).min().unwrap_or(0);
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
    let at = |i: usize| scored.get(i).map_or(f64::NAN, |s| s.0);
    (at(a) + at(b)) / 2.0
}

fn lodo(t: &Threshold, samples: &[Sample], policy: &Policy) {
    let code = t.code;
    let labelled: Vec<&Sample> = samples.iter().filter(|s| s.label(code).is_some()).collect();
    let default = (t.get)(policy);
    println!("## {} (`{}`, default {default})\n", code.as_str(), t.key);
    println!(
        "| held-out design | must raise | must not | threshold chosen without it | false alarms | misses | with the default: false alarms | misses |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let designs: BTreeSet<&str> = labelled.iter().map(|s| s.design.as_str()).collect();
    let mut totals = [0usize; 4];
    for d in designs {
        let held: Vec<&Sample> = labelled.iter().copied().filter(|s| s.design == d).collect();
        let train: Vec<&Sample> = labelled.iter().copied().filter(|s| s.design != d).collect();
        let chosen = choose(t, &train, policy);
        let (fa, mi) = errors(t, &held, chosen, policy);
        let (dfa, dmi) = errors(t, &held, default, policy);
        let pos = held.iter().filter(|s| s.label(code) == Some(true)).count();
        let neg = held.len() - pos;
        for (slot, v) in totals.iter_mut().zip([fa, mi, dfa, dmi]) {
            *slot += v;
        }
        println!("| {d} | {pos} | {neg} | {chosen:.4} | {fa} | {mi} | {dfa} | {dmi} |");
    }
    println!(
        "| **all** | | | | **{}** | **{}** | **{}** | **{}** |\n",
        totals[0], totals[1], totals[2], totals[3]
    );
}

/// Long / short side ratio (sums of opposite sides).
fn aspect(c: &[[f64; 2]; 4]) -> f64 {
    let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    let (x, y) = (d(c[0], c[1]) + d(c[2], c[3]), d(c[1], c[2]) + d(c[3], c[0]));
    x.max(y) / x.min(y).max(1e-9)
}

fn csv(samples: &[Sample], policy: &Policy) {
    println!(
        "name,design,kind,found,error_pct,area,held_area,angle,rotation,perspective,confidence,evidence,worst_margin,upright_truth,upright_said,raised,expect,absent,aspect,portrait,wide_top,wide_bottom,print_rows,print_columns,ink,booklet"
    );
    let join = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(" ");
    for s in samples {
        let l = s.located();
        let err = match (l, &s.truth) {
            (Some(l), Some(t)) if s.fully_inside => format!("{:.2}", 100.0 * corner_error(l, t)),
            _ => String::new(),
        };
        let f = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.4}"));
        let raised: Vec<&str> = s.raised(policy).iter().map(|c| c.as_str()).collect();
        let ev = s.doc.as_ref().and_then(|d| d.evidence.as_ref());
        let print = ev.and_then(|e| e.print);
        println!(
            "{},{},{},{},{err},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            s.name,
            s.design,
            s.kind,
            u8::from(l.is_some()),
            f(l.map(|l| l.area_fraction)),
            f(l.map(|l| l.held_area_fraction)),
            f(l.map(|l| l.angle_deg)),
            f(l.map(framing::rotation_deg)),
            f(l.map(|l| l.perspective_deg)),
            f(l.map(|l| l.confidence)),
            f(s.doc
                .as_ref()
                .and_then(|d| d.evidence.as_ref())
                .map(|e| e.score)),
            f(s.doc.as_ref().and_then(framing::worst_margin)),
            s.upright_deg.map_or(String::new(), |d| d.to_string()),
            said_upright(s),
            raised.join(" "),
            join(&s.expect),
            join(&s.absent),
            f(l.map(|l| aspect(&l.corners))),
            ev.map_or(String::new(), |e| u8::from(e.portrait).to_string()),
            ev.map_or(String::new(), |e| e.wide_lines.0.to_string()),
            ev.map_or(String::new(), |e| e.wide_lines.1.to_string()),
            f(print.map(|p| p.rows)),
            f(print.map(|p| p.columns)),
            f(print.map(|p| p.ink)),
            l.map_or(String::new(), |l| u8::from(l.booklet.is_some()).to_string()),
        );
    }
}
