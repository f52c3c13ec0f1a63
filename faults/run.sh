#!/usr/bin/env bash
# The fault suite (issue 11): the roles of the standalone jar as separate processes (infra, two gateways, two report
# workers, the ingest worker) on generated full-size data; each fault injected for real (kill -9, SIGTERM and restart
# on the same data directory, poison rows, a flood of triggers); prints a table
#   fault | what was checked | seconds to recover | result
# and exits non-zero when a check failed. CSVs are compared byte for byte with the same report (explicit as_of)
# computed before any fault.
#
#   faults/run.sh                      # builds the jars when missing, generates data once into faults/target/run
#   FAULTS_STORES=2000 faults/run.sh   # smaller data, for trying the script itself
#   ./mvnw -B verify -Pfaults          # the same, from Maven (module faults, integration-test phase)
#
# Needs: java 17, curl, jq, psql (Debian postgresql-client). Ports: a random block of 7 (FAULTS_PORT_BASE to fix it).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${FAULTS_WORK:-$ROOT/faults/target/run}
JAR=$ROOT/standalone/target/storemon-standalone.jar
TOOLS_JAR=$ROOT/tools/target/tools-0.1.0-SNAPSHOT.jar
STORES=${FAULTS_STORES:-14000}
DAYS=${FAULTS_DAYS:-7}
LIMIT_SECONDS=${FAULTS_LIMIT_SECONDS:-15}
AS_OF=2023-01-25T11:00:00Z
INTERPOLATION=nearest
BASE=${FAULTS_PORT_BASE:-$((20000 + RANDOM % 20000))}
PG=$BASE KAFKA=$((BASE + 1)) GW1=$((BASE + 2)) GW2=$((BASE + 3)) W1=$((BASE + 4)) W2=$((BASE + 5)) ING=$((BASE + 6))
JDBC=jdbc:postgresql://localhost:$PG/postgres
CONNECT=(--spring.datasource.url=$JDBC --spring.datasource.username=postgres --spring.datasource.password=postgres
    --spring.kafka.bootstrap-servers=localhost:$KAFKA)
JAVA_OPTS=(-Xmx768m -XX:+UseSerialGC)

declare -A PIDS
ROWS=()
FAILED=0

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
row() { # fault, checked, seconds, ok|FAIL
    ROWS+=("| $1 | $2 | $3 | $4 |")
    [[ $4 == ok ]] || FAILED=1
    log "RESULT: $1 | $2 | $3 | $4"
}
within() { awk -v s="$1" -v l="$2" 'BEGIN { exit !(s <= l) }'; }

# ---- processes -------------------------------------------------------------------------------------------------
start() { # name, args...
    local name=$1
    shift
    java "${JAVA_OPTS[@]}" -jar "$JAR" "$@" >>"$WORK/logs/$name.log" 2>&1 &
    PIDS[$name]=$!
    log "started $name (pid ${PIDS[$name]})"
}
start_infra() {
    start infra --storemon.roles=infra --storemon.embedded.data-dir="$WORK/infra-data" \
        --storemon.embedded.postgres-port=$PG --storemon.embedded.kafka-port=$KAFKA
}
start_gateway() { start "gateway$1" --storemon.roles=gateway --server.port="$2" "${CONNECT[@]}"; }
start_worker() {
    start "worker$1" --storemon.roles=worker --management.server.port="$2" --storemon.worker.id="worker$1" \
        "${CONNECT[@]}"
}
start_ingest() {
    start ingest --storemon.roles=ingest --management.server.port=$ING --storemon.ingest.source-dir="$WORK/data" \
        --storemon.ingest.cron=- "${CONNECT[@]}"
}
ready() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://localhost:$1/actuator/health/readiness" | grep -q 200; }
await_ready() { # port, timeout seconds
    local deadline=$(($(date +%s) + $2))
    until ready "$1"; do
        (($(date +%s) > deadline)) && { log "port $1 not ready after $2 s"; return 1; }
        sleep 1
    done
}
stop_all() {
    for name in "${!PIDS[@]}"; do
        [[ $name == infra ]] && continue
        kill "${PIDS[$name]}" 2>/dev/null
    done
    for name in "${!PIDS[@]}"; do [[ $name == infra ]] || wait_exit "${PIDS[$name]}" 60; done
    [[ -n ${PIDS[infra]:-} ]] && kill "${PIDS[infra]}" 2>/dev/null && wait_exit "${PIDS[infra]}" 60
}
wait_exit() { # pid, timeout seconds
    local pid=$1 deadline=$(($(date +%s) + $2))
    [[ -z $pid ]] && return 0
    while kill -0 "$pid" 2>/dev/null; do
        (($(date +%s) > deadline)) && return 1
        sleep 0.2
    done
}
trap stop_all EXIT

# ---- the API ---------------------------------------------------------------------------------------------------
trigger() { # port, json body -> report id on stdout ("" when refused)
    curl -s -m 10 -X POST "http://localhost:$1/api/trigger_report" -H 'Content-Type: application/json' -d "$2" |
        jq -r '.report_id // empty' 2>/dev/null
}
report_status() { # port, id -> Running | Complete | Failed | unreachable; the CSV in $WORK/csv/<id>.csv when complete
    local headers body code
    headers=$(mktemp) body=$(mktemp)
    code=$(curl -s -m 10 -D "$headers" -o "$body" -w '%{http_code}' "http://localhost:$1/get_report?report_id=$2")
    if [[ $code == 200 ]] && grep -qi '^X-Report-Status: Complete' "$headers"; then
        mv "$body" "$WORK/csv/$2.csv"
        echo Complete
    elif [[ $code == 200 ]]; then
        jq -r '.status' <"$body"
    elif [[ $code == 202 ]]; then
        echo Running
    else
        echo "unreachable($code)"
    fi
    rm -f "$headers" "$body"
}
shards_done() { curl -s -m 5 "http://localhost:$1/get_report?report_id=$2" -H 'Accept: application/json' |
    jq -r '.shards_done // 0' 2>/dev/null || echo 0; }
await_report() { # port, id, timeout seconds -> final status
    local deadline=$(($(date +%s) + $3)) status
    while :; do
        status=$(report_status "$1" "$2")
        [[ $status == Complete || $status == Failed ]] && { echo "$status"; return; }
        (($(date +%s) > deadline)) && { echo "$status"; return; }
        sleep 0.25
    done
}
await_shards() { # port, id, n: until n shards are stored (the report is mid-way)
    local deadline=$(($(date +%s) + 120))
    until (($(shards_done "$1" "$2") >= $3)); do
        (($(date +%s) > deadline)) && return 1
        sleep 0.1
    done
}
same_csv() { cmp -s "$WORK/csv/$1.csv" "$WORK/baseline.csv"; }
sql() { PGPASSWORD=postgres psql -h localhost -p $PG -U postgres -d postgres -tAc "$1"; }
BODY="{\"as_of\": \"$AS_OF\", \"interpolation\": \"$INTERPOLATION\"}"

# ---- set-up ----------------------------------------------------------------------------------------------------
mkdir -p "$WORK/logs" "$WORK/csv"
rm -rf "$WORK/infra-data" "$WORK/logs"/* "$WORK/csv"/*
if [[ ! -f $JAR || ! -f $TOOLS_JAR ]]; then
    log "building the jars"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl standalone,tools -am) || exit 1
fi
if [[ ! -f $WORK/data/store_status.csv || $(cat "$WORK/data/.options" 2>/dev/null) != "$STORES $DAYS" ]]; then
    log "generating $STORES stores, $DAYS days"
    rm -rf "$WORK/data"
    java -cp "$TOOLS_JAR" dev.storemon.tools.generate.Main --stores "$STORES" --days "$DAYS" --seed 42 \
        --out "$WORK/data" >&2 || exit 1
    echo "$STORES $DAYS" >"$WORK/data/.options"
fi
POLLS=$(($(wc -l <"$WORK/data/store_status.csv") - 1))
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
log "data: $STORES stores, $POLLS polls; load average $LOAD_START; ports from $BASE"

start_infra
start_gateway 1 $GW1
start_gateway 2 $GW2
start_worker 1 $W1
start_worker 2 $W2
start_ingest
for port in $GW1 $GW2 $W1 $W2 $ING; do await_ready $port 1800 || exit 1; done
deadline=$(($(date +%s) + 600))
until [[ $(curl -s "http://localhost:$GW1/api/ingest/status" | jq -r '.last_run.status // empty') == SUCCEEDED ]]; do
    (($(date +%s) > deadline)) && { log "no data loaded after 600 s"; exit 1; }
    sleep 1
done
LOADED=$(sql "select count(*) from polls")
log "loaded $LOADED polls"

t=$(now)
BASELINE=$(trigger $GW1 "$BODY")
status=$(await_report $GW1 "$BASELINE" 300)
cp "$WORK/csv/$BASELINE.csv" "$WORK/baseline.csv" 2>/dev/null
secs=$(since "$t")
[[ $status == Complete ]] && r=ok || r=FAIL
row "none (baseline)" "report as_of $AS_OF completes; $(($(wc -l <"$WORK/baseline.csv" 2>/dev/null || echo 1) - 1)) CSV rows" "$secs" $r

# ---- 1. a worker killed mid-report ---------------------------------------------------------------------------
t=$(now)
R1=$(trigger $GW1 "$BODY")
await_shards $GW1 "$R1" 2
kill -9 "${PIDS[worker1]}"
log "worker1 killed (kill -9) with report $R1 at $(shards_done $GW1 "$R1") shards"
t_next=$(now)
R2=$(trigger $GW1 "$BODY")
s1=$(await_report $GW1 "$R1" 300)
secs1=$(since "$t")
s2=$(await_report $GW1 "$R2" 300)
secs2=$(since "$t_next")
[[ $s1 == Complete ]] && same_csv "$R1" && within "$secs1" "$LIMIT_SECONDS" && r=ok || r=FAIL
row "worker kill -9 mid-report" "running report $s1, CSV byte-identical, <= ${LIMIT_SECONDS} s from trigger" "$secs1" $r
[[ $s2 == Complete ]] && same_csv "$R2" && within "$secs2" "$LIMIT_SECONDS" && r=ok || r=FAIL
row "worker kill -9 mid-report" "next report (triggered after the kill) $s2, CSV byte-identical, <= ${LIMIT_SECONDS} s" "$secs2" $r
start_worker 1 $W1
await_ready $W1 300

# ---- 2. a gateway killed mid-report ---------------------------------------------------------------------------
t=$(now)
R3=$(trigger $GW1 "$BODY")
await_shards $GW1 "$R3" 1
kill -9 "${PIDS[gateway1]}"
log "gateway1 killed (kill -9) with report $R3 running"
s3=$(await_report $GW2 "$R3" 300)
secs3=$(since "$t")
[[ $s3 == Complete ]] && same_csv "$R3" && r=ok || r=FAIL
row "gateway kill -9 mid-report" "report $s3 on the other gateway, CSV byte-identical" "$secs3" $r
t=$(now)
start_gateway 1 $GW1
await_ready $GW1 300
s3b=$(report_status $GW1 "$R3")
[[ $s3b == Complete ]] && same_csv "$R3" && r=ok || r=FAIL
row "gateway kill -9 mid-report" "restarted gateway serves it: $s3b, byte-identical" "$(since "$t")" $r

# ---- 3. infra (Postgres + broker) stopped with SIGTERM, started again on its data directory ---------------------
t=$(now)
R4=$(trigger $GW2 "$BODY")
await_shards $GW2 "$R4" 1
kill -TERM "${PIDS[infra]}"
wait_exit "${PIDS[infra]}" 120
t_down=$(now)
log "infra stopped (SIGTERM) with report $R4 running"
t_req=$(now)
code=$(curl -s -o "$WORK/outage-trigger.json" -m 10 -w '%{http_code}' -X POST "http://localhost:$GW2/api/trigger_report" \
    -H 'Content-Type: application/json' -d "$BODY")
secs_req=$(since "$t_req")
retry_after=$(curl -s -o /dev/null -D - -m 10 -X POST "http://localhost:$GW2/api/trigger_report" \
    -H 'Content-Type: application/json' -d "$BODY" | grep -i '^Retry-After' | tr -d '\r' | cut -d' ' -f2)
[[ ($code == 503 && -n $retry_after) || $code == 200 ]] && within "$secs_req" 2 && r=ok || r=FAIL
row "infra down" "trigger_report answers $code (Retry-After ${retry_after:-none}) within 2 s" "$secs_req" $r
sleep 20
start_infra
t_up=$(now)
s4=$(await_report $GW2 "$R4" 600)
secs4=$(since "$t_up")
[[ $s4 == Complete ]] && same_csv "$R4" && r=ok || r=FAIL
row "infra SIGTERM + restart after $(awk -v a="$t_down" -v b="$t_up" 'BEGIN { printf "%.0f", b - a }') s" "running report $s4 (not Failed), CSV byte-identical; seconds from restart" "$secs4" $r
AFTER=$(sql "select count(*) from polls")
[[ $AFTER == "$LOADED" ]] && r=ok || r=FAIL
row "infra SIGTERM + restart" "polls after restart $AFTER = loaded $LOADED" "-" $r
t=$(now)
R5=$(trigger $GW2 "$BODY")
s5=$(await_report $GW2 "$R5" 300)
[[ $s5 == Complete ]] && same_csv "$R5" && r=ok || r=FAIL
row "infra SIGTERM + restart" "a new report after the restart: $s5, byte-identical" "$(since "$t")" $r
for port in $GW1 $W1 $W2 $ING; do await_ready $port 120; done

# ---- 4. poison rows ---------------------------------------------------------------------------------------------
t=$(now)
store=$(sed -n 2p "$WORK/data/store_status.csv" | cut -d, -f1)
printf '%s\n' "$store,active,2031-01-01 00:00:00.000000 UTC" "\"$store,active,2023-01-25 11:30:00.000000 UTC" \
    "=1+2,active,2023-01-25 11:30:00.000000 UTC" "$store,inactive,2023-01-25 11:59:59.000000 UTC" \
    >>"$WORK/data/store_status.csv"
printf 'nul%b,active,2023-01-25 11:31:00.000000 UTC\n' '\0' >>"$WORK/data/store_status.csv"
before_run=$(curl -s "http://localhost:$GW2/api/ingest/status" | jq -r '.last_run.id')
curl -s -o /dev/null -X POST "http://localhost:$GW2/api/ingest"
deadline=$(($(date +%s) + 300))
while :; do
    ingest=$(curl -s "http://localhost:$GW2/api/ingest/status")
    [[ $(jq -r '.last_run.id' <<<"$ingest") != "$before_run" && $(jq -r '.status' <<<"$ingest") == IDLE ]] && break
    (($(date +%s) > deadline)) && break
    sleep 1
done
rejected=$(jq '[.last_run.files[]?.rows_rejected // 0] | add' <<<"$ingest")
echo "$ingest" >"$WORK/poison-ingest.json"
[[ $(jq -r '.last_run.status' <<<"$ingest") == SUCCEEDED && $rejected == 4 ]] && r=ok || r=FAIL
row "poison rows (future poll, open quote, =1+2 id, NUL byte)" "load $(jq -r '.last_run.status' <<<"$ingest"), $rejected rejected with their lines, the good line loaded" "$(since "$t")" $r
t=$(now)
R6=$(trigger $GW2 '{}')
s6=$(await_report $GW2 "$R6" 300)
asof6=$(curl -s "http://localhost:$GW2/get_report?report_id=$R6" -H 'Accept: application/json' | jq -r '.as_of')
[[ $s6 == Complete && $asof6 < 2024 ]] && ! grep -q '^=' "$WORK/csv/$R6.csv" && r=ok || r=FAIL
row "poison rows" "default report $s6, as_of $asof6 (not 2031), no '=' id in the CSV" "$(since "$t")" $r
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$GW2/api/trigger_report" \
    -H 'Content-Type: application/json' -d '{"as_of": "2031-01-01T00:00:00Z"}')
[[ $code == 400 ]] && r=ok || r=FAIL
row "poison rows" "as_of 2031 answers $code" "-" $r

# ---- 5. 100 simultaneous triggers -------------------------------------------------------------------------------
for id in $(sql "select id from reports where status = 'RUNNING'"); do await_report $GW1 "$id" 300 >/dev/null; done
rm -rf "$WORK/flood" && mkdir -p "$WORK/flood"
t=$(now)
seq 1 100 | xargs -P 100 -I{} sh -c "port=\$(( {} % 2 == 0 ? $GW1 : $GW2 )); curl -s -m 30 -o '$WORK/flood/{}.json' \
    -w '%{http_code}' -X POST http://localhost:\$port/api/trigger_report -H 'Content-Type: application/json' \
    -d '$BODY' > '$WORK/flood/{}.code'"
secs_answer=$(since "$t")
accepted=$(grep -l '^200$' "$WORK"/flood/*.code | wc -l)
limited=$(grep -l '^429$' "$WORK"/flood/*.code | wc -l)
other=$((100 - accepted - limited))
complete=0 failed=0 different=0
for f in "$WORK"/flood/*.json; do
    id=$(jq -r '.report_id // empty' <"$f" 2>/dev/null)
    [[ -z $id ]] && continue
    s=$(await_report $GW1 "$id" 600)
    [[ $s == Complete ]] && complete=$((complete + 1))
    [[ $s == Failed ]] && failed=$((failed + 1))
    [[ $s == Complete ]] && ! same_csv "$id" && different=$((different + 1))
done
secs_flood=$(since "$t")
# The limit is on reports running at once, not on how many a flood gets accepted: reports that finish while later
# triggers are still being answered make room. The peak: at each accepted report's admission, how many of them had been
# admitted and not yet completed (requested_at is the admission's clock_timestamp, completed_at the completion's).
ids=$(for f in "$WORK"/flood/*.json; do jq -r '.report_id // empty' <"$f" 2>/dev/null; done | sed "s/.*/'&'/" | paste -sd,)
peak=0
[[ -n $ids ]] && peak=$(sql "select max((select count(*) from reports b where b.id in ($ids)
    and b.requested_at <= a.requested_at and coalesce(b.completed_at, 'infinity') > a.requested_at))
    from reports a where a.id in ($ids)")
[[ $accepted -ge 1 && $peak -le 32 && $((accepted + limited)) == 100 && $complete == "$accepted" && $failed == 0 &&
    $different == 0 ]] && r=ok || r=FAIL
row "100 simultaneous triggers" "$accepted accepted (at most $peak running at once, limit 32), $limited answered 429, $other other (all answered in ${secs_answer} s); $complete complete, $failed Failed, $different CSVs differ" "$secs_flood" $r

# ---- the table --------------------------------------------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
{
    echo "Fault suite, $(date -u +%Y-%m-%dT%H:%MZ): $STORES stores, $POLLS polls; load average $LOAD_START at the start," \
        "$LOAD_END at the end ($(nproc) cores)"
    echo
    echo "| fault | what was checked | seconds to recover | result |"
    echo "|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
} | tee "$WORK/table.md"
exit $FAILED
