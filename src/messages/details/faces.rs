//! Detail sentences for the faces checks.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "faces.no_face",
        "The face detector found no face in the {0}×{1} px picture: it needs a face seen from the front, uncovered and not too small.",
        "人脸检测在这张 {0}×{1} 像素的照片中没有找到人脸：需要正对镜头、没有遮挡且不能太小的脸。",
    ),
    d(
        "faces.multiple",
        "{0} faces were found; the selfie must show only you.",
        "检测到 {0} 张人脸；自拍照中只能有你一个人。",
    ),
    d(
        "faces.multiple_with_id",
        "{0} faces were found; besides your face only the smaller portrait on the ID you hold is allowed.",
        "检测到 {0} 张人脸；除了你的脸，只允许出现你手持证件上那张较小的证件照。",
    ),
    d(
        "faces.too_small",
        "Your face is {0}% of the picture's height; it should be at least {1}%.",
        "你的脸只占照片高度的 {0}%，至少应占 {1}%。",
    ),
    d(
        "faces.off_center_left",
        "Your face sits towards the left edge: its centre is {0}% of the picture away from the middle (limit {1}%).",
        "你的脸偏向画面左侧：脸部中心偏离画面中央 {0}%（上限 {1}%）。",
    ),
    d(
        "faces.off_center_right",
        "Your face sits towards the right edge: its centre is {0}% of the picture away from the middle (limit {1}%).",
        "你的脸偏向画面右侧：脸部中心偏离画面中央 {0}%（上限 {1}%）。",
    ),
    d(
        "faces.off_center_top",
        "Your face sits near the top edge: its centre is {0}% of the picture away from the middle (limit {1}%).",
        "你的脸太靠近画面上边缘：脸部中心偏离画面中央 {0}%（上限 {1}%）。",
    ),
    d(
        "faces.off_center_bottom",
        "Your face sits near the bottom edge: its centre is {0}% of the picture away from the middle (limit {1}%).",
        "你的脸太靠近画面下边缘：脸部中心偏离画面中央 {0}%（上限 {1}%）。",
    ),
    d(
        "faces.backlit",
        "Your face has brightness {0} while the area around it has {1} (a difference above {2} on a 0–1 scale): the light is behind you, so your face is in shadow.",
        "你的脸部亮度为 {0}，周围区域为 {1}（0–1 标度，差值超过 {2}）：光源在你身后，脸处在阴影里（逆光）。",
    ),
    d(
        "faces.too_dark",
        "Your face has brightness {0} on a 0–1 scale, below the minimum {1}.",
        "你的脸部亮度为 {0}（0–1 标度），低于最低要求 {1}。",
    ),
    d(
        "faces.id_no_portrait",
        "The face detector found no portrait on this image. If this is the back of your ID, upload the side with your photo as the front.",
        "在这张图片上没有检测到证件照。如果这是证件的背面，请把带有照片的一面作为正面上传。",
    ),
];
