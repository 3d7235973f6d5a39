//! `cybershield audit verify`: recomputes the audit trail's hash chain.

use std::process::ExitCode;

use cybershield_core::audit::{self, VerifyReport};
use cybershield_core::config::{Config, PoolConfig};
use cybershield_core::db::redact_url;
use serde_json::json;

use crate::database::Provisioned;

/// Prints one line of JSON: `{"checked":N,"ok":true}` (exit 0), or the first broken entry with
/// `"ok":false` (exit 1, and a sentence on stderr). Errors (no database, not migrated) come back
/// as `Err`.
pub async fn verify_command(config: &Config) -> anyhow::Result<ExitCode> {
    let database = Provisioned::open(config).await?;
    let result = async {
        // The whole table in one statement: the request statement timeout does not apply.
        let pool = PoolConfig { size: 1, max_overflow: 0, min_idle: 0, statement_timeout: None, ..config.pool.clone() };
        let db = cybershield_core::db::connect(database.url(), &pool)
            .await
            .map_err(|e| anyhow::anyhow!("cannot connect to the database at {}: {e}", redact_url(database.url())))?;
        let report = audit::verify(&db).await;
        db.close().await.ok();
        let report = report.map_err(|e| {
            anyhow::anyhow!(
                "audit verify on {} failed: {e} (has `cybershield migrate` run?)",
                redact_url(database.url())
            )
        })?;
        println!("{}", report_json(&report));
        if report.ok() {
            return anyhow::Ok(ExitCode::SUCCESS);
        }
        let seq = report.first_broken_seq.unwrap_or_default();
        let why = report.reason.map_or("the chain does not verify", |r| r.describe());
        eprintln!("audit chain broken at seq {seq}: {why}");
        anyhow::Ok(ExitCode::FAILURE)
    }
    .await;
    database.stop().await;
    result
}

/// The line `audit verify` prints.
pub fn report_json(report: &VerifyReport) -> serde_json::Value {
    if report.ok() {
        json!({ "checked": report.checked, "ok": true })
    } else {
        json!({
            "checked": report.checked,
            "ok": false,
            "firstBrokenSeq": report.first_broken_seq,
            "firstBrokenId": report.first_broken_id,
            "reason": report.reason,
        })
    }
}
