//! Single-use MFA recovery codes, stored hashed; generating a new batch invalidates the old one.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_backup_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// One generation of codes.
    pub batch_id: Uuid,
    /// argon2id hash of the code (the plaintext is shown once). Never output.
    pub code_hash: String,
    pub used_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub used_ip: Option<IpNetwork>,
    /// Set when a newer batch replaced this one.
    pub invalidated_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade",
        fk_name = "mfa_backup_codes_user_id_fkey"
    )]
    User,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
