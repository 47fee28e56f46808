//! Malaysian MyKad identity card number (NRIC, nombor kad pengenalan).
//!
//! Authority: National Registration Department (JPN). `YYMMDD-PB-###G`: birth date (century not
//! encoded), a two-digit place-of-birth code (01–16 and 21–59 states, 82 unknown state, 60–68,
//! 71–72, 74–79, 83–93 foreign countries/regions, 98 stateless, 99 other; the code list as
//! published by JPN and used by python-stdnum `my.bp`), a serial, and a last digit that is odd
//! for men, even for women. No check digit.

use chrono::NaiveDate;

use super::algo::{all_digits, at, date_yy, num};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const NRIC: Format = Format {
    name: "MyKad NRIC",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 12
}

fn place_ok(code: u32) -> bool {
    matches!(code, 1..=16 | 21..=59 | 60..=68 | 71..=72 | 74..=79 | 82..=93 | 98 | 99)
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[12])?;
    let birth = date_yy(num(&d, 0, 2), num(&d, 2, 4), num(&d, 4, 6), (1, 6), today)?;
    if !place_ok(num(&d, 6, 8)) {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 7,
            end: 8,
        });
    }
    let sex = if at(&d, 11) % 2 == 1 { Sex::M } else { Sex::F };
    Ok(Decoded::none().dob_yy(birth, (1, 6)).sex(sex, 12))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn decode() {
        let d = validate(&NRIC.clean("770305-02-1235"), test_today()).unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (77, 3, 5));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("770305021234", test_today()).unwrap().sex,
            Some(Sex::F)
        );
        assert_eq!(
            validate("770305171234", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                start: 7,
                end: 8
            })
        );
        assert_eq!(
            validate("771305021234", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 1,
                end: 6
            })
        );
        // 29 February 2000 is real even though 1900 was not a leap year.
        assert_eq!(
            validate("000229141234", test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(2000, 2, 29)
        );
    }
}
