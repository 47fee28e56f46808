//! Taiwan (ROC) national identification number (國民身分證統一編號) and the 2021 uniform ID
//! number for foreign residents (新式統一證號).
//!
//! Authority: Ministry of the Interior, Household Registration; the check rule is the published
//! one: the leading letter (registration area) maps to 10–35 in the MOI order below, its tens
//! digit weighs 1 and units digit 9, the following eight digits weigh 8…1, the check digit 1,
//! and the total must be divisible by 10. The 2nd character is 1 (male) or 2 (female); the
//! 2021 resident UI numbers use 8 (male) / 9 (female) with the same check rule.
//! The pre-2021 resident certificate number (a letter, then A–D for sex and issuer, then 8
//! digits) is accepted by shape only.

use chrono::NaiveDate;

use super::algo::{digits, expect_char, fits, shape};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const ID: Format = Format {
    name: "Taiwan ID (身分證字號)",
    strip: "-",
    looks_like,
    validate,
};

/// Letter codes in MOI order: A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29, W=32, X=30,
/// Y=31, Z=33.
fn letter_code(c: char) -> Option<u32> {
    const ORDER: &str = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
    ORDER
        .find(c)
        .and_then(|i| u32::try_from(i).ok())
        .map(|i| i + 10)
}

fn looks_like(s: &str) -> bool {
    s.chars().count() == 10 && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The check digit for a letter and the 8 digits after it (sex digit included).
pub fn check_digit(letter: char, body: &[u32]) -> u32 {
    let code = letter_code(letter).unwrap_or(10);
    let sum = code / 10
        + (code % 10) * 9
        + body
            .iter()
            .zip((1..=8).rev())
            .map(|(d, w)| d * w)
            .sum::<u32>();
    (10 - sum % 10) % 10
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    if fits(s, "AA99999999") && s.chars().nth(1).is_some_and(|c| "ABCD".contains(c)) {
        // Old resident certificate number: shape only.
        return Ok(Decoded::none());
    }
    shape(s, "A999999999")?;
    let letter = s.chars().next().unwrap_or('A');
    let d = digits(s.get(1..).unwrap_or(""))?;
    let sex = match d.first() {
        Some(1 | 8) => Sex::M,
        Some(2 | 9) => Sex::F,
        _ => {
            return Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 2,
                end: 2,
            });
        }
    };
    let expected = check_digit(letter, d.get(..8).unwrap_or(&[]));
    expect_char(s, 10, char::from_digit(expected, 10).unwrap_or('0'))?;
    Ok(Decoded::none().sex(sex, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        let d = validate("A123456789", test_today()).unwrap();
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("A123456788", test_today()),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '9'
            })
        );
        assert_eq!(
            validate("A323456789", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 2,
                end: 2
            })
        );
        assert!(validate("AB12345678", test_today()).is_ok());
        assert_eq!(letter_code('I'), Some(34));
        assert_eq!(letter_code('O'), Some(35));
        assert_eq!(letter_code('W'), Some(32));
        assert_eq!(letter_code('Z'), Some(33));
    }
}
