#!/usr/bin/env bash
# Starts and stops the PostgreSQL and MariaDB servers the tests use: own data directories, own
# ports on 127.0.0.1, never the system's instances. Safe to run twice.
#
#   dbs.sh start | stop | status | env
#
# Environment: MIGCMD_DB_DIR (default <repo>/.dbs), MIGCMD_PG_PORT (55432),
# MIGCMD_MARIADB_PORT (53306). `env` prints the URLs the tests read:
#   MIGCMD_TEST_POSTGRES_URL=postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test
#   MIGCMD_TEST_MARIADB_URL=mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${MIGCMD_DB_DIR:-$repo/.dbs}
pg_port=${MIGCMD_PG_PORT:-55432}
maria_port=${MIGCMD_MARIADB_PORT:-53306}
user=migcmd
password=migcmd
database=migcmd_test

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pg_data=$dir/postgres
maria_data=$dir/mariadb
maria_run=$dir/mariadb-run  # socket, pid and log, owned by the server user
maria_socket=$maria_run/mariadb.sock

# PostgreSQL refuses to run as root and MariaDB prefers not to: as root, run them as their
# packaged system users, which own the data directories.
as_user() {
  local who=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$who" -- "$@"; else "$@"; fi
}
pg_user=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)
maria_user=$([ "$(id -u)" -eq 0 ] && echo mysql || id -un)

prepare_dir() {
  mkdir -p "$dir" "$1"
  if [ "$(id -u)" -eq 0 ]; then
    chmod 755 "$dir"
    chown "$2" "$1"
  fi
}

pg_running() { [ -n "$pg_bin" ] && as_user "$pg_user" "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; }

start_postgres() {
  [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (tools/dev/install-deps.sh all)" >&2; exit 1; }
  if pg_running; then echo "postgres: already running on 127.0.0.1:$pg_port"; return; fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    prepare_dir "$pg_data" "$pg_user"
    local pwfile
    pwfile=$(mktemp)
    echo "$password" >"$pwfile"
    chmod 644 "$pwfile"
    as_user "$pg_user" "$pg_bin/initdb" -D "$pg_data" -U "$user" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  as_user "$pg_user" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_data -c max_connections=200 -c fsync=off" \
    start >/dev/null
  if ! PGPASSWORD=$password psql -h 127.0.0.1 -p "$pg_port" -U "$user" -d postgres -Atc \
      "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    PGPASSWORD=$password psql -h 127.0.0.1 -p "$pg_port" -U "$user" -d postgres -qc \
      "CREATE DATABASE $database"
  fi
  echo "postgres: running on 127.0.0.1:$pg_port"
}

maria_ping() {
  mariadb-admin --no-defaults --protocol=tcp -h 127.0.0.1 -P "$maria_port" -u "$user" \
    -p"$password" ping >/dev/null 2>&1
}

start_mariadb() {
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] ||
    { echo "MariaDB is not installed (tools/dev/install-deps.sh all)" >&2; exit 1; }
  if maria_ping; then echo "mariadb: already running on 127.0.0.1:$maria_port"; return; fi
  local fresh=0
  if [ ! -d "$maria_data/mysql" ]; then
    prepare_dir "$maria_data" "$maria_user"
    as_user "$maria_user" mariadb-install-db --no-defaults --datadir="$maria_data" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/mariadb-install.log" 2>&1
    fresh=1
  fi
  prepare_dir "$maria_run" "$maria_user"
  # setsid: the server must outlive this script's process group.
  as_user "$maria_user" setsid /usr/sbin/mariadbd --no-defaults --datadir="$maria_data" \
    --port="$maria_port" --bind-address=127.0.0.1 --socket="$maria_socket" \
    --pid-file="$maria_run/mariadb.pid" --log-error="$maria_run/server.log" --skip-name-resolve \
    --max-connections=300 --innodb-flush-log-at-trx-commit=2 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 120); do
    mariadb-admin --no-defaults --socket="$maria_socket" -u "$(id -un)" ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  if [ "$fresh" -eq 1 ] || ! maria_ping; then
    # Socket authentication: root, or the OS user who created the data directory, is superuser.
    mariadb --no-defaults --socket="$maria_socket" -u "$(id -un)" <<SQL
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS $database;
SQL
  fi
  maria_ping || { echo "mariadb: did not start; see $maria_run/server.log" >&2; tail -20 "$maria_run/server.log" >&2; exit 1; }
  echo "mariadb: running on 127.0.0.1:$maria_port"
}

stop_postgres() {
  if pg_running; then as_user "$pg_user" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null; fi
  echo "postgres: stopped"
}

stop_mariadb() {
  if maria_ping; then
    mariadb-admin --no-defaults --protocol=tcp -h 127.0.0.1 -P "$maria_port" -u "$user" \
      -p"$password" shutdown >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do maria_ping || break; sleep 0.5; done
  fi
  echo "mariadb: stopped"
}

case "${1:-}" in
  start) start_postgres; start_mariadb ;;
  stop) stop_postgres; stop_mariadb ;;
  status)
    pg_running && echo "postgres: running on 127.0.0.1:$pg_port" || echo "postgres: stopped"
    maria_ping && echo "mariadb: running on 127.0.0.1:$maria_port" || echo "mariadb: stopped" ;;
  env)
    echo "MIGCMD_TEST_POSTGRES_URL=postgres://$user:$password@127.0.0.1:$pg_port/$database"
    echo "MIGCMD_TEST_MARIADB_URL=mysql://$user:$password@127.0.0.1:$maria_port/$database" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
