#!/usr/bin/env bash
# Builds crm-server and crm-bench in release mode and runs the benchmark on SQLite and on a
# throwaway PostgreSQL server (started here, fsync off). Arguments go to crm-bench, e.g.
#   scripts/bench.sh --contacts 1000000 --concurrency 64 --seconds 10 --backend both
#   scripts/bench.sh io --rows 1000000      (CSV import and export through the crm binary)
#   scripts/bench.sh tui --deals 5000       (crm-tui's first frame and key presses)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p crm-server -p crm-cli -p crm-tui -p crm-tests --bin crm-server --bin crm --bin crm-tui --bin crm-bench
eval "$(scripts/pg-start.sh)"
trap 'scripts/pg-stop.sh' EXIT
target/release/crm-bench "$@"
