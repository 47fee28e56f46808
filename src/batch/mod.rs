//! `batch DIR`: find the cases under a folder, check them in parallel, compare each report with
//! the case's `expect.json`, and aggregate the outcome for CI and support desks.
//!
//! - [`discover`]: which folders are cases, in a stable order.
//! - [`shard`]: `--shard K/N`, a deterministic slice of that order.
//! - [`expect`]: parsing `expect.json` and comparing a report with it.
//! - [`run`] (here): the rayon pool, one `app::check` per case, a progress callback.
//! - [`output`]: the text summary and JSON Lines (JUnit lives in `render::junit`).
//!
//! Like the rest of the library this never prints: progress is reported through the
//! [`Progress`] trait, which the binary implements with a progress bar on a terminal.

pub mod discover;
pub mod expect;
pub mod output;
pub mod shard;
mod words;

use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::{self, CheckRequest};
use crate::codes::Code;
use crate::policy::Policy;
use crate::report::Report;

pub use discover::{Case, DiscoverError};
pub use expect::{Expectation, Mismatch};
pub use shard::Shard;

/// Settings for one batch run, parsed once for all cases.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    pub policy: Policy,
    pub today: NaiveDate,
    /// Cases without `expect.json` fail on a `warn` verdict too.
    pub strict: bool,
    /// Worker threads; `None` uses every core (or `RAYON_NUM_THREADS`).
    pub jobs: Option<usize>,
    pub shard: Option<Shard>,
    /// Keep JPEG thumbnails in each case's report (`--format html`).
    pub thumbnails: Option<crate::images::ThumbnailSpec>,
}

/// Progress of a running batch. Called from worker threads, in completion order.
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// Before the first case: how many will run.
    fn start(&self, _total: usize) {}
    /// After each case.
    fn case_done(&self, _result: &CaseResult) {}
    /// After the last case, before the results are rendered.
    fn finish(&self) {}
}

/// Reports nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Why the batch as a whole could not run (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error(
        "no cases under {0}: a case is a folder holding a profile.json or photos named by role (id_front.jpg, id_back.jpg, selfie.jpg), and optionally an expect.json, e.g. {0}/alice/profile.json"
    )]
    NoCases(String),
    #[error("cannot start {jobs} worker threads: {message}")]
    Pool { jobs: usize, message: String },
}

/// The case's `expect.json`, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// No `expect.json`: the case passes when its report shows no likely rejection.
    None,
    /// `expect.json` could not be read or parsed; the case fails with this message.
    Invalid(String),
    Valid(Expectation),
}

/// What happened to one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// As expected (or, without `expect.json`, no likely rejection).
    Passed,
    /// No `expect.json`, and the report shows a likely rejection.
    Rejected,
    /// The report does not match `expect.json`.
    Mismatch,
    /// The case could not be checked or its `expect.json` is invalid.
    Error,
}

/// One case's outcome.
#[derive(Clone, Debug)]
pub struct CaseResult {
    pub case: Case,
    /// `None` when the profile could not be read or is not JSON (see `error`).
    pub report: Option<Report>,
    /// Why the case could not be checked.
    pub error: Option<String>,
    pub expect: Expect,
    /// Whether `--strict` applied (cases without `expect.json`).
    pub strict: bool,
    pub elapsed: Duration,
}

impl CaseResult {
    /// How the report differs from `expect.json` (`None` without a report or a valid expectation).
    pub fn mismatch(&self) -> Option<Mismatch> {
        match (&self.expect, &self.report) {
            (Expect::Valid(e), Some(r)) => Some(e.compare(r)).filter(|m| !m.is_empty()),
            _ => None,
        }
    }

    pub fn status(&self) -> Status {
        if self.error.is_some() || matches!(self.expect, Expect::Invalid(_)) {
            return Status::Error;
        }
        let Some(report) = &self.report else {
            return Status::Error;
        };
        match &self.expect {
            Expect::Valid(e) if e.compare(report).is_empty() => Status::Passed,
            Expect::Valid(_) => Status::Mismatch,
            _ if report.is_rejection(self.strict) => Status::Rejected,
            _ => Status::Passed,
        }
    }

    pub fn passed(&self) -> bool {
        self.status() == Status::Passed
    }

    /// `Some(matched)` when the case has an `expect.json` (the JSON Lines `expected` key).
    pub fn expected(&self) -> Option<bool> {
        match self.expect {
            Expect::None => None,
            _ => Some(self.passed()),
        }
    }
}

/// How often a reason code came up across the batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeStat {
    pub code: Code,
    /// Cases with at least one finding carrying the code.
    pub cases: usize,
    pub findings: usize,
}

/// The whole batch.
#[derive(Clone, Debug)]
pub struct BatchResult {
    /// DIR as the user gave it.
    pub dir: String,
    /// Cases found under DIR, before sharding.
    pub discovered: usize,
    pub shard: Option<Shard>,
    /// This shard's cases, in the sorted order.
    pub cases: Vec<CaseResult>,
    /// Wall-clock time of the whole run.
    pub elapsed: Duration,
}

impl BatchResult {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed()
    }

    pub fn count(&self, status: Status) -> usize {
        self.cases.iter().filter(|c| c.status() == status).count()
    }

    /// Exit 0 material: every case as expected (an empty shard included).
    pub fn all_passed(&self) -> bool {
        self.cases.iter().all(CaseResult::passed)
    }

    /// Reason codes by the number of cases they appear in, then findings, then code order.
    pub fn top_codes(&self, limit: usize) -> Vec<CodeStat> {
        let mut stats: BTreeMap<Code, CodeStat> = BTreeMap::new();
        for report in self.cases.iter().filter_map(|c| c.report.as_ref()) {
            for (code, n) in expect::code_counts(report) {
                let s = stats.entry(code).or_insert(CodeStat {
                    code,
                    cases: 0,
                    findings: 0,
                });
                s.cases += 1;
                s.findings += n;
            }
        }
        let mut stats: Vec<CodeStat> = stats.into_values().collect();
        stats.sort_by(|a, b| {
            b.cases
                .cmp(&a.cases)
                .then(b.findings.cmp(&a.findings))
                .then(a.code.cmp(&b.code))
        });
        stats.truncate(limit);
        stats
    }
}

/// Discover, shard and check the cases under `dir`.
pub fn run(
    dir: &Path,
    opts: &BatchOptions,
    progress: &dyn Progress,
) -> Result<BatchResult, BatchError> {
    let started = Instant::now();
    let shown = dir.display().to_string();
    let all = discover::discover(dir)?;
    if all.is_empty() {
        return Err(BatchError::NoCases(
            shown.trim_end_matches(['/', '\\']).to_string(),
        ));
    }
    let discovered = all.len();
    let cases = match opts.shard {
        Some(shard) => shard.select(all),
        None => all,
    };
    let jobs = opts.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("kyc-batch-{i}"))
        .build()
        .map_err(|e| BatchError::Pool {
            jobs,
            message: e.to_string(),
        })?;
    progress.start(cases.len());
    let results: Vec<CaseResult> = pool.install(|| {
        cases
            .into_par_iter()
            .map(|case| {
                let result = run_case(case, opts);
                progress.case_done(&result);
                result
            })
            .collect()
    });
    progress.finish();
    Ok(BatchResult {
        dir: shown,
        discovered,
        shard: opts.shard,
        cases: results,
        elapsed: started.elapsed(),
    })
}

/// Check one case; every problem becomes part of its result, never an `Err`.
pub fn run_case(case: Case, opts: &BatchOptions) -> CaseResult {
    let started = Instant::now();
    let expect = read_expect(&case);
    let (report, error) = match &case.unreadable {
        Some(msg) => (None, Some(msg.clone())),
        None => check_case(&case, opts),
    };
    CaseResult {
        case,
        report,
        error,
        expect,
        strict: opts.strict,
        elapsed: started.elapsed(),
    }
}

fn check_case(case: &Case, opts: &BatchOptions) -> (Option<Report>, Option<String>) {
    let profile = if case.has_profile {
        let path = case.profile_path();
        match crate::limits::read_file(&path, opts.policy.limits.max_profile_bytes) {
            Ok(b) => Some(b),
            Err(e) => {
                return (
                    None,
                    Some(format!("cannot read {}: {}", path.display(), e.reason())),
                );
            }
        }
    } else {
        None
    };
    let request = CheckRequest {
        profile,
        profile_name: case.input_name(),
        base_dir: case.dir.clone(),
        image_overrides: BTreeMap::new(),
        image_fallbacks: case.images.clone(),
        policy: opts.policy.clone(),
        today: opts.today,
        thumbnails: opts.thumbnails,
    };
    // A bug in one check must not take the other cases down with it: the case fails and says so.
    match catch_unwind(AssertUnwindSafe(|| app::check(&request))) {
        Ok(Ok(report)) => (Some(report), None),
        Ok(Err(e)) => (None, Some(e.to_string())),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            (
                None,
                Some(format!(
                    "internal error while checking this case ({what}); please report it with the case's files"
                )),
            )
        }
    }
}

fn read_expect(case: &Case) -> Expect {
    let path = case.expect_path();
    match crate::limits::read_file(&path, crate::limits::MAX_CONFIG_BYTES) {
        Ok(bytes) => match Expectation::parse(&bytes) {
            Ok(e) => Expect::Valid(e),
            Err(msg) => Expect::Invalid(format!("{}: {msg}", path.display())),
        },
        Err(crate::limits::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            Expect::None
        }
        Err(e) => Expect::Invalid(format!("cannot read {}: {}", path.display(), e.reason())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const VALID: &str = r#"{"full_name": "ERIKSSON ANNA MARIA", "date_of_birth": "1974-08-12",
        "document": {"type": "passport", "country": "UTO", "number": "L898902C3",
                     "expiry_date": "2012-04-15"}}"#;

    fn options() -> BatchOptions {
        BatchOptions {
            policy: Policy::default_policy(),
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            strict: false,
            jobs: Some(2),
            shard: None,
            thumbnails: None,
        }
    }

    fn case(root: &Path, name: &str, profile: &str, expect: Option<&str>) {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("profile.json"), profile).unwrap();
        if let Some(e) = expect {
            fs::write(dir.join("expect.json"), e).unwrap();
        }
    }

    #[test]
    fn statuses_and_order() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        case(
            root,
            "a_expected",
            VALID,
            Some(r#"{"codes": ["DOC_EXPIRED"]}"#),
        );
        case(root, "b_rejected", VALID, None);
        case(root, "c_mismatch", VALID, Some(r#"{"verdict": "pass"}"#));
        case(root, "d_broken", "{", None);
        case(root, "e_bad_expect", VALID, Some(r#"{"codez": []}"#));
        let result = run(root, &options(), &NoProgress).unwrap();
        let got: Vec<_> = result
            .cases
            .iter()
            .map(|c| (c.case.name.as_str(), c.status(), c.expected()))
            .collect();
        assert_eq!(
            got,
            [
                ("a_expected", Status::Passed, Some(true)),
                ("b_rejected", Status::Rejected, None),
                ("c_mismatch", Status::Mismatch, Some(false)),
                ("d_broken", Status::Error, None),
                ("e_bad_expect", Status::Error, Some(false)),
            ]
        );
        assert_eq!((result.passed(), result.failed()), (1, 4));
        assert!(!result.all_passed());
        let top = result.top_codes(5);
        assert_eq!(
            top.first().map(|s| (s.code, s.cases)),
            Some((Code::DocExpired, 4))
        );
    }

    #[derive(Debug, Default)]
    struct Count(std::sync::Mutex<(usize, Vec<String>, bool)>);

    impl Progress for Count {
        fn start(&self, total: usize) {
            self.0.lock().unwrap().0 = total;
        }
        fn case_done(&self, result: &CaseResult) {
            self.0.lock().unwrap().1.push(result.case.name.clone());
        }
        fn finish(&self) {
            self.0.lock().unwrap().2 = true;
        }
    }

    #[test]
    fn progress_sees_every_case_once() {
        let tmp = tempfile::tempdir().unwrap();
        for name in ["a", "b", "c", "d", "e"] {
            case(tmp.path(), name, VALID, None);
        }
        let count = Count::default();
        let opts = BatchOptions {
            shard: Some(Shard { index: 1, count: 2 }),
            thumbnails: None,
            ..options()
        };
        let result = run(tmp.path(), &opts, &count).unwrap();
        let (total, mut seen, finished) = count.0.into_inner().unwrap();
        seen.sort();
        assert_eq!(
            (total, seen, finished),
            (3, vec!["a".into(), "c".into(), "e".into()], true)
        );
        assert_eq!(result.cases.len(), 3);
    }

    #[test]
    fn empty_folder_is_an_error_and_empty_shard_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let err = run(tmp.path(), &options(), &NoProgress).unwrap_err();
        assert!(
            err.to_string()
                .contains("a case is a folder holding a profile.json")
        );
        case(tmp.path(), "only", VALID, Some("{}"));
        let opts = BatchOptions {
            shard: Some(Shard { index: 2, count: 2 }),
            thumbnails: None,
            ..options()
        };
        let result = run(tmp.path(), &opts, &NoProgress).unwrap();
        assert_eq!((result.discovered, result.cases.len()), (1, 0));
        assert!(result.all_passed());
    }
}
