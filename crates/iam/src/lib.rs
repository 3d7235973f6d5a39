#![doc = include_str!("../README.md")]

pub mod auth;
pub mod entities {
    pub mod iam_audit_logs;
    pub mod iam_sessions;
    pub mod iam_users;
    pub mod mfa_backup_codes;
    pub mod mfa_devices;
    pub mod team_members;
    pub mod teams;
    pub mod users;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `iam` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("iam")
        // login, logout, me, TOTP and backup codes: see `auth::graphql`.
        .extension(auth::graphql::extend)
        .migrations(vec![
            sql_migration!("m20261129_000001_iam_create_tables"),
            sql_migration!("m20261129_200001_iam_audit_chain"),
        ])
        .tables(vec![
            TableDef::new::<users::Entity>()
                .family(Family::Identity)
                .description("User accounts and authentication")
                .enumeration::<users::UserRole>(users::Column::Role)
                .unique([users::Column::ExternalIdentityProvider, users::Column::ExternalId]),
            TableDef::new::<teams::Entity>().family(Family::Identity).description("Team organization"),
            TableDef::new::<team_members::Entity>()
                .family(Family::Identity)
                .description("Team membership")
                .enumeration::<team_members::TeamMemberRole>(team_members::Column::Role)
                .unique([team_members::Column::TeamId, team_members::Column::UserId]),
            TableDef::new::<iam_users::Entity>()
                .family(Family::Identity)
                .description("IAM user management")
                .enumeration::<iam_users::IamUserSource>(iam_users::Column::Source)
                .enumeration::<iam_users::IamAccountType>(iam_users::Column::AccountType)
                .enumeration::<iam_users::IamUserStatus>(iam_users::Column::Status)
                .unique([iam_users::Column::Source, iam_users::Column::ExternalId]),
            TableDef::new::<iam_sessions::Entity>()
                .family(Family::Sessions)
                .description("User sessions")
                .enumeration::<iam_sessions::IamSessionAuthMethod>(iam_sessions::Column::AuthMethod)
                .enumeration::<iam_sessions::IamSessionMfaMethod>(iam_sessions::Column::MfaMethod)
                .enumeration::<iam_sessions::IamSessionRevokeReason>(iam_sessions::Column::RevokeReason),
            TableDef::new::<iam_audit_logs::Entity>()
                .family(Family::Audit)
                .description("User activity audit logs")
                .enumeration::<iam_audit_logs::IamAuditActorType>(iam_audit_logs::Column::ActorType)
                .enumeration::<iam_audit_logs::IamAuditCategory>(iam_audit_logs::Column::Category)
                .enumeration::<iam_audit_logs::IamAuditOperationType>(iam_audit_logs::Column::OperationType),
            TableDef::new::<mfa_devices::Entity>()
                .family(Family::Identity)
                .description("Multi-factor authentication devices")
                .enumeration::<mfa_devices::MfaDeviceType>(mfa_devices::Column::Type)
                .enumeration::<mfa_devices::MfaDeviceStatus>(mfa_devices::Column::Status)
                .enumeration::<mfa_devices::MfaOtpAlgorithm>(mfa_devices::Column::Algorithm)
                // The constraint is added by data_security's migration, which owns the table.
                .references(mfa_devices::Column::KeyId, "encryption_keys"),
            TableDef::new::<mfa_backup_codes::Entity>()
                .family(Family::Identity)
                .description("MFA backup code management"),
        ])
}
