#!/usr/bin/env bash
# Builds the benchmark module and runs the whole benchmark (about 9 minutes on 2 quiet CPUs).
# Options go to BenchmarkRunner, for example:
#   benchmarks/run.sh --drivers=raw-httpclient5,sessionclient --skip-paced --skip-startup
# Set JAVA_HOME to run the load on another JDK. The paced streams also run on virtual threads,
# on the newest JDK 21+ under /usr/lib/jvm (or VIRTUAL_JAVA_HOME); without one they are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
virtual_home="${VIRTUAL_JAVA_HOME:-}"
if [ -z "$virtual_home" ]; then
	newest=0
	for home in /usr/lib/jvm/*/; do
		version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${home}release" 2>/dev/null || true)
		if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$newest" ] && [ -x "${home}bin/javac" ]; then
			newest=$version
			virtual_home=${home%/}
		fi
	done
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
./mvnw -B -o -pl benchmarks -am package -DskipTests ${virtual_home:+-Djava21.home="$virtual_home"} > "$log" 2>&1 \
	|| { tail -50 "$log"; exit 1; }
cd benchmarks
classpath="target/classes:$(find target/lib -name '*.jar' | sort | paste -sd: -)"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classpath" io.github.cbkspring.benchmarks.BenchmarkRunner \
	${virtual_home:+--virtual-java="$virtual_home/bin/java"} "$@"
