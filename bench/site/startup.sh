#!/usr/bin/env bash
# Start-up to the first 200 on / and resident memory after start-up, over ROUNDS fresh starts
# (each with a new, empty data directory, so migrations run every time).
# Usage: bench/site/startup.sh            Knobs: ROUNDS=5 JAVA_OPTS="..."
source "$(dirname "$0")/lib.sh"
rounds=${ROUNDS:-5}
work=$(mktemp -d /tmp/marquee-bench-startup.XXXXXX)
trap 'stop_site; rm -rf "$work"' EXIT
times=(); rss=()
for i in $(seq 1 "$rounds"); do
  start_site "$work/data$i" ${JAVA_OPTS:-}
  sleep 5  # let start-up work settle (JIT, first job polls) before reading memory
  times+=("$startup_ms"); rss+=("$(rss_mb "$site_pid")")
  stop_site
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "start-up to first 200 on / (ms): ${times[*]}  median $(median "${times[@]}")"
echo "resident memory 5 s after start (MB): ${rss[*]}  median $(median "${rss[@]}")"
