#!/usr/bin/env bash
# Shared by ladder.sh and stalled.sh: the bench jar, the pre-encoded source, nginx-rtmp and Marquee on
# their own ports, a stamped publisher, and clean-up that stops only the processes started here (by PID).
set -euo pipefail

live_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$live_dir/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
bench_jar="$repo/bench/target/marquee-bench.jar"
marquee_jar=${MARQUEE_JAR:-$repo/app/target/marquee.jar}
cache_dir=${BENCH_CACHE:-/tmp/marquee-bench-cache}
source_flv="$cache_dir/live-720p30-2m.flv"

nginx_rtmp_port=${NGINX_RTMP_PORT:-29350}
mq_http_port=${MQ_HTTP_PORT:-29380}
mq_media_port=${MQ_MEDIA_PORT:-29381}
mq_rtmp_port=${MQ_RTMP_PORT:-29382}
floor_port=${FLOOR_PORT:-29391}
floor_flush=${FLOOR_FLUSH:-100ms}

work=$(mktemp -d /tmp/marquee-bench-live.XXXXXX)
started_pids=()   # everything we start, stopped in reverse order on exit
nginx_pid=""
marquee_pid=""
floor_pid=""

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

cleanup() {
  set +e  # a server's exit status must not stop the rest of the clean-up
  local i pid
  for ((i = ${#started_pids[@]} - 1; i >= 0; i--)); do
    pid=${started_pids[$i]}
    kill -0 "$pid" 2>/dev/null || continue
    if [ "$pid" = "$nginx_pid" ]; then kill -QUIT "$pid"; else kill "$pid"; fi
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Pinning: on two or more cores the server gets CPU 0 and the load (publisher + viewers) CPU 1, so one cannot
# steal the other's time. PIN=0 turns it off. LOAD_CPUS=0-1 lets the load use the server's core too (when one
# core cannot read what a server sends in small pieces; server CPU is still its own, from /proc).
if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_pin=(taskset -c 0); load_pin=(taskset -c "${LOAD_CPUS:-1}")
else
  server_pin=(); load_pin=()
fi

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

apt_install() {
  say "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 || {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  } || die "could not install $* (needs root or passwordless sudo)"
}

ensure_tools() {
  command -v jq >/dev/null || apt_install jq
  command -v ffmpeg >/dev/null || apt_install ffmpeg
  command -v curl >/dev/null || apt_install curl
}

ensure_nginx_rtmp() {
  [ -x /usr/sbin/nginx ] || apt_install nginx
  [ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || apt_install libnginx-mod-rtmp
}

ensure_bench_jar() {
  if [ ! -f "$bench_jar" ] || [ -n "$(find "$repo/bench/src" -newer "$bench_jar" -name '*.java' -print -quit)" ]; then
    say "building the bench jar"
    (cd "$repo" && mvn -q -B -pl media-core,media-rtmp install -DskipTests && mvn -q -B -pl bench package -DskipTests) ||
      die "bench build failed"
  fi
}

# The fixed input, encoded once: 60 s of 720p30 H.264 (GOP 60, CBR ~1.9 Mb/s) + AAC 96 kb/s, about 2 Mb/s.
ensure_source() {
  [ -f "$source_flv" ] && return 0
  mkdir -p "$cache_dir"
  say "encoding the source once ($source_flv, ~40 s of x264)"
  nice -n 10 ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 60 \
    -vf noise=alls=12:allf=t -c:v libx264 -preset veryfast -b:v 1900k -maxrate 1900k -bufsize 1900k \
    -x264-params nal-hrd=cbr -g 60 -keyint_min 60 -sc_threshold 0 -pix_fmt yuv420p \
    -c:a aac -b:a 96k -ar 48000 -f flv "$source_flv.tmp" && mv "$source_flv.tmp" "$source_flv"
}

# cpu_busy_pct SECONDS: how busy the whole machine was (percent of one core) over the next SECONDS.
cpu_busy_pct() {
  local a b
  a=$(awk '/^cpu / {print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
  sleep "$1"
  b=$(awk '/^cpu / {print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
  awk -v a="$a" -v b="$b" -v n="$(nproc)" 'BEGIN {split(a, x, " "); split(b, y, " ");
    t = y[2] - x[2]; v = 0; if (t > 0) v = (y[1] - x[1]) / t * 100 * n; printf "%.0f", v}'
}

start_nginx_rtmp() {
  local dir="$work/nginx" user_line=""
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && user_line="user $(id -un);"  # as root the worker would otherwise drop to nobody
  cat > "$dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
worker_rlimit_nofile 65536;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
events { worker_connections 16384; }
rtmp {
  server {
    listen 127.0.0.1:$nginx_rtmp_port;
    application live { live on; ${NGINX_LIVE_EXTRA:-} }
  }
}
CONF
  "${server_pin[@]}" /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
  nginx_pid=$!
  started_pids+=("$nginx_pid")
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_rtmp_port") 2>/dev/null && break
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$dir/error.log" >&2; die "nginx did not start"; }
    sleep 0.1
  done
}

# Master and worker: the worker does the work, the master is idle but counted too.
nginx_pids() { echo "$nginx_pid$(pgrep -P "$nginx_pid" | sed 's/^/,/' | tr -d '\n')"; }

nginx_version() {
  echo "nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*nginx\///') + libnginx-mod-rtmp $(dpkg-query -W -f '${Version}' libnginx-mod-rtmp 2>/dev/null || echo '?')"
}

start_marquee() {
  [ -f "$marquee_jar" ] || { say "no $marquee_jar: build it (mvn -q -B -DskipTests install) to include Marquee"; return 1; }
  local data="$work/marquee"
  mkdir -p "$data"
  # shellcheck disable=SC2086  # MQ_JAVA_OPTS (JVM flags, run.sh's by default) and MQ_ARGS: word-split on purpose
  "${server_pin[@]}" "$java" ${MQ_JAVA_OPTS:--XX:+UseG1GC} -jar "$marquee_jar" serve --data-dir "$data" --http-port "$mq_http_port" \
    --media-port "$mq_media_port" --rtmp-port "$mq_rtmp_port" --bind-host 127.0.0.1 ${MQ_ARGS:-} >"$work/marquee.log" 2>&1 &
  marquee_pid=$!
  started_pids+=("$marquee_pid")
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$mq_http_port/" 2>/dev/null)" = 200 ] && return 0
    kill -0 "$marquee_pid" 2>/dev/null || { tail -20 "$work/marquee.log" >&2; say "Marquee did not start"; return 1; }
    sleep 0.1
  done
  say "Marquee did not answer within 60 s"; return 1
}

# start_floor: BareFanout (bench/floor) on the server CPU, serving the source itself; sets floor_pid.
start_floor() {
  "${server_pin[@]}" "$java" -Xmx256m -cp "$bench_jar" dev.marquee.bench.BareFanoutServer --port "$floor_port" \
    --source "$source_flv" --flush "$floor_flush" --seconds 86400 >"$work/floor.log" 2>&1 &
  floor_pid=$!
  started_pids+=("$floor_pid")
  await_line '^listening' "$work/floor.log" "$floor_pid" 100 && return 0
  cat "$work/floor.log" >&2
  return 1
}

# await_line PATTERN LOG PID TENTHS: waits until LOG has a line matching PATTERN (0), or PID has died or TENTHS
# tenths of a second have passed (1).
await_line() {
  local pattern=$1 log=$2 pid=$3 tenths=$4
  for _ in $(seq 1 "$tenths"); do
    grep -q "$pattern" "$log" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# marquee_view_url NAME PROTOCOL: the signed playback URL (flv or rtmp) GET /api/v1/live/NAME hands out.
marquee_view_url() {
  local field=flvUrl
  [ "$2" = rtmp ] && field=rtmpUrl
  curl -s -m 10 "http://127.0.0.1:$mq_http_port/api/v1/live/$1" | jq -r ".$field // empty"
}

# marquee_user NAME: registers NAME and prints the RTMP publish URL for its stream key; on failure prints
# nothing and leaves the reason in $work/why.
marquee_user() {
  local name=$1 api="http://127.0.0.1:$mq_http_port/api/v1" body token key ingest code
  body="{\"username\":\"$name\",\"password\":\"bench-password-1\"}"
  code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -XPOST "$api/users" -H 'content-type: application/json' -d "$body")
  [ "$code" = 201 ] || { echo "POST /api/v1/users answered $code" >"$work/why"; return 0; }
  token=$(curl -s -m 10 -XPOST "$api/auth/token" -H 'content-type: application/json' -d "$body" | jq -r '.accessToken // empty')
  [ -n "$token" ] || { echo "POST /api/v1/auth/token gave no accessToken" >"$work/why"; return 0; }
  key=$(curl -s -m 10 -w '\n%{http_code}' "$api/live/key" -H "Authorization: Bearer $token")
  code=$(tail -1 <<<"$key")
  [ "$code" = 200 ] || { echo "GET /api/v1/live/key answered $code (no live routes in this jar yet?)" >"$work/why"; return 0; }
  key=$(sed '$d' <<<"$key")
  ingest=$(jq -r '.ingestUrl // empty' <<<"$key")
  # live-only by default, as nginx-rtmp here records nothing: no replay transcode shares the server's core with a
  # later step (MQ_REPLAYS=true keeps Marquee's default, for a bench where nginx-rtmp records too)
  curl -s -m 10 -o /dev/null -XPUT "$api/live/replays" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"save\":${MQ_REPLAYS:-false}}" || true
  echo "rtmp://127.0.0.1:$mq_rtmp_port/${ingest##*/}/$(jq -r '.streamKey' <<<"$key")"
}

# start_publisher URL SECONDS LOG: the stamped publisher on the load CPU; sets publisher_pid; fails if the
# server does not accept the stream within 15 s.
start_publisher() {
  local url=$1 seconds=$2 log=$3
  "${load_pin[@]}" "$java" -Xmx256m -XX:+UseSerialGC -cp "$bench_jar" dev.marquee.bench.StampedPublisher \
    --url "$url" --source "$source_flv" --seconds "$seconds" >"$log" 2>&1 &
  publisher_pid=$!
  started_pids+=("$publisher_pid")
  await_line '^publishing' "$log" "$publisher_pid" 150 && return 0
  stop_pid "$publisher_pid"
  return 1
}

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

# live_load ARGS...: LiveLoad on the load CPU, in processes of at most PER_PROCESS viewers (set --processes).
live_load() {
  "${load_pin[@]}" "$java" -Xms64m -Xmx512m -XX:+UseSerialGC -cp "$bench_jar" dev.marquee.bench.LiveLoad "$@"
}

# sample_queues PORT VIEWERS OUT: every 2 s until killed, once 99 % of VIEWERS are connected to PORT, one line to
# OUT: bytes queued in the server's send buffers and on how many sockets, bytes waiting unread in the viewers'
# receive buffers and on how many. Both near 0: the viewers keep up. Both large: the load client is behind, and
# the server's writes land in queues that are already full (cheaper writes, sent later as the viewers read).
sample_queues() {
  local port=$1 need=$(( $2 * 99 / 100 )) out=$3
  while sleep 2; do
    ss -tnH state established "( sport = :$port or dport = :$port )" | awk -v port=":$port" -v need="$need" '
      { local_port = substr($3, length($3) - length(port) + 1) }
      local_port == port { n++; sent += $2; if ($2 > 0) sending++; next }
      { unread += $1; if ($1 > 0) reading++ }
      END { if (n >= need) print n, sent, sending + 0, unread, reading + 0 }' >>"$out"
  done
}

# queue_summary OUT: "server MB (% of sockets) / viewers MB (%)", the means over the samples, or n/a.
queue_summary() {
  awk '{ n++; c += $1; sent += $2; sending += $3; unread += $4; reading += $5 }
    END { if (!n) { print "n/a"; exit }
          printf "%.1f MB (%.0f %%) / %.1f MB (%.0f %%)", sent / n / 1e6, sending / c * 100, unread / n / 1e6, reading / c * 100 }' "$1"
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
