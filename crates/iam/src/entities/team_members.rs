//! Membership of a user in a team, with a DefectDojo-style team role.

use sea_orm::entity::prelude::*;

/// Role of a member inside a team (DefectDojo role names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "team_member_role")]
pub enum TeamMemberRole {
    #[sea_orm(string_value = "owner")]
    Owner,
    #[sea_orm(string_value = "maintainer")]
    Maintainer,
    #[sea_orm(string_value = "writer")]
    Writer,
    #[sea_orm(string_value = "api_importer")]
    ApiImporter,
    #[sea_orm(string_value = "reader")]
    Reader,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "team_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub team_id: Uuid,
    pub user_id: Uuid,
    pub role: TeamMemberRole,
    /// Who added the member; null when added by the system or when that user is gone.
    pub added_by: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub joined_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::teams::Entity",
        from = "Column::TeamId",
        to = "super::teams::Column::Id",
        on_delete = "Cascade",
        fk_name = "team_members_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade",
        fk_name = "team_members_user_id_fkey"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::AddedBy",
        to = "super::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "team_members_added_by_fkey"
    )]
    AddedBy,
}

impl Related<super::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
