#!/usr/bin/env bash
# The README's walk-through with curl, checked: two users each create a contact, an
# opportunity, a deal and an activity; list, filter, sort and page; update with and without a
# stale If-Match; soft-delete and restore; and user B probes every one of A's records and gets
# 404 each time. Usage: scripts/walkthrough.sh [BASE_URL]   (default http://127.0.0.1:3000)
set -euo pipefail
API=${1:-${CRM_SERVER:-http://127.0.0.1:3000}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checks=0

# call METHOD PATH TOKEN [JSON] [HEADER...]: sets STATUS, BODY and HEADERS
call() {
  local method=$1 path=$2 token=$3 body=${4:-}
  shift 4 || shift $#
  local args=(-s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method" "$API$path")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  for h in "$@"; do args+=(-H "$h"); done
  STATUS=$(curl "${args[@]}")
  BODY=$(cat "$tmp/body")
  HEADERS=$(cat "$tmp/headers")
}

expect() {
  checks=$((checks + 1))
  if [ "$STATUS" != "$1" ]; then
    echo "FAIL: $2: expected HTTP $1, got $STATUS: $BODY" >&2
    exit 1
  fi
}

# json EXPR: evaluates a Python expression over the last body, bound to `d`
json() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); print(($1))"; }

stamp=$(date +%s%N)
declare -A TOKEN CONTACT OPP DEAL ACT
for who in a b; do
  call POST /api/auth/register "" "{\"email\":\"$who.$stamp@example.com\",\"password\":\"correct horse battery\",\"name\":\"User $who\"}"
  expect 201 "register $who"
  TOKEN[$who]=$(json 'd["token"]')
  t=${TOKEN[$who]}
  call POST /api/crm/contacts "$t" "{\"name\":\"Bob of $who\",\"email\":\"bob.$who@example.com\",\"company\":\"Stone & Co\",\"status\":\"lead\",\"rating\":4}"
  expect 201 "$who creates a contact"
  CONTACT[$who]=$(json 'd["id"]')
  call POST /api/crm/opportunities "$t" "{\"contact_id\":${CONTACT[$who]},\"name\":\"Office move\",\"value\":\"12500.00\",\"currency\":\"eur\",\"stage\":\"qualification\"}"
  expect 201 "$who creates an opportunity"
  OPP[$who]=$(json 'd["id"]')
  [ "$(json 'd["currency"], d["stage"], d["value"]')" = "('EUR', 'Qualification', '12500.00')" ] || { echo "FAIL: canonical values: $BODY" >&2; exit 1; }
  call POST /api/crm/deals "$t" "{\"opportunity_id\":${OPP[$who]},\"contact_id\":${CONTACT[$who]},\"name\":\"Phase 1\",\"amount\":4800.5}"
  expect 201 "$who creates a deal"
  DEAL[$who]=$(json 'd["id"]')
  call POST /api/crm/activities "$t" "{\"type\":\"call\",\"priority\":\"high\",\"contact_id\":${CONTACT[$who]},\"due_date\":\"2026-12-01\",\"description\":\"Call about the lease\"}"
  expect 201 "$who creates an activity"
  ACT[$who]=$(json 'd["id"]')
  for i in 1 2 3 4 5; do
    call POST /api/crm/contacts "$t" "{\"name\":\"Extra $i\",\"status\":\"customer\",\"rating\":$((i % 6))}"
    expect 201 "$who creates contact $i"
  done
done
A=${TOKEN[a]}
B=${TOKEN[b]}

# list, filter, sort, page
call GET '/api/crm/contacts?filter=status%5Beq%5D:%22Customer%22,rating%5Bgte%5D:3&sort=-rating,name&total=true' "$A"
expect 200 "filtered, sorted list"
[ "$(json 'd["total"], [c["rating"] for c in d["data"]]')" = "(3, [5, 4, 3])" ] || { echo "FAIL: filter/sort: $BODY" >&2; exit 1; }
call GET '/api/crm/contacts?limit=4&sort=name' "$A"
expect 200 "first page"
cursor=$(json 'd["next_cursor"]')
call GET "/api/crm/contacts?limit=4&sort=name&cursor=$cursor" "$A"
expect 200 "second page"
[ "$(json 'len(d["data"]), d["next_cursor"]')" = "(2, None)" ] || { echo "FAIL: paging: $BODY" >&2; exit 1; }
call GET '/api/crm/contacts?q=stone' "$A"
expect 200 "search"
[ "$(json 'len(d["data"])')" = 1 ] || { echo "FAIL: search: $BODY" >&2; exit 1; }

# conditional updates
c=${CONTACT[a]}
call GET "/api/crm/contacts/$c" "$A"
expect 200 "read a contact"
etag=$(printf '%s' "$HEADERS" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
call PATCH "/api/crm/contacts/$c" "$A" '{"status":"Customer"}' "If-Match: $etag"
expect 200 "update with the current If-Match"
call PATCH "/api/crm/contacts/$c" "$A" '{"status":"Closed"}' "If-Match: $etag"
expect 412 "update with a stale If-Match"
call PUT "/api/crm/contacts/$c" "$A" '{"notes":"no If-Match: last writer wins"}'
expect 200 "update without If-Match"
call POST "/api/crm/deals/${DEAL[a]}/move" "$A" '{"stage":"proposal"}'
expect 200 "move a deal"
[ "$(json 'd["stage"], d["probability"]')" = "('Proposal', 50)" ] || { echo "FAIL: moved: $BODY" >&2; exit 1; }
call GET "/api/crm/deals/${DEAL[a]}/history" "$A"
expect 200 "deal history"
[ "$(json 'len(d)')" = 2 ] || { echo "FAIL: history: $BODY" >&2; exit 1; }
call POST "/api/crm/deals/${DEAL[a]}/move" "$A" '{"stage":"Won"}'
expect 404 "a stage the pipeline does not have"

# pipelines and the figures
call GET /api/crm/pipelines "$A"
expect 200 "pipelines"
[ "$(json '[s["name"] for s in d[0]["stages"]]')" = "['Prospect', 'Qualification', 'Proposal', 'Negotiation', 'Closed-Won', 'Closed-Lost']" ] || { echo "FAIL: stages: $BODY" >&2; exit 1; }
call GET "/api/crm/pipeline?view=summary" "$A"
expect 200 "pipeline summary"
[ "$(json '[(s["stage"], s["count"]) for s in d["stages"] if s["count"]]')" = "[('Proposal', 1)]" ] || { echo "FAIL: summary: $BODY" >&2; exit 1; }
call GET /api/crm/pipeline "$A"
expect 200 "pipeline board"
[ "$(json 'list(d)[2], [x["id"] for x in d["Proposal"]]')" = "('Proposal', [${DEAL[a]}])" ] || { echo "FAIL: board: $BODY" >&2; exit 1; }
call GET "/api/crm/forecast?months=3" "$A"
expect 200 "forecast"
call GET /api/crm/dashboard "$A"
expect 200 "dashboard"
[ "$(json 'd["open_opportunities"], d["win_rate"], d["funnel"][0]["count"], d["by_stage"][2]["amounts"]')" = "(1, None, 1, [{'currency': 'USD', 'amount': '4800.50'}])" ] || { echo "FAIL: dashboard: $BODY" >&2; exit 1; }
call GET "/api/crm/dashboard?from=2026-03-10&to=2026-03-01" "$A"
expect 400 "a period that ends before it starts"
call POST "/api/crm/activities/${ACT[a]}/complete" "$A"
expect 200 "complete an activity"
call GET "/api/crm/contacts/$c/timeline" "$A"
expect 200 "timeline"
call GET /api/crm/audit "$A"
expect 200 "audit"

# user B probes every one of A's records
for probe in \
  "GET /api/crm/contacts/${CONTACT[a]}" "PATCH /api/crm/contacts/${CONTACT[a]}" "PUT /api/crm/contacts/${CONTACT[a]}" \
  "DELETE /api/crm/contacts/${CONTACT[a]}" "POST /api/crm/contacts/${CONTACT[a]}/restore" "GET /api/crm/contacts/${CONTACT[a]}/timeline" \
  "GET /api/crm/opportunities/${OPP[a]}" "PATCH /api/crm/opportunities/${OPP[a]}" "DELETE /api/crm/opportunities/${OPP[a]}" \
  "GET /api/crm/deals/${DEAL[a]}" "PATCH /api/crm/deals/${DEAL[a]}" "DELETE /api/crm/deals/${DEAL[a]}" "GET /api/crm/deals/${DEAL[a]}/history" \
  "GET /api/crm/activities/${ACT[a]}" "PATCH /api/crm/activities/${ACT[a]}" "DELETE /api/crm/activities/${ACT[a]}" \
  "POST /api/crm/activities/${ACT[a]}/complete"; do
  set -- $probe
  body=""
  [ "$1" = PATCH ] || [ "$1" = PUT ] && body='{"name":"mine now"}'
  [[ "$2" == */activities/* ]] && [ -n "$body" ] && body='{"description":"mine now"}'
  call "$1" "$2" "$B" "$body"
  expect 404 "B: $probe"
done
call POST /api/crm/deals "$B" "{\"name\":\"Stolen link\",\"contact_id\":${CONTACT[a]}}"
expect 404 "B links a deal to A's contact"
call GET '/api/crm/contacts?q=of%20a' "$B"
expect 200 "B searches"
[ "$(json 'len(d["data"])')" = 0 ] || { echo "FAIL: B sees A's contacts: $BODY" >&2; exit 1; }

# soft delete and restore
call DELETE "/api/crm/contacts/$c" "$A"
expect 204 "delete"
call GET "/api/crm/contacts/$c" "$A"
expect 404 "deleted contact is gone from reads"
call GET '/api/crm/contacts?deleted=true' "$A"
expect 200 "the trash"
[ "$(json 'len(d["data"])')" = 1 ] || { echo "FAIL: trash: $BODY" >&2; exit 1; }
call POST "/api/crm/contacts/$c/restore" "$A"
expect 200 "restore"
call GET "/api/crm/contacts/$c" "$A"
expect 200 "restored contact reads again"

echo "walkthrough: $checks checks passed against $API"
