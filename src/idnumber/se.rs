//! Swedish personal identity number (personnummer) and coordination number (samordningsnummer).
//!
//! Authority: Skatteverket (Folkbokföringslagen 1991:481 §18; SKV 704). `YYMMDD-NNNC` or
//! `YYYYMMDDNNNC`; the separator becomes `+` from the year the holder turns 100. The third digit
//! of NNN is odd for men, even for women. C is a Luhn check digit over the 10-digit form.
//! Coordination numbers add 60 to the day.

use chrono::{Datelike, NaiveDate};

use super::algo::{born, date, digit_char, digits, expect_char, luhn_digit, num};
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

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    // Separators: one '-' or '+' right before the last four digits (Skatteverket's layout; the
    // sign says the century, so one elsewhere is a typo, not a convention).
    let n = s.chars().count();
    if let Some((i, c)) = s
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '-' || *c == '+')
        .find(|(i, _)| *i + 5 != n || s.chars().filter(|c| *c == '-' || *c == '+').count() > 1)
    {
        return Err(IdProblem::Character {
            position: i + 1,
            found: c,
            allowed: "0–9".into(),
        });
    }
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
        Some(y) => Decoded::none().dob(born(date(y, mm, day, span)?, today, span)?, span),
        None => {
            // Skatteverket: the separator is `-` until the year the holder turns 100, then `+`;
            // so YY is the latest year not after this one, a century earlier after `+`.
            let this_year = today.year();
            let mut year = this_year - this_year.rem_euclid(100)
                + i32::try_from(num(short, 0, 2)).unwrap_or(0);
            if year > this_year {
                year -= 100;
            }
            if s.contains('+') {
                year -= 100;
            }
            // Compared with date_of_birth on YYMMDD only: a forgotten `+` is a common slip.
            Decoded::none().dob_yy(born(date(year, mm, day, span)?, today, span)?, span)
        }
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
    use crate::idnumber::algo::test_today;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn valid_and_decoded() {
        let d = validate("811218-9876", test_today()).unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (81, 12, 18));
        assert_eq!(d.sex, Some(Sex::M));
        let d = validate("198112189876", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1981, 12, 18));
        assert_eq!(d.sex_position, 11);
        assert_eq!(
            validate("811218-9875", test_today()),
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
        assert_eq!(
            validate(&s, test_today())
                .unwrap()
                .birth_date
                .map(|b| b.day()),
            Some(18)
        );
        assert!(matches!(
            validate("811318-9876", test_today()),
            Err(IdProblem::Part { .. })
        ));
        // The sign belongs right before the last four digits.
        assert!(matches!(
            validate("81121-89876", test_today()),
            Err(IdProblem::Character { position: 6, .. })
        ));
        // `+`: the holder has turned 100, so a century earlier.
        assert_eq!(
            validate("811218+9876", test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(1881, 12, 18)
        );
    }
}
