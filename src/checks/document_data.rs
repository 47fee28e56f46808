//! Document text read from the photo (`DOC_DATA_MISMATCH`, `MRZ_UNREADABLE`): what the MRZ
//! printed on each ID photo says, as `reader` read it, against what the user typed.
//!
//! Never a false mismatch: only a reading every check digit confirmed (`MrzOutcome::Read`) is
//! compared. Fields without a check digit (name, sex, nationality) are compared only when each
//! of their characters was read with at least `reader.min_name_confidence`; below that they
//! are left alone, not reported as different. Without a profile (or without a valid typed
//! expiry date), the MRZ's own expiry date is judged like a typed one (`DOC_EXPIRED`,
//! `DOC_EXPIRES_SOON` on the image).

use chrono::NaiveDate;

use super::Facts;
use super::{dates, framing, glare, quality};
use crate::codes::Code;
use crate::countries;
use crate::finding::{Arg, Finding, Severity, Subject, round};
use crate::images::analysis::{ImageAnalysis, PixelAnalysis};
use crate::mrz::{self, Format, Mrz};
use crate::namematch;
use crate::policy::Policy;
use crate::profile::Sex;
use crate::reader::{MrzOutcome, Reading};

/// Findings for the text read from every ID photo. `facts` is the typed profile (`None` when
/// only photos were checked).
pub fn findings(
    analyses: &[ImageAnalysis],
    facts: Option<&Facts>,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<Finding> {
    analyses
        .iter()
        .filter(|a| a.subject.is_id())
        .flat_map(|a| {
            let Some(px) = &a.pixels else {
                return Vec::new();
            };
            match &px.text {
                Some(MrzOutcome::Read(r)) => read(a.subject, r, facts, policy, today),
                Some(MrzOutcome::Unreadable { quad }) => vec![unreadable(a, px, *quad, policy)],
                Some(MrzOutcome::Absent) | None => Vec::new(),
            }
        })
        .collect()
}

/// Where the fields without a check digit lie: (line, start, end) of the nationality and
/// (line, position) of the sex.
fn unprotected_positions(format: Format) -> ((usize, usize, usize), (usize, usize)) {
    match format {
        Format::Td1 => ((1, 15, 18), (1, 7)),
        _ => ((1, 10, 13), (1, 20)),
    }
}

/// The lowest probability among the characters of line `line`, positions `start..end`.
fn min_prob(r: &Reading, line: usize, start: usize, end: usize) -> f64 {
    r.char_prob.get(line).map_or(0.0, |l| {
        (start..end)
            .map(|i| l.get(i).copied().unwrap_or(0.0))
            .fold(1.0, f64::min)
    })
}

fn mismatch(subject: Subject, field: &str, key: &'static str, args: Vec<Arg>) -> Finding {
    Finding::new(Code::DocDataMismatch, subject)
        .field(field)
        .detail(key, args)
}

fn int(n: usize) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A confirmed reading against the profile, then (when the profile gives no expiry date) the
/// MRZ's own expiry date.
fn read(
    subject: Subject,
    r: &Reading,
    facts: Option<&Facts>,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<Finding> {
    let parsed = mrz::parse(&r.lines);
    // The reader accepts only readings the parser finds no fault in; anything else is not
    // trusted enough to compare.
    let Some(m) = parsed.mrz.filter(|m| m.bad_check_digits.is_empty()) else {
        return Vec::new();
    };
    if !parsed.findings.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // A visa's expiry date is the visa's, not the passport's the profile describes.
    let is_visa = matches!(m.format, Format::MrvA | Format::MrvB);
    if let Some(facts) = facts {
        let (nat_pos, sex_pos) = unprotected_positions(m.format);
        let min = policy.reader.min_name_confidence;
        compare_mrz(subject, r, facts, &mut out);
        compare_number(subject, &m, facts, &mut out);
        compare_birth(subject, &m, facts, today, &mut out);
        if !is_visa {
            compare_expiry(subject, &m, facts, today, &mut out);
        }
        if min_prob(r, sex_pos.0, sex_pos.1, sex_pos.1 + 1) >= min {
            compare_sex(subject, &m, facts, &mut out);
        }
        if min_prob(r, nat_pos.0, nat_pos.1, nat_pos.2) >= min {
            compare_nationality(subject, &m, facts, &mut out);
        }
        if r.name_confidence >= min {
            compare_name(subject, &m, facts, &mut out);
        }
    }
    let typed_expiry = facts.is_some_and(|f| f.expiry_date.is_some() || f.never_expires);
    if !is_visa
        && !typed_expiry
        && let Some(expiry) = mrz::resolve_expiry(&m.expiry_date, today)
    {
        let mut judged = Vec::new();
        dates::expiry_checks(expiry, policy, today, &mut judged);
        out.extend(judged.into_iter().map(|mut f| {
            f.subject = subject;
            f
        }));
    }
    out
}

/// Letters and digits only, upper case (how numbers are compared).
fn alnum(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Where two strings differ: 1-based positions and the characters there on each side, when
/// they have the same length; `None` otherwise.
fn same_length_diff(printed: &str, typed: &str) -> Option<(String, String, String)> {
    let (a, b): (Vec<char>, Vec<char>) = (printed.chars().collect(), typed.chars().collect());
    if a.len() != b.len() {
        return None;
    }
    let diffs: Vec<(usize, char, char)> = a
        .iter()
        .zip(&b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i + 1, *x, *y))
        .collect();
    let positions = diffs
        .iter()
        .map(|(i, _, _)| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Some((
        positions,
        diffs.iter().map(|d| d.1).collect(),
        diffs.iter().map(|d| d.2).collect(),
    ))
}

/// 1-based position of the first character where two strings differ.
fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() + 1
}

/// The MRZ typed in the profile against the one printed (only when the user typed one).
fn compare_mrz(subject: Subject, r: &Reading, facts: &Facts, out: &mut Vec<Finding>) {
    let Some(typed) = &facts.mrz else { return };
    let typed: Vec<String> = typed
        .iter()
        .map(|l| l.trim().to_ascii_uppercase().replace(' ', ""))
        .collect();
    if typed.len() != r.lines.len() {
        return;
    }
    for (i, (printed, typed)) in r.lines.iter().zip(&typed).enumerate() {
        if printed == typed {
            continue;
        }
        let (pos, p, t) = same_length_diff(printed, typed).unwrap_or_else(|| {
            let at = first_difference(printed, typed);
            let ch = |s: &str| s.chars().nth(at - 1).map(String::from).unwrap_or_default();
            (at.to_string(), ch(printed), ch(typed))
        });
        out.push(mismatch(
            subject,
            "document.mrz",
            "doc_data.mrz",
            vec![int(i + 1), Arg::text(pos), Arg::pii(p), Arg::pii(t)],
        ));
        return;
    }
}

fn compare_number(subject: Subject, m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    let Some(typed) = facts.document_number.as_deref().map(alnum) else {
        return;
    };
    if typed.is_empty() || m.document_number.is_empty() {
        return;
    }
    // Many ID cards print their serial as the MRZ document number and the holder's number
    // (which the profile may give) in the optional data.
    let found = typed == m.document_number
        || m.personal_number.as_deref() == Some(typed.as_str())
        || (typed.len() >= 5 && m.optional_data.iter().any(|o| o.contains(&typed)));
    if found {
        return;
    }
    let printed = m.document_number.clone();
    let finding = match same_length_diff(&printed, &typed) {
        Some((pos, p, t)) => mismatch(
            subject,
            "document.number",
            "doc_data.number",
            vec![
                Arg::pii(printed),
                Arg::pii(typed),
                Arg::text(pos),
                Arg::pii(p),
                Arg::pii(t),
            ],
        ),
        None => {
            let at = first_difference(&printed, &typed);
            let (pl, tl) = (printed.chars().count(), typed.chars().count());
            mismatch(
                subject,
                "document.number",
                "doc_data.number_length",
                vec![
                    Arg::pii(printed),
                    Arg::pii(typed),
                    int(pl),
                    int(tl),
                    int(at),
                ],
            )
        }
    };
    out.push(finding);
}

/// Which characters of two ISO dates differ, e.g. `9, 10`.
fn date_diff(printed: NaiveDate, typed: NaiveDate) -> String {
    same_length_diff(&printed.to_string(), &typed.to_string())
        .map(|d| d.0)
        .unwrap_or_default()
}

/// Day and month swapped (`1990-03-07` typed as `1990-07-03`).
fn swapped(printed: NaiveDate, typed: NaiveDate) -> bool {
    use chrono::Datelike;
    printed.day() == typed.month() && printed.month() == typed.day() && printed != typed
}

fn date_finding(
    subject: Subject,
    field: &str,
    keys: (&'static str, &'static str),
    printed: NaiveDate,
    typed: NaiveDate,
) -> Finding {
    let key = if swapped(printed, typed) {
        keys.1
    } else {
        keys.0
    };
    mismatch(
        subject,
        field,
        key,
        vec![
            Arg::text(printed.to_string()),
            Arg::text(typed.to_string()),
            Arg::text(date_diff(printed, typed)),
        ],
    )
}

fn compare_birth(
    subject: Subject,
    m: &Mrz,
    facts: &Facts,
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    let (Some(dob), Some(printed)) = (
        facts.date_of_birth,
        mrz::resolve_birth(&m.birth_date, today),
    ) else {
        return;
    };
    // The MRZ prints YYMMDD: 1925 and 2025 look the same, so compare what it can say.
    if dob.format("%y%m%d").to_string() != m.birth_date {
        out.push(date_finding(
            subject,
            "date_of_birth",
            ("doc_data.date_of_birth", "doc_data.date_of_birth.swapped"),
            printed,
            dob,
        ));
    }
}

fn compare_expiry(
    subject: Subject,
    m: &Mrz,
    facts: &Facts,
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    let Some(printed) = mrz::resolve_expiry(&m.expiry_date, today) else {
        return;
    };
    if facts.never_expires {
        out.push(mismatch(
            subject,
            "document.expiry_date",
            "doc_data.expiry_never",
            vec![Arg::text(printed.to_string())],
        ));
    } else if let Some(typed) = facts.expiry_date
        && typed.format("%y%m%d").to_string() != m.expiry_date
    {
        out.push(date_finding(
            subject,
            "document.expiry_date",
            ("doc_data.expiry_date", "doc_data.expiry_date.swapped"),
            printed,
            typed,
        ));
    }
}

fn compare_sex(subject: Subject, m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    // `<` is "unspecified": nothing to compare.
    let (Some(typed), Some(printed)) = (
        facts.sex,
        matches!(m.sex, 'M' | 'F' | 'X')
            .then(|| Sex::parse(&m.sex.to_string()))
            .flatten(),
    ) else {
        return;
    };
    if typed != printed {
        out.push(mismatch(
            subject,
            "sex",
            "doc_data.sex",
            vec![Arg::text(printed.as_str()), Arg::text(typed.as_str())],
        ));
    }
}

fn compare_nationality(subject: Subject, m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    let Some(typed) = facts.nationality else {
        return;
    };
    let printed = m.nationality.as_str();
    if printed.is_empty() {
        return;
    }
    if !countries::mrz_code_matches(printed, typed) {
        out.push(mismatch(
            subject,
            "nationality",
            "doc_data.nationality",
            vec![Arg::text(printed), Arg::text(typed)],
        ));
    }
}

/// The typed `full_name` against the MRZ's name, with the ICAO transliterations and the
/// truncation of long names allowed for (`namematch`). A Chinese name against the MRZ's pinyin
/// is only a warning: romanisation varies.
fn compare_name(subject: Subject, m: &Mrz, facts: &Facts, out: &mut Vec<Finding>) {
    let Some(full) = facts.full_name.as_deref().map(str::trim) else {
        return;
    };
    let printed = m.name_tokens();
    if printed.is_empty() || full.is_empty() {
        return;
    }
    let shown = if m.given_names.is_empty() {
        m.surname.clone()
    } else {
        format!("{}, {}", m.surname, m.given_names)
    };
    if namematch::is_han_name(full) {
        if !namematch::han_matches_latin(full, &printed.join(" ")) {
            out.push(
                mismatch(
                    subject,
                    "full_name",
                    "doc_data.name",
                    vec![Arg::pii(shown), Arg::pii(full)],
                )
                .severity(Severity::Warn),
            );
        }
        return;
    }
    let variants = namematch::icao_variants(full);
    let matches = variants.iter().any(|v| {
        let typed = namematch::normalise_latin(v);
        namematch::same_tokens(&typed, &printed)
            || (m.name_truncated && namematch::truncated_match(&typed, &printed))
    });
    if matches {
        return;
    }
    // Name the typed word that is not printed, and where it differs from the closest printed
    // word of the same length.
    let typed = variants
        .first()
        .map(|v| namematch::normalise_latin(v))
        .unwrap_or_default();
    let closest = typed
        .iter()
        .filter(|w| !printed.contains(w))
        .flat_map(|w| {
            printed
                .iter()
                .filter_map(move |p| same_length_diff(p, w).map(|d| (w, p, d)))
        })
        .min_by_key(|(_, _, d)| d.1.chars().count());
    let finding = match closest {
        Some((word, near, (pos, _, _))) => mismatch(
            subject,
            "full_name",
            "doc_data.name.word",
            vec![
                Arg::pii(shown),
                Arg::pii(full),
                Arg::pii(word.clone()),
                Arg::pii(near.clone()),
                Arg::text(pos),
            ],
        ),
        None => mismatch(
            subject,
            "full_name",
            "doc_data.name",
            vec![Arg::pii(shown), Arg::pii(full)],
        ),
    };
    out.push(finding);
}

/// Bounding box (x, y, width, height) of a quad.
fn bbox(quad: &[[f64; 2]; 4]) -> [f64; 4] {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::MIN, f64::MIN);
    for [x, y] in quad {
        x0 = x0.min(*x);
        y0 = y0.min(*y);
        x1 = x1.max(*x);
        y1 = y1.max(*y);
    }
    [x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0)]
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// `MRZ_UNREADABLE`, with the likely cause among what else was measured on the photo, judged
/// by the policy's own thresholds: a reflection over the MRZ, the document cut off, blur, the
/// document too small, bad exposure, glare elsewhere; else the size of its characters.
fn unreadable(
    a: &ImageAnalysis,
    px: &PixelAnalysis,
    quad: Option<[[f64; 2]; 4]>,
    policy: &Policy,
) -> Finding {
    let subject = a.subject;
    let f = Finding::new(Code::MrzUnreadable, subject);
    let full = a.dimensions.unwrap_or(px.analysis_size);
    let region = quad.as_ref().map(bbox);
    if let Some(region) = region {
        let spots = glare::spots(subject, px, full, policy);
        if spots
            .iter()
            .any(|s| overlap(&[s.x, s.y, s.width, s.height], &region))
        {
            return f.detail("mrz_unreadable.glare", []);
        }
    }
    let mut judged: Vec<Finding> = px
        .document
        .as_ref()
        .map(|d| framing::findings(d, subject, policy))
        .unwrap_or_default();
    judged.extend(quality::findings(a, policy));
    let causes: [(&[Code], &'static str); 5] = [
        (&[Code::DocCutOff], "mrz_unreadable.cut_off"),
        (&[Code::ImageBlurry], "mrz_unreadable.blur"),
        (
            &[Code::DocTooSmall, Code::ImageResolutionLow],
            "mrz_unreadable.too_small",
        ),
        (
            &[
                Code::ImageTooDark,
                Code::ImageOverexposed,
                Code::ImageLowContrast,
            ],
            "mrz_unreadable.exposure",
        ),
        (&[Code::ImageGlare], "mrz_unreadable.glare_elsewhere"),
    ];
    for (codes, key) in causes {
        if let Some(cause) = judged.iter().find(|j| codes.contains(&j.code)) {
            let f = f.detail(key, [Arg::text(cause.code.as_str())]);
            return match (cause.measured, cause.threshold) {
                (Some(m), Some(t)) => f.measured(m, t),
                _ => f,
            };
        }
    }
    // Nothing else failed: say how large the MRZ is in the photo.
    match region {
        Some(r) if r[2] > 0.0 => f.detail("mrz_unreadable.unknown", [Arg::Num(round(r[2], 0))]),
        _ => f.detail("mrz_unreadable.no_cause", []),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_located() {
        assert_eq!(
            same_length_diff("X47T81650", "X47T81658"),
            Some(("9".into(), "0".into(), "8".into()))
        );
        assert_eq!(
            same_length_diff("ABCD", "XBCY"),
            Some(("1, 4".into(), "AD".into(), "XY".into()))
        );
        assert_eq!(same_length_diff("ABC", "ABCD"), None);
        assert_eq!(first_difference("ABC", "ABXD"), 3);
        assert_eq!(first_difference("ABC", "ABCD"), 4);
        assert_eq!(first_difference("", ""), 1);
    }

    #[test]
    fn dates_say_what_differs() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date_diff(d("1983-05-17"), d("1983-05-18")), "10");
        assert!(swapped(d("1990-03-07"), d("1990-07-03")));
        assert!(!swapped(d("1990-03-03"), d("1990-03-03")));
        assert!(!swapped(d("1990-03-07"), d("1990-03-08")));
    }

    /// The ICAO 9303 specimen passport (contract example), read with full confidence.
    fn specimen(name_confidence: f64, char_prob: f64) -> Reading {
        Reading {
            format: Format::Td3,
            lines: vec![
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<".into(),
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10".into(),
            ],
            confidence: 0.99,
            name_confidence,
            repaired: 0,
            char_prob: vec![vec![char_prob; 44]; 2],
            quad: [[0.0, 0.0], [440.0, 0.0], [440.0, 40.0], [0.0, 40.0]],
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The specimen's own data, as a user would type it.
    fn typed() -> Facts {
        Facts {
            full_name: Some("Anna Maria Eriksson".into()),
            date_of_birth: Some(d("1974-08-12")),
            sex: Some(Sex::F),
            nationality: Some("UTO"),
            document_number: Some("L898902C3".into()),
            expiry_date: Some(d("2012-04-15")),
            ..Facts::default()
        }
    }

    fn judge(r: &Reading, facts: Option<&Facts>, today: &str) -> Vec<(Code, Option<String>)> {
        read(
            Subject::IdFront,
            r,
            facts,
            &Policy::default_policy(),
            d(today),
        )
        .into_iter()
        .map(|f| (f.code, f.field))
        .collect()
    }

    #[test]
    fn the_specimen_matches_its_own_data() {
        assert_eq!(
            judge(&specimen(0.99, 0.99), Some(&typed()), "2010-01-01"),
            []
        );
    }

    #[test]
    fn each_field_that_differs_is_named() {
        let r = specimen(0.99, 0.99);
        type Change = fn(&mut Facts);
        let cases: [(Change, &str); 6] = [
            (
                |f| f.document_number = Some("L898902C4".into()),
                "document.number",
            ),
            (|f| f.date_of_birth = Some(d("1974-12-08")), "date_of_birth"),
            (
                |f| f.expiry_date = Some(d("2012-04-16")),
                "document.expiry_date",
            ),
            (|f| f.sex = Some(Sex::M), "sex"),
            (|f| f.nationality = Some("DEU"), "nationality"),
            (
                |f| f.full_name = Some("Anna Maria Eriksen".into()),
                "full_name",
            ),
        ];
        for (change, field) in cases {
            let mut facts = typed();
            change(&mut facts);
            assert_eq!(
                judge(&r, Some(&facts), "2010-01-01"),
                [(Code::DocDataMismatch, Some(field.to_string()))],
                "{field}"
            );
        }
    }

    #[test]
    fn fields_without_check_digit_need_confidence() {
        let mut facts = typed();
        facts.full_name = Some("Anna Maria Eriksen".into());
        facts.sex = Some(Sex::M);
        facts.nationality = Some("DEU");
        // Name below the threshold: not judged; sex and nationality likewise.
        assert_eq!(judge(&specimen(0.5, 0.5), Some(&facts), "2010-01-01"), []);
        // The number has a check digit: still judged.
        facts.document_number = Some("L898902C4".into());
        assert_eq!(
            judge(&specimen(0.5, 0.5), Some(&facts), "2010-01-01"),
            [(Code::DocDataMismatch, Some("document.number".into()))]
        );
    }

    #[test]
    fn transliteration_and_typed_mrz() {
        let mut facts = typed();
        facts.full_name = Some("ÄNNA MARIA ERIKSSON".into());
        assert_eq!(judge(&specimen(0.99, 0.99), Some(&facts), "2010-01-01"), []);
        let mut facts = typed();
        let mut lines = specimen(0.99, 0.99).lines;
        lines[1] = lines[1].replacen("L898902C3", "L898902C8", 1);
        facts.mrz = Some(lines);
        assert_eq!(
            judge(&specimen(0.99, 0.99), Some(&facts), "2010-01-01"),
            [(Code::DocDataMismatch, Some("document.mrz".into()))]
        );
    }

    #[test]
    fn read_expiry_is_judged_without_a_typed_one() {
        let r = specimen(0.99, 0.99);
        // No profile: the specimen expired on 2012-04-15.
        let findings = read(
            Subject::IdBack,
            &r,
            None,
            &Policy::default_policy(),
            d("2026-12-01"),
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::DocExpired);
        assert_eq!(findings[0].subject, Subject::IdBack);
        assert_eq!(
            judge(&r, None, "2012-04-01"),
            [(Code::DocExpiresSoon, Some("document.expiry_date".into()))]
        );
        // A typed expiry date is judged by the profile checks, not again here.
        assert_eq!(judge(&r, Some(&typed()), "2026-12-01"), []);
        let mut no_expiry = typed();
        no_expiry.expiry_date = None;
        assert_eq!(
            judge(&r, Some(&no_expiry), "2026-12-01"),
            [(Code::DocExpired, Some("document.expiry_date".into()))]
        );
    }

    #[test]
    fn quad_box() {
        let q = [[10.0, 20.0], [110.0, 22.0], [108.0, 60.0], [9.0, 58.0]];
        assert_eq!(bbox(&q), [9.0, 20.0, 101.0, 40.0]);
        assert!(overlap(&bbox(&q), &[100.0, 50.0, 5.0, 5.0]));
        assert!(!overlap(&bbox(&q), &[200.0, 50.0, 5.0, 5.0]));
    }
}
