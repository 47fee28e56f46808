//! English text for every reason code: title, message, advice and the longer `explain` text.
//!
//! Messages are generic: the specific facts of a finding (which field, the measured value,
//! the threshold) are added by the detail sentences, so nothing here names numbers or
//! personal data. No wildcard arm: the compiler makes sure every code has text.

use crate::codes::Code;
use crate::messages::CodeText;

pub(super) fn text(code: Code) -> CodeText {
    match code {
        // ------------------------------------------------------------------ profile
        Code::ProfileFieldMissing => CodeText {
            title: "Required field missing",
            message: "A field the verification needs is missing from your details.",
            advice: "Fill in the missing field exactly as it is printed on your document. If the document really has no expiry date (e.g. a Chinese ID marked 长期), set expiry_date to \"permanent\".",
            explain: "kyc-precheck requires the full name, date of birth, document type, issuing country and document number, plus the expiry date unless the document is marked as permanent. This finding names the field that is absent or empty.\n\nA platform cannot match you to your document without these details; incomplete applications are sent back (Sumsub, for example, uses PROBLEMATIC_APPLICANT_DATA).\n\nHow to fix it: take your document, find the field named in the finding, and type it exactly as printed. Use the same spelling and order as on the document, and ISO dates (YYYY-MM-DD).",
        },
        Code::ProfileUnknownField => CodeText {
            title: "Unknown field name",
            message: "Your profile contains a field name that kyc-precheck does not know, so its value was ignored.",
            advice: "Check the spelling of the field name; the finding suggests the nearest known name. Run `kyc-precheck schema` to see every accepted field.",
            explain: "The profile is a JSON file with a fixed set of field names. A key that is not one of them is usually a typo (\"date_of_brith\", \"expiry\" instead of \"expiry_date\"), and its value is silently left unchecked.\n\nThis is only a warning: platforms never see your profile file. But a misspelt key often means a real field is missing, and then that data goes unchecked or is reported as missing.\n\nHow to fix it: rename the key to the suggestion shown in the finding, or look it up in `kyc-precheck schema`. Remove keys you added for your own notes if you want a clean report.",
        },
        Code::ProfileFieldType => CodeText {
            title: "Field has the wrong type or value",
            message: "A field in your profile has the wrong JSON type or a value that is not allowed.",
            advice: "Use one of the allowed values the finding lists, and write values in the expected form: text in double quotes (\"L898902C3\", \"1974-08-12\"), the MRZ as a list of quoted lines, images as an object of file paths.",
            explain: "Each profile field expects one JSON type, and some accept only a few values (`sex`: M, F or X; `document.type`: passport, national_id, driving_licence or residence_permit). Document numbers and dates are text, even when they contain only digits; `mrz` is a list of strings; `images` and `document` are objects. A value of another type cannot be checked.\n\nNumbers typed without quotes also lose information: a leading zero disappears (\"0123\" becomes 123) and long ID numbers may be rounded, which is exactly the kind of mismatch that gets an application rejected.\n\nHow to fix it: put the value in double quotes if it is text, or use the structure shown by `kyc-precheck schema`. Then run the check again.",
        },
        Code::NameInvalid => CodeText {
            title: "Name looks invalid",
            message: "The name contains characters or a form that does not look like a name on an identity document.",
            advice: "Type your name exactly as printed on the document, in Latin letters for full_name; put the name in Chinese or another script in native_name. Remove digits, emoji, extra spaces and honorifics.",
            explain: "kyc-precheck looks for things that never appear in a name on a document: digits, emoji, symbols, doubled spaces, a single letter, or a mix of scripts in one field.\n\nPlatforms compare the name you type with the one their OCR reads from the document. An odd character or a nickname makes that comparison fail and the application is returned for correction (e.g. Sumsub PROBLEMATIC_APPLICANT_DATA).\n\nHow to fix it: copy the name letter by letter from the document (the MRZ line of a passport shows the Latin spelling). Keep the same order of given name and surname as the form asks, and put the native-script name (e.g. 张伟) in native_name.",
        },
        Code::NameMismatch => CodeText {
            title: "Name does not match",
            message: "The name you entered does not match the name on the document or in its MRZ.",
            advice: "Copy the name exactly as printed on the document, including every middle name and the same spelling. Do not use a nickname, a former name or a different transliteration.",
            explain: "kyc-precheck compares the name you typed with the name encoded in the document's MRZ, ignoring case, accents and spacing. A finding means letters or whole names differ.\n\nA name mismatch is one of the most common rejection reasons: Veriff 104 (\"name entered does not match name on document\"), Sumsub dataMismatch_fullName, PayPal R25/R26, StraitsX 102, Lemonway 7.\n\nHow to fix it:\n1. Read the name on the document's data page or MRZ.\n2. Enter every part, including middle names, in the same spelling.\n3. If your exchange account was opened under another spelling, ask support to correct the account before you verify.",
        },
        Code::DateInvalid => CodeText {
            title: "Date is invalid",
            message: "A date in your profile is not a valid calendar date in the form YYYY-MM-DD.",
            advice: "Write dates as YYYY-MM-DD, e.g. 1990-03-07, and check day and month are not swapped. Take the date from the document itself.",
            explain: "Every date in the profile must be an ISO date, YYYY-MM-DD, and a real calendar day. \"07/03/1990\", \"1990-3-7\", \"1990-02-30\" or a date with a time are rejected here, because they are ambiguous or impossible.\n\nA date that is typed differently from the document is one of the commonest causes of 信息不匹配 (information mismatch) rejections; day and month swapped (US vs European order) is a classic one.\n\nHow to fix it: read the date from your document, note which number is the day and which the month, and write it as year-month-day with leading zeros.",
        },
        Code::DobInFuture => CodeText {
            title: "Birth date in the future",
            message: "The date of birth is after today's date.",
            advice: "Re-enter your date of birth from the document; check the year (a typo such as 2091 instead of 1991) and that day and month are not swapped.",
            explain: "kyc-precheck compares the date of birth with today (or with --today when given). A birth date in the future is always a typing error.\n\nPlatforms cross-check the date of birth with the one read from your document; any difference gets the application returned, and an impossible date fails their data validation outright.\n\nHow to fix it: look at the date of birth on the document, check the year digit by digit, and write it as YYYY-MM-DD. If you used --today, make sure it is the real date.",
        },
        Code::AgeBelowMinimum => CodeText {
            title: "Below the minimum age",
            message: "According to the date of birth, you are younger than the minimum age this platform accepts.",
            advice: "Check the date of birth is typed correctly. If it is, you cannot verify on this platform yet; most exchanges require 18+, and some regions set a higher age.",
            explain: "kyc-precheck computes your age on today's date (or --today) from the date of birth and compares it with the policy's minimum age.\n\nMost exchanges require users to be at least 18, and some regions higher (reported examples: 19 in Korea, 20 in Japan). Vendors decline such applications automatically: Sumsub AGE_REQUIREMENT_MISMATCH, Didit MINIMUM_AGE_NOT_MET, Onfido age_validation.\n\nHow to fix it: first make sure the year of birth is not a typo. If the date is right, no photo or document change will help: wait until you reach the platform's minimum age. Do not use someone else's documents; that is fraud and gets accounts closed.",
        },
        Code::AgeImplausible => CodeText {
            title: "Age looks implausible",
            message: "The date of birth gives an age that is very unlikely for a living applicant.",
            advice: "Re-enter the date of birth from the document; a wrong century (1899 instead of 1989) or a default date from a form is the usual cause.",
            explain: "kyc-precheck flags a date of birth that makes the holder older than the policy's maximum age; such values are almost always typing mistakes or placeholder dates such as 1900-01-01.\n\nPlatforms validate the data they receive; an implausible birth date fails that validation (Onfido data_validation) or mismatches the document.\n\nHow to fix it: copy the date of birth from the document and check every digit of the year. If your document really shows this date, you can ignore the finding.",
        },
        Code::CountryCodeInvalid => CodeText {
            title: "Country code not recognised",
            message: "The country code is not a valid ISO 3166 country code.",
            advice: "Use the two- or three-letter code of the issuing country, e.g. CN or CHN, US or USA, DE or D (as in a German passport's MRZ).",
            explain: "kyc-precheck accepts ISO 3166-1 alpha-2 and alpha-3 codes, plus the ICAO codes used in MRZs (such as D for Germany). A country name (\"China\"), a misspelt code or a phone prefix is not recognised.\n\nThe issuing country decides which document formats and rules apply. If it does not match the document, platforms reject the upload as the wrong country or document type (Sumsub differentDocTypeOrCountry).\n\nHow to fix it: enter the code of the country that issued the document (not your country of residence), as shown in the MRZ or on the document.",
        },
        Code::IdNumberFormat => CodeText {
            title: "ID number format wrong",
            message: "The document number does not have the format used by this country and document type.",
            advice: "Re-type the number from the document, without spaces or dashes unless the document prints them; check its length and which positions are letters.",
            explain: "For countries whose numbering rules are known (e.g. a 中国居民身份证 has 17 digits plus a final digit or X), kyc-precheck checks the length and which positions hold digits or letters.\n\nPlatforms read the number from the document and compare it with what you typed; a wrong length or an extra character fails their validation (Onfido data_validation, Regula INVALID_FIELD_FORMAT, Sumsub ID_INVALID).\n\nHow to fix it: copy the number character by character from the document. Watch for letters that look like digits (O and 0, I and 1, S and 5, B and 8), drop spaces, and check that the document type and country in your profile are right.",
        },
        Code::IdNumberChecksum => CodeText {
            title: "ID number check digit wrong",
            message: "The ID number's check digit does not match the other characters, so at least one character is mistyped.",
            advice: "Read the number again from the card, character by character, and re-type it; watch for O vs 0, I vs 1 and a final X.",
            explain: "A check digit is the last character of many ID numbers, computed from all the others by a fixed formula, so a single mistyped or swapped character is detected. On a 中国居民身份证 it is the 18th character, and it may be the letter X (meaning 10). kyc-precheck recomputes it and compares.\n\nA wrong check digit means the number cannot be genuine as typed, so platforms reject it without further review (Regula INVALID_CHECKSUM, Onfido data_validation, Sumsub ID_INVALID).\n\nHow to fix it:\n1. Hold the card and read the number character by character.\n2. Watch for O vs 0, I vs 1 and swapped neighbours.\n3. Type a final X as the capital letter X, not a lowercase x or the × sign.",
        },
        Code::IdNumberDobMismatch => CodeText {
            title: "ID number and birth date differ",
            message: "The date of birth encoded in the ID number differs from the date of birth you entered.",
            advice: "Compare the date of birth on the card with the one in your profile and with the number; one of them is mistyped.",
            explain: "Some national ID numbers embed the date of birth; in a 中国居民身份证 number, characters 7–14 are the birth date as YYYYMMDD. kyc-precheck decodes it and compares it with date_of_birth.\n\nPlatforms perform the same consistency check, and a difference is treated as wrong or inconsistent data (Onfido data_consistency, Didit DATA_INCONSISTENT).\n\nHow to fix it: read both the number and the date of birth from your card. Correct whichever was typed wrongly; usually it is a digit in the number or day and month swapped in the date.",
        },
        Code::IdNumberSexMismatch => CodeText {
            title: "ID number and sex differ",
            message: "The sex encoded in the ID number differs from the sex you entered.",
            advice: "Check the sex field (M or F) against the document, and re-check the ID number for a mistyped digit.",
            explain: "Some national ID numbers encode the holder's sex; in a 中国居民身份证 number, the 17th character is odd for male and even for female. kyc-precheck compares it with the sex field.\n\nPlatforms check the same consistency, and a difference is treated as inconsistent data (Onfido data_consistency, Didit DATA_INCONSISTENT).\n\nHow to fix it: set sex to the value shown on your document. If it is already right, the ID number has a typo; re-read it from the card character by character.",
        },
        Code::MrzFormat => CodeText {
            title: "MRZ format wrong",
            message: "The machine-readable zone (MRZ) does not have the expected number of lines, line length or characters.",
            advice: "Copy the MRZ lines exactly from the bottom of the passport page or the back of the card: every line the same length, capital letters, digits and < only.",
            explain: "The MRZ is the block of two or three lines of capitals, digits and < at the bottom of a passport data page or on the back of an ID card. kyc-precheck checks the number of lines and their length (e.g. 2 × 44 for a passport, 3 × 30 for an ID card) and that only allowed characters appear.\n\nPlatforms read the MRZ to extract and cross-check your data. One that cannot be parsed fails validation (Didit MRZ_NOT_DETECTED, Onfido data_validation).\n\nHow to fix it: type each line exactly, counting the < fillers; they matter. Do not replace < with spaces, and keep letter O and digit 0 apart.",
        },
        Code::MrzCheckDigit => CodeText {
            title: "MRZ check digit wrong",
            message: "A check digit in the MRZ does not match the field it protects, so a character is mistyped.",
            advice: "Compare each MRZ line with the document character by character; look especially at O vs 0, < counts and the digits next to the failing field.",
            explain: "MRZ fields (document number, date of birth, expiry date, and the line as a whole) are each followed by a check digit computed with the ICAO 9303 7-3-1 weighting. kyc-precheck recomputes every one; a mismatch means a character in that field was copied wrongly.\n\nPlatforms verify the same check digits and reject MRZs that fail (Didit MRZ_VALIDATION_FAILED, Regula INVALID_CHECKSUM, Onfido data_validation).\n\nHow to fix it: re-read the field named in the finding from the document, fix the typo, and run the check again. If the text matches the document exactly and still fails, the photo OCR or the document may be damaged; contact support.",
        },
        Code::MrzFieldMismatch => CodeText {
            title: "MRZ differs from your data",
            message: "A field encoded in the MRZ differs from the same field you entered (name, number, birth date, sex, expiry or nationality).",
            advice: "Decide which one is mistyped by reading the document, and correct it so the typed data and the MRZ agree.",
            explain: "kyc-precheck decodes the MRZ and compares its fields with your typed profile: document number, date of birth, expiry date, sex, nationality and name.\n\nPlatforms do the same with OCR. When the MRZ and the typed or printed data disagree, they treat it as inconsistent data or even tampering (Didit MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME, Onfido data_comparison; for names Veriff 104).\n\nHow to fix it: compare the field named in the finding on the document itself. Usually the typed value has a typo; correct it. Names in the MRZ drop accents and use < for spaces, which kyc-precheck allows for.",
        },
        Code::DocExpired => CodeText {
            title: "Document expired",
            message: "The document's expiry date has passed.",
            advice: "Use a different, valid identity document, or renew this one before verifying. Check that you typed the expiry date correctly.",
            explain: "kyc-precheck compares expiry_date with today (or --today). An expired document is no longer valid, and some platforms (Veriff, for one) also refuse a document whose expiry date is today.\n\nAn expired document is a hard rejection everywhere: Veriff 207, Sumsub EXPIRATION_DATE / expiredDoc, Didit DOCUMENT_EXPIRED (always auto-declined), StraitsX 101, Lemonway 5. No photo quality can fix it.\n\nHow to fix it:\n1. Check the expiry date on the document and in your profile.\n2. If it has really expired, verify with another valid document (passport, national ID or driving licence, as the platform accepts), or renew it first.",
        },
        Code::DocExpiresSoon => CodeText {
            title: "Document expires soon",
            message: "The document is still valid but expires within the warning period.",
            advice: "If you can, verify with a document that stays valid longer; some platforms require at least one month of remaining validity, and reviews can take days.",
            explain: "kyc-precheck warns when the expiry date falls within the policy's warning period from today.\n\nSome platforms require the document to be valid for at least one month from upload (a Sumsub photo-requirements page says so), and manual review can take days, so a document that expires in the meantime may be rejected (Sumsub EXPIRATION_DATE). You may also be asked to re-verify soon after it expires.\n\nHow to fix it: use another valid document with a later expiry date if you have one, or renew this one. If you must use it, submit now and check the review result promptly.",
        },
        Code::DocDatesInconsistent => CodeText {
            title: "Document dates inconsistent",
            message: "The document's dates contradict each other, for example issued before the holder was born or expiring before it was issued.",
            advice: "Re-enter the date of birth, issue date and expiry date from the document; one of them is mistyped or in the wrong field.",
            explain: "kyc-precheck checks that the date of birth comes before the issue date, and the issue date before the expiry date; dates in an impossible order mean one is wrong.\n\nPlatforms run the same consistency checks (Onfido data_consistency, Didit DATA_INCONSISTENT), and contradicting dates look like a typing error at best and a forged document at worst.\n\nHow to fix it: find each date on the document and type it into the right field as YYYY-MM-DD. A common slip is putting the issue date in expiry_date, or swapping day and month.",
        },

        // ------------------------------------------------------------------ files
        Code::FileMissing => CodeText {
            title: "Required image missing",
            message: "An image that this platform's policy requires was not given.",
            advice: "Add the missing image (ID front, ID back or selfie) to the profile's images or with --id-front, --id-back or --selfie. Two-sided ID cards need both sides.",
            explain: "The policy lists which images must be present. Platform presets require the front of the ID and a selfie, plus the back for two-sided documents (national ID, driving licence, residence permit). A role listed there but not given is reported here.\n\nA missing side or page is a standard resubmission reason: Veriff 201, Sumsub DOCUMENT_PAGE_MISSING / FRONT_SIDE_MISSING / BACK_SIDE_MISSING, StraitsX 105/106.\n\nHow to fix it: photograph the missing side (for a 身份证, both the portrait side and the national-emblem side), then add the path under images in the profile or pass it on the command line.",
        },
        Code::FileUnreadable => CodeText {
            title: "File cannot be read",
            message: "The image file could not be opened.",
            advice: "Check the path and the file name (relative paths are read from the profile's folder), and that the file is downloaded to the device rather than only in the cloud.",
            explain: "kyc-precheck could not open the file: the path is wrong, the file does not exist, it is a folder, or permission was denied.\n\nIf the file cannot be read here, it likely cannot be uploaded either; upload forms report such files as unreadable (Yousign 1103).\n\nHow to fix it: check the path for typos, remember that image paths in the profile are relative to the profile's folder, make sure cloud files (iCloud, Google Drive) are fully downloaded, and check that you have permission to read the file.",
        },
        Code::FileEmpty => CodeText {
            title: "File is empty",
            message: "The image file is empty (0 bytes).",
            advice: "Take or export the photo again; an empty file usually comes from an interrupted download, transfer or save.",
            explain: "The file exists but contains no data, so there is no image to check or upload.\n\nAn empty upload fails immediately or is reported as unreadable (Yousign 1103).\n\nHow to fix it: go back to the original photo on your phone or computer and copy, download or export it again. If you transferred it by chat app or cable, wait until the transfer finishes before using the file.",
        },
        Code::FileTooLarge => CodeText {
            title: "File is too large",
            message: "The image file is larger than this platform accepts.",
            advice: "Resize the photo (e.g. to about 2000 px on the long side) or export it as JPEG at around 80–90% quality; on a phone, share it as \"Medium\" or \"Large\" rather than \"Actual size\".",
            explain: "kyc-precheck compares the file size with the policy's maximum. Modern phones produce very large photos, well above the limits many platforms publish.\n\nPlatforms refuse or cannot process uploads over their limit (Lemonway sub-status 5, \"file too big\"), and huge files often fail to upload on a weak mobile network, which looks like a verification failure.\n\nHow to fix it: reduce the pixel size rather than cropping the document. Most phone gallery and share menus can send a smaller version; on a computer, export as JPEG with a lower resolution. Check the result is still sharp.",
        },
        Code::FileTooSmall => CodeText {
            title: "File is very small",
            message: "The image file is so small that it is probably heavily compressed or downscaled.",
            advice: "Use the original photo from the camera rather than a copy sent through a chat app, which compresses images.",
            explain: "kyc-precheck warns when a file is below the policy's minimum size. A document photo of a few kilobytes has usually been through heavy compression, a chat app or a thumbnail.\n\nCompression blurs fine print and security features; platforms that publish a minimum file size reject such images or find them unreadable (Sumsub LOW_QUALITY).\n\nHow to fix it: take the photo again with the phone's camera, or use the original file from the camera roll. Avoid images saved from WeChat, WhatsApp or similar, and do not choose a \"small\" size when exporting.",
        },
        Code::FormatUnsupported => CodeText {
            title: "File format not accepted",
            message: "The file is in a format this platform does not accept.",
            advice: "Convert it to JPEG or PNG. iPhone: Settings › Camera › Formats › Most Compatible, or share/export the photo as JPEG; Android and desktop: export or save as JPEG/PNG.",
            explain: "kyc-precheck identifies the format from the file's contents, not its name. Many platforms accept only JPEG and PNG; HEIC (iPhone's default), WEBP, GIF, BMP, TIFF and PDF are often refused.\n\nAn unaccepted format either cannot be selected in the upload form or is rejected as unreadable (Yousign 1103, PayPal R24 \"unable to open PDF\").\n\nHow to fix it:\n1. iPhone: Settings › Camera › Formats › Most Compatible makes new photos JPEG; for an existing photo, share or export it as JPEG.\n2. Android or desktop: open the image and export or save it as JPEG or PNG.\n3. For a PDF scan, photograph the document instead.",
        },
        Code::FormatExtensionMismatch => CodeText {
            title: "File name extension wrong",
            message: "The file's name ends with an extension that does not match its real format.",
            advice: "Export or convert the file to the format you need instead of renaming it; renaming photo.heic to photo.jpg does not convert it.",
            explain: "kyc-precheck reads the first bytes of the file to find its real format and compares it with the extension in the name, e.g. a HEIC photo named .jpg.\n\nSome upload forms trust the extension and the server then fails to decode the file; others detect the real format from the bytes and refuse it, so the upload fails in a confusing way.\n\nHow to fix it: open the image and export or save it in the format you need (JPEG or PNG). Renaming a file never changes its format.",
        },
        Code::ImageCorrupt => CodeText {
            title: "Image is damaged",
            message: "The file could not be decoded as an image; it is damaged, truncated or too large to decode safely.",
            advice: "Export or copy the photo again from the original; if it still fails, take a new photo.",
            explain: "kyc-precheck tries to decode the image. A file cut short by an interrupted transfer, a damaged file, or one claiming an enormous pixel size cannot be decoded.\n\nPlatforms cannot read a damaged file either, and report it as unreadable (Yousign 1103).\n\nHow to fix it: go back to the original photo on the device and export or copy it again, waiting until the transfer completes. If the original is damaged too, take a new photo.",
        },
        Code::ImageDuplicate => CodeText {
            title: "Same picture used twice",
            message: "The same picture is used for two different roles, for example the front uploaded twice.",
            advice: "Photograph each side separately: the front (with the photo) as id_front, the back as id_back, and a new selfie of yourself.",
            explain: "kyc-precheck compares the images by a perceptual fingerprint, so copies and resized versions of the same picture are detected even when the files differ.\n\nPlatforms check that the sides really differ; the same side twice or a wrong side is rejected (Onfido incorrect_side, Didit DOCUMENT_SIDES_MISMATCH, Persona id_double_side_detection).\n\nHow to fix it: check which file you chose for each role. Take one photo of the front, turn the card over and take one of the back, and take the selfie separately with the front camera.",
        },

        // ------------------------------------------------------------------ image quality
        Code::ImageResolutionLow => CodeText {
            title: "Resolution too low",
            message: "The image has too few pixels for the document's text and photo to be read reliably.",
            advice: "Retake the photo with the phone's main camera at full resolution, and do not crop it down or send it through a chat app first.",
            explain: "kyc-precheck checks the short side of the image in pixels against the policy's minimum (separate minimums for ID photos and selfies).\n\nPlatforms need enough pixels to read small print, the MRZ and the portrait, and reject low-resolution images (Veriff 204 \"poor image quality\", PayPal R23, Mangopay 009024).\n\nHow to fix it: take a new photo with the rear camera in normal photo mode rather than a screenshot, a cropped copy or a thumbnail. Move close enough that the card fills most of the frame while all four corners stay visible.",
        },
        Code::ImageBlurry => CodeText {
            title: "Photo is blurry",
            message: "The photo is out of focus or blurred by movement.",
            advice: "Hold the phone steady (rest your elbows on the table), tap the screen to focus on the card, and retake in good light.",
            explain: "kyc-precheck measures sharpness from the strength of edges in the image (over the card area when it finds the card). A low value means fine text is smeared.\n\nBlur is one of the most common rejection reasons (模糊): OCR cannot read the data and reviewers cannot check security features (Veriff 204, Onfido blurred_photo, Sumsub LOW_QUALITY).\n\nHow to fix it:\n1. Put the card on a flat, contrasting surface in good light.\n2. Hold the phone parallel to the card, rest your arms, and tap the card on screen to focus.\n3. Wait a moment before pressing the shutter, then zoom in to check the text is sharp.",
        },
        Code::ImageGlare => CodeText {
            title: "Glare on the document",
            message: "A bright reflection covers part of the document.",
            advice: "Turn off the flash, tilt the card slightly away from the light, and use soft, indirect light (e.g. near a window, not under a ceiling lamp).",
            explain: "kyc-precheck measures the share of the card (or the whole image) covered by clipped white highlights, the typical look of a reflection (反光) on a laminated card.\n\nGlare hides text and security features, so platforms ask for a resubmission (Veriff 204, Onfido glare_on_photo, Regula IMAGE_GLARES).\n\nHow to fix it:\n1. Turn off the flash.\n2. Move away from direct lamps and sun; diffuse light is best.\n3. Tilt the card or the phone slightly until the bright spot disappears from the screen, then shoot.\n4. Check the photo: no white patch over the data or the portrait.",
        },
        Code::ImageTooDark => CodeText {
            title: "Photo is too dark",
            message: "The photo, or the face in it, is too dark.",
            advice: "Retake in a well-lit place facing a light source, not with a window or lamp behind you; avoid the flash on a document.",
            explain: "kyc-precheck measures the average brightness of the image (and of the face region in a selfie) against the policy's minimum. Backlight, where the background is much brighter than the face, also makes the face too dark.\n\nDark photos hide text and facial features, so OCR and face matching fail (Veriff 202 \"face not clearly visible\", Onfido dark_photo).\n\nHow to fix it: move to a brighter room or near a window in daylight, face the light, and avoid strong light behind you. For documents, use even light without the flash.",
        },
        Code::ImageOverexposed => CodeText {
            title: "Photo is overexposed",
            message: "The photo is too bright, so parts of it are washed out.",
            advice: "Move out of direct sunlight or away from the lamp, turn off the flash, and tap the card on screen to let the camera set exposure (drag the brightness slider down if needed).",
            explain: "kyc-precheck measures the mean brightness and the share of pixels that are pure white. When too many are clipped, the text and portrait in those areas are lost.\n\nWashed-out images cannot be read and are sent back as poor quality (Veriff 204, Regula BRIGHTNESS).\n\nHow to fix it: shoot in soft, even light, not in the sun or under a spotlight. Place the card on a darker background so the camera does not overexpose it, tap to focus on the card, and lower the exposure if the text still looks faint.",
        },
        Code::ImageLowContrast => CodeText {
            title: "Low contrast",
            message: "The image has little contrast, so the text looks faint or washed out.",
            advice: "Retake in better light on a plain, contrasting background (a light card on a dark surface), and wipe the camera lens.",
            explain: "kyc-precheck measures how widely the brightness varies across the image. Low contrast comes from haze, a dirty lens, dim or flat light, or heavy compression.\n\nFaint text is harder for OCR to read and may be rejected as poor image quality (Veriff 204).\n\nHow to fix it: clean the lens, use brighter and more even light, and put the card on a contrasting background. Do not add contrast with filters or editing apps: edited photos can be rejected themselves.",
        },
        Code::ImageGrayscale => CodeText {
            title: "Photo is black and white",
            message: "The image has no colour; it looks like a black-and-white photo or photocopy.",
            advice: "Take a colour photo of the original document with the phone camera; turn off any mono filter or \"document scan\" black-and-white mode.",
            explain: "kyc-precheck measures how colourful the image is. A grayscale image usually comes from a black-and-white scanner, a photocopy, a scanning app in B&W mode or a camera filter.\n\nPlatforms require colour images of the original document, because colour is part of its security features (Sumsub BLACK_AND_WHITE, StraitsX 104, Mangopay 009025; Kraken and OKX ask for full colour).\n\nHow to fix it: photograph the real document in colour, not a photocopy. Turn off filters and switch scanning apps to colour mode.",
        },

        // ------------------------------------------------------------------ provenance
        Code::ImageEdited => CodeText {
            title: "Image may be edited",
            message: "The image's metadata names editing software, so platforms may treat it as edited.",
            advice: "Upload the original photo straight from the camera, without filters, beauty apps or editors; if you cropped or rotated it, take a new photo instead.",
            explain: "kyc-precheck reads the EXIF metadata; when the software tag names an editor (e.g. Photoshop, Snapseed, a beauty or filter app), it warns. This is a hint, not proof: some phones or harmless tools leave such tags, and the absence of a tag proves nothing either.\n\nPlatforms require unedited documents and selfies, and reject images they believe were altered (Sumsub GRAPHIC_EDITOR, Veriff 102 \"suspected document tampering\", Shufti Pro SPDR89).\n\nHow to fix it: use the original photo from the camera. Do not crop, rotate, beautify, add text or blur anything; if you need a different framing, take a new photo.",
        },
        Code::ImageScreenshot => CodeText {
            title: "Looks like a screenshot",
            message: "The image looks like a screenshot rather than a camera photo.",
            advice: "Photograph the physical document with the phone camera; do not screenshot a photo, a scan or an e-ID shown on a screen.",
            explain: "kyc-precheck looks for signs of a screen capture, such as metadata that marks a screenshot, no camera information and a size matching a phone or monitor screen. This is a heuristic: it gives a hint, not proof.\n\nPlatforms require a photo of the original document; screenshots and photos of screens are rejected (Sumsub SCREENSHOTS, Didit SCREEN_CAPTURE_DETECTED, Veriff 504 \"device screen used\", Shufti Pro SPDR51).\n\nHow to fix it: place the real card or passport on a table and photograph it with the camera. Do not take a screenshot of the camera preview, a gallery image or a document shown on another screen.",
        },
        Code::ExifGpsPresent => CodeText {
            title: "Photo contains location",
            message: "The photo's metadata contains GPS location data.",
            advice: "Privacy tip: remove the location before uploading. iPhone: in the share sheet tap Options and turn Location off; Android: turn off location tags in the camera settings or remove them in the photo's details.",
            explain: "This is a privacy notice, not a rejection reason. kyc-precheck found GPS coordinates in the EXIF metadata, which usually reveal where the photo was taken, often your home.\n\nPlatforms do not need this for verification, but the file you upload is stored with it. Identity data, once submitted, is hard to withdraw, so sharing less is safer.\n\nHow to fix it: on an iPhone, tap Share, then Options at the top, and turn Location off before saving or sending. On Android, disable location tags in the camera app or remove location in the photo's details. Then run the check again.",
        },
        Code::SelfieStale => CodeText {
            title: "Selfie is not recent",
            message: "The selfie's metadata shows it was taken longer ago than the platform allows.",
            advice: "Take a new live selfie now, in good light, looking straight at the camera.",
            explain: "kyc-precheck reads the capture date from the selfie's EXIF metadata and compares it with today; an old date means a saved photo rather than a fresh selfie.\n\nPlatforms want a current image of you to compare with the document and to check liveness. Old photos, pictures taken by others or images from a gallery are refused (Sumsub BAD_SELFIE; Kraken asks for a photo not taken by a professional).\n\nHow to fix it: take a new selfie right now with the front camera: face and shoulders in frame, no hat or sunglasses, even light on your face. Upload it unedited.",
        },

        // ------------------------------------------------------------------ document in frame
        Code::DocNotFound => CodeText {
            title: "Document outline not found",
            message: "No document outline was found in the photo, so quality was measured on the whole image.",
            advice: "Place the card flat on a plain, contrasting surface with all four edges visible, and fill most of the frame with it.",
            explain: "kyc-precheck looks for the card's rectangular outline to measure sharpness, glare and position on the card itself. When it cannot find one, it measures the whole image instead, which is less precise, and it cannot check framing.\n\nThe cause is often the same thing platforms object to: no document visible, a card blending into the background, a hand covering edges, or the wrong file (Onfido no_document_in_image, Sumsub NOT_DOCUMENT).\n\nHow to fix it: lay the card on a plain surface of a different colour, keep all four corners visible, hold the phone parallel to it, and retake.",
        },
        Code::DocCutOff => CodeText {
            title: "Document cut off",
            message: "Part of the document leaves the frame or touches the edge of the photo.",
            advice: "Keep all four corners in view with 1–2 cm of background visible around the card, and do not crop the photo afterwards.",
            explain: "kyc-precheck finds the card's outline and checks how close each edge comes to the border of the image. An edge that touches or leaves the frame means part of the document may be missing.\n\nPlatforms require the whole document, every corner included; cut-off documents are among the most frequent resubmission reasons (Veriff 203 \"full document not visible\", Onfido cut_off_document, Sumsub INCOMPLETE_DOCUMENT). Kraken asks for 1–2 cm of background all round.\n\nHow to fix it: step back a little or zoom out, keep all four corners inside the frame with a visible margin of background, and keep fingers off the card.",
        },
        Code::DocTooSmall => CodeText {
            title: "Document too small in photo",
            message: "The document fills too little of the photo, so its text is too small to read.",
            advice: "Move the phone closer so the card fills most of the frame, while keeping all four corners and a small margin in view.",
            explain: "kyc-precheck measures the share of the image covered by the card outline (and the pixels across the card). A card that is small in the frame leaves too few pixels for its text.\n\nPlatforms need to read small print and the MRZ; a distant card counts as poor quality or text too small (Veriff 204, Regula IMAGE_RESOLUTION).\n\nHow to fix it: bring the phone closer to the card instead of using digital zoom, until the card fills most of the screen with 1–2 cm of background around it. Do not crop the photo afterwards.",
        },
        Code::DocTilted => CodeText {
            title: "Document is tilted",
            message: "The document is rotated or photographed at an angle.",
            advice: "Hold the phone directly above the card, parallel to it, with the card's edges lined up with the edges of the screen.",
            explain: "kyc-precheck estimates the card's rotation and perspective from its corners and warns when they exceed the policy's limit.\n\nStrong rotation or perspective distorts the text and the portrait; some platforms reject sideways or skewed documents (Regula PERSPECTIVE; Kraken requires the ID upright).\n\nHow to fix it: place the card on a flat table, hold the phone straight above it (not at an angle), line up the card's edges with the screen's edges, and keep the card upright rather than sideways.",
        },
        Code::DocDataMismatch => CodeText {
            title: "Typed data differs from the document",
            message: "A value you entered differs from what the document in the photo prints.",
            advice: "Read the field named in the finding on the document itself and type it exactly as printed (every digit and letter); if you photographed an old or another document, photograph the one you entered.",
            explain: "kyc-precheck reads the machine-readable zone (MRZ) of the ID photos and compares what it prints with your typed profile, field by field: document number, date of birth, expiry date, sex, nationality and name. A difference is reported only from a reading that every check digit of the MRZ confirms, and a name (which has no check digit) only when every letter was read with high confidence, so a blurred photo is never reported as different: it is MRZ_UNREADABLE instead.\n\nThe first cause of rejection users report is \"the data you entered does not match your document\": one digit of the document number, day and month swapped, an old passport's number, a name spelt differently. Platforms read the same zone with OCR and reject the mismatch (Sumsub PROBLEMATIC_APPLICANT_DATA, Didit MRZ_AND_DATA_EXTRACTED_FROM_OCR_NOT_SAME, Onfido data_comparison).\n\nHow to fix it: the finding names the field and which characters differ. Compare them on the document; usually the typed value has a typo. Names may be written as in the MRZ (accents dropped, long names truncated), which kyc-precheck allows for. Without a profile, the MRZ read from the photo is still checked (its expiry date).",
        },
        Code::MrzUnreadable => CodeText {
            title: "MRZ cannot be read",
            message: "The document's machine-readable zone (the lines of <<< at the bottom) is visible but could not be read reliably.",
            advice: "Retake the photo with the MRZ sharp and fully visible: no glare or shadow over its lines, the card filling most of the frame, the phone held steady.",
            explain: "kyc-precheck found the two or three lines of the machine-readable zone (MRZ) in the ID photo, but no reading of them passed the MRZ's check digits, so it could not compare the document with your profile.\n\nPlatforms read the MRZ by OCR too, and fail on the same photos: glare over the lines, blur, a document too small in the frame or cut off. They then ask for a new photo or reject the data as unreadable (Sumsub dataNotReadable / badPhoto_dataNotVisible, Jumio NOT_READABLE_DOCUMENT).\n\nHow to fix it: the finding says what else was measured on the photo (glare, blur, size, cut-off edge). Lay the document flat, tilt it slightly away from the light so no reflection crosses the MRZ, move the phone closer until the document fills most of the frame, and tap to focus before taking the picture. This is a warning: kyc-precheck's own reader is stricter than some platforms'.",
        },

        // ------------------------------------------------------------------ faces
        Code::SelfieNoFace => CodeText {
            title: "No face in selfie",
            message: "No face was detected in the selfie.",
            advice: "Take a new selfie facing the camera, with your whole face visible and well lit; remove sunglasses, masks and hats.",
            explain: "kyc-precheck runs a face detector on the selfie. No face means it is not visible enough: too dark, covered, turned away, or the wrong image was chosen.\n\nPlatforms must compare your face with the document portrait; without a clear face they ask for a new selfie (Veriff 202 \"face not clearly visible\", iDenfy NO_FACE_FOUND, Sumsub BAD_SELFIE).\n\nHow to fix it: face the light, hold the phone at eye level, look straight into the camera, keep your face uncovered (no mask, hat or sunglasses; hair off the face) and fill a good part of the frame.",
        },
        Code::SelfieMultipleFaces => CodeText {
            title: "Several faces in selfie",
            message: "More than one face was detected in the selfie.",
            advice: "Take the selfie alone, with no other people, posters or photos behind you.",
            explain: "kyc-precheck counts faces in the selfie. When the platform expects you to hold your ID, the small portrait on the card is allowed for; otherwise any extra face is reported.\n\nPlatforms cannot tell which face is the applicant's, and group photos or pictures with faces in the background are refused (iDenfy TOO_MANY_FACES, Sumsub BAD_SELFIE; Kraken does not accept face photos cropped from a group photo).\n\nHow to fix it: stand in front of a plain wall, make sure nobody is behind you, and take a new selfie.",
        },
        Code::SelfieFaceTooSmall => CodeText {
            title: "Face too small",
            message: "Your face takes up too little of the selfie.",
            advice: "Hold the phone closer, about an arm's length, so your face and shoulders fill most of the frame.",
            explain: "kyc-precheck measures the height of the detected face relative to the image. A small face leaves too few pixels for face matching.\n\nPlatforms compare facial features with the document portrait and need them clearly visible (Veriff 202, Sumsub BAD_SELFIE).\n\nHow to fix it: hold the phone at eye level about an arm's length away, so that your head and shoulders fill most of the frame. Do not zoom or crop afterwards; take a new selfie.",
        },
        Code::SelfieFaceOffCenter => CodeText {
            title: "Face not centred",
            message: "Your face is far from the centre of the selfie.",
            advice: "Centre your face in the frame, looking straight at the camera, with your head and shoulders visible.",
            explain: "kyc-precheck checks how far the face centre is from the image centre. A face near the edge is often partly cut off or distorted by the lens.\n\nPlatforms need the face fully and clearly visible to match it with the document (Veriff 202 \"face not clearly visible\").\n\nHow to fix it: hold the phone straight in front of your face at eye level, keep your whole head and shoulders in frame, and take the selfie again.",
        },
        Code::IdNoPortrait => CodeText {
            title: "No portrait on ID front",
            message: "No portrait photo was found on the image given as the ID front; often the back side was uploaded as the front.",
            advice: "Check that id_front is the side with your photo (for a 身份证, the portrait side), and retake it if the portrait is covered by glare or your finger.",
            explain: "kyc-precheck looks for a face on the ID front. Most identity documents print the holder's photo on the front or data page; the usual reason for none is that the back was used as the front, or glare hides the portrait.\n\nPlatforms need the portrait to compare with your selfie; a front without one is rejected (Didit PORTRAIT_IMAGE_NOT_DETECTED, Onfido incorrect_side, Veriff 209 \"document photo missing\", Sumsub FRONT_SIDE_MISSING).\n\nHow to fix it: swap the files if the sides were mixed up. Otherwise retake the front without glare and with nothing covering the portrait.",
        },
    }
}
