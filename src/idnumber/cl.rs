//! Chilean RUN/RUT (Rol Único Nacional / Tributario).
//!
//! Authority: Servicio de Registro Civil e Identificación and SII. 7–8 digits and a check
//! character: weights 2,3,4,5,6,7 repeating from the right, C = 11 − sum mod 11 (11 → 0, 10 → K).

use chrono::NaiveDate;

use super::algo::{digit_char, digits, expect_char};
use super::{Decoded, Format, IdProblem};

pub const RUT: Format = Format {
    name: "RUT/RUN",
    strip: ".-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    (8..=9).contains(&s.chars().count())
}

/// The check character for the digits before it.
pub fn check_char(body: &[u32]) -> char {
    let sum: u32 = body
        .iter()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        v => digit_char(v),
    }
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let n = s.chars().count();
    if !(8..=9).contains(&n) {
        return Err(IdProblem::Length {
            expected: "8/9".into(),
            found: n,
        });
    }
    let d = digits(s.get(..n - 1).unwrap_or(""))?;
    let last = s.chars().last().unwrap_or(' ');
    if !(last.is_ascii_digit() || last == 'K') {
        return Err(IdProblem::Character {
            position: n,
            found: last,
            allowed: "0–9, K".into(),
        });
    }
    expect_char(s, n, check_char(&d))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        // 76086428-5 and 12.531.909-2: python-stdnum's cl.rut examples.
        assert!(validate(&RUT.clean("76086428-5"), test_today()).is_ok());
        assert!(validate(&RUT.clean("12.531.909-2"), test_today()).is_ok());
        assert_eq!(
            validate("125319093", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: '2'
            })
        );
        assert_eq!(check_char(&[1, 0, 0, 0, 0, 0, 1, 3]), 'K');
    }
}
