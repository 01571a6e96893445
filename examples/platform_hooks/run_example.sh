#!/usr/bin/env bash
# The platform_hooks test: three deployments of the same release into one new directory, as the
# platform would run them, with the change board's decision file changed in between.
#   1. the change board says no            -> refused (exit 8), nothing applied, audited
#   2. the board says yes, but the SSO user is only a developer -> refused by governance (8)
#   3. the board says yes, the user is in the dba group         -> applied (0), audited
#
#   run_example.sh path/to/platform_hooks
set -euo pipefail

program=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (tools/dev/install-deps.sh)"
# Runs one deployment as PLATFORM_USER=$1 with PLATFORM_GROUPS=$2; checks the exit status $3.
deploy() {
  local status=0
  out=$(PLATFORM_USER=$1 PLATFORM_GROUPS=$2 "$program" "$work") || status=$?
  echo "$out"
  [ "$status" -eq "$3" ] || fail "platform_hooks exited $status, expected $3"
}
has_table() { [ -n "$(sqlite3 "$work/app.db" "SELECT name FROM sqlite_schema WHERE name = '$1'")" ]; }

echo "== 1. the change board refuses"
echo "deny release freeze until Monday (CHG-1042)" >"$work/decision.txt"
deploy ana dba,sso-users 8
has_table invoices && fail "invoices was created although the run was refused"
grep -q "#1 ana run refused .* -- change board: release freeze until Monday" <<<"$out" ||
  fail "the refusal is not in the audit trail"

echo "== 2. the board allows, but governance refuses a developer in staging"
echo "allow CHG-1042" >"$work/decision.txt"
deploy dev developer 8
has_table invoices && fail "invoices was created although the run was refused"
grep -q "#2 dev run refused .*permission run.staging is missing" <<<"$out" ||
  fail "the permission refusal is not in the audit trail"

echo "== 3. the board allows and the user may run in staging"
deploy ana dba 0
has_table invoices || fail "invoices is missing after the allowed run"
[ "$(sqlite3 "$work/app.db" "SELECT count(*) FROM migcmd_history WHERE applied_by = 'ana'")" = 2 ] ||
  fail "the history does not show 2 migrations applied by ana"
for line in "#3 ana run allowed" "#4 ana migration succeeded 20250301100000_create_invoices" \
  "#5 ana migration succeeded 20250301100500_index_invoices_by_customer" "#6 ana run succeeded"; do
  grep -q "$line" <<<"$out" || fail "the audit trail lacks: $line"
done
grep -q "audit trail (chain verified)" <<<"$out" || fail "the audit chain does not verify"

echo "platform_hooks: all steps passed"
