#!/usr/bin/env bash
# Crash test (issue 9, item 6): kill -9 drx in the middle of a write load, restart it, and check
# that every write the clients saw acknowledged is there, the database passes its integrity
# check and the audit hash chain still verifies. Runs ROUNDS rounds on SQLite (the default store)
# and on PostgreSQL (at $DRX_CRASH_PG, default the local server), killing at a random moment
# 1.5-4 s into the load. Prints a Markdown table; exits non-zero on any lost write or damage.
# Usage: bash bench/crash/run.sh [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-3}"
PG="${DRX_CRASH_PG:-postgres://postgres@127.0.0.1:5432}"
PGDB="drx_crash"
export PGOPTIONS="-c client_min_messages=warning"
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p drx --bin drx
BIN="$TARGET/release/drx"

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill -9 "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "CRASH CHECK FAILED: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() {
  for _ in $(seq 1 150); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done
  fail "no answer from $1"
}
start() { # db-args...
  port=$(free_port)
  "$BIN" serve "$@" --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  wait_up "http://127.0.0.1:$port/healthz"
}

echo "| store | round | killed after | writes acknowledged | found after restart | integrity | audit chain |"
echo "|---|---|---|---|---|---|---|"
for store in sqlite postgres; do
  if [ "$store" = sqlite ]; then
    "$BIN" demo --no-serve --data "$work/db" >/dev/null
    args=(--data "$work/db")
  else
    psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB" >/dev/null
    "$BIN" demo --no-serve --database-url "$PG/$PGDB" >/dev/null
    args=(--database-url "$PG/$PGDB")
  fi
  for round in $(seq 1 "$ROUNDS"); do
    start "${args[@]}"
    eval "$(python3 bench/load/drxsession.py "http://127.0.0.1:$port" organizer@drx.example drx-demo-2026)"
    export DRX_COOKIE DRX_CSRF DRX_FIELD DRX_HOSPITAL
    acked="$work/acked-$store-$round.txt"
    : >"$acked"
    python3 bench/crash/writer.py "http://127.0.0.1:$port" "$acked" 8 &
    writer=$!
    delay=$(python3 -c 'import random; print(round(random.uniform(1.5, 4.0), 1))')
    sleep "$delay"
    kill -9 "$server"
    wait "$server" 2>/dev/null || true
    server=""
    wait "$writer" || fail "the writer saw an unexpected answer before the crash"
    n=$(wc -l <"$acked")
    [ "$n" -gt 0 ] || fail "no write was acknowledged before the kill (round $round)"

    start "${args[@]}"
    ids=$(paste -sd, "$acked")
    if [ "$store" = sqlite ]; then
      found=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('SELECT COUNT(*) FROM needs WHERE id IN (' + sys.argv[2] + ')').fetchone()[0])" "$work/db/drx.db" "$ids")
      integrity=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute('PRAGMA integrity_check').fetchall(); fk=c.execute('PRAGMA foreign_key_check').fetchall(); print('ok' if r==[('ok',)] and not fk else repr((r[:3], fk[:3])))" "$work/db/drx.db")
    else
      found=$(psql -tA "$PG/$PGDB" -c "SELECT COUNT(*) FROM needs WHERE id IN ($ids)")
      psql -q "$PG/$PGDB" -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null
      bad=$(psql -tA "$PG/$PGDB" -c "SELECT COUNT(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public') t" 2>&1) || fail "amcheck: $bad"
      integrity="ok (amcheck, $bad indexes)"
    fi
    # Each acknowledged need is also served by the restarted node.
    last=$(tail -n1 "$acked")
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $DRX_COOKIE" "http://127.0.0.1:$port/needs/$last")
    [ "$code" = 200 ] || fail "need $last answered $code after restart"
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    chain=$("$BIN" audit verify "${args[@]}" 2>&1 | tail -n1) || fail "audit chain: $chain"
    echo "| $store | $round | ${delay} s | $n | $found | $integrity | $chain |"
    [ "$found" = "$n" ] || fail "$store round $round: $n writes acknowledged, $found found"
    case "$integrity" in ok*) ;; *) fail "$store integrity: $integrity" ;; esac
  done
done
