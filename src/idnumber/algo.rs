//! Shared building blocks of the validators: character-shape matching, birth-date decoding and
//! the check-digit algorithms several countries use (Luhn, Verhoeff, ISO 7064, weighted sums).

use chrono::NaiveDate;

use super::{IdProblem, PartRule};

/// Check `s` against a shape: one pattern character per input character.
/// `9` digit, `A` letter A–Z, `*` letter or digit, `X` digit or the letter X;
/// any other pattern character must appear literally.
/// Reports the length first (when it differs), then the first character that does not fit.
pub fn shape(s: &str, pattern: &str) -> Result<(), IdProblem> {
    let n = s.chars().count();
    let want = pattern.chars().count();
    if n != want {
        return Err(IdProblem::Length {
            expected: want.to_string(),
            found: n,
        });
    }
    for (i, (c, p)) in s.chars().zip(pattern.chars()).enumerate() {
        let (ok, allowed) = match p {
            '9' => (c.is_ascii_digit(), "0–9"),
            'A' => (c.is_ascii_uppercase(), "A–Z"),
            '*' => (c.is_ascii_uppercase() || c.is_ascii_digit(), "A–Z, 0–9"),
            'X' => (c.is_ascii_digit() || c == 'X', "0–9, X"),
            lit => (c == lit, literal(lit)),
        };
        if !ok {
            return Err(IdProblem::Character {
                position: i + 1,
                found: c,
                allowed: allowed.to_string(),
            });
        }
    }
    Ok(())
}

fn literal(c: char) -> &'static str {
    match c {
        '(' => "(",
        ')' => ")",
        '-' => "-",
        '+' => "+",
        _ => "?",
    }
}

/// True when `s` fits `pattern` (same pattern language as [`shape`]).
pub fn fits(s: &str, pattern: &str) -> bool {
    shape(s, pattern).is_ok()
}

/// Only digits, exactly one of the `lengths`: the usual first check of a numeric format.
pub fn all_digits(s: &str, lengths: &[usize]) -> Result<Vec<u32>, IdProblem> {
    let n = s.chars().count();
    if !lengths.contains(&n) {
        let expected = lengths
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("/");
        return Err(IdProblem::Length { expected, found: n });
    }
    digits(s)
}

/// The digit values of `s`, or the first non-digit as a `Character` problem.
pub fn digits(s: &str) -> Result<Vec<u32>, IdProblem> {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            c.to_digit(10).ok_or(IdProblem::Character {
                position: i + 1,
                found: c,
                allowed: "0–9".to_string(),
            })
        })
        .collect()
}

/// The number formed by `d[from..to]` (0-based, end exclusive); 0 when out of range.
pub fn num(d: &[u32], from: usize, to: usize) -> u32 {
    d.get(from..to)
        .map_or(0, |s| s.iter().fold(0, |acc, x| acc * 10 + x))
}

/// Digit `i` (0-based) or 0.
pub fn at(d: &[u32], i: usize) -> u32 {
    d.get(i).copied().unwrap_or(0)
}

/// A birth date, or a `Part { Date }` problem covering 1-based characters `span`.
pub fn date(year: i32, month: u32, day: u32, span: (usize, usize)) -> Result<NaiveDate, IdProblem> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(IdProblem::Part {
        rule: PartRule::Date,
        start: span.0,
        end: span.1,
    })
}

/// A birth date the number states with its century: after `today` it cannot be a real
/// holder's, so the number is malformed (`Part { FutureBirth }` over `span`).
pub fn born(
    date: NaiveDate,
    today: NaiveDate,
    span: (usize, usize),
) -> Result<NaiveDate, IdProblem> {
    if date > today {
        return Err(IdProblem::Part {
            rule: PartRule::FutureBirth,
            start: span.0,
            end: span.1,
        });
    }
    Ok(date)
}

/// A YYMMDD birth date whose century the number does not state: the latest reading that is a
/// real date and not after `today` (`50` read in 2026 is 1950, `05` is 2005; 29 February of
/// `00` is 2000). A `Date` problem when no century makes it a real date; `FutureBirth` when
/// every real reading is after `today` (only possible for a `today` before 100 AD).
pub fn date_yy(
    yy: u32,
    month: u32,
    day: u32,
    span: (usize, usize),
    today: NaiveDate,
) -> Result<NaiveDate, IdProblem> {
    use chrono::Datelike;
    let yy = i32::try_from(yy % 100).unwrap_or(0);
    let base = today.year() - today.year().rem_euclid(100);
    let readings: Vec<NaiveDate> = [base, base - 100, base - 200]
        .into_iter()
        .filter_map(|c| NaiveDate::from_ymd_opt(c + yy, month, day))
        .collect();
    match readings.iter().find(|d| **d <= today) {
        Some(d) => Ok(*d),
        None => Err(IdProblem::Part {
            rule: if readings.is_empty() {
                PartRule::Date
            } else {
                PartRule::FutureBirth
            },
            start: span.0,
            end: span.1,
        }),
    }
}

/// The check digit value as a character (`10` → `X` where the format says so).
pub fn digit_char(v: u32) -> char {
    char::from_digit(v % 10, 10).unwrap_or('0')
}

/// Luhn (ISO/IEC 7812-1 annex B): the check digit that makes `body` + digit valid.
/// Catches every single-digit substitution and most adjacent transpositions.
pub fn luhn_digit(body: &[u32]) -> u32 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// Verhoeff (dihedral group D5): catches every single-digit substitution and every adjacent
/// transposition. Used by Aadhaar. Tables from Verhoeff (1969): `D` is the multiplication table
/// of D5, `P` row i is the permutation (1 5 7 6 2 8 3 0 9 4) applied i times (row i = P1 ∘ row
/// i−1, which the unit test below recomputes), `INV` the inverse in D5.
const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

fn verhoeff_step(c: u8, i: usize, d: u32) -> u8 {
    let p = VERHOEFF_P
        .get(i % 8)
        .and_then(|row| row.get(d as usize))
        .copied()
        .unwrap_or(0);
    VERHOEFF_D
        .get(c as usize)
        .and_then(|row| row.get(p as usize))
        .copied()
        .unwrap_or(0)
}

/// The Verhoeff check digit for `body`.
pub fn verhoeff_digit(body: &[u32]) -> u32 {
    let c = body
        .iter()
        .rev()
        .enumerate()
        .fold(0u8, |c, (i, &d)| verhoeff_step(c, i + 1, d));
    u32::from(VERHOEFF_INV.get(c as usize).copied().unwrap_or(0))
}

/// Σ dᵢ·wᵢ over the shorter of the two.
pub fn weighted(d: &[u32], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// ISO 7064 MOD 11-2 check character (used by GB 11643, the PRC citizen ID): weights 2^(n-i) mod 11.
pub fn iso7064_mod11_2(body: &[u32]) -> char {
    let sum = body.iter().fold(0u32, |acc, &d| ((acc + d) * 2) % 11);
    let v = (12 - sum % 11) % 11;
    if v == 10 { 'X' } else { digit_char(v) }
}

/// Render a checksum problem for 1-based `position` when `expected` differs from what is there.
pub fn expect_char(s: &str, position: usize, expected: char) -> Result<(), IdProblem> {
    match s.chars().nth(position.saturating_sub(1)) {
        Some(c) if c == expected => Ok(()),
        _ => Err(IdProblem::Checksum { position, expected }),
    }
}

/// The `today` unit tests validate against (the README's example date).
#[cfg(test)]
pub fn test_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(s: &str) -> Vec<u32> {
        s.chars().map(|c| c.to_digit(10).unwrap()).collect()
    }

    #[test]
    fn luhn_known() {
        // 79927398713 is the classic Luhn example (Wikipedia, ISO/IEC 7812).
        assert_eq!(luhn_digit(&ds("7992739871")), 3);
    }

    /// Rows 4 and 7 of `P` were once mistyped (a valid Aadhaar number failed its check):
    /// every row must be P1 applied to the row before it, as Verhoeff defines the table.
    #[test]
    fn verhoeff_permutation_rows_are_powers_of_p1() {
        for (i, pair) in VERHOEFF_P.windows(2).enumerate() {
            for (n, (&prev, &row)) in pair[0].iter().zip(&pair[1]).enumerate() {
                assert_eq!(
                    row,
                    VERHOEFF_P[1][prev as usize],
                    "row {}, column {n}",
                    i + 1
                );
            }
        }
    }

    #[test]
    fn verhoeff_known() {
        // 236 → check digit 3 (Verhoeff 1969 worked example as reproduced on Wikipedia).
        assert_eq!(verhoeff_digit(&ds("236")), 3);
        assert_eq!(verhoeff_digit(&ds("12345")), 1);
    }

    #[test]
    fn iso7064_known() {
        assert_eq!(iso7064_mod11_2(&ds("11010519491231002")), 'X');
        assert_eq!(iso7064_mod11_2(&ds("44030819990110151")), '2');
    }

    #[test]
    fn shape_reports_first_bad_character() {
        assert_eq!(shape("AB12", "AA99"), Ok(()));
        assert_eq!(
            shape("A812", "AA99"),
            Err(IdProblem::Character {
                position: 2,
                found: '8',
                allowed: "A–Z".into()
            })
        );
        assert_eq!(
            shape("AB1", "AA99"),
            Err(IdProblem::Length {
                expected: "4".into(),
                found: 3
            })
        );
    }
}
