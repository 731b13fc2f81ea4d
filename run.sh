#!/usr/bin/env bash
# Builds Marquee when needed and starts it: site on :8080, media on :8081, data under ./data.
# Flags are passed on: ./run.sh --data-dir /srv/marquee --public-url https://video.example
source "$(dirname "$0")/scripts/lib.sh"
find_jdk
ensure_ffmpeg
jar=app/target/marquee.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  ensure_maven; ensure_node
  say "building (first time, or sources changed)"
  mvn -q -B -DskipTests install
fi
prepare_jar
exec "$JAVA_HOME/bin/java" "${RUN_OPTS[@]}" -jar "$RUN_JAR" serve "$@"
