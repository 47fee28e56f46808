use super::*;
use proptest::prelude::*;

const TD3: [&str; 2] = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
];
const TD1: [&str; 3] = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
const TD2: [&str; 2] = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
];
const MRV_A: [&str; 2] = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
];
const MRV_B: [&str; 2] = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "L8988901C4XXX4009078F9612109<<<<<<<<",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn lines(l: &[&str]) -> Vec<String> {
    l.iter().map(|s| s.to_string()).collect()
}

/// A profile that agrees with the specimens.
fn profile(mrz: &[&str]) -> Facts {
    Facts {
        full_name: Some("ERIKSSON ANNA MARIA".into()),
        date_of_birth: Some(date("1974-08-12")),
        sex: Some(Sex::F),
        nationality: Some("UTO"),
        document_country: Some("UTO"),
        document_number: Some("L898902C3".into()),
        expiry_date: Some(date("2012-04-15")),
        mrz: Some(lines(mrz)),
        ..Facts::default()
    }
}

/// A TD3 line 1 of a Utopian passport with this name field, filled with `<` to 44.
fn line1(name: &str) -> String {
    let l = format!("{:<<44}", format!("P<UTO{name}"));
    assert_eq!(l.len(), 44);
    l
}

fn keys(f: &[Finding]) -> Vec<&'static str> {
    f.iter()
        .filter_map(|f| f.detail.as_ref().map(|d| d.key))
        .collect()
}

fn codes(f: &[Finding]) -> Vec<Code> {
    f.iter().map(|f| f.code).collect()
}

fn parse_strs(l: &[&str]) -> Parsed {
    parse(&lines(l))
}

fn args(f: &Finding) -> Vec<Arg> {
    f.detail
        .as_ref()
        .map(|d| d.args.clone())
        .unwrap_or_default()
}

#[test]
fn check_digit_values() {
    assert_eq!(check_digit("L898902C3".chars()), Some(6));
    assert_eq!(check_digit("740812".chars()), Some(2));
    assert_eq!(check_digit("120415".chars()), Some(9));
    assert_eq!(check_digit("ZE184226B<<<<<".chars()), Some(1));
    assert_eq!(check_digit("D23145890".chars()), Some(7));
    assert_eq!(check_digit("".chars()), Some(0));
    assert_eq!(check_digit("AB?".chars()), None);
    assert_eq!(char_value('<'), Some(0));
    assert_eq!(char_value('Z'), Some(35));
    assert_eq!(char_value('a'), None);
}

#[test]
fn specimens_parse_cleanly_against_a_matching_profile() {
    for (name, mrz, format) in [
        ("TD3", &TD3[..], Format::Td3),
        ("TD1", &TD1[..], Format::Td1),
        ("TD2", &TD2[..], Format::Td2),
        ("MRV-A", &MRV_A[..], Format::MrvA),
        ("MRV-B", &MRV_B[..], Format::MrvB),
    ] {
        let parsed = parse_strs(mrz);
        assert!(parsed.findings.is_empty(), "{name}: {:?}", parsed.findings);
        let m = parsed.mrz.unwrap();
        assert_eq!(m.format, format);
        assert_eq!(m.surname, "ERIKSSON");
        assert_eq!(m.given_names, "ANNA MARIA");
        assert!(!m.name_truncated);

        let mut facts = profile(mrz);
        facts.document_number = Some(m.document_number.clone());
        if format == Format::MrvA || format == Format::MrvB {
            facts.date_of_birth = Some(date("1940-09-07"));
            facts.sex = Some(Sex::F);
            facts.nationality = Some("XXX");
            facts.expiry_date = Some(date("1996-12-10"));
        }
        let findings = check(&facts, today());
        assert!(findings.is_empty(), "{name}: {findings:?}");
    }
}

#[test]
fn specimen_fields() {
    let m = parse_strs(&TD3).mrz.unwrap();
    assert_eq!(m.document_code, "P");
    assert_eq!(m.issuing_state, "UTO");
    assert_eq!(m.document_number, "L898902C3");
    assert_eq!(m.nationality, "UTO");
    assert_eq!(m.birth_date, "740812");
    assert_eq!(m.sex, 'F');
    assert_eq!(m.expiry_date, "120415");
    assert_eq!(m.personal_number.as_deref(), Some("ZE184226B"));
    let td1 = parse_strs(&TD1).mrz.unwrap();
    assert_eq!(td1.document_number, "D23145890");
    assert_eq!(td1.document_code, "I");
}

/// Replace the character at (line, col), 0-based.
fn corrupt(mrz: &[&str], line: usize, col: usize, c: char) -> Vec<String> {
    let mut l = lines(mrz);
    let mut chars: Vec<char> = l[line].chars().collect();
    chars[col] = c;
    l[line] = chars.into_iter().collect();
    l
}

fn with_other_digit(mrz: &[&str], line: usize, col: usize) -> Vec<String> {
    let old = mrz[line].chars().nth(col).unwrap();
    let new = if old == '3' { '4' } else { '3' };
    corrupt(mrz, line, col, new)
}

#[test]
fn each_corrupted_check_digit_is_named() {
    let cases: &[(&[&str], usize, usize, MrzField)] = &[
        (&TD3, 1, 9, MrzField::DocumentNumber),
        (&TD3, 1, 19, MrzField::DateOfBirth),
        (&TD3, 1, 27, MrzField::ExpiryDate),
        (&TD3, 1, 42, MrzField::PersonalNumber),
        (&TD3, 1, 43, MrzField::Composite),
        (&TD1, 0, 14, MrzField::DocumentNumber),
        (&TD1, 1, 6, MrzField::DateOfBirth),
        (&TD1, 1, 14, MrzField::ExpiryDate),
        (&TD1, 1, 29, MrzField::Composite),
        (&TD2, 1, 9, MrzField::DocumentNumber),
        (&TD2, 1, 19, MrzField::DateOfBirth),
        (&TD2, 1, 27, MrzField::ExpiryDate),
        (&TD2, 1, 35, MrzField::Composite),
        (&MRV_A, 1, 9, MrzField::DocumentNumber),
        (&MRV_A, 1, 19, MrzField::DateOfBirth),
        (&MRV_B, 1, 27, MrzField::ExpiryDate),
    ];
    for &(mrz, line, col, field) in cases {
        let parsed = parse(&with_other_digit(mrz, line, col));
        let hit: Vec<&Finding> = parsed
            .findings
            .iter()
            .filter(|f| f.detail.as_ref().map(|d| d.key) == Some(field.check_digit_key()))
            .collect();
        assert_eq!(hit.len(), 1, "{mrz:?} {line}:{col} {:?}", parsed.findings);
        assert_eq!(hit[0].code, Code::MrzCheckDigit);
        assert_eq!(hit[0].field.as_deref(), Some(FIELD));
        // Line and position are 1-based; the expected digit is the original one.
        let expected = mrz[line].chars().nth(col).unwrap().to_string();
        assert_eq!(
            args(hit[0]),
            vec![
                Arg::Int(line as i64 + 1),
                Arg::Int(col as i64 + 1),
                Arg::text(if expected == "3" { "4" } else { "3" }),
                Arg::text(expected),
            ]
        );
    }
}

#[test]
fn tampered_birth_date_fails_its_digit_and_the_composite() {
    // 740812 → 740813: the DOB check digit and the composite both catch it.
    let parsed = parse(&corrupt(&TD3, 1, 18, '3'));
    assert_eq!(
        keys(&parsed.findings),
        ["mrz.check_digit.date_of_birth", "mrz.check_digit.composite"]
    );
}

#[test]
fn empty_personal_number_check_digit_may_be_filler_or_zero() {
    let filler = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "X123456785UTO7408122F3001019<<<<<<<<<<<<<<<6",
    ];
    assert!(parse_strs(&filler).findings.is_empty());
    // '0' is the same value as '<', so the composite is unchanged.
    let zero = corrupt(&filler, 1, 42, '0');
    assert!(
        parse(&zero).findings.is_empty(),
        "{:?}",
        parse(&zero).findings
    );
    // A filler check digit for a non-empty personal number is an error.
    let bad = corrupt(&TD3, 1, 42, '<');
    assert_eq!(
        keys(&parse(&bad).findings),
        [
            "mrz.check_digit.personal_number",
            "mrz.check_digit.composite"
        ]
    );
    // Other check digits never accept `<`.
    let bad = corrupt(&TD3, 1, 19, '<');
    assert!(keys(&parse(&bad).findings).contains(&"mrz.check_digit.date_of_birth"));
}

#[test]
fn td1_long_document_number() {
    let long = [
        "I<UTOD23145890<1233<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<2",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];
    let parsed = parse_strs(&long);
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
    let m = parsed.mrz.unwrap();
    assert_eq!(m.document_number, "D23145890123");
    let mut facts = profile(&long);
    facts.document_number = Some("D23145890123".into());
    assert!(check(&facts, today()).is_empty());
    facts.document_number = Some("D23145890124".into());
    assert_eq!(
        keys(&check(&facts, today())),
        ["mrz.mismatch.document_number"]
    );

    // The overflow's own check digit (line 1, position 19) is verified.
    let bad = corrupt(&long, 0, 18, '4');
    let f = parse(&bad).findings;
    assert_eq!(
        keys(&f),
        [
            "mrz.check_digit.document_number",
            "mrz.check_digit.composite"
        ]
    );
    assert_eq!(args(&f[0])[..2], [Arg::Int(1), Arg::Int(19)]);

    // `<` in position 15 with nothing in the optional data: no check digit at all.
    let missing = corrupt(&TD1, 0, 14, '<');
    assert!(keys(&parse(&missing).findings).contains(&"mrz.check_digit.document_number"));
}

#[test]
fn td2_long_document_number() {
    let long = [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D23145890<UTO7408122F120415912341<<4",
    ];
    let parsed = parse_strs(&long);
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
    assert_eq!(parsed.mrz.unwrap().document_number, "D231458901234");
}

#[test]
fn chinese_passport_line_two_without_fillers() {
    let cn = [
        &format!("{:<<44}", "POCHNZHANG<<WEI"),
        "E123456782CHN8503150M3003149LJKNMNLGPDNGKM66",
    ];
    let parsed = parse_strs(&cn);
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
    let m = parsed.mrz.unwrap();
    assert_eq!(m.format, Format::Td3);
    assert_eq!(m.surname, "ZHANG");
    let facts = Facts {
        full_name: Some("Zhang Wei".into()),
        native_name: Some("张伟".into()),
        date_of_birth: Some(date("1985-03-15")),
        sex: Some(Sex::M),
        nationality: Some("CHN"),
        document_country: Some("CN"),
        document_number: Some("E12345678".into()),
        // An 18-digit CN ID number cannot be in the 14-character field: not compared.
        personal_number: Some("11010519491231002X".into()),
        expiry_date: Some(date("2030-03-14")),
        mrz: Some(lines(&cn)),
        ..Facts::default()
    };
    assert!(check(&facts, today()).is_empty());
    // A Chinese full_name is compared through its pinyin, as a warning.
    let han = Facts {
        full_name: Some("张伟".into()),
        ..facts.clone()
    };
    assert!(check(&han, today()).is_empty());
    let other = Facts {
        full_name: Some("李娜".into()),
        ..facts
    };
    let f = check(&other, today());
    assert_eq!(codes(&f), [Code::NameMismatch]);
    assert_eq!(f[0].severity, Severity::Warn);
}

#[test]
fn line_count_and_length_problems() {
    assert_eq!(keys(&parse(&[]).findings), ["mrz.empty"]);
    assert_eq!(keys(&parse_strs(&["", "  "]).findings), ["mrz.empty"]);
    assert_eq!(keys(&parse_strs(&[TD3[0]]).findings), ["mrz.line_count"]);
    let four = [TD1[0], TD1[1], TD1[2], TD1[2]];
    assert_eq!(keys(&parse_strs(&four).findings), ["mrz.line_count"]);

    // A dropped trailing filler: line, length, format, expected length, how many are missing.
    let short = [&TD3[0][..43], TD3[1]];
    let p = parse_strs(&short);
    assert!(p.mrz.is_none());
    assert_eq!(keys(&p.findings), ["mrz.line_short"]);
    assert_eq!(
        args(&p.findings[0]),
        [
            Arg::Int(1),
            Arg::Int(43),
            Arg::text("TD3"),
            Arg::Int(44),
            Arg::Int(1)
        ]
    );
    let long = [TD3[0].to_string(), format!("{}<<", TD3[1])];
    let p = parse(&long);
    assert_eq!(keys(&p.findings), ["mrz.line_long"]);
    assert_eq!(args(&p.findings[0])[4..], [Arg::Int(2), Arg::Int(45)]);

    // Surrounding whitespace and blank lines are ignored; both lines in one string with a
    // line break are two lines.
    let padded = ["", &format!("  {}  ", TD3[0]), &format!("{}\t", TD3[1]), ""];
    assert!(parse_strs(&padded).findings.is_empty());
    assert!(
        parse(&[format!("{}\n{}", TD3[0], TD3[1])])
            .findings
            .is_empty()
    );
    // Both lines glued into one string: a warning, then read as two lines.
    let p = parse(&[format!("{}{}", TD3[0], TD3[1])]);
    assert_eq!(keys(&p.findings), ["mrz.one_string"]);
    assert_eq!(p.findings[0].severity, Severity::Warn);
    assert!(p.mrz.is_some());

    // Lines in reverse order.
    assert_eq!(
        keys(&parse_strs(&[TD3[1], TD3[0]]).findings),
        ["mrz.lines_swapped"]
    );
}

#[test]
fn ocr_confusions_are_named_with_their_fix() {
    // Letter O for the digit 0 in a date: reported and read as 0, so nothing else fails.
    let o = corrupt(&TD3, 1, 23, 'O');
    let f = parse(&o).findings;
    assert_eq!(keys(&f), ["mrz.letter_for_digit"]);
    assert_eq!(
        args(&f[0]),
        [Arg::Int(2), Arg::Int(24), Arg::text("O"), Arg::text("0")]
    );
    // The digit 0 for the letter O in a country code.
    let zero = corrupt(&TD3, 1, 12, '0');
    assert_eq!(keys(&parse(&zero).findings), ["mrz.digit_for_letter"]);

    // Guillemets typed for fillers.
    let guillemets = [TD3[0].replace('<', "«"), TD3[1].to_string()];
    let f = parse(&guillemets).findings;
    assert_eq!(keys(&f), ["mrz.filler_lookalike"]);
    assert_eq!(
        args(&f[0]),
        [Arg::Int(1), Arg::Int(2), Arg::text("«"), Arg::Int(23)]
    );
    let single = [TD3[0].replacen('<', "‹", 1), TD3[1].to_string()];
    assert_eq!(keys(&parse(&single).findings), ["mrz.filler_lookalike"]);

    // Lower case.
    let lower = [TD3[0].to_lowercase(), TD3[1].to_string()];
    let f = parse(&lower).findings;
    assert_eq!(keys(&f), ["mrz.lowercase"]);
    assert_eq!(args(&f[0]), [Arg::Int(1), Arg::Int(1)]);

    // Spaces instead of fillers.
    let spaces = [TD3[0].to_string(), TD3[1].replace('<', " ")];
    let f = parse(&spaces).findings;
    assert_eq!(keys(&f), ["mrz.space"]);
    assert_eq!(args(&f[0]), [Arg::Int(2), Arg::Int(38), Arg::Int(5)]);

    // Spaces for every filler, including the trailing ones.
    let spaces = [TD3[0].replace('<', " "), TD3[1].to_string()];
    let f = parse(&spaces).findings;
    assert_eq!(keys(&f), ["mrz.space"]);
    assert_eq!(args(&f[0]), [Arg::Int(1), Arg::Int(2), Arg::Int(23)]);

    // Cyrillic А and Greek Ο look-alikes.
    let cyr = [TD3[0].replacen("ANNA", "АNNA", 1), TD3[1].to_string()];
    let f = parse(&cyr).findings;
    assert_eq!(keys(&f), ["mrz.lookalike"]);
    assert_eq!(
        args(&f[0]),
        [
            Arg::Int(1),
            Arg::Int(16),
            Arg::text("А"),
            Arg::text("U+0410"),
            Arg::text("A")
        ]
    );
    let greek = [TD3[0].to_string(), TD3[1].replacen('U', "Υ", 1)];
    assert_eq!(keys(&parse(&greek).findings), ["mrz.lookalike"]);

    // Full-width characters.
    let wide: String = TD3[1]
        .chars()
        .map(|c| {
            if c == '<' {
                c
            } else {
                char::from_u32(c as u32 + 0xfee0).unwrap()
            }
        })
        .collect();
    let f = parse(&[TD3[0].to_string(), wide]).findings;
    assert_eq!(keys(&f), ["mrz.fullwidth"]);

    // Anything else: named by code point; its check digit is skipped, not guessed.
    let junk = corrupt(&TD3, 1, 2, '#');
    let f = parse(&junk).findings;
    assert_eq!(keys(&f), ["mrz.invalid_char"]);
    assert_eq!(args(&f[0])[3], Arg::text("U+0023"));
    let emoji = corrupt(&TD3, 0, 10, '😀');
    assert_eq!(keys(&parse(&emoji).findings), ["mrz.invalid_char"]);
}

#[test]
fn sex_document_code_and_impossible_dates() {
    assert_eq!(
        keys(&parse(&corrupt(&TD3, 1, 20, 'Q')).findings),
        ["mrz.sex_value"]
    );
    assert!(parse(&corrupt(&TD3, 1, 20, '<')).findings.is_empty());
    assert_eq!(
        keys(&parse(&corrupt(&TD3, 0, 0, 'I')).findings),
        ["mrz.doc_code"]
    );

    // 13th month, with matching check digits: a format problem found in the cross-check.
    let mut l = corrupt(&TD3, 1, 15, '3');
    l[1] = fix_digits(&l[1]);
    let facts = Facts {
        mrz: Some(l),
        ..Facts::default()
    };
    assert_eq!(
        keys(&check(&facts, today())),
        ["mrz.bad_date.date_of_birth"]
    );
    // Unknown birth date parts are printed as `<`; not an error.
    let mut l = lines(&TD3);
    l[1] = fix_digits(&format!("{}74<<<<{}", &TD3[1][..13], &TD3[1][19..]));
    let facts = Facts {
        mrz: Some(l),
        date_of_birth: Some(date("1974-08-12")),
        ..Facts::default()
    };
    assert!(check(&facts, today()).is_empty());
}

/// Recompute every check digit of a TD3 line 2.
fn fix_digits(line2: &str) -> String {
    let mut c: Vec<char> = line2.chars().collect();
    let cd = |c: &[char]| char::from_digit(check_digit(c.iter().copied()).unwrap(), 10).unwrap();
    c[9] = cd(&c[0..9]);
    c[19] = cd(&c[13..19]);
    c[27] = cd(&c[21..27]);
    c[42] = cd(&c[28..42]);
    let comp: Vec<char> = c[0..10]
        .iter()
        .chain(&c[13..20])
        .chain(&c[21..43])
        .copied()
        .collect();
    c[43] = cd(&comp);
    c.into_iter().collect()
}

#[test]
fn every_profile_field_is_compared() {
    let mut facts = profile(&TD3);
    facts.date_of_birth = Some(date("1974-08-21"));
    facts.sex = Some(Sex::M);
    facts.nationality = Some("DEU");
    facts.document_country = Some("DE");
    facts.document_number = Some("L898902C4".into());
    facts.expiry_date = Some(date("2012-04-16"));
    facts.personal_number = Some("ZE184226C".into());
    let f = check(&facts, today());
    assert!(f.iter().all(|f| f.code == Code::MrzFieldMismatch));
    let fields: Vec<&str> = f.iter().filter_map(|f| f.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            "date_of_birth",
            "document.expiry_date",
            "sex",
            "nationality",
            "document.country",
            "document.number",
            "document.personal_number"
        ]
    );
    assert_eq!(
        args(&f[0]),
        [Arg::text("1974-08-12"), Arg::text("1974-08-21")]
    );
    assert_eq!(args(&f[2]), [Arg::text("F"), Arg::text("M")]);
    assert!(matches!(args(&f[5])[..], [Arg::Pii(_), Arg::Pii(_)]));
}

#[test]
fn absent_profile_fields_are_not_compared() {
    let facts = Facts {
        mrz: Some(lines(&TD3)),
        ..Facts::default()
    };
    assert!(check(&facts, today()).is_empty());
    assert!(check(&Facts::default(), today()).is_empty());
}

#[test]
fn numbers_ignore_fillers_spacing_and_optional_data_placement() {
    let mut facts = profile(&TD3);
    facts.document_number = Some("l898 902-c3".into());
    facts.personal_number = Some("ZE184226B".into());
    assert!(check(&facts, today()).is_empty());
    // Spanish-style card: the profile's number is the personal number in the optional data.
    let mut td1 = lines(&TD1);
    td1[0] = "I<UTOD231458907".to_string() + "99999999R<<<<<<";
    td1[1] = fix_td1_composite(&td1[0], &td1[1]);
    let mut facts = profile(&[]);
    facts.mrz = Some(td1);
    facts.document_number = Some("99999999R".into());
    assert!(
        check(&facts, today()).is_empty(),
        "{:?}",
        check(&facts, today())
    );
}

fn fix_td1_composite(l1: &str, l2: &str) -> String {
    let a: Vec<char> = l1.chars().collect();
    let b: Vec<char> = l2.chars().collect();
    let comp: Vec<char> = a[5..30]
        .iter()
        .chain(&b[0..7])
        .chain(&b[8..15])
        .chain(&b[18..29])
        .copied()
        .collect();
    let d = char::from_digit(check_digit(comp).unwrap(), 10).unwrap();
    b[..29].iter().chain(std::iter::once(&d)).collect()
}

#[test]
fn expiry_absent_or_permanent() {
    let mut facts = profile(&TD3);
    facts.expiry_date = None;
    facts.never_expires = true;
    assert_eq!(keys(&check(&facts, today())), ["mrz.mismatch.expiry_never"]);
    let mut l = lines(&TD3);
    l[1] = fix_digits(&format!("{}<<<<<<{}", &TD3[1][..21], &TD3[1][27..]));
    facts.mrz = Some(l.clone());
    assert!(
        check(&facts, today()).is_empty(),
        "{:?}",
        check(&facts, today())
    );
    facts.never_expires = false;
    facts.expiry_date = Some(date("2030-01-01"));
    assert_eq!(
        keys(&check(&facts, today())),
        ["mrz.mismatch.expiry_missing"]
    );
}

#[test]
fn nationality_codes_across_forms() {
    let mut l = lines(&TD3);
    l[1] = l[1].replacen("UTO", "D<<", 1);
    l[1] = fix_digits(&l[1]);
    let mut facts = profile(&[]);
    facts.mrz = Some(l);
    facts.nationality = Some("DEU");
    facts.document_country = Some("UTO");
    assert!(
        check(&facts, today()).is_empty(),
        "{:?}",
        check(&facts, today())
    );
    facts.nationality = Some("FRA");
    assert_eq!(keys(&check(&facts, today())), ["mrz.mismatch.nationality"]);
}

#[test]
fn two_digit_years() {
    let t = today(); // 2025-06-01
    assert_eq!(resolve_birth("740812", t), Some(date("1974-08-12")));
    assert_eq!(resolve_birth("250601", t), Some(date("2025-06-01"))); // born today
    assert_eq!(resolve_birth("250602", t), Some(date("1925-06-02"))); // tomorrow → last century
    assert_eq!(resolve_birth("000229", t), Some(date("2000-02-29")));
    assert_eq!(resolve_birth("991231", t), Some(date("1999-12-31")));
    assert_eq!(resolve_birth("741312", t), None);
    assert_eq!(resolve_birth("74<<<<", t), None);
    assert_eq!(resolve_expiry("120415", t), Some(date("2012-04-15")));
    assert_eq!(resolve_expiry("961210", t), Some(date("1996-12-10")));
    assert_eq!(resolve_expiry("350101", t), Some(date("2035-01-01")));
    assert_eq!(resolve_expiry("750601", t), Some(date("2075-06-01"))); // exactly +50 years
    assert_eq!(resolve_expiry("750602", t), Some(date("1975-06-02")));
    assert_eq!(resolve_expiry("310229", t), None);
    // At the turn of a century.
    let y2k = date("2099-12-31");
    assert_eq!(resolve_birth("000101", y2k), Some(date("2000-01-01")));
    assert_eq!(resolve_expiry("050101", y2k), Some(date("2105-01-01")));
    assert_eq!(resolve_birth("000229", date("1999-01-01")), None);
}

#[test]
fn birth_date_compared_as_printed() {
    // 1925-06-02 and 2025-06-02 print the same; the profile's century is not a mismatch.
    let mut l = lines(&TD3);
    l[1] = fix_digits(&format!("{}250602{}", &TD3[1][..13], &TD3[1][19..]));
    let mut facts = profile(&[]);
    facts.mrz = Some(l);
    facts.date_of_birth = Some(date("1925-06-02"));
    assert!(check(&facts, today()).is_empty());
}

#[test]
fn names_after_transliteration_order_and_truncation() {
    let ok = [
        "ERIKSSON ANNA MARIA",
        "Anna Maria Eriksson",
        "Eriksson, Anna Maria",
        "Anna-Maria Eriksson",
        "ANNAMARIA ERIKSSON",
        "Ánna María Eriksson",
    ];
    for name in ok {
        let mut facts = profile(&TD3);
        facts.full_name = Some(name.into());
        assert!(check(&facts, today()).is_empty(), "{name}");
    }
    let mut facts = profile(&TD3);
    facts.full_name = Some("Anna Eriksson".into());
    let f = check(&facts, today());
    assert_eq!(codes(&f), [Code::NameMismatch]);
    assert_eq!(f[0].field.as_deref(), Some("full_name"));
    assert_eq!(f[0].severity, Severity::Fail);
    assert_eq!(
        args(&f[0]),
        [Arg::pii("ERIKSSON, ANNA MARIA"), Arg::pii("Anna Eriksson")]
    );

    // German umlauts: AE/OE/UE or the bare vowel; ß → SS.
    for mrz_name in ["MUELLER<<JOERG", "MULLER<<JORG"] {
        let l1 = line1(mrz_name);
        let mut facts = profile(&[&l1, TD3[1]]);
        facts.full_name = Some("Jörg Müller".into());
        assert!(check(&facts, today()).is_empty(), "{mrz_name}");
    }
    let l1 = line1("STRASSE<<AASA<OEYVIND");
    let mut facts = profile(&[&l1, TD3[1]]);
    facts.full_name = Some("Åsa Øyvind Straße".into());
    assert!(check(&facts, today()).is_empty());
    let l1 = line1("O<BRIEN<<SEAN");
    facts = profile(&[&l1, TD3[1]]);
    facts.full_name = Some("Seán O'Brien".into());
    assert!(check(&facts, today()).is_empty());

    // A full name field may be truncated: the profile name need only start like it.
    let l1 = line1("VANDERBERG<<ALEXANDRA<KATHARINA<MARGARE");
    assert!(!l1.ends_with('<'));
    let mut facts = profile(&[&l1, TD3[1]]);
    facts.full_name = Some("Alexandra Katharina Margaretha Elisabeth Vanderberg".into());
    assert!(check(&facts, today()).is_empty());
    facts.full_name = Some("Alexandra Katharina Vanderberg".into());
    assert_eq!(codes(&check(&facts, today())), [Code::NameMismatch]);
    // Not truncated (field ends in fillers): extra profile words are a mismatch.
    facts = profile(&TD3);
    facts.full_name = Some("Anna Maria Louise Eriksson".into());
    assert_eq!(codes(&check(&facts, today())), [Code::NameMismatch]);
}

#[test]
fn never_panics_on_odd_input() {
    for l in [
        vec!["<".repeat(44), "<".repeat(44)],
        vec!["😀".repeat(44), "é".repeat(44)],
        vec!["P".into(), "".into(), "x".repeat(1000)],
        vec!["\u{0301}".repeat(30), "<".repeat(30), "A".repeat(30)],
        vec!["V".repeat(36), "9".repeat(36)],
    ] {
        let facts = Facts {
            mrz: Some(l),
            full_name: Some("A B".into()),
            ..profile(&[])
        };
        let _ = check(&facts, today());
    }
}

/// A valid TD3 built from its parts (check digits computed).
fn td3(doc: &str, dob: &str, exp: &str, personal: &str) -> Vec<String> {
    let cd = |s: &str| check_digit(s.chars()).unwrap().to_string();
    let mut l2 = format!(
        "{doc}{}UTO{dob}{}F{exp}{}{personal}{}",
        cd(doc),
        cd(dob),
        cd(exp),
        cd(personal)
    );
    let comp: String = l2[0..10].to_string() + &l2[13..20] + &l2[21..43];
    l2.push_str(&cd(&comp));
    vec![TD3[0].to_string(), l2]
}

fn value(c: char) -> u32 {
    char_value(c).unwrap()
}

proptest! {
    /// Weights 7, 3 and 1 are all coprime to 10, so changing one digit of a numeric field (or
    /// its check digit) to another digit always changes the check digit: always detected.
    #[test]
    fn any_single_digit_substitution_in_a_date_or_check_digit_is_detected(
        dob in "[0-9]{6}", exp in "[0-9]{6}", doc in "[A-Z0-9]{9}",
        col in prop::sample::select(vec![13usize, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 9]),
        new in 0u32..10,
    ) {
        let l = td3(&doc, &dob, &exp, "<<<<<<<<<<<<<<");
        prop_assert!(parse(&l).findings.iter().all(|f| f.code != Code::MrzCheckDigit));
        let old = l[1].chars().nth(col).unwrap();
        let new = char::from_digit(new, 10).unwrap();
        prop_assume!(old != new);
        let mut bad = l.clone();
        bad[1] = bad[1].chars().enumerate().map(|(i, c)| if i == col { new } else { c }).collect();
        let field = match col {
            9 => MrzField::DocumentNumber,
            13..=19 => MrzField::DateOfBirth,
            _ => MrzField::ExpiryDate,
        };
        let f = parse(&bad).findings;
        prop_assert!(keys(&f).contains(&field.check_digit_key()), "{:?}", f);
    }

    /// In the alphanumeric document number a substitution goes unnoticed exactly when the two
    /// characters' values differ by a multiple of 10 (`0`/`A`/`K`/`U`, `4`/`O`/`Y`, `<`/`0`):
    /// the composite digit cannot catch it either, since it uses the same arithmetic.
    #[test]
    fn document_number_substitution_detected_iff_values_differ_mod_10(
        doc in "[A-Z0-9]{9}", col in 0usize..9, new in "[A-Z0-9<]",
    ) {
        let l = td3(&doc, "740812", "300101", "<<<<<<<<<<<<<<");
        let old = l[1].chars().nth(col).unwrap();
        let new = new.chars().next().unwrap();
        prop_assume!(old != new);
        let mut bad = l.clone();
        bad[1] = bad[1].chars().enumerate().map(|(i, c)| if i == col { new } else { c }).collect();
        let detected = parse(&bad).findings.iter().any(|f| f.code == Code::MrzCheckDigit);
        prop_assert_eq!(detected, !(value(old) + 100 - value(new)).is_multiple_of(10));
    }

    /// Swapping two adjacent different digits is missed exactly when they differ by 5
    /// (weights 7,3 / 3,1 / 1,7 differ by 4, 2 and 6: a multiple of 10 only then).
    #[test]
    fn adjacent_transposition_detected_iff_digits_do_not_differ_by_5(
        dob in "[0-9]{6}", i in 0usize..5,
    ) {
        let mut swapped: Vec<char> = dob.chars().collect();
        swapped.swap(i, i + 1);
        let swapped: String = swapped.into_iter().collect();
        let (a, b) = (value(dob.chars().nth(i).unwrap()), value(dob.chars().nth(i + 1).unwrap()));
        let same = check_digit(dob.chars()) == check_digit(swapped.chars());
        prop_assert_eq!(same, a.abs_diff(b) % 5 == 0);
    }

    /// Arbitrary text never panics and a 2- or 3-line input always gets a verdict.
    #[test]
    fn arbitrary_lines_never_panic(l in prop::collection::vec(".{0,50}", 0..5)) {
        let facts = Facts { mrz: Some(l), ..profile(&[]) };
        let _ = check(&facts, today());
    }
}

#[test]
fn one_typo_one_finding() {
    // A mistyped MRZ birth date fails its check digit; it is not also a profile mismatch.
    let facts = profile(&[TD3[0], &corrupt(&TD3, 1, 18, '3')[1]]);
    assert_eq!(
        keys(&check(&facts, today())),
        ["mrz.check_digit.date_of_birth", "mrz.check_digit.composite"]
    );
    // A character that is not MRZ text in the name is a format finding, not a name mismatch.
    let facts = profile(&[&TD3[0].replacen('K', "#", 1), TD3[1]]);
    assert_eq!(keys(&check(&facts, today())), ["mrz.invalid_char"]);
}
