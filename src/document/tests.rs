use super::*;
use crate::codes::Code;
use crate::finding::{Finding, Subject};

/// A bright card (with a little printed detail) on a dark noisy background.
fn synth(w: u32, h: u32, corners: [[f64; 2]; 4]) -> RgbImage {
    synth_print(w, h, corners, None)
}

/// [`synth`]; with `Some(vertical)` its print is long lines of "words" running across the
/// picture, or down it when `vertical`.
fn synth_print(w: u32, h: u32, corners: [[f64; 2]; 4], lines: Option<bool>) -> RgbImage {
    let card = Located::from_quad(corners, [false; 4], f64::from(w), f64::from(h), 1.0)
        .expect("valid test quad");
    let mut seed: u32 = 12345;
    RgbImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let noise = (seed >> 24) as i32 % 24 - 12;
        let (xc, yc) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        let (along, across) = if lines == Some(true) { (y, x) } else { (x, y) };
        let (period, word) = if lines.is_some() {
            (120, 100)
        } else {
            (40, 25)
        };
        let base = if card.contains(xc, yc) {
            // Some "text" stripes inside the card.
            if (across / 6) % 5 == 0 && along % period < word {
                90
            } else {
                215
            }
        } else {
            60
        };
        let v = (base + noise).clamp(0, 255) as u8;
        image::Rgb([v, v, v])
    })
}

fn rect(cx: f64, cy: f64, w: f64, h: f64, deg: f64) -> [[f64; 2]; 4] {
    let (s, c) = deg.to_radians().sin_cos();
    [(-w, -h), (w, -h), (w, h), (-w, h)].map(|(dx, dy)| {
        let (dx, dy) = (dx / 2.0, dy / 2.0);
        [cx + dx * c - dy * s, cy + dx * s + dy * c]
    })
}

fn max_corner_error(a: &[[f64; 2]; 4], b: &[[f64; 2]; 4]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(p, q)| (p[0] - q[0]).hypot(p[1] - q[1]))
        .fold(0.0, f64::max)
}

fn codes(findings: &[Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}

/// The framing findings `check` gives for an ID front with this outline.
fn judge(located: Option<Located>, width: u32, height: u32, policy: &Policy) -> Vec<Finding> {
    let doc = DocumentAnalysis {
        image: (width, height),
        located,
        upright: None,
        evidence: None,
    };
    crate::checks::framing::findings(&doc, Subject::IdFront, policy)
}

/// Located, then analysed as `check` does (which way up from the print; no faces), and judged.
fn run_analysed(img: &RgbImage, subject: Subject) -> (DocumentAnalysis, Vec<Finding>) {
    let policy = Policy::default_policy();
    let loc = locate(img, &policy);
    let luma = crate::images::decode::luma_of(img);
    let (doc, _) = analyse(loc, subject, &luma, &luma, Some(&[]), &policy);
    let findings = crate::checks::framing::findings(&doc, subject, &policy);
    (doc, findings)
}

fn run(img: &RgbImage) -> (Option<Located>, Vec<Finding>) {
    let policy = Policy::default_policy();
    let loc = locate(img, &policy);
    let findings = judge(loc.clone(), img.width(), img.height(), &policy);
    (loc, findings)
}

#[test]
fn finds_an_upright_card() {
    let truth = rect(400.0, 300.0, 560.0, 353.0, 2.0);
    let img = synth(800, 600, truth);
    let (loc, findings) = run(&img);
    let loc = loc.expect("card found");
    let diag = 560.0f64.hypot(353.0);
    let err = max_corner_error(&loc.corners, &truth);
    assert!(err < 0.015 * diag, "corner error {err}: {:?}", loc.corners);
    assert!((loc.angle_deg - 2.0).abs() < 0.5, "angle {}", loc.angle_deg);
    assert!(loc.perspective_deg < 1.0);
    assert!(loc.confidence > 0.8);
    assert!(findings.is_empty(), "{findings:?}");
}

/// A light card whose top fifth is a blue band exactly as bright (in luma) as the brown table:
/// the card's top edge exists only in colour, and the band's inner edge is a strong luma step.
#[test]
fn a_header_band_as_dark_as_the_table_is_not_taken_for_the_card_top() {
    let truth = rect(400.0, 300.0, 560.0, 353.0, 1.0);
    let card = Located::from_quad(truth, [false; 4], 800.0, 600.0, 1.0).expect("quad");
    let (s, c) = 1.0f64.to_radians().sin_cos();
    let mut seed: u32 = 99;
    let img = RgbImage::from_fn(800, 600, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let noise = (seed >> 24) as i32 % 12 - 6;
        let (xc, yc) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        // Position across the card's height, 0 at its top edge.
        let v = -(xc - 400.0) * s + (yc - 300.0) * c + 353.0 / 2.0;
        let base: [i32; 3] = if !card.contains(xc, yc) {
            [150, 100, 60]
        } else if v < 0.2 * 353.0 {
            [60, 118, 205]
        } else {
            [225, 225, 220]
        };
        image::Rgb(base.map(|b| (b + noise).clamp(0, 255) as u8))
    });
    let luma = crate::images::decode::luma_of(&img);
    let (table, band) = (luma.get_pixel(20, 20).0[0], luma.get_pixel(400, 150).0[0]);
    assert!(table.abs_diff(band) <= 14, "table {table}, band {band}");
    let (loc, findings) = run(&img);
    let loc = loc.expect("card found");
    let err = max_corner_error(&loc.corners, &truth);
    assert!(
        err < 0.015 * 560.0f64.hypot(353.0),
        "corner error {err}: {:?}",
        loc.corners
    );
    assert!(findings.is_empty(), "{findings:?}");
}
#[test]
fn large_image_is_searched_on_a_small_copy() {
    let truth = rect(1000.0, 750.0, 1400.0, 883.0, -3.0);
    let img = synth(2000, 1500, truth);
    let (loc, findings) = run(&img);
    let loc = loc.expect("card found");
    let err = max_corner_error(&loc.corners, &truth);
    assert!(err < 0.015 * 1400.0f64.hypot(883.0), "corner error {err}");
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn rotated_card_is_tilted() {
    let truth = rect(400.0, 300.0, 480.0, 303.0, 20.0);
    let img = synth(800, 600, truth);
    let (loc, findings) = run(&img);
    let loc = loc.expect("card found");
    assert!(
        (loc.angle_deg - 20.0).abs() < 1.0,
        "angle {}",
        loc.angle_deg
    );
    assert_eq!(codes(&findings), vec![Code::DocTilted]);
}

#[test]
fn sideways_card_is_named_sideways() {
    // Long sides vertical and the print running down the picture: lying sideways.
    let truth = rect(400.0, 300.0, 420.0, 265.0, 90.0);
    let img = synth_print(800, 600, truth, Some(true));
    let (doc, findings) = run_analysed(&img, Subject::IdFront);
    assert!(doc.located.expect("card found").angle_deg.abs() > 85.0);
    assert_eq!(doc.upright, Some(upright::Upright::Sideways));
    let tilted: Vec<_> = findings
        .iter()
        .filter(|f| f.code == Code::DocTilted)
        .collect();
    assert_eq!(tilted.len(), 1, "{findings:?}");
    assert_eq!(
        tilted
            .first()
            .and_then(|f| f.detail.as_ref())
            .map(|d| d.key),
        Some("doc.sideways")
    );
}

/// `analyse` on the true outline of a synthetic card (the print decides, no faces).
fn analyse_true(img: &RgbImage, truth: [[f64; 2]; 4], subject: Subject) -> DocumentAnalysis {
    let policy = Policy::default_policy();
    let (w, h) = img.dimensions();
    let card =
        Located::from_quad(truth, [false; 4], f64::from(w), f64::from(h), 1.0).expect("quad");
    let luma = crate::images::decode::luma_of(img);
    analyse(Some(card), subject, &luma, &luma, Some(&[]), &policy).0
}

#[test]
fn a_portrait_layout_card_stands_upright() {
    // An outline standing on its short side with the print running across the picture: a
    // portrait-layout card, upright.
    let truth = rect(400.0, 300.0, 420.0, 265.0, 90.0);
    let img = synth_print(800, 600, truth, Some(false));
    let doc = analyse_true(&img, truth, Subject::IdFront);
    assert!(doc.located.is_some());
    assert_eq!(doc.upright, None);
    let findings =
        crate::checks::framing::findings(&doc, Subject::IdFront, &Policy::default_policy());
    assert!(!codes(&findings).contains(&Code::DocTilted), "{findings:?}");
    // …and a landscape card whose print runs down the picture lies sideways.
    let truth = rect(400.0, 300.0, 480.0, 303.0, 0.0);
    let img = synth_print(800, 600, truth, Some(true));
    let doc = analyse_true(&img, truth, Subject::IdBack);
    assert_eq!(doc.upright, Some(upright::Upright::Sideways));
}

#[test]
fn an_outline_without_print_or_crisp_edges_is_not_a_document() {
    let policy = Policy::default_policy();
    let truth = rect(400.0, 300.0, 480.0, 303.0, 0.0);
    let card = Located::from_quad(truth, [false; 4], 800.0, 600.0, 0.6).expect("quad");
    let luma = image::GrayImage::from_pixel(800, 600, image::Luma([128]));
    // Backed over 60 % of its perimeter, no portrait, no wide lines of print.
    let (doc, _) = analyse(
        Some(card.clone()),
        Subject::IdFront,
        &luma,
        &luma,
        Some(&[]),
        &policy,
    );
    assert_eq!(doc.located, None);
    assert!(
        doc.evidence
            .as_ref()
            .is_some_and(|e| e.score < policy.document.min_evidence)
    );
    let findings = crate::checks::framing::findings(&doc, Subject::IdFront, &policy);
    assert_eq!(codes(&findings), vec![Code::DocNotFound]);
    // Backed all round: kept.
    let crisp = Located {
        confidence: 1.0,
        ..card
    };
    let (doc, _) = analyse(
        Some(crisp),
        Subject::IdFront,
        &luma,
        &luma,
        Some(&[]),
        &policy,
    );
    assert!(doc.located.is_some());
}

#[test]
fn an_open_booklet_gives_its_data_page() {
    // Two ID-3 pages (125 × 88 mm) one above the other, a fold between them, print on the
    // lower one only.
    let (w, h) = (800u32, 1000u32);
    let booklet = rect(400.0, 500.0, 500.0, 704.0, 0.0);
    let page = [
        [150.0, 500.0],
        [650.0, 500.0],
        [650.0, 852.0],
        [150.0, 852.0],
    ];
    let outline =
        Located::from_quad(booklet, [false; 4], f64::from(w), f64::from(h), 1.0).expect("quad");
    let lower =
        Located::from_quad(page, [false; 4], f64::from(w), f64::from(h), 1.0).expect("quad");
    let mut seed: u32 = 7;
    let img = RgbImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let noise = (seed >> 24) as i32 % 16 - 8;
        let (xc, yc) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        let base = if !outline.contains(xc, yc) {
            60
        } else if (yc - 500.0).abs() < 2.0 {
            // The fold.
            120
        } else if lower.contains(xc, yc) && (y / 8) % 4 == 0 && x % 50 < 35 {
            80
        } else {
            220
        };
        let v = (base + noise).clamp(0, 255) as u8;
        image::Rgb([v, v, v])
    });
    let (loc, _) = run(&img);
    let loc = loc.expect("found");
    let err = max_corner_error(&loc.corners, &page);
    assert!(err < 0.03 * 500.0f64.hypot(352.0), "{:?}", loc.corners);
    assert!(loc.booklet.is_some());
    // The document held is the whole booklet.
    assert!((loc.held_area_fraction - 500.0 * 704.0 / 800_000.0).abs() < 0.03);
    assert!(loc.area_fraction < 0.6 * loc.held_area_fraction);
}

#[test]
fn card_leaving_the_frame_is_cut_off() {
    // Right edge beyond the frame.
    let truth = rect(500.0, 300.0, 640.0, 404.0, 0.0);
    let img = synth(800, 600, truth);
    let (loc, findings) = run(&img);
    assert!(loc.is_some());
    let cut: Vec<_> = findings
        .iter()
        .filter(|f| f.code == Code::DocCutOff)
        .collect();
    assert_eq!(cut.len(), 1, "{findings:?}");
    assert_eq!(
        cut.first().and_then(|f| f.detail.as_ref()).map(|d| d.key),
        Some("doc.cut_off.right")
    );
}

#[test]
fn corner_outside_the_frame_is_cut_off() {
    let truth = rect(520.0, 260.0, 600.0, 378.0, 6.0);
    let img = synth(800, 600, truth);
    let (_, findings) = run(&img);
    assert!(codes(&findings).contains(&Code::DocCutOff), "{findings:?}");
}

#[test]
fn tiny_card_is_too_small() {
    let truth = rect(400.0, 300.0, 220.0, 139.0, 1.0);
    let img = synth(800, 600, truth);
    let (loc, findings) = run(&img);
    let loc = loc.expect("card found");
    assert!((loc.area_fraction - 220.0 * 139.0 / 480_000.0).abs() < 0.01);
    assert_eq!(codes(&findings), vec![Code::DocTooSmall]);
}

#[test]
fn odd_images_do_not_panic() {
    let policy = Policy::default_policy();
    for (w, h) in [(1, 1), (10000, 20), (20, 10000), (33, 33), (2, 700)] {
        let img = RgbImage::new(w, h);
        assert!(locate(&img, &policy).is_none(), "{w}x{h}");
    }
    let black = RgbImage::new(640, 480);
    assert!(locate(&black, &policy).is_none());
    let white = RgbImage::from_pixel(640, 480, image::Rgb([255, 255, 255]));
    assert!(locate(&white, &policy).is_none());
}

#[test]
fn outline_is_ordered_and_reported() {
    // Counter-clockwise input starting at the bottom-right.
    let corners = [
        [700.0, 500.0],
        [700.0, 100.0],
        [100.0, 100.0],
        [100.0, 500.0],
    ];
    let loc =
        Located::from_quad(corners, [false, false, true, false], 800.0, 600.0, 0.9).expect("valid");
    assert_eq!(
        loc.corners,
        [
            [100.0, 100.0],
            [700.0, 100.0],
            [700.0, 500.0],
            [100.0, 500.0]
        ]
    );
    // The clipped side 100,100 → 100,500 is now the left side (index 3).
    assert_eq!(loc.clipped, [false, false, false, true]);
    assert!((loc.area_fraction - 0.5).abs() < 1e-9);
    let policy = Policy::default_policy();
    let f = judge(Some(loc.clone()), 800, 600, &policy);
    assert!(f.is_empty(), "{f:?}");
    let outline = DocumentOutline::of(&loc);
    assert_eq!(outline.long_side_px, 600.0);
    assert!((outline.dpi - 600.0 / ID1_LONG_SIDE_INCHES).abs() < 0.1);
}

#[test]
fn perspective_beyond_the_policy_is_tilted() {
    // A keystone: top edge much narrower than the bottom one.
    let corners = [
        [250.0, 100.0],
        [550.0, 100.0],
        [700.0, 500.0],
        [100.0, 500.0],
    ];
    let loc = Located::from_quad(corners, [false; 4], 800.0, 600.0, 0.9).expect("valid");
    assert!(loc.perspective_deg > 15.0);
    let policy = Policy::default_policy();
    let f = judge(Some(loc), 800, 600, &policy);
    assert_eq!(
        f.first().and_then(|f| f.detail.as_ref()).map(|d| d.key),
        Some("doc.perspective")
    );
}

#[test]
fn mask_covers_the_outline() {
    let corners = rect(400.0, 300.0, 400.0, 252.0, 10.0);
    let loc = Located::from_quad(corners, [false; 4], 800.0, 600.0, 1.0).expect("valid");
    let mask = card_mask(&loc, 800, 600);
    let inside = mask.pixels().filter(|p| p.0[0] == 255).count() as f64;
    assert!((inside / 480_000.0 - loc.area_fraction).abs() < 0.002);
    // A mask for a card leaving the frame stays inside the image.
    let cut = Located::from_quad(
        rect(700.0, 300.0, 400.0, 252.0, 0.0),
        [false; 4],
        800.0,
        600.0,
        1.0,
    )
    .expect("valid");
    let mask = card_mask(&cut, 800, 600);
    assert_eq!(mask.dimensions(), (800, 600));
    let scaled = cut.scaled((800, 600), (400, 300));
    assert_eq!(scaled.corners.first(), Some(&[250.0, 87.0]));
}
