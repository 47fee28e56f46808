//! Free-text rejections ("blurry photo", "document expired", "图片模糊", "证件过期"): a table of
//! words and phrases per problem, in English and Chinese (simplified, with the traditional forms
//! support staff meet most often), matched after normalising case, width and punctuation.
//!
//! Latin-script phrases match whole words (a trailing plural `s` is allowed, so "corner" also
//! finds "corners"); Chinese phrases match as substrings, because Chinese is written without
//! spaces. A phrase found inside a longer matched phrase of the same kind does not count on its
//! own: "face does not match" is a face match, not a data mismatch.

use unicode_normalization::UnicodeNormalization;

use super::OutsideCause::{self, *};
use crate::codes::Code::{self, *};

/// One problem: the reason codes and outside causes its words point to.
struct Topic {
    codes: &'static [Code],
    causes: &'static [OutsideCause],
    words: &'static [&'static str],
}

const QUALITY: &[Code] = &[
    ImageBlurry,
    ImageGlare,
    ImageResolutionLow,
    ImageTooDark,
    ImageOverexposed,
    ImageLowContrast,
    DocTooSmall,
];

const DATA: &[Code] = &[
    DocDataMismatch,
    NameMismatch,
    MrzFieldMismatch,
    IdNumberDobMismatch,
    IdNumberSexMismatch,
    DateInvalid,
    IdNumberFormat,
    IdNumberChecksum,
    DocDatesInconsistent,
    ProfileFieldMissing,
    NameInvalid,
];

const SELFIE: &[Code] = &[
    SelfieNoFace,
    SelfieFaceTooSmall,
    SelfieFaceOffCenter,
    SelfieMultipleFaces,
    ImageTooDark,
];

const FILES: &[Code] = &[
    FormatUnsupported,
    FileTooLarge,
    FileTooSmall,
    ImageCorrupt,
    FileUnreadable,
    FileEmpty,
    FormatExtensionMismatch,
];

const TOPICS: &[Topic] = &[
    Topic {
        codes: &[ImageBlurry],
        causes: &[],
        words: &[
            "blur",
            "blurry",
            "blurred",
            "blurriness",
            "out of focus",
            "not in focus",
            "unfocused",
            "not sharp",
            "fuzzy",
            "shaky",
            "camera shake",
            "模糊",
            "不清晰",
            "失焦",
            "虚焦",
            "对焦",
            "抖动",
            "手抖",
            "糊了",
        ],
    },
    Topic {
        codes: &[ImageGlare],
        causes: &[],
        words: &[
            "glare",
            "glares",
            "reflection",
            "reflective",
            "light reflection",
            "flash",
            "shiny",
            "hotspot",
            "bright spot",
            "light spot",
            "反光",
            "眩光",
            "炫光",
            "闪光灯",
            "光斑",
            "亮斑",
            "反射",
            "閃光燈",
        ],
    },
    Topic {
        codes: &[ImageTooDark],
        causes: &[],
        words: &[
            "too dark",
            "dark",
            "underexposed",
            "poor lighting",
            "bad lighting",
            "low light",
            "dim",
            "backlit",
            "backlight",
            "shadow",
            "shadows",
            "太暗",
            "过暗",
            "偏暗",
            "光线不足",
            "光线太暗",
            "昏暗",
            "逆光",
            "曝光不足",
            "阴影",
            "過暗",
            "光線不足",
        ],
    },
    Topic {
        codes: &[ImageOverexposed, ImageLowContrast],
        causes: &[],
        words: &[
            "overexposed",
            "too bright",
            "washed out",
            "blown out",
            "low contrast",
            "过曝",
            "曝光过度",
            "太亮",
            "过亮",
            "对比度",
        ],
    },
    Topic {
        codes: QUALITY,
        causes: &[],
        words: &[
            "poor quality",
            "low quality",
            "bad quality",
            "image quality",
            "photo quality",
            "poor image",
            "unreadable",
            "not readable",
            "illegible",
            "cannot read",
            "can't read",
            "could not read",
            "not legible",
            "not clear",
            "unclear",
            "invalid document photo",
            "data not visible",
            "质量差",
            "质量不佳",
            "质量不好",
            "画质",
            "不清",
            "看不清",
            "无法识别",
            "无法辨认",
            "难以辨认",
            "识别失败",
            "照片不合格",
            "品質",
            "無法識別",
            "不清楚",
        ],
    },
    Topic {
        codes: &[ImageResolutionLow, DocTooSmall],
        causes: &[],
        words: &[
            "low resolution",
            "resolution",
            "pixelated",
            "pixelation",
            "dpi",
            "too small",
            "too far",
            "too far away",
            "分辨率",
            "像素",
            "太小",
            "太远",
            "解析度",
            "解像度",
        ],
    },
    Topic {
        codes: &[ImageGrayscale],
        causes: &[NotOriginal],
        words: &[
            "black and white",
            "black & white",
            "b&w",
            "grayscale",
            "greyscale",
            "gray scale",
            "monochrome",
            "not in colour",
            "not in color",
            "colour photo",
            "color photo",
            "photocopy",
            "photocopied",
            "黑白",
            "灰度",
            "彩色",
            "复印件",
            "复印",
            "影印",
            "複印",
        ],
    },
    Topic {
        codes: &[DocCutOff],
        causes: &[],
        words: &[
            "cut off",
            "cutoff",
            "cut-off",
            "cropped",
            "crop",
            "corner",
            "corners",
            "edge",
            "edges",
            "not fully visible",
            "full document not visible",
            "partially visible",
            "partly visible",
            "incomplete document",
            "outside the frame",
            "out of frame",
            "out of the frame",
            "missing part",
            "not entirely visible",
            "不完整",
            "裁剪",
            "裁切",
            "剪裁",
            "截断",
            "四角",
            "四个角",
            "边角",
            "边缘",
            "缺角",
            "超出",
            "出框",
            "没拍全",
            "未拍全",
            "拍全",
            "不全",
            "四個角",
            "邊緣",
        ],
    },
    Topic {
        codes: &[DocTilted],
        causes: &[],
        words: &[
            "tilted",
            "tilt",
            "angle",
            "angled",
            "skewed",
            "rotated",
            "sideways",
            "upside down",
            "upside-down",
            "perspective",
            "not straight",
            "倾斜",
            "歪斜",
            "歪了",
            "角度",
            "旋转",
            "倒置",
            "颠倒",
            "横着",
            "放正",
            "傾斜",
        ],
    },
    Topic {
        codes: &[ImageEdited],
        causes: &[],
        words: &[
            "edited",
            "editing",
            "editor",
            "graphic editor",
            "photoshop",
            "photoshopped",
            "tampered",
            "tampering",
            "manipulated",
            "manipulation",
            "altered",
            "modified",
            "retouched",
            "filter",
            "filters",
            "beauty filter",
            "watermark",
            "watermarks",
            "forged",
            "forgery",
            "编辑",
            "修图",
            "修过",
            "p图",
            "p过",
            "ps过",
            "篡改",
            "美颜",
            "滤镜",
            "水印",
            "伪造",
            "处理过",
            "改动",
            "修改过",
            "編輯",
            "竄改",
            "偽造",
        ],
    },
    Topic {
        codes: &[ImageScreenshot],
        causes: &[NotOriginal],
        words: &[
            "screenshot",
            "screenshots",
            "screen shot",
            "screen capture",
            "screen",
            "digital copy",
            "digital document",
            "digital version",
            "截图",
            "截屏",
            "屏幕",
            "翻拍",
            "电子版",
            "截圖",
            "螢幕",
        ],
    },
    Topic {
        codes: &[DocExpired, DocExpiresSoon],
        causes: &[],
        words: &[
            "expired",
            "expiry",
            "expiration",
            "expire",
            "expires",
            "out of date",
            "no longer valid",
            "validity",
            "valid until",
            "expiry date",
            "过期",
            "到期",
            "失效",
            "有效期",
            "逾期",
            "过了有效期",
            "過期",
            "有效期限",
            "期限",
        ],
    },
    Topic {
        codes: &[NameMismatch, DocDataMismatch, NameInvalid, MrzFieldMismatch],
        causes: &[],
        words: &[
            "name does not match",
            "name doesn't match",
            "name mismatch",
            "names do not match",
            "wrong name",
            "name",
            "names",
            "spelling",
            "surname",
            "first name",
            "last name",
            "姓名不一致",
            "姓名不符",
            "姓名不匹配",
            "名字不一致",
            "名字不符",
            "姓名",
            "名字",
            "拼写",
            "拼音",
            "姓名不相符",
        ],
    },
    Topic {
        codes: DATA,
        causes: &[ExternalData],
        words: &[
            "does not match",
            "doesn't match",
            "do not match",
            "don't match",
            "mismatch",
            "mismatched",
            "not matching",
            "inconsistent",
            "inconsistency",
            "information",
            "data",
            "details",
            "incorrect",
            "wrong",
            "invalid id",
            "typo",
            "不匹配",
            "不一致",
            "不符",
            "信息不匹配",
            "信息不一致",
            "信息有误",
            "资料不符",
            "信息错误",
            "填写错误",
            "有误",
            "错误",
            "資料不符",
            "資訊不符",
            "不相符",
        ],
    },
    Topic {
        codes: &[
            IdNumberDobMismatch,
            MrzFieldMismatch,
            DateInvalid,
            DobInFuture,
        ],
        causes: &[],
        words: &[
            "date of birth",
            "birth date",
            "birthdate",
            "birthday",
            "dob",
            "born",
            "出生日期",
            "生日",
            "出生",
        ],
    },
    Topic {
        codes: &[
            IdNumberFormat,
            IdNumberChecksum,
            IdNumberDobMismatch,
            IdNumberSexMismatch,
            MrzFieldMismatch,
        ],
        causes: &[],
        words: &[
            "id number",
            "document number",
            "personal number",
            "passport number",
            "identity number",
            "number",
            "证件号",
            "身份证号",
            "号码",
            "证件号码",
            "護照號碼",
            "號碼",
        ],
    },
    Topic {
        codes: &[
            MrzFormat,
            MrzCheckDigit,
            MrzFieldMismatch,
            MrzUnreadable,
            DocDataMismatch,
        ],
        causes: &[],
        words: &[
            "mrz",
            "machine readable",
            "machine-readable",
            "机读",
            "机读区",
            "機讀",
        ],
    },
    Topic {
        codes: &[AgeBelowMinimum, AgeImplausible],
        causes: &[],
        words: &[
            "age",
            "underage",
            "under age",
            "too young",
            "minor",
            "years old",
            "年龄",
            "未成年",
            "未满",
            "不满18",
            "年纪",
            "年齡",
        ],
    },
    Topic {
        codes: &[FileMissing, IdNoPortrait],
        causes: &[],
        words: &[
            "missing",
            "back side",
            "backside",
            "reverse side",
            "other side",
            "front side",
            "both sides",
            "page missing",
            "not uploaded",
            "photo missing",
            "selfie missing",
            "another side",
            "wrong side",
            "incorrect side",
            "wrong page",
            "缺少",
            "缺失",
            "背面",
            "反面",
            "正面",
            "两面",
            "正反面",
            "国徽面",
            "人像面",
            "未上传",
            "漏传",
            "传反",
            "放反",
            "缺頁",
            "背面缺失",
        ],
    },
    Topic {
        codes: &[ImageDuplicate, IdNoPortrait],
        causes: &[],
        words: &[
            "same side",
            "same photo",
            "same image",
            "同一面",
            "同一张",
            "重复上传",
        ],
    },
    Topic {
        codes: SELFIE,
        causes: &[],
        words: &[
            "face not visible",
            "face not clearly visible",
            "no face",
            "selfie",
            "face",
            "hat",
            "sunglasses",
            "glasses",
            "mask",
            "headgear",
            "人脸",
            "面部",
            "自拍",
            "脸部",
            "帽子",
            "墨镜",
            "眼镜",
            "口罩",
            "露脸",
            "人臉",
            "自拍照",
        ],
    },
    Topic {
        codes: &[SelfieMultipleFaces],
        causes: &[],
        words: &[
            "multiple faces",
            "more than one person",
            "other people",
            "two people",
            "multiple parties",
            "multiple people",
            "多人",
            "多张人脸",
            "其他人",
            "多個人",
        ],
    },
    Topic {
        codes: FILES,
        causes: &[],
        words: &[
            "format",
            "file type",
            "unsupported file",
            "heic",
            "heif",
            "pdf",
            "file size",
            "too large",
            "too big",
            "corrupt",
            "corrupted",
            "cannot open",
            "can't open",
            "upload failed",
            "upload error",
            "file",
            "格式",
            "文件过大",
            "文件太大",
            "太大",
            "文件大小",
            "文件损坏",
            "打不开",
            "无法打开",
            "上传失败",
            "檔案",
        ],
    },
    // Outside a local check.
    Topic {
        codes: &[],
        causes: &[FaceMatch],
        words: &[
            "face does not match",
            "face doesn't match",
            "faces do not match",
            "face mismatch",
            "face match",
            "face matching",
            "not the same person",
            "does not match document photo",
            "does not appear to match",
            "different person",
            "photo mismatch",
            "biometric",
            "facial similarity",
            "face comparison",
            "人脸不匹配",
            "人脸比对",
            "人脸对比",
            "与证件照不符",
            "不是本人",
            "非本人",
            "人证不符",
            "人证不一致",
            "人脸识别失败",
            "面部不匹配",
            "人脸不一致",
            "人臉比對",
        ],
    },
    Topic {
        codes: &[],
        causes: &[Liveness],
        words: &[
            "liveness",
            "live check",
            "live detection",
            "spoof",
            "spoofing",
            "video selfie",
            "blink",
            "head movement",
            "not live",
            "video",
            "活体",
            "活体检测",
            "眨眼",
            "摇头",
            "张嘴",
            "视频认证",
            "视频",
            "活體",
        ],
    },
    Topic {
        codes: &[],
        causes: &[ReviewBacklog],
        words: &[
            "pending",
            "under review",
            "in review",
            "manual review",
            "processing",
            "waiting",
            "delay",
            "delayed",
            "queue",
            "resubmission limit",
            "too many attempts",
            "try again later",
            "attempts",
            "审核中",
            "排队",
            "等待",
            "处理中",
            "延迟",
            "次数",
            "稍后再试",
            "稍后重试",
            "審核中",
        ],
    },
    Topic {
        codes: &[],
        causes: &[RiskCompliance],
        words: &[
            "risk",
            "compliance",
            "sanction",
            "sanctions",
            "pep",
            "politically exposed",
            "aml",
            "fraud",
            "fraudulent",
            "suspicious",
            "restricted",
            "vpn",
            "ip address",
            "blocklist",
            "blacklist",
            "not eligible",
            "internal policy",
            "policy",
            "风控",
            "风险",
            "合规",
            "制裁",
            "洗钱",
            "可疑",
            "欺诈",
            "受限",
            "黑名单",
            "政策",
            "综合评估",
            "综合评定",
            "風控",
            "風險",
            "合規",
        ],
    },
    Topic {
        codes: &[],
        causes: &[DocumentNotAccepted],
        words: &[
            "document type",
            "not supported",
            "unsupported document",
            "not accepted",
            "document not accepted",
            "wrong document",
            "invalid document",
            "issuing country",
            "country not supported",
            "unsupported id",
            "sample document",
            "证件类型",
            "不支持",
            "不接受",
            "不受支持",
            "无效证件",
            "签发国",
            "证件不符合",
            "不支持该证件",
            "證件類型",
            "不支援",
        ],
    },
    Topic {
        codes: &[],
        causes: &[DuplicateAccount],
        words: &[
            "duplicate",
            "duplicated",
            "already verified",
            "already used",
            "another account",
            "existing account",
            "multiple accounts",
            "already exists",
            "already registered",
            "used by another",
            "重复",
            "已认证",
            "已被使用",
            "已经认证",
            "其他账户",
            "多个账户",
            "已存在",
            "已注册",
            "被占用",
            "重複",
            "已被認證",
        ],
    },
    Topic {
        codes: &[],
        causes: &[DocumentCondition],
        words: &[
            "damaged",
            "torn",
            "worn",
            "broken",
            "punched",
            "hole",
            "holes",
            "scratched",
            "signature",
            "unsigned",
            "covered",
            "finger",
            "fingers",
            "sticker",
            "obscured",
            "hidden",
            "损坏",
            "破损",
            "磨损",
            "打孔",
            "签名",
            "遮挡",
            "手指",
            "贴纸",
            "划痕",
            "折痕",
            "破損",
            "遮擋",
            "簽名",
        ],
    },
    Topic {
        codes: &[],
        causes: &[NotOriginal],
        words: &[
            "photocopy",
            "printout",
            "printed",
            "print",
            "photo of a photo",
            "physical document",
            "original document",
            "not original",
            "scan",
            "scanned",
            "copy",
            "复印件",
            "打印",
            "原件",
            "扫描件",
            "扫描",
            "照片的照片",
            "非原件",
            "翻拍",
            "掃描",
            "影本",
        ],
    },
    Topic {
        codes: &[],
        causes: &[ExternalData],
        words: &[
            "database",
            "registry",
            "register",
            "proof of address",
            "address",
            "utility bill",
            "bank statement",
            "additional document",
            "additional documents",
            "questionnaire",
            "ssn",
            "tax",
            "地址证明",
            "地址",
            "数据库",
            "补充材料",
            "额外文件",
            "水电费",
            "银行账单",
            "问卷",
            "住址",
            "地址證明",
        ],
    },
];

/// One table word found in the rejection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordMatch {
    /// The word as it stands in the table.
    pub word: &'static str,
    pub codes: Vec<Code>,
    pub causes: Vec<OutsideCause>,
}

/// Lower-case, full-width → half-width (NFKC), punctuation (ASCII and CJK) → space, runs of
/// spaces collapsed. Letters of every script and digits are kept.
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Where a word was found: token indices for Latin words, char indices of the space-free text
/// for Chinese ones.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Span {
    Tokens(usize, usize),
    Chars(usize, usize),
}

impl Span {
    /// `self` lies inside `other` and is shorter.
    fn inside(self, other: Span) -> bool {
        match (self, other) {
            (Span::Tokens(a, b), Span::Tokens(c, d)) | (Span::Chars(a, b), Span::Chars(c, d)) => {
                c <= a && b <= d && (b - a) < (d - c)
            }
            _ => false,
        }
    }
}

fn token_matches(text: &str, word: &str) -> bool {
    text == word
        || text
            .strip_suffix('s')
            .is_some_and(|stem| stem == word || stem.strip_suffix('e') == Some(word))
}

/// Every span where `word` (normalised) occurs.
fn find(word: &str, tokens: &[&str], compact: &[char]) -> Vec<Span> {
    if word.chars().any(is_cjk) {
        let needle: Vec<char> = word.chars().filter(|c| !c.is_whitespace()).collect();
        if needle.is_empty() || needle.len() > compact.len() {
            return Vec::new();
        }
        return (0..=compact.len() - needle.len())
            .filter(|&i| compact[i..i + needle.len()] == needle[..])
            .map(|i| Span::Chars(i, i + needle.len()))
            .collect();
    }
    let parts: Vec<&str> = word.split(' ').collect();
    if parts.is_empty() || parts.len() > tokens.len() {
        return Vec::new();
    }
    (0..=tokens.len() - parts.len())
        .filter(|&i| {
            parts.iter().enumerate().all(|(k, p)| {
                let t = tokens[i + k];
                if k + 1 == parts.len() {
                    token_matches(t, p)
                } else {
                    t == *p
                }
            })
        })
        .map(|i| Span::Tokens(i, i + parts.len()))
        .collect()
}

/// The table words found in `text`, in table order, each once.
pub fn match_words(text: &str) -> Vec<WordMatch> {
    let norm = normalise(text);
    let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let compact: Vec<char> = norm.chars().filter(|c| *c != ' ').collect();
    let mut found: Vec<(usize, &'static str, Span)> = Vec::new();
    for (t, topic) in TOPICS.iter().enumerate() {
        for &word in topic.words {
            for span in find(&normalise(word), &tokens, &compact) {
                found.push((t, word, span));
            }
        }
    }
    let kept: Vec<&(usize, &'static str, Span)> = found
        .iter()
        .filter(|(_, _, span)| !found.iter().any(|(_, _, other)| span.inside(*other)))
        .collect();
    let mut out: Vec<WordMatch> = Vec::new();
    for (t, word, _) in kept {
        let Some(topic) = TOPICS.get(*t) else {
            continue;
        };
        match out.iter_mut().find(|m| m.word == *word) {
            Some(m) => {
                m.codes.extend(topic.codes.iter().copied());
                m.causes.extend(topic.causes.iter().copied());
            }
            None => out.push(WordMatch {
                word,
                codes: topic.codes.to_vec(),
                causes: topic.causes.to_vec(),
            }),
        }
    }
    for m in &mut out {
        m.codes.sort();
        m.codes.dedup();
        m.causes.sort();
        m.causes.dedup();
    }
    out
}

/// How strongly a word points to its codes: longer, more specific phrases weigh more.
pub fn weight(word: &str) -> usize {
    normalise(word).chars().filter(|c| *c != ' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&'static str> {
        match_words(text).into_iter().map(|m| m.word).collect()
    }

    fn codes(text: &str) -> Vec<Code> {
        let mut c: Vec<Code> = match_words(text)
            .into_iter()
            .flat_map(|m| m.codes)
            .collect();
        c.sort();
        c.dedup();
        c
    }

    #[test]
    fn normalises_case_width_and_punctuation() {
        assert_eq!(normalise("  Blurry—PHOTO!! "), "blurry photo");
        assert_eq!(normalise("ＢＬＵＲＲＹ，照片模糊。"), "blurry 照片模糊");
        assert_eq!(normalise("Document\texpired."), "document expired");
    }

    #[test]
    fn english_phrases_match_whole_words() {
        assert_eq!(words("blurry photo"), ["blurry"]);
        assert!(codes("Document expired").contains(&Code::DocExpired));
        assert!(codes("The CORNERS are cut off").contains(&Code::DocCutOff));
        // "dim" is a word of its own, not the start of "dimension".
        assert!(!codes("wrong dimensions").contains(&Code::ImageTooDark));
        // "age" is not found inside "image".
        assert!(!codes("image").contains(&Code::AgeBelowMinimum));
    }

    #[test]
    fn chinese_matches_substrings_without_word_splitting() {
        assert_eq!(codes("图片模糊"), vec![Code::ImageBlurry]);
        assert!(codes("证件过期").contains(&Code::DocExpired));
        assert!(codes("信息不匹配").contains(&Code::NameMismatch));
        assert_eq!(codes("证件有反光"), vec![Code::ImageGlare]);
        assert!(codes("證件已過期").contains(&Code::DocExpired));
    }

    #[test]
    fn longer_phrases_win_over_the_words_inside_them() {
        let m = match_words("face does not match the document photo");
        assert!(
            m.iter()
                .any(|w| w.causes.contains(&OutsideCause::FaceMatch))
        );
        assert!(!m.iter().any(|w| w.word == "does not match"), "{m:?}");
        let m = match_words("人脸不匹配");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].causes, vec![OutsideCause::FaceMatch]);
        let m = match_words("name does not match");
        assert_eq!(
            m.iter().map(|w| w.word).collect::<Vec<_>>(),
            ["name does not match"]
        );
    }

    #[test]
    fn data_and_mrz_rejections_point_to_what_the_photo_prints() {
        assert!(
            codes("The data you entered does not match your document")
                .contains(&Code::DocDataMismatch)
        );
        assert!(codes("资料与证件不符").contains(&Code::DocDataMismatch));
        assert!(codes("MRZ could not be read").contains(&Code::MrzUnreadable));
        assert!(codes("机读区无法识别").contains(&Code::MrzUnreadable));
    }

    #[test]
    fn unknown_text_matches_nothing() {
        assert!(match_words("lorem ipsum").is_empty());
        assert!(match_words("").is_empty());
        assert!(match_words("！！！").is_empty());
    }
}
