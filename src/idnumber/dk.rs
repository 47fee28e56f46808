//! Danish CPR number (personnummer).
//!
//! Authority: CPR-kontoret (Lov om Det Centrale Personregister). `DDMMYY-SSSS`: birth date; the
//! 7th digit with YY gives the century (0–3: 1900s; 4 and 9: 2000s if YY ≤ 36 else 1900s;
//! 5–8: 2000s if YY ≤ 57 else 1800s); the last digit is odd for men. The mod-11 check was
//! dropped in 2007 (numbers without it are issued), so it is not checked.

use chrono::NaiveDate;

use super::algo::{all_digits, at, born, date, num};
use super::{Decoded, Format, IdProblem};
use crate::profile::Sex;

pub const CPR: Format = Format {
    name: "CPR",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 10
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[10])?;
    let yy = num(&d, 4, 6);
    let century = match (at(&d, 6), yy) {
        (0..=3, _) => 1900,
        (4 | 9, ..=36) => 2000,
        (4 | 9, _) => 1900,
        (_, ..=57) => 2000,
        _ => 1800,
    };
    let year = century + i32::try_from(yy).unwrap_or(0);
    let birth = born(
        date(year, num(&d, 2, 4), num(&d, 0, 2), (1, 6))?,
        today,
        (1, 7),
    )?;
    let sex = if at(&d, 9) % 2 == 1 { Sex::M } else { Sex::F };
    Ok(Decoded::none().dob(birth, (1, 6)).sex(sex, 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn decode() {
        // 211062-5629: python-stdnum's dk.cpr example; 7th digit 5 with YY 62 → 1800s.
        let d = validate("2110625629", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1862, 10, 21));
        assert_eq!(
            validate("2110621629", test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(1962, 10, 21)
        );
        assert_eq!(d.sex, Some(Sex::M));
        // 7th digit 4 with YY 30 is 2030: not born yet on 2026-11-22, so malformed; by 2030 fine.
        assert_eq!(
            validate("0101304000", test_today()),
            Err(IdProblem::Part {
                rule: super::super::PartRule::FutureBirth,
                start: 1,
                end: 7
            })
        );
        assert_eq!(
            validate("0101304000", NaiveDate::from_ymd_opt(2030, 1, 1).unwrap())
                .unwrap()
                .birth_date,
            NaiveDate::from_ymd_opt(2030, 1, 1)
        );
        assert_eq!(
            validate("0101585000", test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(1858, 1, 1)
        );
        assert!(matches!(
            validate("3102625629", test_today()),
            Err(IdProblem::Part { .. })
        ));
        // Failing the old mod-11 test is not an error.
        assert!(validate("2110625620", test_today()).is_ok());
    }
}
