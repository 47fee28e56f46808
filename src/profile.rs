//! The profile: what the user typed about themselves and their document.
//!
//! Loading is lenient on purpose: only JSON that cannot be parsed at all is an error (exit 2);
//! a field of the wrong type or an unknown key becomes a finding, so the user sees every
//! problem in one run instead of one at a time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};

/// The profile file's content (contract: "Profile (JSON)"). Dates stay text here: checking them
/// is the job of the date checks, which explain what is wrong with each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "kyc-precheck profile")]
pub struct Profile {
    /// Full name in Latin letters as printed on the document, e.g. "ERIKSSON ANNA MARIA".
    pub full_name: Option<String>,
    /// Name in its own script, e.g. "张伟" (optional).
    pub native_name: Option<String>,
    /// ISO date YYYY-MM-DD.
    pub date_of_birth: Option<String>,
    /// "M", "F" or "X".
    pub sex: Option<String>,
    /// ISO 3166-1 alpha-2/alpha-3 or ICAO code.
    pub nationality: Option<String>,
    pub document: Option<Document>,
    pub images: Option<Images>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// "passport", "national_id", "driving_licence" or "residence_permit".
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Issuing country: ISO 3166-1 alpha-2/alpha-3 or ICAO code.
    pub country: Option<String>,
    /// The document number as printed.
    pub number: Option<String>,
    /// The holder's national identification number when the document carries one besides its
    /// own number (e.g. an Italian codice fiscale).
    pub personal_number: Option<String>,
    /// ISO date YYYY-MM-DD.
    pub issue_date: Option<String>,
    /// ISO date YYYY-MM-DD; `null` or "permanent" for documents without expiry (e.g. 长期).
    #[serde(default, deserialize_with = "present_or_null")]
    #[schemars(with = "Option<String>")]
    pub expiry_date: Option<Option<String>>,
    /// Machine-readable zone: 2 or 3 lines (TD1, TD2, TD3, MRV-A/B).
    pub mrz: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Images {
    /// Path of the document's front, relative to the profile's folder.
    pub id_front: Option<String>,
    /// Path of the document's back, relative to the profile's folder.
    pub id_back: Option<String>,
    /// Path of the selfie, relative to the profile's folder.
    pub selfie: Option<String>,
}

/// Distinguishes `"expiry_date": null` (no expiry) from a missing key.
fn present_or_null<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// `document.type` values the contract allows.
pub const DOCUMENT_TYPES: &[&str] = &[
    "passport",
    "national_id",
    "driving_licence",
    "residence_permit",
];

/// The holder's sex as documents print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    M,
    F,
    /// Unspecified (ICAO `X`, printed `<` in an MRZ).
    X,
}

impl Sex {
    /// `M`, `F`, `X` in any case; `<` (MRZ filler) is `X`.
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_uppercase().as_str() {
            "M" => Some(Sex::M),
            "F" => Some(Sex::F),
            "X" | "<" => Some(Sex::X),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::F => "F",
            Sex::X => "X",
        }
    }
}

/// What the expiry field says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expiry<'a> {
    Absent,
    /// `null` or "permanent": the document does not expire.
    Never,
    Date(&'a str),
}

impl Profile {
    pub fn document_type(&self) -> Option<&str> {
        self.document.as_ref()?.doc_type.as_deref()
    }

    pub fn expiry(&self) -> Expiry<'_> {
        match self.document.as_ref().and_then(|d| d.expiry_date.as_ref()) {
            None => Expiry::Absent,
            Some(None) => Expiry::Never,
            Some(Some(s)) if s.trim().eq_ignore_ascii_case("permanent") || s.trim() == "长期" => {
                Expiry::Never
            }
            Some(Some(s)) => Expiry::Date(s),
        }
    }

    pub fn image_path(&self, subject: Subject) -> Option<&str> {
        let images = self.images.as_ref()?;
        match subject {
            Subject::IdFront => images.id_front.as_deref(),
            Subject::IdBack => images.id_back.as_deref(),
            Subject::Selfie => images.selfie.as_deref(),
            Subject::Profile => None,
        }
    }
}

/// The profile could not be read as JSON at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "{source_name} is empty: a profile is a JSON object such as {{\"full_name\": \"...\"}} (run `kyc-precheck schema` for all fields)"
    )]
    Empty { source_name: String },
    #[error("{source_name}:{line}:{column}: invalid JSON: {message}")]
    Syntax {
        source_name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{source_name}: the profile must be a JSON object ({{ ... }}), found a JSON {found}")]
    NotObject {
        source_name: String,
        found: &'static str,
    },
    #[error(
        "{source_name} is larger than {limit} bytes, the largest profile read (limits.max_profile_bytes); a profile is a few hundred bytes of JSON: is this the right file?"
    )]
    TooLarge { source_name: String, limit: u64 },
    #[error(
        "{source_name}:{line}:{column}: the JSON nests deeper than {limit} levels (limits.max_json_depth); a profile nests 3 deep"
    )]
    TooDeep {
        source_name: String,
        line: usize,
        column: usize,
        limit: u32,
    },
}

/// Parse the profile within the policy's hard limits: its size and nesting depth are checked
/// on the bytes before the JSON parser sees them, so a hostile file costs one linear scan.
pub fn parse_within(
    bytes: &[u8],
    source_name: &str,
    limits: &crate::policy::LimitsPolicy,
) -> Result<(Profile, Vec<Finding>), ProfileError> {
    if bytes.len() as u64 > limits.max_profile_bytes {
        return Err(ProfileError::TooLarge {
            source_name: source_name.to_string(),
            limit: limits.max_profile_bytes,
        });
    }
    let depth = usize::try_from(limits.max_json_depth).unwrap_or(usize::MAX);
    if let Some(at) = crate::limits::json_too_deep(bytes, depth) {
        return Err(ProfileError::TooDeep {
            source_name: source_name.to_string(),
            line: at.line,
            column: at.column,
            limit: limits.max_json_depth,
        });
    }
    parse(bytes, source_name)
}

/// Parse the profile text. Syntax errors are `Err`; every field-level problem is a finding.
pub fn parse(bytes: &[u8], source_name: &str) -> Result<(Profile, Vec<Finding>), ProfileError> {
    let text_is_blank = bytes.iter().all(|b| b.is_ascii_whitespace()) || bytes == b"\xef\xbb\xbf";
    if text_is_blank {
        return Err(ProfileError::Empty {
            source_name: source_name.to_string(),
        });
    }
    // A UTF-8 byte-order mark (Windows Notepad) is harmless; serde_json would refuse it.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ProfileError::Syntax {
        source_name: source_name.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let Value::Object(root) = value else {
        return Err(ProfileError::NotObject {
            source_name: source_name.to_string(),
            found: kind(&value),
        });
    };
    let mut findings = Vec::new();
    let profile = read_profile(&root, &mut findings);
    Ok((profile, findings))
}

/// serde_json appends " at line L column C"; we print the position in front instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

const PROFILE_KEYS: &[&str] = &[
    "full_name",
    "native_name",
    "date_of_birth",
    "sex",
    "nationality",
    "document",
    "images",
];
const DOCUMENT_KEYS: &[&str] = &[
    "type",
    "country",
    "number",
    "personal_number",
    "issue_date",
    "expiry_date",
    "mrz",
];
const IMAGES_KEYS: &[&str] = &["id_front", "id_back", "selfie"];

fn read_profile(obj: &Map<String, Value>, findings: &mut Vec<Finding>) -> Profile {
    unknown_keys(obj, PROFILE_KEYS, "", findings);
    Profile {
        full_name: string(obj, "full_name", "", findings),
        native_name: string(obj, "native_name", "", findings),
        date_of_birth: string(obj, "date_of_birth", "", findings),
        sex: string(obj, "sex", "", findings),
        nationality: string(obj, "nationality", "", findings),
        document: object(obj, "document", "", findings).map(|d| read_document(d, findings)),
        images: object(obj, "images", "", findings).map(|i| {
            unknown_keys(i, IMAGES_KEYS, "images.", findings);
            Images {
                id_front: string(i, "id_front", "images.", findings),
                id_back: string(i, "id_back", "images.", findings),
                selfie: string(i, "selfie", "images.", findings),
            }
        }),
    }
}

fn read_document(obj: &Map<String, Value>, findings: &mut Vec<Finding>) -> Document {
    const P: &str = "document.";
    unknown_keys(obj, DOCUMENT_KEYS, P, findings);
    let expiry_date = match obj.get("expiry_date") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(_) => string(obj, "expiry_date", P, findings).map(Some),
    };
    Document {
        doc_type: string(obj, "type", P, findings),
        country: string(obj, "country", P, findings),
        number: id_string(obj, "number", P, findings),
        personal_number: id_string(obj, "personal_number", P, findings),
        issue_date: string(obj, "issue_date", P, findings),
        expiry_date,
        mrz: mrz_lines(obj, findings),
    }
}

fn type_finding(field: String, expected: &'static str, found: &Value) -> Finding {
    Finding::new(Code::ProfileFieldType, Subject::Profile)
        .field(field)
        .detail(
            "profile.wrong_type",
            [Arg::text(expected), Arg::text(kind(found))],
        )
}

/// A text field. `null` counts as absent; another type is a finding and the field is ignored.
fn string(
    obj: &Map<String, Value>,
    key: &str,
    prefix: &str,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => {
            findings.push(type_finding(format!("{prefix}{key}"), "string", other));
            None
        }
    }
}

/// Document numbers typed as JSON numbers (`"number": 12345678`) lose leading zeros and check
/// letters; accept them as text but say so.
fn id_string(
    obj: &Map<String, Value>,
    key: &str,
    prefix: &str,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    match obj.get(key)? {
        Value::Number(n) => {
            findings.push(type_finding(
                format!("{prefix}{key}"),
                "string",
                &Value::Number(n.clone()),
            ));
            Some(n.to_string())
        }
        _ => string(obj, key, prefix, findings),
    }
}

fn object<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
    prefix: &str,
    findings: &mut Vec<Finding>,
) -> Option<&'a Map<String, Value>> {
    match obj.get(key)? {
        Value::Object(m) => Some(m),
        Value::Null => None,
        other => {
            findings.push(type_finding(format!("{prefix}{key}"), "object", other));
            None
        }
    }
}

/// `mrz`: a list of lines; one string holding the lines separated by newlines is accepted too.
fn mrz_lines(obj: &Map<String, Value>, findings: &mut Vec<Finding>) -> Option<Vec<String>> {
    match obj.get("mrz")? {
        Value::Null => None,
        Value::String(s) => Some(
            s.lines()
                .map(str::to_string)
                .filter(|l| !l.trim().is_empty())
                .collect(),
        ),
        Value::Array(items) => {
            let mut lines = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => lines.push(s.clone()),
                    other => {
                        findings.push(type_finding(format!("document.mrz[{i}]"), "string", other));
                        return None;
                    }
                }
            }
            Some(lines)
        }
        other => {
            findings.push(type_finding("document.mrz".into(), "array", other));
            None
        }
    }
}

fn unknown_keys(
    obj: &Map<String, Value>,
    known: &[&str],
    prefix: &str,
    findings: &mut Vec<Finding>,
) {
    for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
        let field = format!("{prefix}{key}");
        let finding =
            Finding::new(Code::ProfileUnknownField, Subject::Profile).field(field.clone());
        let finding = match nearest_key(key, known) {
            Some(near) => finding.detail(
                "profile.unknown_key_hint",
                [Arg::text(field), Arg::text(format!("{prefix}{near}"))],
            ),
            None => finding.detail(
                "profile.unknown_key",
                [Arg::text(field), Arg::text(known.join(", "))],
            ),
        };
        findings.push(finding);
    }
}

fn nearest_key<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let folded = key.to_ascii_lowercase().replace(['-', ' '], "_");
    crate::suggest::nearest(&folded, known.iter().copied(), 0.75)
}

/// The profile's JSON Schema, generated from the same types the loader fills.
pub fn json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Profile)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECIMEN: &str = r#"{
      "full_name": "ERIKSSON ANNA MARIA",
      "native_name": "张伟",
      "date_of_birth": "1974-08-12",
      "sex": "F",
      "nationality": "UTO",
      "document": {
        "type": "passport", "country": "UTO", "number": "L898902C3",
        "personal_number": "ZE184226B",
        "issue_date": "2002-04-15", "expiry_date": "2012-04-15",
        "mrz": ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
      },
      "images": {"id_front": "front.jpg", "id_back": "back.jpg", "selfie": "selfie.jpg"}
    }"#;

    #[test]
    fn lenient_loader_agrees_with_serde_on_a_full_profile() {
        let (loaded, findings) = parse(SPECIMEN.as_bytes(), "p.json").unwrap();
        assert!(findings.is_empty(), "{findings:?}");
        let strict: Profile = serde_json::from_str(SPECIMEN).unwrap();
        assert_eq!(loaded, strict);
    }

    #[test]
    fn known_keys_match_the_schema() {
        let schema = json_schema();
        let props = |v: &Value| -> Vec<String> {
            let mut keys: Vec<String> = v["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            keys.sort();
            keys
        };
        let sorted = |k: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = k.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(props(&schema), sorted(PROFILE_KEYS));
        assert_eq!(props(&schema["$defs"]["Document"]), sorted(DOCUMENT_KEYS));
        assert_eq!(props(&schema["$defs"]["Images"]), sorted(IMAGES_KEYS));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse(b"{\n  \"full_name\": \"A\",\n  oops\n}", "p.json").unwrap_err();
        match err {
            ProfileError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("{other:?}"),
        }
        assert!(err_string(b"{\"a\": 1").contains("p.json:1:"));
    }

    fn err_string(b: &[u8]) -> String {
        parse(b, "p.json").unwrap_err().to_string()
    }

    #[test]
    fn empty_and_non_object() {
        assert!(err_string(b"").contains("empty"));
        assert!(err_string(b"  \n").contains("empty"));
        assert!(err_string(b"[1,2]").contains("must be a JSON object"));
        assert!(err_string(b"\xff\xfe{}").contains("invalid JSON"));
    }

    #[test]
    fn bom_is_accepted() {
        let (p, f) = parse(b"\xef\xbb\xbf{\"full_name\": \"A B\"}", "p.json").unwrap();
        assert_eq!(p.full_name.as_deref(), Some("A B"));
        assert!(f.is_empty());
    }

    #[test]
    fn wrong_types_become_findings() {
        let (p, f) = parse(
            br#"{"full_name": 42, "date_of_birth": ["x"], "document": {"number": 123456, "mrz": 5}, "images": "a.jpg"}"#,
            "p.json",
        )
        .unwrap();
        assert_eq!(p.full_name, None);
        assert_eq!(
            p.document.as_ref().unwrap().number.as_deref(),
            Some("123456")
        );
        let fields: Vec<_> = f.iter().map(|f| f.field.clone().unwrap()).collect();
        assert_eq!(
            fields,
            [
                "full_name",
                "date_of_birth",
                "document.number",
                "document.mrz",
                "images"
            ]
        );
        assert!(f.iter().all(|f| f.code == Code::ProfileFieldType));
    }

    #[test]
    fn unknown_keys_suggest_nearest() {
        let (_, f) = parse(
            br#"{"full_nmae": "A", "document": {"expiry": "2030-01-01"}, "zzz": 1}"#,
            "p.json",
        )
        .unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].field.as_deref(), Some("full_nmae"));
        assert_eq!(
            f[0].detail.as_ref().unwrap().args[1],
            Arg::text("full_name")
        );
        assert_eq!(f[1].field.as_deref(), Some("zzz"));
        assert_eq!(f[1].detail.as_ref().unwrap().key, "profile.unknown_key");
        assert_eq!(f[2].field.as_deref(), Some("document.expiry"));
        assert_eq!(
            f[2].detail.as_ref().unwrap().args[1],
            Arg::text("document.expiry_date")
        );
    }

    #[test]
    fn expiry_forms() {
        let exp = |json: &str| parse(json.as_bytes(), "p").unwrap().0;
        assert_eq!(exp(r#"{"document": {}}"#).expiry(), Expiry::Absent);
        assert_eq!(
            exp(r#"{"document": {"expiry_date": null}}"#).expiry(),
            Expiry::Never
        );
        assert_eq!(
            exp(r#"{"document": {"expiry_date": "Permanent"}}"#).expiry(),
            Expiry::Never
        );
        assert_eq!(
            exp(r#"{"document": {"expiry_date": "长期"}}"#).expiry(),
            Expiry::Never
        );
        assert_eq!(
            exp(r#"{"document": {"expiry_date": "2030-01-01"}}"#).expiry(),
            Expiry::Date("2030-01-01")
        );
    }

    #[test]
    fn mrz_as_one_string() {
        let (p, _) = parse(br#"{"document": {"mrz": "LINE1\nLINE2\n"}}"#, "p").unwrap();
        assert_eq!(p.document.unwrap().mrz.unwrap(), ["LINE1", "LINE2"]);
    }
}
