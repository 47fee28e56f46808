//! Turkish identification number (T.C. Kimlik No).
//!
//! Authority: Population and Citizenship Affairs (NVİ), Law 5490. 11 digits, the first not 0;
//! d10 = (7·(d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10; d11 = (d1+…+d10) mod 10.

use chrono::NaiveDate;

use super::algo::{all_digits, at, digit_char, expect_char};
use super::{Decoded, Format, IdProblem, PartRule};

pub const TCKN: Format = Format {
    name: "T.C. Kimlik No",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

/// The two check digits for the first 9 digits (d11 computed with the given d10).
pub fn check_digits(d: &[u32]) -> (u32, u32) {
    let odd: i64 = [0, 2, 4, 6, 8].iter().map(|&i| i64::from(at(d, i))).sum();
    let even: i64 = [1, 3, 5, 7].iter().map(|&i| i64::from(at(d, i))).sum();
    let d10 = u32::try_from((7 * odd - even).rem_euclid(10)).unwrap_or(0);
    let d11 = (d.iter().take(9).sum::<u32>() + d10) % 10;
    (d10, d11)
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    if at(&d, 0) == 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 1,
        });
    }
    let (d10, _) = check_digits(&d);
    expect_char(s, 10, digit_char(d10))?;
    let (_, d11) = check_digits(&d);
    expect_char(s, 11, digit_char(d11))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        assert!(validate("10000000146", test_today()).is_ok());
        assert_eq!(
            validate("10000000156", test_today()),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '4'
            })
        );
        assert_eq!(
            validate("10000000147", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '6'
            })
        );
        assert_eq!(
            validate("00000000146", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 1
            })
        );
    }
}
