//! National identity-number validators: does the number the user typed have the shape, check
//! digit and embedded data (birth date, sex) that the issuing country's rules require?
//!
//! Flow: pick the formats by `document.country` and `document.type` ([`plan`]), normalise the
//! input (trim, NFKC so full-width digits from CJK input methods become ASCII, upper-case, drop
//! the separators the format allows), run the format's validator (one module per country, each
//! naming its authority), turn an [`IdProblem`] into a finding, and compare the decoded birth
//! date and sex with the profile. Passports get ICAO 9303 character rules plus well-known
//! per-country shapes; their MRZ check digit is verified by the MRZ module.
//!
//! Where a country has no validator for a document type we report nothing: no guessing.

mod algo;
mod ar;
mod be;
mod br;
mod ca;
mod cl;
mod cn;
mod dk;
mod ee;
mod es;
mod fi;
mod fr;
mod gb;
mod hk;
mod id;
mod in_;
mod it;
mod kr;
mod mo;
mod mx;
mod my;
mod nl;
mod no;
mod passport;
mod pl;
mod se;
mod sg;
mod th;
mod tr;
mod tw;
mod us;
mod za;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::checks::Facts;
use crate::codes::Code;
use crate::finding::{Arg, Finding, Severity, Subject};
use crate::profile::Sex;

/// What a valid number says about its holder. Spans and positions are 1-based, inclusive,
/// counted in the normalised number (separators removed), for messages such as "characters 7–14".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decoded {
    pub birth_date: Option<NaiveDate>,
    /// How much of `birth_date` the number really encodes (many formats omit the century).
    pub precision: Precision,
    pub dob_span: (usize, usize),
    pub sex: Option<Sex>,
    pub sex_position: usize,
}

impl Decoded {
    pub fn none() -> Decoded {
        Decoded::default()
    }
    pub fn dob(mut self, date: NaiveDate, span: (usize, usize)) -> Decoded {
        self.birth_date = Some(date);
        self.dob_span = span;
        self
    }
    /// A birth date whose century the number does not say: only year mod 100, month, day count.
    pub fn dob_yy(mut self, date: NaiveDate, span: (usize, usize)) -> Decoded {
        self.birth_date = Some(date);
        self.precision = Precision::TwoDigitYear;
        self.dob_span = span;
        self
    }
    pub fn sex(mut self, sex: Sex, position: usize) -> Decoded {
        self.sex = Some(sex);
        self.sex_position = position;
        self
    }
}

/// How much of the birth date a number encodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    #[default]
    Full,
    /// YYMMDD: the century is not encoded.
    TwoDigitYear,
    /// YYMM only (FR NIR).
    YearMonth,
}

/// Which structural part of a number is impossible. Each has its own sentence in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartRule {
    /// Characters that encode a birth date do not form a real date.
    Date,
    /// A region, province, state or place-of-birth code that is not issued.
    Region,
    /// The leading letter(s) or digit are not one the issuer uses.
    Prefix,
    /// The century / sex / type digit has a value the format does not define.
    CenturySex,
    /// A block of the number that the issuer never uses (e.g. SSN area 000, all-zero serial).
    Reserved,
    /// Every digit the same (e.g. CPF 111.111.111-11): passes the check digits but never issued.
    Repeated,
    /// No check digit can make these characters valid (mod 11 remainder 10), so one is mistyped.
    NoValidCheck,
    /// The encoded birth date (or the century marker that places it) is after today: no one
    /// holds a number for a birth that has not happened, so a digit is mistyped.
    FutureBirth,
}

/// Why a number was obsoleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Obsolete {
    /// The PRC's 15-digit ID number (first-generation cards, replaced by 18 digits from 1999).
    Cn15,
}

/// What is wrong with a number. Positions are 1-based in the normalised number.
#[derive(Clone, Debug, PartialEq)]
pub enum IdProblem {
    Length {
        expected: String,
        found: usize,
    },
    Character {
        position: usize,
        found: char,
        allowed: String,
    },
    Checksum {
        position: usize,
        expected: char,
    },
    /// A check-digit mismatch that can be legitimate (KR numbers issued since October 2020).
    ChecksumUnsure {
        position: usize,
        expected: char,
    },
    Part {
        rule: PartRule,
        start: usize,
        end: usize,
    },
    Obsolete {
        kind: Obsolete,
    },
    /// None of the country's formats fits; `expected` lists them (language-neutral notation).
    Unrecognised {
        expected: &'static str,
    },
}

/// One number format.
pub struct Format {
    /// Short, language-neutral name shown in messages (proper nouns: "HKID", "PESEL"…).
    pub name: &'static str,
    /// Separator characters people type and the format allows to drop.
    pub strip: &'static str,
    /// Loose recogniser: is this (normalised, stripped) value meant to be this format?
    pub looks_like: fn(&str) -> bool,
    /// Validate the cleaned value; `today` bounds the embedded birth date and picks the century
    /// of a two-digit year.
    pub validate: fn(&str, NaiveDate) -> Result<Decoded, IdProblem>,
}

impl Format {
    fn clean(&self, s: &str) -> String {
        s.chars().filter(|c| !self.strip.contains(*c)).collect()
    }
}

/// How `document.number` is treated for a country and document type.
enum Plan {
    /// The number *is* a personal number of one of these formats (first = the card's usual one):
    /// validate with the format it looks like, else with the first.
    Strict(&'static [&'static Format]),
    /// The number is the card's own serial; validate only when it looks like one of these.
    Recognise(&'static [&'static Format]),
    /// Passport number: ICAO 9303 characters plus per-country shapes.
    Passport,
    /// No validator: report nothing.
    Skip,
}

/// The formats of a country's personal identification number (first = most common).
fn personal_formats(country: &str) -> &'static [&'static Format] {
    match country {
        "CN" => &[&cn::RIC],
        "HK" => &[&hk::HKID],
        "TW" => &[&tw::ID],
        "MO" => &[&mo::BIR],
        "SG" => &[&sg::NRIC],
        "MY" => &[&my::NRIC],
        "KR" => &[&kr::RRN],
        "IN" => &[&in_::AADHAAR, &in_::PAN],
        "ID" => &[&id::NIK],
        "TH" => &[&th::PIN],
        "TR" => &[&tr::TCKN],
        "BR" => &[&br::CPF],
        "MX" => &[&mx::CURP],
        "AR" => &[&ar::DNI, &ar::CUIT],
        "CL" => &[&cl::RUT],
        "US" => &[&us::SSN],
        "CA" => &[&ca::SIN],
        "ES" => &[&es::DNI, &es::NIE],
        "IT" => &[&it::CF],
        "PL" => &[&pl::PESEL],
        "SE" => &[&se::PNR],
        "FI" => &[&fi::HETU],
        "NO" => &[&no::FNR],
        "DK" => &[&dk::CPR],
        "EE" => &[&ee::IK],
        "BE" => &[&be::NN],
        "NL" => &[&nl::BSN],
        "FR" => &[&fr::NIR],
        "GB" => &[&gb::NINO],
        "ZA" => &[&za::ID],
        _ => &[],
    }
}

fn plan(country: &str, doc_type: &str) -> Plan {
    let personal = personal_formats(country);
    match doc_type {
        "passport" => Plan::Passport,
        "national_id" => match country {
            // The card's number is the holder's personal number.
            "CN" | "HK" | "TW" | "MO" | "SG" | "MY" | "KR" | "IN" | "ID" | "TH" | "TR" | "AR"
            | "CL" | "ES" | "PL" | "ZA" => Plan::Strict(personal),
            _ if personal.is_empty() => Plan::Skip,
            // Elsewhere the card has its own serial; check it only when it is the personal number.
            _ => Plan::Recognise(personal),
        },
        "residence_permit" => match country {
            // SG FIN, HK HKID, KR alien registration number, TW UI number, ES TIE (NIE).
            "SG" | "HK" | "KR" | "TW" => Plan::Strict(personal),
            "ES" => Plan::Strict(&[&es::NIE, &es::DNI]),
            // CN: residence permits of HK/Macau/Taiwan residents use 81/82/83 resident-ID numbers;
            // the 2023 foreigners' permanent residence card (starting with 9) is not checked.
            _ if personal.is_empty() => Plan::Skip,
            _ => Plan::Recognise(personal),
        },
        "driving_licence" => match country {
            // These countries print the holder's ID number as the licence number.
            "CN" | "TW" | "ES" => Plan::Recognise(personal),
            _ => Plan::Skip,
        },
        _ => Plan::Skip,
    }
}

/// Trim, NFKC (full-width ＡＢＣ１２３ → ABC123), upper-case, drop whitespace inside.
pub fn normalise(s: &str) -> String {
    s.trim()
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Every national number format under a stable key (`CC-NAME`): the reference-vector tests
/// (`tests/vectors.rs`) address formats by these keys.
pub const FORMATS: &[(&str, &Format)] = &[
    ("CN-RIC", &cn::RIC),
    ("HK-HKID", &hk::HKID),
    ("TW-ID", &tw::ID),
    ("MO-BIR", &mo::BIR),
    ("SG-NRIC", &sg::NRIC),
    ("MY-NRIC", &my::NRIC),
    ("KR-RRN", &kr::RRN),
    ("IN-AADHAAR", &in_::AADHAAR),
    ("IN-PAN", &in_::PAN),
    ("ID-NIK", &id::NIK),
    ("TH-PIN", &th::PIN),
    ("TR-TCKN", &tr::TCKN),
    ("BR-CPF", &br::CPF),
    ("MX-CURP", &mx::CURP),
    ("AR-DNI", &ar::DNI),
    ("AR-CUIT", &ar::CUIT),
    ("CL-RUT", &cl::RUT),
    ("US-SSN", &us::SSN),
    ("CA-SIN", &ca::SIN),
    ("ES-DNI", &es::DNI),
    ("ES-NIE", &es::NIE),
    ("IT-CF", &it::CF),
    ("PL-PESEL", &pl::PESEL),
    ("SE-PNR", &se::PNR),
    ("FI-HETU", &fi::HETU),
    ("NO-FNR", &no::FNR),
    ("DK-CPR", &dk::CPR),
    ("EE-IK", &ee::IK),
    ("BE-NN", &be::NN),
    ("NL-BSN", &nl::BSN),
    ("FR-NIR", &fr::NIR),
    ("GB-NINO", &gb::NINO),
    ("ZA-ID", &za::ID),
];

/// Validate `raw` (as a user would type it) with the format `key` of [`FORMATS`]: normalised
/// and cleaned exactly as `check` does. `None` for an unknown key.
pub fn validate_as(key: &str, raw: &str, today: NaiveDate) -> Option<Result<Decoded, IdProblem>> {
    let (_, format) = FORMATS.iter().find(|(k, _)| *k == key)?;
    Some((format.validate)(&format.clean(&normalise(raw)), today))
}

/// The passport-number rules for `country` (alpha-2) on `raw` as typed, as `check` applies them.
pub fn validate_passport(country: &str, raw: &str) -> Result<(), (&'static str, IdProblem)> {
    passport::validate(country, &normalise(raw))
}

/// Validate the profile's ID numbers against the issuing country's rules. `today` bounds the
/// birth dates numbers encode: a number whose birth date is after it is malformed.
pub fn check(facts: &Facts, today: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(country) = facts.document_country else {
        return findings;
    };
    let doc_type = facts.document_type.as_deref().unwrap_or("");
    if let Some(number) = facts.document_number.as_deref() {
        let value = normalise(number);
        if !value.is_empty() {
            match plan(country, doc_type) {
                Plan::Strict(formats) => run(
                    formats,
                    &value,
                    true,
                    "document.number",
                    (facts, today),
                    &mut findings,
                ),
                Plan::Recognise(formats) => run(
                    formats,
                    &value,
                    false,
                    "document.number",
                    (facts, today),
                    &mut findings,
                ),
                Plan::Passport => {
                    if let Err((name, problem)) = passport::validate(country, &value) {
                        findings.push(problem_finding(name, "document.number", &problem));
                    }
                }
                Plan::Skip => {}
            }
        }
    }
    if let Some(number) = facts.personal_number.as_deref() {
        let value = normalise(number);
        let formats = personal_formats(country);
        if !value.is_empty() && !formats.is_empty() {
            run(
                formats,
                &value,
                true,
                "document.personal_number",
                (facts, today),
                &mut findings,
            );
        }
    }
    findings
}

fn run(
    formats: &[&Format],
    value: &str,
    strict: bool,
    field: &str,
    (facts, today): (&Facts, NaiveDate),
    out: &mut Vec<Finding>,
) {
    let chosen = formats.iter().find(|f| (f.looks_like)(&f.clean(value)));
    let format = match (chosen, strict) {
        (Some(f), _) => *f,
        (None, false) => return,
        (None, true) => match formats {
            [only] => *only,
            [first, ..] => {
                // Several formats and none fits: say which ones were expected.
                let expected = unrecognised_hint(first.name);
                out.push(problem_finding(
                    first.name,
                    field,
                    &IdProblem::Unrecognised { expected },
                ));
                return;
            }
            [] => return,
        },
    };
    match (format.validate)(&format.clean(value), today) {
        Err(problem) => out.push(problem_finding(format.name, field, &problem)),
        Ok(decoded) => compare(format.name, field, &decoded, facts, out),
    }
}

/// What to list when a country has several formats and the value fits none of them.
fn unrecognised_hint(first: &str) -> &'static str {
    match first {
        "Aadhaar" => "Aadhaar: 12 digits · PAN: AAAAA9999A",
        "DNI (AR)" => "DNI: 7–8 digits · CUIT/CUIL: 11 digits",
        "DNI (ES)" => "DNI: 99999999A · NIE: X/Y/Z + 7 digits + letter",
        "NIE" => "NIE: X/Y/Z + 7 digits + letter · DNI: 99999999A",
        _ => "?",
    }
}

fn finding(code: Code, field: &str) -> Finding {
    Finding::new(code, Subject::Profile).field(field)
}

fn int(n: usize) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The finding for one problem. Never carries the number itself, only which part is wrong.
pub fn problem_finding(name: &str, field: &str, problem: &IdProblem) -> Finding {
    let fmt = Arg::text(name);
    match problem {
        IdProblem::Length { expected, found } => finding(Code::IdNumberFormat, field).detail(
            "idnum.length",
            [fmt, int(*found), Arg::text(expected.clone())],
        ),
        IdProblem::Character {
            position,
            found,
            allowed,
        } => finding(Code::IdNumberFormat, field).detail(
            "idnum.character",
            [
                fmt,
                int(*position),
                Arg::text(found.to_string()),
                Arg::text(allowed.clone()),
            ],
        ),
        IdProblem::Checksum { position, expected } => finding(Code::IdNumberChecksum, field)
            .detail(
                "idnum.checksum",
                [fmt, int(*position), Arg::text(expected.to_string())],
            ),
        IdProblem::ChecksumUnsure { position, expected } => finding(Code::IdNumberChecksum, field)
            .severity(Severity::Warn)
            .detail(
                "idnum.checksum_kr",
                [fmt, int(*position), Arg::text(expected.to_string())],
            ),
        IdProblem::Part { rule, start, end } => {
            let key = match rule {
                PartRule::Date => "idnum.part_date",
                PartRule::Region => "idnum.part_region",
                PartRule::Prefix => "idnum.part_prefix",
                PartRule::CenturySex => "idnum.part_century_sex",
                PartRule::Reserved => "idnum.part_reserved",
                PartRule::Repeated => "idnum.part_repeated",
                PartRule::NoValidCheck => "idnum.part_no_check",
                PartRule::FutureBirth => "idnum.part_future_birth",
            };
            // No digit completes a mod-11 check: the check failed, whichever digit is wrong.
            let code = if *rule == PartRule::NoValidCheck {
                Code::IdNumberChecksum
            } else {
                Code::IdNumberFormat
            };
            finding(code, field).detail(key, [fmt, span_arg((*start, *end))])
        }
        IdProblem::Obsolete { kind } => match kind {
            Obsolete::Cn15 => {
                finding(Code::IdNumberFormat, field).detail("idnum.obsolete_cn15", [fmt])
            }
        },
        IdProblem::Unrecognised { expected } => finding(Code::IdNumberFormat, field)
            .detail("idnum.unrecognised", [Arg::text(*expected)]),
    }
}

fn span_arg(span: (usize, usize)) -> Arg {
    if span.0 == span.1 {
        Arg::text(span.0.to_string())
    } else {
        Arg::text(format!("{}–{}", span.0, span.1))
    }
}

fn same_date(encoded: NaiveDate, dob: NaiveDate, precision: Precision) -> bool {
    use chrono::Datelike;
    match precision {
        Precision::Full => encoded == dob,
        Precision::TwoDigitYear => {
            encoded.year().rem_euclid(100) == dob.year().rem_euclid(100)
                && encoded.month() == dob.month()
                && encoded.day() == dob.day()
        }
        Precision::YearMonth => {
            encoded.year().rem_euclid(100) == dob.year().rem_euclid(100)
                && encoded.month() == dob.month()
        }
    }
}

/// The encoded date as the number says it: YYMMDD formats show no century.
fn show_date(date: NaiveDate, precision: Precision) -> String {
    match precision {
        Precision::Full => date.format("%Y-%m-%d").to_string(),
        Precision::TwoDigitYear => format!("{} (YY-MM-DD)", date.format("%y-%m-%d")),
        Precision::YearMonth => format!("{} (YY-MM)", date.format("%y-%m")),
    }
}

/// Compare what the number encodes with the profile's date of birth and sex.
fn compare(name: &str, field: &str, decoded: &Decoded, facts: &Facts, out: &mut Vec<Finding>) {
    if let (Some(encoded), Some(dob)) = (decoded.birth_date, facts.date_of_birth)
        && !same_date(encoded, dob, decoded.precision)
    {
        out.push(finding(Code::IdNumberDobMismatch, field).detail(
            "idnum.dob_mismatch",
            [
                Arg::text(name),
                span_arg(decoded.dob_span),
                Arg::text(show_date(encoded, decoded.precision)),
                Arg::text(dob.format("%Y-%m-%d").to_string()),
            ],
        ));
    }
    if let (Some(encoded), Some(sex)) = (decoded.sex, facts.sex)
        && sex != Sex::X
        && encoded != sex
    {
        out.push(finding(Code::IdNumberSexMismatch, field).detail(
            "idnum.sex_mismatch",
            [
                Arg::text(name),
                int(decoded.sex_position),
                Arg::text(encoded.as_str()),
                Arg::text(sex.as_str()),
            ],
        ));
    }
}

#[cfg(test)]
mod tests;
