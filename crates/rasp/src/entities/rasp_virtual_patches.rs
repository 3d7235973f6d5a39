//! Virtual patches: request matchers the agents enforce until the code is fixed.

use sea_orm::entity::prelude::*;

/// What the agent does with a matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_virtual_patch_action")]
pub enum RaspVirtualPatchAction {
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "log")]
    Log,
}

/// Lifecycle of a virtual patch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_virtual_patch_status")]
pub enum RaspVirtualPatchStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "disabled")]
    Disabled,
    #[sea_orm(string_value = "expired")]
    Expired,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_virtual_patches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// The protected application; null = every application.
    pub app_id: Option<Uuid>,
    /// The runtime vulnerability the patch shields.
    pub vulnerability_id: Option<Uuid>,
    /// e.g. `CVE-2021-44228`.
    pub cve_id: Option<String>,
    /// Request matcher: `{url_regex, methods[], param, value_regex, header}`.
    #[sea_orm(column_type = "JsonBinary")]
    pub r#match: Json,
    #[sea_orm(default_value = "block")]
    pub action: RaspVirtualPatchAction,
    #[sea_orm(default_value = "draft")]
    pub status: RaspVirtualPatchStatus,
    pub expires_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = 0)]
    pub hit_count: i32,
    pub last_hit_at: Option<DateTimeWithTimeZone>,
    pub approved_by: Option<Uuid>,
    pub approved_at: Option<DateTimeWithTimeZone>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::AppId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_virtual_patches_app_id_fkey"
    )]
    App,
    #[sea_orm(
        belongs_to = "super::rasp_vulnerabilities::Entity",
        from = "Column::VulnerabilityId",
        to = "super::rasp_vulnerabilities::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_virtual_patches_vulnerability_id_fkey"
    )]
    Vulnerability,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ApprovedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_virtual_patches_approved_by_fkey"
    )]
    ApprovedBy,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_virtual_patches_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::App.def()
    }
}

impl Related<super::rasp_vulnerabilities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vulnerability.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
