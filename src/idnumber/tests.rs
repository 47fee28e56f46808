//! Tests through `check(&Facts, test_today())` and property tests on every check-digit rule.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::algo::test_today;
use super::*;
use crate::messages::{Lang, render_detail};

fn facts(country: &'static str, doc_type: &str, number: &str) -> Facts {
    Facts {
        document_country: Some(country),
        document_type: Some(doc_type.to_string()),
        document_number: Some(number.to_string()),
        ..Facts::default()
    }
}

fn codes(findings: &[Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}

fn rendered(findings: &[Finding]) -> Vec<String> {
    let mut out = Vec::new();
    for f in findings {
        let detail = f
            .detail
            .as_ref()
            .expect("every idnumber finding has a detail");
        for lang in [Lang::En, Lang::Zh] {
            out.push(render_detail(detail, lang, true).expect("detail key exists"));
        }
    }
    out
}

#[test]
fn cn_id_matching_profile_is_clean() {
    let mut f = facts("CN", "national_id", "11010519491231002X");
    f.date_of_birth = NaiveDate::from_ymd_opt(1949, 12, 31);
    f.sex = Some(Sex::F);
    assert_eq!(check(&f, test_today()), vec![]);
}

#[test]
fn cn_id_dob_and_sex_mismatch() {
    let number = "11010519491231002X";
    let mut f = facts("CN", "national_id", number);
    f.date_of_birth = NaiveDate::from_ymd_opt(1949, 12, 13);
    f.sex = Some(Sex::M); // 17th digit 2 is even: female
    let findings = check(&f, test_today());
    assert_eq!(
        codes(&findings),
        [Code::IdNumberDobMismatch, Code::IdNumberSexMismatch]
    );
    assert!(
        findings
            .iter()
            .all(|f| f.field.as_deref() == Some("document.number"))
    );
    let texts = rendered(&findings);
    assert!(
        texts[0].contains("1949-12-31")
            && texts[0].contains("1949-12-13")
            && texts[0].contains("7–14"),
        "{}",
        texts[0]
    );
    assert!(texts[1].contains("1949-12-31"), "{}", texts[1]);
    assert!(texts[2].contains("17"), "{}", texts[2]);
    for t in &texts {
        assert!(!t.contains(number), "message leaks the number: {t}");
    }
}

#[test]
fn messages_never_contain_the_number() {
    let cases = [
        ("CN", "national_id", "110105194912310021"),
        ("CN", "national_id", "110105491231002"),
        ("CN", "national_id", "1101051949123100"),
        ("ES", "national_id", "12345678A"),
        ("IN", "national_id", "2341234123"),
        ("BR", "national_id", "111.111.111-11"),
        ("CN", "passport", "E1234567A"),
        ("KR", "national_id", "800101-1234567"),
    ];
    for (country, doc, number) in cases {
        let findings = check(&facts(country, doc, number), test_today());
        assert!(
            !findings.is_empty(),
            "{country} {number} should be reported"
        );
        for t in rendered(&findings) {
            assert!(
                !t.contains(number) && !t.contains(&normalise(number)),
                "{t}"
            );
        }
    }
}

#[test]
fn checksum_finding_names_position_and_expected() {
    let findings = check(
        &facts("CN", "national_id", "110105194912310021"),
        test_today(),
    );
    assert_eq!(codes(&findings), [Code::IdNumberChecksum]);
    let texts = rendered(&findings);
    assert!(
        texts[0].contains("position 18") && texts[0].contains(" X."),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains("第18位") && texts[1].contains("应为 X"),
        "{}",
        texts[1]
    );
}

#[test]
fn full_width_and_separators_are_normalised() {
    let mut f = facts(
        "CN",
        "national_id",
        " １１０１０５ １９４９１２３１ ００２ｘ ",
    );
    f.date_of_birth = NaiveDate::from_ymd_opt(1949, 12, 31);
    assert_eq!(check(&f, test_today()), vec![]);
    assert!(check(&facts("BR", "national_id", "529.982.247-25"), test_today()).is_empty());
    assert!(check(&facts("HK", "national_id", "A123456(3)"), test_today()).is_empty());
    assert!(check(&facts("SE", "national_id", "811218-9876"), test_today()).is_empty());
    assert!(check(&facts("FI", "national_id", "131052-308T"), test_today()).is_empty());
}

#[test]
fn india_recognises_aadhaar_and_pan() {
    assert!(check(&facts("IN", "national_id", "2341 2341 2346"), test_today()).is_empty());
    assert!(check(&facts("IN", "national_id", "ABCPE1234F"), test_today()).is_empty());
    let f = check(&facts("IN", "national_id", "2341 2341 2347"), test_today());
    assert_eq!(codes(&f), [Code::IdNumberChecksum]);
    let f = check(&facts("IN", "national_id", "12345"), test_today());
    assert_eq!(codes(&f), [Code::IdNumberFormat]);
    assert_eq!(
        f[0].detail.as_ref().map(|d| d.key),
        Some("idnum.unrecognised")
    );
}

#[test]
fn card_serials_are_not_mistaken_for_personal_numbers() {
    // An Italian identity card number (CIE) is not a codice fiscale: nothing to report.
    assert!(check(&facts("IT", "national_id", "CA00000AA"), test_today()).is_empty());
    // But a codice fiscale in personal_number is checked.
    let mut f = facts("IT", "national_id", "CA00000AA");
    f.personal_number = Some("RSSMRA85T10A562T".into());
    let findings = check(&f, test_today());
    assert_eq!(codes(&findings), [Code::IdNumberChecksum]);
    assert_eq!(
        findings[0].field.as_deref(),
        Some("document.personal_number")
    );
    // Unknown country: no guessing.
    assert!(check(&facts("ZZ", "national_id", "whatever"), test_today()).is_empty());
    // A driving licence number elsewhere is not checked.
    assert!(check(&facts("FR", "driving_licence", "12AB34567"), test_today()).is_empty());
}

#[test]
fn passports_use_passport_rules() {
    // A CN passport number is not a resident ID number.
    assert!(check(&facts("CN", "passport", "E12345678"), test_today()).is_empty());
    assert_eq!(
        codes(&check(&facts("CN", "passport", "E1234567A"), test_today())),
        [Code::IdNumberFormat]
    );
    assert_eq!(
        codes(&check(&facts("UTO", "passport", "L898902C3"), test_today())),
        []
    );
    assert_eq!(
        codes(&check(&facts("FR", "passport", "12AB_3456"), test_today())),
        [Code::IdNumberFormat]
    );
}

#[test]
fn two_digit_year_formats_compare_without_century() {
    let mut f = facts("ZA", "national_id", "8001015009087");
    f.date_of_birth = NaiveDate::from_ymd_opt(1980, 1, 1);
    f.sex = Some(Sex::M);
    assert!(check(&f, test_today()).is_empty());
    f.date_of_birth = NaiveDate::from_ymd_opt(1980, 1, 2);
    let findings = check(&f, test_today());
    assert_eq!(codes(&findings), [Code::IdNumberDobMismatch]);
    assert!(rendered(&findings)[0].contains("80-01-01 (YY-MM-DD)"));
}

#[test]
fn kr_checksum_mismatch_is_only_a_warning() {
    let findings = check(&facts("KR", "national_id", "800101-1234567"), test_today());
    assert_eq!(codes(&findings), [Code::IdNumberChecksum]);
    assert_eq!(findings[0].severity, Severity::Warn);
}

/// Issue 13: a number whose birth date has not happened yet is malformed whatever the profile
/// says (here the profile even agrees with it), with its own sentence in both languages.
#[test]
fn birth_after_today_is_a_format_error() {
    // KR 7th digit 3: the 2000s, so 520101 is 2052-01-01.
    let body = [5, 2, 0, 1, 0, 1, 3, 1, 2, 3, 4, 5];
    let number: String = body
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .chain(char::from_digit(kr::check_digit(&body), 10))
        .collect();
    let mut f = facts("KR", "national_id", &number);
    f.date_of_birth = NaiveDate::from_ymd_opt(2052, 1, 1);
    let findings = check(&f, test_today());
    assert_eq!(codes(&findings), [Code::IdNumberFormat]);
    let texts = rendered(&findings);
    assert!(texts[0].contains("after today"), "{}", texts[0]);
    assert!(texts[1].contains("晚于今天"), "{}", texts[1]);
    // The same number is fine once 2052 has come.
    let later = NaiveDate::from_ymd_opt(2052, 6, 1).unwrap();
    assert!(check(&f, later).is_empty());
}

#[test]
fn sex_x_is_never_a_mismatch() {
    let mut f = facts("CN", "national_id", "11010519491231002X");
    f.sex = Some(Sex::X);
    assert!(check(&f, test_today()).is_empty());
}

// ---- Exhaustive single-substitution tests on published valid numbers ----------------------
//
// For each valid example, every position is replaced by every other character of the format's
// alphabet, and the validator must reject the result — exactly where the check rule guarantees
// it. Guarantees (standard results for these schemes):
// - ISO 7064 MOD 11-2 (CN), mod 11 with non-zero weights (HKID digits, NO, CL, NL, SG
//   per-prefix tables), TR's weights 7/−1 mod 10, mod 23 (ES), mod 26 with permutation tables
//   (IT), mod 31 (FI), mod 97 (FR): every single-character substitution changes the remainder.
// - Luhn (SE, CA, ZA) and Verhoeff (Aadhaar): every single-digit substitution is caught.
// - PESEL weights 1 3 7 9 are coprime to 10: every substitution is caught.
// - Rules that map "mod 11" onto one decimal digit (TH, CPF, EE, KR), TH's weight 11 on the
//   3rd digit, and mod-10 sums whose weights share a factor with 10 (TW, CURP) do NOT catch
//   every substitution; the property tests below assert exactly which ones they miss.

fn substitutions(valid: &str, alphabet: &str) -> Vec<String> {
    let chars: Vec<char> = valid.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        for c in alphabet.chars().filter(|&c| c != chars[i]) {
            let mut v = chars.clone();
            v[i] = c;
            out.push(v.into_iter().collect());
        }
    }
    out
}

const DIGITS: &str = "0123456789";
const ALNUM: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn assert_all_caught(format: &Format, valid: &str, alphabet: &str) {
    assert!(
        (format.validate)(valid, test_today()).is_ok(),
        "{} example {valid} must be valid",
        format.name
    );
    for s in substitutions(valid, alphabet) {
        assert!(
            (format.validate)(&s, test_today()).is_err(),
            "{}: substitution {s} of {valid} not caught",
            format.name
        );
    }
}

#[test]
fn every_substitution_caught_where_guaranteed() {
    assert_all_caught(&cn::RIC, "11010519491231002X", "0123456789X");
    assert_all_caught(&cn::RIC, "440308199901101512", "0123456789X");
    // HKID letters count 10–35 mod 11, so letters 11 apart (A/L/W, B/M/X, …) collide in the
    // prefix; every digit substitution and every check-character substitution is caught.
    assert_all_caught(&hk::HKID, "A1234563", DIGITS);
    for c in "BCDEFGHIJKMNOPQRSTUVXYZ".chars() {
        assert!(
            (hk::HKID.validate)(&format!("{c}1234563"), test_today()).is_err(),
            "{c}"
        );
    }
    // TW is a mod-10 weighted sum: see `tw_mod10_exact_blind_spots` for what it misses.
    assert_all_caught(&sg::NRIC, "S1234567D", DIGITS);
    assert_all_caught(&in_::AADHAAR, "234123412346", DIGITS);
    assert_all_caught(&tr::TCKN, "10000000146", DIGITS);
    assert_all_caught(&cl::RUT, "125319092", DIGITS);
    assert_all_caught(&ca::SIN, "123456782", DIGITS);
    assert_all_caught(&es::DNI, "12345678Z", DIGITS);
    assert_all_caught(&es::DNI, "12345678Z", "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    assert_all_caught(&es::NIE, "X1234567L", DIGITS);
    assert_all_caught(&it::CF, "RSSMRA85T10A562S", ALNUM);
    assert_all_caught(&pl::PESEL, "44051401359", DIGITS);
    assert_all_caught(&se::PNR, "8112189876", DIGITS);
    assert_all_caught(&no::FNR, "01010750160", DIGITS);
    assert_all_caught(&nl::BSN, "111222333", DIGITS);
    assert_all_caught(&fr::NIR, "295109912611193", DIGITS);
    assert_all_caught(&za::ID, "8001015009087", DIGITS);
}

#[test]
fn finnish_checksum_catches_all_but_the_century_sign() {
    // The century sign is not part of the mod-31 sum: replacing it with another valid sign
    // gives a valid code for a different century. Every other substitution is caught.
    let valid = "131052-308T";
    for s in substitutions(valid, "0123456789ABCDEFHJKLMNPRSTUVWXY+-") {
        let sign_changed = s.chars().nth(6) != Some('-');
        if !sign_changed {
            assert!((fi::HETU.validate)(&s, test_today()).is_err(), "{s}");
        }
    }
}

fn ds(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

fn body_strategy(len: usize) -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(0u32..10, len)
}

/// Replace digit `pos` of `d` by `(d[pos] + delta) % 10` (delta 1..=9: always a change).
fn substitute(d: &[u32], pos: usize, delta: u32) -> Vec<u32> {
    let mut v = d.to_vec();
    v[pos] = (v[pos] + delta) % 10;
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// ISO 7064 MOD 11-2: every single-digit substitution in the body changes the check character.
    #[test]
    fn cn_mod11_2(body in body_strategy(17), pos in 0usize..17, delta in 1u32..10) {
        prop_assert_ne!(cn::check_char(&body), cn::check_char(&substitute(&body, pos, delta)));
    }

    /// Luhn: every single-digit substitution is caught.
    #[test]
    fn luhn_catches_substitutions(body in body_strategy(12), pos in 0usize..12, delta in 1u32..10) {
        prop_assert_ne!(algo::luhn_digit(&body), algo::luhn_digit(&substitute(&body, pos, delta)));
    }

    /// Verhoeff (Aadhaar): every single-digit substitution is caught.
    #[test]
    fn verhoeff_catches_substitutions(body in body_strategy(11), pos in 0usize..11, delta in 1u32..10) {
        prop_assert_ne!(algo::verhoeff_digit(&body), algo::verhoeff_digit(&substitute(&body, pos, delta)));
    }

    /// PESEL: weights 1 3 7 9 are units mod 10: every substitution is caught.
    #[test]
    fn pesel_catches_substitutions(body in body_strategy(10), pos in 0usize..10, delta in 1u32..10) {
        prop_assert_ne!(pl::check_digit(&body), pl::check_digit(&substitute(&body, pos, delta)));
    }

    /// TR: d10 weights 7 and −1 are units mod 10, so d10 changes for any substitution in d1–d9.
    #[test]
    fn tckn_catches_substitutions(body in body_strategy(9), pos in 0usize..9, delta in 1u32..10) {
        prop_assert_ne!(tr::check_digits(&body).0, tr::check_digits(&substitute(&body, pos, delta)).0);
    }

    /// ES mod 23: every digit substitution changes the letter.
    #[test]
    fn es_mod23(body in body_strategy(8), pos in 0usize..8, delta in 1u32..10) {
        prop_assert_ne!(es::letter(&body), es::letter(&substitute(&body, pos, delta)));
    }

    /// FI mod 31 over DDMMYYZZZ: every digit substitution changes the check character.
    #[test]
    fn fi_mod31(body in body_strategy(9), pos in 0usize..9, delta in 1u32..10) {
        prop_assert_ne!(fi::check_char(&body), fi::check_char(&substitute(&body, pos, delta)));
    }

    /// FR / BE mod 97: every digit substitution changes the key.
    #[test]
    fn mod97(body in body_strategy(13), pos in 0usize..13, delta in 1u32..10) {
        prop_assert_ne!(fr::key(&body), fr::key(&substitute(&body, pos, delta)));
        let nine = &body[..9];
        if pos < 9 {
            prop_assert_ne!(be::check_value(nine, false), be::check_value(&substitute(nine, pos, delta), false));
        }
    }

    /// CL RUT (weights 2–7 mod 11, 10 → K): every digit substitution changes the check character.
    #[test]
    fn cl_mod11(body in body_strategy(8), pos in 0usize..8, delta in 1u32..10) {
        prop_assert_ne!(cl::check_char(&body), cl::check_char(&substitute(&body, pos, delta)));
    }

    /// NO and NL mod 11 with weights < 11: the remainder always changes; a remainder that maps
    /// to 10 has no valid check digit, so no substitution produces another valid number.
    #[test]
    fn no_nl_mod11(body in body_strategy(10), pos in 0usize..9, delta in 1u32..10) {
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        prop_assert_ne!(no::check_value(&body, &w1), no::check_value(&substitute(&body, pos, delta), &w1));
        if pos < 8 {
            let b = &body[..8];
            prop_assert_ne!(nl::check_value(b), nl::check_value(&substitute(b, pos, delta)));
        }
    }

    /// HKID and SG: mod 11 with non-zero weights < 11 and injective letter tables.
    #[test]
    fn hk_sg_mod11(body in body_strategy(7), pos in 0usize..7, delta in 1u32..10) {
        let text = |d: &[u32]| -> String { std::iter::once('A').chain(d.iter().skip(1).map(|&x| algo::digit_char(x))).collect() };
        if pos > 0 {
            prop_assert_ne!(hk::check_char(&text(&body)), hk::check_char(&text(&substitute(&body, pos, delta))));
        }
        for prefix in ['S', 'T', 'F', 'G', 'M'] {
            prop_assert_ne!(sg::check_letter(prefix, &body), sg::check_letter(prefix, &substitute(&body, pos, delta)));
        }
    }

    /// TW: weights 8…1 on the digits; a substitution is missed only when the weight times the
    /// change is a multiple of 10 (weights 5 and 2, 4, 6, 8 with even/5-multiple changes).
    #[test]
    fn tw_mod10_exact_blind_spots(body in body_strategy(8), pos in 0usize..8, delta in 1u32..10) {
        let changed = substitute(&body, pos, delta);
        let weight = 8 - u32::try_from(pos).unwrap();
        let diff = (changed[pos] + 10 - body[pos]) % 10;
        let missed = tw::check_digit('A', &body) == tw::check_digit('A', &changed);
        prop_assert_eq!(missed, (weight * diff).is_multiple_of(10));
    }

    /// TH: the 3rd digit has weight 11 ≡ 0 (mod 11), so it is not protected at all; elsewhere
    /// (11 − r) mod 10 maps remainders 0 and 10 to the same digit, so a substitution is missed
    /// exactly when it moves the remainder between 0 and 10.
    #[test]
    fn th_exact_blind_spot(body in body_strategy(12), pos in 0usize..12, delta in 1u32..10) {
        let changed = substitute(&body, pos, delta);
        let (r1, r2) = (th::remainder(&body), th::remainder(&changed));
        if pos == 2 {
            prop_assert_eq!(r1, r2);
            return Ok(());
        }
        prop_assert_ne!(r1, r2);
        let missed = th::check_digit(&body) == th::check_digit(&changed);
        prop_assert_eq!(missed, (r1 == 0 && r2 == 10) || (r1 == 10 && r2 == 0));
    }

    /// CPF: each check digit maps remainders 0 and 1 to the same digit 0, so the first digit
    /// alone misses some substitutions. The second then catches them, except when its own
    /// remainders collide the same way, or when the change is in the first position, whose
    /// second-stage weight is 11 ≡ 0 (mod 11) and so cannot move the second digit at all.
    #[test]
    fn cpf_misses_only_when_both_collide(body in body_strategy(9), pos in 0usize..9, delta in 1u32..10) {
        let changed = substitute(&body, pos, delta);
        let d1 = br::check_digit(&body);
        let d1c = br::check_digit(&changed);
        if d1 == d1c {
            // Then the change is caught by d11 unless the second remainder also collides.
            let mut a = body.clone(); a.push(d1);
            let mut b = changed.clone(); b.push(d1c);
            let w: Vec<u32> = (2..=11).rev().collect();
            let (ra, rb) = (11 - algo::weighted(&a, &w) % 11, 11 - algo::weighted(&b, &w) % 11);
            prop_assert_eq!(br::check_digit(&a) == br::check_digit(&b), pos == 0 || (ra >= 10 && rb >= 10));
        }
    }

    /// EE: the fallback to the second weight set can collide with a first-stage 0.
    /// Every substitution either changes the check digit or leaves it 0 via the fallback.
    #[test]
    fn ee_misses_only_through_fallback(body in body_strategy(10), pos in 0usize..10, delta in 1u32..10) {
        let changed = substitute(&body, pos, delta);
        if ee::check_digit(&body) == ee::check_digit(&changed) {
            let r = |d: &[u32]| algo::weighted(d, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
            prop_assert!(r(&body) == 10 || r(&changed) == 10);
        }
    }

    /// KR: same (11 − r) mod 10 mapping as TH.
    #[test]
    fn kr_exact_blind_spot(body in body_strategy(12), pos in 0usize..12, delta in 1u32..10) {
        let w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        let changed = substitute(&body, pos, delta);
        let (r1, r2) = (algo::weighted(&body, &w) % 11, algo::weighted(&changed, &w) % 11);
        let missed = kr::check_digit(&body) == kr::check_digit(&changed);
        prop_assert_eq!(missed, (r1 == 0 && r2 == 10) || (r1 == 10 && r2 == 0));
    }

    /// CURP: mod 10 with weights 18…2; a change Δ in value at weight w is missed exactly when
    /// w·Δ ≡ 0 (mod 10).
    #[test]
    fn curp_mod10_exact_blind_spots(pos in 4usize..10, delta in 1u32..10) {
        let valid = "BOXW310820HNERXN0";
        let mut chars: Vec<char> = valid.chars().collect();
        let old = chars[pos].to_digit(10).unwrap();
        chars[pos] = algo::digit_char(old + delta);
        let changed: String = chars.into_iter().collect();
        let weight = 18 - u32::try_from(pos).unwrap();
        let diff = (old + delta) % 10 + 10 - old;
        let missed = mx::check_digit(valid) == mx::check_digit(&changed);
        prop_assert_eq!(missed, (weight * diff).is_multiple_of(10));
    }

    /// Normalisation never panics and check() never panics on arbitrary input.
    #[test]
    fn never_panics(number in "\\PC{0,24}", country in prop::sample::select(vec!["CN", "HK", "TW", "MO", "SG", "MY", "KR", "IN", "ID", "TH", "TR", "BR", "MX", "AR", "CL", "US", "CA", "ES", "IT", "PL", "SE", "FI", "NO", "DK", "EE", "BE", "NL", "FR", "GB", "ZA", "DE", "UTO"]), doc in prop::sample::select(vec!["passport", "national_id", "driving_licence", "residence_permit"])) {
        let mut f = facts(country, doc, &number);
        f.personal_number = Some(number.clone());
        f.date_of_birth = NaiveDate::from_ymd_opt(1990, 1, 1);
        f.sex = Some(Sex::F);
        let _ = check(&f, test_today());
    }
}

#[test]
fn digit_helper() {
    assert_eq!(ds("12a3"), vec![1, 2, 3]);
}
