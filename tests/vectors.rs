//! Every rule against reference vectors judged by other implementations (python-stdnum, the PyPI
//! `mrz` package, Python's `datetime`) and by the issuers' published examples, never by our own
//! code: `fixtures/vectors/`, made by `tools/vectors/generate.py` (see its header for how to
//! regenerate). `cargo test --test vectors -- --nocapture` prints the counts per format.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use kyc_precheck::checks::Facts;
use kyc_precheck::checks::dates::{age_on, parse_iso};
use kyc_precheck::codes::Code;
use kyc_precheck::finding::Severity;
use kyc_precheck::idnumber::{self, FORMATS, IdProblem};
use kyc_precheck::mrz;
use kyc_precheck::profile::Sex;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/vectors");

/// The file's header and its vectors.
fn read(path: &Path) -> (Value, Vec<Value>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run tools/vectors/generate.py)", path.display()));
    let mut lines = text.lines().map(|l| {
        serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    });
    let header = lines.next().expect("header line");
    assert_eq!(
        header["header"],
        true,
        "{}: first line is the header",
        path.display()
    );
    (header, lines.collect())
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("ISO date in a vector"))
}

fn text(v: &Value) -> &str {
    v.as_str().expect("string field")
}

/// The kind of error our finding for `problem` is: "format" or "checksum".
fn kind(problem: &IdProblem) -> (&'static str, Severity) {
    let f = idnumber::problem_finding("x", "document.number", problem);
    let kind = match f.code {
        Code::IdNumberChecksum => "checksum",
        Code::IdNumberFormat => "format",
        other => panic!("unexpected code {other:?}"),
    };
    (kind, f.severity)
}

#[derive(Default)]
struct Tally {
    valid: usize,
    invalid: usize,
    stdnum_disagreements: usize,
}

#[test]
fn id_numbers_match_independent_verdicts() {
    let mut failures = Vec::new();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (key, _) in FORMATS {
        let path = Path::new(DIR).join("idnumber").join(format!("{key}.jsonl"));
        let (header, vectors) = read(&path);
        let today = date(&header["today"]).expect("header has today");
        assert!(
            vectors.len() >= 300,
            "{key}: only {} vectors",
            vectors.len()
        );
        let tally = tallies.entry((*key).to_string()).or_default();
        for v in &vectors {
            let input = text(&v["in"]);
            let result = idnumber::validate_as(key, input, today).expect("format key exists");
            if v.get("stdnum").is_some() {
                tally.stdnum_disagreements += 1;
            }
            if v["valid"] == true {
                tally.valid += 1;
                match result {
                    Err(p) => failures.push(format!(
                        "{key} {input}: valid ({}), we say {p:?}",
                        v["from"]
                    )),
                    Ok(decoded) => {
                        let want_dob = date(&v["dob"]);
                        if want_dob.is_some() && decoded.birth_date != want_dob {
                            failures.push(format!(
                                "{key} {input}: birth date {want_dob:?}, we decode {:?}",
                                decoded.birth_date
                            ));
                        }
                        let want_sex = v["sex"].as_str().and_then(Sex::parse);
                        if want_sex.is_some() && decoded.sex != want_sex {
                            failures.push(format!(
                                "{key} {input}: sex {want_sex:?}, we decode {:?}",
                                decoded.sex
                            ));
                        }
                        // The same number through the profile check, with the profile stating
                        // what the number encodes: no finding at all.
                        let country = key.split('-').next().unwrap_or("");
                        let facts = Facts {
                            document_country: Some(country),
                            document_type: Some("passport".into()),
                            personal_number: Some(input.to_string()),
                            date_of_birth: want_dob,
                            sex: want_sex,
                            ..Facts::default()
                        };
                        let findings = idnumber::check(&facts, today);
                        if !findings.is_empty() {
                            let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
                            failures.push(format!("{key} {input}: profile check gives {codes:?}"));
                        }
                    }
                }
            } else {
                tally.invalid += 1;
                let errors: Vec<&str> = v["errors"]
                    .as_array()
                    .expect("invalid vectors list errors")
                    .iter()
                    .map(text)
                    .collect();
                match result {
                    Ok(_) => failures.push(format!(
                        "{key} {input}: invalid {errors:?} ({}), we accept it",
                        v["from"]
                    )),
                    Err(p) => {
                        let (ours, severity) = kind(&p);
                        if !errors.contains(&ours) {
                            failures.push(format!(
                                "{key} {input}: expected {errors:?}, we say {ours} ({p:?})"
                            ));
                        }
                        let want = if v["warn"] == true {
                            Severity::Warn
                        } else {
                            Severity::Fail
                        };
                        if severity != want {
                            failures.push(format!(
                                "{key} {input}: severity {want:?}, we give {severity:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    println!("ID-number vectors (valid / invalid / python-stdnum disagreements):");
    for (key, t) in &tallies {
        println!(
            "  {key:12} {:5} = {:4} valid + {:4} invalid   stdnum disagrees on {}",
            t.valid + t.invalid,
            t.valid,
            t.invalid,
            t.stdnum_disagreements
        );
    }
    let total: usize = tallies.values().map(|t| t.valid + t.invalid).sum();
    println!("  total        {total}");
    assert!(
        failures.is_empty(),
        "{} of {total} vectors disagree:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn passport_numbers_match_independent_verdicts() {
    let (_, vectors) = read(&Path::new(DIR).join("passport.jsonl"));
    let mut failures = Vec::new();
    for v in &vectors {
        let (country, input) = (text(&v["country"]), text(&v["in"]));
        let ours = idnumber::validate_passport(country, input);
        if ours.is_ok() != (v["valid"] == true) {
            failures.push(format!(
                "{country} {input}: expected {}, we say {ours:?}",
                v["valid"]
            ));
        }
    }
    println!("passport-number vectors: {}", vectors.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mrz_check_digits_match_the_mrz_package() {
    let (_, digits) = read(&Path::new(DIR).join("mrz_check_digits.jsonl"));
    for v in &digits {
        let input = text(&v["in"]);
        assert_eq!(
            mrz::check_digit(input.chars()).map(i64::from),
            v["digit"].as_i64(),
            "check digit of {input} ({})",
            v["from"]
        );
    }
    let (_, vectors) = read(&Path::new(DIR).join("mrz.jsonl"));
    let mut failures = Vec::new();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for v in &vectors {
        let lines: Vec<String> = v["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| text(l).to_string())
            .collect();
        let parsed = mrz::parse(&lines);
        let format_problems = parsed
            .findings
            .iter()
            .filter(|f| f.code == Code::MrzFormat)
            .count();
        let check_problems = parsed
            .findings
            .iter()
            .filter(|f| f.code == Code::MrzCheckDigit)
            .count();
        let kind = text(&v["kind"]);
        let expected_kind = parsed.mrz.as_ref().map(|m| m.format.as_str());
        let entry = counts.entry(kind.to_string()).or_default();
        if v["valid"] == true {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
        if expected_kind != Some(kind) || format_problems > 0 {
            failures.push(format!(
                "{lines:?}: read as {expected_kind:?} with {format_problems} format problems"
            ));
        } else if (check_problems == 0) != (v["valid"] == true) {
            failures.push(format!(
                "{lines:?} ({}): mrz package says valid={}, we find {check_problems} check-digit problems",
                v["from"], v["valid"]
            ));
        }
    }
    println!(
        "MRZ vectors (valid / invalid), plus {} single check digits:",
        digits.len()
    );
    for (kind, (ok, bad)) in &counts {
        println!("  {kind:6} {:5} = {ok:4} valid + {bad:4} invalid", ok + bad);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mrz_field_rules_match_the_mrz_package() {
    let (header, vectors) = read(&Path::new(DIR).join("mrz_fields.jsonl"));
    let today = date(&header["today"]).expect("header has today");
    let mut failures = Vec::new();
    let mut valid = 0;
    for v in &vectors {
        let lines: Vec<String> = v["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| text(l).to_string())
            .collect();
        // The MRZ alone: nothing else in the profile to compare it with.
        let facts = Facts {
            mrz: Some(lines.clone()),
            ..Facts::default()
        };
        let problems: Vec<Code> = mrz::check(&facts, today)
            .iter()
            .map(|f| f.code)
            .filter(|c| matches!(c, Code::MrzFormat | Code::MrzCheckDigit))
            .collect();
        if v["valid"] == true {
            valid += 1;
        }
        let expected_ok = v["valid"] == true;
        if problems.is_empty() != expected_ok || problems.contains(&Code::MrzCheckDigit) {
            failures.push(format!(
                "{lines:?} ({}): expected valid={expected_ok}, we find {problems:?}",
                v["field"]
            ));
        }
    }
    println!(
        "MRZ field vectors: {} = {valid} valid + {} invalid",
        vectors.len(),
        vectors.len() - valid
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn date_rules_match_python_datetime() {
    let (_, vectors) = read(&Path::new(DIR).join("dates.jsonl"));
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &vectors {
        let kind = text(&v["kind"]);
        *counts.entry(kind).or_default() += 1;
        match kind {
            "iso" => {
                let input = text(&v["in"]);
                assert_eq!(parse_iso(input).is_ok(), v["valid"] == true, "{input}");
            }
            "age" => {
                let (birth, on) = (date(&v["birth"]).unwrap(), date(&v["on"]).unwrap());
                assert_eq!(
                    i64::from(age_on(birth, on)),
                    v["age"].as_i64().unwrap(),
                    "age of {birth} on {on}"
                );
            }
            "mrz_birth" => {
                let today = date(&v["today"]).unwrap();
                assert_eq!(
                    mrz::resolve_birth(text(&v["in"]), today),
                    date(&v["date"]),
                    "{} on {today}",
                    v["in"]
                );
            }
            other => panic!("unknown date vector kind {other}"),
        }
    }
    println!("date vectors: {counts:?}");
}
