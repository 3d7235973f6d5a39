//! Security incidents (TheHive `Case`, DFIR-IRIS case): classification, markings, assignment,
//! life-cycle time marks and the SLA state of logic #8.

use sea_orm::entity::prelude::*;

/// Traffic Light Protocol 2.0 marking (also the default TLP of a playbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_tlp")]
pub enum IncidentTlp {
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    #[sea_orm(string_value = "GREEN")]
    Green,
    #[sea_orm(string_value = "AMBER")]
    Amber,
    #[sea_orm(string_value = "AMBER+STRICT")]
    AmberStrict,
    #[sea_orm(string_value = "RED")]
    Red,
}

/// Permissible Actions Protocol marking (also the default PAP of a playbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_pap")]
pub enum IncidentPap {
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    #[sea_orm(string_value = "GREEN")]
    Green,
    #[sea_orm(string_value = "AMBER")]
    Amber,
    #[sea_orm(string_value = "RED")]
    Red,
}

/// How the incident was resolved (TheHive `ResolutionStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_resolution")]
pub enum IncidentResolution {
    #[sea_orm(string_value = "TruePositive")]
    TruePositive,
    #[sea_orm(string_value = "FalsePositive")]
    FalsePositive,
    #[sea_orm(string_value = "Indeterminate")]
    Indeterminate,
    #[sea_orm(string_value = "Duplicated")]
    Duplicated,
    #[sea_orm(string_value = "Other")]
    Other,
}

/// Whether the incident had an impact (TheHive `ImpactStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_impact_status")]
pub enum IncidentImpactStatus {
    #[sea_orm(string_value = "NoImpact")]
    NoImpact,
    #[sea_orm(string_value = "WithImpact")]
    WithImpact,
    #[sea_orm(string_value = "NotApplicable")]
    NotApplicable,
}

/// Where the incident came from; with `source_ref` it identifies an imported alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_source")]
pub enum IncidentSource {
    #[sea_orm(string_value = "manual")]
    Manual,
    #[sea_orm(string_value = "siem")]
    Siem,
    #[sea_orm(string_value = "ids")]
    Ids,
    #[sea_orm(string_value = "edr")]
    Edr,
    #[sea_orm(string_value = "cloud")]
    Cloud,
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "rasp")]
    Rasp,
    #[sea_orm(string_value = "dlp")]
    Dlp,
    #[sea_orm(string_value = "threat_intel")]
    ThreatIntel,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Human id (`#123`), from the `incidents_number_seq` sequence.
    #[sea_orm(unique, default_expr = "Expr::cust(\"nextval('incidents_number_seq'::regclass)\")")]
    pub number: i32,
    pub title: String,
    pub description: Option<String>,
    /// Closing note.
    pub summary: Option<String>,
    /// TheHive scale: 1 Low, 2 Medium, 3 High, 4 Critical.
    #[sea_orm(default_value = 2)]
    pub severity: i16,
    pub priority_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
    pub status_id: Option<Uuid>,
    #[sea_orm(default_value = "AMBER")]
    pub tlp: IncidentTlp,
    #[sea_orm(default_value = "AMBER")]
    pub pap: IncidentPap,
    /// Flagged for attention.
    #[sea_orm(default_value = false)]
    pub flag: bool,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    /// Required to close; `Duplicated` requires `merged_into_id`.
    pub resolution: Option<IncidentResolution>,
    /// Required to close.
    pub impact_status: Option<IncidentImpactStatus>,
    pub assignee_id: Option<Uuid>,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub reviewer_id: Option<Uuid>,
    /// Who opened it; null for imported alerts.
    pub created_by: Option<Uuid>,
    #[sea_orm(default_value = "manual")]
    pub source: IncidentSource,
    /// Id of the alert in its source; unique together with `source` (idempotent import).
    pub source_ref: Option<String>,
    pub occurred_at: Option<DateTimeWithTimeZone>,
    /// Start of the SLA clock.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub detected_at: DateTimeWithTimeZone,
    pub reported_at: Option<DateTimeWithTimeZone>,
    /// First move out of `new`, or first assignment.
    pub acknowledged_at: Option<DateTimeWithTimeZone>,
    pub contained_at: Option<DateTimeWithTimeZone>,
    pub resolved_at: Option<DateTimeWithTimeZone>,
    pub closed_at: Option<DateTimeWithTimeZone>,
    /// `detected_at` + response SLA of the priority + paused time.
    pub response_due_at: Option<DateTimeWithTimeZone>,
    /// `detected_at` + resolution SLA of the priority + paused time.
    pub resolution_due_at: Option<DateTimeWithTimeZone>,
    /// Set by the SLA job, never cleared.
    #[sea_orm(default_value = false)]
    pub response_breached: bool,
    /// Set by the SLA job, never cleared.
    #[sea_orm(default_value = false)]
    pub resolution_breached: bool,
    /// Time spent in statuses that pause the SLA.
    #[sea_orm(default_value = 0)]
    pub sla_paused_seconds: i32,
    /// `[{data_type: ip|domain|url|hash|mail|filename|fqdn|user-agent|registry|other, data, ioc,
    /// sighted, tlp, tags, message}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub observables: Json,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub affected_assets: Json,
    /// The playbook applied on creation.
    pub playbook_id: Option<Uuid>,
    /// The incident this one was merged into (resolution `Duplicated`).
    pub merged_into_id: Option<Uuid>,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub custom_fields: Json,
    /// MITRE ATT&CK technique ids, e.g. `T1566.001`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mitre_techniques: Vec<String>,
    /// The imported alert as its source sent it.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::incident_priorities::Entity",
        from = "Column::PriorityId",
        to = "super::incident_priorities::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_priority_id_fkey"
    )]
    Priority,
    #[sea_orm(
        belongs_to = "super::incident_categories::Entity",
        from = "Column::CategoryId",
        to = "super::incident_categories::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_category_id_fkey"
    )]
    Category,
    #[sea_orm(
        belongs_to = "super::incident_statuses::Entity",
        from = "Column::StatusId",
        to = "super::incident_statuses::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_status_id_fkey"
    )]
    Status,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_assignee_id_fkey"
    )]
    Assignee,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ReviewerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_reviewer_id_fkey"
    )]
    Reviewer,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "super::response_playbooks::Entity",
        from = "Column::PlaybookId",
        to = "super::response_playbooks::Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_playbook_id_fkey"
    )]
    Playbook,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::MergedIntoId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "incidents_merged_into_id_fkey"
    )]
    MergedInto,
}

impl Related<super::incident_priorities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Priority.def()
    }
}

impl Related<super::incident_categories::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::incident_statuses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Status.def()
    }
}

impl Related<super::response_playbooks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Playbook.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
