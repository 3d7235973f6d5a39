//! People who log in to CyberShield.

use sea_orm::entity::prelude::*;

/// Platform role of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "user_role")]
pub enum UserRole {
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "security_manager")]
    SecurityManager,
    #[sea_orm(string_value = "analyst")]
    Analyst,
    #[sea_orm(string_value = "developer")]
    Developer,
    #[sea_orm(string_value = "auditor")]
    Auditor,
    #[sea_orm(string_value = "viewer")]
    Viewer,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "custom(\"citext\")", unique)]
    pub email: String,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: Option<String>,
    pub password_hash: Option<String>,
    pub role: UserRole,
    #[sea_orm(default_value = true)]
    pub is_active: bool,
    #[sea_orm(column_type = "Inet", nullable)]
    pub last_login_ip: Option<String>,
    pub last_login_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
