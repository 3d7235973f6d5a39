//! The one error type of the request path. Each kind has a stable `extensions.code`; a database
//! error is classified here and its text never reaches a client (it goes to the log).

use async_graphql::ErrorExtensions;
use sea_orm::DbErr;

/// A client-facing error.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    BadUserInput(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Internal(String),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::BadUserInput(message.into())
    }

    /// The stable `extensions.code` of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "NOT_FOUND",
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::BadUserInput(_) => "BAD_USER_INPUT",
            Self::Conflict(_) => "CONFLICT",
            Self::Unavailable(_) => "UNAVAILABLE",
            Self::Internal(_) => "INTERNAL",
        }
    }

    pub fn into_graphql(self) -> async_graphql::Error {
        let code = self.code();
        async_graphql::Error::new(self.to_string()).extend_with(|_, ext| ext.set("code", code))
    }
}

impl From<DbErr> for ApiError {
    fn from(error: DbErr) -> Self {
        classify_db_error(&error, &|_| None)
    }
}

/// The parts of a PostgreSQL error that decide its kind.
struct PgError<'a> {
    code: String,
    constraint: Option<&'a str>,
    column: Option<String>,
}

fn pg_error(error: &DbErr) -> Option<PgError<'_>> {
    use sea_orm::RuntimeErr;
    let runtime = match error {
        DbErr::Exec(e) | DbErr::Query(e) | DbErr::Conn(e) => e,
        _ => return None,
    };
    let RuntimeErr::SqlxError(sqlx_error) = runtime else { return None };
    let sea_orm::sqlx::Error::Database(db_error) = sqlx_error.as_ref() else { return None };
    let pg = db_error.try_downcast_ref::<sea_orm::sqlx::postgres::PgDatabaseError>();
    Some(PgError {
        code: db_error.code().map(|c| c.into_owned()).unwrap_or_default(),
        constraint: db_error.constraint(),
        column: pg.and_then(|pg| pg.column()).map(str::to_string),
    })
}

fn is_connection_error(error: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    match error {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => matches!(
            e.as_ref(),
            sea_orm::sqlx::Error::Io(_)
                | sea_orm::sqlx::Error::PoolTimedOut
                | sea_orm::sqlx::Error::PoolClosed
                | sea_orm::sqlx::Error::WorkerCrashed
        ),
        _ => false,
    }
}

/// Classifies a database error. `describe_constraint` turns a constraint name into words a
/// client understands (e.g. "teamId must reference an existing Team").
pub fn classify_db_error(error: &DbErr, describe_constraint: &dyn Fn(&str) -> Option<String>) -> ApiError {
    if is_connection_error(error) {
        tracing::warn!(%error, "database unavailable");
        return ApiError::Unavailable("the database is unavailable; try again shortly".into());
    }
    if let Some(pg) = pg_error(error) {
        let about = pg.constraint.and_then(describe_constraint);
        let class = &pg.code[..pg.code.len().min(2)];
        let kind =
            match pg.code.as_str() {
                "23505" => Some(ApiError::Conflict(
                    about.unwrap_or_else(|| "a row with the same unique key already exists".into()),
                )),
                "23503" => Some(ApiError::BadUserInput(about.unwrap_or_else(|| {
                    "a reference points to a row that does not exist (or is still referenced)".into()
                }))),
                "23502" => Some(ApiError::BadUserInput(match pg.column {
                    Some(column) => format!("{} is required", crate::naming::camel(&column)),
                    None => "a required value is missing".into(),
                })),
                "23514" => {
                    Some(ApiError::BadUserInput(about.unwrap_or_else(|| "a value is out of its allowed range".into())))
                }
                "57014" => Some(ApiError::Unavailable("the statement took too long and was cancelled".into())),
                // Row-level security refused the row: it belongs to a team the viewer is not in.
                "42501" => Some(ApiError::Forbidden("not allowed for your teams or role".into())),
                "40001" | "40P01" => Some(ApiError::Unavailable("a concurrent change conflicted; try again".into())),
                _ if class == "22" => {
                    Some(ApiError::BadUserInput("a value has the wrong format or is out of range".into()))
                }
                _ if class == "08" || class == "57" || class == "53" => {
                    Some(ApiError::Unavailable("the database is unavailable; try again shortly".into()))
                }
                _ => None,
            };
        if let Some(kind) = kind {
            tracing::debug!(%error, code = kind.code(), "database error classified");
            return kind;
        }
    }
    tracing::error!(%error, "unexpected database error");
    ApiError::Internal("internal error".into())
}
