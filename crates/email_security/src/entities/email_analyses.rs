//! Messages under analysis: reported by users, flagged by the mail gateway, submitted through
//! the API or found by a mailbox scan; headers, authentication results, URLs and a verdict.

use sea_orm::entity::prelude::*;

/// Result of an SPF, DKIM or DMARC check (RFC 8601 `Authentication-Results` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_auth_result")]
pub enum EmailAuthResult {
    #[sea_orm(string_value = "pass")]
    Pass,
    #[sea_orm(string_value = "fail")]
    Fail,
    #[sea_orm(string_value = "softfail")]
    Softfail,
    #[sea_orm(string_value = "neutral")]
    Neutral,
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "temperror")]
    Temperror,
    #[sea_orm(string_value = "permerror")]
    Permerror,
}

/// Outcome of the analysis; null while it is pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_verdict")]
pub enum EmailVerdict {
    #[sea_orm(string_value = "clean")]
    Clean,
    #[sea_orm(string_value = "spam")]
    Spam,
    #[sea_orm(string_value = "phishing")]
    Phishing,
    #[sea_orm(string_value = "malware")]
    Malware,
    /// Business e-mail compromise.
    #[sea_orm(string_value = "bec")]
    Bec,
    #[sea_orm(string_value = "suspicious")]
    Suspicious,
    /// One of our own phishing simulations (see `phishing_result_id`).
    #[sea_orm(string_value = "simulation")]
    Simulation,
}

/// How the message reached the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_analysis_source")]
pub enum EmailAnalysisSource {
    #[sea_orm(string_value = "user_report")]
    UserReport,
    #[sea_orm(string_value = "gateway")]
    Gateway,
    #[sea_orm(string_value = "api")]
    Api,
    #[sea_orm(string_value = "mailbox_scan")]
    MailboxScan,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "email_analyses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    /// RFC 5322 `Message-ID`.
    pub message_id: Option<String>,
    pub received_at: Option<DateTimeWithTimeZone>,
    /// Address of the `From` header.
    pub from_address: Option<String>,
    /// Display name of the `From` header.
    pub from_display: Option<String>,
    pub reply_to: Option<String>,
    /// `Return-Path` (envelope sender).
    pub return_path: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub to_addresses: Vec<String>,
    pub subject: Option<String>,
    /// Address of the last external hop.
    #[sea_orm(column_type = "Inet", nullable)]
    pub sender_ip: Option<IpNetwork>,
    pub spf: Option<EmailAuthResult>,
    pub dkim: Option<EmailAuthResult>,
    pub dmarc: Option<EmailAuthResult>,
    /// Headers in order: `[{name, value}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub headers: Json,
    /// Start of the text body, for triage.
    pub body_excerpt: Option<String>,
    /// `[{url, domain, reputation, redirect_chain}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub urls: Json,
    #[sea_orm(default_value = 0)]
    pub attachment_count: i32,
    pub verdict: Option<EmailVerdict>,
    /// Maliciousness 0–100.
    pub score: Option<i16>,
    /// Why the verdict was reached, e.g. `dmarc_fail`, `lookalike_domain`, `known_bad_url`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub reasons: Vec<String>,
    pub source: EmailAnalysisSource,
    /// The user who reported the message (`user_report`).
    pub reporter_user_id: Option<Uuid>,
    /// The simulation result this report belongs to, when the message was one of ours.
    pub phishing_result_id: Option<Uuid>,
    /// The incident opened for it, declared in the registration (the incidents crate is not a
    /// dependency).
    pub incident_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_analyses_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ReporterUserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_analyses_reporter_user_id_fkey"
    )]
    ReporterUser,
    #[sea_orm(
        belongs_to = "super::phishing_results::Entity",
        from = "Column::PhishingResultId",
        to = "super::phishing_results::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_analyses_phishing_result_id_fkey"
    )]
    PhishingResult,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReporterUser.def()
    }
}

impl Related<super::phishing_results::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PhishingResult.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
