//! Text for `diagnose`: the causes that lie outside a local check (title, what it is, what to do),
//! and the words of the "Rejection" section, in both languages.

use super::Lang;
use crate::diagnose::OutsideCause;

/// The fixed text of one outside cause in one language.
#[derive(Clone, Copy, Debug)]
pub struct OutsideText {
    pub title: &'static str,
    /// What the platform checks and why a local check cannot.
    pub explain: &'static str,
    /// What support staff and the user can do about it.
    pub advice: &'static str,
}

pub fn outside_text(cause: OutsideCause, lang: Lang) -> OutsideText {
    match lang {
        Lang::En => outside_en(cause),
        Lang::Zh => outside_zh(cause),
    }
}

fn outside_en(cause: OutsideCause) -> OutsideText {
    match cause {
        OutsideCause::ReviewBacklog => OutsideText {
            title: "Review backlog or the platform's own process",
            explain: "The platform has not finished its review, or its process stopped the submission: a queue of manual reviews, a limit on attempts, a session that expired. Nothing in the files causes this.",
            advice: "Check the verification status in the platform's app before uploading again: repeated uploads can put the case back in the queue or use up the attempts (Veriff declines the 10th attempt with code 539). If it stays pending longer than the platform announces, contact its support with the date of the submission.",
        },
        OutsideCause::RiskCompliance => OutsideText {
            title: "Risk and compliance rules",
            explain: "The platform screens every applicant: sanctions and politically-exposed-person lists, restricted countries and IP addresses, fraud scores, unusual activity on the account. It uses data a local check does not have and rarely says which rule applied.",
            advice: "New photos will not change this. Turn off VPNs and proxies, make sure the platform serves the country of residence, and ask the platform's support whether the decision can be reviewed; answer any questions they send (for example about the source of funds).",
        },
        OutsideCause::FaceMatch => OutsideText {
            title: "Face match against the document",
            explain: "The platform compares the face in the selfie or video with the portrait on the document. kyc-precheck only checks that a usable face is present; it does not compare identities.",
            advice: "Take the selfie yourself, facing the camera in even light, without glasses, hat or mask, and make sure the document's portrait is sharp and free of glare. If your appearance has changed a lot since the document was issued, a more recent document helps.",
        },
        OutsideCause::Liveness => OutsideText {
            title: "Liveness check",
            explain: "The platform checks that a live person is in front of the camera (video, blink or head-turn prompts). It happens during capture in the platform's own app or web page; a saved photo cannot show it.",
            advice: "Use the platform's own capture flow and follow its prompts, in good light; no photo of a photo or of a screen, no virtual camera or filter app, and do it yourself.",
        },
        OutsideCause::DocumentNotAccepted => OutsideText {
            title: "Document type or country not accepted",
            explain: "Platforms accept only some document types (passport, national ID card, driving licence…) from some issuing countries, often depending on the country of residence. A document outside that list is refused whatever the photo quality.",
            advice: "Check the platform's list of accepted documents for the user's country of residence; a passport is the most widely accepted. Choose the matching document type and issuing country in the form.",
        },
        OutsideCause::DuplicateAccount => OutsideText {
            title: "Duplicate account",
            explain: "The same document, face, device or personal data is already linked to another account on the platform. Only the platform can see its other accounts.",
            advice: "Do not open another account. Sign in to the account that was verified before, or ask the platform's support to close or merge the old one.",
        },
        OutsideCause::DocumentCondition => OutsideText {
            title: "The document's physical condition",
            explain: "A reviewer judges the document itself: damaged, worn, punched or cut, peeling laminate, a missing signature where one is required, or a finger, sticker or cover hiding part of it. File metrics cannot judge this.",
            advice: "Use an undamaged, valid document; take it out of its cover and keep fingers off the data; sign the passport if it has a signature field. Renew a damaged document.",
        },
        OutsideCause::NotOriginal => OutsideText {
            title: "Not the original document",
            explain: "Platforms want a photo of the physical document. Colour photocopies, printouts, photos of a screen and digital copies are refused. kyc-precheck flags black-and-white copies and screenshots, but a colour copy or a camera photo of a screen can look like a normal photo.",
            advice: "Photograph the physical document itself with the phone's camera, in colour; do not scan, print, or photograph a screen.",
        },
        OutsideCause::ExternalData => OutsideText {
            title: "Checks against other data",
            explain: "The platform compared the data with an official register or a database, or asked for more documents (proof of address, a second document, a questionnaire). Those sources are not available locally.",
            advice: "Read which document or detail the platform asks for. Type the data exactly as in official records (name order, address), and when asked for a proof of address, upload one issued within the last three months in the user's own name.",
        },
    }
}

fn outside_zh(cause: OutsideCause) -> OutsideText {
    match cause {
        OutsideCause::ReviewBacklog => OutsideText {
            title: "审核排队或平台自身流程",
            explain: "平台还没审核完，或者被平台流程拦下：人工审核排队、提交次数上限、认证会话过期等。这与文件本身无关。",
            advice: "重新上传前先在平台 App 里查看认证状态：反复上传可能让申请重新排队或用完提交次数（Veriff 第 10 次提交会被自动拒绝，代码 539）。如果等待时间超过平台公布的时长，带上提交日期联系平台客服。",
        },
        OutsideCause::RiskCompliance => OutsideText {
            title: "风控与合规规则",
            explain: "平台会对每个申请人做筛查：制裁名单和政治公众人物名单、受限国家和 IP 地址、欺诈评分、账户异常行为等。这些判断依赖本地检查拿不到的数据，平台通常也不会说明触发了哪条规则。",
            advice: "重拍照片解决不了这类问题。请关闭 VPN 和代理，确认平台支持用户的居住国家，并向平台客服询问能否复核；按要求补充资料（例如资金来源说明）。",
        },
        OutsideCause::FaceMatch => OutsideText {
            title: "人脸与证件照比对",
            explain: "平台会把自拍或视频中的人脸与证件上的头像比对。kyc-precheck 只检查是否有清晰可用的人脸，不做身份比对。",
            advice: "由本人自拍，正对镜头、光线均匀，不戴眼镜、帽子或口罩；同时确保证件头像清晰、没有反光。如果办证后相貌变化很大，换一本较新的证件更容易通过。",
        },
        OutsideCause::Liveness => OutsideText {
            title: "活体检测",
            explain: "平台会确认镜头前是真人（录视频、按提示眨眼或转头）。这发生在平台自己的 App 或网页拍摄过程中，保存下来的照片无法体现。",
            advice: "使用平台自带的拍摄流程并按提示操作，光线充足；不要翻拍照片或屏幕，不要用虚拟摄像头或美颜滤镜 App，并由本人完成。",
        },
        OutsideCause::DocumentNotAccepted => OutsideText {
            title: "证件类型或签发国家不被接受",
            explain: "平台只接受部分证件类型（护照、身份证、驾照等）和部分签发国家，而且常常随居住国家而不同。不在名单内的证件，照片再清楚也会被拒。",
            advice: "查看平台针对用户居住国家公布的可接受证件列表；护照是接受范围最广的证件。在表单中选择与证件一致的证件类型和签发国家。",
        },
        OutsideCause::DuplicateAccount => OutsideText {
            title: "重复账户",
            explain: "同一证件、同一张脸、同一台设备或同样的个人信息已经关联到平台上的另一个账户。只有平台能看到其他账户。",
            advice: "不要再注册新账户。登录之前已经认证过的账户，或请平台客服关闭或合并旧账户。",
        },
        OutsideCause::DocumentCondition => OutsideText {
            title: "证件本身的状况",
            explain: "审核人员会看证件本身：破损、磨损、打孔或剪角，覆膜起翘，需要签名却没有签名，或者被手指、贴纸、证件套挡住。文件指标无法判断这些。",
            advice: "使用完好、有效的证件；取下证件套，手指不要挡住信息；护照有签名栏的请先签名。证件损坏的请补办或换领。",
        },
        OutsideCause::NotOriginal => OutsideText {
            title: "不是证件原件",
            explain: "平台要的是实体证件原件的照片。彩色复印件、打印件、翻拍屏幕和电子版都会被拒。kyc-precheck 能发现黑白复印件和截图，但彩色复印件或用相机翻拍的屏幕可能看起来和普通照片一样。",
            advice: "用手机相机直接拍实体证件原件，保持彩色；不要扫描、打印或翻拍屏幕。",
        },
        OutsideCause::ExternalData => OutsideText {
            title: "与其他数据的核对",
            explain: "平台把资料与官方登记或数据库比对，或要求补充文件（地址证明、第二份证件、问卷）。这些数据源在本地无法获得。",
            advice: "看清平台要求补充的文件或信息。填写的资料要与官方记录完全一致（姓名顺序、地址）；要求地址证明时，上传近三个月内、本人名下的文件。",
        },
    }
}

/// The words of the diagnosis section.
pub struct Words {
    pub rejection: &'static str,
    pub vendor_unknown: &'static str,
    pub not_recognised: &'static str,
    pub matched_words: &'static str,
    pub explained_by: &'static str,
    pub not_explained: &'static str,
    pub checked_for: &'static str,
    pub outside_intro: &'static str,
    pub also_outside: &'static str,
    pub other_outside: &'static str,
    pub other_findings: &'static str,
    pub no_other_findings: &'static str,
    pub source: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            rejection: "Rejection",
            vendor_unknown: "this vendor code is not in kyc-precheck's list; the words were matched instead",
            not_recognised: "Neither a vendor code nor a known word was recognised in the rejection.",
            matched_words: "Matched words",
            explained_by: "Explained by these findings (most likely first):",
            not_explained: "No local check explains this rejection: nothing in these files or data points to it.",
            checked_for: "Checked for",
            outside_intro: "It depends on something a local check cannot see:",
            also_outside: "Also possible, outside a local check:",
            other_outside: "Other causes outside a local check",
            other_findings: "Other findings",
            no_other_findings: "no other problems found",
            source: "source",
        },
        Lang::Zh => Words {
            rejection: "拒绝原因",
            vendor_unknown: "kyc-precheck 不认识这个服务商代码，改为按文字匹配",
            not_recognised: "拒绝原因中既没有认出服务商代码，也没有认出已知的关键词。",
            matched_words: "匹配到的词",
            explained_by: "可以解释这次拒绝的问题（可能性从高到低）：",
            not_explained: "本地检查无法解释这次拒绝：这些文件和资料中没有发现相关问题。",
            checked_for: "已检查",
            outside_intro: "原因在于本地检查看不到的环节：",
            also_outside: "也可能与本地检查看不到的环节有关：",
            other_outside: "本地检查看不到的其他原因",
            other_findings: "其他发现",
            no_other_findings: "未发现其他问题",
            source: "来源",
        },
    }
}

/// "Profile data" line when no profile was given.
pub fn profile_not_given(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "– not given: only the photos were checked",
        Lang::Zh => "– 未提供：只检查了照片",
    }
}

/// The header's "profile …" value when no profile was given.
pub fn profile_not_given_short(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "not given",
        Lang::Zh => "未提供",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_cause_has_text_in_both_languages() {
        for cause in OutsideCause::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let t = outside_text(cause, lang);
                for s in [t.title, t.explain, t.advice] {
                    assert!(!s.trim().is_empty(), "{cause:?} {lang:?}");
                    assert_eq!(lang == Lang::Zh, has_cjk(s), "{cause:?} {lang:?}: {s}");
                }
            }
        }
    }
}
