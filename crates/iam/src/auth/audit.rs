//! The authentication events of the audit trail (Keycloak event names), written through
//! `cybershield_core::audit::record` inside the operation's own transaction.

use cybershield_core::audit::AuditEvent;
use cybershield_core::auth::RequestMeta;
use cybershield_core::error::ApiError;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// One event under construction: a user's authentication event unless changed.
pub(crate) struct Event<'a> {
    pub event_type: &'a str,
    pub category: &'a str,
    pub actor_type: &'a str,
    pub actor: Option<Uuid>,
    pub session: Option<Uuid>,
    pub operation_type: Option<&'a str>,
    pub resource_type: Option<&'a str>,
    pub resource_path: Option<String>,
    pub success: bool,
    /// Why it failed (Keycloak error names such as `invalid_user_credentials`).
    pub error: Option<String>,
    pub details: serde_json::Value,
    pub meta: Option<&'a RequestMeta>,
}

impl<'a> Event<'a> {
    pub fn new(event_type: &'a str, meta: &'a RequestMeta) -> Self {
        Event { meta: Some(meta), ..Event::system(event_type) }
    }

    /// An event with no request behind it (the command line).
    pub fn system(event_type: &'a str) -> Self {
        Event {
            event_type,
            category: "authentication",
            actor_type: "user",
            actor: None,
            session: None,
            operation_type: None,
            resource_type: None,
            resource_path: None,
            success: true,
            error: None,
            details: serde_json::json!({}),
            meta: None,
        }
    }

    pub fn actor(mut self, user: Option<Uuid>) -> Self {
        self.actor = user;
        self
    }

    pub fn session(mut self, session: Option<Uuid>) -> Self {
        self.session = session;
        self
    }

    pub fn failed(mut self, reason: &str) -> Self {
        self.success = false;
        self.error = Some(reason.to_string());
        self
    }
}

/// Appends `event` to the audit trail on `conn` (the operation's transaction).
pub(crate) async fn record(conn: &impl ConnectionTrait, event: &Event<'_>) -> Result<(), ApiError> {
    let meta = event.meta;
    let row = AuditEvent {
        actor_user_id: event.actor,
        actor_type: event.actor_type,
        session_id: event.session,
        category: event.category,
        event_type: event.event_type,
        operation_type: event.operation_type,
        resource_type: event.resource_type,
        resource_path: event.resource_path.clone(),
        representation: None,
        success: event.success,
        error: event.error.clone(),
        ip: meta.and_then(|m| m.ip.clone()),
        user_agent: meta.and_then(|m| m.user_agent.clone()),
        request_id: meta.map(|m| m.request_id),
        details: event.details.clone(),
    };
    cybershield_core::audit::record(conn, &row).await.map_err(ApiError::from)
}
