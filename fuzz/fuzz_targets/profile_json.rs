//! Profile JSON through the entry the CLI uses: the hard limits (size, nesting depth) on the
//! bytes, then the parser, then every check on the typed data (fields, names, dates, MRZ,
//! ID numbers).
#![no_main]

use chrono::NaiveDate;
use kyc_precheck::{checks, policy::Policy, profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let policy = Policy::default_policy();
    let Some(today) = NaiveDate::from_ymd_opt(2026, 12, 2) else {
        return;
    };
    if let Ok((profile, _findings)) = profile::parse_within(data, "fuzz.json", &policy.limits) {
        let _ = checks::check_profile(&profile, &policy, today);
    }
});
