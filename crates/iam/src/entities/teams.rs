//! Teams: the unit of ownership and row scoping, optionally nested.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "teams")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    /// URL-safe short name.
    #[sea_orm(unique)]
    pub slug: String,
    pub description: Option<String>,
    /// Parent team in the organisation tree (never the team itself).
    pub parent_team_id: Option<Uuid>,
    pub lead_user_id: Option<Uuid>,
    pub contact_email: Option<String>,
    /// Chat channel for notifications, e.g. `#appsec`.
    pub chat_channel: Option<String>,
    pub business_unit: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentTeamId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "teams_parent_team_id_fkey"
    )]
    ParentTeam,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::LeadUserId",
        to = "super::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "teams_lead_user_id_fkey"
    )]
    LeadUser,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LeadUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
