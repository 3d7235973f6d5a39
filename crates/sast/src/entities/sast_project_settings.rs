//! Generic project settings (SonarQube `PROPERTIES`): `sonar.*` keys with a value. Secured settings
//! (tokens, passwords) keep no clear value: only `value_encrypted`, which is never output.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_project_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Setting key, e.g. `sonar.coverage.exclusions`; unique per project.
    pub key: String,
    /// Clear value; always null for secured settings.
    pub value: Option<String>,
    /// Write-only setting: its value is kept only in `value_encrypted`.
    #[sea_orm(default_value = false)]
    pub is_secured: bool,
    /// Value of a secured setting, encrypted with `encryption_key_id`. Never output.
    pub value_encrypted: Option<Vec<u8>>,
    /// The key that encrypts `value_encrypted`. References `encryption_keys` (data_security
    /// crate), declared in the registration.
    pub encryption_key_id: Option<Uuid>,
    pub updated_by: Option<Uuid>,
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
        fk_name = "sast_project_settings_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::UpdatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_project_settings_updated_by_fkey"
    )]
    UpdatedBy,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UpdatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
