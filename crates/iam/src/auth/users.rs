//! Accounts made and repaired by an operator (`cybershield user create|set-password`).

use chrono::{DateTime, Utc};
use cybershield_core::auth::Role;
use cybershield_core::error::ApiError;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::audit::{self, Event};
use super::password;
use super::session::{self, stmt};

/// A new local account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub role: Role,
    /// Defaults to the e-mail address (unique already).
    pub username: Option<String>,
    pub display_name: Option<String>,
    /// Slugs of existing teams the user joins (as `writer`).
    pub teams: Vec<String>,
}

/// Creates an account with `password` (checked against the policy); returns its id. Audited as
/// an administration event of the system actor.
pub async fn create_user(
    db: &DatabaseConnection,
    user: &NewUser,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Uuid, ApiError> {
    let email = user.email.trim();
    if email.is_empty() || !email.contains('@') || email.chars().any(char::is_whitespace) || email.len() > 320 {
        return Err(ApiError::bad_input("the e-mail address is not valid"));
    }
    password::check_policy(password)?;
    let hash = password::hash_blocking(password.to_string()).await?;
    let username = user.username.as_deref().map(str::trim).filter(|u| !u.is_empty()).unwrap_or(email);
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(stmt(
            "INSERT INTO users (email, username, display_name, password_hash, password_changed_at, role, \
               created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $5, $5) RETURNING id",
            vec![
                email.into(),
                username.into(),
                user.display_name.clone().into(),
                hash.into(),
                now.into(),
                user.role.as_str().into(),
            ],
        ))
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => ApiError::Conflict("a user with this e-mail or username already exists".into()),
            other => other,
        })?
        .ok_or_else(|| ApiError::Internal("internal error".into()))?;
    let id: Uuid = row.try_get("", "id")?;
    for slug in &user.teams {
        let joined = tx
            .execute_raw(stmt(
                "INSERT INTO team_members (team_id, user_id, role, joined_at, created_at, updated_at) \
                 SELECT t.id, $2, 'writer', $3, $3, $3 FROM teams t WHERE t.slug = $1",
                vec![slug.as_str().into(), id.into(), now.into()],
            ))
            .await?;
        if joined.rows_affected() == 0 {
            return Err(ApiError::NotFound(format!("no team has the slug {slug:?}")));
        }
    }
    let mut event = Event::system("CREATE");
    event.category = "administration";
    event.actor_type = "system";
    event.operation_type = Some("CREATE");
    event.resource_type = Some("USER");
    event.resource_path = Some(format!("users/{id}"));
    event.details = json!({ "source": "cli", "email": email, "role": user.role.as_str(), "teams": user.teams.clone() });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Sets the password of the account with `email`, ends its sessions (`password_change`) and
/// lifts a temporary lock (not a permanent one). Returns the user's id.
pub async fn set_password(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Uuid, ApiError> {
    password::check_policy(password)?;
    let hash = password::hash_blocking(password.to_string()).await?;
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(stmt(
            "UPDATE users SET password_hash = $2, password_changed_at = $3, reset_password_required = false, \
               failed_login_count = 0, locked_until = NULL, updated_at = $3 \
             WHERE email = $1::citext AND deleted_at IS NULL RETURNING id",
            vec![email.trim().into(), hash.into(), now.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no user has the e-mail address {:?}", email.trim())))?;
    let id: Uuid = row.try_get("", "id")?;
    let revoked = session::revoke_all(&tx, id, "password_change", now).await?;
    let mut event = Event::system("UPDATE_PASSWORD");
    event.actor_type = "system";
    event.operation_type = Some("UPDATE");
    event.resource_type = Some("USER");
    event.resource_path = Some(format!("users/{id}"));
    event.details = json!({ "source": "cli", "revoked_sessions": revoked });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Whether the database has the `users` table (has `cybershield migrate` run?).
pub async fn users_table_exists(db: &impl ConnectionTrait) -> Result<bool, ApiError> {
    let row = db
        .query_one_raw(stmt("SELECT to_regclass('users') IS NOT NULL AS present", vec![]))
        .await?
        .ok_or_else(|| ApiError::Internal("internal error".into()))?;
    Ok(row.try_get("", "present")?)
}
