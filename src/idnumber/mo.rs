//! Macau resident identity card number (BIR, 澳門居民身份證編號).
//!
//! Authority: Identification Services Bureau (DSI). Printed as `1234567(8)`: 7 digits plus a
//! check digit in parentheses. DSI does not publish the check-digit algorithm, so this is a
//! shape check only (8 digits); no checksum, no embedded data.

use chrono::NaiveDate;

use super::algo::all_digits;
use super::{Decoded, Format, IdProblem};

pub const BIR: Format = Format {
    name: "Macau BIR",
    strip: "-/()",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 8 && s.chars().all(|c| c.is_ascii_digit())
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    all_digits(s, &[8])?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn shape_only() {
        assert!(validate(&BIR.clean("1234567(8)"), test_today()).is_ok());
        assert!(matches!(
            validate("1234567", test_today()),
            Err(IdProblem::Length { .. })
        ));
    }
}
