//! Attack payloads: the ones sent for a finding (with the response they got), or catalogue
//! payloads (no finding).

use sea_orm::entity::prelude::*;

/// Attack family of a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_payload_category")]
pub enum DastPayloadCategory {
    #[sea_orm(string_value = "sqli")]
    Sqli,
    #[sea_orm(string_value = "xss")]
    Xss,
    #[sea_orm(string_value = "path_traversal")]
    PathTraversal,
    #[sea_orm(string_value = "command_injection")]
    CommandInjection,
    #[sea_orm(string_value = "ssrf")]
    Ssrf,
    #[sea_orm(string_value = "xxe")]
    Xxe,
    #[sea_orm(string_value = "ssti")]
    Ssti,
    #[sea_orm(string_value = "open_redirect")]
    OpenRedirect,
    #[sea_orm(string_value = "header_injection")]
    HeaderInjection,
    #[sea_orm(string_value = "other")]
    Other,
}

/// Encoding applied to the payload before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_payload_encoding")]
pub enum DastPayloadEncoding {
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "url")]
    Url,
    #[sea_orm(string_value = "html")]
    Html,
    #[sea_orm(string_value = "base64")]
    Base64,
    #[sea_orm(string_value = "unicode")]
    Unicode,
    #[sea_orm(string_value = "double_url")]
    DoubleUrl,
}

/// Where in the request the payload was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_payload_input_vector")]
pub enum DastPayloadInputVector {
    #[sea_orm(string_value = "query")]
    Query,
    #[sea_orm(string_value = "form")]
    Form,
    #[sea_orm(string_value = "json")]
    Json,
    #[sea_orm(string_value = "xml")]
    Xml,
    #[sea_orm(string_value = "header")]
    Header,
    #[sea_orm(string_value = "cookie")]
    Cookie,
    #[sea_orm(string_value = "path")]
    Path,
    #[sea_orm(string_value = "multipart")]
    Multipart,
    #[sea_orm(string_value = "graphql")]
    Graphql,
}

/// What the payload achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_payload_outcome")]
pub enum DastPayloadOutcome {
    #[sea_orm(string_value = "no_effect")]
    NoEffect,
    #[sea_orm(string_value = "anomaly")]
    Anomaly,
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_payloads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The finding the payload was sent for; null for catalogue payloads.
    pub vulnerability_id: Option<Uuid>,
    /// ZAP scan rule that uses the payload.
    pub plugin_id: Option<i32>,
    pub category: DastPayloadCategory,
    pub payload: String,
    #[sea_orm(default_value = "none")]
    pub encoding: DastPayloadEncoding,
    pub input_vector: Option<DastPayloadInputVector>,
    /// Parameter name the payload was injected into.
    pub parameter: Option<String>,
    /// HTTP status of the response.
    pub http_status: Option<i16>,
    pub response_time_ms: Option<i32>,
    pub matched_evidence: Option<String>,
    /// Null for catalogue payloads.
    pub outcome: Option<DastPayloadOutcome>,
    pub sent_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::dast_vulnerabilities::Entity",
        from = "Column::VulnerabilityId",
        to = "super::dast_vulnerabilities::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_payloads_vulnerability_id_fkey"
    )]
    Vulnerability,
}

impl Related<super::dast_vulnerabilities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vulnerability.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
