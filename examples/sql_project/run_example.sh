#!/usr/bin/env bash
# The sql_project example as ctest runs it: the migcmd binary (first argument) drives the
# migrations directory next to this script against a new SQLite file, the way a team without any
# C++ would. Every step checks what a user would look at; the first failure stops the test.
#
#   run_example.sh path/to/migcmd
set -euo pipefail

migcmd=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the project: the test edits a file, which must never touch the example itself.
cp -r "$here/migrations" "$work/migrations"
cd "$work"
export DATABASE_URL="sqlite:$work/app.db"

fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (tools/dev/install-deps.sh)"
step() { echo; echo "== $*"; }
tables() { sqlite3 "$work/app.db" "SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name" | tr '\n' ' '; }
# Runs migcmd and checks its exit status, printing what it printed either way.
expect_status() {
  local want=$1; shift
  local got=0
  "$migcmd" "$@" || got=$?
  [ "$got" -eq "$want" ] || fail "migcmd $* exited $got, expected $want"
}

step "up: all four migrations"
"$migcmd" up

step "status: all applied"
out=$("$migcmd" status)
echo "$out"
grep -q "4 migration(s): 4 applied$" <<<"$out" || fail "status does not show 4 applied"

step "the tables, the index and the backfilled column exist"
got=$(tables)
echo "$got"
for name in customers orders ix_orders_customer_id ix_orders_placed_at uq_customers_email; do
  grep -qw "$name" <<<"$got" || fail "$name is missing after up"
done
counts=$(sqlite3 app.db "SELECT group_concat(order_count, ',') FROM (SELECT order_count FROM customers ORDER BY id)")
[ "$counts" = "2,1" ] || fail "order_count backfilled as '$counts', expected '2,1'"

step "down --steps 1: the last migration (the index) is rolled back"
"$migcmd" down --steps 1
grep -qw ix_orders_placed_at <<<"$(tables)" && fail "ix_orders_placed_at still exists after down"
grep -Eq "index_orders_placed_at +rolled_back" <<<"$("$migcmd" status)" || fail "status does not show the rollback"

step "down again: the backfill has no down part, so migcmd refuses (exit 3) and changes nothing"
expect_status 3 down --steps 1
grep -qw customers <<<"$(tables)" || fail "customers disappeared"

step "up again: only the rolled-back migration is applied"
out=$("$migcmd" up)
echo "$out"
[ "$(grep -c '^applied ' <<<"$out")" -eq 1 ] || fail "up applied more than the one rolled-back migration"
grep -qw ix_orders_placed_at <<<"$(tables)" || fail "ix_orders_placed_at is missing after up again"

step "validate and drift: the files, migcmd.sum and the database agree"
"$migcmd" validate
"$migcmd" drift

step "script and dump print SQL without changing anything"
# (grep reads the whole output: grep -q on a pipe would end migcmd with SIGPIPE under pipefail)
grep -q "CREATE TABLE customers" <<<"$("$migcmd" script --offline --to 20250106090000)" ||
  fail "script does not contain the first migration"
grep -q 'CREATE TABLE "orders"' <<<"$("$migcmd" dump)" || fail "dump does not contain orders"

step "editing an applied file: validate fails with exit status 3"
sed -i 's/total_cents INTEGER NOT NULL DEFAULT 0/total_cents BIGINT NOT NULL DEFAULT 0/' \
  migrations/20250106090500_create_orders.sql
expect_status 3 validate  # migcmd.sum no longer matches
"$migcmd" hash            # even with a rewritten migcmd.sum...
expect_status 3 validate  # ...the history's checksum of the applied file does not match
expect_status 3 up        # and up refuses to run

step "new: the next migration file, pending"
grep -q '_add_customer_phone.sql$' <<<"$("$migcmd" new add_customer_phone)" || fail "new printed no path"
grep -Eq "add_customer_phone +pending" <<<"$("$migcmd" status)" || fail "the new migration is not pending"

echo
echo "sql_project: all steps passed"
