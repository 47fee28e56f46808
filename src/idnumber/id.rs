//! Indonesian population identification number (NIK, Nomor Induk Kependudukan).
//!
//! Authority: Law 24/2013 on Population Administration; Dukcapil (Ministry of Home Affairs).
//! 16 digits: province (2), regency/city (2), district (2), birth date DDMMYY with 40 added to
//! the day for women, and a 4-digit serial. No check digit. The province is the first two
//! digits of the Ministry of Home Affairs (Kemendagri) area code, the coding Dukcapil issues NIKs
//! in (not the BPS statistical codes, which differ in Papua): Kepmendagri 100.1.1-6117/2022 lists
//! 38 provinces: 11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82 and, after the 2022 Papua splits,
//! 91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua
//! Barat Daya. 97–99 are not provinces. Regency/district codes are not checked: they change with
//! every new regency and no maintained list ships with the tool.

use chrono::NaiveDate;

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

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[16])?;
    if !matches!(num(&d, 0, 2), 11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81..=82 | 91..=96)
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
    let birth = date_yy(num(&d, 10, 12), num(&d, 8, 10), day, (7, 12), today)?;
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
    use crate::idnumber::algo::test_today;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn decode() {
        let d = validate("3171015208900001", test_today()).unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (90, 8, 12));
        assert_eq!(d.sex, Some(Sex::F));
        let d = validate("3171011208900001", test_today()).unwrap();
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("3171013208900001", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 7,
                end: 12
            })
        );
        assert_eq!(
            validate("0171011208900001", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                start: 1,
                end: 2
            })
        );
        // Papua Barat Daya (96, 2022) exists; 97–99 do not.
        assert!(validate("9601011208900001", test_today()).is_ok());
        for province in ["97", "98", "99"] {
            assert_eq!(
                validate(&format!("{province}71011208900001"), test_today()),
                Err(IdProblem::Part {
                    rule: PartRule::Region,
                    start: 1,
                    end: 2
                })
            );
        }
        // YY 90 read in 2026: 1990, not 2090.
        assert_eq!(
            NaiveDate::from_ymd_opt(1990, 8, 12),
            validate("3171011208900001", test_today())
                .unwrap()
                .birth_date
        );
    }
}
