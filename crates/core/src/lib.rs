//! The CyberShield engine. See `docs/decisions/` for how the generic table surface is built.
pub mod audit;
pub mod auth;
pub mod config;
pub mod crypto;
pub mod db;
pub mod embedded;
pub mod error;
pub mod health;
pub mod migration;
pub mod naming;
pub mod registry;
pub mod schema;
pub mod severity;

pub use registry::{ColumnKind, Domain, TableDef};
