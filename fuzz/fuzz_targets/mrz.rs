//! MRZ parsing (`kyc_precheck::mrz`): arbitrary text as the profile's MRZ lines, parsed, then
//! cross-checked against facts read from the same bytes.
#![no_main]

use chrono::NaiveDate;
use kyc_precheck::{checks::Facts, mrz};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(today) = NaiveDate::from_ymd_opt(2026, 12, 2) else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    // Lines as a profile gives them: an array of strings (one may hold several lines).
    let lines: Vec<String> = text.split('|').map(str::to_string).collect();
    let parsed = mrz::parse(&lines);
    let _ = parsed.findings.len();
    for chunk in text.as_bytes().chunks(6) {
        if let Ok(s) = std::str::from_utf8(chunk) {
            let _ = mrz::resolve_birth(s, today);
            let _ = mrz::resolve_expiry(s, today);
        }
    }
    let _ = mrz::check_digit(text.chars());
    let facts = Facts {
        full_name: lines.first().cloned(),
        document_number: lines.get(1).cloned(),
        mrz: Some(lines),
        ..Facts::default()
    };
    let _ = mrz::check(&facts, today);
});
