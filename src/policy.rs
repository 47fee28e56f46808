//! `Policy`: every threshold and limit the checks use, with the built-in presets and user
//! TOML overrides. A check that needs a number takes it from here, never from a literal.
//!
//! How the image thresholds were chosen is written next to each field (and printed by
//! `kyc-precheck policy default`): measured on the clean and degraded fixtures in
//! `fixtures/images/` (see `fixtures/images/manifest.json` for the degradation parameters).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

use crate::codes::Code;
use crate::finding::{Severity, Subject};

pub mod presets;

/// Image formats, as sniffed from magic bytes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Jpeg,
    Png,
    Heic,
    Avif,
    Webp,
    Gif,
    Bmp,
    Tiff,
    Pdf,
}

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Png => "png",
            ImageFormat::Heic => "heic",
            ImageFormat::Avif => "avif",
            ImageFormat::Webp => "webp",
            ImageFormat::Gif => "gif",
            ImageFormat::Bmp => "bmp",
            ImageFormat::Tiff => "tiff",
            ImageFormat::Pdf => "pdf",
        }
    }
}

/// A policy severity setting: a severity, or `off` to drop the code entirely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeveritySetting {
    Off,
    Info,
    Warn,
    Fail,
}

impl SeveritySetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            SeveritySetting::Off => None,
            SeveritySetting::Info => Some(Severity::Info),
            SeveritySetting::Warn => Some(Severity::Warn),
            SeveritySetting::Fail => Some(Severity::Fail),
        }
    }
}

/// Data checks: ages, expiry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfilePolicy {
    /// Youngest age (years) the platform accepts. Most exchanges: 18.
    pub min_age: u32,
    /// Ages above this are treated as a typing mistake.
    pub max_age: u32,
    /// Warn when the document expires within this many days.
    pub expiry_warn_days: u32,
}

/// File size, format and decoding limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilesPolicy {
    /// Formats the platform accepts; anything else is FORMAT_UNSUPPORTED.
    pub accepted_formats: Vec<ImageFormat>,
    /// FILE_TOO_LARGE above this many bytes.
    pub max_bytes: u64,
    /// FILE_TOO_SMALL (over-compressed) below this many bytes.
    pub min_bytes: u64,
    /// Which images must be given (FILE_MISSING otherwise).
    pub required_images: Vec<Subject>,
    /// Also require `id_back` for two-sided documents (national_id, driving_licence,
    /// residence_permit) when `id_front` is required.
    pub require_back_for_two_sided: bool,
}

impl QualityPolicy {
    /// Which clipped regions count as glare.
    pub fn glare_criteria(&self) -> crate::images::metrics::GlareCriteria {
        crate::images::metrics::GlareCriteria {
            min_thickness: self.glare_min_thickness,
            min_solidity: self.glare_min_solidity,
            max_surround: self.glare_max_surround,
        }
    }
}

/// Hard limits on untrusted input: whatever a file, profile or stream holds, memory and time
/// stay bounded (see `crate::limits`). Not platform rules: presets leave them alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsPolicy {
    /// Largest image file read into memory (bytes). A larger file is FILE_TOO_LARGE without
    /// being read; `files.max_bytes` is the platform's (smaller) upload limit.
    pub max_file_bytes: u64,
    /// Refuse to decode images with more pixels than this, judged from the header before any
    /// pixel buffer is allocated (decompression bombs): IMAGE_CORRUPT. Was
    /// `files.max_megapixels`, which is still accepted in policy files.
    pub max_megapixels: f64,
    /// Largest profile (JSON) read, in bytes; a larger one stops the tool (exit 2).
    pub max_profile_bytes: u64,
    /// Deepest nesting of arrays and objects in a profile (a real one nests 3 deep); deeper
    /// stops the tool (exit 2) before the JSON parser recurses into it.
    pub max_json_depth: u32,
}

/// Image quality thresholds. Metrics are computed on a copy scaled to `analysis_long_side`
/// so they do not depend on the photo's pixel count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityPolicy {
    /// ID images: IMAGE_RESOLUTION_LOW when the short side is below this (px).
    pub id_min_short_side: u32,
    /// Selfie: IMAGE_RESOLUTION_LOW when the short side is below this (px).
    pub selfie_min_short_side: u32,
    /// When the card outline is found: minimum pixels across the card's long side.
    pub id_min_card_long_side: u32,
    /// Long side (px) of the normalised copy the metrics are measured on.
    pub analysis_long_side: u32,
    /// ID images: IMAGE_BLURRY when the sharpness (100 ÷ the edge blur σ in px of the
    /// analysis copy, in the most blurred direction, measured inside the card) is below this.
    /// Calibrated across designs (POLICY.md): Gaussian σ 1 px (must pass) ≥ 67; σ 3.5 px and
    /// 21 px of shake (must fail) ≤ 57.
    pub blur_min: f64,
    /// IMAGE_GLARE when glare covers more than this fraction of the card (of the image when no
    /// card was found), like Regula's `maxGlaringPart`. Calibrated across designs: 0.5 %
    /// reflections on blank paper (must pass) ≤ 0.0057; 5–9 % reflections over text, the
    /// MRZ or the portrait (must fail) ≥ 0.0245.
    pub glare_max_fraction: f64,
    /// ID images: IMAGE_TOO_DARK when the white point (99th luma percentile, 0–1) of the card
    /// (of the photo when no card was found) is below this: in enough light, paper and white
    /// print come out near white whatever the design. Calibrated across designs: clean ≥ 0.859
    /// (a navy licence 0.867); exposure ×1/8 and ×1/16 ≤ 0.349.
    pub white_point_min: f64,
    /// Luma (0–1) from which a pixel counts as part of the light areas (paper, white print,
    /// highlights) when judging over-exposure.
    pub light_level: f64,
    /// IMAGE_OVEREXPOSED when more than this share of the near-white areas (luma ≥
    /// `light_level`) of the card (of the photo when no card was found) is clipped white,
    /// reflections excepted. Calibrated across designs (POLICY.md): clean photos 0, exposure
    /// ×3/×4 ≥ 0.80; a correctly exposed plain white card whose paper clips reaches 0.68–0.71.
    pub light_clipped_max: f64,
    /// Share (0–1) of the document that must be light (outside glare) for over-exposure to be
    /// judged: a dark card with a little white print has too little light area for a ratio.
    pub light_min_area: f64,
    /// IMAGE_LOW_CONTRAST when the print's contrast (median Michelson contrast of luma around
    /// the strongest edges inside the card, ink against paper, 0–1) is below this.
    /// Calibrated across designs: a light veil (must pass) ≥ 0.259; a heavy veil ≤ 0.197.
    pub edge_contrast_min: f64,
    /// IMAGE_GRAYSCALE when the photo's chroma spread (99th percentile of each pixel's chroma
    /// distance from the median chroma, 0–1) is below this: a black-and-white copy has no
    /// colour anywhere. Not judged when the photo is too dark or overexposed to tell.
    pub chroma_spread_min: f64,
    /// IMAGE_DUPLICATE when two images' perceptual hashes differ in at most this many bits (of 64).
    /// Calibrated: re-encoded q75 and resized 80 % q70 copies: 0; front vs back vs selfie ≥ 20.
    pub duplicate_max_distance: u32,
    /// Selfie: IMAGE_BLURRY when the sharpness (as `blur_min`) is below this. Lower than for
    /// documents: a selfie has no print, and old or upscaled portraits are soft. Calibrated on
    /// the four selfie fixtures blurred at run time (Gaussian σ 0–4 px on the full photo):
    /// clean ≥ 35.8 (a soft old print), σ 1 ≥ 34.3; σ 3 ≤ 30.4 and σ 4 ≤ 23.9 (must fail);
    /// σ 2 (28.8–42.9) is borderline.
    pub selfie_blur_min: f64,
    /// Selfie: IMAGE_TOO_DARK when mean brightness (0–1) of the whole picture is below this
    /// (the centre/face region is checked against `faces.face_brightness_min`).
    /// Calibrated: clean selfies ≥ 0.337; dim selfie ≤ 0.056.
    pub selfie_brightness_min: f64,
    /// Glare core pixel: luma (0–1) at least this (the reflection clips the print away).
    pub glare_core_level: f64,
    /// Glare core pixel: (max − min) / max of R, G, B at most this (reflections are white or
    /// tinted by the lamp, not saturated colours).
    pub glare_core_tint: f64,
    /// Glare regions smaller than this fraction of the card (image) are ignored (noise, dots).
    pub glare_min_region: f64,
    /// A glare core is thick: the largest disc inside it has at least this radius (px on the
    /// analysis copy). White print and paper between lines of text are thinner.
    pub glare_min_thickness: f64,
    /// A glare core is solid: the share of its interior (less a rim of half its thickness)
    /// that is clipped must reach this. Blown-out paper is perforated by its print.
    pub glare_min_solidity: f64,
    /// Width of the band examined around a glare core, as a fraction of the core's radius (at
    /// least 2 px on the analysis copy); the surround is the band from 2 to 4 widths out.
    pub glare_band_fraction: f64,
    /// A glare core falls off to an unclipped surround: the surround's 90th luma percentile
    /// (0–1) is at most this. A white card or table blown out by over-exposure is not.
    pub glare_max_surround: f64,
    /// A reflection covers the portrait when it overlaps the face box grown by this many face
    /// widths to each side and above, twice that below: the printed portrait shows hair and
    /// shoulders, the face box only eyes to mouth. Measured on the designs' portraits: 0.07–0.25
    /// face widths to the sides, 0.21–0.31 above, 0.47–0.54 below.
    pub glare_portrait_margin: f64,
    /// ... and covers at least this share (0–1) of that portrait box: a reflection that only
    /// touches the portrait's edge (a graze) does not hide the face. The generator's ground
    /// truth in tests/designs.rs counts a portrait as covered from 5 % clipped.
    pub glare_portrait_min_share: f64,
    /// Luma (0–1) counted as clipped white.
    pub clip_level: f64,
    /// Wording only: IMAGE_BLURRY says "camera shake" when the sharpest direction is this many
    /// times sharper than the blurriest one.
    pub blur_motion_ratio: f64,
    /// Selfie backlight: the centre box (this fraction of width and height) stands in for the
    /// face when the face detector finds none.
    pub backlight_center_fraction: f64,
}

/// EXIF provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvenancePolicy {
    /// SELFIE_STALE when the selfie was taken more than this many days before today.
    pub selfie_max_age_days: u32,
}

/// Card position in the frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentPolicy {
    /// DOC_TOO_SMALL when the document held up to the camera (an open passport booklet for its
    /// data page, else the document's outline) covers less than this fraction of the photo.
    /// Calibrated on fixtures/designs leave-one-design-out (`examples/calibrate_designs.rs`,
    /// POLICY.md): normal photos hold 0.34–0.83 (an open booklet whose data page fills a fifth
    /// of the frame holds 0.34–0.43), strong "small" ones ≤ 0.106, borderline ones 0.15–0.21;
    /// thresholds chosen without each design lie at 0.09–0.22.
    pub min_area_fraction: f64,
    /// DOC_CUT_OFF when a card edge is closer than this fraction of the image size to the border
    /// (the contract's "touches the frame"). Calibrated on fixtures/designs (POLICY.md): cut-off
    /// photos ≤ 0.0066, the nearest normal photo with a right outline 0.012.
    pub min_margin_fraction: f64,
    /// DOC_TILTED beyond this rotation (of the long sides from the nearest axis) or perspective
    /// skew (degrees). idnorm's published limit; on fixtures/designs (POLICY.md) mild rotations
    /// (≤ 5°) and perspectives pass, strong ones (20°, 25–40° keystone) fail.
    pub max_tilt_deg: f64,
    /// The outline search runs on a copy whose long side is at most this many pixels.
    pub analysis_long_side: u32,
    /// DOC_NOT_FOUND unless at least this fraction of the best outline's visible perimeter is
    /// backed by image edges.
    pub min_confidence: f64,
    /// DOC_NOT_FOUND (and no outline) unless the best outline looks like a document at least
    /// this much (`document::Evidence::score`, 0–1: 1 with a portrait or an MRZ inside it,
    /// else the share of its perimeter backed by edges). Calibrated on fixtures/designs
    /// (POLICY.md): outlines on photos without a document 0.51–0.82 (a laptop screen 1.0),
    /// documents without a portrait or MRZ found ≥ 0.92 where the outline is right (0.59–0.79
    /// where it is wrong).
    pub min_evidence: f64,
}

/// Face checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FacesPolicy {
    /// The platform wants a selfie holding the ID: a second, smaller face (on the card) is expected.
    pub selfie_with_id: bool,
    /// SELFIE_FACE_TOO_SMALL when the face height is below this fraction of the image height.
    /// The detector's box spans roughly brows to chin (~0.7 of the head). Calibrated on
    /// fixtures: usable selfies 0.24–0.43, the tiny face 0.067.
    pub min_face_height_fraction: f64,
    /// SELFIE_FACE_OFF_CENTER when the face centre is further than this fraction of the image
    /// size from the image centre (on either axis). Calibrated on fixtures: centred selfies
    /// ≤ 0.20 (a selfie holding the ID sits high), the off-centre selfie 0.34.
    pub max_center_offset_fraction: f64,
    /// IMAGE_TOO_DARK (face) when the face region's mean brightness (0–1) is below this.
    /// Calibrated on fixtures: well-lit faces 0.46–0.62, the dim selfie's face 0.08.
    pub face_brightness_min: f64,
    /// IMAGE_TOO_DARK (backlit) when the ring around the face is brighter than the face by more
    /// than this (0–1). Calibrated on fixtures: normal selfies −0.17 to −0.03, the backlit
    /// selfie +0.33.
    pub backlight_max_difference: f64,
    /// Detector score a face must reach to count. Calibrated on fixtures: real faces 6.6
    /// (the dim selfie) and up, false detections on selfies ≤ 1.6.
    pub min_score: f64,
    /// Long side (px) of the copy the detector runs on. At 640 the smallest face found is
    /// ~6% of the image height (the detector's 40 px window) and a 12 MP selfie takes well
    /// under a second.
    pub detect_long_side: u32,
    /// With `selfie_with_id`: an extra face counts as the portrait on the card (not a second
    /// person) when its height is at most this fraction of the main face's height. Calibrated
    /// on fixtures: card portrait 0.28, other people in group shots 0.88–0.93.
    pub card_portrait_max_ratio: f64,
    /// Backlight: the surround is the ring this many face sizes wide around the face box.
    pub surround_margin: f64,
}

/// Reading the document's text (the MRZ) from ID photos: measurement parameters of the
/// reader (`src/reader/`) and what a reading must reach before the checks trust it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReaderPolicy {
    /// Read the MRZ of ID photos at all (off: `images::analysis` skips the reader).
    pub enabled: bool,
    /// Line search: a pixel is ink when darker than its neighbourhood's mean by this fraction.
    pub ink_contrast: f64,
    /// ... and by at least this many grey levels (0-255).
    pub ink_min_difference: f64,
    /// Neighbourhood for the ink test, as a fraction of the document view's short side.
    pub ink_window_fraction: f64,
    /// A text line must run across at least this fraction of the document's width (the MRZ
    /// spans ~90 % of its page; a half-width line is no MRZ).
    pub min_line_fraction: f64,
    /// Candidate line groups read per photo before giving up.
    pub max_attempts: usize,
    /// Alternatives kept per character for the check-digit search.
    pub top_k: usize,
    /// An alternative reading of a character below this probability is not considered.
    pub min_alternative_prob: f64,
    /// A reading needing more than this many characters changed from the classifier's first
    /// choice is refused as unreadable.
    pub max_repairs: usize,
    /// A reading with more than this many characters read at under even odds (look-alikes
    /// such as `0`/`O` pooled) is refused. Measured on fixtures/designs: 3 reads 52 of 161
    /// MRZ photos with none wrong; 4 let one wrong passport number through (docs/READER.md).
    pub max_uncertain: usize,
    /// Names, sex and nationality carry no check digit: each is compared with the profile
    /// (`DOC_DATA_MISMATCH`) only when every one of its characters was read with at least this
    /// probability; below it, nothing is reported (never a false mismatch).
    pub min_name_confidence: f64,
}

/// Every threshold and limit, in one place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Preset name, or the file it came from.
    pub name: String,
    pub profile: ProfilePolicy,
    pub files: FilesPolicy,
    pub quality: QualityPolicy,
    pub provenance: ProvenancePolicy,
    pub document: DocumentPolicy,
    pub faces: FacesPolicy,
    pub limits: LimitsPolicy,
    pub reader: ReaderPolicy,
    /// Per-code severity overrides: `IMAGE_EDITED = "fail"`, `EXIF_GPS_PRESENT = "off"`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeveritySetting>")]
    pub severity: BTreeMap<Code, SeveritySetting>,
}

/// Why a policy could not be loaded. Each names the key or file so the user can fix it.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("unknown built-in policy `{0}` (built-in: {names}; `kyc-precheck policy --list` describes them)", names = all_preset_names().join(", "))]
    UnknownPreset(String),
    #[error("cannot read policy file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("policy file {path}: {message}")]
    Invalid { path: String, message: String },
}

/// The base presets. Platform presets (`presets::names()`) build on them.
pub const PRESETS: &[&str] = &["default", "strict"];

/// Every name accepted by `--policy NAME` and `policy NAME`: the base presets, then the
/// platform presets.
pub fn all_preset_names() -> Vec<&'static str> {
    PRESETS.iter().copied().chain(presets::names()).collect()
}

impl Policy {
    /// The built-in `default` policy (values from the contract; image thresholds calibrated on
    /// the fixtures).
    pub fn default_policy() -> Policy {
        Policy {
            name: "default".into(),
            profile: ProfilePolicy {
                min_age: 18,
                max_age: 120,
                expiry_warn_days: 30,
            },
            files: FilesPolicy {
                accepted_formats: vec![ImageFormat::Jpeg, ImageFormat::Png],
                max_bytes: 10 * 1024 * 1024,
                min_bytes: 30 * 1024,
                required_images: vec![],
                require_back_for_two_sided: false,
            },
            quality: QualityPolicy {
                id_min_short_side: 720,
                selfie_min_short_side: 480,
                id_min_card_long_side: 600,
                analysis_long_side: 1000,
                blur_min: 62.0,
                glare_max_fraction: 0.012,
                white_point_min: 0.55,
                light_level: 0.95,
                light_min_area: 0.01,
                light_clipped_max: 0.75,
                edge_contrast_min: 0.226,
                chroma_spread_min: 0.008,
                duplicate_max_distance: 6,
                selfie_blur_min: 32.0,
                selfie_brightness_min: 0.15,
                glare_core_level: 0.98,
                glare_core_tint: 0.25,
                glare_min_region: 0.0005,
                glare_min_thickness: 12.0,
                glare_min_solidity: 0.915,
                glare_band_fraction: 0.35,
                glare_portrait_margin: 0.2,
                glare_portrait_min_share: 0.05,
                glare_max_surround: 0.95,
                clip_level: 0.98,
                blur_motion_ratio: 3.0,
                backlight_center_fraction: 0.4,
            },
            provenance: ProvenancePolicy {
                selfie_max_age_days: 30,
            },
            document: DocumentPolicy {
                min_area_fraction: 0.30,
                min_margin_fraction: 0.01,
                max_tilt_deg: 10.0,
                analysis_long_side: 640,
                min_confidence: 0.5,
                min_evidence: 0.85,
            },
            faces: FacesPolicy {
                selfie_with_id: false,
                min_face_height_fraction: 0.15,
                max_center_offset_fraction: 0.27,
                face_brightness_min: 0.25,
                backlight_max_difference: 0.15,
                min_score: 4.0,
                detect_long_side: 640,
                card_portrait_max_ratio: 0.6,
                surround_margin: 0.5,
            },
            limits: LimitsPolicy {
                max_file_bytes: 64 * 1024 * 1024,
                max_megapixels: 100.0,
                max_profile_bytes: 1024 * 1024,
                max_json_depth: 32,
            },
            // Off by default: the reader reads too few MRZs yet (docs/READER.md) to be worth its
            // time on every ID photo, and on the photos it cannot read it would warn
            // MRZ_UNREADABLE (9 of the 15 clean design photos; 19 fronts of a TD1 card, which
            // print no MRZ). `[reader] enabled = true` (fixtures/reader/reader_on.toml) turns it
            // on for `examples/read_rate.rs` and the reader's tests.
            reader: ReaderPolicy {
                enabled: false,
                ink_contrast: 0.12,
                ink_min_difference: 10.0,
                ink_window_fraction: 0.06,
                min_line_fraction: 0.4,
                max_attempts: 8,
                top_k: 3,
                min_alternative_prob: 0.01,
                max_repairs: 4,
                max_uncertain: 3,
                min_name_confidence: 0.8,
            },
            severity: BTreeMap::new(),
        }
    }

    /// `strict`: what the most demanding platforms publish (all images required, a month of
    /// validity left, the card filling half the frame).
    pub fn strict_policy() -> Policy {
        let mut p = Policy::default_policy();
        p.name = "strict".into();
        p.profile.expiry_warn_days = 31;
        p.files.required_images = vec![Subject::IdFront, Subject::Selfie];
        p.files.require_back_for_two_sided = true;
        p.files.min_bytes = 100 * 1024;
        p.files.max_bytes = 5 * 1024 * 1024;
        p.document.min_area_fraction = 0.50;
        p.document.max_tilt_deg = 5.0;
        p.severity
            .insert(Code::DocExpiresSoon, SeveritySetting::Fail);
        p.severity.insert(Code::ImageEdited, SeveritySetting::Fail);
        p.severity
            .insert(Code::ImageScreenshot, SeveritySetting::Fail);
        p
    }

    pub fn preset(name: &str) -> Result<Policy, PolicyError> {
        match name.to_ascii_lowercase().as_str() {
            "default" => Ok(Policy::default_policy()),
            "strict" => Ok(Policy::strict_policy()),
            _ => presets::policy(name)
                .unwrap_or_else(|| Err(PolicyError::UnknownPreset(name.to_string()))),
        }
    }

    /// `--policy NAME|FILE.toml`: a preset name, or a TOML file that overrides any subset of a
    /// base preset (`base = "strict"` in the file; `default` otherwise).
    pub fn load(spec: &str) -> Result<Policy, PolicyError> {
        let path = Path::new(spec);
        let looks_like_file = spec.ends_with(".toml") || path.components().count() > 1;
        if !looks_like_file && !path.exists() {
            return Policy::preset(spec);
        }
        let read_error = |source| PolicyError::Read {
            path: spec.to_string(),
            source,
        };
        let bytes = crate::limits::read_file(path, crate::limits::MAX_CONFIG_BYTES).map_err(
            |e| match e {
                crate::limits::ReadError::Io(source) => read_error(source),
                other => read_error(std::io::Error::other(other.reason())),
            },
        )?;
        let text = String::from_utf8(bytes).map_err(|e| PolicyError::Invalid {
            path: spec.to_string(),
            message: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        })?;
        let mut policy = Policy::from_toml(&text).map_err(|message| PolicyError::Invalid {
            path: spec.to_string(),
            message,
        })?;
        policy.name = format!("{} ({spec})", policy.name);
        Ok(policy)
    }

    /// Parse a user policy: merge it over its base preset, then validate.
    pub fn from_toml(text: &str) -> Result<Policy, String> {
        let user: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        Policy::from_table(user)
    }

    /// A parsed policy table merged over its base preset (`base`, else `default`; a platform
    /// preset may be a base too), then validated.
    pub(crate) fn from_table(mut user: toml::Table) -> Result<Policy, String> {
        moved_keys(&mut user)?;
        let base_name = match user.get("base") {
            None => "default".to_string(),
            Some(toml::Value::String(s)) => s.clone(),
            Some(_) => return Err("`base` must be a preset name such as \"strict\"".into()),
        };
        let base = Policy::preset(&base_name).map_err(|e| e.to_string())?;
        let mut merged = toml::Table::try_from(&base).map_err(|e| format!("internal: {e}"))?;
        for (key, value) in user {
            if key == "base" {
                continue;
            }
            merge_key(&mut merged, key, value, "")?;
        }
        let policy: Policy = merged
            .try_into()
            .map_err(|e: toml::de::Error| e.message().to_string())?;
        policy.validate()?;
        Ok(policy)
    }

    /// Values that parse but make no sense, named by key.
    pub fn validate(&self) -> Result<(), String> {
        let fractions = [
            (
                "quality.glare_max_fraction",
                self.quality.glare_max_fraction,
            ),
            ("quality.white_point_min", self.quality.white_point_min),
            ("quality.light_level", self.quality.light_level),
            ("quality.light_clipped_max", self.quality.light_clipped_max),
            ("quality.light_min_area", self.quality.light_min_area),
            (
                "quality.glare_portrait_margin",
                self.quality.glare_portrait_margin,
            ),
            (
                "quality.glare_portrait_min_share",
                self.quality.glare_portrait_min_share,
            ),
            ("quality.edge_contrast_min", self.quality.edge_contrast_min),
            ("quality.glare_core_level", self.quality.glare_core_level),
            (
                "quality.selfie_brightness_min",
                self.quality.selfie_brightness_min,
            ),
            ("quality.glare_core_tint", self.quality.glare_core_tint),
            ("quality.glare_min_region", self.quality.glare_min_region),
            (
                "quality.glare_min_solidity",
                self.quality.glare_min_solidity,
            ),
            (
                "quality.glare_max_surround",
                self.quality.glare_max_surround,
            ),
            ("quality.clip_level", self.quality.clip_level),
            (
                "quality.backlight_center_fraction",
                self.quality.backlight_center_fraction,
            ),
            (
                "document.min_area_fraction",
                self.document.min_area_fraction,
            ),
            (
                "document.min_margin_fraction",
                self.document.min_margin_fraction,
            ),
            ("document.min_confidence", self.document.min_confidence),
            ("document.min_evidence", self.document.min_evidence),
            (
                "faces.min_face_height_fraction",
                self.faces.min_face_height_fraction,
            ),
            (
                "faces.max_center_offset_fraction",
                self.faces.max_center_offset_fraction,
            ),
            ("faces.face_brightness_min", self.faces.face_brightness_min),
            (
                "faces.backlight_max_difference",
                self.faces.backlight_max_difference,
            ),
            (
                "faces.card_portrait_max_ratio",
                self.faces.card_portrait_max_ratio,
            ),
        ];
        for (key, v) in fractions {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("`{key}` must be between 0 and 1, got {v}"));
            }
        }
        let non_negative = [
            ("quality.blur_min", self.quality.blur_min),
            ("quality.chroma_spread_min", self.quality.chroma_spread_min),
            ("quality.blur_motion_ratio", self.quality.blur_motion_ratio),
            ("quality.selfie_blur_min", self.quality.selfie_blur_min),
            (
                "quality.glare_band_fraction",
                self.quality.glare_band_fraction,
            ),
            (
                "quality.glare_min_thickness",
                self.quality.glare_min_thickness,
            ),
            ("faces.min_score", self.faces.min_score),
            ("faces.surround_margin", self.faces.surround_margin),
        ];
        for (key, v) in non_negative {
            if !v.is_finite() || v < 0.0 {
                return Err(format!("`{key}` must be a number ≥ 0, got {v}"));
            }
        }
        if !(self.limits.max_megapixels > 0.0 && self.limits.max_megapixels <= 1000.0) {
            return Err(format!(
                "`limits.max_megapixels` must be between 0 and 1000, got {}",
                self.limits.max_megapixels
            ));
        }
        if self.limits.max_file_bytes == 0 || self.limits.max_profile_bytes == 0 {
            return Err(
                "`limits.max_file_bytes` and `limits.max_profile_bytes` must be above 0".into(),
            );
        }
        if !(1..=1000).contains(&self.limits.max_json_depth) {
            return Err("`limits.max_json_depth` must be between 1 and 1000".into());
        }
        if self.files.min_bytes >= self.files.max_bytes {
            return Err(format!(
                "`files.min_bytes` ({}) must be below `files.max_bytes` ({})",
                self.files.min_bytes, self.files.max_bytes
            ));
        }
        if self.profile.min_age >= self.profile.max_age {
            return Err("`profile.min_age` must be below `profile.max_age`".into());
        }
        if !(64..=4096).contains(&self.quality.analysis_long_side) {
            return Err("`quality.analysis_long_side` must be between 64 and 4096".into());
        }
        if !(64..=4096).contains(&self.faces.detect_long_side) {
            return Err("`faces.detect_long_side` must be between 64 and 4096".into());
        }
        if !(64..=4096).contains(&self.document.analysis_long_side) {
            return Err("`document.analysis_long_side` must be between 64 and 4096".into());
        }
        if self.document.max_tilt_deg <= 0.0 || self.document.max_tilt_deg > 90.0 {
            return Err("`document.max_tilt_deg` must be between 0 and 90".into());
        }
        if self.files.required_images.contains(&Subject::Profile) {
            return Err("`files.required_images` lists images: id_front, id_back, selfie".into());
        }
        if self.files.accepted_formats.is_empty() {
            return Err("`files.accepted_formats` must list at least one format".into());
        }
        Ok(())
    }

    /// The severity the policy gives a code (`None`: the code is switched off).
    pub fn severity_of(&self, code: Code, default: Severity) -> Option<Severity> {
        match self.severity.get(&code) {
            Some(setting) => setting.severity(),
            None => Some(default),
        }
    }

    /// Images that must be present for this document type.
    pub fn required_roles(&self, document_type: Option<&str>) -> Vec<Subject> {
        let mut roles = self.files.required_images.clone();
        let two_sided = matches!(
            document_type,
            Some("national_id" | "driving_licence" | "residence_permit")
        );
        if self.files.require_back_for_two_sided
            && two_sided
            && roles.contains(&Subject::IdFront)
            && !roles.contains(&Subject::IdBack)
        {
            roles.push(Subject::IdBack);
        }
        roles.sort();
        roles
    }
}

/// Keys that moved to another section, still accepted under their old name:
/// `files.max_megapixels` is now `limits.max_megapixels`.
fn moved_keys(user: &mut toml::Table) -> Result<(), String> {
    let Some(old) = user
        .get_mut("files")
        .and_then(toml::Value::as_table_mut)
        .and_then(|files| files.remove("max_megapixels"))
    else {
        return Ok(());
    };
    let limits = user
        .entry("limits")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let Some(limits) = limits.as_table_mut() else {
        return Err("`limits` must be a table ([limits])".into());
    };
    if limits.contains_key("max_megapixels") {
        return Err("`files.max_megapixels` is the old name of `limits.max_megapixels`: set only `limits.max_megapixels`".into());
    }
    limits.insert("max_megapixels".into(), old);
    Ok(())
}

/// Merge one user key into the base table, refusing keys the base does not have (typos) and
/// naming the full dotted key in every error.
fn merge_key(
    base: &mut toml::Table,
    key: String,
    value: toml::Value,
    prefix: &str,
) -> Result<(), String> {
    let dotted = if prefix.is_empty() {
        key.clone()
    } else {
        format!("{prefix}.{key}")
    };
    // `severity` is an open map keyed by reason code; validated when deserialised.
    if dotted.starts_with("severity") {
        base.insert(key, value);
        return Ok(());
    }
    let Some(existing) = base.get_mut(&key) else {
        let hint = crate::suggest::nearest(&key, base.keys().map(String::as_str), 0.8)
            .map(|k| format!(" (did you mean `{}`?)", qualify(prefix, k)))
            .unwrap_or_default();
        return Err(format!("unknown key `{dotted}`{hint}"));
    };
    match (existing, value) {
        (toml::Value::Table(existing), toml::Value::Table(user)) => {
            for (k, v) in user {
                merge_key(existing, k, v, &dotted)?;
            }
            Ok(())
        }
        (toml::Value::Table(_), _) => Err(format!("`{dotted}` must be a table ([{dotted}])")),
        (existing, value) => {
            if !same_kind(existing, &value) {
                return Err(format!(
                    "`{dotted}` must be {}, got {}",
                    kind_name(existing),
                    kind_name(&value)
                ));
            }
            *existing = value;
            Ok(())
        }
    }
}

fn qualify(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn same_kind(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value::*;
    matches!(
        (a, b),
        (String(_), String(_))
            | (Integer(_), Integer(_))
            | (Float(_), Float(_) | Integer(_))
            | (Boolean(_), Boolean(_))
            | (Array(_), Array(_))
    )
}

fn kind_name(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "true or false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_validate() {
        for name in PRESETS {
            Policy::preset(name).unwrap().validate().unwrap();
        }
    }

    #[test]
    fn contract_defaults() {
        let p = Policy::default_policy();
        assert_eq!(p.files.max_bytes, 10 * 1024 * 1024);
        assert_eq!(p.files.min_bytes, 30 * 1024);
        assert_eq!(p.quality.id_min_short_side, 720);
        assert_eq!(p.quality.selfie_min_short_side, 480);
        assert_eq!(p.profile.min_age, 18);
        assert_eq!(p.profile.expiry_warn_days, 30);
        assert_eq!(p.limits.max_megapixels, 100.0);
        assert!(p.files.required_images.is_empty());
    }

    #[test]
    fn toml_overrides_a_subset() {
        let p = Policy::from_toml("[profile]\nmin_age = 21\n[quality]\nblur_min = 80\n").unwrap();
        assert_eq!(p.profile.min_age, 21);
        assert_eq!(p.quality.blur_min, 80.0);
        assert_eq!(p.files, Policy::default_policy().files);
    }

    #[test]
    fn toml_base_preset() {
        let p = Policy::from_toml("base = \"strict\"\n[profile]\nmin_age = 20\n").unwrap();
        assert_eq!(
            p.files.required_images,
            vec![Subject::IdFront, Subject::Selfie]
        );
        assert_eq!(p.profile.min_age, 20);
    }

    #[test]
    fn unknown_key_named_with_hint() {
        let err = Policy::from_toml("[profile]\nmin_agee = 21\n").unwrap_err();
        assert!(err.contains("profile.min_agee"), "{err}");
        assert!(err.contains("profile.min_age"), "{err}");
        let err = Policy::from_toml("[qualty]\nblur_min = 1\n").unwrap_err();
        assert!(err.contains("`qualty`") && err.contains("quality"), "{err}");
    }

    #[test]
    fn bad_values_named() {
        let err = Policy::from_toml("[quality]\nglare_max_fraction = 3.0\n").unwrap_err();
        assert!(err.contains("quality.glare_max_fraction"), "{err}");
        let err = Policy::from_toml("[profile]\nmin_age = \"x\"\n").unwrap_err();
        assert!(err.contains("profile.min_age"), "{err}");
        let err = Policy::from_toml("[files]\naccepted_formats = [\"jpg2000\"]\n").unwrap_err();
        assert!(err.contains("jpg2000"), "{err}");
        let err = Policy::from_toml("[severity]\nIMAGE_BLURY = \"warn\"\n").unwrap_err();
        assert!(err.contains("IMAGE_BLURRY"), "{err}");
        assert!(Policy::from_toml("not toml at all = = =").is_err());
    }

    #[test]
    fn severity_overrides() {
        let p =
            Policy::from_toml("[severity]\nEXIF_GPS_PRESENT = \"off\"\nIMAGE_EDITED = \"fail\"\n")
                .unwrap();
        assert_eq!(p.severity_of(Code::ExifGpsPresent, Severity::Info), None);
        assert_eq!(
            p.severity_of(Code::ImageEdited, Severity::Warn),
            Some(Severity::Fail)
        );
        assert_eq!(
            p.severity_of(Code::ImageBlurry, Severity::Fail),
            Some(Severity::Fail)
        );
    }

    #[test]
    fn strict_requires_back_for_two_sided() {
        let p = Policy::strict_policy();
        assert_eq!(
            p.required_roles(Some("national_id")),
            vec![Subject::IdFront, Subject::IdBack, Subject::Selfie]
        );
        assert_eq!(
            p.required_roles(Some("passport")),
            vec![Subject::IdFront, Subject::Selfie]
        );
        assert!(
            Policy::default_policy()
                .required_roles(Some("national_id"))
                .is_empty()
        );
    }

    #[test]
    fn limits_section_and_old_megapixel_key() {
        let p = Policy::default_policy();
        assert_eq!(p.limits.max_file_bytes, 64 << 20);
        assert_eq!(p.limits.max_profile_bytes, 1 << 20);
        assert_eq!(p.limits.max_json_depth, 32);
        let p = Policy::from_toml("[limits]\nmax_megapixels = 20\nmax_json_depth = 8\n").unwrap();
        assert_eq!(
            (p.limits.max_megapixels, p.limits.max_json_depth),
            (20.0, 8)
        );
        // The key's old place still works, and says which name to use when both are given.
        let p = Policy::from_toml("[files]\nmax_megapixels = 30\nmax_bytes = 2000000\n").unwrap();
        assert_eq!(
            (p.limits.max_megapixels, p.files.max_bytes),
            (30.0, 2_000_000)
        );
        let err =
            Policy::from_toml("[files]\nmax_megapixels = 30\n[limits]\nmax_megapixels = 20\n")
                .unwrap_err();
        assert!(err.contains("limits.max_megapixels"), "{err}");
        let err = Policy::from_toml("[limits]\nmax_json_depth = 0\n").unwrap_err();
        assert!(err.contains("limits.max_json_depth"), "{err}");
    }

    #[test]
    fn load_unknown_preset_lists_names() {
        let err = Policy::load("lenient").unwrap_err().to_string();
        assert!(err.contains("default") && err.contains("strict"), "{err}");
    }
}
