//! Mexican population registry key (CURP, Clave Única de Registro de Población).
//!
//! Authority: RENAPO, "Instructivo Normativo para la Asignación de la CURP" (DOF 18-10-2021).
//! 18 characters: 4 letters from the names, birth date YYMMDD, sex (H man, M woman, X
//! non-binary), 2-letter state of birth (NE born abroad), 3 internal consonants, a homonym
//! differentiator (digit for births up to 1999, letter from 2000), and a check digit:
//! Σ value(cᵢ)·(18−i) over the first 17 characters with the alphabet 0–9 A–N Ñ O–Z = 0–36,
//! check = (10 − sum mod 10) mod 10.

use chrono::NaiveDate;

use super::algo::{born, date, digit_char, expect_char, num, shape};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const CURP: Format = Format {
    name: "CURP",
    strip: "-",
    looks_like,
    validate,
};

const STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
    "NE",
];

/// Anexo 2 of the Instructivo: four-letter words RENAPO never issues (it replaces the second
/// letter with X), so a CURP starting with one is mistyped. The list as python-stdnum carries it.
const INCONVENIENT: &[&str] = &[
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
];

fn looks_like(s: &str) -> bool {
    s.chars().count() == 18 && s.chars().take(4).all(|c| c.is_alphabetic())
}

fn value(c: char) -> u32 {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|p| u32::try_from(p).ok())
        .unwrap_or(0)
}

/// The check digit for the first 17 characters.
pub fn check_digit(body: &str) -> u32 {
    let sum: u32 = body
        .chars()
        .zip((2..=18).rev())
        .map(|(c, w)| value(c) * w)
        .sum();
    (10 - sum % 10) % 10
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    // Ñ may appear in the consonant block; the shape check treats it as a letter there.
    let ascii: String = s.chars().map(|c| if c == 'Ñ' { 'N' } else { c }).collect();
    shape(&ascii, "AAAA999999AAAAAA*9")?;
    let d: Vec<u32> = s
        .chars()
        .skip(4)
        .take(6)
        .filter_map(|c| c.to_digit(10))
        .collect();
    if INCONVENIENT.contains(&s.get(..4).unwrap_or("")) {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 4,
        });
    }
    let sex = match s.chars().nth(10) {
        Some('H') => Some(Sex::M),
        Some('M') => Some(Sex::F),
        Some('X') => None,
        _ => {
            return Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 11,
                end: 11,
            });
        }
    };
    let state: String = s.chars().skip(11).take(2).collect();
    if !STATES.contains(&state.as_str()) {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 12,
            end: 13,
        });
    }
    let century = if s.chars().nth(16).is_some_and(|c| c.is_ascii_digit()) {
        1900
    } else {
        2000
    };
    let year = century + i32::try_from(num(&d, 0, 2)).unwrap_or(0);
    let birth = date(year, num(&d, 2, 4), num(&d, 4, 6), (5, 10))?;
    // The 17th character states the century (digit: 1900s, letter: 2000s).
    let birth = born(birth, today, (5, 17))?;
    let body: String = s.chars().take(17).collect();
    expect_char(s, 18, digit_char(check_digit(&body)))?;
    let decoded = Decoded::none().dob(birth, (5, 10));
    Ok(match sex {
        Some(sex) => decoded.sex(sex, 11),
        None => decoded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_invalid() {
        // BOXW310820HNERXN09: python-stdnum's mx.curp example (check digit recomputed).
        let d = validate("BOXW310820HNERXN09", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1931, 8, 20));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("BOXW310820HNERXN08", test_today()),
            Err(IdProblem::Checksum {
                position: 18,
                expected: '9'
            })
        );
        assert_eq!(
            validate("BOXW310820HXXRXN09", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                start: 12,
                end: 13
            })
        );
        assert_eq!(
            validate("BOXW310820ZNERXN09", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 11,
                end: 11
            })
        );
        assert!(matches!(
            validate("BOXW310820HNERXN0", test_today()),
            Err(IdProblem::Length { found: 17, .. })
        ));
    }
}
