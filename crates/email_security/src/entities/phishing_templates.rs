//! Phishing simulation templates: the GoPhish `Template` (the e-mail) merged with its landing
//! `Page` (the credential-capture page the lure links to).

use sea_orm::entity::prelude::*;

/// How hard the lure is to spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "phishing_template_difficulty")]
pub enum PhishingTemplateDifficulty {
    #[sea_orm(string_value = "easy")]
    Easy,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "hard")]
    Hard,
}

/// What the recipient is lured into doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "phishing_lure_type")]
pub enum PhishingLureType {
    #[sea_orm(string_value = "credential_harvest")]
    CredentialHarvest,
    #[sea_orm(string_value = "attachment")]
    Attachment,
    #[sea_orm(string_value = "link")]
    Link,
    #[sea_orm(string_value = "callback")]
    Callback,
    #[sea_orm(string_value = "qr")]
    Qr,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "phishing_templates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub name: String,
    pub subject: Option<String>,
    /// SMTP envelope sender (`MAIL FROM`); must parse as an address when set.
    pub envelope_sender: Option<String>,
    /// Plain-text body; at least one of `text_body` and `html_body` is set.
    pub text_body: Option<String>,
    pub html_body: Option<String>,
    /// `[{name, content_type, storage_uri}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub attachments: Json,
    /// Landing page HTML (GoPhish `Page.html`).
    pub page_html: Option<String>,
    /// The landing page records submitted form fields.
    #[sea_orm(default_value = false)]
    pub capture_credentials: bool,
    /// Password fields are kept too (requires `capture_credentials`); otherwise dropped.
    #[sea_orm(default_value = false)]
    pub capture_passwords: bool,
    /// Where the landing page sends the recipient after a submission.
    pub redirect_url: Option<String>,
    pub difficulty: Option<PhishingTemplateDifficulty>,
    pub lure_type: Option<PhishingLureType>,
    /// BCP 47 language tag, e.g. `en`, `fr-FR`.
    pub language: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    /// Last edit of the content (GoPhish `modified_date`).
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub modified_at: DateTimeWithTimeZone,
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
        fk_name = "phishing_templates_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "phishing_templates_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
