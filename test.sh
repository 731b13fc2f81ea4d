#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests with real SQLite, PostgreSQL (required
# when CI=true, skipped otherwise), ffmpeg and headless chromium.
source "$(dirname "$0")/scripts/lib.sh"
find_jdk
ensure_maven
ensure_node
ensure_ffmpeg
ensure_chromium
ensure_rtmpdump
exec mvn -B verify "$@"
