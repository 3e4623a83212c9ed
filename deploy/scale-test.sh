#!/usr/bin/env bash
# The scale tests of a running try-local.sh deployment (nginx, two processes, primary and standby on loopback):
#   1. a bearer token from process A works on process B;
#   2. a file uploaded through A downloads through B, the same bytes;
#   3. a calendar edit through A is seen by B within a second;
#   4. 200 concurrent intakes through nginx, one process killed (kill -9) mid-way, then every request retried with its
#      Idempotency-Key: every acknowledged application is there once, none is duplicated, the audit chain verifies;
#      the standby's lag under that load is printed;
#   5. the standby stopped: the look-ups, dashboards and figures still answer (from the primary), /healthz says so;
#   6. nginx's limit of password sign-ins holds across both processes, whatever the case of the path.
#
#   deploy/scale-test.sh [dir]          dir: the work folder of try-local.sh (default: the last one started)
#   deploy/scale-test.sh measure [dir]  look-up throughput through nginx with two processes and with one (ab)
#
# Ends with "Failed: N, Passed: N, Skipped: 0" (as dotnet test does, so .ci/run adds it up); exits non-zero on a failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
NGINX=http://127.0.0.1:5080
A=http://127.0.0.1:5081
B=http://127.0.0.1:5082
PG_PRIMARY_PORT=56432
PG_STANDBY_PORT=56433
PGBIN=/usr/lib/postgresql/15/bin
N=${FAZHI_SCALE_INTAKES:-200}
PASSWORD=Demo#2019
# A citizen's ID number with its check digit (GB 11643), the same as the tests'.
ID_NUMBER=441900198506123015

mode=test
if [ "${1:-}" = measure ]; then mode=measure; shift; fi
dir=${1:-${FAZHI_TRY_DIR:-}}
[ -n "$dir" ] || dir=$(cat /tmp/fazhi-try-local.last 2>/dev/null)
[ -n "$dir" ] && [ -f "$dir/fazhi.env" ] || { echo "no try-local.sh work folder (deploy/try-local.sh start first)" >&2; exit 2; }
pkg_install() {  # pkg_install PACKAGE: from Debian, as root
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1"; } >/dev/null 2>&1
}
for tool in jq curl; do
  command -v $tool >/dev/null || pkg_install $tool || { echo "$tool is missing (apt-get install $tool)" >&2; exit 2; }
done
if [ "$(id -u)" -eq 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
sql() { as_pg psql -X -At -h "$dir/run" -U postgres -d fazhi -p "${2:-$PG_PRIMARY_PORT}" -c "$1"; }
work=$(mktemp -d /tmp/fazhi-scale.XXXXXX)
passed=0
failed=0
ok() { echo "ok    $*"; passed=$((passed + 1)); }
bad() { echo "FAIL  $*"; failed=$((failed + 1)); }
ms() { echo $(($(date +%s%N) / 1000000)); }

login() {  # login BASE USER: a bearer token
  curl -s -X POST -H 'Content-Type: application/json' -d "{\"userName\":\"$2\",\"password\":\"$PASSWORD\"}" "$1/api/auth/login" | jq -r '.accessToken // empty'
}

restart() {  # restart NAME [VAR=VALUE...]: process NAME stopped if it runs and started again, by try-local.sh
  bash "$here/try-local.sh" restart "$dir" "$@" >/dev/null
}

app=$(cat "$dir/app-dir")
[ -f "$app/Fazhi.Web.dll" ] || { echo "$dir was not started by try-local.sh" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
if [ "$mode" = measure ]; then
  command -v ab >/dev/null || pkg_install apache2-utils || { echo "ab (apache2-utils) is missing" >&2; exit 2; }
  # The app's own limit of look-ups per address (Fazhi:PublicLookupsPerMinute) is lifted for the measure, as nginx's is
  # below: every request here comes from one address. Both processes are restarted so, and again without it at the end.
  restart a Fazhi__PublicLookupsPerMinute=1000000000 && restart b Fazhi__PublicLookupsPerMinute=1000000000 \
    || { echo "the processes did not start again" >&2; exit 1; }
  # A public look-up: the progress page's answer by its token (an application taken at the window now).
  clerk=$(login "$A" clerk)
  window=$(curl -s -H "Authorization: Bearer $clerk" "$A/api/org/windows" | jq -r '.[0].id')
  materials=$(curl -s "$A/api/services/items/TX-QY-001" | jq -c '[.elements.materials[] | {key, provided: true}]')
  token=$(curl -s -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' -X POST "$A/api/services/applications" \
    -d "{\"itemCode\":\"TX-QY-001\",\"windowId\":\"$window\",\"applicant\":{\"kind\":\"Person\",\"name\":\"林小梅\",\"idNumber\":\"$ID_NUMBER\",\"phone\":\"13800001234\"},\"materials\":$materials,\"outcome\":\"accept\"}" \
    | jq -r '.queryToken')
  # The measure is of the processes behind nginx, not of its per-address limit (one address here, many citizens in
  # a town): a second nginx on :5090 from the same site file without its limit_req lines, first with both processes
  # in its upstream, then with A alone.
  mdir="$dir/nginx-measure"
  mkdir -p "$mdir/tmp"
  measure_nginx() {  # measure_nginx UPSTREAM_SED: (re)write the measuring site and start or reload nginx
    sed -e '/limit_req/d' -e "s/listen 127.0.0.1:5080;/listen 127.0.0.1:5090;/" -e "$1" "$dir/nginx/fazhi.conf" >"$mdir/fazhi.conf"
    sed -e "s#$dir/pids/nginx.pid#$mdir/nginx.pid#" -e "s#$dir/nginx/fazhi.conf#$mdir/fazhi.conf#" -e "s#$dir/nginx/tmp#$mdir/tmp#g" \
      -e "s#access_log [^;]*;#access_log off;#" "$dir/nginx/nginx.conf" >"$mdir/nginx.conf"
    if [ -f "$mdir/nginx.pid" ]; then nginx -p "$mdir" -c "$mdir/nginx.conf" -s reload 2>/dev/null; sleep 1; else nginx -p "$mdir" -c "$mdir/nginx.conf"; fi
  }
  run_ab() { ab -q -k -n "${FAZHI_MEASURE_REQUESTS:-20000}" -c 32 "http://127.0.0.1:5090/api/public/progress/$token" 2>/dev/null \
    | awk '/Requests per second/ {rps=$4} /Non-2xx/ {bad=$3} /Failed requests/ {failed=$3} END {printf "%s requests/s (failed %s, non-2xx %s)", rps, failed+0, bad+0}'; }
  measure_nginx 's/^$//'
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:5090/api/public/progress/$token")" = 200 ] || { echo "the look-up does not answer" >&2; exit 1; }
  echo "== look-up throughput through nginx (GET /api/public/progress/{token}, 32 concurrent, keep-alive, ${FAZHI_MEASURE_REQUESTS:-20000} requests)"
  run_ab >/dev/null   # warm-up
  echo "two processes: $(run_ab)"
  measure_nginx '/server 127.0.0.1:5082 /d'
  run_ab >/dev/null
  echo "one process:   $(run_ab)"
  nginx -p "$mdir" -c "$mdir/nginx.conf" -s quit 2>/dev/null
  restart a && restart b || { echo "the processes did not start again" >&2; exit 1; }
  exit 0
fi

echo "== scale tests against $dir"

# --- 1. a token from A works on B --------------------------------------------------------------------------------
admin=$(login "$A" admin)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$B/api/auth/me")
[ -n "$admin" ] && [ "$code" = 200 ] && ok "a token from process A works on process B (GET /api/auth/me 200)" || bad "a token from A on B: $code"

# --- 2. a file uploaded through A downloads through B -------------------------------------------------------------
officer=$(login "$A" community.officer)
today=$(TZ=Asia/Shanghai date +%F)
event=$(curl -s -H "Authorization: Bearer $officer" -H 'Content-Type: application/json' -X POST "$A/api/publicity/events" \
  -d "{\"date\":\"$today\",\"kind\":\"Lecture\",\"title\":\"多机部署测试讲座$RANDOM\",\"place\":\"社区活动室\",\"organiser\":\"社区居委会\",\"law\":\"民法典\",\"audience\":\"Residents\",\"peopleReached\":30,\"printed\":10,\"handedOut\":10}" \
  | jq -r '.id // empty')
{ printf '\x89PNG\r\n\x1a\n'; head -c 2200000 /dev/urandom; } >"$work/photo.png"
sha=$(sha256sum "$work/photo.png" | cut -d' ' -f1)
up=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $officer" -F "file=@$work/photo.png;type=image/png" "$A/api/publicity/events/$event/photos")
down=$(curl -s -o "$work/photo-b.png" -w '%{http_code}' -H "Authorization: Bearer $officer" "$B/api/publicity/events/$event/photos/$sha")
if [ -n "$event" ] && [ "$up" = 200 ] && [ "$down" = 200 ] && cmp -s "$work/photo.png" "$work/photo-b.png"; then
  ok "a 2.2 MB file uploaded through A downloads through B, the same bytes"
else
  bad "a file A→B: event '$event', upload $up, download $down"
fi

# --- 3. a calendar edit on A is seen by B within a second ----------------------------------------------------------
day=$(date -d "$today +21 days" +%F)
before=$(curl -s "$B/api/calendar/is-working-day?date=$day" | jq -r .isWorkingDay)
flip=$([ "$before" = true ] && echo false || echo true)
t0=$(ms)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -X PUT \
  "$A/api/calendar/days/$day" -d "{\"isWorkingDay\":$flip,\"name\":\"多机测试\"}")
t1=$(ms)   # the edit is committed once A has answered
seen=""
while [ $(($(ms) - t1)) -lt 5000 ]; do
  if [ "$(curl -s "$B/api/calendar/is-working-day?date=$day" | jq -r .isWorkingDay)" = "$flip" ]; then seen=$(($(ms) - t1)); break; fi
  sleep 0.02
done
if [ "$code" = 204 ] && [ -n "$seen" ] && [ "$seen" -le 1000 ]; then
  ok "a calendar edit through A ($day) is seen by B $seen ms after A answered it ($((t1 - t0)) ms for the edit itself)"
else
  bad "calendar A→B: edit $code, seen after '${seen:-never}' ms"
fi

# --- 4. 200 concurrent intakes through nginx, process B killed mid-way, retried with their keys ---------------------
clerk=$(login "$A" clerk)
window=$(curl -s -H "Authorization: Bearer $clerk" "$A/api/org/windows" | jq -r '.[0].id')
materials=$(curl -s "$A/api/services/items/TX-QY-001" | jq -c '[.elements.materials[] | {key, provided: true}]')
cat >"$work/body.json" <<EOF
{"itemCode":"TX-QY-001","windowId":"$window","applicant":{"kind":"Person","name":"林小梅","idNumber":"$ID_NUMBER","phone":"13800001234"},"materials":$materials,"outcome":"accept"}
EOF
run=$(date +%s)-$RANDOM
applications_before=$(sql 'SELECT count(*) FROM svc_applications')
mkdir -p "$work/first" "$work/retry"
intake() {  # intake KEY OUTDIR: one POST through nginx; writes "status id" to OUTDIR/KEY
  local out
  out=$(curl -s -m 60 -w '\n%{http_code}' -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $1" -X POST "$NGINX/api/services/applications" --data-binary "@$work/body.json")
  echo "$(tail -n1 <<<"$out") $(head -n -1 <<<"$out" | jq -r '.id // empty' 2>/dev/null)" >"$2/$1"
}
export -f intake
export clerk NGINX work

# The standby's lag while the intakes run, sampled on the primary every 0.2 s.
( while [ ! -f "$work/done" ]; do
    sql "SELECT coalesce(round(extract(epoch FROM replay_lag) * 1000), 0), coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0) FROM pg_stat_replication WHERE application_name <> 'pg_basebackup' LIMIT 1" >>"$work/lag"
    sleep 0.2
  done ) &
sampler=$!

seq 1 "$N" | sed "s/^/scale-$run-/" >"$work/keys"
t0=$(ms)
xargs -P 50 -I{} bash -c 'intake "$1" "$2"' _ {} "$work/first" <"$work/keys" &
batch=$!
# kill -9 process B once about a third of the answers are in.
while [ "$(find "$work/first" -type f | wc -l)" -lt $((N / 3)) ] && kill -0 $batch 2>/dev/null; do sleep 0.05; done
killed_at="? (kill failed)"
kill -9 "$(cat "$dir/pids/app-b.pid")" && killed_at=$(find "$work/first" -type f | wc -l)
wait $batch
first_ms=$(($(ms) - t0))
touch "$work/done"; wait $sampler
acked=$(awk '$1 == 201' "$work"/first/* | wc -l)
echo "      first round: $N intakes in $first_ms ms, process B killed after $killed_at answers; answers: $(cat "$work"/first/* | awk '{print $1}' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"

# Every request again with its key, until each is acknowledged (429 from the rate limit and 502 from the dead process
# are not acknowledgements: they are retried, as a client would).
for attempt in 1 2 3 4 5 6 7 8; do
  todo=$(for k in $(cat "$work/keys"); do [ "$(cut -d' ' -f1 "$work/retry/$k" 2>/dev/null)" = 201 ] || echo "$k"; done)
  [ -z "$todo" ] && break
  echo "$todo" | xargs -P 8 -I{} bash -c 'intake "$1" "$2"' _ {} "$work/retry"
  sleep 1
done
retried_ok=$(awk '$1 == 201' "$work"/retry/* | wc -l)
[ "$retried_ok" = "$N" ] && ok "every one of the $N intakes retried with its key is acknowledged" || bad "retries acknowledged: $retried_ok of $N"

# An application acknowledged the first time is the same one on its retry.
changed=0
for k in $(cat "$work/keys"); do
  read -r s1 id1 <"$work/first/$k"
  read -r _ id2 <"$work/retry/$k" 2>/dev/null || id2=""
  [ "$s1" = 201 ] && [ "$id1" != "$id2" ] && changed=$((changed + 1))
done
[ "$changed" = 0 ] && ok "all $acked applications acknowledged in the first round are the same on their retry" || bad "$changed acknowledged applications answered another id on retry"

keys_rows=$(sql "SELECT count(*), count(DISTINCT \"RecordId\") FROM sys_idempotency_keys WHERE \"Key\" LIKE 'scale-$run-%'")
made=$(sql "SELECT count(*) FROM svc_applications a WHERE a.\"Id\" IN (SELECT \"RecordId\" FROM sys_idempotency_keys WHERE \"Key\" LIKE 'scale-$run-%')")
applications_after=$(sql 'SELECT count(*) FROM svc_applications')
if [ "$keys_rows" = "$N|$N" ] && [ "$made" = "$N" ] && [ $((applications_after - applications_before)) = "$N" ]; then
  ok "$N keys, $N applications, each once: the database gained exactly $N applications"
else
  bad "keys and applications: keys '$keys_rows', applications of the keys $made, gained $((applications_after - applications_before))"
fi

# The audit chain, walked against its signed heads by the program's own command, on the primary.
if (set -a; . "$dir/fazhi.env"; set +a; export Database__DataDirectory="$dir/data-a"; cd "$app" && dotnet Fazhi.Web.dll audit verify) >"$work/verify.log" 2>&1; then
  ok "the audit chain verifies after the kill ($(tail -n1 "$work/verify.log"))"
else
  bad "audit verify: $(tail -n3 "$work/verify.log")"
fi
lag_ms=$(sort -n "$work/lag" | cut -d'|' -f1 | sort -n | tail -n1)
lag_bytes=$(cut -d'|' -f2 "$work/lag" | sort -n | tail -n1)
echo "      the standby's lag under that load: at most ${lag_ms:-?} ms replay lag and ${lag_bytes:-?} bytes of WAL behind ($(wc -l <"$work/lag") samples)"
echo "$first_ms ${lag_ms:-0} ${lag_bytes:-0}" >"$dir/logs/scale-intake.txt"

restart b && ok "process B starts again after kill -9 and answers /healthz" || bad "process B did not start again"

# --- 5. the standby stopped: the look-ups answer from the primary -----------------------------------------------
supervisor=$(login "$A" supervisor)
health=$(curl -s "$NGINX/healthz")
reads() {  # reads: the marked reads through nginx and on each process; prints the status of any that is not 200
  local path base code
  for path in /api/public/publicity/lists /law/publicity /api/figures /api/services/dashboard /api/mediation/statistics; do
    for base in "$NGINX" "$A" "$B"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $supervisor" "$base$path")
      [ "$code" = 200 ] || echo "$base$path: $code"
    done
  done
}
wrong=$(reads)
on_standby=$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = 'fazhi' AND usename = 'fazhi' AND application_name NOT LIKE 'fazhi-%' AND pid <> pg_backend_pid()" $PG_STANDBY_PORT)
[ -z "$wrong" ] && [ "${on_standby:-0}" -gt 0 ] && ok "with the standby up, those reads answer and the processes read from it ($on_standby connections there)" \
  || bad "standby up: ${wrong:-all 200}, ${on_standby:-no} connections to the standby"
as_pg "$PGBIN/pg_ctl" -D "$dir/pg/standby" -m fast -w stop >/dev/null 2>&1
sleep 3
wrong=$(reads)
degraded=$(curl -s "$NGINX/healthz")
[ -z "$wrong" ] && ok "standby stopped: look-ups, figures, dashboard and statistics still answer on both processes" || bad "standby stopped: $wrong"
[ "$health" = Healthy ] && [ "$degraded" = Degraded ] && ok "/healthz: Healthy with the standby, Degraded without it (still 200)" || bad "/healthz '$health' then '$degraded'"
as_pg "$PGBIN/pg_ctl" -D "$dir/pg/standby" -l "$dir/logs/pg-standby.log" \
  -o "-p $PG_STANDBY_PORT -k $dir/run -c listen_addresses=127.0.0.1" -w start >/dev/null 2>&1 || bad "the standby did not start again"

# --- 6. the rate limit holds across processes: nginx's, per address, whatever the path's case ------------------------
# (Last: the address's sign-ins through nginx are spent for a minute after it.)
answers=$(for i in $(seq 1 15); do
  path=$([ $((i % 2)) = 0 ] && echo /api/auth/login || echo /API/Auth/Login/)
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' -d '{"userName":"nobody","password":"wrong-password"}' "$NGINX$path"
done | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
case "$answers" in
  *401*429*) ok "password sign-ins through nginx are limited across both processes, in any case of the path: $answers" ;;
  *) bad "sign-in limit through nginx: $answers" ;;
esac

rm -rf "$work"
echo "Failed: $failed, Passed: $passed, Skipped: 0"
[ "$failed" = 0 ]
