#!/usr/bin/env bash
# Installs the Debian 12 packages migcmd needs. Idempotent: packages already present are skipped.
#   install-deps.sh build    what building the library and the SQLite example needs
#   install-deps.sh all      also PostgreSQL, MariaDB, the ODBC drivers and the test tools
set -euo pipefail

build_packages=(
  g++ cmake make pkg-config git ca-certificates
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev libmariadb-dev libmariadb-dev-compat
  unixodbc-dev libfmt-dev nlohmann-json3-dev libboost-program-options-dev libssl-dev doctest-dev
  libhowardhinnant-date-dev tzdata
)
test_packages=(
  postgresql postgresql-contrib mariadb-server mariadb-client
  odbc-postgresql odbc-mariadb libsqliteodbc unixodbc clang-format
)

case "${1:-all}" in
  build) wanted=("${build_packages[@]}") ;;
  all) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 [build|all]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Packaged servers must not start their own system instances: the tests start their own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
