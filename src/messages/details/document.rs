//! Detail sentences for the document checks.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "doc.not_found",
        "No card outline was found in the photo, so image quality was measured on the whole image. Lay the card on a plain surface of a different colour, with all four edges in view.",
        "照片中没有找到证件的轮廓，因此图像质量按整张照片测量。请把证件放在颜色不同的纯色平面上，四条边都要拍进去。",
    ),
    d(
        "doc.cut_off.left",
        "The card's left edge touches or leaves the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件左边缘贴到或超出了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.top",
        "The card's top edge touches or leaves the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件上边缘贴到或超出了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.right",
        "The card's right edge touches or leaves the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件右边缘贴到或超出了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.bottom",
        "The card's bottom edge touches or leaves the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件下边缘贴到或超出了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.top_left",
        "The card's top-left corner is cut off or touches the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件左上角被裁掉或贴到了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.top_right",
        "The card's top-right corner is cut off or touches the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件右上角被裁掉或贴到了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.bottom_right",
        "The card's bottom-right corner is cut off or touches the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件右下角被裁掉或贴到了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.bottom_left",
        "The card's bottom-left corner is cut off or touches the edge of the photo. Leave 1–2 cm of background on every side.",
        "证件左下角被裁掉或贴到了照片边缘。请在四周各留出 1–2 厘米的背景。",
    ),
    d(
        "doc.cut_off.several",
        "The card reaches the edge of the photo on more than one side. Move the phone back so the whole card fits with 1–2 cm of background around it.",
        "证件有不止一侧贴到或超出了照片边缘。请把手机拿远一些，让整张证件完整入镜，四周留出 1–2 厘米背景。",
    ),
    d(
        "doc.too_small",
        "The card fills only {0} % of the photo; move closer so it fills at least {1} %.",
        "证件只占照片面积的 {0}%，请靠近一些，让证件至少占 {1}%。",
    ),
    d(
        "doc.sideways",
        "The card is sideways (turned about 90°). Photograph it upright, the way it is printed.",
        "证件是横躺着的（转了约 90°）。请按证件印刷的正常方向摆正后拍摄。",
    ),
    d(
        "doc.sideways.turn_clockwise",
        "The card is sideways: its portrait is lying on its side. Turn the card 90° clockwise so it is upright, the way it is printed.",
        "证件是横躺着的（人像也是侧着的）。请把证件顺时针转 90°，按印刷的正常方向摆正后拍摄。",
    ),
    d(
        "doc.sideways.turn_counterclockwise",
        "The card is sideways: its portrait is lying on its side. Turn the card 90° counter-clockwise so it is upright, the way it is printed.",
        "证件是横躺着的（人像也是侧着的）。请把证件逆时针转 90°，按印刷的正常方向摆正后拍摄。",
    ),
    d(
        "doc.upside_down",
        "The card is upside down: its portrait is head down. Turn the card round (180°) and take the photo again.",
        "证件是倒着的（人像头朝下）。请把证件旋转 180° 摆正后重新拍摄。",
    ),
    d(
        "doc.rotated",
        "The card is rotated by {0}° (limit {1}°). Line its edges up with the edges of the photo.",
        "证件旋转了 {0}°（上限 {1}°）。请让证件边缘与照片边缘平行。",
    ),
    d(
        "doc.perspective",
        "The card is photographed at an angle: its corners are up to {0}° off square (limit {1}°). Hold the phone flat, parallel to the card.",
        "证件是斜着拍的：四个角偏离直角最多 {0}°（上限 {1}°）。请把手机放平，与证件保持平行。",
    ),
];
