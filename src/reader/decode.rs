//! From per-character probabilities to an MRZ: each position keeps its few most likely
//! characters of the kind its field allows (digits in dates and check digits, letters in codes
//! and names), and each check digit chooses among the confusable readings of its field
//! (`0`/`O`, `8`/`B`, `1`/`I`, `5`/`S`, `2`/`Z`). A reading is accepted only when every check
//! digit of the layout passes; anything else is unreadable, never a guess.

use crate::countries;
use crate::mrz::{self, Format, check_digit};

/// What a position may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Any,
    Digit,
    /// Letters and the filler (codes, names).
    Alpha,
    /// `M`, `F`, `X` or `<`.
    Sex,
    /// A digit or `<` (the TD3 personal number's check digit when the field is empty).
    DigitOrFiller,
}

impl Kind {
    fn allows(self, c: char) -> bool {
        match self {
            Kind::Any => true,
            Kind::Digit => c.is_ascii_digit(),
            Kind::Alpha => c.is_ascii_uppercase() || c == '<',
            Kind::Sex => matches!(c, 'M' | 'F' | 'X' | '<'),
            Kind::DigitOrFiller => c.is_ascii_digit() || c == '<',
        }
    }
}

type Pos = (usize, usize);

/// A run of positions on one line.
#[derive(Clone, Copy)]
struct Span(usize, usize, usize);

impl Span {
    fn positions(self) -> impl Iterator<Item = Pos> {
        (self.1..self.1 + self.2).map(move |c| (self.0, c))
    }
}

struct Layout {
    kinds: Vec<Vec<Kind>>,
    /// Check-digit groups: the digit and the spans it covers.
    checks: Vec<(Pos, Vec<Span>)>,
    /// Country-code fields (issuing state, nationality).
    countries: Vec<Span>,
    name: Vec<Span>,
}

fn layout(format: Format) -> Layout {
    let (lines, width) = (format.line_count(), format.width());
    let mut kinds = vec![vec![Kind::Any; width]; lines];
    let mut set = |span: Span, k: Kind| {
        for (l, c) in span.positions() {
            if let Some(slot) = kinds.get_mut(l).and_then(|r| r.get_mut(c)) {
                *slot = k;
            }
        }
    };
    let (checks, countries, name) = match format {
        Format::Td1 => {
            set(Span(0, 0, 2), Kind::Alpha);
            set(Span(0, 2, 3), Kind::Alpha);
            set(Span(1, 0, 7), Kind::Digit);
            set(Span(1, 7, 1), Kind::Sex);
            set(Span(1, 8, 7), Kind::Digit);
            set(Span(1, 15, 3), Kind::Alpha);
            set(Span(1, 29, 1), Kind::Digit);
            set(Span(0, 14, 1), Kind::Digit);
            set(Span(2, 0, 30), Kind::Alpha);
            (
                vec![
                    ((0, 14), vec![Span(0, 5, 9)]),
                    ((1, 6), vec![Span(1, 0, 6)]),
                    ((1, 14), vec![Span(1, 8, 6)]),
                    (
                        (1, 29),
                        vec![
                            Span(0, 5, 25),
                            Span(1, 0, 7),
                            Span(1, 8, 7),
                            Span(1, 18, 11),
                        ],
                    ),
                ],
                vec![Span(0, 2, 3), Span(1, 15, 3)],
                vec![Span(2, 0, 30)],
            )
        }
        Format::Td2 | Format::MrvB | Format::Td3 | Format::MrvA => {
            let long = matches!(format, Format::Td3 | Format::MrvA);
            set(Span(0, 0, 2), Kind::Alpha);
            set(Span(0, 2, 3), Kind::Alpha);
            set(Span(0, 5, width - 5), Kind::Alpha);
            set(Span(1, 9, 1), Kind::Digit);
            set(Span(1, 10, 3), Kind::Alpha);
            set(Span(1, 13, 7), Kind::Digit);
            set(Span(1, 20, 1), Kind::Sex);
            set(Span(1, 21, 7), Kind::Digit);
            let mut checks = vec![
                ((1, 9), vec![Span(1, 0, 9)]),
                ((1, 19), vec![Span(1, 13, 6)]),
                ((1, 27), vec![Span(1, 21, 6)]),
            ];
            match format {
                Format::Td3 => {
                    set(Span(1, 42, 1), Kind::DigitOrFiller);
                    set(Span(1, 43, 1), Kind::Digit);
                    checks.push(((1, 42), vec![Span(1, 28, 14)]));
                    checks.push((
                        (1, 43),
                        vec![Span(1, 0, 10), Span(1, 13, 7), Span(1, 21, 22)],
                    ));
                }
                Format::Td2 => {
                    set(Span(1, 35, 1), Kind::Digit);
                    checks.push((
                        (1, 35),
                        vec![Span(1, 0, 10), Span(1, 13, 7), Span(1, 21, 14)],
                    ));
                }
                _ => {}
            }
            let _ = long;
            (
                checks,
                vec![Span(0, 2, 3), Span(1, 10, 3)],
                vec![Span(0, 5, width - 5)],
            )
        }
    };
    Layout {
        kinds,
        checks,
        countries,
        name,
    }
}

/// Two passing readings whose log-probabilities differ by less than this (a factor of 20)
/// are ambiguous.
const AMBIGUITY_LOG_MARGIN: f64 = 3.0;

/// Characters the classifier confuses and check digits are there to tell apart.
const TWINS: &[&str] = &["0ODQ", "8B", "1I", "5S", "2Z", "6G"];

fn twins(a: char, b: char) -> bool {
    a == b || TWINS.iter().any(|t| t.contains(a) && t.contains(b))
}

/// One way of setting some positions (indices into their options) and its log-probability.
#[derive(Clone, Debug)]
struct Assignment {
    logp: f64,
    set: Vec<(Pos, usize)>,
}

/// Step an odometer of indices (digit `k` runs below `size(k)`); `false` once it wraps.
fn advance(idx: &mut [usize], size: impl Fn(usize) -> usize) -> bool {
    for (k, slot) in idx.iter_mut().enumerate() {
        *slot += 1;
        if *slot < size(k) {
            return true;
        }
        *slot = 0;
    }
    false
}

fn apply(choice: &mut [Vec<usize>], a: &Assignment) {
    for &((l, c), i) in &a.set {
        if let Some(slot) = choice.get_mut(l).and_then(|r| r.get_mut(c)) {
            *slot = i;
        }
    }
}

/// Does the check digit at `cd` match the characters of `spans`?
fn passes(spans: &[Span], cd: Pos, get: impl Fn(Pos) -> char) -> bool {
    let data: Vec<char> = spans.iter().flat_map(|s| s.positions()).map(&get).collect();
    let digit = get(cd);
    match (check_digit(data.iter().copied()), digit) {
        (Some(v), d) if d.is_ascii_digit() => d.to_digit(10) == Some(v),
        // An empty TD3 personal number may carry `<` as its check digit.
        (Some(0), '<') => data.iter().all(|&c| c == '<'),
        _ => false,
    }
}

/// Every combination of the options at `positions` (the most uncertain first, the search
/// capped) that satisfies `ok`, best first.
fn search<'a>(
    positions: &[Pos],
    opt: &impl Fn(Pos) -> &'a [(char, f32)],
    base: &[Vec<usize>],
    ok: impl Fn(&Vec<Vec<usize>>) -> bool,
) -> Vec<Assignment> {
    let mut free: Vec<Pos> = positions
        .iter()
        .copied()
        .filter(|&p| opt(p).len() > 1)
        .collect();
    free.sort_by(|&a, &b| {
        let pa = opt(a).first().map_or(1.0, |x| x.1);
        let pb = opt(b).first().map_or(1.0, |x| x.1);
        pa.total_cmp(&pb)
    });
    let mut total = 1usize;
    let mut searched = Vec::new();
    for p in free {
        let n = opt(p).len();
        if total.saturating_mul(n) > 20_000 {
            break;
        }
        total *= n;
        searched.push(p);
    }
    let current = |p: Pos| base.get(p.0).and_then(|r| r.get(p.1)).copied().unwrap_or(0);
    let mut found = Vec::new();
    let mut idx = vec![0usize; searched.len()];
    let mut trial: Vec<Vec<usize>> = base.to_vec();
    loop {
        let mut logp = 0.0f64;
        for (p, &i) in searched.iter().zip(&idx) {
            if let Some(slot) = trial.get_mut(p.0).and_then(|r| r.get_mut(p.1)) {
                *slot = i;
            }
        }
        for p in positions {
            let i = trial
                .get(p.0)
                .and_then(|r| r.get(p.1))
                .copied()
                .unwrap_or(current(*p));
            logp += f64::from(opt(*p).get(i).map_or(1e-9, |x| x.1).max(1e-9)).ln();
        }
        if ok(&trial) {
            found.push(Assignment {
                logp,
                set: searched.iter().copied().zip(idx.iter().copied()).collect(),
            });
        }
        if !advance(&mut idx, |k| searched.get(k).map_or(0, |p| opt(*p).len())) {
            break;
        }
    }
    found.sort_by(|a, b| b.logp.total_cmp(&a.logp));
    found
}

/// The probabilities the classifier gave one line's cells (`probs[pos][class]`).
pub type LineProbs = Vec<Vec<f32>>;

/// A reading every check digit confirms.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub format: Format,
    pub lines: Vec<String>,
    /// Probability the classifier gave each chosen character.
    pub char_prob: Vec<Vec<f32>>,
    /// Positions where a check digit chose a reading other than the classifier's first and
    /// not its look-alike (`0` for `O` is expected; `8` for `R` is a repair).
    pub repaired: usize,
    /// Lowest probability among the name's characters (no check digit protects them).
    pub name_confidence: f32,
}

/// Settings of the search.
#[derive(Clone, Copy, Debug)]
pub struct DecodeLimits {
    /// Alternatives kept per position.
    pub top_k: usize,
    /// An alternative below this probability is not considered.
    pub min_alternative_prob: f32,
    /// At most this many positions may be changed from the classifier's first choice.
    pub max_repairs: usize,
    /// At most this many characters may be read with under even odds (look-alikes pooled).
    pub max_uncertain: usize,
}

/// Decode `format` from the line probabilities over `alphabet`; `None` unless every check
/// digit passes (and the independent parser in `crate::mrz` agrees).
pub fn decode(
    format: Format,
    probs: &[LineProbs],
    alphabet: &[char],
    limits: DecodeLimits,
) -> Option<Decoded> {
    let lay = layout(format);
    if probs.len() != format.line_count() || probs.iter().any(|l| l.len() != format.width()) {
        return None;
    }
    // Per position: the allowed characters by falling probability.
    let options: Vec<Vec<Vec<(char, f32)>>> = probs
        .iter()
        .zip(&lay.kinds)
        .map(|(line, kinds)| {
            line.iter()
                .zip(kinds)
                .map(|(p, kind)| {
                    let mut o: Vec<(char, f32)> = alphabet
                        .iter()
                        .zip(p)
                        .filter(|(c, _)| kind.allows(**c))
                        .map(|(c, p)| (*c, *p))
                        .collect();
                    o.sort_by(|a, b| b.1.total_cmp(&a.1));
                    let best = o.first().map_or(0.0, |x| x.1);
                    let mut kept: Vec<(char, f32)> = o
                        .into_iter()
                        .take(limits.top_k)
                        .enumerate()
                        .filter(|(i, x)| {
                            *i == 0 || x.1 >= limits.min_alternative_prob.max(best * 0.001)
                        })
                        .map(|(_, x)| x)
                        .collect();
                    kept.truncate(limits.top_k.max(1));
                    kept
                })
                .collect()
        })
        .collect();
    let opt = |(l, c): Pos| -> &[(char, f32)] {
        options
            .get(l)
            .and_then(|r| r.get(c))
            .map_or(&[], |v| v.as_slice())
    };
    // Start from the first choice everywhere.
    let mut choice: Vec<Vec<usize>> = options.iter().map(|l| vec![0; l.len()]).collect();
    let get = |choice: &Vec<Vec<usize>>, (l, c): Pos| -> char {
        let i = choice.get(l).and_then(|r| r.get(c)).copied().unwrap_or(0);
        opt((l, c)).get(i).map_or('?', |x| x.0)
    };

    // Each field's check digit: every combination of its uncertain positions that passes,
    // best first. Then the composite check digit over the fields' passing combinations
    // together. The best reading must beat every other passing one clearly: two readings that
    // both pass (two swaps can cancel in the 7-3-1 sum) are ambiguous, so unreadable.
    let (composite, fields): (Vec<_>, Vec<_>) = lay
        .checks
        .iter()
        .partition(|(cd, _)| lay.checks.len() > 3 && Some(*cd) == lay.checks.last().map(|c| c.0));
    let mut field_options: Vec<Vec<Assignment>> = Vec::new();
    let mut in_fields: Vec<Pos> = Vec::new();
    for (cd, spans) in &fields {
        let mut positions: Vec<Pos> = spans.iter().flat_map(|s| s.positions()).collect();
        positions.push(*cd);
        let passing = search(&positions, &opt, &choice, |trial| {
            passes(spans, *cd, |p| get(trial, p))
        });
        if passing.is_empty() {
            return None;
        }
        in_fields.extend(positions);
        field_options.push(passing.into_iter().take(4).collect());
    }
    let mut readings: Vec<(f64, Vec<Vec<usize>>)> = Vec::new();
    let mut pick = vec![0usize; field_options.len()];
    loop {
        let mut trial = choice.clone();
        let mut logp = 0.0;
        for (opts, &k) in field_options.iter().zip(&pick) {
            if let Some(a) = opts.get(k) {
                logp += a.logp;
                apply(&mut trial, a);
            }
        }
        match composite.first() {
            Some((cd, spans)) => {
                let mut positions: Vec<Pos> = spans
                    .iter()
                    .flat_map(|s| s.positions())
                    .filter(|p| !in_fields.contains(p))
                    .collect();
                positions.push(*cd);
                let passing = search(&positions, &opt, &trial, |t| {
                    passes(spans, *cd, |p| get(t, p))
                });
                for a in passing.into_iter().take(4) {
                    let mut t = trial.clone();
                    apply(&mut t, &a);
                    readings.push((logp + a.logp, t));
                }
            }
            None => readings.push((logp, trial)),
        }
        if !advance(&mut pick, |k| field_options.get(k).map_or(0, Vec::len)) {
            break;
        }
    }
    readings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best_logp, best) = readings.first()?.clone();
    if readings
        .get(1)
        .is_some_and(|(l, _)| *l >= best_logp - AMBIGUITY_LOG_MARGIN)
    {
        return None;
    }
    choice = best;

    // Country codes: the most likely combination that is a known code.
    for span in &lay.countries {
        let ps: Vec<Pos> = span.positions().collect();
        let mut best: Option<(f32, Vec<usize>)> = None;
        let n: Vec<usize> = ps.iter().map(|p| opt(*p).len().max(1)).collect();
        let mut idx = vec![0usize; ps.len()];
        loop {
            let code: String = ps
                .iter()
                .zip(&idx)
                .map(|(p, &i)| opt(*p).get(i).map_or('?', |x| x.0))
                .collect();
            let prob: f32 = ps
                .iter()
                .zip(&idx)
                .map(|(p, &i)| opt(*p).get(i).map_or(0.0, |x| x.1))
                .product();
            let trimmed = code.trim_end_matches('<');
            if countries::lookup(trimmed).is_some() && best.as_ref().is_none_or(|(b, _)| prob > *b)
            {
                best = Some((prob, idx.clone()));
            }
            if !advance(&mut idx, |k| n.get(k).copied().unwrap_or(1)) {
                break;
            }
        }
        if let Some((_, idx)) = best {
            for (p, i) in ps.iter().zip(idx) {
                if let Some(slot) = choice.get_mut(p.0).and_then(|r| r.get_mut(p.1)) {
                    *slot = i;
                }
            }
        }
    }

    let lines: Vec<String> = choice
        .iter()
        .enumerate()
        .map(|(l, r)| (0..r.len()).map(|c| get(&choice, (l, c))).collect())
        .collect();
    let char_prob: Vec<Vec<f32>> = choice
        .iter()
        .enumerate()
        .map(|(l, r)| {
            r.iter()
                .enumerate()
                .map(|(c, &i)| opt((l, c)).get(i).map_or(0.0, |x| x.1))
                .collect()
        })
        .collect();
    // Check digits tell twins apart (`0`/`O`); a line of other guesses could satisfy them by
    // chance, so a reading with many uncertain or changed characters outside the twins is
    // refused outright.
    let mut weak = 0;
    let mut foreign = 0;
    for (l, row) in choice.iter().enumerate() {
        for (c, &i) in row.iter().enumerate() {
            let o = opt((l, c));
            let chosen = o.get(i).map_or('?', |x| x.0);
            let first = o.first().map_or('?', |x| x.0);
            let twin_mass: f32 = o.iter().filter(|x| twins(x.0, chosen)).map(|x| x.1).sum();
            if twin_mass < 0.5 {
                weak += 1;
            }
            if !twins(chosen, first) {
                foreign += 1;
            }
        }
    }
    let repaired = foreign;
    if repaired > limits.max_repairs || weak > limits.max_uncertain {
        return None;
    }
    let name_confidence = lay
        .name
        .iter()
        .flat_map(|s| s.positions())
        .map(|(l, c)| {
            char_prob
                .get(l)
                .and_then(|r| r.get(c))
                .copied()
                .unwrap_or(0.0)
        })
        .fold(1.0f32, f32::min);
    // The project's own MRZ parser must agree: layout, characters, every check digit.
    let parsed = mrz::parse(&lines);
    let parsed_mrz = parsed.mrz?;
    if parsed_mrz.format != format
        || !parsed_mrz.bad_check_digits.is_empty()
        || parsed
            .findings
            .iter()
            .any(|f| f.severity == crate::finding::Severity::Fail)
    {
        return None;
    }
    Some(Decoded {
        format,
        lines,
        char_prob,
        repaired,
        name_confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALPHA: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

    /// Probabilities that put `p` on `text`'s character and the rest on `alt` (if any).
    fn probs_for(text: &str, swaps: &[(usize, char, f32)]) -> LineProbs {
        let alphabet: Vec<char> = ALPHA.chars().collect();
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let mut p = vec![0.0001f32; alphabet.len()];
                let idx = |ch: char| alphabet.iter().position(|&a| a == ch).unwrap_or(0);
                p[idx(c)] = 0.99;
                if let Some(&(_, alt, q)) = swaps.iter().find(|s| s.0 == i) {
                    p[idx(c)] = 1.0 - q;
                    p[idx(alt)] = q;
                }
                p
            })
            .collect()
    }

    const LIMITS: DecodeLimits = DecodeLimits {
        top_k: 3,
        min_alternative_prob: 0.01,
        max_repairs: 4,
        max_uncertain: 3,
    };

    /// The ICAO 9303 Part 4 specimen passport.
    const L1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const L2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    #[test]
    fn a_clean_reading_decodes_to_the_specimen() {
        let alphabet: Vec<char> = ALPHA.chars().collect();
        let d = decode(
            Format::Td3,
            &[probs_for(L1, &[]), probs_for(L2, &[])],
            &alphabet,
            LIMITS,
        )
        .expect("decodes");
        assert_eq!(d.lines, vec![L1.to_string(), L2.to_string()]);
        assert_eq!(d.repaired, 0);
    }

    #[test]
    fn check_digits_choose_between_confusable_readings() {
        let alphabet: Vec<char> = ALPHA.chars().collect();
        // The classifier prefers `B` for the `8` of the number and `O` for a date's `0`
        // (digits only there, so the class rule fixes that one), and `S` for the `5` in the
        // expiry check digit; the check digits repair all of them.
        let l2 = probs_for(L2, &[(1, 'B', 0.6), (5, 'O', 0.7), (18, '8', 0.55)]);
        let d = decode(Format::Td3, &[probs_for(L1, &[]), l2], &alphabet, LIMITS).expect("decodes");
        assert_eq!(d.lines[1], L2);
        // `B`→`8` and `O`→`0` are look-alike choices; `8`→`2` is the one repair.
        assert_eq!(d.repaired, 1);
    }

    #[test]
    fn a_reading_no_check_digit_confirms_is_refused() {
        let alphabet: Vec<char> = ALPHA.chars().collect();
        // A confident wrong digit in the birth date: no alternative satisfies its check digit.
        let mut wrong = L2.to_string();
        wrong.replace_range(14..15, "5");
        assert!(
            decode(
                Format::Td3,
                &[probs_for(L1, &[]), probs_for(&wrong, &[])],
                &alphabet,
                LIMITS
            )
            .is_none()
        );
    }
}
