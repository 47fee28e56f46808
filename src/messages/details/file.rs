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
        "file.too_large_to_read",
        "{0} is {1} MiB, more than the {2} MiB this tool reads into memory (limits.max_file_bytes), so it was not opened; no platform accepts a photo that large: export it again as a JPEG.",
        "{0} 大小为 {1} MiB，超过本工具读入内存的上限 {2} MiB（limits.max_file_bytes），因此未打开；没有平台接受这么大的照片，请重新导出为 JPEG。",
    ),
    d(
        "file.too_small",
        "The file is only {0} KiB (below {1} KiB): it is probably heavily compressed or tiny.",
        "文件只有 {0} KiB（低于 {1} KiB），很可能被过度压缩或尺寸太小。",
    ),
    d(
        "file.unknown_format",
        "{0} is not an image in any format we recognise (it starts with the bytes {1}); it may be damaged or not a photo at all.",
        "{0} 不是任何可识别格式的图片（文件开头字节为 {1}），可能已损坏，或者根本不是照片。",
    ),
    d(
        "file.extension_mismatch",
        "{0} is named .{1} but actually contains a {2} image; some platforms reject files whose name and content disagree.",
        "{0} 的扩展名是 .{1}，但实际内容是 {2} 图片；有些平台会拒收文件名与内容不符的文件。",
    ),
    d(
        "file.corrupt",
        "{0} could not be decoded: {1}.",
        "{0} 无法解码：{1}。",
    ),
    d(
        "file.too_many_pixels",
        "The header claims {0}×{1} pixels ({2} megapixels; the limit is {3}), so it was refused without decoding; a real phone photo is 12–50 megapixels.",
        "文件头声称图片为 {0}×{1} 像素（{2} 百万像素，上限 {3}），因此未解码即被拒绝；真实的手机照片一般为 1200 万至 5000 万像素。",
    ),
    d(
        "file.unsupported_heic",
        "This is a {0} file (the iPhone's default format); accepted: {1}. On the iPhone choose Settings › Camera › Formats › Most Compatible before taking the photo, or share it with Options › Format › JPEG / \"Most Compatible\"; on a Mac open it in Preview and File › Export as JPEG; on Windows open it in Photos and Save as JPEG.",
        "这是 {0} 文件（iPhone 的默认格式）；平台接受：{1}。在 iPhone 上拍照前选择 设置 › 相机 › 格式 › 兼容性最佳，或分享时在 选项 中选择 JPEG/“兼容性最佳”；在 Mac 上用“预览”打开后选 文件 › 导出 为 JPEG；在 Windows 上用“照片”打开后另存为 JPEG。",
    ),
    d(
        "file.unsupported_avif",
        "This is an {0} file; accepted: {1}. Re-take the photo with the camera's standard (JPEG) setting, or open it in an image viewer or editor and export it as JPEG.",
        "这是 {0} 文件；平台接受：{1}。请用相机的标准（JPEG）设置重新拍摄，或在看图/修图软件中打开并导出为 JPEG。",
    ),
    d(
        "file.unsupported_webp",
        "This is a {0} file (often what a browser or chat app saves); accepted: {1}. Use the original camera photo instead, or open it and export/save it as JPEG or PNG (on Android: Gallery › Edit › Save as; on desktop: Paint, Preview or any editor).",
        "这是 {0} 文件（浏览器或聊天软件常保存为此格式）；平台接受：{1}。请改用相机拍摄的原图，或打开后导出/另存为 JPEG 或 PNG（安卓：相册 › 编辑 › 另存为；电脑：画图、预览或任意图片编辑器）。",
    ),
    d(
        "file.unsupported_pdf",
        "This is a {0} document, not a photo; accepted: {1}. Photograph the document itself, or export the page as an image (Preview › File › Export › JPEG on a Mac; \"Export as image\" or a screenshot-free export in your PDF reader).",
        "这是 {0} 文档，不是照片；平台接受：{1}。请直接拍摄证件，或把该页导出为图片（Mac：预览 › 文件 › 导出 › JPEG；其他系统：在 PDF 阅读器中选择“导出为图片”）。",
    ),
    d(
        "file.unsupported_gif",
        "This is a {0} file (limited colours, often an animation); accepted: {1}. Upload the original camera photo as JPEG instead.",
        "这是 {0} 文件（颜色有限，常为动图）；平台接受：{1}。请改为上传相机拍摄的 JPEG 原图。",
    ),
    d(
        "file.unsupported_other",
        "This is a {0} file; accepted: {1}. Open it in an image editor (Paint, Preview, Photos) and save or export it as JPEG.",
        "这是 {0} 文件；平台接受：{1}。请用图片编辑器（画图、预览、照片）打开后另存为或导出为 JPEG。",
    ),
    d(
        "file.duplicate_same_file",
        "This is exactly the same file as the {0} image.",
        "此文件与 {0} 图片完全相同。",
    ),
    d(
        "file.duplicate_similar",
        "This is the same picture as the {0} image, re-saved or resized (perceptual-hash distance {1} of 64 bits; {2} or less counts as the same picture).",
        "此图与 {0} 图片是同一张照片，只是重新保存或缩放过（感知哈希距离 {1}/64 位；不超过 {2} 即视为同一张照片）。",
    ),
];
