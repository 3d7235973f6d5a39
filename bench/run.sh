#!/usr/bin/env bash
# The side-by-side benchmark: a throwaway PostgreSQL, seeded; our gateway and PostGraphile on
# the same database, pinned to the same CPU, with the same pool size; wrk at fixed concurrency;
# the same rows fetched by hand-written SQL through pgbench. Writes bench/results/<ts>/ and the
# "Latest report" section of bench/README.md. See bench/README.md for the options.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARGS="$*"
BENCH=$ROOT/bench

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --quick               3 s warm-up + 5 s per shape and peer (default 10 s + 20 s)
  --warmup S            warm-up seconds
  --duration S          measured seconds
  --scale NAME          `cybershield seed --scale` (default medium)
  --seed N              seed of the generator (default 1)
  --connections N       wrk connections and pgbench clients (default 16)
  --pool N              pool size of both servers (default 10)
  --shapes LIST         comma-separated, e.g. S1,S6a,S6b (default all)
  --no-postgraphile     only ours and raw SQL
  --reuse-data          keep the seeded cluster in $BENCH_DATA and reuse it next time
  --no-build            use the release binary as it is
  --no-readme           do not rewrite bench/README.md and results/latest.*
EOF
}

WARMUP=10 DURATION=20 SCALE=medium SEED=1 CONNS=16 THREADS=2 POOL=10
SHAPES="S1,S2,S3,S4,S5,S6a,S6b" WITH_PGL=1 REUSE=0 BUILD=1 README=1
while [ $# -gt 0 ]; do
  case $1 in
    --quick) WARMUP=3 DURATION=5 ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --scale) SCALE=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --connections) CONNS=$2; shift ;;
    --pool) POOL=$2; shift ;;
    --shapes) SHAPES=$2; shift ;;
    --no-postgraphile) WITH_PGL=0 ;;
    --reuse-data) REUSE=1 ;;
    --no-build) BUILD=0 ;;
    --no-readme) README=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${BENCH_PG_PORT:-55432}
OURS_PORT=${BENCH_OURS_PORT:-18000}
PGL_PORT=${BENCH_PGL_PORT:-15678}
BENCH_DATA=${BENCH_DATA:-/tmp/cybershield-bench}
SOCK=$BENCH_DATA/sock
DB=cybershield
DB_URL="postgres://postgres@127.0.0.1:$PG_PORT/$DB"
SERVER_CPU=${BENCH_SERVER_CPU:-1}
CLIENT_CPU=${BENCH_CLIENT_CPU:-0}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET_DIR/release/cybershield
STMT_SAMPLES=20 # sequential requests whose SQL statements are counted
FIREWALL_MIN=1050000 # S6b needs rows after row 1,000,000
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH/results/$TS
EMAIL=bench@example.com
PASSWORD=bench-password-$SEED-not-secret

log() { printf '\n== %s\n' "$*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }
# PostgreSQL refuses to run as root: run its tools as the `postgres` system user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_db() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# ---- everything started is stopped on exit ---------------------------------------------------
OURS_PID="" PGL_PID="" PG_STARTED=0
cleanup() {
  local rc=$?
  set +e
  for pid in $OURS_PID $PGL_PID; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  if [ "$PG_STARTED" = 1 ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1
    [ "$REUSE" = 1 ] || rm -rf "$DATA"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools -----------------------------------------------------------------------------------
need_apt() {
  command -v "$1" >/dev/null && return
  [ "$(id -u)" = 0 ] || die "$1 is missing: apt-get install $2"
  log "installing $2"
  apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}
need_apt wrk wrk
need_apt curl curl
need_apt taskset util-linux
command -v python3 >/dev/null || die "python3 is needed for the report"
{ [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pgbench" ]; } || die "PostgreSQL 15 server binaries not in $PGBIN (apt-get install postgresql-15, or set PGBIN)"
[ "$(nproc)" -ge 2 ] || { SERVER_CPU=0; CLIENT_CPU=0; }

mkdir -p "$OUT"/{responses,bodies,wrk,pgbench,statements}
exec > >(tee -a "$OUT/run.log") 2>&1

if [ "$BUILD" = 1 ]; then
  log "cargo build --release -p cybershield"
  (cd "$ROOT" && cargo build --release -p cybershield)
fi
[ -x "$BIN" ] || die "$BIN is missing (cargo build --release -p cybershield)"

if [ "$WITH_PGL" = 1 ]; then
  PGL_DIR=$BENCH/postgraphile
  stamp=$(sha256sum "$PGL_DIR/package-lock.json" | cut -c1-64)
  if [ "$(cat "$PGL_DIR/node_modules/.bench-stamp" 2>/dev/null)" != "$stamp" ]; then
    log "npm ci (PostGraphile 5.1.5, Node 22 from the node@22 package)"
    (cd "$PGL_DIR" && npm ci --no-audit --no-fund)
    echo "$stamp" >"$PGL_DIR/node_modules/.bench-stamp"
  fi
  PGL_NODE=$PGL_DIR/node_modules/node/bin/node
  "$PGL_NODE" --version >/dev/null || die "Node 22 from the node@22 npm package does not run"
fi

# ---- the throwaway cluster -------------------------------------------------------------------
if "$BIN" --help | grep -qE '^ +seed '; then HAS_SEED=1 DATA=$BENCH_DATA/pg-$SCALE-$SEED; else HAS_SEED=0 DATA=$BENCH_DATA/pg-fallback-$SEED; fi
for port in "$PG_PORT" "$OURS_PORT" "$PGL_PORT"; do
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "port $port is taken (BENCH_PG_PORT, BENCH_OURS_PORT, BENCH_PGL_PORT)"
done
mkdir -p "$BENCH_DATA" "$SOCK"
[ "$(id -u)" = 0 ] && chown postgres "$BENCH_DATA" "$SOCK"
if [ "$REUSE" = 1 ] && [ -f "$DATA/.bench-seeded" ]; then
  FRESH=0
else
  FRESH=1
  rm -rf "$DATA"
  log "initdb $DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-sync >/dev/null
fi
# Throwaway: durability off (seeding speed); shared_buffers holds every table the shapes read;
# no parallel query: at 16 concurrent requests on 2 cores, workers only add start-up cost.
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$BENCH_DATA/postgres.log" -w -t 60 start -o "\
 -p $PG_PORT -k $SOCK -c listen_addresses=127.0.0.1 -c max_connections=100 \
 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB -c maintenance_work_mem=512MB \
 -c max_parallel_workers_per_gather=0 \
 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all \
 -c pg_stat_statements.max=10000" >/dev/null
PG_STARTED=1
# In the `postgres` database only: the view covers the whole cluster, and PostGraphile, which
# reads the benchmark database's schema, does not see it.
psql_db -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null

export DATABASE_URL=$DB_URL RUST_LOG=warn
if [ "$FRESH" = 1 ]; then
  psql_db -d postgres -c "CREATE DATABASE $DB"
  log "cybershield migrate up"
  "$BIN" migrate up >/dev/null
  if [ "$HAS_SEED" = 1 ]; then
    log "cybershield seed --scale $SCALE --seed $SEED"
    printf '%s' "$PASSWORD" | "$BIN" seed --scale "$SCALE" --seed "$SEED" --admin-password-stdin | tee "$OUT/seed.txt"
    SEEDED_BY="cybershield seed --scale $SCALE --seed $SEED"
  else
    log "no \`cybershield seed\` in this build: bench/seed-fallback.sql"
    psql_db -d "$DB" -v seed="$SEED" -f "$BENCH/seed-fallback.sql"
    SEEDED_BY="bench/seed-fallback.sql (generate_series)"
  fi
  n=$(psql_db -d "$DB" -At -c "SELECT count(*) FROM firewall_logs")
  if [ "$n" -lt "$FIREWALL_MIN" ]; then
    log "firewall_logs has $n rows: adding $((FIREWALL_MIN - n)) (S6b pages past row 1,000,000)"
    psql_db -d "$DB" -v n=$((FIREWALL_MIN - n)) -f "$BENCH/firewall-topup.sql"
    SEEDED_BY="$SEEDED_BY; firewall_logs topped up from $n to $FIREWALL_MIN rows by bench/firewall-topup.sql"
  fi
  log "VACUUM ANALYZE"
  psql_db -d "$DB" -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
  printf '%s' "$PASSWORD" | "$BIN" user create --email "$EMAIL" --role admin >/dev/null
  echo "$SEEDED_BY" >"$DATA/.bench-seeded"
else
  log "reusing the seeded cluster in $DATA"
  "$BIN" migrate up >/dev/null
fi
SEEDED_BY=$(cat "$DATA/.bench-seeded")
for t in firewall_logs incidents incident_responses projects project_issues sast_projects sast_scans sast_issues \
  sast_rules team_members teams users; do
  printf '%s\t%s\n' "$t" "$(psql_db -d "$DB" -At -c "SELECT count(*) FROM $t")"
done >"$OUT/table-sizes.tsv"

# ---- the servers -----------------------------------------------------------------------------
wait_http() { # url body deadline-seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

log "starting our gateway on :$OURS_PORT (CPU $SERVER_CPU, pool $POOL)"
# S5 fetches 1,000 rows in one page: the page-size and complexity limits are raised for the run.
env DATABASE_URL="$DB_URL" CYBERSHIELD_BIND="127.0.0.1:$OURS_PORT" \
  DB_POOL_SIZE="$POOL" DB_MAX_OVERFLOW=0 DB_POOL_MIN_IDLE="$POOL" \
  CYBERSHIELD_INTROSPECTION=false CYBERSHIELD_MIGRATE_ON_START=false \
  CYBERSHIELD_MAX_PAGE_SIZE=1000 CYBERSHIELD_MAX_COMPLEXITY=100000 \
  CYBERSHIELD_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" RUST_LOG=warn \
  taskset -c "$SERVER_CPU" "$BIN" serve >"$OUT/ours.log" 2>&1 &
OURS_PID=$!
wait_http "http://127.0.0.1:$OURS_PORT/graphql" '{"query":"{__typename}"}' 60 || die "our gateway did not start: $OUT/ours.log"

if [ "$WITH_PGL" = 1 ]; then
  log "starting PostGraphile on :$PGL_PORT (CPU $SERVER_CPU, pool $POOL)"
  (cd "$PGL_DIR" && exec env DATABASE_URL="$DB_URL?application_name=bench-postgraphile" PG_PORT="$PGL_PORT" PG_POOL_MAX="$POOL" \
    NODE_ENV=production GRAPHILE_ENV=production \
    taskset -c "$SERVER_CPU" "$PGL_NODE" node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs) \
    >"$OUT/postgraphile.log" 2>&1 &
  PGL_PID=$!
  wait_http "http://127.0.0.1:$PGL_PORT/graphql" '{"query":"{__typename}"}' 120 \
    || die "PostGraphile did not start: $OUT/postgraphile.log"
fi

login() {
  curl -fsS -H 'Content-Type: application/json' "http://127.0.0.1:$OURS_PORT/graphql" \
    -d "{\"query\":\"mutation { login(email: \\\"$EMAIL\\\", password: \\\"$PASSWORD\\\") { token } }\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["login"]["token"])'
}
TOKEN=$(login) || die "login failed"

# ---- the S6b cursor: the row at position 1,000,000 in id order -------------------------------
ROW_1M=$(psql_db -d "$DB" -At -c "SELECT id FROM firewall_logs ORDER BY id OFFSET 999999 LIMIT 1")
[ -n "$ROW_1M" ] || die "firewall_logs has fewer than 1,000,000 rows"
gql() { # url token body-json -> response
  curl -fsS -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3" "$1"
}
OURS_CURSOR=$(gql "http://127.0.0.1:$OURS_PORT/graphql" "$TOKEN" \
  "{\"query\":\"{ firewallLogs(where: {id: {eq: \\\"$ROW_1M\\\"}}, orderBy: [{id: ASC}], first: 1) { edges { cursor } } }\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["firewallLogs"]["edges"][0]["cursor"])')
PGL_CURSOR=""
if [ "$WITH_PGL" = 1 ]; then
  PGL_CURSOR=$(gql "http://127.0.0.1:$PGL_PORT/graphql" "" \
    "{\"query\":\"{ allFirewallLogs(condition: {rowId: \\\"$ROW_1M\\\"}, orderBy: [PRIMARY_KEY_ASC], first: 1) { edges { cursor } } }\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["allFirewallLogs"]["edges"][0]["cursor"])')
fi

# ---- measuring -------------------------------------------------------------------------------
PGSS_DB="dbid = (SELECT oid FROM pg_database WHERE datname = '$DB')"
pgss_reset() { psql_db -d postgres -At -c "SELECT pg_stat_statements_reset()" >/dev/null; }
pgss_dump() { # file
  psql_db -d postgres -At -F $'\t' -c "
    SELECT calls, toplevel, round(total_exec_time::numeric, 3), rows,
           left(regexp_replace(query, '\s+', ' ', 'g'), 400)
    FROM pg_stat_statements WHERE $PGSS_DB ORDER BY toplevel DESC, calls DESC" >"$1"
}
rss() { # pid -> "VmRSS VmHWM" in KiB
  awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} END{print r, h}' "/proc/$1/status"
}
# CPU accounting, to tell what a request costs whatever else the machine does, and to show how
# much of the machine others used meanwhile (the "other load" column).
CLK_TCK=$(getconf CLK_TCK)
pg_ticks() { # CPU ticks of this cluster: the postmaster, its children, and the children it reaped
  local pm
  pm=$(head -1 "$DATA/postmaster.pid")
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pm" '$1 == pm {s += $14 + $15 + $16 + $17} $4 == pm {s += $14 + $15} END {print s + 0}'
}
cpu_snapshot() { # [server pid] -> "machine_busy machine_total server pg" in ticks
  local srv=0
  [ -z "${1:-}" ] || srv=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo "$(awk '/^cpu /{b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6}' /proc/stat) $srv $(pg_ticks)"
}
cpu_json() { # before after client-seconds -> JSON
  echo "{\"clk_tck\": $CLK_TCK, \"before\": [${1// /, }], \"after\": [${2// /, }], \"client_s\": $3}"
}
TIMEFORMAT='%U %S'
timed_client() { # command… ; prints the client's user+sys seconds on fd 3
  local t
  t=$( { time "$@" >"$CLIENT_OUT" 2>&1; } 2>&1 ) || { cat "$CLIENT_OUT" >&2; return 1; }
  echo "$t" | awk '{print $1 + $2}' >&3
}

# Builds the request bodies of a shape, substituting the S6b cursors.
body() { # shape peer(ours|postgraphile) -> writes $OUT/bodies/<shape>.<peer>.json
  python3 - "$BENCH/shapes" "$1" "$2" "$OUT/bodies/$1.$2.json" "$OURS_CURSOR" "$PGL_CURSOR" <<'PY'
import json, sys, os
shapes, shape, peer, out, ours_cursor, pgl_cursor = sys.argv[1:]
suffix = "" if peer == "ours" else ".postgraphile"
query = open(os.path.join(shapes, f"{shape}{suffix}.graphql")).read()
vpath = os.path.join(shapes, f"{shape}{suffix}.variables.json")
variables = json.load(open(vpath)) if os.path.exists(vpath) else {}
cursor = ours_cursor if peer == "ours" else pgl_cursor
variables = json.loads(json.dumps(variables).replace("@CURSOR_1M@", cursor))
json.dump({"query": query, "variables": variables}, open(out, "w"))
PY
}

run_wrk() { # shape peer url token pid
  local shape=$1 peer=$2 url=$3 token=$4 pid=$5 bodyf=$OUT/bodies/$1.$2.json
  local n sample before after client failed
  # One answer kept for the report's sanity check, then the statements of STMT_SAMPLES
  # sequential requests.
  gql "$url" "$token" "@$bodyf" >"$OUT/responses/$shape.$peer.json"
  pgss_reset
  failed=0
  for ((n = 0; n < STMT_SAMPLES; n++)); do
    gql "$url" "$token" "@$bodyf" | grep -q '"errors"' && failed=$((failed + 1))
  done
  sample=$(psql_db -d postgres -At -F ' ' -c "
    SELECT coalesce(sum(calls) FILTER (WHERE toplevel), 0), coalesce(sum(calls) FILTER (WHERE NOT toplevel), 0)
    FROM pg_stat_statements WHERE $PGSS_DB")
  pgss_dump "$OUT/statements/$shape.$peer.sample.tsv"
  echo "{\"samples\": $STMT_SAMPLES, \"failed\": $failed, \"toplevel\": ${sample% *}, \"nested\": ${sample#* }}" \
    >"$OUT/statements/$shape.$peer.json"
  [ "$failed" = 0 ] || echo "bench: $failed of $STMT_SAMPLES sequential $shape requests to $peer answered with errors" >&2
  BENCH_BODY=$bodyf BENCH_TOKEN=$token taskset -c "$CLIENT_CPU" \
    wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s "$BENCH/wrk.lua" "$url" >/dev/null
  pgss_reset
  CLIENT_OUT=$OUT/wrk/$shape.$peer.txt
  before=$(cpu_snapshot "$pid")
  client=$(BENCH_BODY=$bodyf BENCH_TOKEN=$token timed_client taskset -c "$CLIENT_CPU" \
    wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$BENCH/wrk.lua" "$url" 3>&1)
  after=$(cpu_snapshot "$pid")
  cpu_json "$before" "$after" "$client" >"$OUT/wrk/$shape.$peer.cpu.json"
  # wrk drops the requests in flight when it stops: a server must not leave their transactions
  # open. Count the sessions still idle in a transaction a second later.
  sleep 1
  psql_db -d postgres -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB'
    AND application_name = '$([ "$peer" = ours ] && echo cybershield || echo bench-postgraphile)'
    AND state LIKE 'idle in transaction%'
    AND now() - state_change > interval '1 second'" >"$OUT/wrk/$shape.$peer.leaked"
  pgss_dump "$OUT/statements/$shape.$peer.timed.tsv"
  rss "$pid" >"$OUT/wrk/$shape.$peer.rss"
  sed -n 's/^BENCH_JSON //p' "$OUT/wrk/$shape.$peer.txt" >"$OUT/wrk/$shape.$peer.json"
  [ -s "$OUT/wrk/$shape.$peer.json" ] || die "wrk printed no figures: $OUT/wrk/$shape.$peer.txt"
  cat "$OUT/wrk/$shape.$peer.json" >&2
}

# Hand-written SQL through pgbench: plain (the physical limit), then wrapped like an admin
# request of ours (transaction, RLS role, set_config), to show what row-level security costs.
run_pgbench() { # shape
  local shape=$1 sql=$OUT/pgbench/$1.sql rls=$OUT/pgbench/$1.rls.sql
  local variant file before after client
  sed "s/@ROW_1M@/$ROW_1M/g" "$BENCH/shapes/$shape.sql" >"$sql"
  psql_db -d "$DB" -At -f "$sql" >"$OUT/responses/$shape.raw.json"
  {
    echo "BEGIN;"
    echo "SELECT set_config('role', 'cybershield_app', true), set_config('cybershield.team_ids', '', true), set_config('cybershield.all_teams', 'on', true);"
    cat "$sql"
    echo "COMMIT;"
  } >"$rls"
  for variant in raw raw_rls; do
    file=$sql
    [ $variant = raw ] || file=$rls
    (cd "$OUT/pgbench" && taskset -c "$CLIENT_CPU" "$PGBIN/pgbench" -n -M prepared -f "$file" \
      -c "$CONNS" -j "$THREADS" -T "$((WARMUP < 3 ? WARMUP : 3))" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB" >/dev/null 2>&1)
    rm -f "$OUT/pgbench/$shape.$variant".log*
    CLIENT_OUT=$OUT/pgbench/$shape.$variant.txt
    before=$(cpu_snapshot)
    client=$(cd "$OUT/pgbench" && timed_client taskset -c "$CLIENT_CPU" "$PGBIN/pgbench" -n -M prepared -f "$file" \
      -c "$CONNS" -j "$THREADS" -T "$DURATION" -l --log-prefix="$shape.$variant.log" \
      -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB" 3>&1)
    after=$(cpu_snapshot)
    cpu_json "$before" "$after" "$client" >"$OUT/pgbench/$shape.$variant.cpu.json"
    python3 "$BENCH/report.py" pgbench "$OUT/pgbench" "$shape.$variant" >"$OUT/pgbench/$shape.$variant.json"
    cat "$OUT/pgbench/$shape.$variant.json" >&2
    rm -f "$OUT/pgbench/$shape.$variant".log*
  done
}

for shape in ${SHAPES//,/ }; do
  [ -f "$BENCH/shapes/$shape.graphql" ] || die "unknown shape $shape"
  log "$shape: ours"
  TOKEN=$(login)
  body "$shape" ours
  run_wrk "$shape" ours "http://127.0.0.1:$OURS_PORT/graphql" "$TOKEN" "$OURS_PID"
  if [ "$WITH_PGL" = 1 ]; then
    log "$shape: PostGraphile"
    body "$shape" postgraphile
    run_wrk "$shape" postgraphile "http://127.0.0.1:$PGL_PORT/graphql" "" "$PGL_PID"
  fi
  log "$shape: raw SQL (pgbench)"
  run_pgbench "$shape"
done

# ---- the report ------------------------------------------------------------------------------
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"cpu\": \"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\","
  echo "  \"cores\": $(nproc),"
  echo "  \"memory_gib\": $(awk '/MemTotal/{printf "%.0f", $2/1048576}' /proc/meminfo),"
  echo "  \"kernel\": \"$(uname -r)\","
  echo "  \"postgres\": \"$("$PGBIN/postgres" --version | sed -E 's/^[^0-9]*([0-9][^ ]*).*/\1/')\","
  echo "  \"node\": \"$([ "$WITH_PGL" = 1 ] && "$PGL_NODE" --version || echo -)\","
  echo "  \"rustc\": \"$(rustc --version 2>/dev/null | cut -d' ' -f2 || echo -)\","
  echo "  \"commit\": \"$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo -)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo +dirty)\","
  echo "  \"command\": \"bench/run.sh${ARGS:+ $ARGS}\","
  echo "  \"args\": \"scale=$SCALE seed=$SEED warmup=${WARMUP}s duration=${DURATION}s connections=$CONNS threads=$THREADS pool=$POOL\","
  echo "  \"seeded_by\": $(printf '%s' "$SEEDED_BY" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))'),"
  echo "  \"shapes\": \"$SHAPES\","
  echo "  \"postgraphile\": $WITH_PGL"
  echo "}"
} >"$OUT/meta.json"
python3 "$BENCH/report.py" summary "$OUT" "$BENCH/shapes"
if [ "$README" = 1 ]; then
  cp "$OUT/summary.md" "$BENCH/results/latest.md"
  cp "$OUT/summary.json" "$BENCH/results/latest.json"
  python3 "$BENCH/report.py" readme "$OUT/summary.md" "$BENCH/README.md"
fi
log "report: $OUT/summary.md"
cat "$OUT/summary.md"
