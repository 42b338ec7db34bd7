#!/usr/bin/env bash
# Fuzzes every operation of the OpenAPI document with schemathesis against the real
# crm-server binary on a fresh database (SQLite, or the PostgreSQL one CRM_ST_DATABASE_URL names),
# with a valid bearer token and every check:
# no 5xx, no schema-valid request refused, no schema-invalid request accepted, no status,
# header, content type or body the document does not declare. Fails on any failure.
#
# The two string formats no pattern can state (the filter grammar, the opaque cursor) get their
# generators from scripts/schemathesis/hooks.py; scripts/schemathesis/schemathesis.toml says why
# each setting differs from schemathesis's defaults.
#
# Usage: scripts/schemathesis.sh            (builds the debug binary if it is missing)
# Env:   CRM_SERVER_BIN   the binary to test (default target/debug/crm-server)
#        CRM_ST_DATABASE_URL  an empty PostgreSQL database to test on (default: a fresh SQLite file)
#        ST_MAX_EXAMPLES  test cases per operation and phase (default 25)
#        ST_SEED          the random seed (default 20261123)
set -euo pipefail
cd "$(dirname "$0")/.."

ST_VERSION=4.32.5
venv=target/schemathesis-venv
bin=${CRM_SERVER_BIN:-target/debug/crm-server}
max_examples=${ST_MAX_EXAMPLES:-25}
seed=${ST_SEED:-20261123}

# schemathesis, pinned, in a virtualenv under target/ (made once, reused).
if [ "$("$venv/bin/st" --version 2>/dev/null)" != "st, version $ST_VERSION" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$ST_VERSION"
fi

[ -x "$bin" ] || cargo build --locked -p crm-server --bin crm-server

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api="http://127.0.0.1:$port"
# The rate limits are raised out of the fuzzer's way (it drives one user hard; the limits have
# tests of their own, and their 429 is in the document). The connectors point at a closed local port (port 9, discard): a sync the fuzzer starts fails
# at once, with its run recorded, and never leaves the machine.
(cd "$dir" && DATABASE_URL="${CRM_ST_DATABASE_URL:-sqlite:crm.db}" CRM_BIND="127.0.0.1:$port" JWT_SECRET="schemathesis-secret-schemathesis-0123" \
  BRIVITY_BASE_URL="http://127.0.0.1:9" TOPPRODUCER_BASE_URL="http://127.0.0.1:9" CRM_SYNC_ATTEMPTS=1 \
  CRM_SYNC_TIMEOUT_SECS=2 CRM_RATE_USER=100000/s CRM_RATE_ADDRESS=100000/s CRM_RATE_AUTH=100000/s \
  CRM_RATE_LOGIN=100000/s RUST_LOG=warn exec "$OLDPWD/$bin") >"$dir/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$api/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "$api/readyz" >/dev/null || { echo "schemathesis.sh: the server did not start" >&2; cat "$dir/server.log" >&2; exit 1; }

# A user to act as, and a few records of each kind, so that generated ids sometimes exist.
token=$(curl -sf -X POST "$api/api/auth/register" -H 'Content-Type: application/json' \
  --data-binary '{"email":"fuzz@example.com","password":"correct horse battery","name":"Fuzz"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
for entity in contacts opportunities deals activities; do
  case $entity in
    activities) body='{"type":"Call"}' ;;
    *) body='{"name":"Seed"}' ;;
  esac
  for _ in 1 2 3; do
    curl -sf -o /dev/null -X POST "$api/api/crm/$entity" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary "$body"
  done
done

echo "schemathesis.sh: schemathesis $ST_VERSION, seed $seed, $max_examples examples per operation"
status=0
root=$PWD
# Run from the scratch folder, where Hypothesis leaves its files. One worker: with two threads,
# Python 3.11's ast.parse (which Hypothesis calls to describe its generators) now and then fails
# with "AST constructor recursion depth mismatch", and the order of the requests changes from run
# to run (they share one account), so a run would not repeat.
(cd "$dir" && SCHEMATHESIS_HOOKS="$root/scripts/schemathesis/hooks.py" "$root/$venv/bin/st" \
  --config-file "$root/scripts/schemathesis/schemathesis.toml" \
  run "$api/api/openapi.json" \
  --checks all \
  --header "Authorization: Bearer $token" \
  --max-examples "$max_examples" \
  --seed "$seed" \
  --generation-database none \
  --workers 1 \
  --no-color \
  --report junit --report-dir "$root/target/schemathesis-report") || status=$?
if [ "$status" != 0 ]; then
  echo "schemathesis.sh: FAILED (server log: last lines below)" >&2
  tail -20 "$dir/server.log" >&2
fi
exit "$status"
