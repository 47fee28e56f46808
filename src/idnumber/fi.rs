//! Finnish personal identity code (henkilötunnus, HETU).
//!
//! Authority: Digital and Population Data Services Agency (DVV); Population Information Act
//! 661/2009 and the 2023 amendment adding century signs. `DDMMYYCZZZQ`: C = century sign
//! (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), ZZZ individual number 002–899 (900–999 are
//! temporary identifiers, not personal identity codes: rejected), odd for men; Q = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYZZZ mod 31].

use chrono::NaiveDate;

use super::algo::{born, date, digits, expect_char, num};
use super::{Decoded, Format, IdProblem, PartRule};
use crate::profile::Sex;

pub const HETU: Format = Format {
    name: "HETU",
    strip: "",
    looks_like,
    validate,
};

const CHECK: &str = "0123456789ABCDEFHJKLMNPRSTUVWXY";

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11 && s.chars().nth(6).is_some_and(|c| !c.is_ascii_digit())
}

/// The check character for the 9 digits DDMMYYZZZ.
pub fn check_char(d: &[u32]) -> char {
    let n = d.iter().fold(0u64, |acc, &x| acc * 10 + u64::from(x));
    CHECK
        .chars()
        .nth(usize::try_from(n % 31).unwrap_or(0))
        .unwrap_or('0')
}

fn validate(s: &str, today: NaiveDate) -> Result<Decoded, IdProblem> {
    let n = s.chars().count();
    if n != 11 {
        return Err(IdProblem::Length {
            expected: "11".into(),
            found: n,
        });
    }
    let date_digits = digits(s.get(..6).unwrap_or(""))?;
    let sign = s.chars().nth(6).unwrap_or(' ');
    let century = match sign {
        '+' => 1800,
        '-' | 'Y' | 'X' | 'W' | 'V' | 'U' => 1900,
        'A' | 'B' | 'C' | 'D' | 'E' | 'F' => 2000,
        c => {
            return Err(IdProblem::Character {
                position: 7,
                found: c,
                allowed: "+ - A–F U–Y".into(),
            });
        }
    };
    let individual: String = s.chars().skip(7).take(3).collect();
    let ind = digits(&individual).map_err(|e| match e {
        IdProblem::Character {
            position,
            found,
            allowed,
        } => IdProblem::Character {
            position: position + 7,
            found,
            allowed,
        },
        other => other,
    })?;
    let check = s.chars().nth(10).unwrap_or(' ');
    if !CHECK.contains(check) {
        return Err(IdProblem::Character {
            position: 11,
            found: check,
            allowed: "0–9, A–Y".into(),
        });
    }
    let year = century + i32::try_from(num(&date_digits, 4, 6)).unwrap_or(0);
    let birth = date(
        year,
        num(&date_digits, 2, 4),
        num(&date_digits, 0, 2),
        (1, 7),
    )?;
    let birth = born(birth, today, (1, 7))?;
    // 000–001 are unused and 900–999 are temporary identifiers that organisations assign, never
    // a personal identity code on a document (DVV).
    if !(2..900).contains(&num(&ind, 0, 3)) {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 8,
            end: 10,
        });
    }
    let mut all = date_digits;
    all.extend(&ind);
    expect_char(s, 11, check_char(&all))?;
    let sex = if num(&ind, 2, 3) % 2 == 1 {
        Sex::M
    } else {
        Sex::F
    };
    Ok(Decoded::none().dob(birth, (1, 7)).sex(sex, 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;
    use chrono::NaiveDate;

    #[test]
    fn valid_and_decoded() {
        let d = validate("131052-308T", test_today()).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1952, 10, 13));
        assert_eq!(d.sex, Some(Sex::F));
        // New 2023 century signs: same person data, Y instead of -.
        assert_eq!(
            validate("131052Y308T", test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(1952, 10, 13)
        );
        // A (2000s) makes it 2052: not born yet, so the code is malformed; 2012 is fine.
        assert_eq!(
            validate("131052A308T", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::FutureBirth,
                start: 1,
                end: 7
            })
        );
        let body = [1, 3, 1, 0, 1, 2, 3, 0, 8];
        let s = format!("131012A308{}", check_char(&body));
        assert_eq!(
            validate(&s, test_today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(2012, 10, 13)
        );
        assert_eq!(
            validate("131052-308U", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: 'T'
            })
        );
        assert!(matches!(
            validate("131052G308T", test_today()),
            Err(IdProblem::Character { position: 7, .. })
        ));
        assert_eq!(
            validate("131052-001T", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 8,
                end: 10
            })
        );
    }
}
