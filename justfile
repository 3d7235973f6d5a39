# CyberShield tasks (https://github.com/casey/just). Every recipe is one plain cargo command,
# so nothing here is needed: read the recipe and run it by hand if you have no `just`.
# The binary reads `.env` itself; just does not load it.

# List the recipes.
default:
    @just --list

# Run the gateway (embedded PostgreSQL unless DATABASE_URL is set): `just run`, `just run health`.
run *args:
    cargo run --release -- {{args}}

# Run every test (needs PostgreSQL on 127.0.0.1:5432, TEST_DATABASE_URL, or the server binaries).
test *args:
    cargo test --workspace {{args}}

# Regenerate schema.graphql from the live schema (a test fails when they differ).
schema:
    cargo run --quiet -- schema > schema.graphql

# Migrations: `just migrate` (up), `just migrate down`, `just migrate status`, `just migrate fresh --yes`.
migrate *args:
    cargo run --quiet -- migrate {{args}}

# Demo data: `just seed`, `just seed --scale medium --seed 42` (README "Demo data").
seed *args:
    cargo run --release -- seed {{args}}

# What CI checks besides the tests: formatting and clippy with warnings as errors.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Format the workspace.
fmt:
    cargo fmt --all

# The optional OTLP trace export (`--features otlp`, off by default) still compiles cleanly.
check-otlp:
    cargo clippy -p cybershield --features otlp -- -D warnings

# Side-by-side benchmark (ours, PostGraphile, raw SQL) on a throwaway PostgreSQL; writes
# bench/results/ and bench/README.md: `just bench`, `just bench --quick` (bench/README.md).
bench *args:
    bench/run.sh {{args}}

# new-domain NAME: (not yet written) will scaffold crates/NAME with an entity, a migration and
# its registration in migration/src/lib.rs `domains()`. Until then copy crates/iam.
