//! Reports generated from a scan (ZAP report add-on templates).

use sea_orm::entity::prelude::*;

/// ZAP report template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_report_template")]
pub enum DastReportTemplate {
    #[sea_orm(string_value = "traditional-html")]
    TraditionalHtml,
    #[sea_orm(string_value = "traditional-json")]
    TraditionalJson,
    #[sea_orm(string_value = "traditional-xml")]
    TraditionalXml,
    #[sea_orm(string_value = "traditional-md")]
    TraditionalMd,
    #[sea_orm(string_value = "sarif-json")]
    SarifJson,
    #[sea_orm(string_value = "risk-confidence-html")]
    RiskConfidenceHtml,
    #[sea_orm(string_value = "modern")]
    Modern,
    #[sea_orm(string_value = "traditional-pdf")]
    TraditionalPdf,
}

/// File format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_report_format")]
pub enum DastReportFormat {
    #[sea_orm(string_value = "html")]
    Html,
    #[sea_orm(string_value = "json")]
    Json,
    #[sea_orm(string_value = "xml")]
    Xml,
    #[sea_orm(string_value = "md")]
    Md,
    #[sea_orm(string_value = "sarif")]
    Sarif,
    #[sea_orm(string_value = "pdf")]
    Pdf,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    pub template: DastReportTemplate,
    pub format: DastReportFormat,
    /// Template sections included (`alertcount`, `instancecount`, `alertdetails`…).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub sections: Vec<String>,
    /// Lowest ZAP risk included (0–3).
    #[sea_orm(default_value = 0)]
    pub risk_threshold: i16,
    /// Lowest ZAP confidence included (0–4; 1 leaves out false positives).
    #[sea_orm(default_value = 1)]
    pub confidence_threshold: i16,
    /// Where the file is stored.
    pub storage_uri: Option<String>,
    /// sha256 hex of the file.
    pub sha256: Option<String>,
    pub size_bytes: Option<i64>,
    /// Alert counts by risk, e.g. `{"high": 2, "medium": 5, "low": 9, "info": 14}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub summary: Json,
    pub generated_by: Option<Uuid>,
    /// Null while the report is being generated.
    pub generated_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::dast_scans::Entity",
        from = "Column::ScanId",
        to = "super::dast_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_reports_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::GeneratedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_reports_generated_by_fkey"
    )]
    GeneratedBy,
}

impl Related<super::dast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::GeneratedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
