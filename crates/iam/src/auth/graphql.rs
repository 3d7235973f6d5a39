//! The GraphQL fields of authentication, added to the schema through the iam domain's extension
//! hook. Each mutation runs in a transaction of its own (not the request's), so that a failed
//! login's counter and audit entry are kept although the field answers with an error.
//!
//! Request data the gateway provides: `Viewer` (when a valid token came), `RequestMeta`,
//! `Arc<SecretKeys>`, `Arc<LoginThrottle>` and a [`Clock`]; the pool is schema data.

use std::sync::Arc;

use async_graphql::dynamic::{Field, FieldFuture, FieldValue, InputValue, Object, ResolverContext, TypeRef};
use async_graphql::{Name, Value};
use chrono::{DateTime, SecondsFormat, Utc};
use cybershield_core::auth::{RequestMeta, Viewer};
use cybershield_core::crypto::SecretKeys;
use cybershield_core::error::ApiError;
use cybershield_core::registry::EnumMeta;
use cybershield_core::schema::SchemaParts;
use indexmap::IndexMap;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::session::{IssuedSession, stmt};
use super::{Clock, LoginThrottle};

/// Adds the authentication types and fields to the schema.
pub fn extend(mut parts: SchemaParts) -> SchemaParts {
    parts.builder = parts.builder.register(session_type()).register(totp_type()).register(me_type());
    parts.query = parts.query.field(me_field());
    parts.mutation = parts
        .mutation
        .field(login_field())
        .field(logout_field())
        .field(change_password_field())
        .field(enroll_totp_field())
        .field(confirm_totp_field())
        .field(verify_mfa_field())
        .field(regenerate_backup_codes_field());
    parts
}

type GqlResult<T> = Result<T, async_graphql::Error>;

fn api(error: ApiError) -> async_graphql::Error {
    error.into_graphql()
}

fn db<'a>(ctx: &ResolverContext<'a>) -> GqlResult<&'a DatabaseConnection> {
    ctx.data_opt::<DatabaseConnection>().ok_or_else(|| api(ApiError::Unavailable("no database".into())))
}

fn keys<'a>(ctx: &ResolverContext<'a>) -> GqlResult<&'a SecretKeys> {
    ctx.data_opt::<Arc<SecretKeys>>().map(Arc::as_ref).ok_or_else(|| {
        tracing::error!("no secret keys in the request data");
        api(ApiError::Internal("internal error".into()))
    })
}

fn throttle<'a>(ctx: &ResolverContext<'a>) -> GqlResult<&'a LoginThrottle> {
    ctx.data_opt::<Arc<LoginThrottle>>().map(Arc::as_ref).ok_or_else(|| {
        tracing::error!("no login throttle in the request data");
        api(ApiError::Internal("internal error".into()))
    })
}

fn now(ctx: &ResolverContext<'_>) -> DateTime<Utc> {
    ctx.data_opt::<Clock>().map(Clock::now).unwrap_or_else(Utc::now)
}

fn meta(ctx: &ResolverContext<'_>) -> RequestMeta {
    ctx.data_opt::<RequestMeta>()
        .cloned()
        .unwrap_or_else(|| RequestMeta { request_id: Uuid::now_v7(), ..Default::default() })
}

/// The viewer, even one whose session still needs the second factor.
fn any_viewer<'a>(ctx: &ResolverContext<'a>) -> GqlResult<&'a Viewer> {
    ctx.data_opt::<Viewer>().ok_or_else(|| {
        api(ApiError::Unauthenticated(
            "sign in first: send the token of `login` as `Authorization: Bearer <token>`".into(),
        ))
    })
}

/// The viewer of a full session (the second factor passed, or none enrolled).
fn viewer<'a>(ctx: &ResolverContext<'a>) -> GqlResult<&'a Viewer> {
    let viewer = any_viewer(ctx)?;
    if !viewer.mfa_verified {
        return Err(api(ApiError::Unauthenticated(
            "this session still needs the second factor: call verifyMfa with a TOTP or backup code".into(),
        )));
    }
    Ok(viewer)
}

fn string_arg(ctx: &ResolverContext<'_>, name: &str) -> GqlResult<String> {
    Ok(ctx.args.try_get(name)?.string()?.to_string())
}

fn timestamp(at: DateTime<Utc>) -> Value {
    Value::String(at.to_rfc3339_opts(SecondsFormat::Micros, true))
}

fn object(fields: impl IntoIterator<Item = (&'static str, Value)>) -> FieldValue<'static> {
    let map: IndexMap<Name, Value> = fields.into_iter().map(|(k, v)| (Name::new(k), v)).collect();
    FieldValue::value(Value::Object(map))
}

fn strings(values: Vec<String>) -> FieldValue<'static> {
    FieldValue::value(Value::List(values.into_iter().map(Value::String).collect()))
}

fn session_value(session: IssuedSession) -> FieldValue<'static> {
    object([
        ("token", Value::String(session.token)),
        ("expiresAt", timestamp(session.expires_at)),
        ("mfaRequired", Value::Boolean(session.mfa_required)),
    ])
}

/// An object type whose fields read the parent's `Value::Object` by name.
fn value_object(name: &str, description: &str, fields: &[(&'static str, TypeRef, &'static str)]) -> Object {
    fields.iter().fold(Object::new(name).description(description), |object, (field, ty, doc)| {
        let field_name = *field;
        object.field(
            Field::new(field_name, ty.clone(), move |ctx| {
                let value = match ctx.parent_value.as_value() {
                    Some(Value::Object(map)) => map.get(field_name).cloned().filter(|v| *v != Value::Null),
                    _ => None,
                };
                FieldFuture::Value(value.map(FieldValue::value))
            })
            .description(*doc),
        )
    })
}

fn session_type() -> Object {
    value_object(
        "Session",
        "A login session. The token is shown once: send it as `Authorization: Bearer <token>`.",
        &[
            ("token", TypeRef::named_nn(TypeRef::STRING), "The bearer token (only its hash is stored)."),
            (
                "expiresAt",
                TypeRef::named_nn("DateTime"),
                "When the session ends if unused; each request moves it 30 minutes on, up to 12 hours after login.",
            ),
            (
                "mfaRequired",
                TypeRef::named_nn(TypeRef::BOOLEAN),
                "The account has a second factor: the session can only call verifyMfa until it passes.",
            ),
        ],
    )
}

fn totp_type() -> Object {
    value_object(
        "TotpEnrollment",
        "A TOTP enrolment in progress: give the secret to an authenticator app, then call confirmTotp.",
        &[
            ("secret", TypeRef::named_nn(TypeRef::STRING), "The seed in base32 (shown once)."),
            ("otpauthUri", TypeRef::named_nn(TypeRef::STRING), "The `otpauth://` URI, for a QR code."),
        ],
    )
}

fn me_type() -> Object {
    value_object(
        "Me",
        "The signed-in user.",
        &[
            ("id", TypeRef::named_nn("UUID"), "The user's id (`users.id`)."),
            ("email", TypeRef::named_nn(TypeRef::STRING), "The login e-mail address."),
            ("username", TypeRef::named_nn(TypeRef::STRING), "The unique user name."),
            ("displayName", TypeRef::named(TypeRef::STRING), "The name shown in the interface."),
            ("role", TypeRef::named_nn("UserRole"), "The platform role, which decides what the user may do."),
            ("teamIds", TypeRef::named_nn_list_nn("UUID"), "Teams the user is a member of."),
            ("mfaEnabled", TypeRef::named_nn(TypeRef::BOOLEAN), "The account has an active second factor."),
            (
                "mfaVerified",
                TypeRef::named_nn(TypeRef::BOOLEAN),
                "This session passed the second factor (or none is enrolled).",
            ),
        ],
    )
}

fn me_field() -> Field {
    Field::new("me", TypeRef::named("Me"), |ctx| {
        FieldFuture::new(async move {
            let viewer = viewer(&ctx)?;
            let row = db(&ctx)?
                .query_one_raw(stmt(
                    "SELECT email::text AS email, username, display_name, role, mfa_enabled FROM users WHERE id = $1",
                    vec![viewer.user_id.into()],
                ))
                .await
                .map_err(|e| api(e.into()))?;
            let Some(row) = row else { return Ok(None) };
            let get_text = |column: &str| row.try_get::<String>("", column).map_err(|e| api(e.into()));
            let display_name: Option<String> = row.try_get("", "display_name").map_err(|e| api(e.into()))?;
            let mfa_enabled: bool = row.try_get("", "mfa_enabled").map_err(|e| api(e.into()))?;
            Ok(Some(object([
                ("id", Value::String(viewer.user_id.to_string())),
                ("email", Value::String(get_text("email")?)),
                ("username", Value::String(get_text("username")?)),
                ("displayName", display_name.map(Value::String).unwrap_or(Value::Null)),
                ("role", Value::Enum(Name::new(EnumMeta::graphql_value(&get_text("role")?)))),
                ("teamIds", Value::List(viewer.team_ids.iter().map(|id| Value::String(id.to_string())).collect())),
                ("mfaEnabled", Value::Boolean(mfa_enabled)),
                ("mfaVerified", Value::Boolean(viewer.mfa_verified)),
            ])))
        })
    })
    .description("The signed-in user; UNAUTHENTICATED without a full session.")
}

fn login_field() -> Field {
    Field::new("login", TypeRef::named_nn("Session"), |ctx| {
        FieldFuture::new(async move {
            let email = string_arg(&ctx, "email")?;
            let password = string_arg(&ctx, "password")?;
            let session = super::login(db(&ctx)?, throttle(&ctx)?, &email, &password, &meta(&ctx), now(&ctx))
                .await
                .map_err(api)?;
            Ok(Some(session_value(session)))
        })
    })
    .argument(InputValue::new("email", TypeRef::named_nn(TypeRef::STRING)))
    .argument(InputValue::new("password", TypeRef::named_nn(TypeRef::STRING)))
    .description(
        "Signs in. Any failure answers `invalid email or password` (UNAUTHENTICATED); repeated failures lock the \
         account for a while and throttle the client address.",
    )
}

fn logout_field() -> Field {
    Field::new("logout", TypeRef::named_nn(TypeRef::BOOLEAN), |ctx| {
        FieldFuture::new(async move {
            let viewer = any_viewer(&ctx)?;
            let ended = super::logout(db(&ctx)?, viewer, &meta(&ctx), now(&ctx)).await.map_err(api)?;
            Ok(Some(FieldValue::value(ended)))
        })
    })
    .description("Ends this session (its token stops working).")
}

fn change_password_field() -> Field {
    Field::new("changePassword", TypeRef::named_nn("Session"), |ctx| {
        FieldFuture::new(async move {
            let viewer = viewer(&ctx)?;
            let current = string_arg(&ctx, "currentPassword")?;
            let new = string_arg(&ctx, "newPassword")?;
            let session =
                super::change_password(db(&ctx)?, viewer, &current, &new, &meta(&ctx), now(&ctx)).await.map_err(api)?;
            Ok(Some(session_value(session)))
        })
    })
    .argument(InputValue::new("currentPassword", TypeRef::named_nn(TypeRef::STRING)))
    .argument(InputValue::new("newPassword", TypeRef::named_nn(TypeRef::STRING)))
    .description(
        "Changes the password (12 to 128 characters), ends every session of the account and returns a new one.",
    )
}

fn enroll_totp_field() -> Field {
    Field::new("enrollTotp", TypeRef::named_nn("TotpEnrollment"), |ctx| {
        FieldFuture::new(async move {
            let viewer = viewer(&ctx)?;
            let enrollment =
                super::enroll_totp(db(&ctx)?, keys(&ctx)?, viewer, &meta(&ctx), now(&ctx)).await.map_err(api)?;
            Ok(Some(object([
                ("secret", Value::String(enrollment.secret)),
                ("otpauthUri", Value::String(enrollment.otpauth_uri)),
            ])))
        })
    })
    .description("Starts a TOTP enrolment; confirmTotp with a first code activates it.")
}

fn confirm_totp_field() -> Field {
    Field::new("confirmTotp", TypeRef::named_nn_list_nn(TypeRef::STRING), |ctx| {
        FieldFuture::new(async move {
            let viewer = viewer(&ctx)?;
            let code = string_arg(&ctx, "code")?;
            let codes = super::confirm_totp(db(&ctx)?, keys(&ctx)?, viewer, &code, &meta(&ctx), now(&ctx))
                .await
                .map_err(api)?;
            Ok(Some(strings(codes)))
        })
    })
    .argument(InputValue::new("code", TypeRef::named_nn(TypeRef::STRING)))
    .description(
        "Activates the pending TOTP device with a first code; returns 10 single-use backup codes (shown once).",
    )
}

fn verify_mfa_field() -> Field {
    Field::new("verifyMfa", TypeRef::named_nn(TypeRef::BOOLEAN), |ctx| {
        FieldFuture::new(async move {
            let viewer = any_viewer(&ctx)?;
            let code = string_arg(&ctx, "code")?;
            let verified =
                super::verify_mfa(db(&ctx)?, keys(&ctx)?, throttle(&ctx)?, viewer, &code, &meta(&ctx), now(&ctx))
                    .await
                    .map_err(api)?;
            Ok(Some(FieldValue::value(verified)))
        })
    })
    .argument(InputValue::new("code", TypeRef::named_nn(TypeRef::STRING)))
    .description(
        "Passes the second factor on this session with a TOTP code or a backup code; each code works once. \
         A wrong code is UNAUTHENTICATED and counts as a failed login.",
    )
}

fn regenerate_backup_codes_field() -> Field {
    Field::new("regenerateBackupCodes", TypeRef::named_nn_list_nn(TypeRef::STRING), |ctx| {
        FieldFuture::new(async move {
            let viewer = viewer(&ctx)?;
            let codes = super::regenerate_backup_codes(db(&ctx)?, viewer, &meta(&ctx), now(&ctx)).await.map_err(api)?;
            Ok(Some(strings(codes)))
        })
    })
    .description("Replaces the backup codes with 10 new ones (shown once); the previous ones stop working.")
}
