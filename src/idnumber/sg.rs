//! Singapore NRIC and FIN.
//!
//! Authority: Immigration & Checkpoints Authority (ICA) / Ministry of Manpower. The check letter
//! rule is the widely reproduced one: weights 2 7 6 5 4 3 2 over the 7 digits, +4 for the T and G
//! series (born/issued from 2000), +3 for the M series (FIN from 2022); the remainder mod 11
//! indexes a per-prefix letter table (S/T: JZIHGFEDCBA, F/G: XWUTRQPNMLK, M: XWUTRQPNJLK).

use chrono::NaiveDate;

use super::algo::{digits, expect_char, shape};
use super::{Decoded, Format, IdProblem, PartRule};

pub const NRIC: Format = Format {
    name: "NRIC/FIN",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 9 && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The check letter for a prefix and 7 digits, `None` for an unknown prefix.
pub fn check_letter(prefix: char, body: &[u32]) -> Option<char> {
    let (offset, table) = match prefix {
        'S' => (0, "JZIHGFEDCBA"),
        'T' => (4, "JZIHGFEDCBA"),
        'F' => (0, "XWUTRQPNMLK"),
        'G' => (4, "XWUTRQPNMLK"),
        'M' => (3, "XWUTRQPNJLK"),
        _ => return None,
    };
    let sum: u32 = body
        .iter()
        .zip([2, 7, 6, 5, 4, 3, 2])
        .map(|(d, w)| d * w)
        .sum::<u32>()
        + offset;
    table.chars().nth((sum % 11) as usize)
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    shape(s, "A9999999A")?;
    let prefix = s.chars().next().unwrap_or(' ');
    let d = digits(s.get(1..8).unwrap_or(""))?;
    let Some(expected) = check_letter(prefix, &d) else {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 1,
        });
    };
    expect_char(s, 9, expected)?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        assert!(validate("S1234567D", test_today()).is_ok());
        assert_eq!(
            validate("S1234567A", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: 'D'
            })
        );
        assert_eq!(
            validate("A1234567D", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 1
            })
        );
        // T: (106 + 4) mod 11 = 0 → J; F: 106 mod 11 = 7 → N; G: 0 → X; M: (106 + 3) mod 11 = 10 → K.
        assert!(validate("T1234567J", test_today()).is_ok());
        assert!(validate("F1234567N", test_today()).is_ok());
        assert!(validate("G1234567X", test_today()).is_ok());
        assert!(validate("M1234567K", test_today()).is_ok());
    }
}
