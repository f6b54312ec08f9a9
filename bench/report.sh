#!/usr/bin/env bash
# Reporting benchmark: the province briefing warm, and a national-scale run (342 city briefings) from a
# synthetic national indicator file. Usage: bench/report.sh [PROVINCE_INDICATORS.json] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
IN=${1:-reporting/src/test/resources/org/sanhui/reporting/fixtures/ningxia-a-2024Q4.json}
WORK=${2:-bench-data/report}
rm -rf "$WORK" && mkdir -p "$WORK"
./mvnw -B ${MVN_FLAGS-} -q -pl core-model,reporting test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/report-bench-\${project.artifactId}.cp" -Dmdep.includeScope=test
CP="$(cat target/report-bench-sanhui-reporting.cp):reporting/target/classes:reporting/target/test-classes:core-model/target/classes"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"
java -Xmx2g -Djava.awt.headless=true -cp "$CP" org.sanhui.reporting.bench.ReportBench "$IN" "$WORK"
