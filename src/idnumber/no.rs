//! Norwegian national identity number (fødselsnummer) and D-number.
//!
//! Authority: Skatteetaten, Folkeregisterloven (2016) and its regulations. `DDMMYYIIIKK`:
//! birth date (D-numbers add 40 to the day; H-numbers add 40 to the month), individual number
//! III (000–499 → 1900–1999; 500–749 with YY ≥ 54 → 1854–1899; 500–999 with YY < 40 → 2000–2039;
//! 900–999 with YY ≥ 40 → 1940–1999), its last digit odd for men; two mod-11 check digits with
//! weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2 (k = 11 − sum mod 11, 11 → 0, 10 invalid).

use chrono::NaiveDate;

use super::algo::{all_digits, at, born, date, digit_char, expect_char, num, weighted};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const FNR: Format = Format {
    name: "fødselsnummer",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

/// k = 11 − Σ mod 11 (11 → 0); 10 means no valid check digit.
pub fn check_value(d: &[u32], weights: &[u32]) -> u32 {
    (11 - weighted(d, weights) % 11) % 11
}

const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    let k1 = check_value(&d, &W1);
    if k1 == 10 {
        return Err(IdProblem::Part {
            rule: PartRule::NoValidCheck,
            start: 1,
            end: 9,
        });
    }
    expect_char(s, 10, digit_char(k1))?;
    let k2 = check_value(&d, &W2);
    if k2 == 10 {
        return Err(IdProblem::Part {
            rule: PartRule::NoValidCheck,
            start: 1,
            end: 10,
        });
    }
    expect_char(s, 11, digit_char(k2))?;
    let (dd, mm, yy, ind) = (num(&d, 0, 2), num(&d, 2, 4), num(&d, 4, 6), num(&d, 6, 9));
    let day = if dd > 40 { dd - 40 } else { dd };
    let month = if mm > 40 { mm - 40 } else { mm };
    let century = match (ind, yy) {
        (0..=499, _) => 1900,
        (500..=749, 54..) => 1800,
        (500.., ..=39) => 2000,
        (900.., 40..) => 1900,
        _ => {
            return Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 7,
                end: 9,
            });
        }
    };
    let year = century + i32::try_from(yy).unwrap_or(0);
    let birth = born(date(year, month, day, (1, 6))?, today, (1, 9))?;
    let sex = if at(&d, 8) % 2 == 1 { Sex::M } else { Sex::F };
    Ok(Decoded::none().dob(birth, (1, 6)).sex(sex, 9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_decoded() {
        let d = validate("01010750160", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(2007, 1, 1));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("01010750170", test_today()),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '6'
            })
        );
        assert!(matches!(
            validate("01010750161", test_today()),
            Err(IdProblem::Checksum { position: 11, .. })
        ));
    }
}
