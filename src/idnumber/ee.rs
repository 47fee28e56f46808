//! Estonian personal identification code (isikukood).
//!
//! Authority: Population Register Act; standard EVS 585:2007. `GYYMMDDSSSC`: G gives century
//! and sex (1/2: 1800s M/F, 3/4: 1900s, 5/6: 2000s, 7/8: 2100s); C: weights 1…9,1 mod 11; if the
//! remainder is 10, weights 3…9,1,2,3 mod 11; if again 10, C = 0.

use chrono::NaiveDate;

use super::algo::{all_digits, at, born, date, digit_char, expect_char, num, weighted};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const IK: Format = Format {
    name: "isikukood",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

pub fn check_digit(body: &[u32]) -> u32 {
    let r = weighted(body, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
    if r < 10 {
        return r;
    }
    let r = weighted(body, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
    if r < 10 { r } else { 0 }
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    let g = at(&d, 0);
    if !(1..=8).contains(&g) {
        return Err(IdProblem::Part {
            rule: PartRule::CenturySex,
            start: 1,
            end: 1,
        });
    }
    let century = 1800 + 100 * i32::try_from((g - 1) / 2).unwrap_or(0);
    let year = century + i32::try_from(num(&d, 1, 3)).unwrap_or(0);
    let birth = born(
        date(year, num(&d, 3, 5), num(&d, 5, 7), (2, 7))?,
        today,
        (1, 7),
    )?;
    expect_char(s, 11, digit_char(check_digit(d.get(..10).unwrap_or(&[]))))?;
    let sex = if g % 2 == 1 { Sex::M } else { Sex::F };
    Ok(Decoded::none().dob(birth, (2, 7)).sex(sex, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_decoded() {
        // 36805280109: python-stdnum's ee.ik example.
        let d = validate("36805280109", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1968, 5, 28));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("36805280108", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '9'
            })
        );
        assert_eq!(
            validate("96805280109", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 1,
                end: 1
            })
        );
    }
}
