//! Managed endpoints (laptops, desktops, servers, mobiles), their owner and enrolment.

use sea_orm::entity::prelude::*;

/// Operating system family of a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_os_platform")]
pub enum DeviceOsPlatform {
    #[sea_orm(string_value = "windows")]
    Windows,
    #[sea_orm(string_value = "macos")]
    Macos,
    #[sea_orm(string_value = "linux")]
    Linux,
    #[sea_orm(string_value = "ios")]
    Ios,
    #[sea_orm(string_value = "android")]
    Android,
    #[sea_orm(string_value = "chromeos")]
    Chromeos,
}

/// Management enrolment state of a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_enrollment")]
pub enum DeviceEnrollment {
    #[sea_orm(string_value = "enrolled")]
    Enrolled,
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "unenrolled")]
    Unenrolled,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "devices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub hostname: String,
    /// SMBIOS / platform UUID of the hardware.
    #[sea_orm(unique)]
    pub hardware_uuid: Option<Uuid>,
    pub serial: Option<String>,
    pub device_type_id: Option<Uuid>,
    pub os_platform: Option<DeviceOsPlatform>,
    pub os_version: Option<String>,
    pub os_build: Option<String>,
    pub cpu: Option<String>,
    pub memory_mb: Option<i32>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub primary_ip: Option<IpNetwork>,
    /// MAC-48, lower-case colon-separated hex (`00:1a:2b:3c:4d:5e`).
    pub primary_mac: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_iam_user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// Null until the agent reports it.
    pub disk_encrypted: Option<bool>,
    #[sea_orm(default_value = "pending")]
    pub enrollment: DeviceEnrollment,
    pub last_seen_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::device_types::Entity",
        from = "Column::DeviceTypeId",
        to = "super::device_types::Column::Id",
        on_delete = "SetNull",
        fk_name = "devices_device_type_id_fkey"
    )]
    DeviceType,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::OwnerUserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "devices_owner_user_id_fkey"
    )]
    OwnerUser,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::OwnerIamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "devices_owner_iam_user_id_fkey"
    )]
    OwnerIamUser,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "devices_team_id_fkey"
    )]
    Team,
}

impl Related<super::device_types::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DeviceType.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerUser.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerIamUser.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
