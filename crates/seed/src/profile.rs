//! How many rows each table gets at each scale: one table, no per-table code.

use std::fmt;
use std::str::FromStr;

/// `--scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scale {
    /// About 25 thousand rows: seconds.
    Demo,
    /// About 120 thousand rows.
    Small,
    /// About a million rows (the benchmark's data set).
    Medium,
    /// Over ten million rows.
    Large,
}

impl Scale {
    pub const ALL: [Scale; 4] = [Scale::Demo, Scale::Small, Scale::Medium, Scale::Large];

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Demo => "demo",
            Scale::Small => "small",
            Scale::Medium => "medium",
            Scale::Large => "large",
        }
    }

    fn position(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scale {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scale::ALL
            .into_iter()
            .find(|scale| scale.as_str() == s)
            .ok_or_else(|| format!("unknown scale {s:?} (demo, small, medium or large)"))
    }
}

/// How a table grows with the scale, and over which period its rows were created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The organisation itself (teams, people): the same at every scale, created a year ago.
    Fixed,
    /// Configuration and inventory (projects, accounts, policies): grows slowly, created 3 to 7
    /// months ago.
    Config,
    /// Findings, scans, cases: grows with the scale, over the last 90 days.
    Record,
    /// Logs and telemetry: grows fastest, over the last 90 days, times increasing.
    Event,
}

impl Class {
    /// Multiplier of the demo count at each scale.
    fn factor(self, scale: Scale) -> u64 {
        let factors: [u64; 4] = match self {
            Class::Fixed => [1, 1, 1, 1],
            Class::Config => [1, 2, 4, 8],
            Class::Record => [1, 5, 30, 250],
            Class::Event => [1, 6, 50, 700],
        };
        factors[scale.position()]
    }

    /// When the rows were created: days before the reference time, oldest first.
    pub fn span_days(self) -> (f64, f64) {
        match self {
            Class::Fixed => (400.0, 300.0),
            Class::Config => (210.0, 91.0),
            Class::Record | Class::Event => (90.0, 0.0),
        }
    }
}

use Class::{Config, Event, Fixed, Record};

/// Table → growth class and row count at the `demo` scale. Reference tables (rows seeded by the
/// migrations) are not listed: their rows are kept and referenced. A registered table missing
/// here gets [`DEFAULT`].
pub const PROFILE: &[(&str, Class, u64)] = &[
    // People and teams: the product document's six users, in six teams.
    ("users", Fixed, 6),
    ("teams", Fixed, 6),
    ("team_members", Fixed, 12),
    ("iam_users", Config, 100),
    ("iam_sessions", Record, 60),
    // Every row runs the hash-chain trigger: kept modest.
    ("iam_audit_logs", Record, 120),
    ("mfa_devices", Fixed, 8),
    ("mfa_backup_codes", Fixed, 30),
    // The hub.
    ("projects", Config, 12),
    ("project_scans", Record, 120),
    ("project_issues", Record, 1_500),
    ("external_integrations", Config, 10),
    ("integration_logs", Event, 300),
    ("compliance_assessments", Config, 10),
    ("threat_intelligence", Record, 400),
    ("response_playbooks", Config, 8),
    ("incidents", Record, 150),
    ("incident_responses", Record, 300),
    ("workflows", Config, 10),
    ("workflow_steps", Config, 40),
    ("workflow_executions", Record, 200),
    ("analytics_metrics", Event, 600),
    ("analytics_dashboards", Config, 8),
    ("analytics_reports", Config, 10),
    ("ai_training_jobs", Config, 12),
    ("ai_models", Config, 8),
    ("ai_predictions", Event, 500),
    // Email security and phishing.
    ("email_analyses", Record, 400),
    ("email_attachments", Record, 200),
    ("email_responses", Record, 150),
    ("email_rules", Config, 15),
    ("phishing_templates", Config, 8),
    ("phishing_campaigns", Config, 8),
    ("phishing_results", Config, 200),
    // Data security.
    ("encryption_keys", Config, 10),
    ("encrypted_assets", Config, 30),
    ("database_encryption", Config, 15),
    ("dlp_policies", Config, 10),
    ("dlp_incidents", Record, 200),
    ("data_discovery", Record, 100),
    ("database_access_requests", Record, 60),
    ("database_connections", Event, 400),
    ("database_audit_logs", Event, 1_200),
    ("database_vulnerabilities", Record, 100),
    ("data_masking", Config, 15),
    ("data_tokenization", Config, 8),
    ("security_compliance", Record, 60),
    ("security_reports", Config, 12),
    // Endpoints and devices.
    ("devices", Config, 80),
    ("device_status", Record, 300),
    ("device_policies", Config, 12),
    ("device_events", Event, 1_000),
    ("policy_actions", Record, 300),
    ("endpoint_agents", Config, 60),
    ("endpoint_threats", Record, 150),
    // Cloud.
    ("cloud_accounts", Config, 8),
    ("cloud_assets", Record, 400),
    ("misconfigurations", Record, 800),
    ("compliance_reports", Record, 40),
    ("saas_applications", Config, 30),
    ("user_activities", Event, 1_200),
    ("cloud_dlp_incidents", Record, 100),
    ("cloud_threats", Record, 150),
    ("iam_risks", Record, 100),
    ("ddos_protection", Config, 20),
    // One snapshot per account and day at most.
    ("cloud_security_posture", Config, 90),
    ("cloud_security_alerts", Record, 200),
    // Network.
    ("network_devices", Config, 20),
    ("firewall_logs", Event, 4_000),
    ("ids_alerts", Event, 2_000),
    ("vpn_sessions", Event, 300),
    ("nac_logs", Event, 800),
    // SAST.
    ("sast_projects", Config, 12),
    ("sast_scans", Record, 120),
    ("sast_contributors", Config, 40),
    ("sast_issues", Record, 1_500),
    ("sast_security_hotspots", Record, 200),
    ("sast_security_reports", Record, 100),
    ("sast_maintainability_reports", Record, 100),
    ("sast_reliability_reports", Record, 100),
    ("sast_code_coverage", Record, 300),
    ("sast_duplications", Record, 200),
    ("sast_project_configurations", Config, 12),
    ("sast_project_settings", Config, 40),
    ("sast_project_metrics", Event, 600),
    ("sast_project_permissions", Config, 30),
    ("sast_project_trends", Record, 200),
    ("sast_activities", Record, 400),
    // DAST.
    ("dast_projects", Config, 8),
    ("dast_sessions", Config, 10),
    ("dast_scans", Record, 60),
    ("dast_vulnerabilities", Record, 500),
    ("dast_payloads", Record, 500),
    ("dast_reports", Record, 40),
    // RASP.
    ("rasp_agents", Config, 15),
    ("rasp_vulnerabilities", Record, 60),
    ("rasp_virtual_patches", Config, 15),
    ("rasp_alerts", Record, 100),
    ("rasp_attacks", Event, 800),
    ("rasp_telemetry", Event, 800),
    ("rasp_integrations", Config, 6),
    // Application security (SCA, containers, IaC).
    ("app_security_scans", Record, 80),
    ("app_security_issues", Record, 800),
];

/// A registered table the profile does not name.
pub const DEFAULT: (Class, u64) = (Config, 10);

/// The class and row count of `table` at `scale`.
pub fn rows(table: &str, scale: Scale) -> (Class, u64) {
    let (class, demo) =
        PROFILE.iter().find(|(name, _, _)| *name == table).map(|&(_, class, n)| (class, n)).unwrap_or(DEFAULT);
    (class, demo * class.factor(scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_grow_to_their_targets() {
        let total = |scale| PROFILE.iter().map(|(t, _, _)| rows(t, scale).1).sum::<u64>();
        assert!((15_000..=50_000).contains(&total(Scale::Demo)), "{}", total(Scale::Demo));
        assert!(total(Scale::Small) > total(Scale::Demo) * 3);
        assert!((800_000..=1_500_000).contains(&total(Scale::Medium)), "{}", total(Scale::Medium));
        assert!(total(Scale::Large) >= 10_000_000, "{}", total(Scale::Large));
        assert_eq!("medium".parse::<Scale>(), Ok(Scale::Medium));
        assert!("huge".parse::<Scale>().is_err());
    }
}
