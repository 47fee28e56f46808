//! Indonesian population identification number (NIK, Nomor Induk Kependudukan).
//!
//! Authority: Law 24/2013 on Population Administration; Dukcapil (Ministry of Home Affairs).
//! 16 digits: province (2), regency/city (2), district (2), birth date DDMMYY with 40 added to
//! the day for women, and a 4-digit serial. No check digit. Province codes per Permendagri on
//! administrative area codes (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–99 for Papua).

use super::algo::{all_digits, date_yy, num};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const NIK: Format = Format {
    name: "NIK",
    strip: "-.",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 16
}

fn validate(s: &str) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[16])?;
    if !matches!(num(&d, 0, 2), 11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81..=82 | 91..=99)
    {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 1,
            end: 2,
        });
    }
    let day = num(&d, 6, 8);
    let (day, sex) = if day > 40 {
        (day - 40, Sex::F)
    } else {
        (day, Sex::M)
    };
    let birth = date_yy(num(&d, 10, 12), num(&d, 8, 10), day, (7, 12))?;
    if num(&d, 12, 16) == 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 13,
            end: 16,
        });
    }
    Ok(Decoded::none().dob_yy(birth, (7, 12)).sex(sex, 7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn decode() {
        let d = validate("3171015208900001").unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (90, 8, 12));
        assert_eq!(d.sex, Some(Sex::F));
        let d = validate("3171011208900001").unwrap();
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("3171013208900001"),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 7,
                end: 12
            })
        );
        assert_eq!(
            validate("0171011208900001"),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                start: 1,
                end: 2
            })
        );
        assert_eq!(
            NaiveDate::from_ymd_opt(2090, 8, 12),
            validate("3171011208900001").unwrap().birth_date
        );
    }
}
