#!/usr/bin/env bash
# Gazetteer benchmark: the national gazetteer's load, as every sanhui command does at start, and its first
# look-ups (which build the name index of the scope), each run in a fresh JVM with the launcher's collector.
# Prints one line per run; paste the figures into docs/benchmarks.md ("Gazetteer").
#
# usage: bench/gazetteer.sh [RUNS] [WARM]     (defaults 5 fresh JVMs, 10 warm loads in each)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
WARM="${2:-10}"
./mvnw -B ${MVN_FLAGS-} -q -pl core-model test-compile
CP="core-model/target/classes:core-model/target/test-classes"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  java -XX:+UseParallelGC -cp "$CP" org.sanhui.model.region.GazetteerBench "$WARM"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
