#!/usr/bin/env bash
# VOD segment serving: Marquee's media port vs Debian's nginx (sendfile on) on the same files, same run.
# Both get the same number of workers (our event loop threads = nginx worker_processes); wrk runs the
# same settings against each, alternating, and the median of the rounds is reported.
#
# Needs: JDK 21+ (JAVA_HOME), mvn, nginx, wrk. Usage: bench/vod/serve-vs-nginx.sh
# Knobs (env): WORKERS=1 WRK_THREADS=1 CONNECTIONS=64 DURATION=10s ROUNDS=5 FILES=100
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
nginx_bin=${NGINX:-/usr/sbin/nginx}
workers=${WORKERS:-1}
wrk_threads=${WRK_THREADS:-1}
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
rounds=${ROUNDS:-5}
files=${FILES:-100}
media_port=${MEDIA_PORT:-28481}
nginx_port=${NGINX_PORT:-28482}
video=benchVideo1
secret=bench-secret-0123456789abcdef

work=$(mktemp -d /tmp/marquee-bench-vod.XXXXXX)
media_pid=""
nginx_pid=""
cleanup() {
  set +e  # a server's non-zero exit status must not stop the rest of the cleanup
  if [ -n "$media_pid" ]; then kill "$media_pid" 2>/dev/null; wait "$media_pid" 2>/dev/null; fi
  if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== classpath (no rebuild if media-server/target/classes exists)"
cd "$repo"
if [ ! -f media-server/target/classes/dev/marquee/media/server/MediaServerMain.class ]; then
  mvn -q -B -pl media-server package -DskipTests
fi
mvn -q -B -pl media-server dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1
cp="$repo/media-server/target/classes:$(cat "$work/cp.txt")"

echo "== files: $files x 1 MB and $files x 4 KB under $work/media/videos/$video"
for size in 1m 4k; do mkdir -p "$work/media/videos/$video/$size"; done
for i in $(seq 1 "$files"); do
  name=$(printf 'seg_%03d.m4s' "$i")
  head -c 1048576 /dev/urandom > "$work/media/videos/$video/1m/$name"
  head -c 4096 /dev/urandom > "$work/media/videos/$video/4k/$name"
done

echo "== starting Marquee media server on 127.0.0.1:$media_port ($workers worker threads)"
"$java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.marquee.media.server.MediaServerMain serve \
  --root "$work/media" --secret "$secret" --port "$media_port" --workers "$workers" > "$work/media.log" 2>&1 &
media_pid=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$work/media.log" && break; sleep 0.1; done
grep -q '^listening on' "$work/media.log" || { cat "$work/media.log"; exit 1; }
token=$("$java" -cp "$cp" dev.marquee.media.server.MediaServerMain token --secret "$secret" --video "$video" --ttl 7200 2>/dev/null)

echo "== starting nginx on 127.0.0.1:$nginx_port (worker_processes $workers, sendfile on, tcp_nopush on)"
mkdir -p "$work/nginx-tmp"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user $(id -un);"   # as root, workers would otherwise drop to nobody
cat > "$work/nginx.conf" <<CONF
$user_line
worker_processes $workers;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000000;
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  types { video/iso.segment m4s; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/media;
  }
}
CONF
"$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/videos/$video/4k/seg_001.m4s" && break; sleep 0.1; done

ours_prefix="/vod/$token/$video"
nginx_prefix="/videos/$video"
for size in 1m 4k; do
  a=$(curl -fs "http://127.0.0.1:$media_port$ours_prefix/$size/seg_007.m4s" | sha256sum)
  b=$(curl -fs "http://127.0.0.1:$nginx_port$nginx_prefix/$size/seg_007.m4s" | sha256sum)
  [ "$a" = "$b" ] || { echo "servers disagree on $size/seg_007.m4s"; exit 1; }
done

# run_wrk PORT PREFIX SIZE SECONDS -> prints requests/s; fails on any non-2xx answer or socket error.
run_wrk() {
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"$4" -s "$repo/bench/vod/rotate.lua" \
        "http://127.0.0.1:$1" -- "$2/$3" "$files")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "== warm-up (JIT, page cache), not counted"
for size in 1m 4k; do
  run_wrk "$media_port" "$ours_prefix" "$size" 8s >/dev/null
  run_wrk "$nginx_port" "$nginx_prefix" "$size" 3s >/dev/null
done

echo "== measuring: wrk -t$wrk_threads -c$connections -d$duration, $rounds alternating rounds per size"
declare -A results
for size in 1m 4k; do
  ours=(); theirs=()
  for r in $(seq 1 "$rounds"); do
    o=$(run_wrk "$media_port" "$ours_prefix" "$size" "$duration")
    n=$(run_wrk "$nginx_port" "$nginx_prefix" "$size" "$duration")
    echo "   $size round $r: marquee $o req/s, nginx $n req/s"
    ours+=("$o"); theirs+=("$n")
  done
  results[$size.ours]=$(printf '%s\n' "${ours[@]}" | median)
  results[$size.nginx]=$(printf '%s\n' "${theirs[@]}" | median)
done

echo
echo "| file size | Marquee req/s | nginx req/s | ratio | target |"
echo "|---|---:|---:|---:|---:|"
for size in 1m 4k; do
  target=$([ "$size" = 1m ] && echo 0.8 || echo 0.6)
  label=$([ "$size" = 1m ] && echo "1 MB" || echo "4 KB")
  o=${results[$size.ours]}; n=${results[$size.nginx]}
  awk -v l="$label" -v o="$o" -v n="$n" -v t="$target" \
    'BEGIN {r = o / n; printf "| %s | %.0f | %.0f | %.2f | >= %s %s |\n", l, o, n, r, t, (r >= t ? "ok" : "MISSED")}'
done
echo
echo "(workers=$workers each, wrk -t$wrk_threads -c$connections -d$duration, $files files per size, medians of $rounds rounds; $(nproc) cores)"
