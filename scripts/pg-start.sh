#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a private port and data directory, installing
# Debian's postgresql package when it is missing. Prints `export CRM_TEST_PG_URL=...` and
# `export CRM_PG_DATA=...`; stop it with scripts/pg-stop.sh.
set -euo pipefail

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  done
}

bindir=$(find_bindir)
if [ -z "$bindir" ]; then
  echo "pg-start: installing PostgreSQL (Debian package postgresql)" >&2
  as_root=""
  [ "$(id -u)" -ne 0 ] && as_root="sudo"
  $as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq postgresql >&2
  bindir=$(find_bindir)
fi
[ -n "$bindir" ] || { echo "pg-start: no PostgreSQL server found or installed" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/crm-pg.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# initdb and the server refuse to run as root: run them as the postgres user then.
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$data"
  run=(runuser -u postgres --)
fi
"${run[@]}" "$bindir/initdb" -D "$data/db" -U crm --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
  || { cat "$data/initdb.log" >&2; exit 1; }
"${run[@]}" "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 30 \
  -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
  start >&2 || { cat "$data/server.log" >&2; exit 1; }

echo "export CRM_PG_DATA=$data"
echo "export CRM_PG_BINDIR=$bindir"
echo "export CRM_TEST_PG_URL=postgres://crm@127.0.0.1:$port"
