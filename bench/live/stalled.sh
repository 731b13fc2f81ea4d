#!/usr/bin/env bash
# Stalled readers: 20 viewers that connect, start playing, then never read again (small SO_RCVBUF), beside
# 1,000 live viewers, for 120 s. Reports the server's memory growth (VmRSS) and whether any live viewer
# stalled. Run it >= 120 s: the kernel alone absorbs several MB per socket before the server feels anything.
#
# Usage: bench/live/stalled.sh
# Knobs (env): SERVER=marquee|nginx  PROTOCOL=flv|rtmp (nginx: rtmp only)  VIEWERS=1000 STALLED=20
#              DURATION=120 RCVBUF=4096 PER_PROCESS=700 PIN=1
#              PROBE_JOINS=20 (fresh joins once the load has settled, stalled readers and all: ttfk as the method defines it; 0 = off)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

server=${SERVER:-marquee}
protocol=${PROTOCOL:-flv}
viewers=${VIEWERS:-1000}
stalled=${STALLED:-20}
duration=${DURATION:-120}
rcvbuf=${RCVBUF:-4096}
per_process=${PER_PROCESS:-700}
probe_joins=${PROBE_JOINS:-20}
ramp=5
settle=5
[ "$server" = nginx ] && protocol=rtmp

ensure_tools
ensure_bench_jar
ensure_source

name="stall$RANDOM$RANDOM"
case $server in
  nginx)
    ensure_nginx_rtmp
    start_nginx_rtmp
    publish="rtmp://127.0.0.1:$nginx_rtmp_port/live/$name"
    view=$publish
    pids=$(nginx_pids)
    rss_pid=$(pgrep -P "$nginx_pid" | head -1)
    ;;
  marquee)
    start_marquee || die "Marquee did not start"
    publish=$(marquee_user "$name")
    [ -n "$publish" ] || die "no stream key for $name: $(cat "$work/why")"
    view=$(marquee_view_url "$name" "$protocol")  # signed, as the API hands it to players
    [ -n "$view" ] || die "no playback URL for $name"
    pids=$marquee_pid
    rss_pid=$marquee_pid
    ;;
  *) die "SERVER must be marquee or nginx" ;;
esac

start_publisher "$publish" $((ramp + settle + duration + 120)) "$work/publisher.log" ||
  die "$server did not accept the publisher: $(tail -1 "$work/publisher.log")"
sleep 2
rss_before=$(rss_mb "$rss_pid")
total=$((viewers + stalled))
say "$server $protocol: $viewers live viewers + $stalled stalled readers (SO_RCVBUF $rcvbuf) for ${duration}s; RSS now ${rss_before} MB"
report="$work/stalled.json"
live_load --protocol "$protocol" --url "$view" --viewers "$viewers" --stalled "$stalled" --stalled-rcvbuf "$rcvbuf" \
  --processes $(( (total + per_process - 1) / per_process )) --duration "${duration}s" --ramp "${ramp}s" \
  --settle "${settle}s" --server-pid "$pids" --source "$source_flv" --probe-joins "$probe_joins" --report "$report" &
load_pid=$!
started_pids+=("$load_pid")

# RSS every 5 s while the load runs (bounded: the run's length plus a minute)
samples="$work/rss.txt"
: >"$samples"
start_s=$(date +%s)
for _ in $(seq 1 $(( (ramp + settle + duration + 60) / 5 ))); do
  kill -0 "$load_pid" 2>/dev/null || break
  echo "$(( $(date +%s) - start_s )) $(rss_mb "$rss_pid")" >>"$samples"
  sleep 5
done
wait "$load_pid" || die "LiveLoad failed"
stop_pid "$publisher_pid"

window_start=$((ramp + settle + 2))  # the first sample after the ramp: all sockets open, buffers filling
awk -v ws="$window_start" -v before="$rss_before" '
  $1 >= ws && !seen {start = $2; seen = 1}
  {last = $2; if ($2 > max) max = $2}
  END {printf "RSS (MB): before viewers %d, window start %d, end %d, max %d; growth over the window %+d MB\n",
       before, start, last, max, last - start}' "$samples"
jq -r '.summary | "live viewers: \(.held)/\(.viewers) held, \(.viewersWithStalls) stalled (\(.stalls) stalls), failed \(.failed); " +
  "kbps p50 \(.kbpsMedian | floor), min \(.kbpsMin | floor); latency p50 \(.latencyP50) p99 \(.latencyP99) ms; " +
  "server CPU \(.serverCpuPct)%"' "$report"
jq -r '.summary | "time to first keyframe: all joins p50 \(.ttfkP50) p95 \(.ttfkP95) ms; " +
  (if .probeJoins > 0 then "probe p50 \(.probeTtfkP50) p95 \(.probeTtfkP95) max \(.probeTtfkMax) ms (\(.probeJoins) joins, \(.probeFailed) failed)"
   else "no probe" end)' "$report"
jq -r '[.viewers[] | select(.stalledReader)] | "stalled readers: \(length), received \(map(.bytes) | add // 0) bytes before they stopped reading"' "$report"
stalls=$(jq '.summary.viewersWithStalls + .summary.failed' "$report")
if [ "$stalls" = 0 ]; then echo "verdict: no live viewer stalled"; else echo "verdict: $stalls live viewer(s) stalled or failed"; fi
