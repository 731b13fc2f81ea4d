#!/usr/bin/env bash
# Many streamers at once, nobody watching: N publishers of the 2 Mb/s source (ffmpeg -c copy, as in the ladder),
# each server fresh per step. Server CPU (its child processes included: Marquee's preview ffmpeg) per ingested
# stream, and resident memory. Marquee with its defaults (live HLS in memory, each stream recorded for its replay,
# metered, a preview picture a minute) beside nginx-rtmp doing the like (hls on, 2 s fragments, record all).
#
# Usage: bench/live/publishers.sh      Knobs (env): PUBLISHERS="10 50" DURATION=20 SETTLE=15 SERVERS="nginx marquee"
#                                      RESULTS=bench/live/results-<date>-publishers.md
set -euo pipefail
source "$(dirname "$0")/lib.sh"

steps=${PUBLISHERS:-10 50}
duration=${DURATION:-20}
servers=${SERVERS:-nginx marquee}
settle=${SETTLE:-15}
results=${RESULTS:-$live_dir/results-$(date -u +%F)-publishers.md}
export MQ_REPLAYS=true
export NGINX_LIVE_EXTRA="hls on; hls_path $work/nginx/hls; hls_fragment 2s; record all; record_path $work/nginx/rec;"

ensure_tools
ensure_source
[[ " $servers " == *" nginx "* ]] && ensure_nginx_rtmp
mkdir -p "$work/nginx/hls" "$work/nginx/rec"
rows=()

# cpu_ticks PIDS: utime + stime + cutime + cstime of every PID (comma-separated), in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in ${1//,/ }; do
    total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  echo "$total"
}

rss_mb() {
  local total=0 pid
  for pid in ${1//,/ }; do total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status"))); done
  echo $((total / 1024))
}

# publish_all URL...: one ffmpeg per URL on the load CPU, looping the source in real time; PIDs in publisher_pids.
publish_all() {
  publisher_pids=()
  local url
  for url in "$@"; do
    "${load_pin[@]}" ffmpeg -hide_banner -loglevel error -re -stream_loop -1 -i "$source_flv" -c copy -f flv "$url" \
      >>"$work/publishers.log" 2>&1 &
    publisher_pids+=("$!")
    started_pids+=("$!")
    sleep 0.05
  done
}

# measure SERVER N PIDS LIVE: the CPU window, then one table row.
measure() {
  local server=$1 n=$2 pids=$3 live=$4 hz t0 t1 s0 s1 cpu
  hz=$(getconf CLK_TCK)
  t0=$(cpu_ticks "$pids"); s0=$(date +%s.%N)
  sleep "$duration"
  t1=$(cpu_ticks "$pids"); s1=$(date +%s.%N)
  cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$s0" -v e="$s1" 'BEGIN {printf "%.1f", (b - a) / hz / (e - s) * 100}')
  rows+=("| $server | $n | $live/$n | $cpu | $(awk -v c="$cpu" -v n="$n" 'BEGIN {printf "%.2f", c / n}') | $(rss_mb "$pids") |")
  say "$server, $n publishers: $live live, server CPU $cpu % of a core, RSS $(rss_mb "$pids") MB"
}

stop_publishers() {
  local pid
  for pid in "${publisher_pids[@]}"; do stop_pid "$pid"; done
}

for n in $steps; do
  for server in $servers; do
    case $server in
      nginx)
        rm -rf "$work/nginx/hls"/* "$work/nginx/rec"/*
        start_nginx_rtmp
        urls=()
        for i in $(seq 1 "$n"); do urls+=("rtmp://127.0.0.1:$nginx_rtmp_port/live/p${n}s$i"); done
        publish_all "${urls[@]}"
        sleep "$settle"
        live=$(find "$work/nginx/hls" -name '*.m3u8' | wc -l)
        measure nginx-rtmp "$n" "$(nginx_pids)" "$live"
        stop_publishers
        stop_pid "$nginx_pid"
        ;;
      marquee)
        start_marquee || die "Marquee did not start"
        urls=()
        for i in $(seq 1 "$n"); do
          url=$(marquee_user "p${n}s$i")
          [ -n "$url" ] || die "user p${n}s$i: $(cat "$work/why")"
          urls+=("$url")
        done
        publish_all "${urls[@]}"
        sleep "$settle"
        live=0
        for i in $(seq 1 "$n"); do
          [ "$(curl -s -m 5 "http://127.0.0.1:$mq_http_port/api/v1/live/p${n}s$i" | jq -r .live)" = true ] && live=$((live + 1))
        done
        measure marquee "$n" "$marquee_pid" "$live"
        stop_publishers
        stop_pid "$marquee_pid"
        rm -rf "$work/marquee"
        ;;
      *) die "unknown server $server (nginx or marquee)" ;;
    esac
  done
done

{
  echo "# Many publishers, nobody watching, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), kernel $(uname -r)."
  echo "Servers: $(nginx_version) (1 worker; live on, hls on with 2 s fragments, record all);"
  echo "Marquee jar of $(date -u -r "$marquee_jar" '+%F %H:%M') with its defaults (live HLS, recording for the replay, metering, previews)."
  echo "Each step: a fresh server, N ffmpeg publishers of $(basename "$source_flv") (-re -stream_loop -1 -c copy) on CPU 1,"
  echo "settle ${settle} s, server CPU over ${duration} s (utime + stime + children's, from /proc), the server on CPU 0."
  echo
  echo "| server | publishers | live | server CPU % of a core | per stream | RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "live: nginx-rtmp = streams with an HLS playlist on disk; Marquee = GET /api/v1/live/{name} says live."
} >"$results"
say "written $results"
