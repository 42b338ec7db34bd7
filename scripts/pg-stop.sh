#!/usr/bin/env bash
# Stops and removes the cluster started by scripts/pg-start.sh.
set -uo pipefail
[ -n "${CRM_PG_DATA:-}" ] && [ -d "$CRM_PG_DATA/db" ] || exit 0
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
"${run[@]}" "$CRM_PG_BINDIR/pg_ctl" -D "$CRM_PG_DATA/db" -m immediate -w stop >/dev/null 2>&1
rm -rf "$CRM_PG_DATA"
