#!/usr/bin/env bash
# The diff_tool test: a developer's three runs of `add` in a new directory, then a look at the
# files. The generated headers are compiled (syntax only) against migcmd's headers.
#
#   run_example.sh path/to/diff_tool CXX_COMPILER MIGCMD_INCLUDE_DIR
set -euo pipefail

tool=$1 cxx=$2 include=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
files() { (cd migrations && ls | sort | tr '\n' ' '); }
state() { (cd migrations && sha256sum -- *); }

echo "== 1. model v1, no snapshot yet: the initial migration and the snapshot"
"$tool" --dir migrations add initial
[ "$(ls migrations/*_initial.hpp | wc -l)" -eq 1 ] || fail "no initial migration written"
[ -f migrations/migcmd.snapshot.json ] || fail "no snapshot written"
[ -f migrations/migrations.hpp ] || fail "no migrations.hpp written"
initial=$(cat migrations/*_initial.hpp)
for call in 'create_table("products"' 'create_table("stock"' 'add_foreign_key("fk_stock_product"'; do
  grep -qF "$call" <<<"$initial" || fail "the initial migration lacks $call"
done

echo "== 2. the same model again: nothing is written"
before=$(state)
out=$("$tool" --dir migrations add again)
echo "$out"
grep -q "Nothing written" <<<"$out" || fail "add did not say that nothing changed"
[ "$(state)" = "$before" ] || fail "files changed although the model did not: $(files)"

echo "== 3. model v2 (one new column): a second migration with just that change"
"$tool" --model v2 --dir migrations add add_discontinued
[ "$(ls migrations/*.hpp | wc -l)" -eq 3 ] || fail "expected 2 migrations and migrations.hpp: $(files)"
second=$(cat migrations/*_add_discontinued.hpp)
echo "$second"
grep -qF 'b.add_column("products", "discontinued", migcmd::Type::boolean())' <<<"$second" ||
  fail "the second migration does not add products.discontinued"
grep -qF 'b.drop_column("products", "discontinued")' <<<"$second" || fail "its down() is not the drop"
grep -q 'create_table\|add_foreign_key\|create_index' <<<"$second" &&
  fail "the second migration repeats parts of the first"
grep -q '"discontinued"' migrations/migcmd.snapshot.json || fail "the snapshot lacks the new column"
grep -q 'registry.add<AddDiscontinued>' migrations/migrations.hpp || fail "migrations.hpp lacks it"

echo "== 4. check: v2 matches the snapshot (0); v1 has a change no migration makes (7)"
"$tool" --model v2 --dir migrations check
status=0
"$tool" --model v1 --dir migrations check || status=$?
[ "$status" -eq 7 ] || fail "check with model v1 exited $status, expected 7"

echo "== 5. the generated C++ compiles"
echo '#include "migrations.hpp"' |
  "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wno-missing-field-initializers -Werror -x c++ -I migrations -I "$include" - ||
  fail "the generated migrations do not compile"

echo "diff_tool: all steps passed"
