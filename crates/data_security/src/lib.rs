#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod data_discovery;
    pub mod data_masking;
    pub mod data_tokenization;
    pub mod database_access_requests;
    pub mod database_audit_logs;
    pub mod database_connections;
    pub mod database_encryption;
    pub mod database_vulnerabilities;
    pub mod dlp_incidents;
    pub mod dlp_policies;
    pub mod encrypted_assets;
    pub mod encryption_keys;
    pub mod security_compliance;
    pub mod security_reports;
}
pub mod enums;

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;
use enums::{DataClassification, DbEngine, DlpChannel, SeverityLevel};

/// The `data_security` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("data_security")
        .migrations(vec![sql_migration!("m20261129_000018_data_security_create_tables")])
        .tables(vec![
            TableDef::new::<encryption_keys::Entity>()
                .family(Family::Secrets)
                .description("Encryption key management")
                .enumeration::<encryption_keys::EncryptionKeyProvider>(encryption_keys::Column::Provider)
                .enumeration::<encryption_keys::EncryptionKeyType>(encryption_keys::Column::KeyType)
                .enumeration::<encryption_keys::EncryptionKeyUsage>(encryption_keys::Column::KeyUsage)
                .enumeration::<encryption_keys::EncryptionKeyState>(encryption_keys::Column::State)
                .enumeration::<encryption_keys::EncryptionKeyOrigin>(encryption_keys::Column::Origin)
                .unique([encryption_keys::Column::Provider, encryption_keys::Column::KeyRef]),
            TableDef::new::<encrypted_assets::Entity>()
                .description("Encrypted data assets")
                .enumeration::<encrypted_assets::EncryptedAssetType>(encrypted_assets::Column::AssetType)
                .enumeration::<encrypted_assets::EncryptedAssetAtRest>(encrypted_assets::Column::AtRest)
                .enumeration::<encrypted_assets::EncryptedAssetInTransit>(encrypted_assets::Column::InTransit)
                .enumeration::<DataClassification>(encrypted_assets::Column::DataClassification)
                .references(encrypted_assets::Column::AssetId, "cloud_assets")
                .references(encrypted_assets::Column::DeviceId, "devices"),
            TableDef::new::<database_encryption::Entity>()
                .description("Database encryption status")
                .enumeration::<DbEngine>(database_encryption::Column::DbEngine)
                .enumeration::<database_encryption::DatabaseSslMode>(database_encryption::Column::SslMode)
                .enumeration::<database_encryption::DatabaseEncryptionStatus>(database_encryption::Column::Status)
                .public(database_encryption::Column::BackupsEncrypted)
                .unique([
                    database_encryption::Column::DbEngine,
                    database_encryption::Column::DbHost,
                    database_encryption::Column::DbPort,
                    database_encryption::Column::DbName,
                ])
                .references(database_encryption::Column::AssetId, "cloud_assets"),
            TableDef::new::<dlp_policies::Entity>()
                .description("Data loss prevention policies")
                .enumeration::<DlpChannel>(dlp_policies::Column::Channels)
                .enumeration::<dlp_policies::DlpPolicyAction>(dlp_policies::Column::Actions)
                .enumeration::<SeverityLevel>(dlp_policies::Column::Severity)
                .enumeration::<dlp_policies::DlpPolicyMode>(dlp_policies::Column::Mode),
            TableDef::new::<dlp_incidents::Entity>()
                .description("DLP policy violations")
                .enumeration::<DlpChannel>(dlp_incidents::Column::Channel)
                .enumeration::<SeverityLevel>(dlp_incidents::Column::Severity)
                .enumeration::<dlp_incidents::DlpActionTaken>(dlp_incidents::Column::ActionTaken)
                .enumeration::<dlp_incidents::DlpIncidentStatus>(dlp_incidents::Column::Status)
                .references(dlp_incidents::Column::DeviceId, "devices")
                .references(dlp_incidents::Column::IncidentId, "incidents"),
            TableDef::new::<data_discovery::Entity>()
                .description("Sensitive data discovery")
                .enumeration::<DbEngine>(data_discovery::Column::DbEngine)
                .enumeration::<DataClassification>(data_discovery::Column::Classification)
                .enumeration::<data_discovery::DataDiscoveryStatus>(data_discovery::Column::Status)
                .references(data_discovery::Column::AssetId, "cloud_assets"),
            TableDef::new::<database_connections::Entity>()
                .description("Database connection logs")
                .enumeration::<DbEngine>(database_connections::Column::DbEngine)
                .enumeration::<database_connections::DatabaseAuthMethod>(database_connections::Column::AuthMethod)
                .enumeration::<database_connections::DatabaseConnectionResult>(database_connections::Column::Result)
                .references(database_connections::Column::AssetId, "cloud_assets"),
            TableDef::new::<database_audit_logs::Entity>()
                .description("Database access audit logs")
                .enumeration::<DbEngine>(database_audit_logs::Column::DbEngine)
                .enumeration::<database_audit_logs::DatabaseAuditType>(database_audit_logs::Column::AuditType)
                .enumeration::<database_audit_logs::DatabaseAuditClass>(database_audit_logs::Column::Class)
                .references(database_audit_logs::Column::AssetId, "cloud_assets"),
            TableDef::new::<database_access_requests::Entity>()
                .description("Database access requests")
                .enumeration::<DbEngine>(database_access_requests::Column::DbEngine)
                .enumeration::<database_access_requests::DatabaseAccessRole>(
                    database_access_requests::Column::RequestedRole,
                )
                .enumeration::<database_access_requests::DatabaseAccessRequestState>(
                    database_access_requests::Column::State,
                )
                .references(database_access_requests::Column::AssetId, "cloud_assets"),
            TableDef::new::<database_vulnerabilities::Entity>()
                .description("Database security vulnerabilities")
                .enumeration::<DbEngine>(database_vulnerabilities::Column::DbEngine)
                .enumeration::<database_vulnerabilities::DatabaseVulnerabilitySource>(
                    database_vulnerabilities::Column::Source,
                )
                .enumeration::<SeverityLevel>(database_vulnerabilities::Column::Severity)
                .enumeration::<database_vulnerabilities::DatabaseVulnerabilityStatus>(
                    database_vulnerabilities::Column::Status,
                )
                .references(database_vulnerabilities::Column::AssetId, "cloud_assets"),
            TableDef::new::<data_masking::Entity>()
                .description("Data masking configurations")
                .enumeration::<DbEngine>(data_masking::Column::DbEngine)
                .enumeration::<data_masking::DataMaskingMethod>(data_masking::Column::Method)
                .enumeration::<data_masking::DataMaskingStatus>(data_masking::Column::Status)
                .references(data_masking::Column::AssetId, "cloud_assets"),
            TableDef::new::<data_tokenization::Entity>()
                .description("Data tokenization settings")
                .enumeration::<data_tokenization::DataTokenizationDataFormat>(data_tokenization::Column::DataFormat)
                .enumeration::<data_tokenization::DataTokenizationTokenFormat>(data_tokenization::Column::TokenFormat)
                .enumeration::<data_tokenization::DataTokenizationStatus>(data_tokenization::Column::Status),
            TableDef::new::<security_compliance::Entity>()
                .description("Security compliance status")
                .enumeration::<security_compliance::SecurityComplianceScopeType>(security_compliance::Column::ScopeType)
                .enumeration::<security_compliance::SecurityComplianceResult>(security_compliance::Column::Result)
                .references(security_compliance::Column::FrameworkId, "compliance_frameworks"),
            TableDef::new::<security_reports::Entity>()
                .description("Security assessment reports")
                .enumeration::<security_reports::SecurityReportType>(security_reports::Column::ReportType)
                .enumeration::<security_reports::SecurityReportFormat>(security_reports::Column::Format)
                .enumeration::<security_reports::SecurityReportStatus>(security_reports::Column::Status),
        ])
}
