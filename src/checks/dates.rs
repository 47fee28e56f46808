//! Dates: ISO format, impossible dates, birth date and age, expiry, issue-date consistency.

use chrono::{Datelike, NaiveDate};

use crate::checks::Facts;
use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
use crate::policy::Policy;
use crate::profile::{Expiry, Profile};

/// Why a date string is not a usable ISO date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Another layout that we could read unambiguously; carries the ISO form to suggest.
    OtherFormat { iso: String },
    /// `01/02/1990`: day and month could be either way round; both ISO readings.
    Ambiguous { first: String, second: String },
    /// `2023-02-30`: ISO layout, but no such day.
    Impossible { year: i32, month: u32, day: u32 },
    /// Not a date at all.
    Unreadable,
}

/// Parse a strict ISO `YYYY-MM-DD` date, or explain what is wrong with the string.
pub fn parse_iso(raw: &str) -> Result<NaiveDate, DateProblem> {
    let s = raw.trim();
    if let Some((y, m, d)) =
        split3(s, '-').filter(|(y, m, d)| y.len() == 4 && m.len() == 2 && d.len() == 2)
    {
        return ymd(y, m, d).ok_or_else(|| impossible(y, m, d));
    }
    other_format(s)
}

fn split3(s: &str, sep: char) -> Option<(&str, &str, &str)> {
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && all_digits(a) && all_digits(b) && all_digits(c)).then_some((a, b, c))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn impossible(y: &str, m: &str, d: &str) -> DateProblem {
    match (y.parse(), m.parse(), d.parse()) {
        (Ok(year), Ok(month), Ok(day)) => DateProblem::Impossible { year, month, day },
        _ => DateProblem::Unreadable,
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Recognise the layouts people actually type, so the advice can show their date in ISO form.
fn other_format(s: &str) -> Result<NaiveDate, DateProblem> {
    // 1990/03/12, 1990.03.12, 1990-3-12
    for sep in ['/', '.', '-', ' '] {
        if let Some((a, b, c)) = split3(s, sep) {
            if a.len() == 4 {
                return Err(ymd(a, b, c).map_or_else(
                    || impossible(a, b, c),
                    |d| DateProblem::OtherFormat { iso: iso(d) },
                ));
            }
            if c.len() == 4 {
                // 12/03/1990 or 03/12/1990: day-first vs month-first.
                let day_first = ymd(c, b, a);
                let month_first = ymd(c, a, b);
                return Err(match (day_first, month_first) {
                    (Some(x), Some(y)) if x != y => DateProblem::Ambiguous {
                        first: iso(x),
                        second: iso(y),
                    },
                    (Some(x), _) | (None, Some(x)) => DateProblem::OtherFormat { iso: iso(x) },
                    (None, None) => DateProblem::Unreadable,
                });
            }
        }
    }
    // 19900312
    if s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Some(d) = ymd(&s[..4], &s[4..6], &s[6..])
    {
        return Err(DateProblem::OtherFormat { iso: iso(d) });
    }
    // 1990年3月12日
    if let Some(rest) = s.strip_suffix('日') {
        let parts: Vec<&str> = rest.split(['年', '月']).collect();
        if let [y, m, d] = parts.as_slice()
            && let Some(date) = ymd(y, m, d)
        {
            return Err(DateProblem::OtherFormat { iso: iso(date) });
        }
    }
    // 12 Mar 1990, March 12, 1990, 12-MAR-1990
    let words: Vec<String> = s
        .split([' ', '-', ',', '/', '.'])
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.len() == 3 {
        let month = |w: &str| {
            MONTHS
                .iter()
                .position(|m| w.len() >= 3 && w.starts_with(m))
                .map(|i| i as u32 + 1)
        };
        let num = |w: &str| w.parse::<u32>().ok();
        let found = match (
            num(&words[0]),
            month(&words[1]),
            month(&words[0]),
            num(&words[1]),
            num(&words[2]),
        ) {
            (Some(d), Some(m), _, _, Some(y)) => Some((y, m, d)),
            (_, _, Some(m), Some(d), Some(y)) => Some((y, m, d)),
            _ => None,
        };
        if let Some(date) = found.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y as i32, m, d)) {
            return Err(DateProblem::OtherFormat { iso: iso(date) });
        }
    }
    Err(DateProblem::Unreadable)
}

fn date_finding(field: &str, raw: &str, problem: DateProblem) -> Finding {
    let f = Finding::new(Code::DateInvalid, Subject::Profile).field(field);
    match problem {
        DateProblem::OtherFormat { iso } => f.detail(
            "date.other_format",
            [Arg::text(field), Arg::text(raw), Arg::text(iso)],
        ),
        DateProblem::Ambiguous { first, second } => f.detail(
            "date.ambiguous",
            [
                Arg::text(field),
                Arg::text(raw),
                Arg::text(first),
                Arg::text(second),
            ],
        ),
        DateProblem::Impossible { year, month, day } => {
            let days = days_in_month(year, month);
            match days {
                Some(n) => f.detail(
                    "date.impossible_day",
                    [
                        Arg::text(field),
                        Arg::text(raw),
                        Arg::Int(i64::from(day)),
                        Arg::Int(i64::from(n)),
                    ],
                ),
                None => f.detail(
                    "date.impossible_month",
                    [Arg::text(field), Arg::text(raw), Arg::Int(i64::from(month))],
                ),
            }
        }
        DateProblem::Unreadable => f.detail("date.unreadable", [Arg::text(field), Arg::text(raw)]),
    }
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    u32::try_from((next - first).num_days()).ok()
}

fn parse_field(
    raw: Option<&String>,
    field: &str,
    findings: &mut Vec<Finding>,
) -> Option<NaiveDate> {
    let raw = raw?;
    if raw.trim().is_empty() {
        return None;
    }
    parse_iso(raw)
        .map_err(|p| findings.push(date_finding(field, raw, p)))
        .ok()
}

/// Completed years from `birth` to `on`. A 29 February birthday counts from 1 March in
/// common years: the later reading, so we never call someone of age a day early.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let had_birthday = (on.month(), on.day()) >= (birth.month(), birth.day());
    on.year() - birth.year() - if had_birthday { 0 } else { 1 }
}

pub fn check(
    profile: &Profile,
    policy: &Policy,
    today: NaiveDate,
    facts: &mut Facts,
    findings: &mut Vec<Finding>,
) {
    let doc = profile.document.as_ref();
    let dob = parse_field(profile.date_of_birth.as_ref(), "date_of_birth", findings);
    let issue = parse_field(
        doc.and_then(|d| d.issue_date.as_ref()),
        "document.issue_date",
        findings,
    );
    let expiry_raw = match profile.expiry() {
        Expiry::Date(s) => Some(s.to_string()),
        Expiry::Never => {
            facts.never_expires = true;
            None
        }
        Expiry::Absent => None,
    };
    let expiry = parse_field(expiry_raw.as_ref(), "document.expiry_date", findings);

    if let Some(dob) = dob {
        birth(dob, policy, today, findings);
    }
    if let Some(expiry) = expiry {
        expiry_checks(expiry, policy, today, findings);
    }
    consistency(dob, issue, expiry, today, findings);

    facts.date_of_birth = dob;
    facts.issue_date = issue;
    facts.expiry_date = expiry;
}

fn birth(dob: NaiveDate, policy: &Policy, today: NaiveDate, findings: &mut Vec<Finding>) {
    let f = |code| Finding::new(code, Subject::Profile).field("date_of_birth");
    if dob > today {
        findings.push(
            f(Code::DobInFuture).detail("dob.future", [Arg::text(iso(dob)), Arg::text(iso(today))]),
        );
        return;
    }
    let age = age_on(dob, today);
    let min = policy.profile.min_age;
    let max = policy.profile.max_age;
    if age < min as i32 {
        let turns = adult_on(dob, min);
        findings.push(
            f(Code::AgeBelowMinimum)
                .detail(
                    "age.below",
                    [
                        Arg::Int(i64::from(age)),
                        Arg::Int(i64::from(min)),
                        Arg::text(turns),
                    ],
                )
                .measured(f64::from(age), f64::from(min)),
        );
    } else if age > max as i32 {
        findings.push(
            f(Code::AgeImplausible)
                .detail(
                    "age.implausible",
                    [Arg::Int(i64::from(age)), Arg::Int(i64::from(max))],
                )
                .measured(f64::from(age), f64::from(max)),
        );
    }
}

/// The day someone born on `dob` reaches `years` (1 March for a 29 February birth in a
/// common year), as ISO text.
fn adult_on(dob: NaiveDate, years: u32) -> String {
    let year = dob.year() + years as i32;
    NaiveDate::from_ymd_opt(year, dob.month(), dob.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .map(iso)
        .unwrap_or_default()
}

pub(crate) fn expiry_checks(
    expiry: NaiveDate,
    policy: &Policy,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let days_left = (expiry - today).num_days();
    let warn_days = i64::from(policy.profile.expiry_warn_days);
    let f = |code| Finding::new(code, Subject::Profile).field("document.expiry_date");
    if days_left < 0 {
        findings.push(
            f(Code::DocExpired)
                .detail(
                    "expiry.past",
                    [Arg::text(iso(expiry)), Arg::Int(-days_left)],
                )
                .measured(days_left as f64, 0.0),
        );
    } else if days_left == 0 {
        // Platforms such as Veriff treat a document that expires today as expired.
        findings.push(
            f(Code::DocExpired)
                .detail("expiry.today", [Arg::text(iso(expiry))])
                .measured(0.0, 0.0),
        );
    } else if days_left <= warn_days {
        findings.push(
            f(Code::DocExpiresSoon)
                .detail("expiry.soon", [Arg::text(iso(expiry)), Arg::Int(days_left)])
                .measured(days_left as f64, warn_days as f64),
        );
    }
}

fn consistency(
    dob: Option<NaiveDate>,
    issue: Option<NaiveDate>,
    expiry: Option<NaiveDate>,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let f = |field: &str| Finding::new(Code::DocDatesInconsistent, Subject::Profile).field(field);
    if let Some(issue) = issue {
        if issue > today {
            findings.push(
                f("document.issue_date").detail("dates.issue_future", [Arg::text(iso(issue))]),
            );
        }
        if let Some(expiry) = expiry.filter(|e| issue >= *e) {
            findings.push(f("document.issue_date").detail(
                "dates.issue_after_expiry",
                [Arg::text(iso(issue)), Arg::text(iso(expiry))],
            ));
        }
        if let Some(dob) = dob.filter(|d| issue < *d) {
            findings.push(f("document.issue_date").detail(
                "dates.issue_before_birth",
                [Arg::text(iso(issue)), Arg::text(iso(dob))],
            ));
        }
    }
    if let (Some(dob), Some(expiry), None) = (dob, expiry, issue)
        && expiry <= dob
    {
        findings.push(f("document.expiry_date").detail(
            "dates.expiry_before_birth",
            [Arg::text(iso(expiry)), Arg::text(iso(dob))],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso("1990-03-12"), Ok(d("1990-03-12")));
        assert_eq!(parse_iso(" 2024-02-29 "), Ok(d("2024-02-29")));
        assert_eq!(
            parse_iso("2023-02-30"),
            Err(DateProblem::Impossible {
                year: 2023,
                month: 2,
                day: 30
            })
        );
        assert_eq!(
            parse_iso("2023-02-29"),
            Err(DateProblem::Impossible {
                year: 2023,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse_iso("1990-13-01"),
            Err(DateProblem::Impossible {
                year: 1990,
                month: 13,
                day: 1
            })
        );
    }

    #[test]
    fn other_layouts_suggest_iso() {
        let other = |s: &str| match parse_iso(s) {
            Err(DateProblem::OtherFormat { iso }) => iso,
            e => panic!("{s}: {e:?}"),
        };
        assert_eq!(other("25/12/1990"), "1990-12-25");
        assert_eq!(other("12/25/1990"), "1990-12-25");
        assert_eq!(other("1990/03/12"), "1990-03-12");
        assert_eq!(other("1990.3.12"), "1990-03-12");
        assert_eq!(other("19900312"), "1990-03-12");
        assert_eq!(other("12 Mar 1990"), "1990-03-12");
        assert_eq!(other("March 12, 1990"), "1990-03-12");
        assert_eq!(other("12-MAR-1990"), "1990-03-12");
        assert_eq!(other("1990年3月12日"), "1990-03-12");
        assert_eq!(
            parse_iso("12/03/1990"),
            Err(DateProblem::Ambiguous {
                first: "1990-03-12".into(),
                second: "1990-12-03".into()
            })
        );
        assert_eq!(parse_iso("yesterday"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso(""), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("99/99/9999"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn age_edges() {
        assert_eq!(
            age_on(d("2008-11-22"), d("2026-11-22")),
            18,
            "18th birthday today"
        );
        assert_eq!(age_on(d("2008-11-23"), d("2026-11-22")), 17, "18 tomorrow");
        // Leap-day births count from 1 March in common years.
        assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), 17);
        assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), 18);
        assert_eq!(age_on(d("2008-02-29"), d("2028-02-29")), 20);
        assert_eq!(adult_on(d("2008-02-29"), 18), "2026-03-01");
    }

    fn run(json: &str, today: &str) -> Vec<Finding> {
        let (p, _) = crate::profile::parse(json.as_bytes(), "t").unwrap();
        let mut facts = Facts::default();
        let mut f = Vec::new();
        check(&p, &Policy::default_policy(), d(today), &mut facts, &mut f);
        f
    }

    fn codes(f: &[Finding]) -> Vec<Code> {
        f.iter().map(|f| f.code).collect()
    }

    fn profile(dob: &str, issue: &str, expiry: &str) -> String {
        format!(
            r#"{{"date_of_birth": "{dob}", "document": {{"issue_date": "{issue}", "expiry_date": "{expiry}"}}}}"#
        )
    }

    #[test]
    fn age_checks() {
        let p = |dob: &str| profile(dob, "2020-01-01", "2030-01-01");
        assert!(
            run(&p("2008-11-22"), "2026-11-22").is_empty(),
            "turns 18 today"
        );
        assert_eq!(
            codes(&run(&p("2008-11-23"), "2026-11-22")),
            [Code::AgeBelowMinimum]
        );
        assert_eq!(
            codes(&run(&p("2008-02-29"), "2026-02-28")),
            [Code::AgeBelowMinimum]
        );
        assert!(run(&p("2008-02-29"), "2026-03-01").is_empty());
        assert_eq!(
            codes(&run(&p("1900-01-01"), "2026-11-22")),
            [Code::AgeImplausible]
        );
        assert_eq!(
            codes(&run(
                &profile("2027-01-01", "2020-01-01", "2030-01-01"),
                "2026-11-22"
            )),
            [Code::DobInFuture, Code::DocDatesInconsistent]
        );
        let below = run(&p("2010-06-01"), "2026-11-22");
        assert_eq!(
            (below[0].measured, below[0].threshold),
            (Some(16.0), Some(18.0))
        );
    }

    #[test]
    fn expiry_edges() {
        let p = |e: &str| profile("1990-01-01", "2020-01-01", e);
        let today = "2026-11-22";
        assert_eq!(codes(&run(&p("2026-11-21"), today)), [Code::DocExpired]);
        assert_eq!(
            codes(&run(&p("2026-11-22"), today)),
            [Code::DocExpired],
            "expires today"
        );
        assert_eq!(codes(&run(&p("2026-11-23"), today)), [Code::DocExpiresSoon]);
        assert_eq!(
            codes(&run(&p("2026-12-22"), today)),
            [Code::DocExpiresSoon],
            "30 days left"
        );
        assert!(run(&p("2026-12-23"), today).is_empty(), "31 days left");
        assert!(run(&profile("1990-01-01", "2020-01-01", "permanent"), today).is_empty());
        let soon = run(&p("2026-12-02"), today);
        assert_eq!(
            (soon[0].measured, soon[0].threshold),
            (Some(10.0), Some(30.0))
        );
    }

    #[test]
    fn inconsistent_dates() {
        let today = "2026-11-22";
        assert_eq!(
            codes(&run(
                &profile("1990-01-01", "2031-01-01", "2030-01-01"),
                today
            )),
            [Code::DocDatesInconsistent, Code::DocDatesInconsistent],
            "issued in the future and after expiry"
        );
        assert_eq!(
            codes(&run(
                &profile("1990-01-01", "1985-01-01", "2030-01-01"),
                today
            )),
            [Code::DocDatesInconsistent],
            "issued before birth"
        );
        assert_eq!(
            codes(&run(
                r#"{"date_of_birth": "1990-01-01", "document": {"expiry_date": "1989-01-01"}}"#,
                today
            )),
            [Code::DocExpired, Code::DocDatesInconsistent]
        );
    }

    #[test]
    fn bad_dates_are_findings_not_crashes() {
        let f = run(&profile("12/03/1990", "2023-02-30", "soon"), "2026-11-22");
        assert_eq!(codes(&f), [Code::DateInvalid; 3]);
        let keys: Vec<_> = f.iter().map(|f| f.detail.as_ref().unwrap().key).collect();
        assert_eq!(
            keys,
            ["date.ambiguous", "date.impossible_day", "date.unreadable"]
        );
        assert_eq!(f[1].detail.as_ref().unwrap().args[3], Arg::Int(28));
    }
}
