//! Detail sentences for the image checks: resolution, blur, glare, exposure, colour, EXIF
//! provenance.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "image.resolution_low_id",
        "The image is {0}×{1} px; an ID photo needs at least {2} px on its short side for the text to be readable.",
        "图片为 {0}×{1} 像素；证件照片的短边至少需要 {2} 像素，文字才清晰可读。",
    ),
    d(
        "image.resolution_low_card",
        "The card is only {0} px across (about {1} DPI for an 85.6 mm card); it needs at least {2} px: move the phone closer so the card fills most of the frame.",
        "证件在照片中只有 {0} 像素宽（按 85.6 毫米的证件约合 {1} DPI），至少需要 {2} 像素：请把手机靠近一些，让证件占满画面的大部分。",
    ),
    d(
        "image.resolution_low_selfie",
        "The image is {0}×{1} px; a selfie needs at least {2} px on its short side.",
        "图片为 {0}×{1} 像素；自拍照的短边至少需要 {2} 像素。",
    ),
    d(
        "image.blurry",
        "Sharpness {0}, below the minimum {1} (measured on a copy {2} px on its long side).",
        "清晰度 {0}，低于最低要求 {1}（在长边缩放为 {2} 像素的副本上测得）。",
    ),
    d(
        "image.blurry_motion",
        "Sharpness {0}, below the minimum {1} (measured on a copy {2} px on its long side); the blur runs in one direction, typical of camera shake or movement.",
        "清晰度 {0}，低于最低要求 {1}（在长边缩放为 {2} 像素的副本上测得）；模糊集中在一个方向，通常是手抖或移动造成的。",
    ),
    d(
        "image.glare",
        "Glare (reflections blown out to white) covers {0}% of the document, above the {1}% limit; the largest reflection covers {2}%.",
        "反光（被照成纯白的反射光斑）占证件的 {0}%，超过 {1}% 的上限；最大的一块占 {2}%。",
    ),
    d(
        "image.glare_portrait",
        "Glare (reflections blown out to white) covers {0}% of the document, above the {1}% limit, and it lies over the portrait: the face cannot be compared with your selfie. The largest reflection covers {2}%.",
        "反光（被照成纯白的反射光斑）占证件的 {0}%，超过 {1}% 的上限，而且落在证件照上：无法与自拍比对人脸。最大的一块占 {2}%。",
    ),
    d(
        "image.glare_no_portrait",
        "Glare (reflections blown out to white) covers {0}% of the document, above the {1}% limit, and no portrait could be found on it: the reflection may be hiding it. The largest reflection covers {2}%.",
        "反光（被照成纯白的反射光斑）占证件的 {0}%，超过 {1}% 的上限，而且在证件上找不到证件照：可能被反光遮住了。最大的一块占 {2}%。",
    ),
    d(
        "image.card_too_dark",
        "Even the lightest parts of the document (paper, white print) reach only {0} on a 0–1 scale, below {1}: the photo is under-exposed.",
        "证件上最亮的部分（纸面、白色印刷）亮度也只有 {0}（0–1 标度），低于 {1}：照片曝光不足。",
    ),
    d(
        "image.white_point_low",
        "Even the lightest parts of the picture reach only {0} on a 0–1 scale, below {1}: the photo is under-exposed.",
        "画面中最亮的部分亮度也只有 {0}（0–1 标度），低于 {1}：照片曝光不足。",
    ),
    d(
        "image.too_dark",
        "Average brightness {0} on a 0–1 scale, below the minimum {1}.",
        "平均亮度为 {0}（0–1 标度），低于最低要求 {1}。",
    ),
    d(
        "image.backlit",
        "The centre of the picture, where your face should be, has brightness {0} while its surroundings have {1} (a difference above {2}): the light is behind you. (Measured on the centre area; face detection will refine this.)",
        "画面中央（脸部应在的位置）亮度为 {0}，周围为 {1}（差值超过 {2}）：光源在你身后，属于逆光。（按画面中央区域测量。）",
    ),
    d(
        "image.center_dark",
        "The centre of the picture, where your face should be, has brightness {0} on a 0–1 scale, below the minimum {1}. (Measured on the centre area; face detection will refine this.)",
        "画面中央（脸部应在的位置）亮度为 {0}（0–1 标度），低于最低要求 {1}。（按画面中央区域测量。）",
    ),
    d(
        "image.clipped",
        "{0}% of the light areas (paper, white print) are pure white (limit {1}%): details there are lost.",
        "浅色区域（纸面、白色印刷）中有 {0}% 已是纯白（上限 {1}%）：这些地方的细节已丢失。",
    ),
    d(
        "image.low_contrast",
        "The print stands out weakly from the paper (contrast {0} on a 0–1 scale, below {1}): the picture looks hazy or washed out.",
        "印刷内容与底色的反差很弱（对比度 {0}，0–1 标度，低于 {1}）：画面发灰、像蒙了一层雾。",
    ),
    d(
        "image.grayscale",
        "The picture has no colour anywhere (colour spread {0}, below {1}): it is a black-and-white copy, a scan or a camera filter.",
        "画面中没有任何颜色（色彩离散度 {0}，低于 {1}）：这是黑白复印件、扫描件或相机的黑白滤镜。",
    ),
    d(
        "image.grayscale_single_channel",
        "The file stores a single grey channel: it is a black-and-white image.",
        "该文件只有一个灰度通道：这是一张黑白图片。",
    ),
    d(
        "image.edited",
        "The photo's metadata says it was saved by {0} (Software: \"{1}\").",
        "照片的元数据显示它由 {0} 保存过（Software：“{1}”）。",
    ),
    d(
        "image.screenshot_metadata",
        "The file's metadata says \"{0}\".",
        "文件的元数据写着“{0}”。",
    ),
    d(
        "image.screenshot_size",
        "A PNG of exactly {0}×{1} px (a common screen size) with no camera information.",
        "这是一张恰好 {0}×{1} 像素（常见屏幕尺寸）的 PNG，且没有任何相机信息。",
    ),
    d(
        "image.gps",
        "The photo's EXIF data contains GPS coordinates, which reveal where it was taken; remove the location before sharing (iPhone: Options › Location off in the share sheet; Android: turn off location tags in the camera settings).",
        "照片的 EXIF 数据包含 GPS 坐标，会暴露拍摄地点；分享前请移除位置信息（iPhone：分享时点“选项”关闭“位置”；安卓：在相机设置中关闭位置标签）。",
    ),
    d(
        "image.selfie_stale",
        "The selfie was taken on {0}, {1} days before {2}; the limit is {3} days. Take a new one.",
        "这张自拍拍摄于 {0}，比 {2} 早 {1} 天；上限为 {3} 天。请重新拍一张。",
    ),
];
