#!/usr/bin/env bash
# Makes this machine's PostgreSQL 15 cluster a hot standby of the Fazhi primary. Run as root (or as the postgres
# user) on the standby, after setup-primary.sh on the primary (Debian: `pg_createcluster 15 main` made the cluster
# here):
#
#   PRIMARY_HOST=10.0.0.21 REPLICATOR_PASSWORD=... APP_ADDRS="10.0.0.11/32 10.0.0.12/32" \
#     deploy/postgresql/setup-standby.sh
#
# As root, the files are made by the postgres user and the cluster is stopped and started through systemd
# (postgresql@15-main) where systemd runs.
#
# It stops the cluster, moves its data folder aside (kept as <data>.before-standby-<time>), copies the primary with
#   pg_basebackup -R -X stream -S <slot>
# (-R writes standby.signal and primary_conninfo + primary_slot_name into postgresql.auto.conf, so the copy starts as
# a standby streaming from the slot; -X stream copies the WAL made during the copy), puts standby.conf into the
# configuration, appends the pg_hba.conf lines, starts the cluster and waits until it streams.
#
# Settings (environment):
#   PRIMARY_HOST (required), PRIMARY_PORT (default 5432)
#   REPLICATOR_PASSWORD   the replicator role's password; without it, ~postgres/.pgpass must hold it. Given here,
#                         pg_basebackup -R writes it into primary_conninfo (postgresql.auto.conf, mode 0600).
#   SLOT                  the primary's replication slot (default fazhi_standby)
#   PGBIN                 default /usr/lib/postgresql/15/bin
#   DATA_DIR              default /var/lib/postgresql/15/main
#   PG_CONF_DIR           default /etc/postgresql/15/main (for a cluster made by initdb: the data folder)
#   CLUSTER               Debian's cluster, started and stopped with pg_ctlcluster (default 15/main). Empty: pg_ctl
#                         on DATA_DIR with PG_CTL_OPTIONS and LOG_FILE (deploy/try-local.sh does that).
#   STANDBY_PORT, STANDBY_SOCKET   how to reach the standby here to check it (default 5432, /var/run/postgresql)
#   PRIMARY_ADDRS         addresses (CIDR) allowed to replicate from here after a failover (default 10.0.0.21/32)
#   APP_ADDRS             addresses of the application machines (default "10.0.0.11/32 10.0.0.12/32")
#   DATABASE, APP_USER    default fazhi and fazhi
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

: "${PRIMARY_HOST:?set PRIMARY_HOST to the address of the primary}"
PRIMARY_PORT=${PRIMARY_PORT:-5432}
SLOT=${SLOT:-fazhi_standby}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DATA_DIR=${DATA_DIR:-/var/lib/postgresql/15/main}
PG_CONF_DIR=${PG_CONF_DIR:-/etc/postgresql/15/main}
CLUSTER=${CLUSTER-15/main}
STANDBY_PORT=${STANDBY_PORT:-5432}
STANDBY_SOCKET=${STANDBY_SOCKET:-/var/run/postgresql}
PG_CTL_OPTIONS=${PG_CTL_OPTIONS:--p $STANDBY_PORT -k $STANDBY_SOCKET}
LOG_FILE=${LOG_FILE:-$DATA_DIR.log}
PRIMARY_ADDRS=${PRIMARY_ADDRS:-10.0.0.21/32}
APP_ADDRS=${APP_ADDRS:-10.0.0.11/32 10.0.0.12/32}
DATABASE=${DATABASE:-fazhi}
APP_USER=${APP_USER:-fazhi}

# The data folder and the server belong to the postgres user, whoever runs this.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  own=(-o postgres -g postgres)
else
  as_pg() { "$@"; }
  own=()
fi

cluster_ctl() {  # start | stop
  if [ -n "$CLUSTER" ]; then
    if [ "$(id -u)" -eq 0 ] && [ -d /run/systemd/system ]; then
      systemctl "$1" "postgresql@${CLUSTER%%/*}-${CLUSTER#*/}"
    else
      as_pg pg_ctlcluster "${CLUSTER%%/*}" "${CLUSTER#*/}" "$1"
    fi
  elif [ "$1" = start ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA_DIR" -o "$PG_CTL_OPTIONS" -l "$LOG_FILE" -w -t 120 start >/dev/null
  else
    as_pg "$PGBIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
  fi
}

# 1. Stop the cluster and keep its data folder aside.
if [ -f "$DATA_DIR/postmaster.pid" ]; then
  echo "stopping the cluster in $DATA_DIR"
  cluster_ctl stop
fi
if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ]; then
  aside="$DATA_DIR.before-standby-$(date +%Y%m%d%H%M%S)"
  as_pg mv "$DATA_DIR" "$aside"
  echo "the former data folder is kept as $aside (remove it when the standby runs)"
fi
[ ! -d "$DATA_DIR" ] || as_pg rmdir "$DATA_DIR"

# 2. The copy of the primary, made a standby of it.
echo "copying the primary $PRIMARY_HOST:$PRIMARY_PORT through slot $SLOT"
if [ -n "${REPLICATOR_PASSWORD:-}" ]; then export PGPASSWORD=$REPLICATOR_PASSWORD; fi
as_pg "$PGBIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U replicator -w \
  -D "$DATA_DIR" -R -X stream -S "$SLOT" -c fast
unset PGPASSWORD
as_pg chmod 0700 "$DATA_DIR"
[ -f "$DATA_DIR/standby.signal" ] || { echo "pg_basebackup wrote no standby.signal" >&2; exit 1; }

# 3. The standby's configuration: Debian's postgresql.conf reads conf.d/; a copied initdb cluster gets an include
# line (its postgresql.conf came from the primary, with the primary's include: the standby's comes after and wins).
if [ -d "$PG_CONF_DIR/conf.d" ]; then
  install "${own[@]}" -m 0644 "$here/standby.conf" "$PG_CONF_DIR/conf.d/fazhi-standby.conf"
else
  install "${own[@]}" -m 0600 "$here/standby.conf" "$PG_CONF_DIR/fazhi-standby.conf"
  grep -q "^include_if_exists 'fazhi-standby.conf'" "$PG_CONF_DIR/postgresql.conf" \
    || printf "\n# Fazhi (deploy/postgresql/standby.conf)\ninclude_if_exists 'fazhi-standby.conf'\n" >>"$PG_CONF_DIR/postgresql.conf"
fi
hba="$PG_CONF_DIR/pg_hba.conf"
if ! grep -q "^# Fazhi (deploy/postgresql/setup-standby.sh)" "$hba"; then
  {
    echo ""
    echo "# Fazhi (deploy/postgresql/setup-standby.sh)"
    for a in $PRIMARY_ADDRS; do printf 'host    replication  replicator  %-18s scram-sha-256\n' "$a"; done
    for a in $APP_ADDRS; do printf 'host    %-12s %-11s %-18s scram-sha-256\n' "$DATABASE" "$APP_USER" "$a"; done
  } >>"$hba"
fi

# 4. Start and wait until it streams.
cluster_ctl start
for _ in $(seq 1 60); do
  state=$(as_pg psql -X -At -h "$STANDBY_SOCKET" -p "$STANDBY_PORT" -U postgres -d postgres \
    -c "SELECT pg_is_in_recovery()::text || ' ' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none')" 2>/dev/null || true)
  if [ "$state" = "true streaming" ]; then
    echo "standby in recovery, streaming from $PRIMARY_HOST:$PRIMARY_PORT (slot $SLOT)"
    exit 0
  fi
  sleep 1
done
echo "the standby does not stream (last state: ${state:-no answer}); see the server log" >&2
exit 1
