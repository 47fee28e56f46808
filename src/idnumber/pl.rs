//! Polish PESEL (Powszechny Elektroniczny System Ewidencji Ludności).
//!
//! Authority: Act on Population Register (Ustawa o ewidencji ludności, 2010), Ministry of
//! Digital Affairs. 11 digits: YYMMDD with the century in the month (+80 for 1800s, +0 1900s,
//! +20 2000s, +40 2100s, +60 2200s), 3-digit serial, sex digit (odd men, even women), check
//! digit: (10 − Σ dᵢ·wᵢ mod 10) mod 10 with weights 1 3 7 9 1 3 7 9 1 3.

use chrono::NaiveDate;

use super::algo::{all_digits, at, born, date, digit_char, expect_char, num, weighted};
use super::{Decoded, Format, IdProblem};
use crate::profile::Sex;

pub const PESEL: Format = Format {
    name: "PESEL",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

pub fn check_digit(body: &[u32]) -> u32 {
    (10 - weighted(body, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    let mm = num(&d, 2, 4);
    let (century, month) = match mm {
        81..=92 => (1800, mm - 80),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        _ => (1900, mm),
    };
    let year = century + i32::try_from(num(&d, 0, 2)).unwrap_or(0);
    let birth = born(date(year, month, num(&d, 4, 6), (1, 6))?, today, (1, 6))?;
    expect_char(s, 11, digit_char(check_digit(d.get(..10).unwrap_or(&[]))))?;
    let sex = if at(&d, 9) % 2 == 1 { Sex::M } else { Sex::F };
    Ok(Decoded::none().dob(birth, (1, 6)).sex(sex, 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_decoded() {
        let d = validate("44051401359", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1944, 5, 14));
        assert_eq!(d.sex, Some(Sex::M));
        // 2000s: month + 20.
        let body = [0, 2, 2, 7, 0, 3, 1, 2, 3, 4];
        let s: String = body
            .iter()
            .map(|&x| digit_char(x))
            .chain([digit_char(check_digit(&body))])
            .collect();
        let d = validate(&s, test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(2002, 7, 3));
        assert_eq!(d.sex, Some(Sex::F));
        assert_eq!(
            validate("44051401358", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '9'
            })
        );
        assert!(matches!(
            validate("44133101359", test_today()),
            Err(IdProblem::Part { .. })
        ));
    }
}
