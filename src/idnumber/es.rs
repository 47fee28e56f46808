//! Spain: DNI (Documento Nacional de Identidad) and NIE (Número de Identidad de Extranjero).
//!
//! Authority: Real Decreto 1553/2005 (DNI) and Orden INT/2058/2008 (NIE); Ministerio del
//! Interior's published control-letter rule: letter = "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23].
//! DNI: 8 digits + letter. NIE: X/Y/Z (read as 0/1/2) + 7 digits + letter.

use chrono::NaiveDate;

use super::algo::{digits, expect_char, shape};
use super::{Decoded, Format, IdProblem};

pub const DNI: Format = Format {
    name: "DNI (ES)",
    strip: "-.",
    looks_like: dni_like,
    validate: dni,
};
pub const NIE: Format = Format {
    name: "NIE",
    strip: "-.",
    looks_like: nie_like,
    validate: nie,
};

const LETTERS: &str = "TRWAGMYFPDXBNJZSQVHLCKE";

fn dni_like(s: &str) -> bool {
    s.chars().count() == 9 && s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn nie_like(s: &str) -> bool {
    s.chars().count() == 9 && s.starts_with(['X', 'Y', 'Z'])
}

/// The control letter for the number formed by `d`.
pub fn letter(d: &[u32]) -> char {
    let n = d
        .iter()
        .fold(0u64, |acc, &x| (acc * 10 + u64::from(x)) % 23);
    LETTERS
        .chars()
        .nth(usize::try_from(n).unwrap_or(0))
        .unwrap_or('T')
}

fn dni(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    shape(s, "99999999A")?;
    let d = digits(s.get(..8).unwrap_or(""))?;
    expect_char(s, 9, letter(&d))?;
    Ok(Decoded::none())
}

fn nie(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    shape(s, "A9999999A")?;
    let lead = match s.chars().next() {
        Some('X') => 0,
        Some('Y') => 1,
        Some('Z') => 2,
        _ => {
            return Err(IdProblem::Part {
                rule: super::PartRule::Prefix,
                start: 1,
                end: 1,
            });
        }
    };
    let mut d = vec![lead];
    d.extend(digits(s.get(1..8).unwrap_or(""))?);
    expect_char(s, 9, letter(&d))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn dni_numbers() {
        assert!(dni("12345678Z", test_today()).is_ok());
        assert_eq!(
            dni("12345678A", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: 'Z'
            })
        );
        assert!(matches!(
            dni("1234567Z", test_today()),
            Err(IdProblem::Length { .. })
        ));
    }

    #[test]
    fn nie_numbers() {
        // X1234567L: X → 0, 01234567 mod 23 = 19 → L.
        assert!(nie("X1234567L", test_today()).is_ok());
        assert!(nie("Y1234567X", test_today()).is_ok());
        assert_eq!(
            nie("X1234567A", test_today()),
            Err(IdProblem::Checksum {
                position: 9,
                expected: 'L'
            })
        );
        assert!(matches!(
            nie("A1234567L", test_today()),
            Err(IdProblem::Part { .. })
        ));
    }
}
