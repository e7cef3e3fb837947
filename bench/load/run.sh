#!/usr/bin/env bash
# Load benchmark of drx on loopback (issue 9, item 5), printed as a Markdown table.
#   1. wrk, 64 connections, mixed reads and writes (bench/load/mixed.lua: 9 reads : 1 write, one
#      signed-in organizer) against `drx serve` on the SQLite demo, beside a bare axum hello-world
#      (crates/drx/examples/hello_axum.rs) measured the same way on the same machine;
#   2. two drx nodes on one PostgreSQL: a session made on one node is used on the other, the same
#      mixed load runs against both nodes at once, and 300 mails queued in the outbox are delivered
#      by the two nodes' workers to an SMTP sink exactly once each.
# Fails on any error: a non-2xx/3xx answer, a socket error, a lost write, a mail sent twice.
# Usage: bash bench/load/run.sh [seconds per run, default 60]
# Needs: wrk, curl, python3, psql and a PostgreSQL at $DRX_LOAD_PG (default the local one).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-60}"
CONNS="${LOAD_CONNECTIONS:-64}"
PG="${DRX_LOAD_PG:-postgres://postgres@127.0.0.1:5432}"
PGDB="drx_load"
export PGOPTIONS="-c client_min_messages=warning"
TARGET="${CARGO_TARGET_DIR:-target}"

cargo build --release -q -p drx --bin drx --example hello_axum
BIN="$TARGET/release/drx"
HELLO="$TARGET/release/examples/hello_axum"

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() {
  for _ in $(seq 1 150); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "no answer from $1" >&2
  return 1
}
fail() { echo "LOAD CHECK FAILED: $*" >&2; exit 1; }
# field NAME from a RESULT line
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
row() { # label RESULT-line
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" rps)" "$(field "$2" p50_ms)" \
    "$(field "$2" p99_ms)" "$(( $(field "$2" status_errors) + $(field "$2" socket_errors) + $(field "$2" unexpected) ))" \
    "$(field "$2" writes_acknowledged)" "$(field "$2" requests)"
}
check_clean() { # label RESULT-line
  [ -n "$2" ] || fail "$1: wrk printed no result"
  local errs=$(( $(field "$2" status_errors) + $(field "$2" socket_errors) + $(field "$2" unexpected) ))
  [ "$errs" = 0 ] || fail "$1: $errs errors ($2)"
}
wrk_run() { # label url script connections
  wrk -t2 -c"$4" -d"${DURATION}s" --timeout 10s -s "$3" "$2" >"$work/$1.out" 2>&1 || { cat "$work/$1.out"; fail "wrk $1"; }
  grep '^RESULT' "$work/$1.out" || true
}

echo "drx load benchmark: ${DURATION}s per run, ${CONNS} connections, $(nproc) cores, $(date -u +%FT%TZ)" >&2

# --- 1. one node on SQLite, beside hello-world -------------------------------------------------
"$BIN" demo --no-serve --data "$work/sqlite" >/dev/null
port=$(free_port)
"$BIN" serve --data "$work/sqlite" --port "$port" >"$work/node.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$port/healthz"
eval "$(python3 bench/load/drxsession.py "http://127.0.0.1:$port" organizer@drx.example drx-demo-2026)"
export DRX_COOKIE DRX_CSRF DRX_FIELD DRX_HOSPITAL
drx_single=$(wrk_run drx-sqlite "http://127.0.0.1:$port" bench/load/mixed.lua "$CONNS")
check_clean "drx (SQLite)" "$drx_single"
stored=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT COUNT(*) FROM needs WHERE problem LIKE 'load test need %'\").fetchone()[0])" "$work/sqlite/drx.db")
acked=$(field "$drx_single" writes_acknowledged)
sent=$(field "$drx_single" writes)
[ "$stored" -ge "$acked" ] && [ "$stored" -le "$sent" ] || fail "SQLite: $acked writes acknowledged, $stored stored (of $sent sent)"

hport=$(free_port)
"$HELLO" "$hport" &
pids+=($!)
wait_up "http://127.0.0.1:$hport/"
hello=$(wrk_run hello "http://127.0.0.1:$hport/" bench/load/hello.lua "$CONNS")
check_clean "hello-world" "$hello"

# --- 2. two nodes on one PostgreSQL ------------------------------------------------------------
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB" >/dev/null
"$BIN" demo --no-serve --database-url "$PG/$PGDB" >/dev/null
sink_port=$(free_port)
python3 bench/load/smtp_sink.py "$sink_port" "$work/sink.txt" &
pids+=($!)
: >"$work/sink.txt"
pa=$(free_port); pb=$(free_port)
for p in "$pa" "$pb"; do
  "$BIN" serve --database-url "$PG/$PGDB" --port "$p" --smtp-url "smtp://127.0.0.1:$sink_port" >"$work/node-$p.log" 2>&1 &
  pids+=($!)
done
wait_up "http://127.0.0.1:$pa/healthz"; wait_up "http://127.0.0.1:$pb/healthz"

# A session made on node A is valid on node B (and one made on B on A).
eval "$(python3 bench/load/drxsession.py "http://127.0.0.1:$pa" organizer@drx.example drx-demo-2026)"
export DRX_COOKIE DRX_CSRF DRX_FIELD DRX_HOSPITAL
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $DRX_COOKIE" "http://127.0.0.1:$pb/account")
[ "$code" = 200 ] || fail "a session from node A got $code on node B"
other=$(python3 bench/load/drxsession.py "http://127.0.0.1:$pb" clinician@drx.example drx-demo-2026 | sed -n "s/^DRX_COOKIE='\(.*\)'$/\1/p")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $other" "http://127.0.0.1:$pa/account")
[ "$code" = 200 ] || fail "a session from node B got $code on node A"

# 300 mails for the two workers to race for, queued while both nodes run.
psql -q "$PG/$PGDB" -c "INSERT INTO outbox (recipient, subject, body, next_attempt_at, created_at)
  SELECT 'load' || g || '@drx.example', 'two-node check ' || g, 'body ' || g,
         EXTRACT(EPOCH FROM now())::bigint, EXTRACT(EPOCH FROM now())::bigint
  FROM generate_series(1, 300) AS g" >/dev/null

half=$(( CONNS / 2 ))
wrk_run drx-pg-a "http://127.0.0.1:$pa" bench/load/mixed.lua "$half" >"$work/a.result" &
wa=$!
wrk_run drx-pg-b "http://127.0.0.1:$pb" bench/load/mixed.lua "$half" >"$work/b.result" &
wb=$!
wait "$wa"; wait "$wb"
node_a=$(cat "$work/a.result"); node_b=$(cat "$work/b.result")
check_clean "drx node A (PostgreSQL)" "$node_a"
check_clean "drx node B (PostgreSQL)" "$node_b"
stored=$(psql -tA "$PG/$PGDB" -c "SELECT COUNT(*) FROM needs WHERE problem LIKE 'load test need %'")
acked=$(( $(field "$node_a" writes_acknowledged) + $(field "$node_b" writes_acknowledged) ))
sent=$(( $(field "$node_a" writes) + $(field "$node_b" writes) ))
[ "$stored" -ge "$acked" ] && [ "$stored" -le "$sent" ] || fail "PostgreSQL: $acked writes acknowledged, $stored stored (of $sent sent)"

for _ in $(seq 1 120); do
  pending=$(psql -tA "$PG/$PGDB" -c "SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
  [ "$pending" = 0 ] && break
  sleep 1
done
[ "$pending" = 0 ] || fail "$pending mails still pending after two minutes"
sent_rows=$(psql -tA "$PG/$PGDB" -c "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")
received=$(wc -l <"$work/sink.txt")
checks=$(grep -c '^two-node check ' "$work/sink.txt" || true)
distinct=$(grep '^two-node check ' "$work/sink.txt" | sort -u | wc -l)
[ "$checks" = 300 ] && [ "$distinct" = 300 ] || fail "two-node mails: $checks received, $distinct distinct, 300 queued"
[ "$received" = "$sent_rows" ] || fail "the sink received $received mails for $sent_rows sent rows"

echo
echo "| target (${DURATION} s, wrk -t2) | requests/s | p50 ms | p99 ms | errors | writes stored | requests |"
echo "|---|---|---|---|---|---|---|"
row "axum hello-world, GET /, ${CONNS} conn." "$hello"
row "drx on SQLite, mixed 9:1, ${CONNS} conn." "$drx_single"
row "drx node A on PostgreSQL, mixed, ${half} conn." "$node_a"
row "drx node B on PostgreSQL, mixed, ${half} conn." "$node_b"
echo
echo "Two nodes on one PostgreSQL: sessions valid on both; $received mails sent by two workers, each of the 300 queued exactly once."
