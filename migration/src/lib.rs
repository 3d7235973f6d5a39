//! The migrator: every domain's migrations, in dependency order.
//!
//! [`domains`] is **the one place to add a domain**: append `cybershield_<domain>::domain()` after
//! the domains it depends on (iam first, projects second, then the tool families). [`Migrator`]
//! reads it here; the gateway (schema assembly) and the test kit should take it from here too, so
//! that a domain listed once is migrated, served and tested.

use sea_orm_migration::sea_orm::DbErr;
use sea_orm_migration::{MigrationTrait, MigratorTrait};

/// Every domain, in dependency order (a domain comes after those whose tables it references).
pub fn domains() -> Vec<cybershield_core::Domain> {
    vec![
        cybershield_iam::domain(),
        cybershield_projects::domain(),
        cybershield_integrations::domain(),
        cybershield_compliance::domain(),
        cybershield_threat_intel::domain(),
        cybershield_incidents::domain(),
        cybershield_workflows::domain(),
        cybershield_analytics::domain(),
        cybershield_ai_ml::domain(),
        cybershield_email_security::domain(),
        cybershield_data_security::domain(),
        cybershield_endpoint::domain(),
        cybershield_cloud::domain(),
        cybershield_network::domain(),
        cybershield_sast::domain(),
        cybershield_dast::domain(),
        cybershield_rasp::domain(),
        cybershield_appsec::domain(),
    ]
}

/// Runs the migrations of [`domains`], concatenated in that order.
pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        domains().into_iter().flat_map(|domain| domain.migrations).collect()
    }
}

/// (Re)applies row-level security (the application role, grants and one policy per team-scoped
/// table) for every registered table. Run after every migration run: idempotent.
pub async fn apply_row_security(db: &sea_orm_migration::sea_orm::DatabaseConnection) -> Result<(), DbErr> {
    let tables = domains().into_iter().flat_map(|d| d.tables).collect();
    let catalog = cybershield_core::schema::Catalog::build(tables, Default::default()).map_err(DbErr::Custom)?;
    cybershield_core::schema::security::apply(db, &catalog).await
}
