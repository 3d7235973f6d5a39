//! Status history of devices: one row per report; the latest row of a device is its current
//! status (written by the agents and by the liveness job of logic #11).

use sea_orm::entity::prelude::*;

/// Reported state of a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_status_state")]
pub enum DeviceStatusState {
    #[sea_orm(string_value = "online")]
    Online,
    #[sea_orm(string_value = "offline")]
    Offline,
    #[sea_orm(string_value = "isolated")]
    Isolated,
    #[sea_orm(string_value = "quarantined")]
    Quarantined,
    #[sea_orm(string_value = "decommissioned")]
    Decommissioned,
}

/// Compliance verdict of the device's posture checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_compliance")]
pub enum DeviceCompliance {
    #[sea_orm(string_value = "compliant")]
    Compliant,
    #[sea_orm(string_value = "non_compliant")]
    NonCompliant,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "device_status")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub device_id: Uuid,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub reported_at: DateTimeWithTimeZone,
    pub status: DeviceStatusState,
    #[sea_orm(default_value = "unknown")]
    pub compliance: DeviceCompliance,
    /// Posture checks: `{disk_encrypted, firewall_on, av_running, os_patch_age_days, screen_lock}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub checks: Json,
    pub agent_version: Option<String>,
    /// 0–100.
    pub risk_score: Option<i16>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::devices::Entity",
        from = "Column::DeviceId",
        to = "super::devices::Column::Id",
        on_delete = "Cascade",
        fk_name = "device_status_device_id_fkey"
    )]
    Device,
}

impl Related<super::devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
