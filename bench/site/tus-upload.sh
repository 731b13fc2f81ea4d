#!/usr/bin/env bash
# A SIZE_MB (default 1024 = 1 GiB) tus upload over loopback in 50 MB PATCH chunks (the page's chunk
# size), timed from the creation POST to the last 204. Usage: bench/site/tus-upload.sh   Knobs: SIZE_MB
source "$(dirname "$0")/lib.sh"
size_mb=${SIZE_MB:-1024}
work=$(mktemp -d /tmp/marquee-bench-tus.XXXXXX)
trap 'stop_site; rm -rf "$work"' EXIT
start_site "$work/data"
token=$(sign_up uploader)
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$work/file.bin"
(cd "$work" && split -b 50M -d -a 3 file.bin chunk.)
upload=$(curl -s -XPOST "$base/api/v1/videos" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"title":"bench upload"}' | sed 's/.*"upload":"\([^"]*\)".*/\1/')
bytes=$(stat -c %s "$work/file.bin")
t0=$(date +%s%N)
location=$(curl -s -i -XPOST "$upload" -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: $bytes" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
offset=0
for chunk in "$work"/chunk.*; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -XPATCH -T "$chunk" "$base$location" -H "Authorization: Bearer $token" \
    -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" -H 'Content-Type: application/offset+octet-stream')
  [ "$status" = 204 ] || { echo "PATCH answered $status" >&2; exit 1; }
  offset=$((offset + $(stat -c %s "$chunk")))
done
elapsed_ns=$(( $(date +%s%N) - t0 ))
echo "uploaded $bytes bytes in $((elapsed_ns / 1000000)) ms: $(( bytes * 1000 / elapsed_ns )) MB/s (1 MB = 10^6 bytes)"
