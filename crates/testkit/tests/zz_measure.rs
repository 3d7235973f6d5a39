use std::time::Instant;
use cybershield_testkit::{TestDb, base_url};
use cybershield_testkit::sea_orm::{ConnectionTrait, Database};

#[tokio::test]
#[ignore]
async fn measure() {
    let strategy = std::env::var("STRATEGY").ok();
    let admin = Database::connect(base_url().await).await.unwrap();
    let rows = admin.query_all_raw(cybershield_testkit::sea_orm::Statement::from_string(
        cybershield_testkit::sea_orm::DbBackend::Postgres,
        "SELECT datname FROM pg_database WHERE datname LIKE 'cybershield_template_%'")).await.unwrap();
    let tpl: String = rows[0].try_get("", "datname").unwrap();
    if std::env::var("REBUILD").is_ok() {
        admin.execute_unprepared(&format!("ALTER DATABASE {tpl} IS_TEMPLATE false")).await.unwrap();
        admin.execute_unprepared(&format!("DROP DATABASE {tpl}")).await.unwrap();
        let t0 = Instant::now();
        let t = TestDb::new().await;
        println!("first TestDb (template build + clone): {:?}", t0.elapsed());
        drop(t);
    }
    let mut create = vec![]; let mut dropt = vec![];
    for _ in 0..15 {
        let t0 = Instant::now();
        let t = if let Some(s) = &strategy {
            let name = format!("cs_test_{}", uuid::Uuid::now_v7().simple());
            admin.execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {tpl} STRATEGY {s}")).await.unwrap();
            create.push(t0.elapsed());
            let t1 = Instant::now();
            admin.execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
            dropt.push(t1.elapsed());
            continue;
        } else { TestDb::new().await };
        create.push(t0.elapsed());
        let t1 = Instant::now();
        drop(t);
        dropt.push(t1.elapsed());
    }
    create.sort(); dropt.sort();
    println!("create median {:?} (min {:?} max {:?}); drop median {:?}", create[7], create[0], create[14], dropt[7]);
}
