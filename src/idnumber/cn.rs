//! PRC resident identity card number (公民身份号码).
//!
//! Authority: GB 11643-1999 "Citizen identification number": 6-digit administrative division
//! code (GB/T 2260; first two digits the province), 8-digit birth date YYYYMMDD, 3-digit order
//! code (odd for men, even for women), check character by ISO 7064 MOD 11-2 (`X` stands for 10).
//! The 15-digit form of GB 11643-1989 (YYMMDD, no check character) was replaced from 1999 and is
//! no longer accepted by platforms. Residence permits for Hong Kong, Macau and Taiwan residents
//! (港澳台居民居住证, 2018) use the same structure with division codes 810000/820000/830000.

use chrono::NaiveDate;

use super::algo::{born, date, digits, expect_char, iso7064_mod11_2, num, shape};
use super::{Decoded, Format, IdProblem, Obsolete, PartRule};
use crate::profile::Sex;

pub const RIC: Format = Format {
    name: "PRC resident ID (居民身份证)",
    strip: "-",
    looks_like,
    validate,
};

/// Province-level codes of GB/T 2260 (71 Taiwan is listed by GB/T 2260; 81–83 are the
/// HK/Macau/Taiwan residence-permit codes).
const PROVINCES: &[u32] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

fn looks_like(s: &str) -> bool {
    let n = s.chars().count();
    (n == 18 || n == 15) && s.chars().take(6).all(|c| c.is_ascii_digit())
}

/// The check character for the first 17 digits.
pub fn check_char(body: &[u32]) -> char {
    iso7064_mod11_2(body)
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    if s.chars().count() == 15 && s.chars().all(|c| c.is_ascii_digit()) {
        return Err(IdProblem::Obsolete {
            kind: Obsolete::Cn15,
        });
    }
    shape(s, "99999999999999999X")?;
    let d = digits(s.get(..17).unwrap_or(""))?;
    let province = num(&d, 0, 2);
    if !PROVINCES.contains(&province) {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 1,
            end: 2,
        });
    }
    if (81..=83).contains(&province) && num(&d, 2, 6) != 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Region,
            start: 1,
            end: 6,
        });
    }
    let year = i32::try_from(num(&d, 6, 10)).unwrap_or(0);
    let birth = date(year, num(&d, 10, 12), num(&d, 12, 14), (7, 14))?;
    if year < 1850 {
        return Err(IdProblem::Part {
            rule: PartRule::Date,
            start: 7,
            end: 10,
        });
    }
    let birth = born(birth, today, (7, 14))?;
    expect_char(s, 18, check_char(&d))?;
    let sex = if num(&d, 16, 17) % 2 == 1 {
        Sex::M
    } else {
        Sex::F
    };
    Ok(Decoded::none().dob(birth, (7, 14)).sex(sex, 17))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_numbers_decode() {
        let d = validate("11010519491231002X", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31));
        assert_eq!(d.sex, Some(Sex::F));
        let d = validate("440308199901101512", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1999, 1, 10));
        assert_eq!(d.sex, Some(Sex::M));
        // HK / Taiwan residents' residence permits (id-validator README vectors).
        assert!(validate("810000199408230021", test_today()).is_ok());
        assert!(validate("830000199201300022", test_today()).is_ok());
    }

    #[test]
    fn invalid_numbers() {
        assert_eq!(
            validate("110105194912310021", test_today()),
            Err(IdProblem::Checksum {
                position: 18,
                expected: 'X'
            })
        );
        assert_eq!(
            validate("110105491231002", test_today()),
            Err(IdProblem::Obsolete {
                kind: Obsolete::Cn15
            })
        );
        assert_eq!(
            validate("990105194912310021", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                start: 1,
                end: 2
            })
        );
        assert_eq!(
            validate("110105194902300021", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Date,
                start: 7,
                end: 14
            })
        );
        assert!(matches!(
            validate("11010519491231002", test_today()),
            Err(IdProblem::Length { found: 17, .. })
        ));
        assert!(matches!(
            validate("1101051949123100XX", test_today()),
            Err(IdProblem::Character { position: 17, .. })
        ));
        assert!(matches!(
            validate("811234199408230021", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Region,
                ..
            })
        ));
    }
}
