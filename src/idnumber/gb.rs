//! UK National Insurance number (NINO).
//!
//! Authority: HMRC National Insurance Manual NIM39110. Two prefix letters, six digits, a suffix
//! A–D. The first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; the
//! prefixes BG, GB, KN, NK, NT, TN and ZZ are not allocated. No check character.

use chrono::NaiveDate;

use super::algo::shape;
use super::{Decoded, Format, IdProblem, PartRule};

pub const NINO: Format = Format {
    name: "NINO",
    strip: "-",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 9 && s.chars().take(2).all(|c| c.is_ascii_uppercase())
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    shape(s, "AA999999A")?;
    let first = s.chars().next().unwrap_or(' ');
    let second = s.chars().nth(1).unwrap_or(' ');
    if "DFIQUV".contains(first)
        || "DFIOQUV".contains(second)
        || ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&s.get(..2).unwrap_or(""))
    {
        return Err(IdProblem::Part {
            rule: PartRule::Prefix,
            start: 1,
            end: 2,
        });
    }
    let suffix = s.chars().nth(8).unwrap_or(' ');
    if !"ABCD".contains(suffix) {
        return Err(IdProblem::Character {
            position: 9,
            found: suffix,
            allowed: "A B C D".into(),
        });
    }
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn prefix_rules() {
        assert!(validate("AB123456C", test_today()).is_ok());
        assert_eq!(
            validate("DA123456C", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 2
            })
        );
        assert_eq!(
            validate("AO123456C", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 2
            })
        );
        assert_eq!(
            validate("GB123456A", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Prefix,
                start: 1,
                end: 2
            })
        );
        assert!(matches!(
            validate("AB123456E", test_today()),
            Err(IdProblem::Character { position: 9, .. })
        ));
    }
}
