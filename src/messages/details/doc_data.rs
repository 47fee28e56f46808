//! Detail sentences for the text read from the document in the photo (`DOC_DATA_MISMATCH`,
//! `MRZ_UNREADABLE`).

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "doc_data.number",
        "Document number: the document prints {0}, the profile says {1} (character {2}: {3} printed, {4} typed).",
        "证件号码：证件上印的是 {0}，资料中为 {1}（第 {2} 位：证件上是 {3}，填写的是 {4}）。",
    ),
    d(
        "doc_data.number_length",
        "Document number: the document prints {0} ({2} characters), the profile says {1} ({3} characters); they first differ at character {4}.",
        "证件号码：证件上印的是 {0}（{2} 位），资料中为 {1}（{3} 位），从第 {4} 位开始不同。",
    ),
    d(
        "doc_data.date_of_birth",
        "Date of birth: the document prints {0}, the profile says {1} (differing characters: {2}).",
        "出生日期：证件上印的是 {0}，资料中为 {1}（不同的字符：第 {2} 个）。",
    ),
    d(
        "doc_data.date_of_birth.swapped",
        "Date of birth: the document prints {0}, the profile says {1}: day and month are swapped (characters {2}).",
        "出生日期：证件上印的是 {0}，资料中为 {1}：日和月填反了（第 {2} 个字符）。",
    ),
    d(
        "doc_data.expiry_date",
        "Expiry date: the document prints {0}, the profile says {1} (differing characters: {2}).",
        "有效期：证件上印的是 {0}，资料中为 {1}（不同的字符：第 {2} 个）。",
    ),
    d(
        "doc_data.expiry_date.swapped",
        "Expiry date: the document prints {0}, the profile says {1}: day and month are swapped (characters {2}).",
        "有效期：证件上印的是 {0}，资料中为 {1}：日和月填反了（第 {2} 个字符）。",
    ),
    d(
        "doc_data.expiry_never",
        "Expiry date: the document prints {0}, but the profile says it does not expire.",
        "有效期：证件上印的是 {0}，但资料中填的是长期有效。",
    ),
    d(
        "doc_data.sex",
        "Sex: the document prints {0}, the profile says {1}.",
        "性别：证件上印的是 {0}，资料中为 {1}。",
    ),
    d(
        "doc_data.nationality",
        "Nationality: the document prints {0}, the profile says {1}.",
        "国籍：证件上印的是 {0}，资料中为 {1}。",
    ),
    d(
        "doc_data.name",
        "Name: the document prints {0}, the profile says {1}.",
        "姓名：证件上印的是 {0}，资料中为 {1}。",
    ),
    d(
        "doc_data.name.word",
        "Name: the document prints {0}, the profile says {1}; the typed word {2} is printed as {3} (character {4} differs).",
        "姓名：证件上印的是 {0}，资料中为 {1}；填写的 {2} 在证件上是 {3}（第 {4} 个字母不同）。",
    ),
    d(
        "doc_data.mrz",
        "MRZ: the MRZ in the profile differs from the one printed on the document (line {0}, character {1}: {2} printed, {3} typed).",
        "机读区：资料中的机读区与证件上印的不同（第 {0} 行第 {1} 位：证件上是 {2}，填写的是 {3}）。",
    ),
    d(
        "mrz_unreadable.glare",
        "Likely cause: a reflection lies over the MRZ. Tilt the document slightly away from the light so no glare crosses its lines.",
        "可能的原因：机读区上有反光。把证件稍微倾斜、避开光源，让反光不落在机读区的字行上。",
    ),
    d(
        "mrz_unreadable.cut_off",
        "Likely cause: the document is cut off at the edge of the photo ({0}). Keep the whole document, MRZ included, inside the frame.",
        "可能的原因：证件被照片边缘裁掉了（{0}）。请让整个证件（包括机读区）都在画面内。",
    ),
    d(
        "mrz_unreadable.blur",
        "Likely cause: the photo is out of focus ({0}). Hold the phone steady and tap on the MRZ to focus before taking the picture.",
        "可能的原因：照片没有对焦（{0}）。拿稳手机，拍照前点按机读区对焦。",
    ),
    d(
        "mrz_unreadable.too_small",
        "Likely cause: the document is too small in the photo ({0}), so the MRZ's characters are only a few pixels wide. Move the phone closer.",
        "可能的原因：证件在照片中太小（{0}），机读区的字符只有几个像素宽。请把手机移近一些。",
    ),
    d(
        "mrz_unreadable.exposure",
        "Likely cause: the exposure hides the print ({0}). Retake in even, bright light without shadows.",
        "可能的原因：曝光不当，看不清印刷的字（{0}）。请在均匀明亮、没有阴影的光线下重拍。",
    ),
    d(
        "mrz_unreadable.glare_elsewhere",
        "Likely cause: reflections on the document ({0}). Tilt it slightly away from the light and retake.",
        "可能的原因：证件上有反光（{0}）。把证件稍微倾斜、避开光源后重拍。",
    ),
    d(
        "mrz_unreadable.unknown",
        "Nothing else measured on this photo explains it (the MRZ spans {0} pixels across): move a little closer, keep the MRZ sharp and free of reflections, and retake.",
        "照片上测到的其他指标都无法解释（机读区横跨 {0} 像素）：请靠近一些，让机读区清晰、没有反光，然后重拍。",
    ),
    d(
        "mrz_unreadable.no_cause",
        "Retake the photo with the MRZ sharp, free of reflections and large in the frame.",
        "请重拍：让机读区清晰、没有反光，并在画面中足够大。",
    ),
];
