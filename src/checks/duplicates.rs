//! The same picture used for two roles (`IMAGE_DUPLICATE`): the same file, or the same
//! picture re-encoded or resized (perceptual hash).

use crate::codes::Code;
use crate::finding::{Arg, Finding};
use crate::images::analysis::ImageAnalysis;
use crate::images::duplicates;
use crate::policy::Policy;

/// `IMAGE_DUPLICATE` for each image that repeats an earlier one (in the order given).
pub fn findings(analyses: &[ImageAnalysis], policy: &Policy) -> Vec<Finding> {
    analyses
        .iter()
        .enumerate()
        .filter_map(|(n, later)| {
            analyses
                .iter()
                .take(n)
                .find_map(|earlier| duplicate_of(earlier, later, policy))
        })
        .collect()
}

/// IMAGE_DUPLICATE on `later` when it is the same file as `earlier` or the same picture.
fn duplicate_of(
    earlier: &ImageAnalysis,
    later: &ImageAnalysis,
    policy: &Policy,
) -> Option<Finding> {
    if earlier.subject == later.subject {
        return None;
    }
    let first = earlier.subject.as_str();
    if earlier.content_hash.is_some() && earlier.content_hash == later.content_hash {
        return Some(
            Finding::new(Code::ImageDuplicate, later.subject)
                .detail("file.duplicate_same_file", [Arg::text(first)]),
        );
    }
    let (a, b) = (phash(earlier)?, phash(later)?);
    let dist = duplicates::distance(a, b);
    let max = policy.quality.duplicate_max_distance;
    (dist <= max).then(|| {
        Finding::new(Code::ImageDuplicate, later.subject)
            .detail(
                "file.duplicate_similar",
                [
                    Arg::text(first),
                    Arg::Int(i64::from(dist)),
                    Arg::Int(i64::from(max)),
                ],
            )
            .measured(f64::from(dist), f64::from(max))
    })
}

fn phash(a: &ImageAnalysis) -> Option<u64> {
    a.pixels.as_ref().map(|p| p.metrics.phash)
}
