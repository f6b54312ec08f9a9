#!/usr/bin/env bash
# Analytics benchmark (not a unit test).
#
#   bench/analytics.sh [ACTIVITIES] [SCOPE] [PERIOD]      default 10000000 00 2024Q4
#
# 1. builds a synthetic warehouse (org.sanhui.analytics.bench.SyntheticWarehouse) under $BENCH_DIR
#    (default /tmp/sanhui-bench-<ACTIVITIES>) unless it exists;
# 2. whole-process run: a fresh JVM runs AnalyzeJob in embedded local[2] mode, timed by /usr/bin/time
#    (wall time and peak RSS of the whole process, session start included);
# 3. AnalyticsBenchmark: Spark session started first, then the job timed per family, then DuckDB (2 threads,
#    same Parquet files, plain SQL per family) in the same process; asserts identical figures after rounding.
#    Both engines run twice (-Dsanhui.bench.runs=K to change): run 1 is Spark's first job in the session
#    (JIT and code generation cold), run 2 the same job again; both tables are printed.
# Both JVMs get -Xmx3g and the collector ./sanhui runs with (-XX:+UseParallelGC; BENCH_GC="" for the JVM's
# own choice), and are pinned to 2 cores when taskset exists.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
SCOPE=${2:-00}
PERIOD=${3:-2024Q4}
DIR=${BENCH_DIR:-/tmp/sanhui-bench-$N}
FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0,1"
GC=${BENCH_GC--XX:+UseParallelGC}

./mvnw -B ${MVN_FLAGS-} -q -pl core-model,analytics test-compile
./mvnw -B ${MVN_FLAGS-} -q -pl core-model,analytics dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="analytics/target/test-classes:analytics/target/classes:core-model/target/classes:$(cat analytics/target/cp.txt)"
LOG="-Dlog4j.configurationFile=$PWD/analytics/src/test/resources/log4j2-test.xml"

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | head -2; java -version 2>&1 | head -1
if [ ! -f "$DIR/_live.tsv" ]; then
  echo "== building $DIR ($N activities, scope $SCOPE)"
  java -Xmx3g -cp "$CP" org.sanhui.analytics.bench.SyntheticWarehouse "$DIR" "$SCOPE" "$N" 2
fi
echo "== files: $(($(wc -l < "$DIR/_live.tsv") - 1)), size $(du -sh "$DIR/data" | cut -f1)"

echo "== whole process: AnalyzeJob, embedded local[2]"
# shellcheck disable=SC2086
/usr/bin/time -f "whole process: %e s wall, peak RSS %M kB" $PIN java $FLAGS $GC $LOG -Xmx3g -Dspark.master='local[2]' \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.ui.enabled=false \
  -Dspark.sql.shuffle.partitions=4 -cp "$CP" org.sanhui.analytics.AnalyzeJob --warehouse "$DIR" --period "$PERIOD" \
  --scope "$SCOPE" | grep -v '^analyze:'

echo "== Spark (session already started) vs DuckDB"
# shellcheck disable=SC2086
$PIN java $FLAGS $GC $LOG -Xmx3g -cp "$CP" org.sanhui.analytics.bench.AnalyticsBenchmark "$DIR" "$PERIOD" "$SCOPE"
