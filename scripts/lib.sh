#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: find a JDK 21+, and make sure the tools Marquee needs exist,
# installing them from Debian's packages when we may (root, or passwordless sudo).
set -euo pipefail

say() { printf 'marquee: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

apt_install() {
  command -v apt-get >/dev/null || { say "cannot install $* (no apt-get); please install it yourself"; return 1; }
  say "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 || {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  } || { say "could not install $* (need root or passwordless sudo)"; return 1; }
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

# Sets JAVA_HOME to a JDK 21 or newer: $JAVA_HOME, the default java, or one under /usr/lib/jvm.
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v javac >/dev/null && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/javac" ] && [ "$(java_major "$c/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
    fi
  done
  say "no JDK 21 or newer found: install one (e.g. Temurin 21 or 25) or set JAVA_HOME"; exit 1
}

ensure_maven() { command -v mvn >/dev/null || apt_install maven || exit 1; }

ensure_node() { command -v npm >/dev/null && command -v node >/dev/null || apt_install nodejs npm || exit 1; }

# Debian's ffmpeg has libx264 and AAC; a system ffmpeg already on PATH is used when it has them too.
ensure_ffmpeg() {
  if command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null &&
     ffmpeg -hide_banner -encoders 2>/dev/null | grep libx264 >/dev/null; then return 0; fi  # no -q: an early exit would SIGPIPE ffmpeg and fail under pipefail
  apt_install ffmpeg || { say "Marquee needs ffmpeg and ffprobe with libx264: install them and retry"; exit 1; }
}

# rtmpdump is a second RTMP player (besides ffmpeg) for the live tests; they skip it when absent.
ensure_rtmpdump() { command -v rtmpdump >/dev/null || apt_install rtmpdump || say "rtmpdump not installed; its test will be skipped"; }

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return 0; fi
  apt_install chromium chromium-driver || { say "browser tests need Debian's chromium and chromium-driver"; exit 1; }
}

# Unpacks the built jar and, once per build, records a start-up cache by starting it once
# (JDK 25: AOT cache; JDK 21-24: CDS archive). Sets RUN_JAR and RUN_OPTS for the real start.
prepare_jar() {
  local jar=app/target/marquee.jar run=app/target/run
  if [ ! -f "$run/marquee.jar" ] || [ "$jar" -nt "$run/marquee.jar" ]; then
    rm -rf "$run"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$run" >/dev/null
  fi
  RUN_JAR="$run/marquee.jar"
  # G1 even where the JVM would pick Serial (one CPU, small RAM): Serial's full collections stall every
  # socket for hundreds of milliseconds after a few thousand viewers join.
  RUN_OPTS=(-XX:+UseG1GC)
  # SQLite's driver loads its native library; JDK 22+ warns on every start unless that is allowed.
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 22 ]; then RUN_OPTS+=(--enable-native-access=ALL-UNNAMED); fi
  local cache flag_out flag_in
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    cache="$run/marquee.aot"; flag_out="-XX:AOTCacheOutput=$cache"; flag_in="-XX:AOTCache=$cache"
  else
    cache="$run/marquee.jsa"; flag_out="-XX:ArchiveClassesAtExit=$cache"; flag_in="-XX:SharedArchiveFile=$cache"
  fi
  if [ ! -f "$cache" ]; then
    say "recording the start-up cache (once per build, ~30 s)"
    local scratch port=$((40000 + RANDOM % 20000))
    scratch=$(mktemp -d)
    "$JAVA_HOME/bin/java" "${RUN_OPTS[@]}" "$flag_out" -Dspring.context.exit=onRefresh -jar "$RUN_JAR" serve \
      --data-dir "$scratch" --http-port "$port" --media-port "$((port + 1))" --rtmp-port "$((port + 2))" >"$scratch.log" 2>&1 ||
      say "could not record the start-up cache (see $scratch.log); starting without it"
    rm -rf "$scratch"
  fi
  [ -f "$cache" ] && RUN_OPTS+=("$flag_in")
  return 0
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
