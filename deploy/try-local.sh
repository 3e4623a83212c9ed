#!/usr/bin/env bash
# The deployment of deploy/README.md, tried on one machine on loopback: a PostgreSQL 15 primary (127.0.0.1:56432)
# and a hot standby made from it with pg_basebackup (127.0.0.1:56433), two application processes sharing the
# database, the key file and the file store (127.0.0.1:5081 and :5082, the demo town), and nginx in front of them
# (http://127.0.0.1:5080) with the configuration of deploy/nginx/fazhi.conf.
#
#   deploy/try-local.sh [start] [dir]   start everything; the work folder is dir, $FAZHI_TRY_DIR or a new one in /tmp
#   deploy/try-local.sh check [dir]     health through nginx, both processes, replication, a sign-in shared by both
#   deploy/try-local.sh stop [dir]      stop everything started in dir (default: the last one started)
#   deploy/try-local.sh restart dir a|b [VAR=VALUE...]
#                                       stop one application process if it runs and start it again (with these settings)
#
# The work folder holds everything: pg/ (both clusters), app data, keys/, nginx/, logs/, pids/*.pid. Outside it only
# /tmp/fazhi-try-local.last (the last folder) is written, and missing packages (nginx, postgresql, curl, openssl) are installed with apt (as root)
# without starting their system services. The app is published into the folder (dotnet publish) unless
# FAZHI_APP_DIR names a published copy. Any failing step prints its log, stops what was started (FAZHI_TRY_KEEP=1
# keeps it) and exits non-zero. Run as root, PostgreSQL runs as the postgres user; otherwise as the caller.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

NGINX_PORT=5080
APP_A_PORT=5081
APP_B_PORT=5082
PG_PRIMARY_PORT=56432   # not 55432: CI's test server uses that one
PG_STANDBY_PORT=56433
PGBIN=/usr/lib/postgresql/15/bin
SLOT=fazhi_standby
last_file=/tmp/fazhi-try-local.last

started=$SECONDS
say() { printf '== %s (%ds)\n' "$*" $((SECONDS - started)); }

if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  pg_owner=postgres
else
  as_pg() { "$@"; }
  pg_owner=$(id -un)
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# ---------------------------------------------------------------------------------------------------------------
# stop

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

stop_all() {
  local dir=$1 pid f i
  for f in "$dir"/pids/app-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if pid_alive "$pid"; then
      kill -TERM "$pid"
      for i in $(seq 1 30); do pid_alive "$pid" || break; sleep 1; done
      if pid_alive "$pid"; then kill -KILL "$pid"; echo "$(basename "$f" .pid) did not stop in 30 s: killed"; fi
    fi
    rm -f "$f"
  done
  if [ -f "$dir/pids/nginx.pid" ]; then
    pid=$(cat "$dir/pids/nginx.pid")
    "$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/logs/nginx-error.log" -s quit 2>/dev/null \
      || { pid_alive "$pid" && kill -QUIT "$pid"; }
    for i in $(seq 1 20); do pid_alive "$pid" || break; sleep 0.5; done
    pid_alive "$pid" && kill -KILL "$pid"
    rm -f "$dir/pids/nginx.pid"
  fi
  for f in standby primary; do
    if [ -f "$dir/pg/$f/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$dir/pg/$f" -m fast -w stop >/dev/null 2>&1 \
        || echo "the $f did not stop; see $dir/logs/pg-$f.log"
    fi
    rm -f "$dir/pids/pg-$f.pid"
  done
}

pick_dir() {  # the folder named on the command line, $FAZHI_TRY_DIR, or the last one started
  local dir=${1:-${FAZHI_TRY_DIR:-}}
  if [ -z "$dir" ] && [ -f "$last_file" ]; then dir=$(cat "$last_file"); fi
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "no work folder: give it (deploy/try-local.sh $cmd DIR)" >&2; exit 2; }
  echo "$dir"
}

# ---------------------------------------------------------------------------------------------------------------
# check

check_all() {
  local dir=$1 status=0 code token state n_primary n_standby lsn
  ok() { echo "ok    $*"; }
  bad() { echo "FAIL  $*"; status=1; }
  psql_at() { as_pg psql -X -At -h "$dir/run" -U postgres -d "$2" -p "$1" -c "$3" 2>&1; }

  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/healthz")
  [ "$code" = 200 ] && ok "GET /healthz through nginx: 200" || bad "GET /healthz through nginx: $code"
  for port in $APP_A_PORT $APP_B_PORT; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
    [ "$code" = 200 ] && ok "GET /healthz on 127.0.0.1:$port: 200" || bad "GET /healthz on 127.0.0.1:$port: $code"
  done
  # nginx spreads requests over both processes (the try-out's access log names the upstream of each request).
  for _ in 1 2 3 4; do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/public/ping"; done
  for port in $APP_A_PORT $APP_B_PORT; do
    grep -q "upstream=127.0.0.1:$port " "$dir/logs/nginx-access.log" \
      && ok "nginx sent requests to 127.0.0.1:$port" || bad "nginx sent no request to 127.0.0.1:$port"
  done

  state=$(psql_at "$PG_PRIMARY_PORT" postgres "SELECT state FROM pg_stat_replication WHERE application_name <> 'pg_basebackup'")
  [ "$state" = streaming ] && ok "primary: pg_stat_replication.state = streaming" || bad "primary: replication state '$state'"
  state=$(psql_at "$PG_STANDBY_PORT" postgres "SELECT pg_is_in_recovery()")
  [ "$state" = t ] && ok "standby: pg_is_in_recovery() = true" || bad "standby: pg_is_in_recovery() '$state'"

  # A sign-in through nginx; its bearer token holds on both processes (sign-in keys are kept in the database).
  token=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"userName":"clerk","password":"Demo#2019"}' \
    "http://127.0.0.1:$NGINX_PORT/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  if [ -n "$token" ]; then
    ok "POST /api/auth/login as clerk through nginx: a token"
    for port in $APP_A_PORT $APP_B_PORT; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/tasks")
      [ "$code" = 200 ] && ok "the token on 127.0.0.1:$port: GET /api/tasks 200" || bad "the token on 127.0.0.1:$port: GET /api/tasks $code"
    done
  else
    bad "POST /api/auth/login as clerk through nginx: no token"
  fi

  # The sign-in's row in the login log reaches the standby.
  lsn=$(psql_at "$PG_PRIMARY_PORT" postgres "SELECT pg_current_wal_lsn()")
  for _ in $(seq 1 20); do
    [ "$(psql_at "$PG_STANDBY_PORT" postgres "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] && break
    sleep 0.5
  done
  n_primary=$(psql_at "$PG_PRIMARY_PORT" fazhi "SELECT count(*) FROM sys_login_log")
  n_standby=$(psql_at "$PG_STANDBY_PORT" fazhi "SELECT count(*) FROM sys_login_log")
  [ -n "$n_primary" ] && [ "$n_primary" = "$n_standby" ] && [ "$n_primary" -gt 0 ] 2>/dev/null \
    && ok "standby has the primary's $n_primary login log rows" || bad "login log rows: primary '$n_primary', standby '$n_standby'"
  return $status
}

# ---------------------------------------------------------------------------------------------------------------
# start

dir=""
fail() {  # fail MESSAGE [LOG...]: show the logs, stop what was started, exit 1
  local message=$1 f
  shift
  echo "FAILED: $message" >&2
  for f in "$@"; do
    [ -f "$f" ] || continue
    echo "---- $f (last 80 lines)" >&2
    tail -n 80 "$f" >&2
  done
  if [ -n "$dir" ] && [ "${FAZHI_TRY_KEEP:-0}" != 1 ]; then
    echo "stopping what was started; the work folder $dir is kept with its logs" >&2
    stop_all "$dir"
  fi
  exit 1
}

install_missing() {
  local need=()
  [ -x "$PGBIN/initdb" ] || need+=(postgresql)
  [ -x "$nginx_bin" ] || need+=(nginx)
  command -v curl >/dev/null || need+=(curl)
  command -v openssl >/dev/null || need+=(openssl)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root"
  say "installing ${need[*]}"
  # The packages would start Debian's own nginx (port 80) and PostgreSQL cluster (5432): nothing here needs them, so
  # services stay stopped while installing (policy-rc.d 101), unless the machine has its own policy already.
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=/usr/sbin/policy-rc.d
  fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
    >"/tmp/fazhi-try-apt.log" 2>&1
  local rc=$?
  [ -n "$policy" ] && rm -f "$policy"
  [ $rc -eq 0 ] || fail "apt-get install ${need[*]}" /tmp/fazhi-try-apt.log
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }

wait_healthy() {  # NAME PORT SECONDS
  local name=$1 port=$2 limit=$3 pid i
  pid=$(cat "$dir/pids/app-$name.pid")
  for i in $(seq 1 "$limit"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ] && return 0
    pid_alive "$pid" || fail "app process $name stopped before answering /healthz" "$dir/logs/app-$name.log"
    sleep 1
  done
  fail "app process $name: /healthz did not answer 200 within $limit s" "$dir/logs/app-$name.log"
}

start_app() {  # NAME PORT [VAR=VALUE...]: one application process, with the shared settings of fazhi.env (and these),
               # its own data folder; its log is appended to
  local name=$1 port=$2
  shift 2
  mkdir -p "$dir/data-$name"
  (
    set -a
    . "$dir/fazhi.env"
    set +a
    export Database__DataDirectory="$dir/data-$name" "$@"
    cd "$app" && exec nohup dotnet Fazhi.Web.dll --urls "http://127.0.0.1:$port"
  ) >>"$dir/logs/app-$name.log" 2>&1 &
  echo $! >"$dir/pids/app-$name.pid"
}

restart_app() {  # DIR NAME [VAR=VALUE...]: stop process NAME (a or b) if it runs, as systemd would, and start it again
  dir=$1
  local name=$2 pid port
  shift 2
  case "$name" in a) port=$APP_A_PORT ;; b) port=$APP_B_PORT ;; *) echo "no process '$name' (a or b)" >&2; exit 2 ;; esac
  app=$(cat "$dir/app-dir")
  pid=$(cat "$dir/pids/app-$name.pid" 2>/dev/null)
  if pid_alive "$pid"; then
    kill -TERM "$pid"
    while pid_alive "$pid"; do sleep 0.2; done
  fi
  FAZHI_TRY_KEEP=1   # a process that does not come back leaves the rest running
  start_app "$name" "$port" "$@"
  wait_healthy "$name" "$port" 300
}

start_all() {
  if [ -n "${FAZHI_APP_DIR:-}" ] && [ ! -f "$FAZHI_APP_DIR/Fazhi.Web.dll" ]; then
    echo "FAZHI_APP_DIR=$FAZHI_APP_DIR holds no Fazhi.Web.dll (dotnet publish src/Fazhi.Web -c Release -o DIR)" >&2; exit 2
  fi
  dir=${1:-${FAZHI_TRY_DIR:-}}
  [ -n "$dir" ] || dir=$(mktemp -d /tmp/fazhi-try.XXXXXX)
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/pg" ] || { echo "$dir was used already: stop it (deploy/try-local.sh stop $dir) and remove it, or choose another" >&2; exit 2; }
  say "work folder $dir"
  install_missing
  for port in $NGINX_PORT $APP_A_PORT $APP_B_PORT $PG_PRIMARY_PORT $PG_STANDBY_PORT; do
    port_taken "$port" && fail "127.0.0.1:$port is taken by another program"
  done
  echo "$dir" >"$last_file"
  mkdir -p "$dir"/{pids,logs,run,pg,keys,nginx,postgresql}
  # PostgreSQL's user must reach its folders; the keys stay the caller's.
  chmod 0755 "$dir"
  chmod 0700 "$dir/keys"
  touch "$dir/logs/pg-primary.log" "$dir/logs/pg-standby.log"
  chown "$pg_owner" "$dir/pg" "$dir/run" "$dir/logs/pg-primary.log" "$dir/logs/pg-standby.log"
  cp "$here"/postgresql/* "$dir/postgresql/" && chmod -R a+rX "$dir/postgresql"
  local replicator_pw fazhi_pw
  replicator_pw=$(secret)
  fazhi_pw=$(secret)

  # --- the primary, set up by the same script as a real one
  say "PostgreSQL primary on 127.0.0.1:$PG_PRIMARY_PORT"
  local primary_opts="-p $PG_PRIMARY_PORT -k $dir/run -c listen_addresses=127.0.0.1"
  as_pg "$PGBIN/initdb" -D "$dir/pg/primary" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/logs/initdb.log" 2>&1 || fail "initdb" "$dir/logs/initdb.log"
  as_pg "$PGBIN/pg_ctl" -D "$dir/pg/primary" -o "$primary_opts" -l "$dir/logs/pg-primary.log" -w -t 60 start \
    >/dev/null 2>&1 || fail "starting the primary" "$dir/logs/pg-primary.log"
  env PG_CONF_DIR="$dir/pg/primary" PGHOST="$dir/run" PGPORT=$PG_PRIMARY_PORT \
    REPLICATOR_PASSWORD="$replicator_pw" FAZHI_PASSWORD="$fazhi_pw" SLOT=$SLOT \
    STANDBY_ADDRS=127.0.0.1/32 APP_ADDRS=127.0.0.1/32 \
    bash "$dir/postgresql/setup-primary.sh" >"$dir/logs/setup-primary.log" 2>&1 \
    || fail "deploy/postgresql/setup-primary.sh" "$dir/logs/setup-primary.log" "$dir/logs/pg-primary.log"
  as_pg "$PGBIN/pg_ctl" -D "$dir/pg/primary" -o "$primary_opts" -l "$dir/logs/pg-primary.log" -m fast -w -t 60 restart \
    >/dev/null 2>&1 || fail "restarting the primary with primary.conf" "$dir/logs/pg-primary.log"
  head -1 "$dir/pg/primary/postmaster.pid" >"$dir/pids/pg-primary.pid"

  # --- the standby: pg_basebackup -R from the primary's slot, by the same script as a real one
  say "PostgreSQL standby on 127.0.0.1:$PG_STANDBY_PORT (pg_basebackup from the primary)"
  env PRIMARY_HOST=127.0.0.1 PRIMARY_PORT=$PG_PRIMARY_PORT REPLICATOR_PASSWORD="$replicator_pw" SLOT=$SLOT \
    PGBIN="$PGBIN" DATA_DIR="$dir/pg/standby" PG_CONF_DIR="$dir/pg/standby" CLUSTER= \
    STANDBY_PORT=$PG_STANDBY_PORT STANDBY_SOCKET="$dir/run" LOG_FILE="$dir/logs/pg-standby.log" \
    PG_CTL_OPTIONS="-p $PG_STANDBY_PORT -k $dir/run -c listen_addresses=127.0.0.1" \
    PRIMARY_ADDRS=127.0.0.1/32 APP_ADDRS=127.0.0.1/32 \
    bash "$dir/postgresql/setup-standby.sh" >"$dir/logs/setup-standby.log" 2>&1 \
    || fail "deploy/postgresql/setup-standby.sh" "$dir/logs/setup-standby.log" "$dir/logs/pg-standby.log"
  head -1 "$dir/pg/standby/postmaster.pid" >"$dir/pids/pg-standby.pid"

  # --- the application
  app=${FAZHI_APP_DIR:-}
  if [ -z "$app" ]; then
    say "dotnet publish src/Fazhi.Web -c Release"
    app="$dir/app"
    dotnet publish "$repo/src/Fazhi.Web" -c Release -o "$app" >"$dir/logs/publish.log" 2>&1 \
      || fail "dotnet publish" "$dir/logs/publish.log"
  fi
  app=$(cd "$app" 2>/dev/null && pwd) && [ -f "$app/Fazhi.Web.dll" ] || fail "no Fazhi.Web.dll in ${FAZHI_APP_DIR:-$dir/app}"
  echo "$app" >"$dir/app-dir"

  say "keys: personal data (keys init) and the audit signing key"
  (cd "$app" && dotnet Fazhi.Web.dll keys init --file "$dir/keys/keys.json") >"$dir/logs/keys.log" 2>&1 \
    || fail "dotnet Fazhi.Web.dll keys init" "$dir/logs/keys.log"
  # Made before the first start, as on real machines where /etc/fazhi is read-only to the service.
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/keys/audit-signing.pem" \
    >>"$dir/logs/keys.log" 2>&1 && chmod 0600 "$dir/keys/audit-signing.pem" \
    || fail "openssl genpkey (the audit signing key)" "$dir/logs/keys.log"

  # The shared settings, in the format of deploy/systemd/fazhi.env.example.
  cat >"$dir/fazhi.env" <<EOF
ASPNETCORE_ENVIRONMENT=Production
Database__Provider=Postgres
ConnectionStrings__Fazhi='Host=127.0.0.1;Port=$PG_PRIMARY_PORT;Database=fazhi;Username=fazhi;Password=$fazhi_pw'
ConnectionStrings__FazhiRead='Host=127.0.0.1;Port=$PG_STANDBY_PORT;Database=fazhi;Username=fazhi;Password=$fazhi_pw'
Files__Store=Database
Privacy__KeyFile=$dir/keys/keys.json
Fazhi__TrustedProxies__0=127.0.0.1
Fazhi__PublicBaseUrl=http://127.0.0.1:$NGINX_PORT
Fazhi__Demo=true
Fazhi__DemoHistory=false
Logging__Console__FormatterName=simple
EOF
  chmod 0600 "$dir/fazhi.env"

  # Process A migrates the database and loads the demo town; B starts when A answers, and finds the town there (each
  # demo loader skips what exists), so the two never seed at once.
  say "app process A on 127.0.0.1:$APP_A_PORT (migrations, demo town)"
  start_app a $APP_A_PORT
  wait_healthy a $APP_A_PORT 600
  say "app process B on 127.0.0.1:$APP_B_PORT"
  start_app b $APP_B_PORT
  wait_healthy b $APP_B_PORT 300

  # --- nginx from deploy/nginx/fazhi.conf, with loopback addresses, in the work folder
  say "nginx on 127.0.0.1:$NGINX_PORT"
  sed -e "s/server 10\.0\.0\.11:8080 \(.*# try-local: first process\)/server 127.0.0.1:$APP_A_PORT \1/" \
      -e "s/server 10\.0\.0\.12:8080 \(.*# try-local: second process\)/server 127.0.0.1:$APP_B_PORT \1/" \
      -e "s/^\( *\)listen 80;\( *# try-local: listen\)/\1listen 127.0.0.1:$NGINX_PORT;\2/" \
      -e "s/^\( *\)server_name [^;]*;\( *# try-local: server_name\)/\1server_name localhost;\2/" \
      "$here/nginx/fazhi.conf" >"$dir/nginx/fazhi.conf"
  [ "$(grep -cE "server 127\.0\.0\.1:($APP_A_PORT|$APP_B_PORT) |listen 127\.0\.0\.1:$NGINX_PORT;|server_name localhost;" "$dir/nginx/fazhi.conf")" = 4 ] \
    || fail "deploy/nginx/fazhi.conf no longer has the lines try-local.sh replaces (marked try-local:)"
  local user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user www-data;"
  cat >"$dir/nginx/nginx.conf" <<EOF
# deploy/try-local.sh: nginx for the try-out, everything in $dir.
$user_line
worker_processes 1;
pid $dir/pids/nginx.pid;
error_log $dir/logs/nginx-error.log warn;
events { worker_connections 512; }
http {
    # The try-out's access log names the process that answered each request.
    log_format fazhi_try '\$remote_addr [\$time_local] "\$request" \$status upstream=\$upstream_addr rt=\$request_time';
    access_log $dir/logs/nginx-access.log fazhi_try;
    client_body_temp_path $dir/nginx/tmp/body;
    proxy_temp_path $dir/nginx/tmp/proxy;
    fastcgi_temp_path $dir/nginx/tmp/fastcgi;
    uwsgi_temp_path $dir/nginx/tmp/uwsgi;
    scgi_temp_path $dir/nginx/tmp/scgi;
    include $dir/nginx/fazhi.conf;
}
EOF
  mkdir -p "$dir/nginx/tmp"
  local ngx=("$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/logs/nginx-error.log")
  "${ngx[@]}" -t >"$dir/logs/nginx-test.log" 2>&1 || fail "nginx -t" "$dir/logs/nginx-test.log"
  "${ngx[@]}" >>"$dir/logs/nginx-test.log" 2>&1 || fail "starting nginx" "$dir/logs/nginx-test.log" "$dir/logs/nginx-error.log"
  local i
  for i in $(seq 1 20); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/healthz")" = 200 ] && break
    [ "$i" = 20 ] && fail "nginx: /healthz through it did not answer 200" "$dir/logs/nginx-error.log"
    sleep 0.5
  done

  say "all up"
  cat <<EOF
  the site (nginx)    http://127.0.0.1:$NGINX_PORT/        sign in as clerk / Demo#2019 (every demo account on /login)
  process A           http://127.0.0.1:$APP_A_PORT/healthz   pid $(cat "$dir/pids/app-a.pid"), log $dir/logs/app-a.log
  process B           http://127.0.0.1:$APP_B_PORT/healthz   pid $(cat "$dir/pids/app-b.pid"), log $dir/logs/app-b.log
  primary             127.0.0.1:$PG_PRIMARY_PORT   psql -h $dir/run -p $PG_PRIMARY_PORT -U postgres fazhi
  standby             127.0.0.1:$PG_STANDBY_PORT   psql -h $dir/run -p $PG_STANDBY_PORT -U postgres fazhi
  pids                $dir/pids/
  check               $0 check $dir
  stop                $0 stop $dir
EOF
}

cmd=${1:-start}
case "$cmd" in
  start) start_all "${2:-}" ;;
  check) dir=$(pick_dir "${2:-}") && check_all "$dir" ;;
  restart)
    [ $# -ge 3 ] || { echo "usage: deploy/try-local.sh restart DIR a|b [VAR=VALUE...]" >&2; exit 2; }
    shift
    restart_app "$@"
    ;;
  stop)
    dir=$(pick_dir "${2:-}") || exit 2
    stop_all "$dir"
    echo "stopped; the work folder $dir is kept with its logs (rm -rf it when done)"
    ;;
  *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
