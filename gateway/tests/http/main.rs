//! The gateway over real HTTP: the real router on 127.0.0.1:0 against a per-test database.

mod support;

mod auth;
mod backup;
mod cli;
mod graphiql;
mod graphql;
mod limits;
mod metrics;
mod outage;
mod probes;
mod shutdown;
