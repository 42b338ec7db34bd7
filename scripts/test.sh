#!/usr/bin/env bash
# The one command that runs every test: formatting and lints, then the whole workspace's
# tests, with the API suite on SQLite and on a throwaway PostgreSQL server started here.
set -euo pipefail
cd "$(dirname "$0")/.."

# tmux, for crm-tui's end-to-end tests (the real binary driven in a tmux session; they fail
# without it): installed from Debian's package when missing, as pg-start.sh installs PostgreSQL.
if ! command -v tmux >/dev/null 2>&1; then
  echo "test.sh: installing tmux (Debian package tmux)" >&2
  as_root=""
  [ "$(id -u)" -ne 0 ] && as_root="sudo"
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux
fi

eval "$(scripts/pg-start.sh)"
trap 'scripts/pg-stop.sh' EXIT
export CRM_REQUIRE_PG=1
echo "test.sh: PostgreSQL test server at ${CRM_TEST_PG_URL}"

cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked 2>&1 | tee target/test-output.log

# The README's curl walk-through, against the real binary on each database (the binary that
# `cargo test` built for crm-server's own startup tests).
walk() {
  local url=$1 dir port pid
  dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$dir" && DATABASE_URL="$url" CRM_BIND="127.0.0.1:$port" RUST_LOG=warn exec "$OLDPWD/target/debug/crm-server") &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  scripts/walkthrough.sh "http://127.0.0.1:$port" || { kill "$pid"; return 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
walk "sqlite:crm.db"
psql -q "$CRM_TEST_PG_URL/postgres" -c 'CREATE DATABASE walkthrough'
walk "$CRM_TEST_PG_URL/walkthrough"

# schemathesis over every operation of the OpenAPI document, against the same binary on SQLite,
# then on PostgreSQL (whose text refuses what SQLite's takes, such as a NUL).
scripts/schemathesis.sh
psql -q "$CRM_TEST_PG_URL/postgres" -c 'CREATE DATABASE fuzz'
CRM_ST_DATABASE_URL="$CRM_TEST_PG_URL/fuzz" scripts/schemathesis.sh

sqlite=$(grep -cE '^test .*::sqlite::.* \.\.\. ok$' target/test-output.log || true)
postgres=$(grep -cE '^test .*::postgres::.* \.\.\. ok$' target/test-output.log || true)
echo "test.sh: API suite passed on SQLite (${sqlite} tests) and on PostgreSQL (${postgres} tests)"
