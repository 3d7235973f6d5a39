//! The generic table surface, end to end against a real PostgreSQL: every test gets its own
//! database cloned from the migrated template.

mod aggregates;
mod audit;
mod cancel;
mod errors;
mod every_table;
mod harness;
mod mutations;
mod queries;
mod readme;
mod security;
mod statements;
mod structure;
