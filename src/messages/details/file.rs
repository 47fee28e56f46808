//! Detail sentences for the file checks: presence, size, format, decoding, duplicates.

use crate::messages::DetailText;

const fn d(key: &'static str, en: &'static str, zh: &'static str) -> DetailText {
    DetailText { key, en, zh }
}

pub(crate) static DETAILS: &[DetailText] = &[
    d(
        "file.missing_role",
        "The policy `{1}` requires the {0} image, but none was given (add it under \"images\" in the profile or pass --{0}).",
        "策略 `{1}` 要求提供 {0} 图片，但没有提供（请在资料的 \"images\" 中填写，或使用 --{0} 参数）。",
    ),
    d(
        "file.unreadable",
        "Cannot read {0}: {1}.",
        "无法读取 {0}：{1}。",
    ),
    d(
        "file.empty",
        "{0} is empty (0 bytes).",
        "{0} 是空文件（0 字节）。",
    ),
    d(
        "file.too_large",
        "The file is {0} MiB; the limit is {1} MiB.",
        "文件大小 {0} MiB，上限是 {1} MiB。",
    ),
    d(
        "file.too_small",
        "The file is only {0} KiB (below {1} KiB): it is probably heavily compressed or tiny.",
        "文件只有 {0} KiB（低于 {1} KiB），很可能被过度压缩或尺寸太小。",
    ),
];
