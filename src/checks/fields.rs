//! Required fields, allowed values (`sex`, `document.type`) and country codes.

use crate::checks::Facts;
use crate::codes::Code;
use crate::countries;
use crate::finding::{Arg, Finding, Subject};
use crate::profile::{DOCUMENT_TYPES, Expiry, Profile, Sex};

pub fn check(profile: &Profile, facts: &mut Facts, findings: &mut Vec<Finding>) {
    required(profile, findings);

    if let Some(raw) = &profile.sex {
        match Sex::parse(raw) {
            Some(sex) => facts.sex = Some(sex),
            None => findings.push(not_allowed("sex", raw, "M, F, X", suggest_sex(raw))),
        }
    }

    if let Some(doc) = &profile.document {
        if let Some(t) = &doc.doc_type {
            let folded = t.trim().to_ascii_lowercase().replace(['-', ' '], "_");
            if DOCUMENT_TYPES.contains(&folded.as_str()) {
                facts.document_type = Some(folded);
            } else {
                findings.push(not_allowed(
                    "document.type",
                    t,
                    &DOCUMENT_TYPES.join(", "),
                    suggest_type(&folded),
                ));
            }
        }
        facts.document_number = doc.number.clone().filter(|n| !n.trim().is_empty());
        facts.personal_number = doc.personal_number.clone().filter(|n| !n.trim().is_empty());
        facts.mrz = doc.mrz.clone();
        if let Some(c) = &doc.country {
            facts.document_country = country(c, "document.country", findings)
                .map(|c| c.alpha2.or(c.alpha3).unwrap_or(c.name));
        }
    }
    if let Some(n) = &profile.nationality {
        facts.nationality =
            country(n, "nationality", findings).map(|c| c.alpha3.or(c.alpha2).unwrap_or(c.name));
    }
}

fn required(profile: &Profile, findings: &mut Vec<Finding>) {
    let doc = profile.document.as_ref();
    let blank = |v: Option<&String>| v.is_none_or(|s| s.trim().is_empty());
    let mut missing = Vec::new();
    if blank(profile.full_name.as_ref()) {
        missing.push("full_name");
    }
    if blank(profile.date_of_birth.as_ref()) {
        missing.push("date_of_birth");
    }
    if doc.is_none() {
        missing.push("document");
    } else {
        if blank(doc.and_then(|d| d.doc_type.as_ref())) {
            missing.push("document.type");
        }
        if blank(doc.and_then(|d| d.country.as_ref())) {
            missing.push("document.country");
        }
        if blank(doc.and_then(|d| d.number.as_ref())) {
            missing.push("document.number");
        }
        if profile.expiry() == Expiry::Absent {
            missing.push("document.expiry_date");
        }
    }
    for field in missing {
        let key = if field == "document.expiry_date" {
            "profile.missing_expiry"
        } else {
            "profile.missing"
        };
        findings.push(
            Finding::new(Code::ProfileFieldMissing, Subject::Profile)
                .field(field)
                .detail(key, [Arg::text(field)]),
        );
    }
}

fn not_allowed(field: &str, value: &str, allowed: &str, suggestion: Option<&str>) -> Finding {
    let f = Finding::new(Code::ProfileFieldType, Subject::Profile).field(field);
    match suggestion {
        Some(s) => f.detail(
            "profile.value_not_allowed_hint",
            [
                Arg::text(field),
                Arg::text(value),
                Arg::text(allowed),
                Arg::text(s),
            ],
        ),
        None => f.detail(
            "profile.value_not_allowed",
            [Arg::text(field), Arg::text(value), Arg::text(allowed)],
        ),
    }
}

fn suggest_sex(raw: &str) -> Option<&'static str> {
    match raw.trim().to_lowercase().as_str() {
        "male" | "man" | "m." | "男" | "男性" => Some("M"),
        "female" | "woman" | "f." | "女" | "女性" => Some("F"),
        "other" | "unspecified" | "diverse" | "non-binary" | "nonbinary" => Some("X"),
        _ => None,
    }
}

fn suggest_type(folded: &str) -> Option<&'static str> {
    let alias = match folded {
        "id" | "id_card" | "identity_card" | "national_id_card" | "nid" | "身份证" => {
            Some("national_id")
        }
        "driving_license" | "drivers_license" | "driver_license" | "drivers_licence"
        | "driving_permit" | "驾照" | "驾驶证" => Some("driving_licence"),
        "residence_card" | "residence_permit_card" | "permit" | "居留许可" => {
            Some("residence_permit")
        }
        "护照" | "passport_book" | "pass" => Some("passport"),
        _ => None,
    };
    alias.or_else(|| crate::suggest::nearest(folded, DOCUMENT_TYPES.iter().copied(), 0.8))
}

fn country(raw: &str, field: &str, findings: &mut Vec<Finding>) -> Option<countries::Country> {
    let found = countries::lookup(raw);
    if found.is_none() {
        let f = Finding::new(Code::CountryCodeInvalid, Subject::Profile).field(field);
        findings.push(match countries::nearest(raw) {
            Some(near) => f.detail(
                "profile.country_hint",
                [Arg::text(field), Arg::text(raw), Arg::text(near)],
            ),
            None => f.detail("profile.country", [Arg::text(field), Arg::text(raw)]),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse;

    fn run(json: &str) -> (Vec<Finding>, Facts) {
        let (p, mut f) = parse(json.as_bytes(), "t").unwrap();
        let mut facts = Facts::default();
        check(&p, &mut facts, &mut f);
        (f, facts)
    }

    fn fields(f: &[Finding], code: Code) -> Vec<String> {
        f.iter()
            .filter(|f| f.code == code)
            .filter_map(|f| f.field.clone())
            .collect()
    }

    const OK: &str = r#"{"full_name": "ANNA ERIKSSON", "date_of_birth": "1974-08-12", "sex": "F",
        "nationality": "SE", "document": {"type": "passport", "country": "SWE",
        "number": "AA1234567", "expiry_date": "2030-01-01"}}"#;

    #[test]
    fn complete_profile_passes() {
        let (f, facts) = run(OK);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(facts.sex, Some(Sex::F));
        assert_eq!(facts.nationality, Some("SWE"));
        assert_eq!(facts.document_country, Some("SE"));
        assert_eq!(facts.document_type.as_deref(), Some("passport"));
    }

    #[test]
    fn missing_required_fields() {
        let (f, _) = run(r#"{"full_name": "  "}"#);
        assert_eq!(
            fields(&f, Code::ProfileFieldMissing),
            ["full_name", "date_of_birth", "document"]
        );
        let (f, _) = run(r#"{"full_name": "A B", "date_of_birth": "1990-01-01", "document": {}}"#);
        assert_eq!(
            fields(&f, Code::ProfileFieldMissing),
            [
                "document.type",
                "document.country",
                "document.number",
                "document.expiry_date"
            ]
        );
    }

    #[test]
    fn expiry_null_or_permanent_is_not_missing() {
        for e in ["null", "\"permanent\""] {
            let json = OK.replace("\"2030-01-01\"", e);
            let (f, _) = run(&json);
            assert!(
                fields(&f, Code::ProfileFieldMissing).is_empty(),
                "{e}: {f:?}"
            );
        }
    }

    #[test]
    fn sex_and_type_values() {
        let (f, _) = run(&OK
            .replace("\"F\"", "\"female\"")
            .replace("\"passport\"", "\"ID card\""));
        let bad = fields(&f, Code::ProfileFieldType);
        assert_eq!(bad, ["sex", "document.type"]);
        let hints: Vec<_> = f
            .iter()
            .map(|f| f.detail.as_ref().unwrap().args[3].clone())
            .collect();
        assert_eq!(hints, [Arg::text("F"), Arg::text("national_id")]);
        let (f, facts) = run(&OK.replace("\"passport\"", "\"Driving-Licence\""));
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(facts.document_type.as_deref(), Some("driving_licence"));
    }

    #[test]
    fn country_codes() {
        let (f, _) = run(&OK
            .replace("\"SE\"", "\"SWD\"")
            .replace("\"SWE\"", "\"Sweden\""));
        assert_eq!(
            fields(&f, Code::CountryCodeInvalid),
            ["document.country", "nationality"]
        );
        let (f, facts) = run(&OK.replace("\"SE\"", "\"D\"").replace("\"SWE\"", "\"UTO\""));
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(facts.nationality, Some("DEU"));
        assert_eq!(facts.document_country, Some("UTO"));
    }
}
