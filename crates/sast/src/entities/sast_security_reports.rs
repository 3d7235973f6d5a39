//! Security report of one analysis for one standard (OWASP Top 10, CWE Top 25, PCI DSS, ASVS,
//! SonarSource categories), with per-category counts in `categories`.

use sea_orm::entity::prelude::*;

/// Security standard a security report is organised by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_security_standard")]
pub enum SastSecurityStandard {
    #[sea_orm(string_value = "owasp_top10_2021")]
    OwaspTop102021,
    #[sea_orm(string_value = "owasp_top10_2017")]
    OwaspTop102017,
    #[sea_orm(string_value = "cwe_top25_2024")]
    CweTop252024,
    #[sea_orm(string_value = "cwe_top25_2023")]
    CweTop252023,
    #[sea_orm(string_value = "pci_dss_4_0")]
    PciDss40,
    #[sea_orm(string_value = "owasp_asvs_4_0")]
    OwaspAsvs40,
    #[sea_orm(string_value = "sonarsource")]
    Sonarsource,
}

/// SonarQube rating, A (best) to E (worst); stored as 1–5 in measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_rating")]
pub enum SastRating {
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
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_security_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    pub project_id: Uuid,
    pub standard: SastSecurityStandard,
    /// `[{category, vulnerabilities, vulnerability_rating, hotspots_to_review, hotspots_reviewed,
    /// review_rating}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub categories: Json,
    #[sea_orm(default_value = 0)]
    pub vulnerabilities: i32,
    pub security_rating: Option<SastRating>,
    #[sea_orm(default_value = 0)]
    pub security_hotspots: i32,
    /// Reviewed hotspots / all hotspots × 100.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub security_hotspots_reviewed_pct: Option<Decimal>,
    pub security_review_rating: Option<SastRating>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_security_reports_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_security_reports_project_id_fkey"
    )]
    Project,
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
