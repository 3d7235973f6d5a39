//! Row-level security, the backstop under the engine's own scoping: requests run as the role
//! `cybershield_app` (set per transaction), which owns nothing and does not bypass RLS, and every
//! team-scoped table gets one policy derived from the same catalog as the engine's predicates.
//! Applied after every migration run, so tables added later are covered without per-table code.

use sea_orm::{ConnectionTrait, DbErr};

use super::catalog::{Catalog, Scope, Table};
use super::sql::ident;

/// The role requests run as.
pub const APP_ROLE: &str = "cybershield_app";

/// The policy expression of a table: its team visible, or its parent visible (the parent's own
/// policy applies inside the subquery).
fn policy_expression(catalog: &Catalog, table: &Table) -> Option<String> {
    match &table.scope {
        Scope::Global => None,
        // The all-teams test first, inline: for an admin it decides every row without calling
        // the helper, a SQL function PostgreSQL cannot inline (it has a `SET`), once per row.
        Scope::Team(column) => Some(format!(
            "(current_setting('cybershield.all_teams', true) = 'on' OR cybershield_team_visible({}))",
            ident(column)
        )),
        Scope::Parent { column, parent } => {
            let parent = catalog.table(*parent);
            // Admins skip the lookup, so a missing parent is reported by the foreign key.
            Some(format!(
                "(current_setting('cybershield.all_teams', true) = 'on' OR {column} IS NULL \
                 OR EXISTS (SELECT 1 FROM {parent} p WHERE p.\"id\" = {table}.{column}))",
                column = ident(column),
                parent = ident(&parent.name),
                table = ident(&table.name)
            ))
        }
    }
}

/// The statements that (re)apply roles, grants and policies; idempotent.
pub fn statements(catalog: &Catalog) -> Vec<String> {
    let mut out = vec![
        format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN \
             CREATE ROLE {APP_ROLE} NOLOGIN NOBYPASSRLS; END IF; END $$"
        ),
        // The login role must be allowed to drop to the application role.
        format!("GRANT {APP_ROLE} TO CURRENT_USER"),
        format!("GRANT USAGE ON SCHEMA public TO {APP_ROLE}"),
        format!("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}"),
        "CREATE OR REPLACE FUNCTION cybershield_team_visible(team uuid) RETURNS boolean \
         LANGUAGE sql STABLE SET search_path = pg_catalog AS $$ \
         SELECT team IS NULL \
             OR current_setting('cybershield.all_teams', true) = 'on' \
             OR team = ANY (string_to_array(nullif(current_setting('cybershield.team_ids', true), ''), ',')::uuid[]) $$"
            .to_string(),
    ];
    for table in &catalog.tables {
        let name = ident(&table.name);
        // The audit trail is append-only for the application.
        let privileges = if table.family == crate::auth::Family::Audit {
            "SELECT, INSERT"
        } else {
            "SELECT, INSERT, UPDATE, DELETE"
        };
        out.push(format!("GRANT {privileges} ON {name} TO {APP_ROLE}"));
        out.push(format!("DROP POLICY IF EXISTS cybershield_team_scope ON {name}"));
        match policy_expression(catalog, table) {
            Some(expression) => {
                out.push(format!("ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"));
                out.push(format!(
                    "CREATE POLICY cybershield_team_scope ON {name} TO {APP_ROLE} USING ({expression}) WITH CHECK ({expression})"
                ));
            }
            None => out.push(format!("ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")),
        }
    }
    out
}

/// Applies [`statements`] in one transaction.
pub async fn apply(db: &sea_orm::DatabaseConnection, catalog: &Catalog) -> Result<(), DbErr> {
    use sea_orm::TransactionTrait;
    let tx = db.begin().await?;
    // Roles are cluster-wide: two databases migrating at once may race to create it.
    tx.execute_unprepared("SELECT pg_advisory_xact_lock(7243010)").await?;
    for statement in statements(catalog) {
        tx.execute_unprepared(&statement).await?;
    }
    tx.commit().await
}
