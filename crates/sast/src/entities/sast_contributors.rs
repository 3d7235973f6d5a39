//! SCM authors of a project (SonarQube `SCM_ACCOUNTS` + issue authors), optionally mapped to a
//! platform user, with their issue counters.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_contributors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Author name as the SCM knows it; unique per project.
    pub scm_login: String,
    /// Author e-mail, compared case-insensitively (`citext`).
    #[sea_orm(column_type = "custom(\"citext\")", nullable)]
    pub email: Option<String>,
    pub name: Option<String>,
    /// Platform user this author is mapped to.
    pub user_id: Option<Uuid>,
    #[sea_orm(default_value = 0)]
    pub commits: i32,
    #[sea_orm(default_value = 0)]
    pub issues_introduced: i32,
    #[sea_orm(default_value = 0)]
    pub issues_fixed: i32,
    #[sea_orm(default_value = 0)]
    pub open_vulnerabilities: i32,
    pub first_commit_at: Option<DateTimeWithTimeZone>,
    pub last_commit_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "sast_contributors_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::UserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_contributors_user_id_fkey"
    )]
    User,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
