//! The whole image pipeline on arbitrary bytes: sniffing, EXIF, decoding (within the default
//! policy's limits, the pixel limit lowered to 4 MP), metrics, the document locator, face
//! detection and the MRZ reader (turned on here; it is off in the default policy), then the
//! checks and the report built from it. The first byte chooses the photo's role (ID front,
//! ID back, selfie).
#![no_main]

use chrono::NaiveDate;
use kyc_precheck::checks;
use kyc_precheck::finding::Subject;
use kyc_precheck::images::{self, ImageInput};
use kyc_precheck::policy::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&role, bytes)) = data.split_first() else {
        return;
    };
    let Some(today) = NaiveDate::from_ymd_opt(2026, 12, 2) else {
        return;
    };
    let subject = match role % 3 {
        0 => Subject::IdFront,
        1 => Subject::IdBack,
        _ => Subject::Selfie,
    };
    let mut policy = Policy::default_policy();
    policy.reader.enabled = true;
    // 4 MP instead of the default 100: a few bytes of header can claim 100 MP, and decoding
    // that many pixels takes seconds under the sanitizer, which would spend the run on
    // allocation. The refusal above the limit is the same code at any limit (and
    // tests/bad_inputs.rs runs the bombs at the default one).
    policy.limits.max_megapixels = 4.0;
    let input = ImageInput {
        subject,
        path: "fuzz.jpg".into(),
        display: "fuzz.jpg".to_string(),
    };
    let analysis = images::analyse_bytes(&input, bytes.to_vec(), &policy);
    let analyses = [analysis];
    let _ = checks::image::findings(&analyses, &policy, today);
    for a in &analyses {
        let _ = checks::image::report(a, &policy);
    }
});
