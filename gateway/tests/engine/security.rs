//! Authorisation in the engine: anonymous requests, the role policy walked for every family,
//! team scoping (BOLA) for every team-scoped table, sensitive fields, admin operations and MFA.

use cybershield_core::auth::{Family, Operation, POLICY, Role, allowed};
use cybershield_core::schema::SchemaConfig;
use cybershield_core::schema::catalog::{Catalog, Scope, Table};
use serde_json::{Value, json};

use crate::harness::Harness;

fn catalog() -> Catalog {
    let defs = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
    Catalog::build(defs, SchemaConfig::default()).expect("catalog")
}

#[tokio::test]
async fn anonymous_requests_get_only_health_and_typename() {
    let h = Harness::new().await;
    let anonymous = h.as_viewer(None);
    assert_eq!(anonymous.error_code("{ projects { nodes { id } } }", json!({})).await, "UNAUTHENTICATED");
    assert_eq!(
        anonymous.error_code("mutation { createProject(input: {name: \"x\"}) { id } }", json!({})).await,
        "UNAUTHENTICATED"
    );
    assert_eq!(anonymous.error_code("{ projectsAggregate { count } }", json!({})).await, "UNAUTHENTICATED");
    anonymous.ok("{ __typename health { tableCount } }", json!({})).await;
    assert_eq!(h.count("projects").await, 0);
}

#[tokio::test]
async fn a_session_that_has_not_passed_mfa_can_do_nothing() {
    let h = Harness::new().await;
    let mut viewer = h.sign_in(Role::Analyst, &[]).await;
    viewer.mfa_verified = false;
    assert_eq!(
        h.as_viewer(Some(viewer)).error_code("{ projects { nodes { id } } }", json!({})).await,
        "UNAUTHENTICATED"
    );
}

/// A table of `family` for each kind of check: creatable where the operation needs it.
fn representative(catalog: &Catalog, family: Family) -> Option<&Table> {
    let preferred = match family {
        Family::Data => "projects",
        Family::Reference => "device_types",
        Family::Identity => "teams",
        Family::Sessions => "iam_sessions",
        Family::Audit => "iam_audit_logs",
        Family::Secrets => "external_integrations",
    };
    catalog.table_by_name(preferred).filter(|t| t.family == family)
}

#[tokio::test]
async fn the_policy_table_is_what_the_api_enforces() {
    let h = Harness::new().await;
    let catalog = catalog();
    let mut checked = 0;
    for (role, rules) in POLICY {
        let viewer = h.sign_in(*role, &[]).await;
        let acting = h.as_viewer(Some(viewer));
        for (family, _) in rules {
            let table = representative(&catalog, *family).expect("a table of each family");
            let names = &table.names;
            // A row to read, update and delete, made by the (MFA-enrolled) admin harness.
            let id = admin_row(&h, table).await;
            for operation in Operation::ALL {
                let expected = allowed(*role, *family, operation);
                let (query, variables) = match operation {
                    Operation::Read => {
                        (format!("query($id: UUID!) {{ {}(id: $id) {{ id }} }}", names.single_field), json!({"id": id}))
                    }
                    Operation::Create if !table.creatable() => continue,
                    Operation::Create => (
                        format!(
                            "mutation($i: {}!) {{ create{}(input: $i) {{ id }} }}",
                            names.create_input(),
                            names.type_name
                        ),
                        json!({"i": fresh_input(table)}),
                    ),
                    Operation::Update => (
                        format!(
                            "mutation($id: UUID!) {{ update{}(id: $id, set: {{ {} }}) {{ id }} }}",
                            names.type_name,
                            harmless_set(table)
                        ),
                        json!({"id": id}),
                    ),
                    Operation::Delete => (
                        format!("mutation($id: UUID!) {{ delete{}(id: $id) {{ id }} }}", names.type_name),
                        json!({"id": id}),
                    ),
                };
                let response = acting.run(&query, variables).await;
                let code = response["errors"][0]["extensions"]["code"].as_str();
                if expected {
                    assert!(code.is_none(), "{role:?} may {operation:?} {}: {response}", table.name);
                } else {
                    assert_eq!(code, Some("FORBIDDEN"), "{role:?} may not {operation:?} {}: {response}", table.name);
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 6 * 6 * 3, "walked {checked} cells");
}

/// A row of `table` made as the admin (or by SQL where the API offers no create).
async fn admin_row(h: &Harness, table: &Table) -> String {
    let names = &table.names;
    if table.creatable() {
        let query =
            format!("mutation($i: {}!) {{ create{}(input: $i) {{ id }} }}", names.create_input(), names.type_name);
        let data = h.ok(&query, json!({"i": fresh_input(table)})).await;
        return data[format!("create{}", names.type_name)]["id"].as_str().expect("id").to_string();
    }
    let user = h.sign_in(Role::Viewer, &[]).await;
    match table.name.as_str() {
        "iam_sessions" => user.session_id.to_string(),
        "iam_audit_logs" => {
            let id = uuid::Uuid::now_v7();
            h.execute_sql(&format!(
                "INSERT INTO iam_audit_logs (id, occurred_at, actor_type, category, event_type, success, details)
                 VALUES ('{id}', now(), 'system', 'security', 'TEST', true, '{{}}')"
            ))
            .await;
            id.to_string()
        }
        other => panic!("no way to make a {other} row"),
    }
}

/// A valid create input for the representative tables (unique values fresh).
fn fresh_input(table: &Table) -> Value {
    let n = uuid::Uuid::now_v7().simple().to_string();
    match table.name.as_str() {
        "projects" => json!({"name": format!("p-{n}")}),
        "teams" => json!({"name": format!("t-{n}"), "slug": format!("t-{n}")}),
        "device_types" => json!({"key": format!("k_{n}"), "name": format!("d-{n}"), "category": "ENDPOINT"}),
        "external_integrations" => json!({"name": format!("i-{n}"), "vendor": "splunk", "category": "SIEM"}),
        other => panic!("no input for {other}"),
    }
}

/// An update that changes nothing a CHECK cares about.
fn harmless_set(table: &Table) -> String {
    let column = table
        .columns
        .iter()
        .find(|c| c.writable() && c.def.name == "description")
        .or_else(|| {
            table
                .columns
                .iter()
                .find(|c| c.writable() && c.def.nullable && matches!(c.kind(), cybershield_core::ColumnKind::Text))
        })
        .expect("a text column to update");
    format!("{}: \"checked\"", column.field)
}

/// BOLA: for every team-scoped table, a row of team Blue is invisible and untouchable for a
/// member of team Red — list, by id, aggregate, relation, update, delete — and visible to Blue.
#[tokio::test]
async fn rows_of_another_team_are_out_of_reach_for_every_scoped_table() {
    let h = Harness::new().await;
    let catalog = catalog();
    let red = h.team("Red").await;
    let blue = h.team("Blue").await;
    let red_analyst = h.sign_in(Role::Analyst, std::slice::from_ref(&red)).await;
    let blue_analyst = h.sign_in(Role::Analyst, std::slice::from_ref(&blue)).await;
    // One project of Blue; children of it are Blue's through their parent.
    let blue_project = h.project("blue-project", Some(&blue)).await;
    h.ok(
        "mutation($p: UUID!) { createProjectScan(input: {projectId: $p, name: \"s\", scanType: \"ZAP Scan\", status: COMPLETED}) { id } }",
        json!({"p": blue_project}),
    )
    .await;
    let mut scoped = 0;
    let ids_seen_by = |viewer: cybershield_core::auth::Viewer, list_field: String| {
        let h = &h;
        async move {
            let data = h
                .as_viewer(Some(viewer))
                .ok(&format!("{{ {list_field}(first: 100) {{ nodes {{ id }} }} }}"), json!({}))
                .await;
            data[&list_field]["nodes"]
                .as_array()
                .map(|n| n.iter().map(|r| r["id"].clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        }
    };
    for table in catalog.tables.iter().filter(|t| t.scope != Scope::Global) {
        let names = &table.names;
        if !allowed(Role::Analyst, table.family, Operation::Read) {
            continue;
        }
        // A row Blue sees and Red does not: Blue's own (organisation-wide rows both see).
        let blue_ids = ids_seen_by(blue_analyst.clone(), names.list_field.clone()).await;
        let red_ids = ids_seen_by(red_analyst.clone(), names.list_field.clone()).await;
        let Some(id) = blue_ids.iter().find(|id| !red_ids.contains(id)).and_then(|id| id.as_str()) else {
            continue; // no row of this table in the fixture
        };
        scoped += 1;
        let red = h.as_viewer(Some(red_analyst.clone()));
        let by_id = format!("query($id: UUID!) {{ {}(id: $id) {{ id }} }}", names.single_field);
        assert!(red.ok(&by_id, json!({"id": id})).await[&names.single_field].is_null(), "{} by id", table.name);
        let list = format!("query($id: UUID!) {{ {}(where: {{id: {{eq: $id}}}}) {{ totalCount }} }}", names.list_field);
        assert_eq!(red.ok(&list, json!({"id": id})).await[&names.list_field]["totalCount"], 0, "{} list", table.name);
        let aggregate =
            format!("query($id: UUID!) {{ {}(where: {{id: {{eq: $id}}}}) {{ count }} }}", names.aggregate_field());
        assert_eq!(
            red.ok(&aggregate, json!({"id": id})).await[names.aggregate_field()][0]["count"],
            0,
            "{} aggregate",
            table.name
        );
        if allowed(Role::Analyst, table.family, Operation::Delete) {
            let delete = format!("mutation($id: UUID!) {{ delete{}(id: $id) {{ id }} }}", names.type_name);
            assert_eq!(red.error_code(&delete, json!({"id": id})).await, "NOT_FOUND", "{} delete", table.name);
        }
        let blue = h.as_viewer(Some(blue_analyst.clone()));
        assert_eq!(
            blue.ok(&by_id, json!({"id": id})).await[&names.single_field]["id"],
            json!(id),
            "{} for its team",
            table.name
        );
    }
    assert!(scoped >= 3, "the fixture reaches several scoped tables ({scoped})");
    assert_eq!(h.count("projects").await, 1, "Red deleted nothing");

    // Relations do not leak either: Blue's project is not reachable through its team.
    let red = h.as_viewer(Some(red_analyst.clone()));
    let data = red.ok("{ projectScans { totalCount } }", json!({})).await;
    assert_eq!(data["projectScans"]["totalCount"], 0);

    // An insert into another team's project is refused, and so is moving a row there.
    let code = red
        .error_code(
            "mutation($p: UUID!) { createProjectScan(input: {projectId: $p, name: \"x\", scanType: \"ZAP Scan\", status: COMPLETED}) { id } }",
            json!({"p": blue_project}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    let own = red
        .ok(
            "mutation($t: UUID!) { createProject(input: {name: \"red-project\", teamId: $t}) { id } }",
            json!({"t": red_analyst.team_ids[0]}),
        )
        .await;
    let own_id = own["createProject"]["id"].as_str().unwrap().to_string();
    let code = red
        .error_code(
            "mutation($id: UUID!, $t: UUID!) { updateProject(id: $id, set: {teamId: $t}) { id } }",
            json!({"id": own_id, "t": blue}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    assert_eq!(h.count("project_scans").await, 1);
}

#[tokio::test]
async fn row_level_security_holds_even_without_the_engine_predicates() {
    let h = Harness::new().await;
    let red = h.team("Red").await;
    let blue = h.team("Blue").await;
    h.project("blue-only", Some(&blue)).await;
    // The policy alone, as the application role with Red's teams, sees none of Blue's rows.
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let tx = h.test_db.db.begin().await.unwrap();
    tx.execute_unprepared(&format!(
        "SELECT set_config('role', 'cybershield_app', true), set_config('cybershield.team_ids', '{red}', true)"
    ))
    .await
    .unwrap();
    let row = tx
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT count(*) AS n FROM projects"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get::<i64>("", "n").unwrap(), 0);
    let insert = tx
        .execute_unprepared(&format!(
            "INSERT INTO projects (id, name, team_id) VALUES (gen_random_uuid(), 'sneaky', '{blue}')"
        ))
        .await;
    assert!(insert.is_err(), "the policy's WITH CHECK refuses a row of another team");
    tx.rollback().await.unwrap();
}

#[tokio::test]
async fn sensitive_fields_and_admin_operations() {
    let h = Harness::new().await;
    let analyst = h.sign_in(Role::Analyst, &[]).await;
    let code = h.as_viewer(Some(analyst)).error_code("{ users { nodes { username lastLoginIp } } }", json!({})).await;
    assert_eq!(code, "FORBIDDEN");
    let auditor = h.sign_in(Role::Auditor, &[]).await;
    h.as_viewer(Some(auditor)).ok("{ users { nodes { username lastLoginIp } } }", json!({})).await;

    let mut admin_without_mfa = h.sign_in(Role::Admin, &[]).await;
    admin_without_mfa.mfa_enabled = false;
    let code = h
        .as_viewer(Some(admin_without_mfa))
        .error_code("mutation { createTeam(input: {name: \"x\", slug: \"x\"}) { id } }", json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    assert_eq!(h.count("teams").await, 0);
}

#[tokio::test]
async fn secret_inputs_are_stored_encrypted_and_never_returned() {
    let h = Harness::new().await;
    let data = h
        .ok(
            "mutation($key: UUID!) { createExternalIntegration(input: {name: \"siem\", vendor: \"splunk\", category: SIEM, keyId: $key, credentials: \"hunter2-api-key\"}) { id } }",
            json!({"key": encryption_key(&h).await}),
        )
        .await;
    let id = data["createExternalIntegration"]["id"].as_str().unwrap().to_string();
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let row = h
        .test_db
        .db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT credentials_encrypted FROM external_integrations WHERE id = '{id}'"),
        ))
        .await
        .unwrap()
        .unwrap();
    let stored: Vec<u8> = row.try_get("", "credentials_encrypted").unwrap();
    assert!(!stored.windows(7).any(|w| w == b"hunter2"), "the plaintext is not in the column");
    assert_eq!(h.keys.decrypt(&stored).unwrap(), b"hunter2-api-key");
    // There is no field to read it back.
    let response = h.run("{ externalIntegrations { nodes { credentials } } }", json!({})).await;
    assert_eq!(response["errors"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED");
}

/// An `encryption_keys` row (the key record a ciphertext names), created through the API.
async fn encryption_key(h: &Harness) -> String {
    let table = catalog();
    let keys = table.table_by_name("encryption_keys").expect("encryption_keys");
    let mut input = serde_json::Map::new();
    for column in
        keys.columns.iter().filter(|c| c.writable() && c.def.name != "id" && !c.def.nullable && !c.def.has_default)
    {
        let value = match column.kind() {
            cybershield_core::ColumnKind::Enum(meta) => {
                json!(cybershield_core::naming::screaming_snake(&meta.values[0]))
            }
            _ => json!(format!("{}-{}", column.def.name, uuid::Uuid::now_v7().simple())),
        };
        input.insert(column.field.clone(), value);
    }
    let data = h
        .ok("mutation($i: EncryptionKeyCreateInput!) { createEncryptionKey(input: $i) { id } }", json!({"i": input}))
        .await;
    data["createEncryptionKey"]["id"].as_str().expect("key id").to_string()
}
