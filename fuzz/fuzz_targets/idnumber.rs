//! Every ID-number validator (`kyc_precheck::idnumber::FORMATS`) and the passport-number rules,
//! on arbitrary text as a user would type it.
#![no_main]

use chrono::NaiveDate;
use kyc_precheck::idnumber;
use libfuzzer_sys::fuzz_target;

const PASSPORT_COUNTRIES: &[&str] = &["CN", "US", "IN", "GB", "DE", "FR", "JP", "KR", "XX", ""];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let Some(today) = NaiveDate::from_ymd_opt(2026, 12, 2) else {
        return;
    };
    for (key, _) in idnumber::FORMATS {
        let _ = idnumber::validate_as(key, raw, today);
    }
    for country in PASSPORT_COUNTRIES {
        let _ = idnumber::validate_passport(country, raw);
    }
});
