#!/usr/bin/env bash
# Ingestion benchmark (b): a national quarter of county workbooks (2,978 xlsx files, one per county, made once by
# the generator with --scope 00 --format xlsx-only and kept in ingestion/target/bench/) read by a bare
# fastexcel-reader pass and ingested by sanhui (no feedback workbooks), alternately, each in a child JVM with
# -Xmx512m -XX:+UseParallelGC. Prints files, rows, seconds, rows/s, the ratio and each child's CPU.
# Usage: bench/ingest-quarter.sh [--runs K] [--activities N] [--seed S] [--period P] [--dir DIR] [--timeline MS]
# [--jfr OUT.jfr] (see QuarterBenchmark and docs/benchmarks.md, "Ingestion (b): a national quarter")
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${MVN_FLAGS-} -q -pl ingestion,generator -am test-compile dependency:build-classpath -DincludeScope=test \
  -DexcludeGroupIds=org.sanhui -Dmdep.outputFile=target/bench-quarter.classpath
CP="ingestion/target/test-classes:ingestion/target/classes:core-model/target/classes:generator/target/classes"
CP="$CP:$(cat ingestion/target/bench-quarter.classpath):$(cat generator/target/bench-quarter.classpath)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM;" \
  "$(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$CP" org.sanhui.ingestion.bench.QuarterBenchmark "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
