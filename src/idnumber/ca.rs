//! Canadian Social Insurance Number (SIN).
//!
//! Authority: Employment and Social Development Canada (Service Canada). 9 digits, Luhn check
//! digit; the first digit is the region/type (0 and 8 are not assigned to individuals; 9 is
//! temporary residents).

use chrono::NaiveDate;

use super::algo::{all_digits, at, digit_char, expect_char, luhn_digit};
use super::{Decoded, Format, IdProblem, PartRule};

pub const SIN: Format = Format {
    name: "SIN",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 9
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[9])?;
    if matches!(at(&d, 0), 0 | 8) {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 1,
        });
    }
    expect_char(s, 9, digit_char(luhn_digit(d.get(..8).unwrap_or(&[]))))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        // 046 454 286: the Service Canada / Wikipedia example.
        assert!(validate(&SIN.clean("046-454-286"), test_today()).is_err()); // 0: not an individual's SIN
        assert_eq!(luhn_digit(&[0, 4, 6, 4, 5, 4, 2, 8]), 6);
        assert!(validate("123456782", test_today()).is_ok());
        assert_eq!(
            validate("123456789", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: '2'
            })
        );
    }
}
