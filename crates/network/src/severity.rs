//! The platform-wide severity (GraphQL `SeverityLevel`), declared once in core.

pub use cybershield_core::severity::SeverityLevel;
