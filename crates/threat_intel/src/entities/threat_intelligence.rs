//! Indicators of compromise, one row per indicator: the STIX 2.1 Indicator with the MISP
//! attribute fields and the OpenCTI score-decay state promoted to columns.

use sea_orm::entity::prelude::*;

/// Language of `pattern` (STIX `pattern-type-ov`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "threat_intel_pattern_type")]
pub enum ThreatIntelPatternType {
    #[sea_orm(string_value = "stix")]
    Stix,
    #[sea_orm(string_value = "pcre")]
    Pcre,
    #[sea_orm(string_value = "sigma")]
    Sigma,
    #[sea_orm(string_value = "snort")]
    Snort,
    #[sea_orm(string_value = "suricata")]
    Suricata,
    #[sea_orm(string_value = "yara")]
    Yara,
}

/// Traffic Light Protocol 2.0 marking: who the indicator may be shared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "threat_intel_tlp")]
pub enum ThreatIntelTlp {
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    #[sea_orm(string_value = "GREEN")]
    Green,
    #[sea_orm(string_value = "AMBER")]
    Amber,
    #[sea_orm(string_value = "AMBER+STRICT")]
    AmberStrict,
    #[sea_orm(string_value = "RED")]
    Red,
}

/// Permissible Actions Protocol marking: what may be done with the indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "threat_intel_pap")]
pub enum ThreatIntelPap {
    #[sea_orm(string_value = "CLEAR")]
    Clear,
    #[sea_orm(string_value = "GREEN")]
    Green,
    #[sea_orm(string_value = "AMBER")]
    Amber,
    #[sea_orm(string_value = "RED")]
    Red,
}

/// Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "threat_intel_source_reliability")]
pub enum ThreatIntelSourceReliability {
    #[sea_orm(string_value = "A")]
    A,
    #[sea_orm(string_value = "B")]
    B,
    #[sea_orm(string_value = "C")]
    C,
    #[sea_orm(string_value = "D")]
    D,
    #[sea_orm(string_value = "E")]
    E,
    #[sea_orm(string_value = "F")]
    F,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "threat_intelligence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// STIX identifier, `indicator--<uuid>`.
    #[sea_orm(unique)]
    pub stix_id: String,
    #[sea_orm(default_value = "2.1")]
    pub spec_version: String,
    pub name: Option<String>,
    pub description: Option<String>,
    /// STIX `indicator-type-ov`: `anomalous-activity`, `anonymization`, `benign`,
    /// `compromised`, `malicious-activity`, `attribution`, `unknown`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub indicator_types: Vec<String>,
    /// Detection pattern, e.g. `[ipv4-addr:value = '198.51.100.7']`.
    pub pattern: String,
    #[sea_orm(default_value = "stix")]
    pub pattern_type: ThreatIntelPatternType,
    pub pattern_version: Option<String>,
    /// Denormalised lookup key: `ipv4-addr`, `ipv6-addr`, `domain-name`, `url`, `file-sha256`,
    /// `file-md5`, `email-addr`…
    pub observable_type: Option<String>,
    /// Denormalised lookup value, e.g. `198.51.100.7`.
    pub observable_value: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub valid_from: DateTimeWithTimeZone,
    pub valid_until: Option<DateTimeWithTimeZone>,
    /// `[{kill_chain_name: "mitre-attack", phase_name}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub kill_chain_phases: Json,
    /// 0–100.
    pub confidence: Option<i16>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub labels: Vec<String>,
    pub lang: Option<String>,
    #[sea_orm(default_value = false)]
    pub revoked: bool,
    /// STIX `created` of the object (not of this row).
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub created: DateTimeWithTimeZone,
    /// STIX `modified` of the object (not of this row).
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub modified: DateTimeWithTimeZone,
    /// STIX identity of the producer, `identity--<uuid>`.
    pub created_by_ref: Option<String>,
    /// `[{source_name, url, external_id, description}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub external_references: Json,
    #[sea_orm(default_value = "AMBER")]
    pub tlp: ThreatIntelTlp,
    #[sea_orm(default_value = "AMBER")]
    pub pap: ThreatIntelPap,
    /// MISP event the attribute came from.
    pub misp_event_uuid: Option<Uuid>,
    /// MISP category: `Network activity`, `Payload delivery`…
    pub misp_category: Option<String>,
    /// MISP `to_ids`: may be exported to IDS / firewall block lists.
    #[sea_orm(default_value = true)]
    pub to_ids: bool,
    /// MISP distribution: 0 organisation only, 1 community, 2 connected communities, 3 all,
    /// 4 sharing group, 5 inherit.
    pub distribution: Option<i16>,
    /// MISP threat level: 1 High, 2 Medium, 3 Low, 4 Undefined.
    pub threat_level: Option<i16>,
    /// MISP analysis: 0 Initial, 1 Ongoing, 2 Completed.
    pub analysis: Option<i16>,
    pub first_seen: Option<DateTimeWithTimeZone>,
    pub last_seen: Option<DateTimeWithTimeZone>,
    /// Current score 0–100, after decay (OpenCTI).
    #[sea_orm(default_value = 50)]
    pub score: i16,
    /// Score at the start of the decay (creation, or the last re-import with a higher score).
    #[sea_orm(default_value = 50)]
    pub base_score: i16,
    /// `{lifetime_days, pound, points: [..], revoke_score}`; null: the score does not decay.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub decay_rule: Option<Json>,
    /// When the decayed score next crosses a reaction point.
    pub decay_next_reaction_at: Option<DateTimeWithTimeZone>,
    /// OpenCTI `x_opencti_detection`: used by detection rules.
    #[sea_orm(default_value = false)]
    pub detection: bool,
    /// Feed or organisation the indicator came from.
    pub source_name: Option<String>,
    pub source_reliability: Option<ThreatIntelSourceReliability>,
    /// The feed integration that imported it. References `external_integrations`
    /// (integrations crate): declared with `.references`, constraint in this crate's migration.
    pub feed_integration_id: Option<Uuid>,
    #[sea_orm(default_value = 0)]
    pub sightings_count: i32,
    pub last_sighted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = false)]
    pub false_positive: bool,
    /// The imported STIX object / MISP attribute, for lossless round trips.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    /// Analyst who created it; null for feed imports.
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "threat_intelligence_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
