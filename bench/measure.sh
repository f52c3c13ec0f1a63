#!/usr/bin/env bash
# Issue 13's figures measured as users meet them: the all-in-one jar started with `java -jar` (what ./storemon runs),
# cold, on a fresh embedded data directory, loading full-size generated data. Prints, with the load average at the
# start and at the end, the commit and the JVM:
#   - cold start: process start to the log line "storemon standalone ready";
#   - the first load: polls loaded, the run's started_at -> finished_at, polls/s, and the ingest log lines of the run;
#   - the first report after start: trigger_report -> get_report says Complete, right after the load;
#   - MEASURE_RUNS more reports, each with a distinct as_of (no stored result is reused): each, median, min, max;
#   - where each report's time went, from the gateway's and the workers' log lines (see docs/benchmarks.md);
#   - get_report serving a complete report: ETag, Cache-Control, gzip, 304, then requests/s with wrk;
# and ends with a markdown table  figure | target | measured  (also in $MEASURE_WORK/table.md).
# A measurement, not a test: it exits 0 whatever the figures, and 1 only when something broke (the service did not
# start, the load failed, a report Failed or counted another number of stores, get_report lost a caching header).
#
#   bench/measure.sh                                   # 10,000 stores x 10 days (~1.92M polls): issue 13's full size
#   MEASURE_STORES=100000 MEASURE_JAVA_OPTS=-Xmx3g bench/measure.sh      # ten times the size
#   MEASURE_STORES=2000 MEASURE_DAYS=7 bench/measure.sh                 # small, to try the script itself
#
# Environment: MEASURE_STORES (10000), MEASURE_DAYS (10), MEASURE_RUNS (9), MEASURE_JAVA_OPTS (none: the JVM's
# defaults, as ./storemon), MEASURE_WORK (bench/target/measure: the data, generated once per size, the embedded data
# directory, emptied before every start and removed after unless MEASURE_KEEP_EMBEDDED is set, the log),
# MEASURE_PORT_BASE (3 ports from it: API, Postgres, Kafka; default a random free block). Builds the jars when they
# are missing (not when they are stale: it warns).
# Needs: java 17, curl, jq, wrk.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${MEASURE_WORK:-$ROOT/bench/target/measure}
JAR=$ROOT/standalone/target/storemon-standalone.jar
TOOLS_JAR=$ROOT/tools/target/tools-0.1.0-SNAPSHOT.jar
STORES=${MEASURE_STORES:-10000}
DAYS=${MEASURE_DAYS:-10}
RUNS=${MEASURE_RUNS:-9}
read -r -a JAVA_OPTS <<<"${MEASURE_JAVA_OPTS:-}"
# The generator's polls end here (GeneratorOptions.DEFAULT_END). The first report asks for 5 minutes before it, run k
# for k x 1 h 7 min 13 s before it: every as_of distinct, so every report is computed.
DATA_END=2023-01-25T12:00:00Z
FIRST_AS_OF=2023-01-25T11:55:00Z
STEP_SECONDS=4033
STORE_LOG=$WORK/logs/storemon.log
TMP=$WORK/tmp

PID=""
BROKEN=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
fmt() { # number, decimals (2); "-" when there is none
    awk -v v="$1" -v d="${2:-2}" 'BEGIN { if (v == "" || v == "-") print "-"; else printf "%.*f", d, v }'
}
thousands() { sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|[^0-9]\)/\1,\2\3/; ta' <<<"$1"; }
broke() {
    BROKEN+=("$*")
    log "BROKEN: $*"
}
die() { # the service is unusable: nothing further to measure
    broke "$*"
    [[ -f $STORE_LOG ]] && { log "last lines of $STORE_LOG:"; tail -n 40 "$STORE_LOG" >&2; }
    exit 1
}
# "median min max sum count" of the numbers on stdin ("- - - - 0" when none)
stats() {
    sort -g | awk '{ a[NR] = $1; s += $1 }
        END {
            if (NR == 0) { print "- - - - 0"; exit }
            m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
            printf "%.3f %.3f %.3f %.3f %d\n", m, a[1], a[NR], s, NR
        }'
}
# epoch seconds of a log line (its first field, Spring Boot's ISO-8601 timestamp); fails when it has none
log_time() {
    local stamp=${1%%[[:space:]]*}
    [[ $stamp =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T\ ][0-9:.,]+ ]] || return 1
    date -d "${stamp/,/.}" +%s.%N 2>/dev/null
}
iso_epoch() { date -d "$1" +%s.%N 2>/dev/null; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port_base() {
    local base
    for _ in $(seq 50); do
        base=$((20000 + RANDOM % 20000))
        port_free $base && port_free $((base + 1)) && port_free $((base + 2)) && { echo $base; return; }
    done
    echo $((20000 + RANDOM % 20000))
}

# ---- the process -------------------------------------------------------------------------------------------------
wait_exit() { # pid, timeout seconds
    local deadline=$(($(date +%s) + $2))
    while kill -0 "$1" 2>/dev/null; do
        (($(date +%s) > deadline)) && return 1
        sleep 0.2
    done
}
stop() { # SIGTERM, as Ctrl-C: the jar closes its services, then Postgres and the broker
    [[ -z $PID ]] && return 0
    if kill -0 "$PID" 2>/dev/null; then
        local t=$(now)
        log "stopping storemon (SIGTERM to pid $PID)"
        kill -TERM "$PID" 2>/dev/null
        if wait_exit "$PID" 90; then
            log "storemon stopped in $(fmt "$(sub "$(now)" "$t")" 1) s"
        else
            log "storemon still running 90 s after SIGTERM: SIGKILL"
            kill -KILL "$PID" 2>/dev/null
        fi
    fi
    PID=""
}
trap stop EXIT
trap 'exit 130' INT TERM

for tool in java curl jq wrk; do
    command -v $tool >/dev/null || { log "needs $tool"; exit 1; }
done

# ---- set-up ----------------------------------------------------------------------------------------------------
BASE=${MEASURE_PORT_BASE:-$(pick_port_base)}
API=$BASE PG=$((BASE + 1)) KAFKA=$((BASE + 2))
URL=http://127.0.0.1:$API
mkdir -p "$WORK/logs" "$TMP"
rm -f "$STORE_LOG" "$TMP"/*
if [[ ! -f $JAR || ! -f $TOOLS_JAR ]]; then
    log "building the jars"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl standalone,tools -am) || exit 1
elif [[ -n $(cd "$ROOT" && find pom.xml common ingest-worker report-worker api-gateway standalone -newer "$JAR" \
    \( -name pom.xml -o -path '*/src/main/*' \) -type f -print -quit) ]]; then
    log "WARNING: sources newer than $JAR; measuring the jar as it is (rebuild: ./mvnw -B -q -DskipTests package -pl standalone,tools -am)"
fi
DATA=$WORK/data-$STORES-$DAYS
if [[ ! -f $DATA/.complete ]]; then
    log "generating $STORES stores x $DAYS days into $DATA"
    rm -rf "$DATA"
    java -cp "$TOOLS_JAR" dev.storemon.tools.generate.Main --stores "$STORES" --days "$DAYS" --seed 42 \
        --out "$DATA" >&2 || exit 1
    # owners' reports are another feature (issue 14): without the owners file every report is the plain one
    rm -f "$DATA/store_owners.csv"
    touch "$DATA/.complete"
fi
POLLS_IN_FILE=$(($(wc -l <"$DATA/store_status.csv") - 1))

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]] && COMMIT+="+dirty"
JAVA_VERSION=$(java "${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"}" -version 2>&1 | head -n 1)
UPTIME_START=$(uptime)
log "commit $COMMIT; $JAVA_VERSION; $(nproc) cores"
log "load at start: $UPTIME_START"
log "data: $STORES stores x $DAYS days, $POLLS_IN_FILE polls ($DATA); ports $API (API), $PG (Postgres), $KAFKA (Kafka)"

# ---- 1. cold start -----------------------------------------------------------------------------------------------
rm -rf "$WORK/embedded"
log "starting: java ${MEASURE_JAVA_OPTS:-} -jar $JAR"
: >"$STORE_LOG"
T_LAUNCH=$(now)
# The one extra argument is a log level: VersionLoader's DEBUG line names the first load's phases.
java "${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"}" -jar "$JAR" \
    --storemon.ingest.source-dir="$DATA" \
    --storemon.embedded.data-dir="$WORK/embedded" \
    --server.port=$API \
    --storemon.embedded.postgres-port=$PG \
    --storemon.embedded.kafka-port=$KAFKA \
    --logging.level.dev.storemon.ingest.load.VersionLoader=DEBUG \
    >>"$STORE_LOG" 2>&1 &
PID=$!
deadline=$(($(date +%s) + 600))
until grep -q 'storemon standalone ready' "$STORE_LOG"; do
    kill -0 "$PID" 2>/dev/null || { PID=""; die "storemon exited before it was ready"; }
    (($(date +%s) > deadline)) && die "storemon not ready after 600 s"
    sleep 0.05
done
T_READY=$(log_time "$(grep -m 1 'storemon standalone ready' "$STORE_LOG")") || T_READY=$(now)
COLD_START=$(sub "$T_READY" "$T_LAUNCH")
log "cold start: ready $(fmt "$COLD_START") s after the process started"
# each part's "ready" line (infra: Postgres and the broker; then the gateway, the report worker, the ingest worker)
COLD_PARTS=$(grep -E 'storemon [a-z ]+ ready' "$STORE_LOG" | while IFS= read -r line; do
    t=$(log_time "$line") || continue
    msg=${line#*: }
    printf '    +%6.2f s  %s\n' "$(sub "$t" "$T_LAUNCH")" "${msg:0:100}"
done)
echo "$COLD_PARTS" >&2

# ---- 2. the first load -------------------------------------------------------------------------------------------
deadline=$(($(date +%s) + 3600))
while :; do
    status=$(curl -s -m 10 "$URL/api/ingest/status")
    run_status=$(jq -r '.last_run.status // empty' <<<"$status" 2>/dev/null)
    [[ $run_status == SUCCEEDED ]] && break
    [[ $run_status == FAILED ]] && die "the first load failed: $(jq -c '.last_run.error' <<<"$status")"
    kill -0 "$PID" 2>/dev/null || { PID=""; die "storemon exited during the first load"; }
    (($(date +%s) > deadline)) && die "no data loaded after 3600 s"
    sleep 0.2
done
RUN_ID=$(jq -r '.last_run.id' <<<"$status")
LOAD_POLLS=$(jq '[.last_run.files[]? | select(.kind == "polls") | .rows_loaded] | add // 0' <<<"$status")
LOAD_STARTED=$(iso_epoch "$(jq -r '.last_run.started_at' <<<"$status")")
LOAD_FINISHED=$(iso_epoch "$(jq -r '.last_run.finished_at' <<<"$status")")
LOAD_SECONDS=$(sub "$LOAD_FINISHED" "$LOAD_STARTED")
LOAD_RATE=$(awk -v n="$LOAD_POLLS" -v s="$LOAD_SECONDS" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
log "first load (run $RUN_ID): $LOAD_POLLS polls in $(fmt "$LOAD_SECONDS") s (started_at -> finished_at)" \
    "= $(thousands "$LOAD_RATE") polls/s"
[[ $LOAD_POLLS == "$POLLS_IN_FILE" ]] || log "note: the file holds $POLLS_IN_FILE polls, the run loaded $LOAD_POLLS"
log "the run's ingest log lines:"
grep -E "(ingest run|run) $RUN_ID([^0-9]|$)" "$STORE_LOG" | sed 's/^/    /' >&2

# ---- 3. reports --------------------------------------------------------------------------------------------------
# Times one report as a client sees it: trigger_report, then get_report (format=json) every 10 ms until it is no longer
# Running. Sets R_ID, R_SECONDS, R_STATUS, R_STORES, R_T0 (trigger sent) and R_T1 (Complete seen).
time_report() { # as_of
    local code
    R_ID="" R_SECONDS="" R_STATUS="" R_STORES=""
    R_T0=$(now)
    code=$(curl -s -m 30 -o "$TMP/trigger.json" -w '%{http_code}' -X POST "$URL/trigger_report" \
        -H 'Content-Type: application/json' -d "{\"as_of\": \"$1\"}")
    R_ID=$(jq -r '.report_id // empty' "$TMP/trigger.json" 2>/dev/null)
    if [[ $code != 200 || -z $R_ID ]]; then
        R_STATUS="trigger_report answered $code: $(head -c 300 "$TMP/trigger.json")"
        return 1
    fi
    local deadline=$(($(date +%s) + 600))
    while :; do
        code=$(curl -s -m 30 -o "$TMP/report.json" -w '%{http_code}' "$URL/get_report?report_id=$R_ID&format=json")
        [[ $code == 200 ]] && break
        if [[ $code != 202 ]]; then
            R_STATUS="get_report answered $code"
            return 1
        fi
        (($(date +%s) > deadline)) && { R_STATUS="still Running after 600 s"; return 1; }
        sleep 0.01
    done
    R_T1=$(now)
    R_SECONDS=$(sub "$R_T1" "$R_T0")
    R_STATUS=$(jq -r '.status' "$TMP/report.json")
    R_STORES=$(jq -r '.store_count // empty' "$TMP/report.json")
}
check_report() { # label
    if [[ $R_STATUS != Complete ]]; then
        broke "$1 (report ${R_ID:-none}): $R_STATUS $(jq -c '.error // empty' "$TMP/report.json" 2>/dev/null)"
    elif [[ $R_STORES != "$STORES" ]]; then
        broke "$1 (report $R_ID): store_count $R_STORES, expected $STORES"
    fi
}
IDS=() LABELS=() T0S=() T1S=()
record() { # label
    IDS+=("$R_ID") LABELS+=("$1") T0S+=("$R_T0") T1S+=("${R_T1:-}")
}

time_report "$FIRST_AS_OF"
check_report "first report"
record first
FIRST_SECONDS=${R_SECONDS:-}
log "first report after start (as_of $FIRST_AS_OF): ${FIRST_SECONDS:-?} s, $R_STATUS, $R_STORES stores"
LAST_COMPLETE=""
[[ $R_STATUS == Complete ]] && LAST_COMPLETE=$R_ID

END_EPOCH=$(date -d "$DATA_END" +%s)
: >"$TMP/runs"
for ((k = 1; k <= RUNS; k++)); do
    as_of=$(date -u -d "@$((END_EPOCH - k * STEP_SECONDS))" +%Y-%m-%dT%H:%M:%SZ)
    R_T1=""
    time_report "$as_of"
    check_report "run $k"
    record "run $k"
    log "run $k (as_of $as_of): ${R_SECONDS:-?} s, $R_STATUS, $R_STORES stores"
    if [[ $R_STATUS == Complete ]]; then
        echo "$R_SECONDS" >>"$TMP/runs"
        LAST_COMPLETE=$R_ID
    fi
done
read -r RUN_MEDIAN RUN_MIN RUN_MAX _ RUN_COUNT < <(stats <"$TMP/runs")
log "reports: median $RUN_MEDIAN s, min $RUN_MIN s, max $RUN_MAX s ($RUN_COUNT of $RUNS complete)"

# ---- 4. where the time went, from the log lines ------------------------------------------------------------------
# Per report: trigger sent -> gateway's "report <id> started" (HTTP, pinning the data version, the shard tasks in the
# outbox); started -> the last worker's "shard ... of report <id> stored" (Kafka to the workers, reading, computing,
# writing 16 shards); that -> "report <id> completed" (the completion event, assembling the CSV); completed -> the
# client seeing Complete (its 10 ms polling and one get_report). Then the shard lines' "read (SOURCE) and computed in
# X ms, written in Y ms": sum over the shards (CPU work, spread over the worker's threads), median and max.
breakdown() { # index
    local id=${IDS[$1]} label=${LABELS[$1]} t0=${T0S[$1]} t1=${T1S[$1]}
    local started completed shards t_started t_last t_completed computes writes sources
    started=$(grep -m 1 "report $id started" "$STORE_LOG")
    completed=$(grep -m 1 "report $id completed" "$STORE_LOG")
    shards=$(grep "of report $id stored" "$STORE_LOG")
    if ! t_started=$(log_time "$started") || ! t_completed=$(log_time "$completed") ||
        ! t_last=$(log_time "$(tail -n 1 <<<"$shards")") || [[ -z $t1 ]]; then
        echo "$label ($id): log lines not understood, as they are:"
        printf '%s\n' "$started" "$shards" "$completed" | sed '/^$/d; s/^/    /'
        return 1
    fi
    # the shard lines' figures: "-" when their wording changed (the times above do not depend on it)
    computes=$(grep -oE 'computed in [0-9]+ ms' <<<"$shards" | grep -oE '[0-9]+' | stats)
    writes=$(grep -oE 'written in [0-9]+ ms' <<<"$shards" | grep -oE '[0-9]+' | stats)
    sources=$(grep -oE 'read \([^)]*\)' <<<"$shards" | sed 's/read (\(.*\))/\1/' | sort | uniq -c |
        awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
    local a b c d cm cx cs cn wm wx ws
    a=$(sub "$t_started" "$t0") b=$(sub "$t_last" "$t_started") c=$(sub "$t_completed" "$t_last")
    d=$(sub "$t1" "$t_completed")
    read -r cm _ cx cs cn <<<"$computes"
    read -r wm _ wx ws _ <<<"$writes"
    printf '| %s | %s | %s | %s | %s | %s | %s / %s / %s | %s / %s / %s | %s lines: %s |\n' \
        "$label" "$(sub "$t1" "$t0")" "$a" "$b" "$c" "$d" "$(fmt "$cs" 0)" "$(fmt "$cm" 0)" "$(fmt "$cx" 0)" \
        "$(fmt "$ws" 0)" "$(fmt "$wm" 0)" "$(fmt "$wx" 0)" "$(grep -c . <<<"$shards")" "${sources:--}"
    ((cn == 0)) && echo "    (shard lines' figures not understood; one as it is: $(head -n 1 <<<"$shards"))"
    # the medians below are the runs' (the first report meets a cold worker: apart)
    [[ $label == first ]] || printf '%s %s %s %s %s %s\n' "$a" "$b" "$c" "$d" "$cs" "$ws" >>"$TMP/parts"
    return 0
}
: >"$TMP/parts"
BREAKDOWN=$(
    echo "| report | trigger->Complete seen (s) | trigger->started | started->last shard stored | last shard->completed (assembly) | completed->seen | shards: read+compute ms (sum / median / max) | write ms (sum / median / max) | shards: data from |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for i in "${!IDS[@]}"; do
        [[ -n ${IDS[$i]} ]] && breakdown "$i"
    done
)
PARTS_MEDIAN=$(awk '{ for (i = 1; i <= NF; i++) print i, $i }' "$TMP/parts" | sort -k1,1n -k2,2g |
    awk '$2 != "-" { v[$1, ++n[$1]] = $2 }
        END {
            for (i = 1; i <= 6; i++) {
                c = n[i]; if (c == 0) { printf "- "; continue }
                m = (c % 2) ? v[i, (c + 1) / 2] : (v[i, c / 2] + v[i, c / 2 + 1]) / 2
                printf "%s ", m
            }
        }')
echo "$BREAKDOWN" >&2
read -r P_A P_B P_C P_D P_CS P_WS <<<"$PARTS_MEDIAN"
log "runs, medians: trigger->started $P_A s, started->last shard $P_B s, assembly $P_C s, completed->seen $P_D s;" \
    "per report, shards' read+compute $(fmt "$P_CS" 0) ms and write $(fmt "$P_WS" 0) ms in all"

# ---- 5. get_report serving ---------------------------------------------------------------------------------------
HEADERS="not checked" GZIP_BYTES=""
WRK_RATE="" WRK_LATENCY=""
if [[ -n $LAST_COMPLETE ]]; then
    DOWNLOAD="$URL/get_report?report_id=$LAST_COMPLETE"
    headers=$(curl -s -m 30 -D - -o "$TMP/download.gz" -H 'Accept-Encoding: gzip' "$DOWNLOAD" | tr -d '\r')
    header() { grep -i "^$1:" <<<"$headers" | head -n 1 | cut -d' ' -f2-; }
    etag=$(header ETag) cache=$(header Cache-Control) encoding=$(header Content-Encoding)
    GZIP_BYTES=$(stat -c %s "$TMP/download.gz")
    log "get_report $LAST_COMPLETE with Accept-Encoding: gzip: ETag ${etag:-MISSING}, Cache-Control ${cache:-MISSING}," \
        "Content-Encoding ${encoding:-MISSING}, $GZIP_BYTES bytes"
    [[ -n $etag ]] || broke "get_report: no ETag"
    [[ -n $cache ]] || broke "get_report: no Cache-Control"
    [[ $encoding == gzip ]] || broke "get_report: Content-Encoding '${encoding}' with Accept-Encoding: gzip"
    if [[ -n $etag ]]; then
        code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" -H 'Accept-Encoding: gzip' \
            "$DOWNLOAD")
        log "get_report with If-None-Match: $code"
        [[ $code == 304 ]] || broke "get_report with If-None-Match: $code, not 304"
    fi
    HEADERS="ETag $([[ -n $etag ]] && echo present || echo MISSING), Cache-Control: ${cache:-MISSING}, Content-Encoding: ${encoding:-MISSING}"
    HEADERS+=", If-None-Match -> ${code:-not tried}"
    wrk_run() { wrk -t2 -c16 -d10s -H 'Accept-Encoding: gzip' "$DOWNLOAD" 2>&1; }
    log "wrk -t2 -c16 -d10s (warm-up)"
    wrk_run >"$TMP/wrk-warmup.txt"
    log "wrk -t2 -c16 -d10s (measured)"
    wrk_run >"$TMP/wrk.txt"
    sed 's/^/    /' "$TMP/wrk.txt" >&2
    WRK_RATE=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk.txt")
    WRK_LATENCY=$(awk '$1 == "Latency" { print $2; exit }' "$TMP/wrk.txt")
    grep -q 'Non-2xx or 3xx' "$TMP/wrk.txt" && broke "wrk: $(grep 'Non-2xx or 3xx' "$TMP/wrk.txt")"
else
    broke "no complete report to download"
fi

# The jar keeps its hourly ingest schedule, as users run it: a run at the top of the hour (nothing changed, quick) may
# fall among the measurements; named, not hidden.
OTHER_RUNS=$(grep -E 'ingest run [0-9]+ started' "$STORE_LOG" | grep -vcE "ingest run $RUN_ID([^0-9]|$)")
((OTHER_RUNS > 0)) && log "note: $OTHER_RUNS more ingest run(s) started during the measurements (the hourly schedule)"
UPTIME_END=$(uptime)
log "load at end: $UPTIME_END"
stop
# Postgres's files (gigabytes at ten times the size): the next run starts from an empty directory anyway
[[ -z ${MEASURE_KEEP_EMBEDDED:-} ]] && rm -rf "$WORK/embedded"

# ---- the summary ---------------------------------------------------------------------------------------------------
verdict() { # measured, target, ge|le
    awk -v m="$1" -v t="$2" -v op="$3" 'BEGIN {
        if (m == "" || m == "-") { print "not measured"; exit }
        ok = (op == "ge") ? (m + 0 >= t + 0) : (m + 0 <= t + 0)
        print ok ? "met" : "NOT met"
    }'
}
{
    echo "storemon measured $(date -u +%Y-%m-%dT%H:%MZ), commit $COMMIT, $JAVA_VERSION, $(nproc) cores," \
        "JVM options: ${MEASURE_JAVA_OPTS:-none}"
    echo "data: $STORES stores x $DAYS days, $(thousands "$POLLS_IN_FILE") polls (generator, seed 42)"
    echo "load at start: $UPTIME_START"
    echo "load at end:   $UPTIME_END"
    ((OTHER_RUNS > 0)) && echo "note: $OTHER_RUNS more ingest run(s) (the hourly schedule) ran during the measurements"
    echo
    echo "cold start, seconds after the process started:"
    echo "$COLD_PARTS"
    echo
    echo "$BREAKDOWN"
    echo
    echo "| figure | target | measured |"
    echo "|---|---|---|"
    echo "| cold start: process start -> \"storemon standalone ready\" | - | $(fmt "$COLD_START") s |"
    echo "| process start -> first load finished (data ready to report on) | - |" \
        "$(fmt "$(sub "$LOAD_FINISHED" "$T_LAUNCH")") s |"
    echo "| first load (started_at -> finished_at) | >= 400,000 polls/s | $(thousands "$LOAD_RATE") polls/s:" \
        "$(thousands "$LOAD_POLLS") polls in $(fmt "$LOAD_SECONDS") s ($(verdict "$LOAD_RATE" 400000 ge)) |"
    echo "| first report after start: trigger -> Complete | <= 2 s | $(fmt "${FIRST_SECONDS:-0}") s" \
        "($(verdict "${FIRST_SECONDS:--}" 2 le)) |"
    echo "| report: trigger -> Complete, $RUN_COUNT runs, distinct as_of | median <= 0.5 s | median" \
        "$(fmt "$RUN_MEDIAN" 3) s (min $(fmt "$RUN_MIN" 3), max $(fmt "$RUN_MAX" 3)) ($(verdict "$RUN_MEDIAN" 0.5 le)) |"
    echo "| get_report of a complete report (wrk -t2 -c16 -d10s, gzip) | >= 1,000 req/s |" \
        "$(thousands "${WRK_RATE:-0}") req/s, average latency ${WRK_LATENCY:--}, ${GZIP_BYTES:--} bytes an answer" \
        "($(verdict "${WRK_RATE:--}" 1000 ge)) |"
    echo "| get_report headers (Accept-Encoding: gzip; then If-None-Match) | ETag, Cache-Control, gzip, 304 | $HEADERS |"
} | tee "$WORK/table.md"

if ((${#BROKEN[@]} > 0)); then
    echo
    echo "Something broke (the figures above do not stand):"
    printf -- '- %s\n' "${BROKEN[@]}"
    exit 1
fi
exit 0
