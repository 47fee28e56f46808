//! India: Aadhaar number and Permanent Account Number (PAN).
//!
//! Aadhaar — authority: UIDAI (Aadhaar (Enrolment and Update) Regulations; "Aadhaar numbering
//! scheme"): 12 digits, the first not 0 or 1, the last a Verhoeff check digit.
//! PAN — authority: Income Tax Department (Income-tax Act s.139A; CBDT): `AAAAA9999A`; the 4th
//! letter is the holder type (P individual, C company, H HUF, F firm, A AOP, T trust, B BOI,
//! L local authority, J artificial juridical person, G government); the last letter is a check
//! character whose rule is not published, so it is not verified. The 4-digit sequence runs
//! 0001–9999.

use chrono::NaiveDate;

use super::algo::{all_digits, at, digit_char, expect_char, shape, verhoeff_digit};
use super::{Decoded, Format, IdProblem, PartRule};

pub const AADHAAR: Format = Format {
    name: "Aadhaar",
    strip: "-",
    looks_like: aadhaar_like,
    validate: aadhaar,
};
pub const PAN: Format = Format {
    name: "PAN",
    strip: "-",
    looks_like: pan_like,
    validate: pan,
};

fn aadhaar_like(s: &str) -> bool {
    s.chars().count() == 12 && s.chars().filter(char::is_ascii_digit).count() >= 10
}

fn pan_like(s: &str) -> bool {
    s.chars().count() == 10 && s.chars().take(3).all(|c| c.is_ascii_uppercase())
}

fn aadhaar(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[12])?;
    if at(&d, 0) < 2 {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 1,
        });
    }
    expect_char(
        s,
        12,
        digit_char(verhoeff_digit(d.get(..11).unwrap_or(&[]))),
    )?;
    Ok(Decoded::none())
}

fn pan(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    shape(s, "AAAAA9999A")?;
    if !s.chars().nth(3).is_some_and(|c| "PCHFATBLJG".contains(c)) {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 4,
            end: 4,
        });
    }
    // The sequential number runs 0001–9999.
    if s.get(5..9) == Some("0000") {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 6,
            end: 9,
        });
    }
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn aadhaar_numbers() {
        // 234123412346: python-stdnum's in_.aadhaar example.
        assert!(aadhaar("234123412346", test_today()).is_ok());
        assert_eq!(
            aadhaar("234123412347", test_today()),
            Err(IdProblem::Checksum {
                position: 12,
                expected: '6'
            })
        );
        assert_eq!(
            aadhaar("123412341234", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 1
            })
        );
        assert!(aadhaar_like(&AADHAAR.clean("2341-2341-2346")));
    }

    #[test]
    fn pan_numbers() {
        assert!(pan("ABCPE1234F", test_today()).is_ok());
        assert_eq!(
            pan("ABCXE1234F", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 4,
                end: 4
            })
        );
        assert!(matches!(
            pan("ABCPE12345", test_today()),
            Err(IdProblem::Character { position: 10, .. })
        ));
    }
}
