#!/usr/bin/env bash
# Issue 13a: Marquee's ladder transcoder against the best hand-written single ffmpeg command that
# makes the same outputs (5 H.264/AAC rungs as fMP4 HLS, poster, storyboard sprites + VTT) from a
# 60 s 1080p30 clip, on the same machine in the same run. Passes when ours / hand-written <= 1.10.
#
#   bench/transcode/ladder-vs-ffmpeg.sh [runs]      (default 2 runs of each, alternating which goes first)
#
# Wall clock of whole commands: ours includes JVM start, ffprobe and the decode checks. The machine
# may be shared, so the verdict uses the best run of each side; the mean ratio is printed too.
#
# Env: MARQUEE_BENCH_CP  classpath holding dev.marquee.platform.transcode (built with Maven if unset)
#      BENCH_WORK        scratch directory (default: a new temporary one, removed at the end)
#      JAVA_HOME         the JDK to run with (default: java on the PATH)
set -euo pipefail

RUNS=${1:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=${BENCH_WORK:-$(mktemp -d -t marquee-bench-transcode.XXXXXX)}
[[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"

if [[ -z ${MARQUEE_BENCH_CP:-} ]]; then
  # the Marquee reactor keeps the feature in platform/; the scratch project at its root
  if [[ -f $ROOT/platform/pom.xml ]]; then MODULE=platform; MVN_SELECT=(-pl platform -am); else MODULE=.; MVN_SELECT=(); fi
  echo "building the classpath with Maven ($ROOT/$MODULE) ..." >&2
  mvn -q -f "$ROOT/pom.xml" "${MVN_SELECT[@]}" -DskipTests compile dependency:build-classpath \
      -Dmdep.outputFile="$WORK/cp.txt" >&2
  MARQUEE_BENCH_CP="$ROOT/$MODULE/target/classes:$(cat "$WORK/cp.txt")"
fi

CLIP=$WORK/clip-1080p30-60s.mp4
if [[ ! -f $CLIP ]]; then
  echo "generating $CLIP ..." >&2
  ffmpeg -hide_banner -nostdin -v error -y \
    -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=60 \
    -f lavfi -i sine=frequency=440:sample_rate=48000:duration=60 \
    -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$CLIP"
fi

ours() { # $1 = output directory
  "$JAVA" -cp "$MARQUEE_BENCH_CP" dev.marquee.platform.transcode.internal.TranscodeMain "$CLIP" "$1" >/dev/null
}

hand() { # $1 = output directory; written by hand for this clip: 1920x1080, 30 fps, 60 s, with audio
  local out=$1
  mkdir -p "$out"/v{0,1,2,3,4} "$out/storyboard"
  ffmpeg -hide_banner -nostdin -v error -y -i "$CLIP" \
    -filter_complex "[0:v]fps=30,format=yuv420p,split=7[s0][s1][s2][s3][s4][sp][ss];\
[s0]scale=1920:1080,setsar=1[v0];[s1]scale=1280:720,setsar=1[v1];[s2]scale=854:480,setsar=1[v2];\
[s3]scale=640:360,setsar=1[v3];[s4]scale=426:240,setsar=1[v4];\
[sp]trim=start=6,setpts=PTS-STARTPTS,trim=end_frame=1,scale=1280:720,setsar=1[poster];\
[ss]fps=1,scale=160:90,setsar=1,tile=10x6[sprites]" \
    -map '[v0]' -map 0:a -map '[v1]' -map 0:a -map '[v2]' -map 0:a -map '[v3]' -map 0:a -map '[v4]' -map 0:a \
    -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p -g 120 -keyint_min 120 -sc_threshold 0 \
    -b:v:0 5000k -maxrate:v:0 7500k -bufsize:v:0 10000k -b:v:1 2800k -maxrate:v:1 4200k -bufsize:v:1 5600k \
    -b:v:2 1400k -maxrate:v:2 2100k -bufsize:v:2 2800k -b:v:3 800k -maxrate:v:3 1200k -bufsize:v:3 1600k \
    -b:v:4 400k -maxrate:v:4 600k -bufsize:v:4 800k \
    -c:a aac -ac 2 -ar 48000 -b:a:0 128k -b:a:1 128k -b:a:2 128k -b:a:3 96k -b:a:4 96k \
    -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags independent_segments \
    -hls_segment_filename "$out/v%v/seg-%d.m4s" -master_pl_name master.m3u8 \
    -var_stream_map "v:0,a:0 v:1,a:1 v:2,a:2 v:3,a:3 v:4,a:4" "$out/v%v/index.m3u8" \
    -map '[poster]' -frames:v 1 -update 1 -q:v 2 "$out/poster.jpg" \
    -map '[sprites]' -q:v 4 -start_number 0 "$out/storyboard/sprite-%d.jpg"
  { echo WEBVTT; for i in $(seq 0 59); do
      printf '\n00:00:%02d.000 --> 00:%02d:%02d.000\nstoryboard/sprite-0.jpg#xywh=%d,%d,160,90\n' \
        "$i" $(((i + 1) / 60)) $(((i + 1) % 60)) $((i % 10 * 160)) $((i / 10 * 90))
    done; } > "$out/storyboard.vtt"
}

timed() { # $1 = function, $2 = output directory; prints "wall-seconds cpu-seconds" (cpu: user+sys of all children)
  rm -rf "$2"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$1" "$2" 2>>"$WORK/$1.log"; } 2>&1 )
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' <<< "$t"
}

declare -a W_OURS W_HAND C_OURS C_HAND
for ((r = 1; r <= RUNS; r++)); do
  # alternate who goes first, so drift in the machine's load hits both sides alike
  if ((r % 2)); then order=(ours hand); else order=(hand ours); fi
  for side in "${order[@]}"; do
    read -r wall cpu <<< "$(timed "$side" "$WORK/$side")"
    if [[ $side == ours ]]; then W_OURS+=("$wall"); C_OURS+=("$cpu"); else W_HAND+=("$wall"); C_HAND+=("$cpu"); fi
    echo "run $r $side: $wall s wall, $cpu s cpu" >&2
  done
done

segments() { find "$1" -name 'seg-*.m4s' | wc -l; }
echo "segments: ours $(segments "$WORK/ours"), hand-written $(segments "$WORK/hand")"
agg() { printf '%s\n' "${@:2}" | awk -v f="$1" '{ s += $1; if (NR == 1 || $1 < m) m = $1 }
  END { printf "%.2f", f == "min" ? m : s / NR }'; }
ratio() { awk -v o="$1" -v h="$2" 'BEGIN { printf "%.3f", o / h }'; }
RATIO=$(ratio "$(agg min "${W_OURS[@]}")" "$(agg min "${W_HAND[@]}")")
for side in OURS HAND; do
  declare -n w=W_$side c=C_$side
  printf '%-5s wall: best %s s, mean %s s (runs: %s); cpu: mean %s s\n' "${side,,}" "$(agg min "${w[@]}")" \
    "$(agg mean "${w[@]}")" "${w[*]}" "$(agg mean "${c[@]}")"
done
printf 'ratio ours/hand-written, wall best/best: %s, wall mean/mean: %s, cpu mean/mean: %s (limit 1.10 on wall best/best)\n' \
  "$RATIO" "$(ratio "$(agg mean "${W_OURS[@]}")" "$(agg mean "${W_HAND[@]}")")" \
  "$(ratio "$(agg mean "${C_OURS[@]}")" "$(agg mean "${C_HAND[@]}")")"
awk -v r="$RATIO" 'BEGIN { exit !(r <= 1.10) }' && echo PASS || { echo FAIL; exit 1; }
