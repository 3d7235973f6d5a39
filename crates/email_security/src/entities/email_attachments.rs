//! Attachments of analysed messages: file identity (hashes, magic type), static findings
//! (macros, encryption, YARA), sandbox and antivirus verdicts, extracted indicators.

use sea_orm::entity::prelude::*;

/// Verdict of the detonation sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_sandbox_verdict")]
pub enum EmailSandboxVerdict {
    #[sea_orm(string_value = "clean")]
    Clean,
    #[sea_orm(string_value = "suspicious")]
    Suspicious,
    #[sea_orm(string_value = "malicious")]
    Malicious,
    #[sea_orm(string_value = "unknown")]
    Unknown,
    #[sea_orm(string_value = "pending")]
    Pending,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "email_attachments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email_analysis_id: Uuid,
    pub filename: Option<String>,
    /// MIME type declared in the message.
    pub content_type: Option<String>,
    /// Type detected from the content (magic bytes), e.g. `application/x-dosexec`.
    pub detected_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// Hex digests of the content.
    pub md5: Option<String>,
    pub sha1: Option<String>,
    pub sha256: Option<String>,
    /// Office document with VBA/XLM macros.
    #[sea_orm(default_value = false)]
    pub has_macros: bool,
    /// Password-protected archive or document (cannot be scanned).
    #[sea_orm(default_value = false)]
    pub encrypted: bool,
    #[sea_orm(default_value = "pending")]
    pub sandbox_verdict: EmailSandboxVerdict,
    /// `[{engine, result}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub av_detections: Json,
    /// Names of the YARA rules that matched.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub yara_matches: Vec<String>,
    /// `[{type, value}]` indicators found in the file (URLs, domains, IPs, hashes).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub extracted_iocs: Json,
    /// The matching indicator in `threat_intelligence`, declared in the registration (the
    /// threat_intel crate is not a dependency).
    pub threat_intel_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::email_analyses::Entity",
        from = "Column::EmailAnalysisId",
        to = "super::email_analyses::Column::Id",
        on_delete = "Cascade",
        fk_name = "email_attachments_email_analysis_id_fkey"
    )]
    EmailAnalysis,
}

impl Related<super::email_analyses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EmailAnalysis.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
