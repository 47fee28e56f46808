//! Fixture-based tests: each fixture gives exactly the expected findings under the default
//! policy. The fixtures in `fixtures/images/` are stored upright (no EXIF orientation), so
//! `image::open(..).to_luma8()` is what the pipeline will hand in.

use super::*;
use crate::codes::Code;
use crate::finding::{Finding, Severity, Subject};
use image::{DynamicImage, Luma};
use rayon::prelude::*;

fn luma(name: &str) -> GrayImage {
    match image::open(format!("fixtures/images/{name}")) {
        Ok(img) => img.to_luma8(),
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The selfie findings `check` gives for these faces in this picture.
fn check_selfie(luma: &GrayImage, faces: &[FaceBox], policy: &Policy) -> Vec<Finding> {
    crate::checks::faces::selfie(&FaceAnalysis::measure(luma, faces.to_vec(), policy), policy)
}

fn check_id_front(faces: &[FaceBox]) -> Vec<Finding> {
    let analysis = FaceAnalysis {
        image: (800, 600),
        faces: faces.to_vec(),
        main_light: None,
    };
    crate::checks::faces::id_front(&analysis)
}

fn default_faces() -> FacesPolicy {
    Policy::default_policy().faces
}

/// (code, detail key) of each finding, in order.
fn summary(findings: &[Finding]) -> Vec<(Code, &'static str)> {
    findings
        .iter()
        .map(|f| (f.code, f.detail.as_ref().map_or("", |d| d.key)))
        .collect()
}

fn selfie(name: &str, policy: &Policy) -> (Vec<FaceBox>, Vec<Finding>) {
    let img = luma(name);
    let faces = detect(&img, &policy.faces);
    let findings = check_selfie(&img, &faces, policy);
    assert!(findings.iter().all(|f| f.subject == Subject::Selfie));
    (faces, findings)
}

#[test]
fn one_centred_well_lit_face_gives_no_finding() {
    let policy = Policy::default_policy();
    for name in [
        "selfie_astronaut.jpg",
        "selfie_hopper.jpg",
        "selfie_astronaut_dup_q70_80pct.jpg",
        "selfie_stale_2023.jpg",
        "gray_selfie.png",
    ] {
        let (faces, findings) = selfie(name, &policy);
        assert_eq!(faces.len(), 1, "{name}: {faces:?}");
        assert_eq!(summary(&findings), [], "{name}");
    }
}

#[test]
fn face_boxes_match_the_manifest() {
    // Ground truth from fixtures/images/manifest.json (LBP cascade boxes, eyes-to-mouth core).
    let truth = [
        ("selfie_astronaut.jpg", [230.4, 276.5, 307.2, 307.2]),
        ("selfie_hopper.jpg", [199.7, 245.8, 368.6, 368.6]),
        ("selfie_tiny_face.jpg", [323.9, 302.0, 69.0, 69.0]),
        ("selfie_offcenter.jpg", [30.7, 41.0, 245.8, 245.8]),
    ];
    for (name, [x, y, w, h]) in truth {
        let faces = detect(&luma(name), &default_faces());
        let Some(f) = faces.first() else {
            panic!("{name}: no face")
        };
        let (cx, cy) = center(f);
        assert!((cx - (x + w / 2.0)).abs() < 0.15 * w, "{name}: {f:?}");
        assert!((cy - (y + h / 2.0)).abs() < 0.15 * h, "{name}: {f:?}");
        assert!((f.height / h - 1.0).abs() < 0.2, "{name}: {f:?}");
    }
}

#[test]
fn no_face() {
    let policy = Policy::default_policy();
    for name in [
        "selfie_noface_wall.jpg",
        "selfie_noface_object.jpg",
        "selfie_cat.jpg",
    ] {
        let (faces, findings) = selfie(name, &policy);
        assert_eq!(faces, [], "{name}");
        assert_eq!(
            summary(&findings),
            [(Code::SelfieNoFace, "faces.no_face")],
            "{name}"
        );
        assert_eq!(findings.first().map(|f| f.severity), Some(Severity::Fail));
    }
}

#[test]
fn several_faces() {
    let policy = Policy::default_policy();
    let (faces, findings) = selfie("selfie_group3.jpg", &policy);
    assert_eq!(faces.len(), 3);
    assert_eq!(
        summary(&findings),
        [(Code::SelfieMultipleFaces, "faces.multiple")]
    );
    assert_eq!(findings.first().and_then(|f| f.measured), Some(3.0));
    // Still several people when the platform wants the ID held up: they are not card-sized.
    let mut with_id = Policy::default_policy();
    with_id.faces.selfie_with_id = true;
    let (_, findings) = selfie("selfie_group3.jpg", &with_id);
    assert_eq!(
        summary(&findings),
        [(Code::SelfieMultipleFaces, "faces.multiple_with_id")]
    );
}

#[test]
fn einstein_crop_holds_a_second_real_face() {
    // The Solvay crop cuts through a man standing behind (rustface finds him in the full
    // photo too): a platform would see two people, so this is a correct SELFIE_MULTIPLE_FACES.
    let (faces, findings) = selfie("selfie_einstein.jpg", &Policy::default_policy());
    assert_eq!(faces.len(), 2, "{faces:?}");
    assert_eq!(
        summary(&findings),
        [(Code::SelfieMultipleFaces, "faces.multiple")]
    );
}

#[test]
fn tiny_face() {
    let (faces, findings) = selfie("selfie_tiny_face.jpg", &Policy::default_policy());
    assert_eq!(faces.len(), 1);
    assert_eq!(
        summary(&findings),
        [(Code::SelfieFaceTooSmall, "faces.too_small")]
    );
    let f = &findings[0];
    assert!(f.measured.is_some_and(|m| m < 0.1), "{f:?}");
    assert_eq!(f.threshold, Some(0.15));
}

#[test]
fn off_centre_face() {
    let (_, findings) = selfie("selfie_offcenter.jpg", &Policy::default_policy());
    assert_eq!(
        summary(&findings),
        [(Code::SelfieFaceOffCenter, "faces.off_center_top")]
    );
    assert_eq!(findings[0].severity, Severity::Warn);
    assert!(findings[0].measured.is_some_and(|m| m > 0.3));
}

#[test]
fn selfie_holding_the_id() {
    let (faces, findings) = selfie("selfie_with_id.jpg", &Policy::default_policy());
    assert_eq!(faces.len(), 2, "face + card portrait: {faces:?}");
    assert_eq!(
        summary(&findings),
        [(Code::SelfieMultipleFaces, "faces.multiple")]
    );
    let mut with_id = Policy::default_policy();
    with_id.faces.selfie_with_id = true;
    let (_, findings) = selfie("selfie_with_id.jpg", &with_id);
    assert_eq!(summary(&findings), []);
}

#[test]
fn backlit_and_dark_faces() {
    let policy = Policy::default_policy();
    let (faces, findings) = selfie("selfie_backlit.jpg", &policy);
    assert_eq!(faces.len(), 1);
    assert_eq!(summary(&findings), [(Code::ImageTooDark, "faces.backlit")]);
    assert_eq!(
        findings[0].threshold,
        Some(policy.faces.backlight_max_difference)
    );

    let (faces, findings) = selfie("selfie_dim.jpg", &policy);
    assert_eq!(faces.len(), 1, "the contrast stretch finds the dim face");
    assert_eq!(summary(&findings), [(Code::ImageTooDark, "faces.too_dark")]);
    assert!(findings[0].measured.is_some_and(|m| m < 0.15));
}

#[test]
fn id_front_with_and_without_portrait() {
    let p = default_faces();
    for name in ["front_clean.jpg", "front_fabric_hopper.jpg"] {
        let faces = detect(&luma(name), &p);
        assert!(!faces.is_empty(), "{name}");
        assert_eq!(check_id_front(&faces), [], "{name}");
    }
    let faces = detect(&luma("back_clean.jpg"), &p);
    assert_eq!(faces, []);
    let findings = check_id_front(&faces);
    assert_eq!(
        summary(&findings),
        [(Code::IdNoPortrait, "faces.id_no_portrait")]
    );
    assert_eq!(findings[0].subject, Subject::IdFront);
}

#[test]
fn odd_images_never_panic() {
    let p = default_faces();
    let policy = Policy::default_policy();
    let mut images = vec![
        luma("px1.png"),
        luma("wide_10000x20.png"),
        luma("png16_rgb.png"),
        GrayImage::new(1, 1),
        GrayImage::new(0, 0),
        GrayImage::new(20, 10_000),
        GrayImage::new(800, 600),
        GrayImage::from_pixel(800, 600, Luma([255])),
        GrayImage::from_fn(641, 43, |x, y| Luma([((x ^ y) & 0xff) as u8])),
    ];
    // A 16-bit image as the pipeline would hand it in.
    let sixteen = DynamicImage::ImageLuma16(image::ImageBuffer::from_fn(300, 200, |x, y| {
        Luma([((x * 200 + y * 97) % 65_536) as u16])
    }));
    images.push(sixteen.to_luma8());
    for img in &images {
        let faces = detect(img, &p);
        let _ = check_selfie(img, &faces, &policy);
        let _ = check_id_front(&faces);
    }
    for img in &images[..7] {
        assert_eq!(detect(img, &p), [], "{:?}", img.dimensions());
    }
    assert_eq!(
        summary(&check_selfie(&GrayImage::new(0, 0), &[], &policy)),
        [(Code::SelfieNoFace, "faces.no_face")]
    );
}

#[test]
fn png16_card_is_too_small_for_a_portrait() {
    // 240×180: the card portrait is ~30 px, below the detector's 40 px window.
    assert_eq!(detect(&luma("png16_rgb.png"), &default_faces()), []);
}

#[test]
fn same_result_in_parallel_and_under_nested_rayon() {
    let img = luma("selfie_hopper.jpg");
    let p = default_faces();
    let once = detect(&img, &p);
    let many: Vec<Vec<FaceBox>> = (0..4).into_par_iter().map(|_| detect(&img, &p)).collect();
    assert!(many.iter().all(|r| *r == once));
}

#[test]
fn large_image_is_detected_on_a_downscaled_copy() {
    // 3× upscale of the hopper selfie: boxes come back in full-resolution pixels.
    let small = luma("selfie_hopper.jpg");
    let big = image::imageops::resize(
        &small,
        small.width() * 3,
        small.height() * 3,
        image::imageops::FilterType::Triangle,
    );
    let p = default_faces();
    let (a, b) = (detect(&small, &p), detect(&big, &p));
    assert_eq!((a.len(), b.len()), (1, 1));
    let (fa, fb) = (&a[0], &b[0]);
    assert!(
        (fb.height / 3.0 - fa.height).abs() < 0.1 * fa.height,
        "{fa:?} {fb:?}"
    );
    assert!((fb.x / 3.0 - fa.x).abs() < 0.1 * fa.width, "{fa:?} {fb:?}");
}

// --- check_selfie on hand-made boxes (no detector) ---

fn face(x: f64, y: f64, side: f64) -> FaceBox {
    FaceBox {
        x,
        y,
        width: side,
        height: side,
        score: 10.0,
    }
}

fn grey(w: u32, h: u32) -> GrayImage {
    GrayImage::from_pixel(w, h, Luma([128]))
}

#[test]
fn off_centre_direction_is_named() {
    let policy = Policy::default_policy();
    let img = grey(1000, 1000);
    let cases = [
        (face(20.0, 400.0, 200.0), "faces.off_center_left"),
        (face(780.0, 400.0, 200.0), "faces.off_center_right"),
        (face(400.0, 10.0, 200.0), "faces.off_center_top"),
        (face(400.0, 790.0, 200.0), "faces.off_center_bottom"),
    ];
    for (f, key) in cases {
        let findings = check_selfie(&img, &[f], &policy);
        assert_eq!(summary(&findings), [(Code::SelfieFaceOffCenter, key)]);
    }
    assert_eq!(
        summary(&check_selfie(&img, &[face(400.0, 350.0, 200.0)], &policy)),
        []
    );
}

#[test]
fn card_portrait_only_tolerated_when_clearly_smaller() {
    let mut policy = Policy::default_policy();
    policy.faces.selfie_with_id = true;
    let img = grey(1000, 1000);
    let main = face(400.0, 300.0, 250.0);
    let portrait = face(450.0, 750.0, 60.0);
    let person = face(50.0, 300.0, 220.0);
    assert_eq!(
        summary(&check_selfie(
            &img,
            &[portrait.clone(), main.clone()],
            &policy
        )),
        []
    );
    assert_eq!(
        summary(&check_selfie(&img, &[main, portrait, person], &policy)),
        [(Code::SelfieMultipleFaces, "faces.multiple_with_id")]
    );
}

#[test]
fn face_light_measures_face_and_ring() {
    // Dark 100×100 face on a bright background.
    let img = GrayImage::from_fn(400, 400, |x, y| {
        let inside = (150..250).contains(&x) && (150..250).contains(&y);
        Luma([if inside { 25 } else { 230 }])
    });
    let f = face(150.0, 150.0, 100.0);
    let light = face_light(&img, &f, 0.5);
    assert!(light.is_some_and(|l| (l.face - 25.0 / 255.0).abs() < 1e-9));
    assert!(light.is_some_and(|l| (l.surround - 230.0 / 255.0).abs() < 1e-9));
    let findings = check_selfie(&img, &[f], &Policy::default_policy());
    assert_eq!(summary(&findings), [(Code::ImageTooDark, "faces.backlit")]);
    // A box covering the whole image has no ring.
    assert_eq!(face_light(&img, &face(0.0, 0.0, 400.0), 0.5), None);
}

/// The picture turned a quarter, half or three quarters: `detect_turned` with the turn that puts
/// the face upright again finds it, and maps its box back onto the same face of the turned
/// picture.
#[test]
fn turned_detection_finds_the_face_where_it_lies() {
    let policy = default_faces();
    let upright = luma("selfie_astronaut.jpg");
    let (w, h) = (f64::from(upright.width()), f64::from(upright.height()));
    let face = detect(&upright, &policy)
        .into_iter()
        .next()
        .expect("a face upright");
    let centre = (face.x + face.width / 2.0, face.y + face.height / 2.0);
    // (the picture as photographed, the turn that puts it upright again, where the face's
    // centre lies in the photographed picture)
    let cases = [
        (
            image::imageops::rotate270(&upright),
            Turn::Quarter,
            (centre.1, w - centre.0),
        ),
        (
            image::imageops::rotate180(&upright),
            Turn::Half,
            (w - centre.0, h - centre.1),
        ),
        (
            image::imageops::rotate90(&upright),
            Turn::ThreeQuarters,
            (h - centre.1, centre.0),
        ),
    ];
    for (picture, turn, (cx, cy)) in cases {
        assert!(
            detect(&picture, &policy).is_empty(),
            "{turn:?}: the detector finds upright faces only"
        );
        let found = detect_turned(&picture, &policy, turn, detector::MIN_FACE);
        let f = found.first().unwrap_or_else(|| panic!("{turn:?}: no face"));
        let (fx, fy) = (f.x + f.width / 2.0, f.y + f.height / 2.0);
        assert!(
            (fx - cx).abs() < 0.1 * face.width && (fy - cy).abs() < 0.1 * face.height,
            "{turn:?}: face centre at ({fx}, {fy}), expected ({cx}, {cy})"
        );
    }
}
