//! `batch` through the real binary: expect.json assertions, the exit codes, JSON Lines, JUnit XML
//! (validated with an XML parser against the JUnit schema's structural rules and read back by a
//! JUnit consumer), sharding, a broken case among good ones, completions and the man page.

use assert_cmd::Command;
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The date every fixture is checked against (as in tests/common).
const TODAY: &str = "2026-11-22";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases_dir() -> PathBuf {
    root().join("fixtures/cases")
}

/// The binary with a clean environment: English, no colour, run from the crate root.
fn bin() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("kyc-precheck");
    cmd.current_dir(root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RAYON_NUM_THREADS")
        .env("NO_COLOR", "1");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn batch(dir: &Path, extra: &[&str]) -> Run {
    let out = bin()
        .arg("batch")
        .arg(dir)
        .args(["--today", TODAY])
        .args(extra)
        .output()
        .expect("run kyc-precheck");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Parse JSON Lines, one object per line.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("line {} is not JSON ({e}): {line}", i + 1));
            assert!(v.is_object(), "line {} is not an object", i + 1);
            v
        })
        .collect()
}

/// The case folders under fixtures/cases, sorted (every one holds profile.json).
fn fixture_cases() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .unwrap()
        .filter_map(|e| {
            let e = e.ok()?;
            e.path()
                .join("profile.json")
                .is_file()
                .then(|| e.file_name().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// A writable copy of fixtures/cases, at `<tmp>/cases` beside a link `<tmp>/images` to the
/// fixture images, so cases that point at `../../images/…` still find their photos.
struct CasesCopy {
    _root: tempfile::TempDir,
    dir: std::path::PathBuf,
}

impl CasesCopy {
    fn path(&self) -> &Path {
        &self.dir
    }
}

fn copy_cases() -> CasesCopy {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("cases");
    copy_dir(&cases_dir(), &dir);
    let images = cases_dir().parent().unwrap().join("images");
    std::os::unix::fs::symlink(images, root.path().join("images")).unwrap();
    CasesCopy { _root: root, dir }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_fixture_case_has_an_expectation_and_meets_it() {
    let names = fixture_cases();
    assert!(names.len() >= 10, "{names:?}");
    for name in &names {
        assert!(
            cases_dir().join(name).join("expect.json").is_file(),
            "fixtures/cases/{name} has no expect.json"
        );
    }
    let run = batch(&cases_dir(), &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    for name in &names {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with(&format!("✓ {name} "))),
            "{name} not passed:\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains('✗'), "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("PASS: all {} cases as expected.", names.len())),
        "{}",
        run.stdout
    );
    // The summary table and the most frequent codes.
    assert!(run.stdout.contains("Most frequent reason codes"));
    assert!(run.stdout.contains("  passed  "));
}

#[test]
fn wrong_expectation_fails_with_a_readable_diff() {
    let tmp = copy_cases();
    fs::write(
        tmp.path().join("bad_dates/expect.json"),
        r#"{"codes": ["NAME_MISMATCH", "DATE_INVALID", "DATE_INVALID", "DATE_INVALID", "DATE_INVALID"],
            "absent": ["DOC_EXPIRED"], "verdict": "warn"}"#,
    )
    .unwrap();
    fs::write(
        tmp.path().join("specimen_expired/expect.json"),
        r#"{"absent": ["doc_expired"]}"#,
    )
    .unwrap();
    let run = batch(tmp.path(), &[]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for want in [
        "✗ bad_dates ",
        "expect.json does not match the report:",
        "- NAME_MISMATCH  expected, not found",
        "- DATE_INVALID   expected 4×, found 3×",
        "~ verdict        expected warn, found fail",
        "✗ specimen_expired ",
        "+ DOC_EXPIRED  found 1×, but listed in \"absent\"",
        "✓ cn_valid ",
        "(2 not as expected, 0 likely rejected, 0 errors)",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
    let summary = format!(
        "FAIL: 2 of {} cases failed or did not match their expect.json.",
        fixture_cases().len()
    );
    assert!(out.contains(&summary), "{out}");

    let lines = json_lines(&batch(tmp.path(), &["--format", "json"]).stdout);
    let bad = lines.iter().find(|l| l["case"] == "bad_dates").unwrap();
    assert_eq!(bad["expected"], false);
    assert_eq!(
        bad["mismatch"]["missing"][0],
        serde_json::json!({"code": "NAME_MISMATCH", "expected": 1, "found": 0})
    );
    assert_eq!(
        bad["mismatch"]["verdict"],
        serde_json::json!({"expected": "warn", "found": "fail"})
    );
}

#[test]
fn invalid_expect_json_fails_that_case_with_a_hint() {
    let tmp = copy_cases();
    fs::write(
        tmp.path().join("underage/expect.json"),
        r#"{"code": ["AGE_BELOW_MINIMUM"], "absent": ["DOC_EXPIRD"]}"#,
    )
    .unwrap();
    fs::write(tmp.path().join("cn_valid/expect.json"), "{\"codes\": [").unwrap();
    let run = batch(tmp.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    for want in [
        "unknown key `code`: did you mean `codes`?",
        "`absent`: unknown reason code `DOC_EXPIRD`: did you mean DOC_EXPIRED?",
        "cn_valid/expect.json: invalid JSON at line 1",
        "(0 not as expected, 0 likely rejected, 2 errors)",
    ] {
        assert!(
            run.stdout.contains(want),
            "missing {want:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn json_lines_are_check_reports_plus_case_and_expected() {
    let run = batch(&cases_dir(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = json_lines(&run.stdout);
    let names: Vec<&str> = lines.iter().map(|l| l["case"].as_str().unwrap()).collect();
    assert_eq!(names, fixture_cases(), "one line per case, sorted");
    for line in &lines {
        let case = line["case"].as_str().unwrap();
        assert_eq!(line["expected"], true, "{case}");
        // Same content as `check --format json`, compact, plus the two keys.
        let out = bin()
            .args(["check", &format!("fixtures/cases/{case}/profile.json")])
            .args(["--today", TODAY, "--format", "json"])
            .output()
            .unwrap();
        let check: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut stripped = line.as_object().unwrap().clone();
        stripped.shift_remove("case");
        stripped.shift_remove("expected");
        assert_eq!(Value::Object(stripped), check, "{case}");
    }
    assert!(
        run.stdout.lines().all(|l| !l.starts_with(' ')),
        "compact lines"
    );
}

#[test]
fn output_is_the_same_with_one_job_or_many() {
    let one = batch(&cases_dir(), &["--format", "json", "--jobs", "1"]);
    let many = batch(&cases_dir(), &["--format", "json", "--jobs", "8"]);
    assert_eq!(one.stdout, many.stdout);
    assert_eq!((one.code, many.code), (0, 0));
}

#[test]
fn a_broken_case_fails_alone() {
    let tmp = copy_cases();
    let broken = tmp.path().join("zz_group/broken");
    fs::create_dir_all(&broken).unwrap();
    fs::write(broken.join("profile.json"), "{\"full_name\": \"A\",").unwrap();
    // A case whose images are missing or corrupt is a finding, not an error.
    let corrupt = tmp.path().join("zz_group/corrupt_image");
    fs::create_dir_all(&corrupt).unwrap();
    fs::copy(
        cases_dir().join("cn_valid/profile.json"),
        corrupt.join("profile.json"),
    )
    .unwrap();
    let mut profile: Value =
        serde_json::from_slice(&fs::read(corrupt.join("profile.json")).unwrap()).unwrap();
    profile["images"] = serde_json::json!({"id_front": "front.jpg", "selfie": "missing.png"});
    fs::write(corrupt.join("profile.json"), profile.to_string()).unwrap();
    fs::write(
        corrupt.join("front.jpg"),
        b"\xff\xd8\xff\xe0 not really a jpeg",
    )
    .unwrap();

    let run = batch(tmp.path(), &[]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let failed: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('✗')).collect();
    assert_eq!(failed.len(), 2, "{}", run.stdout);
    assert!(failed[0].starts_with("✗ zz_group/broken "), "{failed:?}");
    assert!(failed[0].contains("error"), "{failed:?}");
    assert!(
        failed[1].starts_with("✗ zz_group/corrupt_image "),
        "{failed:?}"
    );
    assert!(run.stdout.contains("invalid JSON"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("(0 not as expected, 1 likely rejected, 1 errors)"),
        "{}",
        run.stdout
    );

    let lines = json_lines(&batch(tmp.path(), &["--format", "json"]).stdout);
    assert_eq!(lines.len(), fixture_cases().len() + 2);
    let broken = lines
        .iter()
        .find(|l| l["case"] == "zz_group/broken")
        .unwrap();
    assert!(
        broken["error"].as_str().unwrap().contains("invalid JSON"),
        "{broken}"
    );
    assert!(broken.get("expected").is_none(), "no expect.json, no key");
    let others = lines
        .iter()
        .filter(|l| !l["case"].as_str().unwrap().starts_with("zz_group/"));
    for l in others {
        assert_eq!(l["expected"], true, "{}", l["case"]);
    }
}

#[test]
fn strict_fails_warnings_of_cases_without_expectations() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&cases_dir().join("expiring_soon"), &tmp.path().join("soon"));
    fs::remove_file(tmp.path().join("soon/expect.json")).unwrap();
    assert_eq!(batch(tmp.path(), &[]).code, 0);
    let strict = batch(tmp.path(), &["--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
    assert!(strict.stdout.contains("(--strict)"), "{}", strict.stdout);
}

#[test]
fn shards_cover_every_case_exactly_once() {
    let all = fixture_cases();
    let mut seen = Vec::new();
    for k in 1..=3 {
        let run = batch(
            &cases_dir(),
            &["--format", "json", "--shard", &format!("{k}/3")],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let names: Vec<String> = json_lines(&run.stdout)
            .iter()
            .map(|l| l["case"].as_str().unwrap().to_string())
            .collect();
        // Round-robin over the sorted list: case i goes to shard i mod 3 + 1.
        let want: Vec<String> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 + 1 == k)
            .map(|(_, n)| n.clone())
            .collect();
        assert_eq!(names, want, "shard {k}/3");
        seen.extend(names);
    }
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "a case ran twice: {seen:?}");
    seen.sort();
    assert_eq!(seen, all);
}

#[test]
fn a_shard_without_cases_passes() {
    let n = fixture_cases().len() + 1;
    let run = batch(&cases_dir(), &["--shard", &format!("{n}/{n}")]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("has no cases"), "{}", run.stdout);
}

#[test]
fn bad_arguments_exit_2() {
    for shard in ["0/3", "4/3", "1/0", "abc", "2", "1/3/3", "", "-1/3"] {
        let out = bin()
            .args(["batch", "fixtures/cases", &format!("--shard={shard}")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--shard {shard:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("shard"), "--shard {shard:?}: {err}");
    }
    let out = bin()
        .args(["batch", "fixtures/cases", "--jobs", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let tmp = tempfile::tempdir().unwrap();
    let run = batch(tmp.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("a case is a folder holding a profile.json"),
        "{}",
        run.stderr
    );
    let run = batch(&tmp.path().join("missing"), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    let run = batch(&cases_dir(), &["--policy", "no-such-policy"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = batch(&cases_dir(), &["--today", "22/11/2026"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.len() > 200, "{shell}: {script}");
        assert!(
            script.contains("batch"),
            "{shell} lacks the batch subcommand"
        );
        assert!(script.contains("shard"), "{shell} lacks --shard");
    }
    let out = bin().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages() {
    let out = bin().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
    assert!(page.contains(".TH kyc-precheck 1"), "{page}");
    assert!(page.contains("batch"), "{page}");
    let out = bin().args(["man", "batch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("kyc\\-precheck\\-batch"), "{page}");
    assert!(page.contains("shard"), "{page}");
    let out = bin().args(["man", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// JUnit XML.
//
// There is no XSD validator that runs with nothing beyond cargo (libxml2's `xmllint` would be a
// system dependency, and the Rust XSD crates are immature), so the test does two things:
// 1. parses the document with quick-xml (a real XML parser: well-formedness, end tags, escaping,
//    duplicate attributes) into a small tree and checks it against the structural rules of the
//    widely used JUnit schema (Jenkins' junit-10.xsd / Ant's JUnit.xsd): element nesting and
//    order, required attributes and their types, counts consistent with the test cases,
//    `failure`/`error` carrying `message` and `type`;
// 2. reads it back with quick-junit's deserializer, the reader nextest uses for JUnit reports:
//    an independent consumer code path that rejects missing required attributes and bad nesting.
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
}

fn element(e: &BytesStart) -> Element {
    let mut attrs = BTreeMap::new();
    for a in e.attributes() {
        let a = a.expect("well-formed attribute (no duplicates)");
        let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
            .expect("valid escapes")
            .into_owned();
        assert!(
            attrs.insert(key.clone(), value).is_none(),
            "duplicate {key}"
        );
    }
    Element {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs,
        children: Vec::new(),
    }
}

/// Parse XML into a tree of elements (text is checked for well-formedness, then dropped).
fn parse_xml(xml: &str) -> Element {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        match reader.read_event().unwrap_or_else(|e| {
            panic!(
                "not well-formed XML at {}: {e}\n{xml}",
                reader.buffer_position()
            )
        }) {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let el = element(&e);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().expect("end tag without start");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => {
                        assert!(root.is_none(), "two root elements");
                        root = Some(el);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    root.expect("a root element")
}

fn attr<'a>(el: &'a Element, name: &str) -> &'a str {
    el.attrs
        .get(name)
        .unwrap_or_else(|| panic!("<{}> lacks required attribute {name}", el.name))
}

fn int_attr(el: &Element, name: &str) -> usize {
    attr(el, name)
        .parse()
        .unwrap_or_else(|_| panic!("<{}> {name} is not a non-negative integer", el.name))
}

fn time_attr(el: &Element) {
    let t: f64 = attr(el, "time")
        .parse()
        .unwrap_or_else(|_| panic!("<{}> time is not a decimal", el.name));
    assert!(t >= 0.0 && t.is_finite());
}

/// The structural rules of the JUnit schema, for what a JUnit report may contain.
fn validate_junit(xml: &str) -> Element {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let root = parse_xml(xml);
    assert_eq!(root.name, "testsuites");
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for suite in &root.children {
        assert_eq!(suite.name, "testsuite", "only testsuite under testsuites");
        assert!(!attr(suite, "name").is_empty());
        time_attr(suite);
        // Order: properties?, testcase*, system-out?, system-err?
        let rank = |n: &str| match n {
            "properties" => 0,
            "testcase" => 1,
            "system-out" => 2,
            "system-err" => 3,
            other => panic!("<{other}> is not allowed in <testsuite>"),
        };
        let ranks: Vec<_> = suite.children.iter().map(|c| rank(&c.name)).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "child order");
        assert!(ranks.iter().filter(|r| **r != 1).count() <= 3);
        let mut counts = (0, 0, 0, 0);
        for child in &suite.children {
            match child.name.as_str() {
                "properties" => {
                    for p in &child.children {
                        assert_eq!(p.name, "property");
                        assert!(!attr(p, "name").is_empty());
                        attr(p, "value");
                    }
                }
                "testcase" => {
                    counts.0 += 1;
                    assert!(!attr(child, "name").is_empty());
                    assert!(!attr(child, "classname").is_empty());
                    time_attr(child);
                    let mut outcome = None;
                    for c in &child.children {
                        match c.name.as_str() {
                            "failure" | "error" | "skipped" => {
                                assert!(outcome.is_none(), "one outcome per testcase");
                                outcome = Some(c.name.clone());
                                if c.name != "skipped" {
                                    assert!(!attr(c, "message").is_empty());
                                    assert!(!attr(c, "type").is_empty());
                                }
                            }
                            "system-out" | "system-err" => {}
                            other => panic!("<{other}> is not allowed in <testcase>"),
                        }
                    }
                    match outcome.as_deref() {
                        Some("failure") => counts.1 += 1,
                        Some("error") => counts.2 += 1,
                        Some(_) => counts.3 += 1,
                        None => {}
                    }
                }
                _ => {}
            }
        }
        assert_eq!(int_attr(suite, "tests"), counts.0, "tests count");
        assert_eq!(int_attr(suite, "failures"), counts.1, "failures count");
        assert_eq!(int_attr(suite, "errors"), counts.2, "errors count");
        if suite.attrs.contains_key("skipped") {
            assert_eq!(int_attr(suite, "skipped"), counts.3);
        }
        tests += counts.0;
        failures += counts.1;
        errors += counts.2;
    }
    assert_eq!(int_attr(&root, "tests"), tests);
    assert_eq!(int_attr(&root, "failures"), failures);
    assert_eq!(int_attr(&root, "errors"), errors);

    // A JUnit consumer reads it back.
    let report = quick_junit::Report::deserialize_from_str(xml)
        .unwrap_or_else(|e| panic!("quick-junit cannot read the report: {e}\n{xml}"));
    assert_eq!(report.tests, tests);
    root
}

fn testcases(root: &Element) -> Vec<&Element> {
    root.children
        .iter()
        .flat_map(|s| s.children.iter())
        .filter(|c| c.name == "testcase")
        .collect()
}

#[test]
fn junit_validates_with_all_passing() {
    let run = batch(&cases_dir(), &["--format", "junit"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = validate_junit(&run.stdout);
    assert_eq!(attr(&root.children[0], "name"), "kyc-precheck");
    let names: Vec<&str> = testcases(&root).iter().map(|c| attr(c, "name")).collect();
    assert_eq!(names, fixture_cases());
    assert_eq!(int_attr(&root, "failures"), 0);
}

#[test]
fn junit_validates_with_failures_and_errors() {
    let tmp = copy_cases();
    fs::write(
        tmp.path().join("bad_dates/expect.json"),
        r#"{"codes": ["NAME_MISMATCH"], "verdict": "warn"}"#,
    )
    .unwrap();
    fs::remove_file(tmp.path().join("underage/expect.json")).unwrap();
    let broken = tmp.path().join("broken <&> \"case\"");
    fs::create_dir_all(&broken).unwrap();
    fs::write(broken.join("profile.json"), "[1, 2").unwrap();

    let run = batch(tmp.path(), &["--format", "junit"]);
    assert_eq!(run.code, 1);
    let root = validate_junit(&run.stdout);
    assert_eq!(int_attr(&root, "failures"), 2);
    assert_eq!(int_attr(&root, "errors"), 1);
    let by_name: BTreeMap<&str, &Element> = testcases(&root)
        .into_iter()
        .map(|c| (attr(c, "name"), c))
        .collect();
    let outcome = |name: &str| {
        by_name[name]
            .children
            .iter()
            .find(|c| c.name == "failure" || c.name == "error")
            .unwrap_or_else(|| panic!("{name} has no failure"))
    };
    let f = outcome("bad_dates");
    assert_eq!(f.name, "failure");
    assert_eq!(attr(f, "type"), "expectation_mismatch");
    assert!(attr(f, "message").contains("NAME_MISMATCH expected, not found"));
    assert!(attr(f, "message").contains("verdict expected warn, found fail"));
    let f = outcome("underage");
    assert_eq!(attr(f, "type"), "likely_rejection");
    assert!(attr(f, "message").contains("AGE_BELOW_MINIMUM"));
    let e = outcome("broken <&> \"case\"");
    assert_eq!(e.name, "error");
    assert!(
        attr(e, "message").contains("not a JSON object")
            || attr(e, "message").contains("invalid JSON")
    );

    // The consumer sees the failure text too.
    let report = quick_junit::Report::deserialize_from_str(&run.stdout).unwrap();
    let case = report.test_suites[0]
        .test_cases
        .iter()
        .find(|c| c.name.as_str() == "bad_dates")
        .unwrap();
    match &case.status {
        quick_junit::TestCaseStatus::NonSuccess { description, .. } => {
            let d = description.as_ref().unwrap().as_str();
            assert!(d.contains("- NAME_MISMATCH"), "{d}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn check_junit_validates() {
    for (case, failures) in [("specimen_expired", 1), ("cn_valid", 0)] {
        let out = bin()
            .args(["check", &format!("fixtures/cases/{case}/profile.json")])
            .args(["--today", TODAY, "--format", "junit"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(failures as i32), "{case}");
        let root = validate_junit(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(int_attr(&root, "tests"), 1);
        assert_eq!(int_attr(&root, "failures"), failures, "{case}");
    }
}

#[test]
fn chinese_summary() {
    let out = bin()
        .args(["batch", "fixtures/cases", "--today", TODAY, "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("符合预期"), "{text}");
    assert!(text.contains("最常见的原因代码"), "{text}");
}
