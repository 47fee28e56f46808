//! French social security number (NIR, numéro d'inscription au répertoire / numéro de sécurité
//! sociale).
//!
//! Authority: INSEE, Répertoire national d'identification des personnes physiques (décret
//! 82-103). 13 characters + 2-digit key: sex (1 man, 2 woman; 3/4/7/8 for provisional numbers),
//! YY, MM (01–12; 20–42 and 50–99 when the month is unknown), département (2 digits, 2A/2B for
//! Corsica, 97/98 + 1 more digit overseas, 99 abroad), commune, order number, key =
//! 97 − (number mod 97) where 2A counts as 19 and 2B as 18.

use chrono::NaiveDate;

use super::algo::{date_yy, digit_char, digits, expect_char, num, shape};
use super::{Decoded, Format, IdProblem, PartRule, Precision};
use crate::profile::Sex;

pub const NIR: Format = Format {
    name: "NIR",
    strip: ".-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    let n = s.chars().count();
    n == 15 || n == 13
}

/// The key for the 13-character body (Corsica letters already substituted).
pub fn key(body: &[u32]) -> u32 {
    let n = body.iter().fold(0u64, |acc, &x| acc * 10 + u64::from(x));
    97 - u32::try_from(n % 97).unwrap_or(0)
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let corsica = s.get(5..7).filter(|d| *d == "2A" || *d == "2B");
    // Substitute Corsica for the shape check and the arithmetic (2A → 19, 2B → 18).
    let numeric: String = match corsica {
        Some("2A") => format!("{}19{}", s.get(..5).unwrap_or(""), s.get(7..).unwrap_or("")),
        Some(_) => format!("{}18{}", s.get(..5).unwrap_or(""), s.get(7..).unwrap_or("")),
        None => s.to_string(),
    };
    shape(&numeric, "999999999999999")?;
    let d = digits(&numeric)?;
    let sex = match d.first() {
        Some(1 | 3 | 7) => Some(Sex::M),
        Some(2 | 4 | 8) => Some(Sex::F),
        _ => {
            return Err(IdProblem::Part {
                rule: PartRule::CenturySex,
                start: 1,
                end: 1,
            });
        }
    };
    let month = num(&d, 3, 5);
    let mut decoded = Decoded::none();
    if (1..=12).contains(&month) {
        let birth = date_yy(num(&d, 1, 3), month, 1, (2, 5), today)?;
        decoded = decoded.dob_yy(birth, (2, 5));
        decoded.precision = Precision::YearMonth;
    } else if month == 0 || (13..20).contains(&month) || (43..50).contains(&month) {
        return Err(IdProblem::Part {
            rule: PartRule::Date,
            start: 4,
            end: 5,
        });
    }
    let k = key(d.get(..13).unwrap_or(&[]));
    let (tens, units) = (k / 10, k % 10);
    expect_char(s, 14, digit_char(tens))?;
    expect_char(s, 15, digit_char(units))?;
    Ok(match sex {
        Some(sex) => decoded.sex(sex, 1),
        None => decoded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::Datelike;

    #[test]
    fn valid_and_decoded() {
        // 2 95 10 99 126 111 93: python-stdnum's fr.nir example.
        let d = validate(
            &NIR.clean("2 95 10 99 126 111 93".replace(' ', "").as_str()),
            test_today(),
        )
        .unwrap();
        assert_eq!(d.sex, Some(Sex::F));
        let b = d.birth_date.unwrap();
        assert_eq!((b.year() % 100, b.month()), (95, 10));
        assert_eq!(d.precision, Precision::YearMonth);
        assert_eq!(
            validate("295109912611194", test_today()),
            Err(IdProblem::Checksum {
                position: 15,
                expected: '3'
            })
        );
        // Corsica: 2A counts as 19.
        let k = key(&[1, 8, 0, 0, 1, 1, 9, 0, 0, 4, 0, 0, 1]);
        assert!(validate(&format!("180012A004001{k:02}"), test_today()).is_ok());
    }
}
