//! Causes of a rejection that no local check can see: the platform decides them with data or a
//! capture step that never reaches this tool. Their text (both languages) is in
//! `messages::diagnose`.

use serde::Serialize;

/// A reason a platform may reject a submission that lies outside a local check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutsideCause {
    /// Still in the review queue, or stopped by the platform's process (attempt limits).
    ReviewBacklog,
    /// Sanctions, PEP, restricted regions or IP addresses, fraud scores.
    RiskCompliance,
    /// The selfie compared with the document's portrait.
    FaceMatch,
    /// Live capture: video, blink and head-turn prompts.
    Liveness,
    /// A document type or issuing country the platform does not accept.
    DocumentNotAccepted,
    /// The document, face or device already belongs to another account.
    DuplicateAccount,
    /// Damaged, worn, unsigned or covered document: judged by a reviewer, not by file metrics.
    DocumentCondition,
    /// A colour photocopy, printout or photo of a screen instead of the physical document.
    NotOriginal,
    /// Registers and databases, proof of address, additional documents.
    ExternalData,
}

impl OutsideCause {
    /// Every cause, in the order reports list them.
    pub const ALL: [OutsideCause; 9] = [
        OutsideCause::ReviewBacklog,
        OutsideCause::RiskCompliance,
        OutsideCause::FaceMatch,
        OutsideCause::Liveness,
        OutsideCause::DocumentNotAccepted,
        OutsideCause::DuplicateAccount,
        OutsideCause::DocumentCondition,
        OutsideCause::NotOriginal,
        OutsideCause::ExternalData,
    ];

    /// The stable identifier used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            OutsideCause::ReviewBacklog => "review_backlog",
            OutsideCause::RiskCompliance => "risk_compliance",
            OutsideCause::FaceMatch => "face_match",
            OutsideCause::Liveness => "liveness",
            OutsideCause::DocumentNotAccepted => "document_not_accepted",
            OutsideCause::DuplicateAccount => "duplicate_account",
            OutsideCause::DocumentCondition => "document_condition",
            OutsideCause::NotOriginal => "not_original",
            OutsideCause::ExternalData => "external_data",
        }
    }
}
