//! Analysis rules (SonarQube `RULES` + `RULES_DEFAULT_IMPACTS`), unique on
//! `(repository, rule_key)`. A small catalogue of well-known security rules is seeded with its CWE and OWASP mappings.

use sea_orm::entity::prelude::*;

/// Kind of rule, and of the issues it raises (SonarQube `RuleType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_rule_type")]
pub enum SastRuleType {
    #[sea_orm(string_value = "BUG")]
    Bug,
    #[sea_orm(string_value = "VULNERABILITY")]
    Vulnerability,
    #[sea_orm(string_value = "CODE_SMELL")]
    CodeSmell,
    #[sea_orm(string_value = "SECURITY_HOTSPOT")]
    SecurityHotspot,
}

/// SonarQube (legacy) severity of a rule or an issue; `BLOCKER` maps to platform `critical` …
/// `INFO` to `info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_severity")]
pub enum SastSeverity {
    #[sea_orm(string_value = "BLOCKER")]
    Blocker,
    #[sea_orm(string_value = "CRITICAL")]
    Critical,
    #[sea_orm(string_value = "MAJOR")]
    Major,
    #[sea_orm(string_value = "MINOR")]
    Minor,
    #[sea_orm(string_value = "INFO")]
    Info,
}

/// Lifecycle of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_rule_status")]
pub enum SastRuleStatus {
    #[sea_orm(string_value = "READY")]
    Ready,
    #[sea_orm(string_value = "BETA")]
    Beta,
    #[sea_orm(string_value = "DEPRECATED")]
    Deprecated,
    #[sea_orm(string_value = "REMOVED")]
    Removed,
}

/// Which sources a rule analyses: main code, test code or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_rule_scope")]
pub enum SastRuleScope {
    #[sea_orm(string_value = "MAIN")]
    Main,
    #[sea_orm(string_value = "TEST")]
    Test,
    #[sea_orm(string_value = "ALL")]
    All,
}

/// SonarQube clean-code attribute (the property of clean code a rule checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_clean_code_attribute")]
pub enum SastCleanCodeAttribute {
    #[sea_orm(string_value = "CONVENTIONAL")]
    Conventional,
    #[sea_orm(string_value = "FORMATTED")]
    Formatted,
    #[sea_orm(string_value = "IDENTIFIABLE")]
    Identifiable,
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    #[sea_orm(string_value = "COMPLETE")]
    Complete,
    #[sea_orm(string_value = "EFFICIENT")]
    Efficient,
    #[sea_orm(string_value = "LOGICAL")]
    Logical,
    #[sea_orm(string_value = "DISTINCT")]
    Distinct,
    #[sea_orm(string_value = "FOCUSED")]
    Focused,
    #[sea_orm(string_value = "MODULAR")]
    Modular,
    #[sea_orm(string_value = "TESTED")]
    Tested,
    #[sea_orm(string_value = "LAWFUL")]
    Lawful,
    #[sea_orm(string_value = "RESPECTFUL")]
    Respectful,
    #[sea_orm(string_value = "TRUSTWORTHY")]
    Trustworthy,
}

/// How remediation effort is computed (SonarQube debt function).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_remediation_function")]
pub enum SastRemediationFunction {
    #[sea_orm(string_value = "LINEAR")]
    Linear,
    #[sea_orm(string_value = "LINEAR_OFFSET")]
    LinearOffset,
    #[sea_orm(string_value = "CONSTANT_ISSUE")]
    ConstantIssue,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Rule repository, e.g. `java`, `javasecurity`; unique together with `rule_key`.
    pub repository: String,
    /// Rule key inside its repository, e.g. `S3649`.
    pub rule_key: String,
    pub name: String,
    pub language: Option<String>,
    pub r#type: SastRuleType,
    /// Null for rules without a legacy severity.
    pub default_severity: Option<SastSeverity>,
    #[sea_orm(default_value = "READY")]
    pub status: SastRuleStatus,
    #[sea_orm(default_value = "MAIN")]
    pub scope: SastRuleScope,
    #[sea_orm(default_value = false)]
    pub is_template: bool,
    /// The template a custom rule was instantiated from.
    pub template_id: Option<Uuid>,
    /// Imported from an external analyser (ESLint, Bandit…).
    #[sea_orm(default_value = false)]
    pub is_external: bool,
    pub clean_code_attribute: Option<SastCleanCodeAttribute>,
    /// `[{software_quality: MAINTAINABILITY|RELIABILITY|SECURITY, severity:
    /// INFO|LOW|MEDIUM|HIGH|BLOCKER}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub impacts: Json,
    pub remediation_function: Option<SastRemediationFunction>,
    /// Effort per unit of gap, e.g. `5min`.
    pub remediation_gap_multiplier: Option<String>,
    /// Fixed effort per issue, e.g. `30min`.
    pub remediation_base_effort: Option<String>,
    pub gap_description: Option<String>,
    /// e.g. `cwe:89`, `owaspTop10-2021:a3`, `pciDss-4.0:6.2.4`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub security_standards: Vec<String>,
    /// SonarQube security category, e.g. `sql-injection`.
    pub sq_category: Option<String>,
    /// Tags added by users.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    /// Tags that come with the rule.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub system_tags: Vec<String>,
    /// `{introduction, root_cause, how_to_fix, resources}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub description_sections: Json,
    /// `[{key, type, default_value, description}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub params: Json,
    #[sea_orm(default_value = true)]
    pub active: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::TemplateId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_rules_template_id_fkey"
    )]
    Template,
}

impl ActiveModelBehavior for ActiveModel {}
