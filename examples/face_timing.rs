//! Time face detection on a 12 MP selfie (the hopper fixture upscaled to 3000×4000 at run
//! time; nothing large is committed). Run on a release build:
//!
//! ```sh
//! cargo run --release --example face_timing [RUNS]
//! ```
//!
//! Prints each run and the median, in milliseconds, for `faces::detect` (downscale to
//! `faces.detect_long_side` + contrast stretch + detector) with the default policy.

use std::time::Instant;

use kyc_precheck::faces;
use kyc_precheck::policy::Policy;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(9)
        .max(1);
    let src = image::open("fixtures/images/selfie_hopper.jpg")?.to_luma8();
    let big = image::imageops::resize(&src, 3000, 4000, image::imageops::FilterType::Triangle);
    let policy = Policy::default_policy();
    // Warm-up: parses the embedded model and builds this thread's detector.
    let faces_found = faces::detect(&big, &policy.faces);
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        let found = faces::detect(&big, &policy.faces);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        println!("run {i}: {ms:.1} ms, {} face(s)", found.len());
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "3000x4000 (12.0 MP), detect_long_side {}: {} face(s) {:?}; median of {runs}: {median:.1} ms (rayon threads: {})",
        policy.faces.detect_long_side,
        faces_found.len(),
        faces_found.first(),
        rayon::current_num_threads()
    );
    Ok(())
}
