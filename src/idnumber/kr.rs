//! South Korean resident registration number (주민등록번호) and foreigner registration number.
//!
//! Authority: Resident Registration Act (주민등록법), Ministry of the Interior and Safety.
//! `YYMMDD-SBBBBBC`: birth date; S gives century and sex (9/0: 1800s M/F, 1/2: 1900s, 3/4:
//! 2000s; 5/6 and 7/8 the same for foreign residents of the 1900s/2000s); C was a check digit:
//! weights 2…9,2…5 over the first 12 digits, C = (11 − sum mod 11) mod 10.
//! Since October 2020 the six digits after S are assigned at random and there is no check digit,
//! so a mismatch is only a warning (and not checked at all for births from October 2020).
//! A birth date after `today` (e.g. a 7th digit 3 with year 52: 2052) is malformed.

use chrono::NaiveDate;

#[cfg(test)]
use super::PartRule;
use super::algo::{all_digits, at, born, date, digit_char, num, weighted};
use super::{Decoded, Format, IdProblem};
use crate::profile::Sex;

pub const RRN: Format = Format {
    name: "RRN (주민등록번호)",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 13
}

/// The pre-2020 check digit for the first 12 digits.
pub fn check_digit(body: &[u32]) -> u32 {
    (11 - weighted(body, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[13])?;
    let (century, sex) = match at(&d, 6) {
        9 => (1800, Sex::M),
        0 => (1800, Sex::F),
        1 | 5 => (1900, Sex::M),
        2 | 6 => (1900, Sex::F),
        3 | 7 => (2000, Sex::M),
        _ => (2000, Sex::F),
    };
    let year = century + i32::try_from(num(&d, 0, 2)).unwrap_or(0);
    let birth = date(year, num(&d, 2, 4), num(&d, 4, 6), (1, 6))?;
    // The 7th digit states the century: a birth after today means a mistyped digit.
    let birth = born(birth, today, (1, 7))?;
    let reform = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap_or(NaiveDate::MIN);
    let expected = check_digit(d.get(..12).unwrap_or(&[]));
    if birth < reform && at(&d, 12) != expected {
        return Err(IdProblem::ChecksumUnsure {
            position: 13,
            expected: digit_char(expected),
        });
    }
    Ok(Decoded::none().dob(birth, (1, 6)).sex(sex, 7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn decode_and_check() {
        // 971013-9019902 is python-stdnum's kr.rrn example (1800s male, valid check digit).
        assert!(validate("9710139019902", test_today()).is_ok());
        let d = validate("8001011234560", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1980, 1, 1));
        assert_eq!(d.sex, Some(Sex::M));
        assert!(matches!(
            validate("8001011234567", test_today()),
            Err(IdProblem::ChecksumUnsure { position: 13, .. })
        ));
        // Born after the October 2020 reform: random digits, no check digit.
        let d = validate("2011013123456", test_today()).unwrap();
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(2020, 11, 1));
        // 2052 (7th digit 3: the 2000s) has not happened yet.
        assert_eq!(
            validate("5201013123456", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::FutureBirth,
                start: 1,
                end: 7
            })
        );
        assert_eq!(
            validate("8013011234560", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 1,
                end: 6
            })
        );
    }
}
