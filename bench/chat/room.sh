#!/usr/bin/env bash
# One live chat room under load (issue 4, item 8): Marquee from THIS worktree's app/target/marquee.jar, a
# channel made live by ffmpeg, then dev.marquee.bench.chat.ChatLoad: SOCKETS WebSocket clients in the room,
# SENDERS of them signed in and sending RATE chat lines a second in total. Prints a table.
#   SOCKETS=2000 SENDERS=200 RATE=50 DURATION=30 bench/chat/room.sh      (SKIP_BUILD=1 to reuse the jars)
set -euo pipefail

chat_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$chat_dir/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
java="$JAVA_HOME/bin/java"
marquee_jar="$repo/app/target/marquee.jar"
bench_jar="$repo/bench/target/marquee-bench.jar"
http_port=${MQ_HTTP_PORT:-29480}
media_port=${MQ_MEDIA_PORT:-29481}
rtmp_port=${MQ_RTMP_PORT:-29482}
sockets=${SOCKETS:-2000}
senders=${SENDERS:-200}
rate=${RATE:-50}
duration=${DURATION:-30}
site="http://127.0.0.1:$http_port"

work=$(mktemp -d /tmp/marquee-bench-chat.XXXXXX)
started_pids=()
say() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
cleanup() {
  set +e
  local i pid
  for ((i = ${#started_pids[@]} - 1; i >= 0; i--)); do
    pid=${started_pids[$i]}
    kill -0 "$pid" 2>/dev/null || continue
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# On two or more cores the server gets CPU 0 and the load (ffmpeg + clients) CPU 1. PIN=0 turns it off.
if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_pin=(taskset -c 0); load_pin=(taskset -c "${LOAD_CPUS:-1}")  # LOAD_CPUS=0-1: the load may share the server's core
else
  server_pin=(); load_pin=()
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
for tool in curl jq ffmpeg; do command -v "$tool" >/dev/null || die "$tool is needed"; done

if [ -z "${SKIP_BUILD:-}" ]; then
  say "building marquee.jar and the bench jar from $repo (media-* come from ~/.m2; nothing is installed)"
  (cd "$repo" && mvn -q -B -o -pl platform,app package -DskipTests && mvn -q -B -o -pl bench package -DskipTests) ||
    die "build failed"
fi
[ -f "$marquee_jar" ] && [ -f "$bench_jar" ] || die "missing $marquee_jar or $bench_jar"

say "starting Marquee on :$http_port"
# SERVER_JAVA_OPTS, e.g. "-XX:StartFlightRecording=filename=/tmp/chat.jfr,settings=profile", to see where time goes.
"${server_pin[@]}" "$java" -XX:+UseG1GC ${SERVER_JAVA_OPTS:-} -jar "$marquee_jar" serve --data-dir "$work/data" --http-port "$http_port" \
  --media-port "$media_port" --rtmp-port "$rtmp_port" --bind-host 127.0.0.1 \
  --marquee.posts-per-minute-per-ip 1000000 >"$work/marquee.log" 2>&1 &
marquee_pid=$!
started_pids+=("$marquee_pid")
for _ in $(seq 1 600); do
  grep -q 'Marquee ready' "$work/marquee.log" && break
  kill -0 "$marquee_pid" 2>/dev/null || { tail -30 "$work/marquee.log" >&2; die "Marquee did not start"; }
  sleep 0.1
done
grep -q 'Marquee ready' "$work/marquee.log" || die "Marquee not ready within 60 s"

say "registering the streamer and going live with ffmpeg"
body='{"username":"chatroom","password":"bench-password-1"}'
curl -sf -o /dev/null -XPOST "$site/api/v1/users" -H 'content-type: application/json' -d "$body" || die "register failed"
token=$(curl -sf -XPOST "$site/api/v1/auth/token" -H 'content-type: application/json' -d "$body" | jq -r .accessToken)
key=$(curl -sf "$site/api/v1/live/key" -H "Authorization: Bearer $token" | jq -r .streamKey)
"${load_pin[@]}" ffmpeg -hide_banner -nostdin -loglevel error -re -f lavfi -i testsrc=size=320x180:rate=15 \
  -t 3600 -c:v libx264 -preset ultrafast -tune zerolatency -g 30 -pix_fmt yuv420p -f flv \
  "rtmp://127.0.0.1:$rtmp_port/live/$key" >"$work/ffmpeg.log" 2>&1 &
started_pids+=("$!")
for _ in $(seq 1 150); do
  [ "$(curl -sf "$site/api/v1/live/chatroom" | jq -r .live)" = true ] && break
  sleep 0.2
done
[ "$(curl -sf "$site/api/v1/live/chatroom" | jq -r .live)" = true ] || { cat "$work/ffmpeg.log" >&2; die "the channel did not go live"; }

say "load: $sockets sockets, $senders senders, $rate lines/s, ${duration}s measured (server pid $marquee_pid)"
"${load_pin[@]}" "$java" -Xmx1g -cp "$bench_jar" dev.marquee.bench.chat.ChatLoad --site "$site" --channel chatroom \
  --sockets "$sockets" --senders "$senders" --rate "$rate" --duration "$duration" --server-pid "$marquee_pid" \
  ${TIMELINE:+--timeline 1}
if grep -q ' ERROR ' "$work/marquee.log"; then say "server errors:"; grep ' ERROR ' "$work/marquee.log" | head -5 >&2; fi
