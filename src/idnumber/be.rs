//! Belgian national register number (rijksregisternummer / numéro de registre national).
//!
//! Authority: Law of 8 August 1983 on the National Register (FPS Home Affairs). `YYMMDDSSSCC`:
//! birth date (month/day may be 00 when unknown; BIS numbers add 20 or 40 to the month), serial
//! SSS (odd for men), check CC = 97 − (YYMMDDSSS mod 97); for births from 2000 the number is
//! prefixed with 2 before taking mod 97.

use chrono::{Datelike, NaiveDate};

use super::algo::{all_digits, born, date, digit_char, num};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const NN: Format = Format {
    name: "national number (BE)",
    strip: ".-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

/// The check value for the 9-digit body, for births before (false) or from 2000 (true).
pub fn check_value(body: &[u32], from_2000: bool) -> u32 {
    let n = body
        .iter()
        .fold(u64::from(from_2000) * 2, |acc, &x| acc * 10 + u64::from(x));
    97 - u32::try_from(n % 97).unwrap_or(0)
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    let body = d.get(..9).unwrap_or(&[]);
    let given = num(&d, 9, 11);
    let century = if check_value(body, false) == given {
        1900
    } else if check_value(body, true) == given {
        2000
    } else {
        // Report against the pre-2000 rule, digit by digit.
        let expected = check_value(body, false);
        return Err(if expected / 10 != num(&d, 9, 10) {
            IdProblem::Checksum {
                position: 10,
                expected: digit_char(expected / 10),
            }
        } else {
            IdProblem::Checksum {
                position: 11,
                expected: digit_char(expected % 10),
            }
        });
    };
    let (mm, dd) = (num(&d, 2, 4), num(&d, 4, 6));
    let (month, bis_unknown_sex) = match mm {
        20..=32 => (mm - 20, true),
        40..=52 => (mm - 40, false),
        _ => (mm, false),
    };
    if month > 12 {
        return Err(IdProblem::Part {
            rule: PartRule::Date,
            start: 1,
            end: 6,
        });
    }
    let year = century + i32::try_from(num(&d, 0, 2)).unwrap_or(0);
    // The check digits state the century: the post-2000 check on a year (or month) still to
    // come is a mistyped number, not a birth.
    if (year, month) > (today.year(), if month == 0 { 0 } else { today.month() }) {
        return Err(IdProblem::Part {
            rule: PartRule::FutureBirth,
            start: 1,
            end: 11,
        });
    }
    let mut decoded = Decoded::none();
    if month != 0 && dd != 0 {
        let birth = born(date(year, month, dd, (1, 6))?, today, (1, 11))?;
        decoded = decoded.dob(birth, (1, 6));
    }
    if !bis_unknown_sex {
        let sex = if num(&d, 6, 9) % 2 == 1 {
            Sex::M
        } else {
            Sex::F
        };
        decoded = decoded.sex(sex, 9);
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_decoded() {
        // 85.07.30-033.28: python-stdnum's be.nn example.
        let d = validate(&NN.clean("85.07.30-033.28"), test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1985, 7, 30));
        assert_eq!(d.sex, Some(Sex::M));
        // Born 2001-01-01: check uses the 2-prefix.
        let body = [0, 1, 0, 1, 0, 1, 0, 0, 2];
        let cc = check_value(&body, true);
        let s = format!("010101002{cc:02}");
        assert_eq!(
            validate(&s, test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(2001, 1, 1)
        );
        assert_eq!(validate(&s, test_today()).unwrap().sex, Some(Sex::F));
        assert!(matches!(
            validate("85073003329", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '8'
            })
        ));
        assert!(matches!(
            validate("85073003318", test_today()),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '2'
            })
        ));
    }
}
