//! Security-sensitive code that needs a human review (SonarQube hotspots): `TO_REVIEW`, then
//! `REVIEWED` with a resolution.

use sea_orm::entity::prelude::*;

/// Likelihood that a hotspot is a vulnerability, from its security category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_vulnerability_probability")]
pub enum SastVulnerabilityProbability {
    #[sea_orm(string_value = "HIGH")]
    High,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "LOW")]
    Low,
}

/// Review state of a hotspot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_hotspot_status")]
pub enum SastHotspotStatus {
    #[sea_orm(string_value = "TO_REVIEW")]
    ToReview,
    #[sea_orm(string_value = "REVIEWED")]
    Reviewed,
}

/// Outcome of a hotspot review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_hotspot_resolution")]
pub enum SastHotspotResolution {
    #[sea_orm(string_value = "FIXED")]
    Fixed,
    #[sea_orm(string_value = "SAFE")]
    Safe,
    #[sea_orm(string_value = "ACKNOWLEDGED")]
    Acknowledged,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_security_hotspots")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Hotspot key (unique).
    #[sea_orm(unique)]
    pub key: String,
    pub project_id: Uuid,
    pub rule_id: Uuid,
    /// Analysis that raised the hotspot.
    pub scan_id: Option<Uuid>,
    pub component_path: Option<String>,
    pub line: Option<i32>,
    pub message: Option<String>,
    /// SonarQube security category: `sql-injection`, `command-injection`, `xss`, `csrf`,
    /// `auth`, `weak-cryptography`, `insecure-conf`…
    pub security_category: Option<String>,
    pub vulnerability_probability: SastVulnerabilityProbability,
    #[sea_orm(default_value = "TO_REVIEW")]
    pub status: SastHotspotStatus,
    /// Set exactly when the status is REVIEWED.
    pub resolution: Option<SastHotspotResolution>,
    pub assignee_id: Option<Uuid>,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTimeWithTimeZone>,
    pub review_comment: Option<String>,
    pub author_login: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::integer[]\")")]
    pub cwe_ids: Vec<i32>,
    /// Tool-native payload, kept so imports are lossless.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_security_hotspots_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::sast_rules::Entity",
        from = "Column::RuleId",
        to = "super::sast_rules::Column::Id",
        on_delete = "Restrict",
        fk_name = "sast_security_hotspots_rule_id_fkey"
    )]
    Rule,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_security_hotspots_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_security_hotspots_assignee_id_fkey"
    )]
    Assignee,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ReviewedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_security_hotspots_reviewed_by_fkey"
    )]
    ReviewedBy,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::sast_rules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Rule.def()
    }
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
