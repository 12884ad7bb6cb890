#!/usr/bin/env bash
# Builds the benchmark module and runs the whole benchmark (about 4 minutes).
# Options go to BenchmarkRunner, for example:
#   benchmarks/run.sh --concurrency=16 --drivers=raw-httpclient5,sessionclient --skip-startup
# Set JAVA_HOME to run on another JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
./mvnw -B -o -pl benchmarks -am package -DskipTests > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
cd benchmarks
classpath="target/classes:$(find target/lib -name '*.jar' | sort | paste -sd: -)"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classpath" io.github.cbkspring.benchmarks.BenchmarkRunner "$@"
