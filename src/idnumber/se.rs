//! Swedish personal identity number (personnummer) and coordination number (samordningsnummer).
//!
//! Authority: Skatteverket (Folkbokföringslagen 1991:481 §18; SKV 704). `YYMMDD-NNNC` or
//! `YYYYMMDDNNNC`; the separator becomes `+` from the year the holder turns 100. The third digit
//! of NNN is odd for men, even for women. C is a Luhn check digit over the 10-digit form.
//! Coordination numbers add 60 to the day.

use super::algo::{date, date_yy, digit_char, digits, expect_char, luhn_digit, num};
use super::{Decoded, Format, IdProblem};
use crate::profile::Sex;

pub const PNR: Format = Format {
    name: "personnummer",
    strip: "",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    let n = s.chars().filter(char::is_ascii_digit).count();
    n == 10 || n == 12
}

fn validate(s: &str) -> Result<Decoded, IdProblem> {
    // Separators: '-' or '+' before the last four digits; positions count digits only.
    let digits_only: String = s.chars().filter(|c| *c != '-' && *c != '+').collect();
    let d = digits(&digits_only)?;
    let (full_year, short): (Option<i32>, &[u32]) = match d.len() {
        12 => (i32::try_from(num(&d, 0, 4)).ok(), d.get(2..).unwrap_or(&[])),
        10 => (None, &d),
        n => {
            return Err(IdProblem::Length {
                expected: "10/12".into(),
                found: n,
            });
        }
    };
    let offset = digits_only.chars().count() - 10;
    let mm = num(short, 2, 4);
    let dd = num(short, 4, 6);
    let day = if dd > 60 { dd - 60 } else { dd };
    let span = (1, 6 + offset);
    let decoded = match full_year {
        Some(y) => Decoded::none().dob(date(y, mm, day, span)?, span),
        None => Decoded::none().dob_yy(date_yy(num(short, 0, 2), mm, day, span)?, span),
    };
    let expected = digit_char(luhn_digit(short.get(..9).unwrap_or(&[])));
    expect_char(&digits_only, 10 + offset, expected)?;
    let sex = if num(short, 8, 9) % 2 == 1 {
        Sex::M
    } else {
        Sex::F
    };
    Ok(decoded.sex(sex, 9 + offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn valid_and_decoded() {
        let d = validate("811218-9876").unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (81, 12, 18));
        assert_eq!(d.sex, Some(Sex::M));
        let d = validate("198112189876").unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1981, 12, 18));
        assert_eq!(d.sex_position, 11);
        assert_eq!(
            validate("811218-9875"),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '6'
            })
        );
        // Samordningsnummer: day + 60 (78 → 18), check digit recomputed.
        let body = [8, 1, 1, 2, 7, 8, 9, 8, 7];
        let s: String = body
            .iter()
            .map(|&x| digit_char(x))
            .chain([digit_char(luhn_digit(&body))])
            .collect();
        assert_eq!(validate(&s).unwrap().birth_date.map(|b| b.day()), Some(18));
        assert!(matches!(
            validate("811318-9876"),
            Err(IdProblem::Part { .. })
        ));
    }
}
