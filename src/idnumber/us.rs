//! US Social Security Number.
//!
//! Authority: Social Security Administration (POMS RM 10201; "SSN randomization", 2011).
//! `AAA-GG-SSSS`, 9 digits, no check digit. Never issued: area 000, 666 or 900–999 (900–999 are
//! ITINs), group 00, serial 0000; and the numbers SSA lists as invalidated by misuse in
//! advertising (078-05-1120, 219-09-9999, as listed by python-stdnum `us.ssn`).

use chrono::NaiveDate;

use super::algo::{all_digits, num};
use super::{Decoded, Format, IdProblem, PartRule};

pub const SSN: Format = Format {
    name: "SSN",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 9
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[9])?;
    let area = num(&d, 0, 3);
    if area == 0 || area == 666 || area >= 900 {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 1,
            end: 3,
        });
    }
    if num(&d, 3, 5) == 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 4,
            end: 5,
        });
    }
    if num(&d, 5, 9) == 0 {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 6,
            end: 9,
        });
    }
    if s == "078051120" || s == "219099999" {
        return Err(IdProblem::Part {
            rule: PartRule::Reserved,
            start: 1,
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
    fn structure() {
        assert!(validate(&SSN.clean("536-90-4399"), test_today()).is_ok());
        assert_eq!(
            validate("666904399", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 1,
                end: 3
            })
        );
        assert_eq!(
            validate("936904399", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 1,
                end: 3
            })
        );
        assert_eq!(
            validate("536004399", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 4,
                end: 5
            })
        );
        assert_eq!(
            validate("536900000", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 6,
                end: 9
            })
        );
        assert_eq!(
            validate("078051120", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Reserved,
                start: 1,
                end: 9
            })
        );
    }
}
