//! South African identity number.
//!
//! Authority: Department of Home Affairs, Identification Act 68 of 1997. `YYMMDDSSSSCAZ`:
//! birth date (century not encoded), SSSS gender sequence (0000–4999 women, 5000–9999 men),
//! C citizenship (0 citizen, 1 permanent resident, 2 refugee), A (formerly race, now 8 or 9),
//! Z a Luhn check digit.

use chrono::NaiveDate;

use super::algo::{all_digits, at, date_yy, digit_char, expect_char, luhn_digit, num};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const ID: Format = Format {
    name: "SA ID",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 13
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[13])?;
    let birth = date_yy(num(&d, 0, 2), num(&d, 2, 4), num(&d, 4, 6), (1, 6), today)?;
    if at(&d, 10) > 2 {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 11,
            end: 11,
        });
    }
    expect_char(s, 13, digit_char(luhn_digit(d.get(..12).unwrap_or(&[]))))?;
    let sex = if num(&d, 6, 10) >= 5000 {
        Sex::M
    } else {
        Sex::F
    };
    Ok(Decoded::none().dob_yy(birth, (1, 6)).sex(sex, 7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::Datelike;

    #[test]
    fn valid_and_decoded() {
        let d = validate("8001015009087", test_today()).unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (80, 1, 1));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("8001015009088", test_today()),
            Err(IdProblem::Checksum {
                position: 13,
                expected: '7'
            })
        );
        assert_eq!(
            validate("8001015009387", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 11,
                end: 11
            })
        );
    }
}
