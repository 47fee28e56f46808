//! The machine-readable zone (ICAO Doc 9303): layout, characters and check digits
//! (`MRZ_FORMAT`, `MRZ_CHECK_DIGIT`), then what it says against the profile
//! (`MRZ_FIELD_MISMATCH`, and `NAME_MISMATCH` for the name).

mod parse;

#[cfg(test)]
mod tests;

use chrono::{Datelike, Months, NaiveDate};

use crate::checks::Facts;
use crate::codes::Code;
use crate::countries;
use crate::finding::{Arg, Finding, Severity, Subject};
use crate::namematch;
use crate::profile::Sex;

pub use parse::{FIELD, Format, Mrz, MrzField, Parsed, char_value, check_digit, parse};

/// How far into the future a two-digit expiry year may point (`96` read in 2025 is 1996, not
/// 2096; `60` is 2060).
pub const EXPIRY_WINDOW_YEARS: u32 = 50;

/// Every MRZ finding for the profile: format and check digits, then each field the profile
/// also states, when the MRZ could be read.
pub fn check(facts: &Facts, today: NaiveDate) -> Vec<Finding> {
    let Some(lines) = &facts.mrz else {
        return Vec::new();
    };
    let Parsed { mrz, mut findings } = parse(lines);
    if let Some(mrz) = mrz {
        cross_check(&mrz, facts, today, &mut findings);
    }
    findings
}

/// `YYMMDD` as numbers, when it is six digits.
fn split_yymmdd(s: &str) -> Option<(i32, u32, u32)> {
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    Some((i32::try_from(n(0..2)?).ok()?, n(2..4)?, n(4..6)?))
}

fn century_base(today: NaiveDate) -> i32 {
    today.year() - today.year().rem_euclid(100)
}

/// A two-digit-year birth date: the latest reading that is not after `today` (a birth date
/// cannot be in the future). `None` when it is not a calendar date.
pub fn resolve_birth(yymmdd: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (yy, mm, dd) = split_yymmdd(yymmdd)?;
    let base = century_base(today);
    [base + 100, base, base - 100, base - 200]
        .into_iter()
        .filter_map(|c| NaiveDate::from_ymd_opt(c + yy, mm, dd))
        .find(|d| *d <= today)
}

/// A two-digit-year expiry date: the latest reading no more than `EXPIRY_WINDOW_YEARS` after
/// `today`. `None` when it is not a calendar date.
pub fn resolve_expiry(yymmdd: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (yy, mm, dd) = split_yymmdd(yymmdd)?;
    let limit = today
        .checked_add_months(Months::new(12 * EXPIRY_WINDOW_YEARS))
        .unwrap_or(NaiveDate::MAX);
    let base = century_base(today);
    [base + 100, base, base - 100]
        .into_iter()
        .filter_map(|c| NaiveDate::from_ymd_opt(c + yy, mm, dd))
        .find(|d| *d <= limit)
}

fn mismatch(field: &str, key: &'static str, args: impl IntoIterator<Item = Arg>) -> Finding {
    Finding::new(Code::MrzFieldMismatch, Subject::Profile)
        .field(field)
        .detail(key, args)
}

fn int(n: usize) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Letters and digits only, upper case: how numbers are compared (spaces, dashes, `<` dropped).
fn alnum(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Compare what the MRZ says with the profile. A field whose own check digit is wrong, or that
/// holds a character that is not MRZ text, was already reported and is not compared again.
fn cross_check(m: &Mrz, facts: &Facts, today: NaiveDate, out: &mut Vec<Finding>) {
    let trusted =
        |field: MrzField, text: &str| !m.bad_check_digits.contains(&field) && !text.contains('?');
    if let Some(full) = &facts.full_name
        && !m.surname.contains('?')
        && !m.given_names.contains('?')
    {
        out.extend(check_name(m, full));
    }
    if trusted(MrzField::DateOfBirth, &m.birth_date) {
        check_birth(m, facts, today, out);
    }
    if trusted(MrzField::ExpiryDate, &m.expiry_date) {
        check_expiry(m, facts, today, out);
    }
    check_sex(m, facts, out);
    if !m.nationality.contains('?') {
        check_country(
            &m.nationality,
            facts.nationality,
            "nationality",
            "mrz.mismatch.nationality",
            out,
        );
    }
    if !m.issuing_state.contains('?') {
        check_country(
            &m.issuing_state,
            facts.document_country,
            "document.country",
            "mrz.mismatch.issuing_state",
            out,
        );
    }
    if trusted(MrzField::DocumentNumber, &m.document_number) {
        check_document_number(m, facts, out);
    }
    if let Some(p) = &m.personal_number
        && trusted(MrzField::PersonalNumber, p)
    {
        check_personal_number(m, facts, out);
    }
}

/// A name difference is reported as `NAME_MISMATCH` on `full_name`, never also as
/// `MRZ_FIELD_MISMATCH`: platforms reject it under their name codes (veriff:104,
/// sumsub:dataMismatch_fullName), `explain NAME_MISMATCH` gives the advice that fits
/// (transliteration, order, truncation), and the fix is in `full_name`, not in the MRZ.
fn check_name(m: &Mrz, full: &str) -> Option<Finding> {
    let mrz_tokens = m.name_tokens();
    if mrz_tokens.is_empty() || full.trim().is_empty() {
        return None;
    }
    let shown = if m.given_names.is_empty() {
        m.surname.clone()
    } else {
        format!("{}, {}", m.surname, m.given_names)
    };
    let finding = || {
        Finding::new(Code::NameMismatch, Subject::Profile)
            .field("full_name")
            .detail(
                "mrz.name_mismatch",
                [Arg::pii(shown.clone()), Arg::pii(full.trim())],
            )
    };
    if namematch::is_han_name(full) {
        // Chinese characters against the MRZ's pinyin: romanisation varies, so only a warning.
        return (!namematch::han_matches_latin(full, &mrz_tokens.join(" ")))
            .then(|| finding().severity(Severity::Warn));
    }
    let matches = namematch::icao_variants(full).iter().any(|v| {
        let profile = namematch::normalise_latin(v);
        namematch::same_tokens(&profile, &mrz_tokens)
            || (m.name_truncated && namematch::truncated_match(&profile, &mrz_tokens))
    });
    (!matches).then(finding)
}

/// Report a date the MRZ prints that is no calendar date; `<` (unknown) is not an error.
fn bad_date(raw: &str, pos: (usize, usize), key: &'static str, out: &mut Vec<Finding>) {
    if raw.chars().all(|c| c.is_ascii_digit()) {
        out.push(
            Finding::new(Code::MrzFormat, Subject::Profile)
                .field(FIELD)
                .detail(key, [Arg::text(raw), int(pos.0), int(pos.1)]),
        );
    }
}

fn check_birth(m: &Mrz, facts: &Facts, today: NaiveDate, out: &mut Vec<Finding>) {
    let Some(mrz_date) = resolve_birth(&m.birth_date, today) else {
        bad_date(
            &m.birth_date,
            m.birth_pos,
            "mrz.bad_date.date_of_birth",
            out,
        );
        return;
    };
    if let Some(dob) = facts.date_of_birth {
        // Compare what the MRZ can say (YYMMDD): 1925 and 2025 print the same.
        if dob.format("%y%m%d").to_string() != m.birth_date {
            out.push(mismatch(
                "date_of_birth",
                "mrz.mismatch.date_of_birth",
                [Arg::text(mrz_date.to_string()), Arg::text(dob.to_string())],
            ));
        }
    }
}

fn check_expiry(m: &Mrz, facts: &Facts, today: NaiveDate, out: &mut Vec<Finding>) {
    const FIELD_EXPIRY: &str = "document.expiry_date";
    if m.expiry_date.chars().all(|c| c == '<') {
        if let Some(d) = facts.expiry_date {
            out.push(mismatch(
                FIELD_EXPIRY,
                "mrz.mismatch.expiry_missing",
                [Arg::text(d.to_string())],
            ));
        }
        return;
    }
    let Some(mrz_date) = resolve_expiry(&m.expiry_date, today) else {
        bad_date(
            &m.expiry_date,
            m.expiry_pos,
            "mrz.bad_date.expiry_date",
            out,
        );
        return;
    };
    if facts.never_expires {
        out.push(mismatch(
            FIELD_EXPIRY,
            "mrz.mismatch.expiry_never",
            [Arg::text(mrz_date.to_string())],
        ));
    } else if let Some(d) = facts.expiry_date
        && d.format("%y%m%d").to_string() != m.expiry_date
    {
        out.push(mismatch(
            FIELD_EXPIRY,
            "mrz.mismatch.expiry_date",
            [Arg::text(mrz_date.to_string()), Arg::text(d.to_string())],
        ));
    }
}

fn check_sex(m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    let (Some(sex), Some(mrz_sex)) = (facts.sex, Sex::parse(&m.sex.to_string())) else {
        return;
    };
    if sex != mrz_sex {
        out.push(mismatch(
            "sex",
            "mrz.mismatch.sex",
            [Arg::text(mrz_sex.as_str()), Arg::text(sex.as_str())],
        ));
    }
}

fn check_country(
    mrz_code: &str,
    profile: Option<&str>,
    field: &str,
    key: &'static str,
    out: &mut Vec<Finding>,
) {
    let Some(profile) = profile else { return };
    if mrz_code.is_empty() {
        return;
    }
    if !countries::mrz_code_matches(mrz_code, profile) {
        out.push(mismatch(
            field,
            key,
            [Arg::text(mrz_code), Arg::text(profile)],
        ));
    }
}

/// True when a profile number appears in the MRZ as the document number, the personal number
/// or inside the optional data. Many ID cards print the card's serial as the MRZ document number
/// and the holder's personal number (which the profile may give as `document.number`, e.g. a
/// Spanish DNI) in the optional data, so a number found there matches too.
fn in_mrz(m: &Mrz, n: &str) -> bool {
    n == m.document_number
        || m.personal_number.as_deref() == Some(n)
        || (n.len() >= 5 && m.optional_data.iter().any(|o| o.contains(n)))
}

fn check_document_number(m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    if let Some(number) = facts.document_number.as_deref().map(alnum)
        && !number.is_empty()
        && !m.document_number.is_empty()
        && !in_mrz(m, &number)
    {
        out.push(mismatch(
            "document.number",
            "mrz.mismatch.document_number",
            [Arg::pii(m.document_number.clone()), Arg::pii(number)],
        ));
    }
}

fn check_personal_number(m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    // Only the TD3 personal number field has a defined meaning; other optional data is the
    // issuer's own. Numbers longer than the field (a CN ID's 18 digits) cannot be in it.
    if let (Some(number), Some(mrz_number)) = (
        facts.personal_number.as_deref().map(alnum),
        m.personal_number.as_deref(),
    ) && !number.is_empty()
        && number.len() <= 14
        && !in_mrz(m, &number)
    {
        out.push(mismatch(
            "document.personal_number",
            "mrz.mismatch.personal_number",
            [Arg::pii(mrz_number), Arg::pii(number)],
        ));
    }
}
