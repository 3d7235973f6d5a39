//! Project permissions (SonarQube `USER_ROLES` / `GROUP_ROLES`), granted to a user or to a team
//! (exactly one of them).

use sea_orm::entity::prelude::*;

/// Project permission (SonarQube project permission keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_permission")]
pub enum SastPermission {
    #[sea_orm(string_value = "user")]
    User,
    #[sea_orm(string_value = "codeviewer")]
    Codeviewer,
    #[sea_orm(string_value = "issueadmin")]
    Issueadmin,
    #[sea_orm(string_value = "securityhotspotadmin")]
    Securityhotspotadmin,
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "scan")]
    Scan,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_project_permissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Grantee user (exactly one of `user_id` and `team_id`).
    pub user_id: Option<Uuid>,
    /// Grantee team (exactly one of `user_id` and `team_id`).
    pub team_id: Option<Uuid>,
    pub permission: SastPermission,
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
        fk_name = "sast_project_permissions_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::UserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_project_permissions_user_id_fkey"
    )]
    User,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_project_permissions_team_id_fkey"
    )]
    Team,
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

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
