#!/usr/bin/env bash
# The one command that runs every test: formatting and lints, then the whole workspace's
# tests, with the API suite on SQLite and on a throwaway PostgreSQL server started here.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(scripts/pg-start.sh)"
trap 'scripts/pg-stop.sh' EXIT
export CRM_REQUIRE_PG=1
echo "test.sh: PostgreSQL test server at ${CRM_TEST_PG_URL}"

cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked 2>&1 | tee target/test-output.log

sqlite=$(grep -cE '^test .*::sqlite::.* \.\.\. ok$' target/test-output.log || true)
postgres=$(grep -cE '^test .*::postgres::.* \.\.\. ok$' target/test-output.log || true)
echo "test.sh: API suite passed on SQLite (${sqlite} tests) and on PostgreSQL (${postgres} tests)"
