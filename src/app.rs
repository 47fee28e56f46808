//! Orchestration: load the inputs once, run every check, apply the policy's severities, build
//! the `Report`. No printing, no exiting: `main.rs` does that.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::checks;
use crate::codes::Code;
use crate::finding::{Arg, Finding, Subject};
use crate::images::{self, ImageInput, ThumbnailSpec};
use crate::policy::Policy;
use crate::profile::{self, ProfileError};
use crate::report::Report;

/// Everything one `check` needs.
#[derive(Clone, Debug)]
pub struct CheckRequest {
    /// The profile's bytes (the caller read the file or standard input); `None` checks only the
    /// photos (`check --id-front a.jpg`, a batch case of photos named by role).
    pub profile: Option<Vec<u8>>,
    /// How to name the profile in messages (`fixtures/a/profile.json` or `<stdin>`).
    pub profile_name: String,
    /// Folder that relative image paths in the profile are resolved against.
    pub base_dir: PathBuf,
    /// `--id-front/--id-back/--selfie`: replace the profile's paths (relative to the working
    /// directory, as the user typed them).
    pub image_overrides: BTreeMap<Subject, PathBuf>,
    /// Photos found beside the profile by their role's name (`id_front.jpg`…), used for roles
    /// the profile gives no path for.
    pub image_fallbacks: BTreeMap<Subject, PathBuf>,
    pub policy: Policy,
    pub today: NaiveDate,
    /// Keep JPEG thumbnails of the decoded images in the report (`--format html`).
    pub thumbnails: Option<ThumbnailSpec>,
}

/// Run every check. `Err` only when the profile is not JSON at all (exit 2).
pub fn check(req: &CheckRequest) -> Result<Report, ProfileError> {
    let (profile, mut findings, facts) = match &req.profile {
        Some(bytes) => {
            let (profile, mut findings) =
                profile::parse_within(bytes, &req.profile_name, &req.policy.limits)?;
            let (profile_findings, facts) = checks::check_profile(&profile, &req.policy, req.today);
            findings.extend(profile_findings);
            (Some(profile), findings, Some(facts))
        }
        // Without a profile the document type is unknown, so a back side is required only
        // when the policy lists `id_back` itself.
        None => (None, Vec::new(), None),
    };
    let document_type = facts.as_ref().and_then(|f| f.document_type.clone());

    let inputs = image_inputs(profile.as_ref(), req);
    for role in req.policy.required_roles(document_type.as_deref()) {
        if !inputs.iter().any(|i| i.subject == role) {
            findings.push(
                Finding::new(Code::FileMissing, role)
                    .field(format!("images.{role}"))
                    .detail(
                        "file.missing_role",
                        [Arg::text(role.as_str()), Arg::text(req.policy.name.clone())],
                    ),
            );
        }
    }
    let analyses = images::analyse_all(&inputs, &req.policy, req.thumbnails);
    findings.extend(checks::image::findings(&analyses, &req.policy, req.today));
    findings.extend(checks::document_data::findings(
        &analyses,
        facts.as_ref(),
        &req.policy,
        req.today,
    ));
    let image_reports = analyses
        .iter()
        .map(|a| (a.subject, checks::image::report(a, &req.policy)))
        .collect();

    let mut report = Report::new(apply_policy_severity(findings, &req.policy), image_reports);
    report.without_profile = profile.is_none();
    Ok(report)
}

/// Image paths: the command-line overrides, else the profile's paths resolved against the
/// profile's folder, else the photos named by role beside it.
fn image_inputs(profile: Option<&profile::Profile>, req: &CheckRequest) -> Vec<ImageInput> {
    Subject::IMAGES
        .iter()
        .filter_map(|&subject| {
            if let Some(path) = req.image_overrides.get(&subject) {
                return Some(ImageInput {
                    subject,
                    path: path.clone(),
                    display: path.display().to_string(),
                });
            }
            let from_profile = profile
                .and_then(|p| p.image_path(subject))
                .map(str::trim)
                .filter(|rel| !rel.is_empty());
            if let Some(rel) = from_profile {
                return Some(ImageInput {
                    subject,
                    path: resolve(&req.base_dir, rel),
                    display: rel.to_string(),
                });
            }
            req.image_fallbacks.get(&subject).map(|path| ImageInput {
                subject,
                path: path.clone(),
                display: path
                    .strip_prefix(&req.base_dir)
                    .unwrap_or(path)
                    .display()
                    .to_string(),
            })
        })
        .collect()
}

fn resolve(base: &Path, rel: &str) -> PathBuf {
    let p = Path::new(rel);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

/// Severity overrides and `off` switches from the policy.
fn apply_policy_severity(findings: Vec<Finding>, policy: &Policy) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            f.severity = policy.severity_of(f.code, f.severity)?;
            Some(f)
        })
        .collect()
}
