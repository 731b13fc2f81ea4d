#!/usr/bin/env bash
# The kernel's own cost of loopback TCP for a sender, per write and per byte (bench/floor/LoopbackWriteCost):
# the floor under any live server's CPU per delivered GB here, whatever it is written in.
# Sender on CPU 0, reader on CPU 1, as the ladder pins server and viewers.
#
# Usage: bench/live/write-cost.sh    Knobs (env): SIZES="4750 9500 19000 25000 38000 76000" CONNECTIONS=500 SECONDS_EACH=8
#                                   MODE=write (or sendfile: the bytes go out of a tmpfs file, not copied into the socket)
#                                   PERIOD_MS=0 (back-to-back rounds; 100: one round every 100 ms, the pattern of a live flush)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

sizes=${SIZES:-4750 9500 19000 25000 38000 76000}
connections=${CONNECTIONS:-500}
seconds=${SECONDS_EACH:-8}
mode=${MODE:-write}
port=29390
ensure_bench_jar
pin_send=(); pin_receive=()
if [ "$(nproc)" -ge 2 ]; then pin_send=(taskset -c 0); pin_receive=(taskset -c 1); fi

for size in $sizes; do
  out="$work/send-$size.txt"
  "${pin_send[@]}" "$java" -Xmx256m -Dperiod.millis="${PERIOD_MS:-0}" -cp "$bench_jar" dev.marquee.bench.floor.LoopbackWriteCost \
    --send "$port" "$connections" "$size" "$seconds" "$mode" >"$out" 2>&1 &
  sender=$!
  started_pids+=("$sender")
  for _ in $(seq 1 100); do grep -q listening "$out" && break; sleep 0.1; done
  "${pin_receive[@]}" "$java" -Xmx256m -cp "$bench_jar" dev.marquee.bench.floor.LoopbackWriteCost \
    --receive "$port" "$connections" $((seconds + 10)) &
  receiver=$!
  started_pids+=("$receiver")
  wait "$sender" || true
  stop_pid "$receiver"
  grep '^size' "$out" || { cat "$out" >&2; die "sender failed at size $size"; }
done
