//! Brazilian individual taxpayer number (CPF, Cadastro de Pessoas Físicas).
//!
//! Authority: Receita Federal (IN RFB 2.172/2024); also the number of the new national identity
//! card (CIN, Decree 10.977/2022). 11 digits; two mod-11 check digits: dv = 11 − (Σ dᵢ·wᵢ mod 11),
//! 0 when that is 10 or 11, with weights 10…2 for the first and 11…2 for the second. Numbers with
//! all digits equal pass the arithmetic but are never issued.

use chrono::NaiveDate;

use super::algo::{all_digits, digit_char, expect_char, weighted};
use super::{Decoded, Format, IdProblem, PartRule};

pub const CPF: Format = Format {
    name: "CPF",
    strip: ".-/",
    looks_like,
    validate,
};

fn looks_like(s: &str) -> bool {
    s.chars().count() == 11
}

/// One CPF check digit for `body` (9 or 10 digits): weights len+1 … 2.
pub fn check_digit(body: &[u32]) -> u32 {
    let n = u32::try_from(body.len()).unwrap_or(0);
    let weights: Vec<u32> = (2..=n + 1).rev().collect();
    let r = 11 - weighted(body, &weights) % 11;
    if r >= 10 { 0 } else { r }
}

fn validate(s: &str, _today: NaiveDate) -> Result<Decoded, IdProblem> {
    let d = all_digits(s, &[11])?;
    if d.iter().all(|&x| Some(&x) == d.first()) {
        return Err(IdProblem::Part {
            rule: PartRule::Repeated,
            start: 1,
            end: 11,
        });
    }
    expect_char(s, 10, digit_char(check_digit(d.get(..9).unwrap_or(&[]))))?;
    expect_char(s, 11, digit_char(check_digit(d.get(..10).unwrap_or(&[]))))?;
    Ok(Decoded::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idnumber::algo::test_today;

    #[test]
    fn valid_and_invalid() {
        // 390.533.447-05: python-stdnum's br.cpf example; 529.982.247-25 the Receita test number.
        assert!(validate(&CPF.clean("390.533.447-05"), test_today()).is_ok());
        assert!(validate("52998224725", test_today()).is_ok());
        assert_eq!(
            validate("52998224735", test_today()),
            Err(IdProblem::Checksum {
                position: 10,
                expected: '2'
            })
        );
        assert_eq!(
            validate("52998224726", test_today()),
            Err(IdProblem::Checksum {
                position: 11,
                expected: '5'
            })
        );
        assert_eq!(
            validate("11111111111", test_today()),
            Err(IdProblem::Part {
                rule: PartRule::Repeated,
                start: 1,
                end: 11
            })
        );
    }
}
