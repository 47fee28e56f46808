//! Hong Kong identity card number (HKID).
//!
//! Authority: Immigration Department, Registration of Persons Ordinance (Cap. 177); the check
//! digit rule is the widely documented mod-11 scheme: one or two prefix letters (a single letter
//! counts as a leading space worth 36), A–Z = 10–35, weights 9…2 over the 8 positions, check =
//! 11 − (sum mod 11), where 10 is written `A` and 11 is `0`. Printed as `A123456(3)`.

use chrono::NaiveDate;

use super::algo::{expect_char, shape};
use super::{Decoded, Format, IdProblem};

pub const HKID: Format = Format {
    name: "HKID",
    strip: "-()",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    let n = s.chars().count();
    (n == 8 || n == 9) && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn value(c: char) -> u32 {
    match c {
        ' ' => 36,
        'A'..='Z' => u32::from(c) - u32::from('A') + 10,
        _ => c.to_digit(10).unwrap_or(0),
    }
}

/// The check character for the 7 or 8 characters before it.
pub fn check_char(body: &str) -> char {
    let padded: Vec<char> = if body.chars().count() == 7 {
        std::iter::once(' ').chain(body.chars()).collect()
    } else {
        body.chars().collect()
    };
    let sum: u32 = padded
        .iter()
        .zip((2..=9).rev())
        .map(|(&c, w)| value(c) * w)
        .sum();
    match 11 - sum % 11 {
        10 => 'A',
        11 => '0',
        v => char::from_digit(v, 10).unwrap_or('0'),
    }
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let n = s.chars().count();
    match n {
        8 => shape(s, "A999999*")?,
        9 => shape(s, "AA999999*")?,
        _ => {
            return Err(IdProblem::Length {
                expected: "8/9".into(),
                found: n,
            });
        }
    }
    let last = s.chars().last().unwrap_or(' ');
    if !(last.is_ascii_digit() || last == 'A') {
        return Err(IdProblem::Character {
            position: n,
            found: last,
            allowed: "0–9, A".into(),
        });
    }
    let body: String = s.chars().take(n - 1).collect();
    expect_char(s, n, check_char(&body))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        assert!(validate("A1234563", test_today()).is_ok());
        assert_eq!(
            validate("A1234564", test_today()),
            Err(IdProblem::Checksum {
                position: 8,
                expected: '3'
            })
        );
        assert_eq!(check_char("G123456"), 'A');
        assert!(validate("G123456A", test_today()).is_ok());
        assert_eq!(check_char("AB987654"), '3');
        assert!(validate("AB9876543", test_today()).is_ok());
        assert!(matches!(
            validate("A12345", test_today()),
            Err(IdProblem::Length { .. })
        ));
        assert!(matches!(
            validate("1A234563", test_today()),
            Err(IdProblem::Character { position: 1, .. })
        ));
    }

    #[test]
    fn parentheses_are_separators() {
        assert_eq!(HKID.clean("A123456(3)"), "A1234563");
    }
}
