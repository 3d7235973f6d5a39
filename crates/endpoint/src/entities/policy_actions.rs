//! Enforcement outcomes of device control rules; a null `policy_id` means the rule set's
//! default target applied.

use sea_orm::entity::prelude::*;

/// The enforcement step taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "policy_action_type")]
pub enum PolicyActionType {
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "reject")]
    Reject,
    #[sea_orm(string_value = "read_only")]
    ReadOnly,
    #[sea_orm(string_value = "log")]
    Log,
    #[sea_orm(string_value = "notify")]
    Notify,
    #[sea_orm(string_value = "isolate_host")]
    IsolateHost,
}

/// Whether the step took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "policy_action_result")]
pub enum PolicyActionResult {
    #[sea_orm(string_value = "applied")]
    Applied,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "overridden")]
    Overridden,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "policy_actions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub policy_id: Option<Uuid>,
    pub device_id: Uuid,
    /// The event that triggered the enforcement.
    pub device_event_id: Option<Uuid>,
    pub action: PolicyActionType,
    #[sea_orm(default_value = "applied")]
    pub result: PolicyActionResult,
    pub reason: Option<String>,
    /// The user who overrode the decision (`result = overridden`).
    pub override_by: Option<Uuid>,
    pub override_justification: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub acted_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::device_policies::Entity",
        from = "Column::PolicyId",
        to = "super::device_policies::Column::Id",
        on_delete = "SetNull",
        fk_name = "policy_actions_policy_id_fkey"
    )]
    Policy,
    #[sea_orm(
        belongs_to = "super::devices::Entity",
        from = "Column::DeviceId",
        to = "super::devices::Column::Id",
        on_delete = "Cascade",
        fk_name = "policy_actions_device_id_fkey"
    )]
    Device,
    #[sea_orm(
        belongs_to = "super::device_events::Entity",
        from = "Column::DeviceEventId",
        to = "super::device_events::Column::Id",
        on_delete = "SetNull",
        fk_name = "policy_actions_device_event_id_fkey"
    )]
    DeviceEvent,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::OverrideBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "policy_actions_override_by_fkey"
    )]
    OverrideBy,
}

impl Related<super::device_policies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Policy.def()
    }
}

impl Related<super::devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl Related<super::device_events::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DeviceEvent.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OverrideBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
