//! Passport numbers: ICAO Doc 9303 Part 3 (document number field: up to 9 characters from
//! A–Z and 0–9 in a TD3 MRZ, which has no overflow mechanism) plus per-country shapes where the
//! issuer's scheme is well established:
//! - CN (National Immigration Administration): `E` + 8 digits, `E` + letter + 7 digits (e-passport
//!   from 2017), `G` + 8 digits (2012 and earlier); other prefixes only get the ICAO rules.
//! - US (Department of State): 9 digits, or a letter + 8 digits (Next Generation passport, 2021).
//! - IN (Ministry of External Affairs): a letter + 7 digits.
//! - GB (HM Passport Office): 9 digits.
//! - DE (Passgesetz; Bundesdruckerei serial): 9 characters from C F G H J K L M N P R T V W X Y Z
//!   and 0–9 (no vowels, no B D Q S, which are easily confused).
//!
//! The check digit lives in the MRZ and is verified by the MRZ module.

use super::IdProblem;
use super::algo::{fits, shape};

/// `Err((format name, problem))` when the number breaks the ICAO or the issuer's rules.
pub fn validate(country: &str, s: &str) -> Result<(), (&'static str, IdProblem)> {
    icao(s).map_err(|p| ("passport number (ICAO 9303)", p))?;
    let (name, patterns): (&str, &[&str]) = match country {
        "CN" => match s.chars().next() {
            Some('E') => ("CN passport number", &["E99999999", "EA9999999"]),
            Some('G') => ("CN passport number", &["G99999999"]),
            _ => return Ok(()),
        },
        "US" => ("US passport number", &["999999999", "A99999999"]),
        "IN" => ("IN passport number", &["A9999999"]),
        "GB" => ("GB passport number", &["999999999"]),
        "DE" => return german(s).map_err(|p| ("DE passport number", p)),
        _ => return Ok(()),
    };
    if patterns.iter().any(|p| fits(s, p)) {
        return Ok(());
    }
    let n = s.chars().count();
    let problem = match patterns.iter().find(|p| p.chars().count() == n) {
        // Same length: the first character that breaks the closest pattern.
        Some(_) => patterns
            .iter()
            .filter(|p| p.chars().count() == n)
            .filter_map(|p| shape(s, p).err())
            .max_by_key(|e| match e {
                IdProblem::Character { position, .. } => *position,
                _ => 0,
            })
            .unwrap_or(IdProblem::Length {
                expected: "?".into(),
                found: n,
            }),
        None => {
            let mut lengths: Vec<usize> = patterns.iter().map(|p| p.chars().count()).collect();
            lengths.dedup();
            let expected = lengths
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("/");
            IdProblem::Length { expected, found: n }
        }
    };
    Err((name, problem))
}

/// ICAO 9303: only A–Z and 0–9; at most 9 characters in a passport (TD3) MRZ.
fn icao(s: &str) -> Result<(), IdProblem> {
    if let Some((i, c)) = s
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
    {
        return Err(IdProblem::Character {
            position: i + 1,
            found: c,
            allowed: "A–Z, 0–9".into(),
        });
    }
    let n = s.chars().count();
    if !(5..=9).contains(&n) {
        return Err(IdProblem::Length {
            expected: "5–9".into(),
            found: n,
        });
    }
    Ok(())
}

fn german(s: &str) -> Result<(), IdProblem> {
    const ALPHABET: &str = "0123456789CFGHJKLMNPRTVWXYZ";
    let n = s.chars().count();
    if n != 9 {
        return Err(IdProblem::Length {
            expected: "9".into(),
            found: n,
        });
    }
    match s.chars().enumerate().find(|(_, c)| !ALPHABET.contains(*c)) {
        Some((i, c)) => Err(IdProblem::Character {
            position: i + 1,
            found: c,
            allowed: "0–9, C F G H J K L M N P R T V W X Y Z".into(),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icao_rules() {
        assert!(validate("UTO", "L898902C3").is_ok());
        assert!(matches!(
            validate("FR", "12AB-345"),
            Err((_, IdProblem::Character { position: 5, .. }))
        ));
        assert!(matches!(
            validate("FR", "12345678901"),
            Err((_, IdProblem::Length { found: 11, .. }))
        ));
    }

    #[test]
    fn country_shapes() {
        assert!(validate("CN", "E12345678").is_ok());
        assert!(validate("CN", "EA1234567").is_ok());
        assert!(validate("CN", "G12345678").is_ok());
        assert!(matches!(
            validate("CN", "E1234567A"),
            Err((
                "CN passport number",
                IdProblem::Character { position: 9, .. }
            ))
        ));
        assert!(matches!(
            validate("CN", "E1234567"),
            Err(("CN passport number", IdProblem::Length { found: 8, .. }))
        ));
        assert!(validate("US", "123456789").is_ok());
        assert!(validate("US", "A12345678").is_ok());
        assert!(validate("IN", "J8369854").is_ok());
        assert!(validate("IN", "12345678").is_err());
        assert!(validate("GB", "123456789").is_ok());
        assert!(validate("DE", "C01X00T47").is_ok());
        assert!(matches!(
            validate("DE", "C01X00T4A"),
            Err((
                "DE passport number",
                IdProblem::Character { position: 9, .. }
            ))
        ));
    }
}
