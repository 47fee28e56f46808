//! 简体中文文案：每个原因代码的标题、提示、建议和 `explain` 的详细说明。
//!
//! 文案是通用的：具体是哪个字段、测得多少、阈值多少，由细节句子另外补充，
//! 所以这里不写数字，也不写任何个人信息。没有通配分支：编译器会检查每个代码都有文案。

use crate::codes::Code;
use crate::messages::CodeText;

pub(super) fn text(code: Code) -> CodeText {
    match code {
        // ------------------------------------------------------------------ 资料
        Code::ProfileFieldMissing => CodeText {
            title: "缺少必填信息",
            message: "你的资料里缺少实名认证必需的一项信息。",
            advice: "按证件上印的内容补全缺少的字段。如果证件有效期写的是“长期”，把 expiry_date 填为 \"permanent\"。",
            explain: "kyc-precheck 要求资料中必须有：姓名、出生日期、证件类型、签发国家和证件号码；除非证件是长期有效，还必须有有效期截止日。本提示会指出具体缺了哪一项或哪一项为空。\n\n缺少这些信息，平台无法把你和证件对应起来，资料不全的申请会被退回（例如 Sumsub 的 PROBLEMATIC_APPLICANT_DATA）。\n\n解决办法：拿出证件，找到提示中点名的字段，照着证件原样填写；姓名拼写和顺序与证件一致，日期用 YYYY-MM-DD 格式。",
        },
        Code::ProfileUnknownField => CodeText {
            title: "字段名无法识别",
            message: "资料中有一个 kyc-precheck 不认识的字段名，它的值没有被检查。",
            advice: "检查字段名是否拼错，提示里会给出最接近的正确字段名；运行 `kyc-precheck schema` 可查看所有支持的字段。",
            explain: "资料是一个 JSON 文件，字段名是固定的。出现不认识的字段名，多半是拼写错误（比如把 date_of_birth 写成 date_of_brith，或把 expiry_date 写成 expiry），这个值就不会被检查。\n\n这只是一个警告：平台看不到你的资料文件。但字段名写错，往往意味着真正的字段缺失，对应的信息就漏检了，或者被报告为缺少必填信息。\n\n解决办法：按提示把字段名改成建议的名称，或在 `kyc-precheck schema` 中查找正确写法。如果是你自己加的备注字段，删掉即可得到干净的报告。",
        },
        Code::ProfileFieldType => CodeText {
            title: "字段类型或取值不对",
            message: "资料中某个字段的 JSON 类型不对，或者填了不允许的值。",
            advice: "请改用提示中列出的允许值，并按要求的形式填写：文本要加英文双引号（如 \"L898902C3\"、\"1974-08-12\"），MRZ 写成带引号的多行列表，images 写成文件路径对象。",
            explain: "每个字段都有固定的 JSON 类型，有些字段只能填几个固定值（sex 只能是 M、F 或 X；document.type 只能是 passport、national_id、driving_licence 或 residence_permit）：证件号码和日期即使全是数字也是文本；mrz 是字符串列表；images 和 document 是对象。类型不对的值无法检查。\n\n不加引号的数字还会丢失信息：开头的 0 会消失（\"0123\" 变成 123），很长的身份证号可能被四舍五入，这恰恰是导致“信息不匹配”被拒的那类错误。\n\n解决办法：文本值用英文双引号括起来，结构参照 `kyc-precheck schema` 的输出，然后重新运行检查。",
        },
        Code::NameInvalid => CodeText {
            title: "姓名格式不对",
            message: "姓名中含有证件上不会出现的字符或写法。",
            advice: "按证件原样填写姓名：full_name 用拉丁字母（拼音），中文姓名填在 native_name 里；去掉数字、表情符号、多余空格和称谓。",
            explain: "kyc-precheck 会检查证件姓名中不可能出现的内容：数字、表情符号、特殊符号、连续空格、只有一个字母，或同一个字段里混用多种文字。\n\n平台会把你填写的姓名与 OCR 从证件上识别出的姓名比对。多一个奇怪字符或填了昵称，比对就会失败，申请被退回修改（例如 Sumsub 的 PROBLEMATIC_APPLICANT_DATA）。\n\n解决办法：照着证件逐字母抄写姓名（护照的机读区 MRZ 里有拉丁字母拼写），姓和名的顺序按表单要求；中文姓名（如 张伟）填在 native_name 中。",
        },
        Code::NameMismatch => CodeText {
            title: "姓名不一致",
            message: "你填写的姓名与证件或机读区（MRZ）上的姓名不一致。",
            advice: "严格按证件上的姓名填写，包括中间名，拼写完全一致；不要用昵称、曾用名或其他拼法。",
            explain: "kyc-precheck 会把你填写的姓名与证件机读区（MRZ）中的姓名比对，大小写、重音符号和空格差异会被忽略。出现本提示，说明有字母或整段姓名不同。\n\n姓名不一致是最常见的拒绝原因之一：Veriff 104（填写的姓名与证件不符）、Sumsub dataMismatch_fullName、PayPal R25/R26、StraitsX 102、Lemonway 7。\n\n解决办法：\n1. 查看证件资料页或机读区上的姓名。\n2. 每一部分（包括中间名）都按相同拼写填写。\n3. 如果交易所账户注册时用了别的拼法，先联系客服更正账户信息，再做实名认证。",
        },
        Code::DateInvalid => CodeText {
            title: "日期格式不对",
            message: "资料中有一个日期不是有效的 YYYY-MM-DD 格式日期。",
            advice: "日期统一写成“年-月-日”，例如 1990-03-07，并确认月和日没有颠倒；以证件上的日期为准。",
            explain: "资料里的所有日期都必须是 ISO 格式 YYYY-MM-DD，而且是真实存在的日期。“07/03/1990”“1990-3-7”“1990-02-30”或带时间的写法都会被判为无效，因为它们有歧义或根本不存在。\n\n日期与证件不一致是“信息不匹配”被拒最常见的原因之一，月和日颠倒（美式与欧式写法不同）尤其常见。\n\n解决办法：看清证件上的日期，分清哪个是日、哪个是月，按“年-月-日”填写，个位数前面补 0。",
        },
        Code::DobInFuture => CodeText {
            title: "出生日期在未来",
            message: "出生日期晚于今天。",
            advice: "照着证件重新填写出生日期，检查年份是否打错（比如把 1991 打成 2091），以及月和日是否颠倒。",
            explain: "kyc-precheck 会把出生日期与今天（或 --today 指定的日期）比较。出生日期在未来，一定是填写错误。\n\n平台会把你填的出生日期与证件上识别出的日期核对，只要不同就会退回；不可能的日期会直接通不过数据校验。\n\n解决办法：查看证件上的出生日期，逐位核对年份，按 YYYY-MM-DD 格式填写。如果用了 --today，确认它是真实的当天日期。",
        },
        Code::AgeBelowMinimum => CodeText {
            title: "未达到最低年龄",
            message: "按出生日期计算，你的年龄低于该平台允许的最低年龄。",
            advice: "先确认出生日期没有填错。如果没错，暂时无法在该平台完成实名认证：大多数交易所要求年满 18 周岁，部分地区要求更高。",
            explain: "kyc-precheck 根据出生日期计算你在今天（或 --today）的年龄，并与策略中的最低年龄比较。\n\n大多数交易所要求用户年满 18 周岁，部分地区更高（据报道韩国为 19 岁、日本为 20 岁）。认证服务商会自动拒绝这类申请：Sumsub AGE_REQUIREMENT_MISMATCH、Didit MINIMUM_AGE_NOT_MET、Onfido age_validation。\n\n解决办法：先检查出生年份是否打错。如果日期正确，换照片或换证件都没有用，只能等到达到平台要求的年龄。不要借用他人证件认证，这属于欺诈，账户会被封禁。",
        },
        Code::AgeImplausible => CodeText {
            title: "年龄不合常理",
            message: "按出生日期计算出的年龄，对申请人来说几乎不可能。",
            advice: "照着证件重新填写出生日期；常见原因是年份的世纪写错（1989 写成 1899），或沿用了表单默认日期。",
            explain: "如果出生日期使持有人超过策略中的最大年龄，kyc-precheck 就会提示。这类值几乎都是打字错误，或是 1900-01-01 这样的占位日期。\n\n平台会校验收到的数据，不合常理的出生日期会通不过数据校验（Onfido data_validation），或与证件不一致。\n\n解决办法：照着证件抄写出生日期，逐位核对年份。如果证件上确实就是这个日期，可以忽略本提示。",
        },
        Code::CountryCodeInvalid => CodeText {
            title: "国家代码无法识别",
            message: "国家代码不是有效的 ISO 3166 国家代码。",
            advice: "填写签发国的两位或三位字母代码，例如 CN 或 CHN、US 或 USA、DE 或 D（德国护照机读区中的写法）。",
            explain: "kyc-precheck 接受 ISO 3166-1 两位和三位字母代码，以及机读区（MRZ）中使用的 ICAO 代码（例如德国的 D）。国家全名（如“China”“中国”）、拼错的代码或电话区号都无法识别。\n\n签发国决定了适用哪种证件格式和规则。国家与证件不符时，平台会以国家或证件类型不对为由拒绝（Sumsub differentDocTypeOrCountry）。\n\n解决办法：填写签发该证件的国家代码（不是你居住的国家），以机读区或证件上的写法为准。",
        },
        Code::IdNumberFormat => CodeText {
            title: "证件号码格式不对",
            message: "证件号码不符合该国家、该类证件的号码格式。",
            advice: "照着证件重新输入号码，除非证件上本来就印有空格或横杠，否则不要加；核对位数以及哪些位置是字母。",
            explain: "对于已知编号规则的国家（例如中国居民身份证是 17 位数字加 1 位数字或 X），kyc-precheck 会检查号码长度，以及每一位应是数字还是字母。\n\n平台会从证件上识别号码并与你填写的比对，位数不对或多一个字符都会通不过校验（Onfido data_validation、Regula INVALID_FIELD_FORMAT、Sumsub ID_INVALID）。\n\n解决办法：对照证件逐个字符抄写号码。注意形近的字母和数字（O 和 0、I 和 1、S 和 5、B 和 8），去掉空格，并确认资料里的证件类型和国家填对了。",
        },
        Code::IdNumberChecksum => CodeText {
            title: "证件号码校验位错误",
            message: "证件号码的校验位与其余字符对不上，说明至少有一位输错了。",
            advice: "拿着证件逐位重新核对号码并重新输入，特别注意 O 和 0、I 和 1，以及末位的 X。",
            explain: "校验位是很多证件号码的最后一位，由前面所有字符按固定公式算出，任何一位输错或相邻两位颠倒都能被发现。中国居民身份证的第 18 位就是校验位，它可能是字母 X（代表 10）。kyc-precheck 会重新计算校验位并与你输入的比对。\n\n校验位不对，说明输入的号码不可能是真实号码，平台会直接拒绝，不再进一步审核（Regula INVALID_CHECKSUM、Onfido data_validation、Sumsub ID_INVALID）。\n\n解决办法：\n1. 拿着证件，一位一位地读号码。\n2. 注意 O 和 0、I 和 1，以及相邻数字是否颠倒。\n3. 末位的 X 请输入大写字母 X，不要输入小写 x 或乘号 ×。",
        },
        Code::IdNumberDobMismatch => CodeText {
            title: "号码与出生日期不符",
            message: "证件号码中包含的出生日期与你填写的出生日期不一致。",
            advice: "对照证件核对出生日期和证件号码，两者之一输错了。",
            explain: "有些国家的身份证号码包含出生日期：中国居民身份证号码的第 7–14 位就是出生年月日（YYYYMMDD）。kyc-precheck 会解析出来，与 date_of_birth 比对。\n\n平台也会做同样的一致性校验，不一致会被视为信息错误或信息矛盾（Onfido data_consistency、Didit DATA_INCONSISTENT）。\n\n解决办法：对照证件分别核对号码和出生日期，改正输错的那一个。通常是号码里某一位打错，或日期的月和日颠倒了。",
        },
        Code::IdNumberSexMismatch => CodeText {
            title: "号码与性别不符",
            message: "证件号码中包含的性别与你填写的性别不一致。",
            advice: "对照证件核对性别（M 或 F），并重新检查证件号码是否有数字打错。",
            explain: "有些国家的身份证号码包含性别信息：中国居民身份证号码的第 17 位，奇数为男，偶数为女。kyc-precheck 会把它与 sex 字段比对。\n\n平台会做同样的一致性校验，不一致会被视为信息矛盾（Onfido data_consistency、Didit DATA_INCONSISTENT）。\n\n解决办法：把 sex 改成证件上的性别。如果性别本来就是对的，那就是号码输错了，请对照证件逐位重新核对。",
        },
        Code::MrzFormat => CodeText {
            title: "机读区格式不对",
            message: "机读区（MRZ）的行数、每行长度或字符不符合规范。",
            advice: "照着护照资料页底部或证件背面原样抄写 MRZ：每行长度相同，只包含大写字母、数字和 <。",
            explain: "机读区（MRZ）是护照资料页底部或身份证背面的两到三行文字，由大写字母、数字和 < 组成。kyc-precheck 会检查行数和每行长度（例如护照为 2 行 × 44 个字符，身份证卡为 3 行 × 30 个字符），以及是否只含允许的字符。\n\n平台靠机读区提取并核对你的信息，无法解析的机读区会通不过校验（Didit MRZ_NOT_DETECTED、Onfido data_validation）。\n\n解决办法：逐行原样输入，数清 < 填充符的个数，它们不能省略；不要用空格代替 <，也要分清字母 O 和数字 0。",
        },
        Code::MrzCheckDigit => CodeText {
            title: "机读区校验位错误",
            message: "机读区（MRZ）中某个校验位与它所保护的字段对不上，说明有字符抄错了。",
            advice: "逐个字符对照证件核对每一行 MRZ，重点看 O 和 0、< 的个数，以及出错字段附近的数字。",
            explain: "机读区中的证件号码、出生日期、有效期以及整行数据后面，各有一个按 ICAO 9303 的 7-3-1 加权算法得出的校验位。kyc-precheck 会逐一重新计算；对不上，说明该字段有字符抄错了。\n\n平台也会核对这些校验位，通不过就会拒绝（Didit MRZ_VALIDATION_FAILED、Regula INVALID_CHECKSUM、Onfido data_validation）。\n\n解决办法：对照证件重新读出提示中指出的字段，改正输错的字符后再检查一次。如果与证件完全一致仍然报错，可能是证件本身磨损或有问题，请联系平台客服。",
        },
        Code::MrzFieldMismatch => CodeText {
            title: "机读区与填写信息不符",
            message: "机读区（MRZ）中的某项信息与你填写的同一项不一致（姓名、号码、出生日期、性别、有效期或国籍）。",
            advice: "对照证件判断是哪一边写错了，改正后让填写的信息与机读区保持一致。",
            explain: "kyc-precheck 会解析机读区，并与你填写的资料逐项比对：证件号码、出生日期、有效期、性别、国籍和姓名。\n\n平台会用 OCR 做同样的比对。机读区与填写或印刷的信息不一致时，会被视为信息矛盾，甚至怀疑证件被篡改（Didit MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME、Onfido data_comparison；姓名不符对应 Veriff 104）。\n\n解决办法：对照证件核对提示中指出的字段，通常是填写的值有笔误，改正即可。机读区里的姓名没有重音符号、用 < 代替空格，kyc-precheck 已考虑到这一点。",
        },
        Code::DocExpired => CodeText {
            title: "证件已过期",
            message: "证件已超过有效期。",
            advice: "换用一份仍在有效期内的证件，或先换领新证再认证；同时确认有效期没有填错。",
            explain: "kyc-precheck 会把有效期截止日与今天（或 --today）比较。过期证件已经失效，有些平台（例如 Veriff）连当天到期的证件也不接受。\n\n证件过期在所有平台都会被直接拒绝：Veriff 207、Sumsub EXPIRATION_DATE / expiredDoc、Didit DOCUMENT_EXPIRED（一律自动拒绝）、StraitsX 101、Lemonway 5。照片拍得再好也无济于事。\n\n解决办法：\n1. 核对证件上和资料中的有效期。\n2. 如果确实已过期，改用平台接受的其他有效证件（护照、身份证或驾驶证），或先去换领新证。",
        },
        Code::DocExpiresSoon => CodeText {
            title: "证件即将过期",
            message: "证件目前有效，但即将在提醒期内到期。",
            advice: "如有可能，换用有效期更长的证件；有些平台要求证件至少还有 1 个月有效期，而且审核可能需要几天。",
            explain: "当证件的有效期截止日距今天不到策略设定的提醒天数时，kyc-precheck 会给出警告。\n\n有些平台要求证件自上传之日起至少还有 1 个月有效期（Sumsub 的照片要求页面有此说明）；人工审核可能要几天，期间证件到期就可能被拒（Sumsub EXPIRATION_DATE）。证件过期后，平台也可能很快要求你重新认证。\n\n解决办法：如果有其他有效期更长的证件，优先使用；或者先换领新证。如果只能用这份证件，请尽快提交，并及时关注审核结果。",
        },
        Code::DocDatesInconsistent => CodeText {
            title: "证件日期相互矛盾",
            message: "证件上的日期互相矛盾，例如签发日期早于出生日期，或有效期早于签发日期。",
            advice: "照着证件重新填写出生日期、签发日期和有效期，其中有一个输错了或填错了位置。",
            explain: "kyc-precheck 会检查：出生日期早于签发日期，签发日期早于有效期截止日。顺序不可能成立，说明其中一个日期有误。\n\n平台也会做同样的一致性校验（Onfido data_consistency、Didit DATA_INCONSISTENT）。日期相互矛盾，轻则被当作填写错误，重则被怀疑是伪造证件。\n\n解决办法：在证件上找到每个日期，按 YYYY-MM-DD 填到对应的字段。常见的错误是把签发日期填进了 expiry_date，或月和日颠倒。",
        },

        // ------------------------------------------------------------------ 文件
        Code::FileMissing => CodeText {
            title: "缺少必需的图片",
            message: "缺少该平台策略要求提供的一张图片。",
            advice: "在资料的 images 中或用 --id-front、--id-back、--selfie 补上缺少的图片（证件正面、背面或自拍）。双面证件两面都要提供。",
            explain: "策略规定了哪些图片必须提供。各平台预设都要求证件正面和自拍，双面证件（身份证、驾驶证、居留许可）还要求背面。规定了却没有提供的图片会在这里报告。\n\n缺少某一面或某一页是常见的退回原因：Veriff 201、Sumsub DOCUMENT_PAGE_MISSING / FRONT_SIDE_MISSING / BACK_SIDE_MISSING、StraitsX 105/106。\n\n解决办法：拍下缺少的那一面（身份证需要人像面和国徽面两张），然后把路径写进资料的 images，或在命令行中指定。",
        },
        Code::FileUnreadable => CodeText {
            title: "文件无法读取",
            message: "无法打开这个图片文件。",
            advice: "检查路径和文件名（相对路径以资料文件所在文件夹为准），并确认文件已下载到本机，而不是只存在云端。",
            explain: "kyc-precheck 无法打开该文件：路径不对、文件不存在、它其实是个文件夹，或者没有读取权限。\n\n这里读不了的文件，上传时多半也会失败，上传表单会报告文件无法读取（Yousign 1103）。\n\n解决办法：检查路径是否有错字；记住资料中的图片路径是相对于资料文件所在的文件夹；确认 iCloud、网盘等云端文件已完整下载到本地；并确认你有读取该文件的权限。",
        },
        Code::FileEmpty => CodeText {
            title: "文件是空的",
            message: "这个图片文件是空的（0 字节）。",
            advice: "重新拍摄或重新导出照片；空文件通常是下载、传输或保存中断造成的。",
            explain: "文件存在，但里面没有任何数据，既无法检查，也无法上传。\n\n上传空文件会立即失败，或被报告为文件无法读取（Yousign 1103）。\n\n解决办法：回到手机或电脑上的原始照片，重新复制、下载或导出一次。如果是通过聊天软件或数据线传输的，等传输完成后再使用这个文件。",
        },
        Code::FileTooLarge => CodeText {
            title: "文件太大",
            message: "图片文件超过了该平台允许的大小。",
            advice: "把照片缩小（例如长边约 2000 像素），或导出为质量约 80–90% 的 JPEG；在手机上分享时选择“中”或“大”，不要选“实际大小”。",
            explain: "kyc-precheck 会把文件大小与策略中的上限比较。现在的手机照片往往很大，远超许多平台公布的限制。\n\n超过上限的文件会被平台拒收或无法处理（Lemonway sub-status 5，“文件过大”）；文件太大在移动网络信号差时也容易上传失败，看起来就像认证失败。\n\n解决办法：缩小像素尺寸，而不是裁掉证件的一部分。大多数手机相册和分享菜单都可以发送较小的版本；在电脑上可以降低分辨率导出为 JPEG。缩小后确认文字仍然清晰。",
        },
        Code::FileTooSmall => CodeText {
            title: "文件过小",
            message: "图片文件非常小，很可能被过度压缩或缩小过。",
            advice: "使用相机拍出的原图，不要用经过聊天软件发送的图片，它们会被压缩。",
            explain: "文件小于策略规定的最小值时，kyc-precheck 会给出警告。只有几 KB 的证件照，通常经过了大幅压缩、聊天软件转发，或只是一张缩略图。\n\n压缩会让小字和防伪特征变得模糊，公布了最小文件大小的平台会拒收这类图片，或认为无法辨认（Sumsub LOW_QUALITY）。\n\n解决办法：用手机相机重新拍摄，或从相册里取原始文件。不要用从微信、WhatsApp 等保存下来的图片，导出时也不要选“小尺寸”。",
        },
        Code::FormatUnsupported => CodeText {
            title: "文件格式不被接受",
            message: "该文件格式不被这个平台接受。",
            advice: "转换成 JPEG 或 PNG。iPhone：设置 › 相机 › 格式 › 兼容性最佳，或把照片以 JPEG 格式分享/导出；安卓和电脑：另存或导出为 JPEG/PNG。",
            explain: "kyc-precheck 根据文件内容而不是文件名判断格式。很多平台只接受 JPEG 和 PNG；HEIC（iPhone 默认格式）、WEBP、GIF、BMP、TIFF 和 PDF 经常被拒。\n\n不被接受的格式要么在上传页面选不了，要么被判为无法读取（Yousign 1103、PayPal R24“无法打开 PDF”）。\n\n解决办法：\n1. iPhone：设置 › 相机 › 格式 › 兼容性最佳，之后拍的照片就是 JPEG；已有的照片可以用分享或导出功能存为 JPEG。\n2. 安卓或电脑：打开图片，导出或另存为 JPEG 或 PNG。\n3. 如果是 PDF 扫描件，请直接给证件拍照。",
        },
        Code::FormatExtensionMismatch => CodeText {
            title: "扩展名与格式不符",
            message: "文件名的扩展名与文件的实际格式不一致。",
            advice: "用导出或转换的方式得到需要的格式，而不是改文件名；把 photo.heic 改名为 photo.jpg 并不会转换格式。",
            explain: "kyc-precheck 读取文件开头的字节来判断真实格式，并与文件名中的扩展名比对，例如一张 HEIC 照片却命名为 .jpg。\n\n有的上传页面只看扩展名，服务器随后解码失败；有的会按内容识别真实格式并拒收，结果上传失败的原因让人摸不着头脑。\n\n解决办法：打开图片，导出或另存为需要的格式（JPEG 或 PNG）。改文件名永远不会改变文件格式。",
        },
        Code::ImageCorrupt => CodeText {
            title: "图片已损坏",
            message: "无法把这个文件解码为图片：文件已损坏、不完整，或尺寸大到无法安全解码。",
            advice: "从原图重新导出或复制一次；如果仍然失败，请重新拍一张。",
            explain: "kyc-precheck 会尝试解码图片。传输中断导致文件不完整、文件损坏，或声称的像素尺寸大得离谱，都无法解码。\n\n平台同样读不了损坏的文件，会报告为无法读取（Yousign 1103）。\n\n解决办法：回到设备上的原始照片，重新导出或复制，等传输完成后再使用。如果原图也已损坏，就重新拍一张。",
        },
        Code::ImageDuplicate => CodeText {
            title: "同一张图用了两次",
            message: "同一张图片被用在了两个不同的位置，比如正面上传了两次。",
            advice: "每一面单独拍照：有照片的一面作为 id_front，另一面作为 id_back，自拍另外现拍。",
            explain: "kyc-precheck 用感知指纹比较图片，所以即使文件不同，同一张图的副本或缩放版本也能被发现。\n\n平台会检查两面是否真的不同，同一面传两次或传错面都会被拒（Onfido incorrect_side、Didit DOCUMENT_SIDES_MISMATCH、Persona id_double_side_detection）。\n\n解决办法：检查每个位置选的是哪个文件。证件正面拍一张，翻过来背面再拍一张，自拍用前置摄像头另外拍。",
        },

        // ------------------------------------------------------------------ 图像质量
        Code::ImageResolutionLow => CodeText {
            title: "分辨率太低",
            message: "图片像素太少，证件上的文字和照片无法可靠辨认。",
            advice: "用手机后置主摄像头以全分辨率重新拍摄，不要先裁小或经聊天软件转发。",
            explain: "kyc-precheck 会检查图片短边的像素数是否达到策略的最低要求（证件照和自拍的要求不同）。\n\n平台需要足够的像素才能看清小字、机读区和人像，分辨率太低会被拒（Veriff 204“图像质量差”、PayPal R23、Mangopay 009024）。\n\n解决办法：用后置摄像头在普通拍照模式下重新拍一张，不要用截图、裁剪后的副本或缩略图。靠近一些，让证件占满画面的大部分，同时四个角都要在画面内。",
        },
        Code::ImageBlurry => CodeText {
            title: "照片模糊",
            message: "照片没有对上焦，或因手抖而模糊。",
            advice: "拿稳手机（手肘撑在桌上），点击屏幕对准证件对焦，在光线充足的地方重拍。",
            explain: "kyc-precheck 根据图像边缘的清晰程度衡量锐度（找到证件时只测证件区域）。数值低，说明小字已经糊成一片。\n\n模糊是最常见的拒绝原因之一：OCR 读不出信息，审核人员也无法核查防伪特征（Veriff 204、Onfido blurred_photo、Sumsub LOW_QUALITY）。\n\n解决办法：\n1. 把证件平放在颜色反差明显的桌面上，光线要充足。\n2. 手机与证件保持平行，手臂撑稳，点击屏幕上的证件对焦。\n3. 稍等一下再按快门，拍完放大检查文字是否清晰。",
        },
        Code::ImageGlare => CodeText {
            title: "证件有反光",
            message: "证件的一部分被强烈的反光遮住了。",
            advice: "关闭闪光灯，把证件稍微倾斜避开光源，使用柔和的散射光（比如靠近窗户，而不是在吸顶灯正下方）。",
            explain: "kyc-precheck 测量证件（或整张图）上过曝成纯白的区域所占比例，这正是覆膜证件反光的典型表现。\n\n反光会挡住文字和防伪特征，平台会要求重新提交（Veriff 204、Onfido glare_on_photo、Regula IMAGE_GLARES）。\n\n解决办法：\n1. 关闭闪光灯。\n2. 避开直射的灯光和阳光，散射光最好。\n3. 轻轻倾斜证件或手机，直到屏幕上的亮斑消失再拍。\n4. 检查照片：信息区和人像上不能有白色亮斑。",
        },
        Code::ImageTooDark => CodeText {
            title: "照片太暗",
            message: "照片或其中的人脸太暗。",
            advice: "到光线充足的地方，面向光源重拍，不要背对窗户或灯；拍证件时不要用闪光灯。",
            explain: "kyc-precheck 测量整张图片的平均亮度（自拍还会单独测人脸区域），并与策略的最低值比较。逆光，也就是背景比人脸亮得多，同样会让人脸太暗。\n\n照片太暗会看不清文字和面部特征，OCR 和人脸比对都会失败（Veriff 202“面部不清晰”、Onfido dark_photo）。\n\n解决办法：换到更亮的房间，或白天靠近窗户，面朝光源，避免身后有强光。拍证件时用均匀的光线，不开闪光灯。",
        },
        Code::ImageOverexposed => CodeText {
            title: "照片过曝",
            message: "照片太亮，部分内容被“冲白”了。",
            advice: "避开阳光直射或灯光正照，关闭闪光灯，点击屏幕上的证件让相机重新测光（必要时把亮度滑块往下拉）。",
            explain: "kyc-precheck 测量平均亮度，以及纯白像素所占比例。过曝的像素太多，这些区域里的文字和人像就丢失了。\n\n被冲白的图片无法辨认，会以图像质量差为由退回（Veriff 204、Regula BRIGHTNESS）。\n\n解决办法：在柔和均匀的光线下拍，不要在阳光或射灯下。把证件放在颜色较深的背景上，避免相机把它拍得过亮；点击证件对焦，如果文字仍然发白，就调低曝光。",
        },
        Code::ImageLowContrast => CodeText {
            title: "对比度太低",
            message: "图片对比度太低，文字显得发灰、很淡。",
            advice: "在更好的光线下、用颜色反差明显的纯色背景重拍（浅色证件放在深色桌面上），并擦干净镜头。",
            explain: "kyc-precheck 测量整张图片亮度的变化幅度。对比度低通常是因为镜头脏了、起雾、光线昏暗或太平，或图片被过度压缩。\n\n文字太淡，OCR 更难识别，可能以图像质量差为由被拒（Veriff 204）。\n\n解决办法：擦干净镜头，用更亮、更均匀的光线，把证件放在反差明显的背景上。不要用滤镜或修图软件拉高对比度，修过的照片本身就可能被拒。",
        },
        Code::ImageGrayscale => CodeText {
            title: "照片是黑白的",
            message: "图片没有颜色，看起来像黑白照片或复印件。",
            advice: "用手机相机给证件原件拍一张彩色照片；关掉黑白滤镜或扫描软件的“黑白文档”模式。",
            explain: "kyc-precheck 测量图片的色彩丰富程度。灰度图通常来自黑白扫描仪、复印件、扫描软件的黑白模式或相机滤镜。\n\n平台要求提供证件原件的彩色图片，因为颜色本身就是防伪特征的一部分（Sumsub BLACK_AND_WHITE、StraitsX 104、Mangopay 009025；Kraken 和 OKX 都要求全彩照片）。\n\n解决办法：给证件原件拍彩色照片，不要拍复印件。关闭滤镜，把扫描软件切换到彩色模式。",
        },

        // ------------------------------------------------------------------ 来源
        Code::ImageEdited => CodeText {
            title: "图片可能被修改过",
            message: "图片的元数据中记录了修图软件，平台可能会认为它被修改过。",
            advice: "直接上传相机拍的原图，不要用滤镜、美图秀秀等美颜或修图软件处理；如果裁剪或旋转过，请重新拍一张。",
            explain: "kyc-precheck 读取图片的 EXIF 元数据，如果其中的软件标记是修图软件（如 Photoshop、Snapseed、美图秀秀等美颜或滤镜软件），就给出警告。这只是一个提示，不是证据：有些手机或无害的工具也会留下这类标记，没有标记也不能证明没改过。\n\n平台要求证件和自拍未经修改，认为被改动过的图片会被拒绝（Sumsub GRAPHIC_EDITOR、Veriff 102“疑似篡改证件”、Shufti Pro SPDR89）。\n\n解决办法：使用相机拍出的原图。不要裁剪、旋转、美颜、加字或打码；想换构图就重新拍一张。",
        },
        Code::ImageScreenshot => CodeText {
            title: "疑似截图",
            message: "这张图片看起来是截图，而不是相机拍的照片。",
            advice: "用手机相机直接拍摄证件实物；不要截图，也不要翻拍屏幕上显示的照片、扫描件或电子证件。",
            explain: "kyc-precheck 会寻找截屏的迹象，例如元数据中标记为截图、没有相机信息、尺寸正好等于手机或显示器的屏幕尺寸。这是一种推测性的判断，只是提示，不是证据。\n\n平台要求证件原件的照片，截图和翻拍屏幕的照片都会被拒（Sumsub SCREENSHOTS、Didit SCREEN_CAPTURE_DETECTED、Veriff 504“使用了设备屏幕”、Shufti Pro SPDR51）。\n\n解决办法：把身份证或护照实物放在桌上，用相机直接拍摄。不要截取相机预览画面、相册图片，或其他屏幕上显示的证件。",
        },
        Code::ExifGpsPresent => CodeText {
            title: "照片含有位置信息",
            message: "照片的元数据中含有 GPS 位置信息。",
            advice: "隐私提示：上传前去掉位置信息。iPhone：在分享菜单中点“选项”，关闭“位置”；安卓：在相机设置中关闭位置标签，或在照片详情中删除位置。",
            explain: "这是隐私提醒，不是拒绝原因。kyc-precheck 在 EXIF 元数据中发现了 GPS 坐标，它通常能显示照片的拍摄地点，往往就是你家。\n\n实名认证并不需要这些信息，但你上传的文件会连同它一起被保存。身份资料一旦提交就很难撤回，少分享一点更安全。\n\n解决办法：在 iPhone 上点“分享”，再点顶部的“选项”，关闭“位置”后再保存或发送。在安卓手机上，在相机应用里关闭位置标签，或在照片详情中删除位置信息。然后重新运行检查。",
        },
        Code::SelfieStale => CodeText {
            title: "自拍不是最近拍的",
            message: "自拍的元数据显示，它的拍摄时间早于平台允许的范围。",
            advice: "现在就重新拍一张自拍：光线充足，正对镜头。",
            explain: "kyc-precheck 从自拍的 EXIF 元数据中读取拍摄日期并与今天比较；日期太早，说明这是相册里的旧照，而不是现拍的自拍。\n\n平台需要你当前的样子来与证件比对，并检测是否为真人现拍。旧照片、别人帮你拍的照片或相册里的图片都会被拒（Sumsub BAD_SELFIE；Kraken 要求不能是专业摄影师拍的照片）。\n\n解决办法：现在就用前置摄像头拍一张新自拍：脸和肩膀在画面内，不戴帽子和墨镜，脸部光线均匀。不经修图直接上传。",
        },

        // ------------------------------------------------------------------ 证件在画面中
        Code::DocNotFound => CodeText {
            title: "未找到证件轮廓",
            message: "照片中没有找到证件轮廓，因此图像质量是按整张照片测量的。",
            advice: "把证件平放在颜色反差明显的纯色表面上，四条边都露出来，并让证件占满画面的大部分。",
            explain: "kyc-precheck 会寻找证件的矩形轮廓，以便只在证件上测量清晰度、反光和位置。找不到轮廓时，只能按整张图片测量，结果不够精确，也无法检查构图。\n\n原因往往正是平台所反对的：画面里没有证件、证件与背景颜色太接近、手挡住了边缘，或者选错了文件（Onfido no_document_in_image、Sumsub NOT_DOCUMENT）。\n\n解决办法：把证件放在与它颜色不同的纯色表面上，四个角都要露出来，手机与证件保持平行，然后重拍。",
        },
        Code::DocCutOff => CodeText {
            title: "证件不完整",
            message: "证件有一部分超出了画面，或贴到了照片边缘。",
            advice: "让证件四个角都在画面内，四周留出 1–2 厘米的背景，拍完后也不要裁剪。",
            explain: "kyc-precheck 找到证件轮廓后，会检查每条边离图片边框有多近。边缘贴边或出框，说明证件可能有一部分没拍进去。\n\n平台要求证件完整、四个角都在，证件不完整是最常见的退回原因之一（Veriff 203“证件未完整显示”、Onfido cut_off_document、Sumsub INCOMPLETE_DOCUMENT）。Kraken 要求四周都露出 1–2 厘米背景。\n\n解决办法：稍微后退或缩小画面，让四个角都在画面内并留出背景边距，手指不要压在证件上。",
        },
        Code::DocTooSmall => CodeText {
            title: "证件在画面中太小",
            message: "证件在照片中占的面积太小，上面的文字小得看不清。",
            advice: "把手机靠近一些，让证件占满画面的大部分，同时保持四个角和一小圈背景在画面内。",
            explain: "kyc-precheck 测量证件轮廓占整张图片的比例（以及证件横向的像素数）。证件在画面中太小，文字就分不到足够的像素。\n\n平台需要看清小字和机读区，证件拍得太远会被判为图像质量差或文字太小（Veriff 204、Regula IMAGE_RESOLUTION）。\n\n解决办法：把手机移近证件，不要用数码变焦，直到证件占满屏幕大部分，四周留出 1–2 厘米背景。拍完不要裁剪。",
        },
        Code::DocTilted => CodeText {
            title: "证件拍歪了",
            message: "证件被旋转了，或者是斜着拍的。",
            advice: "把手机放在证件正上方并与其平行，让证件的边与屏幕的边对齐。",
            explain: "kyc-precheck 根据证件的四个角估计其旋转和透视倾斜程度，超过策略限制时给出警告。\n\n旋转或透视过大会让文字和人像变形，有些平台会拒收横放或歪斜的证件（Regula PERSPECTIVE；Kraken 要求证件正向摆放）。\n\n解决办法：把证件平放在桌上，手机放在正上方，不要斜着拍；让证件的边与屏幕的边对齐，证件正着放，不要横过来。",
        },
        Code::DocDataMismatch => CodeText {
            title: "填写的资料与证件不符",
            message: "你填写的某项资料与照片中证件上印的内容不一致。",
            advice: "对照证件本身核对提示中指出的字段，按证件上印的内容逐字逐位填写；如果拍的是旧证件或另一份证件，请拍你填写的那一份。",
            explain: "kyc-precheck 会读取证件照片上的机读区（MRZ），并逐项与你填写的资料比对：证件号码、出生日期、有效期、性别、国籍和姓名。只有当机读区的每个校验位都确认了读取结果时才会报告不一致；姓名没有校验位，只有每个字母都读得很有把握时才比对。因此照片模糊不会被误报为不一致，而是报告 MRZ_UNREADABLE。\n\n用户反映最多的退回原因就是“填写的资料与证件不符”：证件号码错一位、日和月颠倒、填了旧护照的号码、姓名拼写不同。平台同样用 OCR 读取机读区，发现不一致就会拒绝（Sumsub PROBLEMATIC_APPLICANT_DATA、Didit MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME、Onfido data_comparison）。\n\n解决办法：提示会指出是哪个字段、哪几位不同。请对照证件核对，通常是填写时打错了。姓名可以按机读区的写法填写（去掉重音符号、长姓名被截断），kyc-precheck 会考虑这些情况。没有填写资料时，也会检查从照片读出的机读区（有效期）。",
        },
        Code::MrzUnreadable => CodeText {
            title: "机读区无法读取",
            message: "照片中能看到证件的机读区（底部带 <<< 的几行字），但无法可靠地读出。",
            advice: "重新拍照，让机读区清晰完整：字行上没有反光或阴影，证件占满画面的大部分，手机拿稳。",
            explain: "kyc-precheck 在证件照片中找到了机读区（MRZ）的两三行字，但没有一种读法能通过机读区的校验位，因此无法把证件与你填写的资料比对。\n\n平台也用 OCR 读取机读区，在同样的照片上也会失败：字行上有反光、照片模糊、证件在画面中太小或被裁掉。平台会要求重拍，或以资料无法辨认为由退回（Sumsub dataNotReadable / badPhoto_dataNotVisible、Jumio NOT_READABLE_DOCUMENT）。\n\n解决办法：提示会说明照片上还测到了什么问题（反光、模糊、尺寸、边缘被裁）。把证件平放，稍微倾斜避开光源，不让反光落在机读区上；把手机靠近，让证件占满画面的大部分；拍照前点按屏幕对焦。这只是提醒：kyc-precheck 自己的读取比有些平台更严格。",
        },

        // ------------------------------------------------------------------ 人脸
        Code::SelfieNoFace => CodeText {
            title: "自拍中没有人脸",
            message: "自拍中没有检测到人脸。",
            advice: "正对镜头重新自拍，让整张脸清晰、光线充足地露出来；摘掉墨镜、口罩和帽子。",
            explain: "kyc-precheck 会在自拍上运行人脸检测。检测不到人脸，说明脸不够清楚：太暗、被遮挡、侧过去了，或者选错了图片。\n\n平台必须把你的脸与证件人像比对，没有清晰的人脸就会要求重拍（Veriff 202“面部不清晰”、iDenfy NO_FACE_FOUND、Sumsub BAD_SELFIE）。\n\n解决办法：面朝光源，手机与眼睛平齐，直视镜头；不要戴口罩、帽子或墨镜，头发不要挡脸，让脸占画面的较大部分。",
        },
        Code::SelfieMultipleFaces => CodeText {
            title: "自拍中有多张人脸",
            message: "自拍中检测到不止一张人脸。",
            advice: "单独自拍，身后不要有其他人，也不要有海报或照片。",
            explain: "kyc-precheck 会统计自拍中的人脸数量。如果平台要求手持证件自拍，证件上的小人像是允许的；除此之外，多出的人脸都会被报告。\n\n平台无法判断哪张脸是申请人本人，合影或背景里有人脸的照片都会被拒（iDenfy TOO_MANY_FACES、Sumsub BAD_SELFIE；Kraken 不接受从合影中裁出来的照片）。\n\n解决办法：站在一面纯色墙前，确认身后没有人，重新拍一张自拍。",
        },
        Code::SelfieFaceTooSmall => CodeText {
            title: "人脸太小",
            message: "你的脸在自拍中占的比例太小。",
            advice: "把手机拿近一些，大约一臂距离，让脸和肩膀占满画面的大部分。",
            explain: "kyc-precheck 测量检测到的人脸高度占整张图片的比例。人脸太小，像素不够，无法进行人脸比对。\n\n平台要把你的面部特征与证件人像比对，需要看得清清楚楚（Veriff 202、Sumsub BAD_SELFIE）。\n\n解决办法：手机与眼睛平齐，距离约一臂，让头部和肩膀占满画面的大部分。不要事后放大或裁剪，请重新拍一张。",
        },
        Code::SelfieFaceOffCenter => CodeText {
            title: "人脸不在中间",
            message: "你的脸离自拍画面的中心太远。",
            advice: "让脸位于画面正中，直视镜头，头部和肩膀都在画面内。",
            explain: "kyc-precheck 检查人脸中心离图片中心有多远。靠近边缘的脸往往被裁掉一部分，或被镜头拉伸变形。\n\n平台需要完整、清晰地看到你的脸，才能与证件比对（Veriff 202“面部不清晰”）。\n\n解决办法：把手机举在脸的正前方，与眼睛平齐，让整个头部和肩膀都在画面内，然后重新自拍。",
        },
        Code::IdNoPortrait => CodeText {
            title: "证件正面没有人像",
            message: "作为证件正面的图片上没有找到人像照片，常见原因是把背面当成正面上传了。",
            advice: "确认 id_front 是有你照片的那一面（身份证是人像面，不是国徽面）；如果人像被反光或手指挡住，请重拍。",
            explain: "kyc-precheck 会在证件正面上寻找人脸。大多数证件的正面或资料页都印有持证人照片；找不到时，通常是把背面当成了正面，或者反光挡住了人像。\n\n平台需要用证件人像与你的自拍比对，没有人像的正面会被拒（Didit PORTRAIT_IMAGE_NOT_DETECTED、Onfido incorrect_side、Veriff 209“缺少证件照片”、Sumsub FRONT_SIDE_MISSING）。\n\n解决办法：如果正反面弄混了，把两个文件对调。否则重拍正面，避免反光，也不要让任何东西挡住人像。",
        },
    }
}
