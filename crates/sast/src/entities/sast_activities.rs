//! Project activity feed (SonarQube `EVENTS` + `ISSUE_CHANGES` + `AUDITS`): analyses, gate changes,
//! issue transitions, hotspot reviews, setting and permission changes. Append-only.

use sea_orm::entity::prelude::*;

/// Kind of project activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_activity_type")]
pub enum SastActivityType {
    #[sea_orm(string_value = "ANALYSIS")]
    Analysis,
    #[sea_orm(string_value = "VERSION")]
    Version,
    #[sea_orm(string_value = "QUALITY_GATE")]
    QualityGate,
    #[sea_orm(string_value = "QUALITY_PROFILE")]
    QualityProfile,
    #[sea_orm(string_value = "DEFINITION_CHANGE")]
    DefinitionChange,
    #[sea_orm(string_value = "ISSUE_TRANSITION")]
    IssueTransition,
    #[sea_orm(string_value = "ISSUE_ASSIGN")]
    IssueAssign,
    #[sea_orm(string_value = "ISSUE_COMMENT")]
    IssueComment,
    #[sea_orm(string_value = "HOTSPOT_REVIEW")]
    HotspotReview,
    #[sea_orm(string_value = "SETTING_CHANGE")]
    SettingChange,
    #[sea_orm(string_value = "PERMISSION_CHANGE")]
    PermissionChange,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Who acted; null for analyses and other system events.
    pub actor_id: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub occurred_at: DateTimeWithTimeZone,
    pub activity_type: SastActivityType,
    /// Kind of the changed object: `issue`, `hotspot`, `setting`, `permission`…
    pub entity_type: Option<String>,
    /// Id of the changed object.
    pub entity_id: Option<Uuid>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub old_value: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub new_value: Option<Json>,
    pub comment: Option<String>,
    pub scan_id: Option<Uuid>,
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
        fk_name = "sast_activities_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ActorId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_activities_actor_id_fkey"
    )]
    Actor,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_activities_scan_id_fkey"
    )]
    Scan,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Actor.def()
    }
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
