//! Thai personal identification number (เลขประจำตัวประชาชน).
//!
//! Authority: Bureau of Registration Administration (Department of Provincial Administration).
//! 13 digits; the first is the person category; the check digit is (11 − Σ dᵢ·(13−i) mod 11)
//! mod 10 over the first 12 digits (weights 13…2).

use chrono::NaiveDate;

use super::algo::{all_digits, digit_char, expect_char, weighted};
use super::{Decoded, Format, IdProblem};

pub const PIN: Format = Format {
    name: "Thai ID (เลขประจำตัวประชาชน)",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 13
}

/// Σ dᵢ·(13−i) mod 11 over the first 12 digits (exposed for the property test).
pub fn remainder(body: &[u32]) -> u32 {
    weighted(body, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
}

pub fn check_digit(body: &[u32]) -> u32 {
    (11 - remainder(body)) % 10
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[13])?;
    expect_char(s, 13, digit_char(check_digit(d.get(..12).unwrap_or(&[]))))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        // 3-1006-00445-63-5: python-stdnum's th.pin example.
        assert!(validate(&PIN.clean("3-1006-00445-63-5"), test_today()).is_ok());
        assert_eq!(
            validate("3100600445636", test_today()),
            Err(IdProblem::Checksum {
                position: 13,
                expected: '5'
            })
        );
        assert!(matches!(
            validate("310060044563", test_today()),
            Err(IdProblem::Length { .. })
        ));
    }
}
