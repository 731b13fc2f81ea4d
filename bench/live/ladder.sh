#!/usr/bin/env bash
# Live fan-out ladder: Marquee (HTTP-FLV and RTMP) and Debian's nginx + libnginx-mod-rtmp (RTMP) in one run,
# the same pre-encoded stream, the same stamped publisher and the same load client (bench/LiveLoad).
# Method: /work/shared/BENCH-METHOD.md; what the numbers mean: docs/bench-live.md.
#
# Usage: bench/live/ladder.sh [--quick]
# Knobs (env): LADDER="100 300 600 1200 2000 2800"  SERVERS="nginx marquee floor"  MARQUEE_PROTOCOLS="flv rtmp"
#              (floor: bench's BareFanout, one write per viewer per FLOOR_FLUSH=100ms, the kernel's cost for the traffic)
#              DURATION=60 (s, the measurement window; 60 = one loop of the source, so % of bitrate is exact)
#              RAMP=5 SETTLE=5 CPU_WINDOW=20 PER_PROCESS=700 PIN=1 (server on CPU 0, load on CPU 1) LOAD_CPUS=1 MQ_JAVA_OPTS=
#              WARMUP=30 (s of 500 viewers per protocol before Marquee's first step, not counted: JIT steady state)
#              MQ_ARGS= (extra arguments for Marquee's serve, e.g. --marquee.live-flush-interval=100ms)
#              READ_PACE=0 (e.g. 10ms: each load thread reads its sockets at most once per 10 ms; fewer, larger reads)
#              PROBE_JOINS=20 (fresh joins, 0.5 s apart, once the step has settled: ttfk as the method defines it; 0 = off)
#              RESULTS=bench/live/results-DATE.md
# --quick: LADDER="100 300" and DURATION=30 unless set: a short sanity run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument $arg (try --help)" ;;
  esac
done
if [ "$quick" = 1 ]; then
  ladder=${LADDER:-100 300}; duration=${DURATION:-30}
else
  ladder=${LADDER:-100 300 600 1200 2000 2800}; duration=${DURATION:-60}
fi
servers=${SERVERS:-nginx marquee floor}
marquee_protocols=${MARQUEE_PROTOCOLS:-flv rtmp}
ramp=${RAMP:-5}
settle=${SETTLE:-5}
cpu_window=${CPU_WINDOW:-20}
per_process=${PER_PROCESS:-700}
probe_joins=${PROBE_JOINS:-20}
warmup=${WARMUP:-30}
read_pace=${READ_PACE:-0}
stamp=$(date +%Y-%m-%d)
results=${RESULTS:-$live_dir/results-$stamp$([ "$quick" = 1 ] && echo -quick || true).md}
[ "$cpu_window" -le "$duration" ] || cpu_window=$duration

ensure_tools
ensure_nginx_rtmp
ensure_bench_jar
ensure_source

rows="$work/rows.md"
notes="$work/notes.md"
: >"$rows"; : >"$notes"
note() { echo "- $*" >>"$notes"; say "$*"; }

# run_step SERVER PROTOCOL VIEWERS PUBLISH_URL VIEW_URL SERVER_PIDS
run_step() {
  local server=$1 protocol=$2 viewers=$3 publish_url=$4 view_url=$5 pids=$6
  local tag="$server-$protocol-$viewers" busy processes report="$work/$server-$protocol-$viewers.json"
  busy=$(cpu_busy_pct 2)
  [ "$busy" -gt 30 ] && note "$tag: the machine was already ${busy}% busy before the step (another build?)"
  publisher_pid=""
  if [ "$publish_url" != - ] && ! start_publisher "$publish_url" $((ramp + settle + duration + 120)) "$work/$tag-publisher.log"; then
    note "$tag: $server did not accept the publisher ($(tail -1 "$work/$tag-publisher.log"))"
    echo "| $server | $protocol | $viewers | publish refused | | | | | | | | | |" >>"$rows"
    return 0
  fi
  sleep 2  # one GOP, so a GOP cache holds a keyframe before the first viewer asks (the floor: its rounds have begun)
  processes=$(( (viewers + per_process - 1) / per_process ))
  say "$tag: $viewers viewers in $processes process(es), ramp ${ramp}s, settle ${settle}s, window ${duration}s"
  local port queues="$work/$tag-queues.txt" sampler
  port=$(sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#' <<<"$view_url")
  : >"$queues"
  sample_queues "$port" "$viewers" "$queues" &
  sampler=$!
  started_pids+=("$sampler")
  [ ${#load_pin[@]} -gt 0 ] && taskset -cp "${LOAD_CPUS:-1}" "$sampler" >/dev/null  # off the server's core
  if ! live_load --protocol "$protocol" --url "$view_url" --viewers "$viewers" --processes "$processes" \
      --duration "${duration}s" --ramp "${ramp}s" --settle "${settle}s" --cpu-window "${cpu_window}s" \
      --server-pid "$pids" --source "$source_flv" --probe-joins "$probe_joins" --read-pace "$read_pace" --report "$report"; then
    note "$tag: LiveLoad failed"
    stop_pid "$sampler"
    stop_pid "$publisher_pid"
    return 0
  fi
  stop_pid "$sampler"
  stop_pid "$publisher_pid"
  jq -r --arg server "$server" --arg protocol "$protocol" --arg queued "$(queue_summary "$queues")" '
    def f(d): if . < 0 then "n/a" else (. * pow(10; d) | round / pow(10; d) | tostring) end;
    .summary as $s |
    "| \($server) | \($protocol) | \($s.viewers) | \($s.held)/\($s.viewers) | \($s.serverCpuPct | f(1)) | \($s.cpuSecondsPerGb | f(2)) | \($s.pctMin | f(1)) / \($s.pctMedian | f(1)) | \($s.stalls) (\($s.viewersWithStalls)) | \($s.ttfkP50 | f(0)) / \($s.ttfkP95 | f(0)) | \(if $s.probeJoins > 0 then "\($s.probeTtfkP50 | f(0)) / \($s.probeTtfkP95 | f(0))\(if $s.probeFailed > 0 then " (\($s.probeFailed) failed)" else "" end)" else "n/a" end) | \(if $s.stamps > 0 then "\($s.latencyP50 | f(1)) / \($s.latencyP99 | f(1))" else "n/a" end) | \($s.clientCpuPct | f(0)) | \($queued) |"
  ' "$report" >>"$rows"
  jq -r --arg tag "$tag" 'select(.summary.firstError != null) | "- \($tag): first viewer error: \(.summary.firstError)"' \
    "$report" >>"$notes"
  jq -r --arg tag "$tag" 'select(.summary.probeFailed > 0) | "- \($tag): \(.summary.probeFailed) of \(.summary.probeJoins) probe joins failed: \([.probe[] | select(.error != null) | .error][0])"' \
    "$report" >>"$notes"
  jq -r --arg tag "$tag" 'select(.summary.clientCpuPct > 90)
    | "- \($tag): the load client used \(.summary.clientCpuPct | floor)% of a core: stalls and latency may be its own"' \
    "$report" >>"$notes"
  tail -1 "$rows" >&2
}

run_nginx() {
  say "nginx-rtmp on 127.0.0.1:$nginx_rtmp_port ($(nginx_version))"
  start_nginx_rtmp
  local viewers name
  for viewers in $ladder; do
    name="bench-$viewers-$RANDOM$RANDOM"  # a fresh stream name for every run
    run_step nginx rtmp "$viewers" "rtmp://127.0.0.1:$nginx_rtmp_port/live/$name" \
      "rtmp://127.0.0.1:$nginx_rtmp_port/live/$name" "$(nginx_pids)"
  done
  stop_pid "$nginx_pid"
}

# A JVM compiles its hot paths in its first minute or two; measured from a cold start, the first ladder step
# counted the JIT (C2 was still busy 90 s after start with one stream). A server runs for days, so Marquee first
# serves WARMUP seconds of load per protocol, not counted, as a long-running one would have. nginx needs none.
warm_up_marquee() {
  [ "$warmup" -gt 0 ] || return 0
  local protocol name publish view
  for protocol in $marquee_protocols; do
    name="warm$RANDOM$RANDOM"
    publish=$(marquee_user "$name") || return 0
    [ -n "$publish" ] || return 0
    view=$(marquee_view_url "$name" "$protocol")
    start_publisher "$publish" $((warmup + 60)) "$work/warmup-$protocol-publisher.log" || return 0
    sleep 2
    say "warming Marquee up: 500 $protocol viewers for ${warmup}s (not counted)"
    live_load --protocol "$protocol" --url "$view" --viewers 500 --processes 1 --duration "${warmup}s" \
      --ramp 2s --settle 1s --probe-joins 0 --quiet >/dev/null 2>&1 || note "Marquee warm-up ($protocol) failed"
    stop_pid "$publisher_pid"
  done
}

# The floor: BareFanout, one write(2) per viewer per flush interval and nothing else, with the same client and
# pattern: what the kernel alone charges for the step's traffic. It reads the source itself (no publisher).
run_floor() {
  say "floor: BareFanout on 127.0.0.1:$floor_port, one write per viewer every $floor_flush"
  start_floor || { note "floor: not measured (BareFanout did not start)"; return 0; }
  local viewers
  for viewers in $ladder; do
    run_step floor flv "$viewers" - "http://127.0.0.1:$floor_port/live/floor.flv" "$floor_pid"
  done
  stop_pid "$floor_pid"
}

run_marquee() {
  say "Marquee from $marquee_jar (HTTP $mq_http_port, media $mq_media_port, RTMP $mq_rtmp_port)"
  if ! start_marquee; then
    note "Marquee: not measured (it did not start; see above)"
    return 0
  fi
  local viewers protocol name publish view
  warm_up_marquee
  for viewers in $ladder; do
    for protocol in $marquee_protocols; do
      name="b${viewers}x$RANDOM$RANDOM"  # a fresh user, so a fresh stream name, for every run
      publish=$(marquee_user "$name")
      if [ -z "$publish" ]; then
        note "marquee-$protocol-$viewers: no stream key for $name: $(cat "$work/why")"
        if grep -q ' 404 ' "$work/why"; then note "Marquee: not measured, its live routes are missing"; break 2; fi
        continue
      fi
      view=$(marquee_view_url "$name" "$protocol")  # signed, as the API hands it to players
      run_step marquee "$protocol" "$viewers" "$publish" "$view" "$marquee_pid"
    done
  done
  stop_pid "$marquee_pid"
}

for server in $servers; do
  case $server in
    nginx) run_nginx ;;
    marquee) run_marquee ;;
    floor) run_floor ;;
    *) die "unknown server $server (nginx, marquee or floor)" ;;
  esac
done

{
  echo "# Live fan-out ladder, $(date '+%Y-%m-%d %H:%M %Z')$([ "$quick" = 1 ] && echo ' (quick)')"
  echo
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), kernel $(uname -r)."
  echo "Servers: $(nginx_version) (1 worker); Marquee $( [ -f "$marquee_jar" ] && date -r "$marquee_jar" '+jar of %Y-%m-%d %H:%M' || echo 'not built')."
  echo "Settings: Marquee arguments: ${MQ_ARGS:-none, its defaults (100 ms flushes)}; JVM options: ${MQ_JAVA_OPTS:-as run.sh sets them}; the floor flushes every $floor_flush."
  echo "Source: $(basename "$source_flv"), $(ffprobe -v error -show_entries format=duration,bit_rate -of csv=p=0 "$source_flv" | awk -F, '{printf "%.0f s, %.0f kb/s", $1, $2/1000}'), 720p30 H.264 GOP 60 + AAC, published by StampedPublisher (real time, looping, stamped)."
  echo "Each step: fresh stream, ramp ${ramp} s, settle ${settle} s, measured over ${duration} s; server CPU over the first ${cpu_window} s of it;"
  echo "load in processes of <= $per_process viewers$([ ${#server_pin[@]} -gt 0 ] && echo '; server pinned to CPU 0, publisher and viewers to CPU 1')$([ "$read_pace" != 0 ] && echo "; each load thread reads at most once per $read_pace (arrival, hence latency, late by up to that)")."
  echo
  echo "| server | protocol | viewers | held | server CPU % | CPU-s/GB | % of bitrate min / median | stalls (viewers) | ttfk all joins p50 / p95 ms | ttfk probe p50 / p95 ms ($probe_joins joins) | latency p50 / p99 ms | client CPU % | queued: server / viewers |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$rows"
  echo
  echo "held = viewers with >= 99% of the stream's bitrate and no stall (no gap over 1 s, never 1 s behind)."
  echo "CPU % is of one core; CPU-s/GB = server CPU seconds per 10^9 bytes delivered to all viewers in the CPU window."
  echo "ttfk = play request sent -> first video keyframe tag received. All joins: every viewer's join during the ramp."
  echo "queued = every 2 s once the viewers are connected (ss), mean bytes in the server's send buffers (and % of its sockets"
  echo "with any) / mean bytes the viewers had not read yet (and % of sockets): near 0 when the load client keeps up."
  if [[ " $servers " == *" floor "* ]]; then
    echo "floor = BareFanout (bench/floor): the source from memory, one write(2) per viewer every $floor_flush, no GOP cache, nothing else;"
    echo "its CPU-s/GB is what the kernel charges for the step's traffic with this client on this machine, the least any server can pay."
  fi
  if [ "$probe_joins" -gt 0 ]; then
    echo "Probe: $probe_joins fresh joins, one every 0.5 s from the start of the window (the load ramped up and settled), as BENCH-METHOD defines it."
  fi
  if [ -s "$notes" ]; then echo; echo "Notes:"; cat "$notes"; fi
} >"$results"

echo
cat "$results"
echo
say "written $results"
