//! ISO 3166-1 country codes (alpha-2 and alpha-3, all 249 officially assigned entries) plus
//! the ICAO Doc 9303 codes that appear in travel documents but are not ISO countries.
//! Generated once from the ISO 3166-1 list (pycountry); kept as data so the tool needs nothing
//! at run time.

/// `(alpha-2, alpha-3, English short name)`.
pub const ISO3166: &[(&str, &str, &str)] = &[
    ("AD", "AND", "Andorra"),
    ("AE", "ARE", "United Arab Emirates"),
    ("AF", "AFG", "Afghanistan"),
    ("AG", "ATG", "Antigua and Barbuda"),
    ("AI", "AIA", "Anguilla"),
    ("AL", "ALB", "Albania"),
    ("AM", "ARM", "Armenia"),
    ("AO", "AGO", "Angola"),
    ("AQ", "ATA", "Antarctica"),
    ("AR", "ARG", "Argentina"),
    ("AS", "ASM", "American Samoa"),
    ("AT", "AUT", "Austria"),
    ("AU", "AUS", "Australia"),
    ("AW", "ABW", "Aruba"),
    ("AX", "ALA", "Åland Islands"),
    ("AZ", "AZE", "Azerbaijan"),
    ("BA", "BIH", "Bosnia and Herzegovina"),
    ("BB", "BRB", "Barbados"),
    ("BD", "BGD", "Bangladesh"),
    ("BE", "BEL", "Belgium"),
    ("BF", "BFA", "Burkina Faso"),
    ("BG", "BGR", "Bulgaria"),
    ("BH", "BHR", "Bahrain"),
    ("BI", "BDI", "Burundi"),
    ("BJ", "BEN", "Benin"),
    ("BL", "BLM", "Saint Barthélemy"),
    ("BM", "BMU", "Bermuda"),
    ("BN", "BRN", "Brunei Darussalam"),
    ("BO", "BOL", "Bolivia, Plurinational State of"),
    ("BQ", "BES", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "BRA", "Brazil"),
    ("BS", "BHS", "Bahamas"),
    ("BT", "BTN", "Bhutan"),
    ("BV", "BVT", "Bouvet Island"),
    ("BW", "BWA", "Botswana"),
    ("BY", "BLR", "Belarus"),
    ("BZ", "BLZ", "Belize"),
    ("CA", "CAN", "Canada"),
    ("CC", "CCK", "Cocos (Keeling) Islands"),
    ("CD", "COD", "Congo, The Democratic Republic of the"),
    ("CF", "CAF", "Central African Republic"),
    ("CG", "COG", "Congo"),
    ("CH", "CHE", "Switzerland"),
    ("CI", "CIV", "Côte d'Ivoire"),
    ("CK", "COK", "Cook Islands"),
    ("CL", "CHL", "Chile"),
    ("CM", "CMR", "Cameroon"),
    ("CN", "CHN", "China"),
    ("CO", "COL", "Colombia"),
    ("CR", "CRI", "Costa Rica"),
    ("CU", "CUB", "Cuba"),
    ("CV", "CPV", "Cabo Verde"),
    ("CW", "CUW", "Curaçao"),
    ("CX", "CXR", "Christmas Island"),
    ("CY", "CYP", "Cyprus"),
    ("CZ", "CZE", "Czechia"),
    ("DE", "DEU", "Germany"),
    ("DJ", "DJI", "Djibouti"),
    ("DK", "DNK", "Denmark"),
    ("DM", "DMA", "Dominica"),
    ("DO", "DOM", "Dominican Republic"),
    ("DZ", "DZA", "Algeria"),
    ("EC", "ECU", "Ecuador"),
    ("EE", "EST", "Estonia"),
    ("EG", "EGY", "Egypt"),
    ("EH", "ESH", "Western Sahara"),
    ("ER", "ERI", "Eritrea"),
    ("ES", "ESP", "Spain"),
    ("ET", "ETH", "Ethiopia"),
    ("FI", "FIN", "Finland"),
    ("FJ", "FJI", "Fiji"),
    ("FK", "FLK", "Falkland Islands (Malvinas)"),
    ("FM", "FSM", "Micronesia, Federated States of"),
    ("FO", "FRO", "Faroe Islands"),
    ("FR", "FRA", "France"),
    ("GA", "GAB", "Gabon"),
    ("GB", "GBR", "United Kingdom"),
    ("GD", "GRD", "Grenada"),
    ("GE", "GEO", "Georgia"),
    ("GF", "GUF", "French Guiana"),
    ("GG", "GGY", "Guernsey"),
    ("GH", "GHA", "Ghana"),
    ("GI", "GIB", "Gibraltar"),
    ("GL", "GRL", "Greenland"),
    ("GM", "GMB", "Gambia"),
    ("GN", "GIN", "Guinea"),
    ("GP", "GLP", "Guadeloupe"),
    ("GQ", "GNQ", "Equatorial Guinea"),
    ("GR", "GRC", "Greece"),
    ("GS", "SGS", "South Georgia and the South Sandwich Islands"),
    ("GT", "GTM", "Guatemala"),
    ("GU", "GUM", "Guam"),
    ("GW", "GNB", "Guinea-Bissau"),
    ("GY", "GUY", "Guyana"),
    ("HK", "HKG", "Hong Kong"),
    ("HM", "HMD", "Heard Island and McDonald Islands"),
    ("HN", "HND", "Honduras"),
    ("HR", "HRV", "Croatia"),
    ("HT", "HTI", "Haiti"),
    ("HU", "HUN", "Hungary"),
    ("ID", "IDN", "Indonesia"),
    ("IE", "IRL", "Ireland"),
    ("IL", "ISR", "Israel"),
    ("IM", "IMN", "Isle of Man"),
    ("IN", "IND", "India"),
    ("IO", "IOT", "British Indian Ocean Territory"),
    ("IQ", "IRQ", "Iraq"),
    ("IR", "IRN", "Iran, Islamic Republic of"),
    ("IS", "ISL", "Iceland"),
    ("IT", "ITA", "Italy"),
    ("JE", "JEY", "Jersey"),
    ("JM", "JAM", "Jamaica"),
    ("JO", "JOR", "Jordan"),
    ("JP", "JPN", "Japan"),
    ("KE", "KEN", "Kenya"),
    ("KG", "KGZ", "Kyrgyzstan"),
    ("KH", "KHM", "Cambodia"),
    ("KI", "KIR", "Kiribati"),
    ("KM", "COM", "Comoros"),
    ("KN", "KNA", "Saint Kitts and Nevis"),
    ("KP", "PRK", "Korea, Democratic People's Republic of"),
    ("KR", "KOR", "Korea, Republic of"),
    ("KW", "KWT", "Kuwait"),
    ("KY", "CYM", "Cayman Islands"),
    ("KZ", "KAZ", "Kazakhstan"),
    ("LA", "LAO", "Lao People's Democratic Republic"),
    ("LB", "LBN", "Lebanon"),
    ("LC", "LCA", "Saint Lucia"),
    ("LI", "LIE", "Liechtenstein"),
    ("LK", "LKA", "Sri Lanka"),
    ("LR", "LBR", "Liberia"),
    ("LS", "LSO", "Lesotho"),
    ("LT", "LTU", "Lithuania"),
    ("LU", "LUX", "Luxembourg"),
    ("LV", "LVA", "Latvia"),
    ("LY", "LBY", "Libya"),
    ("MA", "MAR", "Morocco"),
    ("MC", "MCO", "Monaco"),
    ("MD", "MDA", "Moldova, Republic of"),
    ("ME", "MNE", "Montenegro"),
    ("MF", "MAF", "Saint Martin (French part)"),
    ("MG", "MDG", "Madagascar"),
    ("MH", "MHL", "Marshall Islands"),
    ("MK", "MKD", "North Macedonia"),
    ("ML", "MLI", "Mali"),
    ("MM", "MMR", "Myanmar"),
    ("MN", "MNG", "Mongolia"),
    ("MO", "MAC", "Macao"),
    ("MP", "MNP", "Northern Mariana Islands"),
    ("MQ", "MTQ", "Martinique"),
    ("MR", "MRT", "Mauritania"),
    ("MS", "MSR", "Montserrat"),
    ("MT", "MLT", "Malta"),
    ("MU", "MUS", "Mauritius"),
    ("MV", "MDV", "Maldives"),
    ("MW", "MWI", "Malawi"),
    ("MX", "MEX", "Mexico"),
    ("MY", "MYS", "Malaysia"),
    ("MZ", "MOZ", "Mozambique"),
    ("NA", "NAM", "Namibia"),
    ("NC", "NCL", "New Caledonia"),
    ("NE", "NER", "Niger"),
    ("NF", "NFK", "Norfolk Island"),
    ("NG", "NGA", "Nigeria"),
    ("NI", "NIC", "Nicaragua"),
    ("NL", "NLD", "Netherlands"),
    ("NO", "NOR", "Norway"),
    ("NP", "NPL", "Nepal"),
    ("NR", "NRU", "Nauru"),
    ("NU", "NIU", "Niue"),
    ("NZ", "NZL", "New Zealand"),
    ("OM", "OMN", "Oman"),
    ("PA", "PAN", "Panama"),
    ("PE", "PER", "Peru"),
    ("PF", "PYF", "French Polynesia"),
    ("PG", "PNG", "Papua New Guinea"),
    ("PH", "PHL", "Philippines"),
    ("PK", "PAK", "Pakistan"),
    ("PL", "POL", "Poland"),
    ("PM", "SPM", "Saint Pierre and Miquelon"),
    ("PN", "PCN", "Pitcairn"),
    ("PR", "PRI", "Puerto Rico"),
    ("PS", "PSE", "Palestine, State of"),
    ("PT", "PRT", "Portugal"),
    ("PW", "PLW", "Palau"),
    ("PY", "PRY", "Paraguay"),
    ("QA", "QAT", "Qatar"),
    ("RE", "REU", "Réunion"),
    ("RO", "ROU", "Romania"),
    ("RS", "SRB", "Serbia"),
    ("RU", "RUS", "Russian Federation"),
    ("RW", "RWA", "Rwanda"),
    ("SA", "SAU", "Saudi Arabia"),
    ("SB", "SLB", "Solomon Islands"),
    ("SC", "SYC", "Seychelles"),
    ("SD", "SDN", "Sudan"),
    ("SE", "SWE", "Sweden"),
    ("SG", "SGP", "Singapore"),
    ("SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "SVN", "Slovenia"),
    ("SJ", "SJM", "Svalbard and Jan Mayen"),
    ("SK", "SVK", "Slovakia"),
    ("SL", "SLE", "Sierra Leone"),
    ("SM", "SMR", "San Marino"),
    ("SN", "SEN", "Senegal"),
    ("SO", "SOM", "Somalia"),
    ("SR", "SUR", "Suriname"),
    ("SS", "SSD", "South Sudan"),
    ("ST", "STP", "Sao Tome and Principe"),
    ("SV", "SLV", "El Salvador"),
    ("SX", "SXM", "Sint Maarten (Dutch part)"),
    ("SY", "SYR", "Syrian Arab Republic"),
    ("SZ", "SWZ", "Eswatini"),
    ("TC", "TCA", "Turks and Caicos Islands"),
    ("TD", "TCD", "Chad"),
    ("TF", "ATF", "French Southern Territories"),
    ("TG", "TGO", "Togo"),
    ("TH", "THA", "Thailand"),
    ("TJ", "TJK", "Tajikistan"),
    ("TK", "TKL", "Tokelau"),
    ("TL", "TLS", "Timor-Leste"),
    ("TM", "TKM", "Turkmenistan"),
    ("TN", "TUN", "Tunisia"),
    ("TO", "TON", "Tonga"),
    ("TR", "TUR", "Türkiye"),
    ("TT", "TTO", "Trinidad and Tobago"),
    ("TV", "TUV", "Tuvalu"),
    ("TW", "TWN", "Taiwan, Province of China"),
    ("TZ", "TZA", "Tanzania, United Republic of"),
    ("UA", "UKR", "Ukraine"),
    ("UG", "UGA", "Uganda"),
    ("UM", "UMI", "United States Minor Outlying Islands"),
    ("US", "USA", "United States"),
    ("UY", "URY", "Uruguay"),
    ("UZ", "UZB", "Uzbekistan"),
    ("VA", "VAT", "Holy See (Vatican City State)"),
    ("VC", "VCT", "Saint Vincent and the Grenadines"),
    ("VE", "VEN", "Venezuela, Bolivarian Republic of"),
    ("VG", "VGB", "Virgin Islands, British"),
    ("VI", "VIR", "Virgin Islands, U.S."),
    ("VN", "VNM", "Viet Nam"),
    ("VU", "VUT", "Vanuatu"),
    ("WF", "WLF", "Wallis and Futuna"),
    ("WS", "WSM", "Samoa"),
    ("YE", "YEM", "Yemen"),
    ("YT", "MYT", "Mayotte"),
    ("ZA", "ZAF", "South Africa"),
    ("ZM", "ZMB", "Zambia"),
    ("ZW", "ZWE", "Zimbabwe"),
];

/// ICAO Doc 9303 Part 3 codes valid in MRZs and documents besides ISO 3166-1 alpha-3:
/// Germany's `D`, the specimen state `UTO`, stateless/refugee/unspecified nationality, the UN
/// and EU, British nationality categories, Kosovo and a few organisations.
pub const ICAO_SPECIAL: &[(&str, &str)] = &[
    ("D", "Germany (ICAO)"),
    ("UTO", "Utopia (ICAO specimen)"),
    ("XXA", "Stateless person"),
    ("XXB", "Refugee (1951 Convention)"),
    ("XXC", "Refugee (other)"),
    ("XXX", "Unspecified nationality"),
    ("EUE", "European Union"),
    ("UNO", "United Nations Organization"),
    ("UNA", "United Nations specialized agency"),
    ("UNK", "United Nations Interim Administration in Kosovo"),
    ("GBD", "British Overseas Territories Citizen"),
    ("GBN", "British National (Overseas)"),
    ("GBO", "British Overseas Citizen"),
    ("GBP", "British Protected Person"),
    ("GBS", "British Subject"),
    ("RKS", "Kosovo"),
    ("XK", "Kosovo (user-assigned)"),
    ("XKX", "Kosovo (user-assigned)"),
    ("XBA", "African Development Bank"),
    ("XIM", "African Export-Import Bank"),
    ("XCC", "Caribbean Community"),
    ("XCO", "Common Market for Eastern and Southern Africa"),
    ("XEC", "Economic Community of West African States"),
    ("XPO", "Interpol"),
    ("XOM", "Sovereign Military Order of Malta"),
    ("XDC", "Southern African Development Community"),
];

/// What a country code is, once recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub alpha2: Option<&'static str>,
    pub alpha3: Option<&'static str>,
    pub name: &'static str,
}

/// Look up an ISO 3166-1 alpha-2/alpha-3 or ICAO code (case-insensitive).
pub fn lookup(code: &str) -> Option<Country> {
    let code = code.trim().to_ascii_uppercase();
    if let Some(&(a2, a3, name)) = ISO3166
        .iter()
        .find(|(a2, a3, _)| *a2 == code || *a3 == code)
    {
        return Some(Country {
            alpha2: Some(a2),
            alpha3: Some(a3),
            name,
        });
    }
    if code == "D" {
        return lookup("DE").map(|c| Country {
            name: "Germany",
            ..c
        });
    }
    ICAO_SPECIAL
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(c, name)| Country {
            alpha2: (c.len() == 2).then_some(c),
            alpha3: (c.len() == 3).then_some(c),
            name,
        })
}

/// True when two codes name the same country (`CN` and `CHN`, `D` and `DEU`).
pub fn same_country(a: &str, b: &str) -> bool {
    match (lookup(a), lookup(b)) {
        (Some(x), Some(y)) => x.alpha3 == y.alpha3 || (x.alpha2.is_some() && x.alpha2 == y.alpha2),
        _ => false,
    }
}

/// True when a code printed in an MRZ and a typed one name the same country: the same code, the
/// same country under another code, or one of the British nationality classes (GBD, GBN, GBO…),
/// which are all the United Kingdom's documents.
pub fn mrz_code_matches(printed: &str, typed: &str) -> bool {
    same_country(printed, typed)
        || printed.eq_ignore_ascii_case(typed)
        || (printed.len() == 3 && printed.starts_with("GB") && same_country("GBR", typed))
}

/// The nearest known code to a mistyped one (same length), for "did you mean".
pub fn nearest(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_uppercase();
    let candidates = ISO3166
        .iter()
        .flat_map(|(a2, a3, _)| [*a2, *a3])
        .chain(ICAO_SPECIAL.iter().map(|(c, _)| *c))
        .filter(|c| c.len() == code.len() && code.len() >= 2);
    candidates
        .map(|c| (strsim::hamming(c, &code).unwrap_or(usize::MAX), c))
        .filter(|(d, _)| *d == 1)
        .map(|(_, c)| c)
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ICAO Doc 9303 Part 3 codes: D is Germany's, GBD/GBN/GBO/GBP/GBS British classes.
    #[test]
    fn mrz_codes_match_the_country_typed() {
        assert!(mrz_code_matches("D", "DEU"));
        assert!(mrz_code_matches("D", "de"));
        assert!(mrz_code_matches("CHN", "CN"));
        assert!(mrz_code_matches("GBD", "GBR"));
        assert!(mrz_code_matches("GBN", "GB"));
        assert!(mrz_code_matches("UTO", "UTO"));
        assert!(!mrz_code_matches("FRA", "DEU"));
        assert!(!mrz_code_matches("GBD", "FRA"));
        assert!(!mrz_code_matches("", "DEU"));
    }

    #[test]
    fn complete_table() {
        assert_eq!(ISO3166.len(), 249);
        assert_eq!(lookup("cn").and_then(|c| c.alpha3), Some("CHN"));
        assert_eq!(lookup("CHN").and_then(|c| c.alpha2), Some("CN"));
        assert!(lookup("UTO").is_some());
        assert!(lookup("D").is_some());
        assert!(lookup("XXA").is_some());
        assert!(lookup("ZZ").is_none());
        assert!(lookup("").is_none());
        assert!(lookup("CHINA").is_none());
    }

    #[test]
    fn same_country_across_forms() {
        assert!(same_country("CN", "CHN"));
        assert!(same_country("D", "DEU"));
        assert!(same_country("de", "D"));
        assert!(!same_country("CN", "TW"));
        assert!(!same_country("??", "??"));
    }
}
