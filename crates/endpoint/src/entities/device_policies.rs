//! USBGuard-style device control rules. Enabled rules are evaluated by ascending `priority`;
//! the first one whose match attributes and scope fit the device wins; when none does, the
//! rule set's `default_target` applies (USBGuard's implicit default is `block`).

use sea_orm::entity::prelude::*;

/// What a matching rule does with the device (USBGuard rule targets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_policy_target")]
pub enum DevicePolicyTarget {
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "reject")]
    Reject,
}

/// Access granted to an allowed storage device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_policy_access")]
pub enum DevicePolicyAccess {
    #[sea_orm(string_value = "full")]
    Full,
    #[sea_orm(string_value = "read_only")]
    ReadOnly,
    #[sea_orm(string_value = "no_execute")]
    NoExecute,
}

/// Target applied when no rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_policy_default_target")]
pub enum DevicePolicyDefaultTarget {
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "block")]
    Block,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "device_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    /// Evaluation order, lowest first; the first matching rule wins.
    #[sea_orm(default_value = 100)]
    pub priority: i32,
    pub target: DevicePolicyTarget,
    #[sea_orm(default_value = "full")]
    pub access: DevicePolicyAccess,
    /// Match: device type.
    pub device_type_id: Option<Uuid>,
    /// Match: USB `vendor:product`, wildcards allowed (`1d6b:*`).
    pub vendor_product: Option<String>,
    /// Match: device serial number.
    pub serial: Option<String>,
    /// Match: device name pattern.
    pub name_pattern: Option<String>,
    /// Match: USBGuard device hash (of its descriptors; public, not a secret).
    pub hash: Option<String>,
    /// Match: port the device is attached through.
    pub via_port: Option<String>,
    /// Match: interface classes, `class:subclass:protocol` with wildcards (`08:*:*`).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub with_interface: Vec<String>,
    /// Scope: teams the rule applies to (empty = all).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::uuid[]\")")]
    pub team_ids: Vec<Uuid>,
    /// Scope: devices the rule applies to (empty = all).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::uuid[]\")")]
    pub device_ids: Vec<Uuid>,
    /// Scope: operating systems the rule applies to (empty = all); values of `DeviceOsPlatform`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub os_platforms: Vec<String>,
    #[sea_orm(default_value = "block")]
    pub default_target: DevicePolicyDefaultTarget,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
    /// Tell the user when the rule blocks a device.
    #[sea_orm(default_value = false)]
    pub notify_user: bool,
    pub created_by: Option<Uuid>,
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
        fk_name = "device_policies_device_type_id_fkey"
    )]
    DeviceType,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "device_policies_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<super::device_types::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DeviceType.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
