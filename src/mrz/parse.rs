//! Reading an MRZ: line and character checks with per-position diagnostics, the ICAO 9303
//! layouts (TD1, TD2, TD3, MRV-A, MRV-B) and every check digit.
//!
//! Positions in findings are 1-based, as Doc 9303 and the printed document count them.
//! Internally everything is 0-based.

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};

/// The profile field every format and check-digit finding points at.
pub const FIELD: &str = "document.mrz";

/// The five machine-readable zone layouts of ICAO Doc 9303.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ID card, 3 × 30 (Part 5).
    Td1,
    /// Card or passport-card, 2 × 36 (Part 6).
    Td2,
    /// Passport, 2 × 44 (Part 4).
    Td3,
    /// Visa, 2 × 44 (Part 7).
    MrvA,
    /// Visa, 2 × 36 (Part 7).
    MrvB,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Td1 => "TD1",
            Format::Td2 => "TD2",
            Format::Td3 => "TD3",
            Format::MrvA => "MRV-A",
            Format::MrvB => "MRV-B",
        }
    }

    pub fn line_count(self) -> usize {
        match self {
            Format::Td1 => 3,
            _ => 2,
        }
    }

    pub fn width(self) -> usize {
        match self {
            Format::Td1 => 30,
            Format::Td2 | Format::MrvB => 36,
            Format::Td3 | Format::MrvA => 44,
        }
    }
}

/// A field whose integrity a check digit protects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MrzField {
    DocumentNumber,
    DateOfBirth,
    ExpiryDate,
    /// TD3 personal number / optional data (its check digit may be `<` when the field is empty).
    PersonalNumber,
    Composite,
}

impl MrzField {
    /// The detail key of this field's check-digit sentence.
    pub fn check_digit_key(self) -> &'static str {
        match self {
            MrzField::DocumentNumber => "mrz.check_digit.document_number",
            MrzField::DateOfBirth => "mrz.check_digit.date_of_birth",
            MrzField::ExpiryDate => "mrz.check_digit.expiry_date",
            MrzField::PersonalNumber => "mrz.check_digit.personal_number",
            MrzField::Composite => "mrz.check_digit.composite",
        }
    }
}

/// What a valid-looking MRZ says, fillers removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mrz {
    pub format: Format,
    /// E.g. `P`, `I`, `ID`, `V` (fillers removed).
    pub document_code: String,
    pub issuing_state: String,
    /// Primary identifier, words separated by single spaces.
    pub surname: String,
    /// Secondary identifier, words separated by single spaces (may be empty).
    pub given_names: String,
    /// The name field is full to its last position, so the name may have been truncated.
    pub name_truncated: bool,
    /// The whole document number, including a TD1/TD2 overflow into the optional data.
    pub document_number: String,
    pub nationality: String,
    /// `YYMMDD` as printed (may contain `<` for unknown parts).
    pub birth_date: String,
    /// `M`, `F` or `<`.
    pub sex: char,
    /// `YYMMDD` as printed.
    pub expiry_date: String,
    /// TD3 personal number (optional data), when not empty.
    pub personal_number: Option<String>,
    /// Every optional-data field that is not empty, fillers removed (TD1 has two).
    pub optional_data: Vec<String>,
    /// Fields whose own check digit is wrong: what the MRZ says there is not trusted, so it is
    /// not compared with the profile (one typo, one finding).
    pub bad_check_digits: Vec<MrzField>,
    /// 1-based (line, position) of the birth and expiry dates, for messages.
    pub birth_pos: (usize, usize),
    pub expiry_pos: (usize, usize),
}

impl Mrz {
    /// The name's words, surname first, as the MRZ prints them.
    pub fn name_tokens(&self) -> Vec<String> {
        self.surname
            .split(' ')
            .chain(self.given_names.split(' '))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The result of reading an MRZ: what it says (when the layout could be recognised) and every
/// format and check-digit problem found on the way.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub mrz: Option<Mrz>,
    pub findings: Vec<Finding>,
}

/// ICAO character value for check digits: digits keep their value, `A`–`Z` are 10–35, `<` is 0.
pub fn char_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        'A'..='Z' => Some(c as u32 - 'A' as u32 + 10),
        '<' => Some(0),
        _ => None,
    }
}

/// The 7-3-1 check digit of a run of MRZ characters; `None` if a character has no value.
pub fn check_digit<I: IntoIterator<Item = char>>(chars: I) -> Option<u32> {
    let mut sum = 0u32;
    for (c, w) in chars.into_iter().zip([7u32, 3, 1].into_iter().cycle()) {
        sum = (sum + char_value(c)? * w) % 10;
    }
    Some(sum)
}

#[derive(Clone, Copy, Debug)]
struct Span {
    line: usize,
    start: usize,
    len: usize,
}

const fn span(line: usize, start: usize, len: usize) -> Span {
    Span { line, start, len }
}

type Pos = (usize, usize);

/// What each composite check digit covers (Doc 9303 Parts 4–6).
const TD1_COMPOSITE: &[Span] = &[
    span(0, 5, 25),
    span(1, 0, 7),
    span(1, 8, 7),
    span(1, 18, 11),
];
const TD2_COMPOSITE: &[Span] = &[span(1, 0, 10), span(1, 13, 7), span(1, 21, 14)];
const TD3_COMPOSITE: &[Span] = &[span(1, 0, 10), span(1, 13, 7), span(1, 21, 22)];

/// Where each field sits in one format (0-based line and column).
struct Layout {
    doc_code: Span,
    issuing: Span,
    name: Span,
    doc_number: Span,
    doc_cd: Pos,
    nationality: Span,
    dob: Span,
    dob_cd: Pos,
    sex: Pos,
    expiry: Span,
    expiry_cd: Pos,
    /// TD1 line 1 / TD2 / MRV optional data, or the TD3 personal number.
    optional: Span,
    /// TD3 only: the personal number's check digit.
    optional_cd: Option<Pos>,
    /// TD1 only: optional data of line 2.
    optional2: Option<Span>,
    composite: Option<(Pos, &'static [Span])>,
    /// The document number may overflow into `optional` (TD1, TD2).
    overflow: bool,
}

fn layout(format: Format) -> Layout {
    match format {
        Format::Td1 => Layout {
            doc_code: span(0, 0, 2),
            issuing: span(0, 2, 3),
            doc_number: span(0, 5, 9),
            doc_cd: (0, 14),
            optional: span(0, 15, 15),
            dob: span(1, 0, 6),
            dob_cd: (1, 6),
            sex: (1, 7),
            expiry: span(1, 8, 6),
            expiry_cd: (1, 14),
            nationality: span(1, 15, 3),
            optional2: Some(span(1, 18, 11)),
            optional_cd: None,
            composite: Some(((1, 29), TD1_COMPOSITE)),
            name: span(2, 0, 30),
            overflow: true,
        },
        Format::Td2 | Format::MrvB => Layout {
            doc_code: span(0, 0, 2),
            issuing: span(0, 2, 3),
            name: span(0, 5, 31),
            doc_number: span(1, 0, 9),
            doc_cd: (1, 9),
            nationality: span(1, 10, 3),
            dob: span(1, 13, 6),
            dob_cd: (1, 19),
            sex: (1, 20),
            expiry: span(1, 21, 6),
            expiry_cd: (1, 27),
            optional: if format == Format::Td2 {
                span(1, 28, 7)
            } else {
                span(1, 28, 8)
            },
            optional_cd: None,
            optional2: None,
            composite: (format == Format::Td2).then_some(((1, 35), TD2_COMPOSITE)),
            overflow: format == Format::Td2,
        },
        Format::Td3 | Format::MrvA => Layout {
            doc_code: span(0, 0, 2),
            issuing: span(0, 2, 3),
            name: span(0, 5, 39),
            doc_number: span(1, 0, 9),
            doc_cd: (1, 9),
            nationality: span(1, 10, 3),
            dob: span(1, 13, 6),
            dob_cd: (1, 19),
            sex: (1, 20),
            expiry: span(1, 21, 6),
            expiry_cd: (1, 27),
            optional: if format == Format::Td3 {
                span(1, 28, 14)
            } else {
                span(1, 28, 16)
            },
            optional_cd: (format == Format::Td3).then_some((1, 42)),
            optional2: None,
            composite: (format == Format::Td3).then_some(((1, 43), TD3_COMPOSITE)),
            overflow: false,
        },
    }
}

/// The MRZ characters after the whole-line clean-up, one vector per line.
struct Grid(Vec<Vec<char>>);

impl Grid {
    fn at(&self, (line, col): Pos) -> char {
        self.0
            .get(line)
            .and_then(|l| l.get(col))
            .copied()
            .unwrap_or('?')
    }

    fn set(&mut self, (line, col): Pos, c: char) {
        if let Some(slot) = self.0.get_mut(line).and_then(|l| l.get_mut(col)) {
            *slot = c;
        }
    }

    fn chars(&self, s: Span) -> impl Iterator<Item = char> + '_ {
        (s.start..s.start + s.len).map(move |col| self.at((s.line, col)))
    }

    fn text(&self, s: Span) -> String {
        self.chars(s).collect()
    }
}

fn format_finding(key: &'static str, args: impl IntoIterator<Item = Arg>) -> Finding {
    Finding::new(Code::MrzFormat, Subject::Profile)
        .field(FIELD)
        .detail(key, args)
}

fn int(n: usize) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `“Ж” (U+0416)`-style description of a character.
fn show_char(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Trim the whitespace around a line, except trailing spaces that were typed for the trailing
/// fillers: when the line uses spaces for `<` inside and keeping them gives an MRZ line length.
fn trim_line(line: &str) -> &str {
    let trimmed = line.trim();
    let keep = line.trim_start().trim_end_matches(['\t', '\u{feff}']);
    if trimmed.contains(' ') && [30, 36, 44].contains(&keep.chars().count()) {
        keep
    } else {
        trimmed
    }
}

/// Read the MRZ lines of a profile.
pub fn parse(raw: &[String]) -> Parsed {
    let mut findings = Vec::new();
    let mrz = parse_into(raw, &mut findings);
    Parsed { mrz, findings }
}

fn parse_into(raw: &[String], out: &mut Vec<Finding>) -> Option<Mrz> {
    // Blank lines and surrounding whitespace are copy-and-paste artefacts; a string holding
    // several lines separated by line breaks is read as those lines.
    let mut lines: Vec<String> = raw
        .iter()
        .flat_map(|s| s.split(['\n', '\r']))
        .map(trim_line)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();

    if lines.is_empty() {
        out.push(format_finding("mrz.empty", []));
        return None;
    }
    if let [only] = lines.as_slice() {
        let n = only.chars().count();
        let (count, width) = match n {
            88 => (2, 44),
            72 => (2, 36),
            90 => (3, 30),
            _ => (0, 0),
        };
        if count == 0 {
            out.push(format_finding("mrz.line_count", [int(1)]));
            return None;
        }
        // Our input format, not the document, is wrong here: a warning, and read it anyway.
        out.push(
            format_finding("mrz.one_string", [int(n), int(count), int(width)])
                .severity(crate::finding::Severity::Warn),
        );
        let chars: Vec<char> = only.chars().collect();
        lines = chars.chunks(width).map(|c| c.iter().collect()).collect();
    }
    if lines.len() > 3 {
        out.push(format_finding("mrz.line_count", [int(lines.len())]));
        return None;
    }

    let mut grid = Grid(
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| clean_line(i + 1, l, out))
            .collect(),
    );

    let format = detect_format(&grid, out)?;
    let lay = layout(format);
    check_doc_code(&grid, format, &lay, out);
    check_classes(&mut grid, &lay, out);
    let bad_check_digits = verify_check_digits(&grid, &lay, out);
    let mut mrz = extract(&grid, format, &lay);
    mrz.bad_check_digits = bad_check_digits;
    Some(mrz)
}

/// Fix the character-level confusions that do not depend on the layout (case, `«` for `<`,
/// spaces, full-width forms, Cyrillic/Greek look-alikes) and report each kind once per line.
fn clean_line(line_no: usize, line: &str, out: &mut Vec<Finding>) -> Vec<char> {
    let mut lower: Option<usize> = None;
    let mut spaces: (Option<usize>, usize) = (None, 0);
    let mut fillers: (Option<(usize, char)>, usize) = (None, 0);
    let mut fullwidth: Option<usize> = None;
    let mut reported_other = 0usize;
    let mut cleaned = Vec::new();
    for (i, c) in line.chars().enumerate() {
        let pos = i + 1;
        let fixed = match c {
            'A'..='Z' | '0'..='9' | '<' => c,
            'a'..='z' => {
                lower.get_or_insert(pos);
                c.to_ascii_uppercase()
            }
            ' ' | '\t' | '\u{a0}' | '\u{3000}' => {
                spaces.0.get_or_insert(pos);
                spaces.1 += 1;
                '<'
            }
            '«' | '‹' | '＜' | '〈' | '⟨' | '≺' | '˂' => {
                fillers.0.get_or_insert((pos, c));
                fillers.1 += 1;
                '<'
            }
            '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' | '\u{ff10}'..='\u{ff19}' => {
                fullwidth.get_or_insert(pos);
                char::from_u32(c as u32 - 0xfee0).map_or('?', |a| a.to_ascii_uppercase())
            }
            _ => match lookalike(c) {
                Some(latin) => {
                    if reported_other < 3 {
                        reported_other += 1;
                        out.push(format_finding(
                            "mrz.lookalike",
                            [
                                int(line_no),
                                int(pos),
                                Arg::text(c.to_string()),
                                Arg::text(show_char(c)),
                                Arg::text(latin.to_string()),
                            ],
                        ));
                    }
                    latin
                }
                None => {
                    if reported_other < 3 {
                        reported_other += 1;
                        out.push(format_finding(
                            "mrz.invalid_char",
                            [
                                int(line_no),
                                int(pos),
                                Arg::text(c.to_string()),
                                Arg::text(show_char(c)),
                            ],
                        ));
                    }
                    '?'
                }
            },
        };
        cleaned.push(fixed);
    }
    if let Some(pos) = lower {
        out.push(format_finding("mrz.lowercase", [int(line_no), int(pos)]));
    }
    if let (Some(pos), n) = spaces {
        out.push(format_finding(
            "mrz.space",
            [int(line_no), int(pos), int(n)],
        ));
    }
    if let (Some((pos, c)), n) = fillers {
        out.push(format_finding(
            "mrz.filler_lookalike",
            [int(line_no), int(pos), Arg::text(c.to_string()), int(n)],
        ));
    }
    if let Some(pos) = fullwidth {
        out.push(format_finding("mrz.fullwidth", [int(line_no), int(pos)]));
    }
    cleaned
}

/// Cyrillic and Greek capitals and small letters that look like a Latin capital.
fn lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'а' | 'Α' | 'α' => 'A',
        'В' | 'в' | 'Β' | 'β' => 'B',
        'С' | 'с' | 'Ϲ' => 'C',
        'Е' | 'е' | 'Ε' | 'ε' => 'E',
        'Н' | 'н' | 'Η' => 'H',
        'І' | 'і' | 'Ι' | 'ι' | 'Ӏ' => 'I',
        'Ј' | 'ј' => 'J',
        'К' | 'к' | 'Κ' | 'κ' => 'K',
        'М' | 'м' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'о' | 'Ο' | 'ο' => 'O',
        'Р' | 'р' | 'Ρ' | 'ρ' => 'P',
        'Ѕ' | 'ѕ' => 'S',
        'Т' | 'т' | 'Τ' | 'τ' => 'T',
        'Х' | 'х' | 'Χ' | 'χ' => 'X',
        'У' | 'у' | 'Υ' | 'υ' => 'Y',
        'Ζ' => 'Z',
        _ => return None,
    })
}

/// Recognise the layout from the line count, the line lengths and the document code; report
/// wrong line counts and lengths (with how many characters are missing or extra).
fn detect_format(grid: &Grid, out: &mut Vec<Finding>) -> Option<Format> {
    let lens: Vec<usize> = grid.0.iter().map(Vec::len).collect();
    let first = grid.at((0, 0));
    let format = match lens.as_slice() {
        [_, _, _] => Format::Td1,
        [a, b] => {
            let wide = (*a).max(*b) >= 40;
            match (wide, first == 'V') {
                (true, true) => Format::MrvA,
                (true, false) => Format::Td3,
                (false, true) => Format::MrvB,
                (false, false) => Format::Td2,
            }
        }
        other => {
            out.push(format_finding("mrz.line_count", [int(other.len())]));
            return None;
        }
    };
    if format.line_count() == 2 && looks_like_line1(grid, 1) && !looks_like_line1(grid, 0) {
        out.push(format_finding("mrz.lines_swapped", []));
        return None;
    }
    let width = format.width();
    let mut ok = true;
    for (i, &len) in lens.iter().enumerate() {
        if len < width {
            ok = false;
            out.push(format_finding(
                "mrz.line_short",
                [
                    int(i + 1),
                    int(len),
                    Arg::text(format.as_str()),
                    int(width),
                    int(width - len),
                ],
            ));
        } else if len > width {
            ok = false;
            out.push(format_finding(
                "mrz.line_long",
                [
                    int(i + 1),
                    int(len),
                    Arg::text(format.as_str()),
                    int(width),
                    int(len - width),
                    int(width + 1),
                ],
            ));
        }
    }
    ok.then_some(format)
}

/// The first line of a 2-line MRZ starts with a document code and a 3-letter issuing state.
fn looks_like_line1(grid: &Grid, line: usize) -> bool {
    let c = |col| grid.at((line, col));
    c(0).is_ascii_uppercase()
        && (c(1).is_ascii_uppercase() || c(1) == '<')
        && (2..5).all(|col| c(col).is_ascii_uppercase() || c(col) == '<')
}

fn check_doc_code(grid: &Grid, format: Format, lay: &Layout, out: &mut Vec<Finding>) {
    let code = grid.text(lay.doc_code);
    let first = code.chars().next().unwrap_or('?');
    let (fits, expected) = match format {
        Format::Td3 => (first == 'P', "P"),
        Format::MrvA | Format::MrvB => (true, "V"),
        Format::Td1 | Format::Td2 => (matches!(first, 'I' | 'A' | 'C' | 'P'), "I/A/C"),
    };
    // A digit here is reported by the character-class check instead.
    if !fits && !first.is_ascii_digit() {
        out.push(format_finding(
            "mrz.doc_code",
            [
                Arg::text(code),
                Arg::text(format.as_str()),
                Arg::text(expected),
            ],
        ));
    }
}

/// The digit a letter in a numeric field most likely stands for.
fn digit_for(c: char) -> Option<char> {
    Some(match c {
        'O' | 'Q' | 'D' => '0',
        'I' | 'L' | 'J' => '1',
        'Z' => '2',
        'A' => '4',
        'S' => '5',
        'G' => '6',
        'T' => '7',
        'B' => '8',
        _ => return None,
    })
}

/// The letter a digit in an alphabetic field most likely stands for.
fn letter_for(c: char) -> Option<char> {
    Some(match c {
        '0' => 'O',
        '1' => 'I',
        '2' => 'Z',
        '4' => 'A',
        '5' => 'S',
        '6' => 'G',
        '8' => 'B',
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Digits; `<` allowed (dates with unknown parts, the overflow marker, an empty field's
    /// check digit, which the check-digit step judges).
    Digits,
    /// Letters and `<` (codes, names).
    Letters,
}

/// Per-position character classes: letters in numeric positions and digits in alphabetic
/// positions are reported with the character they were probably meant to be, and replaced by
/// it so the later checks see what the document most likely says.
fn check_classes(grid: &mut Grid, lay: &Layout, out: &mut Vec<Finding>) {
    let mut positions: Vec<(Pos, Class)> = Vec::new();
    let mut add = |s: Span, class: Class| {
        for col in s.start..s.start + s.len {
            positions.push(((s.line, col), class));
        }
    };
    add(lay.doc_code, Class::Letters);
    add(lay.issuing, Class::Letters);
    add(lay.nationality, Class::Letters);
    add(lay.name, Class::Letters);
    add(lay.dob, Class::Digits);
    add(lay.expiry, Class::Digits);
    let mut cds = vec![lay.doc_cd, lay.dob_cd, lay.expiry_cd];
    cds.extend(lay.optional_cd);
    cds.extend(lay.composite.map(|(p, _)| p));
    for p in cds {
        positions.push((p, Class::Digits));
    }
    positions.sort_by_key(|(p, _)| *p);

    let mut reported = 0usize;
    for (pos, class) in positions {
        let c = grid.at(pos);
        let (line, col) = (int(pos.0 + 1), int(pos.1 + 1));
        let finding = match class {
            Class::Digits if c.is_ascii_uppercase() => match digit_for(c) {
                Some(d) => {
                    grid.set(pos, d);
                    format_finding(
                        "mrz.letter_for_digit",
                        [
                            line,
                            col,
                            Arg::text(c.to_string()),
                            Arg::text(d.to_string()),
                        ],
                    )
                }
                None => format_finding(
                    "mrz.letter_in_digits",
                    [line, col, Arg::text(c.to_string())],
                ),
            },
            Class::Letters if c.is_ascii_digit() => match letter_for(c) {
                Some(l) => {
                    grid.set(pos, l);
                    format_finding(
                        "mrz.digit_for_letter",
                        [
                            line,
                            col,
                            Arg::text(c.to_string()),
                            Arg::text(l.to_string()),
                        ],
                    )
                }
                None => format_finding(
                    "mrz.digit_in_letters",
                    [line, col, Arg::text(c.to_string())],
                ),
            },
            _ => continue,
        };
        if reported < 6 {
            out.push(finding);
        }
        reported += 1;
    }

    let sex = grid.at(lay.sex);
    if !matches!(sex, 'M' | 'F' | 'X' | '<' | '?') {
        out.push(format_finding(
            "mrz.sex_value",
            [
                int(lay.sex.0 + 1),
                int(lay.sex.1 + 1),
                Arg::text(sex.to_string()),
            ],
        ));
    }
}

/// The document number and the position of its check digit, following a TD1/TD2 overflow
/// (`<` in the check-digit position, the rest of the number in the optional data, then its
/// check digit) when there is one.
fn document_number(grid: &Grid, lay: &Layout) -> (String, Pos) {
    let principal = grid.text(lay.doc_number);
    if lay.overflow && grid.at(lay.doc_cd) == '<' {
        let rest: Vec<char> = grid.chars(lay.optional).take_while(|&c| c != '<').collect();
        if let Some((_, number_part)) = rest.split_last() {
            let number: String = principal
                .chars()
                .chain(number_part.iter().copied())
                .collect();
            let cd_pos = (lay.optional.line, lay.optional.start + rest.len() - 1);
            return (number, cd_pos);
        }
    }
    (principal, lay.doc_cd)
}

/// Verify every check digit; returns the fields whose own check digit is wrong.
fn verify_check_digits(grid: &Grid, lay: &Layout, out: &mut Vec<Finding>) -> Vec<MrzField> {
    let (number, number_cd) = document_number(grid, lay);
    let mut checks: Vec<(MrzField, Vec<char>, Pos, bool)> = vec![
        (
            MrzField::DocumentNumber,
            number.chars().collect(),
            number_cd,
            false,
        ),
        (
            MrzField::DateOfBirth,
            grid.chars(lay.dob).collect(),
            lay.dob_cd,
            false,
        ),
        (
            MrzField::ExpiryDate,
            grid.chars(lay.expiry).collect(),
            lay.expiry_cd,
            false,
        ),
    ];
    if let Some(cd) = lay.optional_cd {
        // Doc 9303 Part 4: when the personal number field is all fillers its check digit may be
        // `<` as well as 0 (Indian and other passports print `<`).
        let empty = grid.chars(lay.optional).all(|c| c == '<');
        checks.push((
            MrzField::PersonalNumber,
            grid.chars(lay.optional).collect(),
            cd,
            empty,
        ));
    }
    if let Some((cd, spans)) = lay.composite {
        let chars: Vec<char> = spans.iter().flat_map(|&s| grid.chars(s)).collect();
        checks.push((MrzField::Composite, chars, cd, false));
    }
    checks
        .into_iter()
        .filter(|(field, data, cd, filler_ok)| {
            !verify(grid, *field, data.iter().copied(), *cd, *filler_ok, out)
        })
        .map(|(field, ..)| field)
        .collect()
}

fn verify<I: IntoIterator<Item = char>>(
    grid: &Grid,
    field: MrzField,
    data: I,
    cd: Pos,
    filler_ok: bool,
    out: &mut Vec<Finding>,
) -> bool {
    // A character without a value was already reported as a format problem.
    let Some(expected) = check_digit(data) else {
        return true;
    };
    let found = grid.at(cd);
    let ok = match found {
        '<' => filler_ok,
        '?' => return true,
        c => c.to_digit(10) == Some(expected),
    };
    if !ok {
        out.push(
            Finding::new(Code::MrzCheckDigit, Subject::Profile)
                .field(FIELD)
                .detail(
                    field.check_digit_key(),
                    [
                        int(cd.0 + 1),
                        int(cd.1 + 1),
                        Arg::text(found.to_string()),
                        Arg::text(expected.to_string()),
                    ],
                ),
        );
    }
    ok
}

fn strip(s: &str) -> String {
    s.chars().filter(|&c| c != '<').collect()
}

fn extract(grid: &Grid, format: Format, lay: &Layout) -> Mrz {
    let name = grid.text(lay.name);
    let name_truncated = !name.ends_with('<');
    let trimmed = name.trim_end_matches('<');
    let (primary, secondary) = trimmed.split_once("<<").unwrap_or((trimmed, ""));
    let words = |s: &str| {
        s.split('<')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (number, _) = document_number(grid, lay);
    let personal = lay
        .optional_cd
        .map(|_| strip(&grid.text(lay.optional)))
        .filter(|p| !p.is_empty());
    Mrz {
        format,
        document_code: strip(&grid.text(lay.doc_code)),
        issuing_state: strip(&grid.text(lay.issuing)),
        surname: words(primary),
        given_names: words(secondary),
        name_truncated,
        document_number: strip(&number),
        nationality: strip(&grid.text(lay.nationality)),
        birth_date: grid.text(lay.dob),
        sex: grid.at(lay.sex),
        expiry_date: grid.text(lay.expiry),
        personal_number: personal,
        bad_check_digits: Vec::new(),
        optional_data: std::iter::once(lay.optional)
            .chain(lay.optional2)
            .map(|s| strip(&grid.text(s)))
            .filter(|s| !s.is_empty())
            .collect(),
        birth_pos: (lay.dob.line + 1, lay.dob.start + 1),
        expiry_pos: (lay.expiry.line + 1, lay.expiry.start + 1),
    }
}
