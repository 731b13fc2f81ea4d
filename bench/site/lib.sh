#!/usr/bin/env bash
# Starts and stops a Marquee from app/target/marquee.jar on its own ports and data dir, for benchmarks.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/scripts/lib.sh" >/dev/null
find_jdk
[ -f "$repo/app/target/marquee.jar" ] || { echo "build first: mvn -q -B -DskipTests install" >&2; exit 1; }
prepare_jar  # the same unpacked jar and start-up cache ./run.sh uses
jar="$repo/$RUN_JAR"
http_port=${HTTP_PORT:-28580}
media_port=${MEDIA_PORT:-28581}
rtmp_port=${RTMP_PORT:-28582}
base="http://127.0.0.1:$http_port"
site_pid=""

# start_site DATA_DIR [java flags...]: returns when / answers 200; sets site_pid and startup_ms
start_site() {
  local data=$1; shift
  local t0; t0=$(date +%s%N)
  "$JAVA_HOME/bin/java" "${RUN_OPTS[@]}" "$@" -jar "$jar" serve --data-dir "$data" --http-port "$http_port" \
    --media-port "$media_port" --rtmp-port "$rtmp_port" > "$data.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" 2>/dev/null)" = 200 ]; then
      startup_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0
    fi
    kill -0 "$site_pid" 2>/dev/null || { cat "$data.log" >&2; return 1; }
    sleep 0.02
  done
  echo "site did not start" >&2; return 1
}

stop_site() { if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi; site_pid=""; }

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

# sign_up NAME: prints an access token
sign_up() {
  curl -s -XPOST "$base/api/v1/users" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" >/dev/null
  curl -s -XPOST "$base/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
