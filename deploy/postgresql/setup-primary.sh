#!/usr/bin/env bash
# Prepares the PostgreSQL 15 primary for Fazhi and its hot standby. Run as root (or as the postgres user) on the
# primary, with the cluster running (Debian: `pg_createcluster 15 main --start` made it):
#
#   REPLICATOR_PASSWORD=... FAZHI_PASSWORD=... STANDBY_ADDRS=10.0.0.22/32 \
#     APP_ADDRS="10.0.0.11/32 10.0.0.12/32" deploy/postgresql/setup-primary.sh
#
# It (1) puts primary.conf into the cluster's configuration, (2) appends the pg_hba.conf lines for the standby and
# the application machines, (3) makes the roles `replicator` (replication only) and `fazhi` (owns the database),
# the database `fazhi`, and the physical replication slot the standby streams from, and reloads the configuration.
# Running it again changes nothing but the passwords. It does not restart the server: when a setting it added needs
# a restart (wal_level, max_wal_senders, listen_addresses, max_connections) it says so and exits 0.
#
# Settings (environment):
#   PG_CONF_DIR       where postgresql.conf and pg_hba.conf are (default /etc/postgresql/15/main; the data folder
#                     for a cluster made by initdb)
#   PGHOST, PGPORT    how psql reaches the server as a superuser (default: the local socket, port 5432)
#   PGUSER            that superuser (default postgres)
#   REPLICATOR_PASSWORD, FAZHI_PASSWORD   required
#   STANDBY_ADDRS     addresses (CIDR, space-separated) the standby replicates from (default 10.0.0.22/32)
#   APP_ADDRS         addresses of the application machines (default "10.0.0.11/32 10.0.0.12/32")
#   SLOT              the replication slot's name (default fazhi_standby)
#   DATABASE, APP_USER   default fazhi and fazhi
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

PG_CONF_DIR=${PG_CONF_DIR:-/etc/postgresql/15/main}
export PGUSER=${PGUSER:-postgres}
STANDBY_ADDRS=${STANDBY_ADDRS:-10.0.0.22/32}
APP_ADDRS=${APP_ADDRS:-10.0.0.11/32 10.0.0.12/32}
SLOT=${SLOT:-fazhi_standby}
DATABASE=${DATABASE:-fazhi}
APP_USER=${APP_USER:-fazhi}
: "${REPLICATOR_PASSWORD:?set REPLICATOR_PASSWORD (the standby connects with it)}"
: "${FAZHI_PASSWORD:?set FAZHI_PASSWORD (the application connects with it)}"
export REPLICATOR_PASSWORD FAZHI_PASSWORD

# Files and queries as the postgres user, whoever runs this.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  own=(-o postgres -g postgres)
else
  as_pg() { "$@"; }
  own=()
fi

[ -f "$PG_CONF_DIR/postgresql.conf" ] || { echo "no postgresql.conf in $PG_CONF_DIR (set PG_CONF_DIR)" >&2; exit 1; }

# 1. The configuration: Debian's postgresql.conf reads conf.d/; a cluster made by initdb gets an include line.
if [ -d "$PG_CONF_DIR/conf.d" ]; then
  install "${own[@]}" -m 0644 "$here/primary.conf" "$PG_CONF_DIR/conf.d/fazhi-primary.conf"
  echo "wrote $PG_CONF_DIR/conf.d/fazhi-primary.conf"
else
  install "${own[@]}" -m 0600 "$here/primary.conf" "$PG_CONF_DIR/fazhi-primary.conf"
  grep -q "^include_if_exists 'fazhi-primary.conf'" "$PG_CONF_DIR/postgresql.conf" \
    || printf "\n# Fazhi (deploy/postgresql/primary.conf)\ninclude_if_exists 'fazhi-primary.conf'\n" >>"$PG_CONF_DIR/postgresql.conf"
  echo "wrote $PG_CONF_DIR/fazhi-primary.conf, included from postgresql.conf"
fi

# 2. pg_hba.conf: the standby may replicate, the application machines may use the database. Once.
hba="$PG_CONF_DIR/pg_hba.conf"
if ! grep -q "^# Fazhi (deploy/postgresql/setup-primary.sh)" "$hba"; then
  {
    echo ""
    echo "# Fazhi (deploy/postgresql/setup-primary.sh)"
    for a in $STANDBY_ADDRS; do printf 'host    replication  replicator  %-18s scram-sha-256\n' "$a"; done
    for a in $APP_ADDRS; do printf 'host    %-12s %-11s %-18s scram-sha-256\n' "$DATABASE" "$APP_USER" "$a"; done
  } >>"$hba"
  echo "added the standby's and the application machines' lines to $hba"
fi

# 3. Roles, database, slot. The passwords go through psql's \getenv, never onto a command line.
as_pg psql -X -q -v ON_ERROR_STOP=1 -d postgres -v slot="$SLOT" -v db="$DATABASE" -v app="$APP_USER" <<'SQL'
\getenv rpw REPLICATOR_PASSWORD
\getenv apw FAZHI_PASSWORD
SELECT 'CREATE ROLE replicator WITH REPLICATION LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator') \gexec
SELECT format('ALTER ROLE replicator WITH REPLICATION LOGIN PASSWORD %L', :'rpw') \gexec
SELECT format('CREATE ROLE %I WITH LOGIN', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'app', :'apw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'app')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
\o /dev/null
SELECT pg_create_physical_replication_slot(:'slot')
  WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = :'slot');
SELECT pg_reload_conf();
\o
SQL
echo "roles replicator and $APP_USER, database $DATABASE, replication slot $SLOT: ready"

# A reload applies pg_hba.conf; some settings wait for a restart.
sleep 1
pending=$(as_pg psql -X -At -d postgres -c "SELECT string_agg(name, ', ') FROM pg_settings WHERE pending_restart")
if [ -n "$pending" ]; then
  echo "restart the cluster for: $pending (Debian: pg_ctlcluster 15 main restart)"
fi
