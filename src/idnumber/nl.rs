//! Dutch citizen service number (BSN, burgerservicenummer).
//!
//! Authority: Wet algemene bepalingen burgerservicenummer; the "elfproef" in the Logisch
//! Ontwerp BSN (RvIG): Σ dᵢ·(9…2) − d9 must be divisible by 11. 9 digits (8-digit numbers are
//! written with a leading zero).

use chrono::NaiveDate;

use super::algo::{all_digits, digit_char, expect_char, weighted};
use super::{Decoded, Format, IdProblem, PartRule};

pub const BSN: Format = Format {
    name: "BSN",
    strip: ".-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    (8..=9).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_digit())
}

/// The last digit that satisfies the 11-proof for the first 8 digits; 10 means none does.
pub fn check_value(body: &[u32]) -> u32 {
    weighted(body, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let s = if s.chars().count() == 8 {
        format!("0{s}")
    } else {
        s.to_string()
    };
    let d = all_digits(&s, &[9])?;
    if d.iter().all(|&x| x == 0) {
        return Err(IdProblem::Part {
            rule: PartRule::Repeated,
            start: 1,
            end: 9,
        });
    }
    let check = check_value(d.get(..8).unwrap_or(&[]));
    if check == 10 {
        return Err(IdProblem::Part {
            rule: PartRule::NoValidCheck,
            start: 1,
            end: 8,
        });
    }
    expect_char(&s, 9, digit_char(check))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        assert!(validate("111222333", test_today()).is_ok());
        assert!(validate(&BSN.clean("1234.56.782"), test_today()).is_ok());
        assert_eq!(
            validate("111222334", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: '3'
            })
        );
    }
}
