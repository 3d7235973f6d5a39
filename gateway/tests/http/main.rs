//! The gateway over real HTTP: the real router on 127.0.0.1:0 against a per-test database.

mod support;

mod auth;
mod cli;
mod graphiql;
mod graphql;
mod limits;
mod probes;
mod shutdown;
