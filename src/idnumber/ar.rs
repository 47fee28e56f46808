//! Argentina: DNI (Documento Nacional de Identidad) and CUIT/CUIL tax/labour numbers.
//!
//! DNI — authority: RENAPER; 7 or 8 digits, no check digit.
//! CUIT/CUIL — authority: AFIP/ARCA (RG 10/1997) and ANSES: `PP-DDDDDDDD-C`; prefix 20 (man),
//! 27 (woman), 23/24 (either, used when the check would be 10), 30/33/34 (companies), 50/51/55
//! (international, as python-stdnum lists them); weights
//! 5 4 3 2 7 6 5 4 3 2; C = 11 − sum mod 11 (11 → 0; 10 never issued: the prefix changes to 23/33).

use chrono::NaiveDate;

use super::algo::{all_digits, digit_char, expect_char, num, weighted};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const DNI: Format = Format {
    name: "DNI (AR)",
    strip: ".-",
    looks_like: dni_like,
    validate: dni,
};
pub const CUIT: Format = Format {
    name: "CUIT/CUIL",
    strip: ".-",
    looks_like: cuit_like,
    validate: cuit,
};

fn dni_like(s: &str) -> bool {
    (7..=8).contains(&s.chars().count())
}

fn cuit_like(s: &str) -> bool {
    s.chars().count() == 11
}

fn dni(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    all_digits(s, &[7, 8])?;
    Ok(Decoded::none())
}

/// The CUIT check value for the first 10 digits; 10 means no digit is valid.
pub fn check_value(body: &[u32]) -> u32 {
    (11 - weighted(body, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 11
}

fn cuit(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    let prefix = num(&d, 0, 2);
    if ![20, 23, 24, 27, 30, 33, 34, 50, 51, 55].contains(&prefix) {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 2,
        });
    }
    let check = check_value(d.get(..10).unwrap_or(&[]));
    if check == 10 {
        return Err(IdProblem::Part {
            rule: PartRule::NoValidCheck,
            start: 1,
            end: 10,
        });
    }
    expect_char(s, 11, digit_char(check))?;
    Ok(match prefix {
        20 => Decoded::none().sex(Sex::M, 1),
        27 => Decoded::none().sex(Sex::F, 1),
        _ => Decoded::none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn dni_and_cuit() {
        assert!(dni("12345678", test_today()).is_ok());
        assert!(dni("1234567", test_today()).is_ok());
        assert!(matches!(
            dni("123456", test_today()),
            Err(IdProblem::Length { .. })
        ));
        // 20-26756539-3: python-stdnum's ar.cuit example.
        let d = cuit(&CUIT.clean("20-26756539-3"), test_today()).unwrap();
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            cuit("20267565394", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '3'
            })
        );
        assert_eq!(
            cuit("21267565393", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 2
            })
        );
    }
}
