#!/usr/bin/env bash
# Runs the analytics job on a real Spark standalone cluster (one Master, two Workers on 127.0.0.1, started
# from the project's own dependencies) and in local mode, and checks that both write identical tables.
#
#   bench/cluster-test.sh [ACTIVITIES]        (default 50000; scope 64, period 2024Q4)
#
# Needs: a JDK 17, the Maven repository filled (offline build; MVN_FLAGS='' lets Maven download, as CI does). Takes a few minutes on 2 cores; too slow
# for `verify`, so CI runs this script. Exit status 0 = identical.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-50000}
WORK=$(mktemp -d /tmp/sanhui-cluster.XXXXXX)
PORT=${SANHUI_MASTER_PORT:-17077}
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)

echo "== building the job jar and assembling SPARK_HOME in $WORK"
# analytics' tests use ingestion's writer, so the reactor holds both; each call packages, so that the
# dependency goals find the sibling modules' jars
./mvnw -B ${MVN_FLAGS-} -q -pl core-model,ingestion,analytics package dependency:copy-dependencies -DskipTests \
  -DincludeScope=provided -DoutputDirectory="$WORK/spark/jars" -DexcludeGroupIds=org.sanhui
./mvnw -B ${MVN_FLAGS-} -q -pl core-model,ingestion,analytics package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
JOB=$(ls analytics/target/sanhui-analytics-*-job.jar)
export SPARK_HOME="$WORK/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/conf"
cp analytics/src/test/resources/log4j2-test.xml "$SPARK_HOME/conf/log4j2.properties.xml"
LOGCONF="-Dlog4j.configurationFile=$SPARK_HOME/conf/log4j2.properties.xml"

echo "== synthetic warehouse: scope 64, $N activities"
TESTCP="analytics/target/test-classes:analytics/target/classes:core-model/target/classes:$(cat analytics/target/cp.txt)"
java -cp "$TESTCP" org.sanhui.analytics.bench.SyntheticWarehouse "$WORK/wh-local" 64 "$N" 2
cp -r "$WORK/wh-local" "$WORK/wh-cluster"

submit() { # master warehouse
  # shellcheck disable=SC2086
  java $FLAGS $LOGCONF -Xmx1g -cp "$JOB:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --class org.sanhui.analytics.AnalyzeJob --master "$1" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
    --conf spark.sql.shuffle.partitions=4 --conf spark.executor.memory=768m \
    --conf "spark.executor.extraJavaOptions=$FLAGS $LOGCONF" \
    "$JOB" --warehouse "$2" --period 2024Q4
}

echo "== local mode"
submit "local[2]" "$WORK/wh-local"

echo "== standalone cluster: Master and two Workers on 127.0.0.1:$PORT"
# shellcheck disable=SC2086
java $FLAGS $LOGCONF -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$PORT" --webui-port 0 > "$WORK/master.log" 2>&1 &
PIDS+=($!)
sleep 5
for i in 1 2; do
  # shellcheck disable=SC2086
  java $FLAGS $LOGCONF -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 --work-dir "$WORK/work$i" \
    "spark://127.0.0.1:$PORT" > "$WORK/worker$i.log" 2>&1 &
  PIDS+=($!)
done
sleep 8
submit "spark://127.0.0.1:$PORT" "$WORK/wh-cluster"

echo "== comparing the outputs (rows of every table and list, and the JSON without generated_at)"
status=0
java -cp "$TESTCP" org.sanhui.analytics.bench.CompareOutputs "$WORK/wh-local/indicators/2024Q4" \
  "$WORK/wh-cluster/indicators/2024Q4" || status=1
strip() { grep -v '"generated_at"' "$1"; }
if ! diff <(strip "$WORK/wh-local/indicators/2024Q4/indicators-2024Q4.json") \
          <(strip "$WORK/wh-cluster/indicators/2024Q4/indicators-2024Q4.json") > "$WORK/json.diff"; then
  echo "DIFFERENT: indicators-2024Q4.json (see $WORK/json.diff)"; status=1; KEEP=1
fi
ROWS=$(grep -c '"indicator"' "$WORK/wh-local/indicators/2024Q4/indicators-2024Q4.json")
if [ $status = 0 ]; then
  echo "IDENTICAL: local[2] and spark://127.0.0.1:$PORT wrote the same table ($ROWS rows) and lists"
fi
exit $status
