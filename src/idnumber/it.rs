//! Italian fiscal code (codice fiscale delle persone fisiche).
//!
//! Authority: D.P.R. 605/1973 and D.M. 23/12/1976 (Ministero delle Finanze). 16 characters:
//! 3+3 letters from surname and name, year (2 digits), month letter (ABCDEHLMPRST), day (+40 for
//! women), Belfiore code of the birthplace (letter + 3 digits), check letter. In case of
//! collision ("omocodia") digits in positions 7–8, 10–11, 13–15 are replaced from the right by
//! L M N P Q R S T U V (= 0–9). Check: odd positions (1st, 3rd, …) use the odd-position table,
//! even positions their value (0–9, A–Z = 0–25); sum mod 26 → A–Z.

use chrono::NaiveDate;

use super::algo::{date_yy, expect_char};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const CF: Format = Format {
    name: "codice fiscale",
    strip: "-",
    looks_like,
    validate,
};

const MONTHS: &str = "ABCDEHLMPRST";
const OMOCODES: &str = "LMNPQRSTUV";
/// Values of 0–9 / A–Z in odd positions.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

fn looks_like(s: &str) -> bool {
    s.chars().count() == 16 && s.chars().take(6).all(|c| c.is_ascii_uppercase())
}

fn index(c: char) -> usize {
    match c {
        '0'..='9' => c.to_digit(10).map_or(0, |v| v as usize),
        'A'..='Z' => (u32::from(c) - u32::from('A')) as usize,
        _ => 0,
    }
}

/// The check letter for the first 15 characters.
pub fn check_char(body: &str) -> char {
    let sum: usize = body
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                ODD.get(index(c)).map_or(0, |&v| v as usize)
            } else {
                index(c)
            }
        })
        .sum();
    char::from(b'A' + u8::try_from(sum % 26).unwrap_or(0))
}

/// Shape of each position: `L` letter, `D` digit or omocodia letter, `M` month letter.
const SHAPE: &str = "LLLLLLDDMDDLDDDL";

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| OMOCODES.find(c).and_then(|i| u32::try_from(i).ok()))
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let n = s.chars().count();
    if n != 16 {
        return Err(IdProblem::Length {
            expected: "16".into(),
            found: n,
        });
    }
    for (i, (c, p)) in s.chars().zip(SHAPE.chars()).enumerate() {
        let (ok, allowed) = match p {
            'L' => (c.is_ascii_uppercase(), "A–Z"),
            'M' => (MONTHS.contains(c), "A B C D E H L M P R S T"),
            _ => (digit_value(c).is_some(), "0–9, L M N P Q R S T U V"),
        };
        if !ok {
            return Err(IdProblem::Character {
                position: i + 1,
                found: c,
                allowed: allowed.into(),
            });
        }
    }
    let v = |i: usize| s.chars().nth(i).and_then(digit_value).unwrap_or(0);
    let yy = v(6) * 10 + v(7);
    let month = s
        .chars()
        .nth(8)
        .and_then(|c| MONTHS.find(c))
        .map_or(0, |m| m as u32 + 1);
    let day = v(9) * 10 + v(10);
    let (day, sex) = if day > 40 {
        (day - 40, Sex::F)
    } else {
        (day, Sex::M)
    };
    let birth = date_yy(yy, month, day, (7, 11), today)?;
    if v(12) * 100 + v(13) * 10 + v(14) == 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 12,
            end: 15,
        });
    }
    let body: String = s.chars().take(15).collect();
    expect_char(s, 16, check_char(&body))?;
    Ok(Decoded::none().dob_yy(birth, (7, 11)).sex(sex, 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::Datelike;

    #[test]
    fn valid_and_decoded() {
        let d = validate("RSSMRA85T10A562S", test_today()).unwrap();
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month(), b.day()), (85, 12, 10));
        assert_eq!(d.sex, Some(Sex::M));
        assert_eq!(
            validate("RSSMRA85T10A562T", test_today()),
            Err(IdProblem::Checksum {
                position: 16,
                expected: 'S'
            })
        );
        assert!(matches!(
            validate("RSSMRA85K10A562S", test_today()),
            Err(IdProblem::Character { position: 9, .. })
        ));
        assert_eq!(
            validate("RSSMRA85T32A562S", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 7,
                end: 11
            })
        );
    }

    #[test]
    fn woman_and_omocodia() {
        // Same person data, a woman born on the 10th: day 50; check letter recomputed.
        let body = "RSSMRA85T50A562";
        let full = format!("{body}{}", check_char(body));
        assert_eq!(validate(&full, test_today()).unwrap().sex, Some(Sex::F));
        // Omocodia: last digit 2 → N.
        let body = "RSSMRA85T10A56N";
        let full = format!("{body}{}", check_char(body));
        assert_eq!(validate(&full, test_today()).unwrap().sex, Some(Sex::M));
    }
}
