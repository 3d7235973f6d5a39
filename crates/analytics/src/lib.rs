#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod analytics_dashboards;
    pub mod analytics_metrics;
    pub mod analytics_reports;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `analytics` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("analytics").migrations(vec![sql_migration!("m20261129_000015_analytics_create_tables")]).tables(vec![
        TableDef::new::<analytics_metrics::Entity>()
            .description("Security metrics collection")
            .enumeration::<analytics_metrics::AnalyticsGranularity>(analytics_metrics::Column::Granularity)
            .unique([
                analytics_metrics::Column::MetricKey,
                analytics_metrics::Column::Dimensions,
                analytics_metrics::Column::Granularity,
                analytics_metrics::Column::PeriodStart,
            ]),
        TableDef::new::<analytics_dashboards::Entity>().description("Custom dashboard configurations"),
        TableDef::new::<analytics_reports::Entity>()
            .description("Analytics report generation")
            .enumeration::<analytics_reports::AnalyticsReportFormat>(analytics_reports::Column::Format)
            .enumeration::<analytics_reports::AnalyticsReportRunStatus>(analytics_reports::Column::LastStatus),
    ])
}
