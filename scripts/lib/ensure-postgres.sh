# Sourced by scripts/test. The store's tests run against PGlite and against a real PostgreSQL:
# DATABASE_URL when given; otherwise Debian's PostgreSQL, installed when missing and started, with
# a throw-away role and database whose password is generated here and kept in .tools/ (never
# committed). Without root and without DATABASE_URL it says so and the PostgreSQL tests skip
# (CI=true makes them fail instead).
ensure_test_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "No DATABASE_URL and not root: the PostgreSQL store tests will not run." >&2
    return 0
  fi
  command -v pg_lsclusters >/dev/null 2>&1 || ensure_debian_packages pg_lsclusters:postgresql
  command -v pg_lsclusters >/dev/null 2>&1 || { echo "PostgreSQL could not be installed" >&2; return 0; }
  local line version cluster port status
  line="$(pg_lsclusters -h | head -n 1)"
  if [ -z "$line" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    pg_createcluster "$version" main >/dev/null
    line="$(pg_lsclusters -h | head -n 1)"
  fi
  read -r version cluster port status _ <<<"$line"
  [ "$status" = online ] || pg_ctlcluster "$version" "$cluster" start
  local url_file=.tools/postgres-test-url
  mkdir -p .tools
  # Another checkout on this machine may have set a new password since: check, and heal if so.
  if [ ! -s "$url_file" ] || ! psql "$(cat "$url_file")" -qtAc 'SELECT 1' >/dev/null 2>&1; then
    local password
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'parley_test') THEN CREATE ROLE parley_test LOGIN; END IF;
END \$\$;
ALTER ROLE parley_test PASSWORD '$password';
SELECT 'CREATE DATABASE parley_test OWNER parley_test'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'parley_test') \gexec
SQL
    (umask 077 && echo "postgres://parley_test:$password@127.0.0.1:$port/parley_test" >"$url_file")
  fi
  DATABASE_URL="$(cat "$url_file")"
  export DATABASE_URL
}
ensure_test_postgres
