#!/usr/bin/env bash
# National-scale generator benchmark: the whole country (scope 00), 2023Q1-2024Q4, N activities (default
# 10,000,000) as a ready Parquet warehouse, with -Xmx2g. Prints wall time and peak RSS (/usr/bin/time -v) and
# the machine's figures; paste them into docs/benchmarks.md ("Generator").
#
# usage: bench/generate.sh [ACTIVITIES] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
OUT="${2:-${TMPDIR:-/tmp}/sanhui-national}"
CP_FILE="${TMPDIR:-/tmp}/sanhui-generator.cp"
./mvnw -B ${MVN_FLAGS-} -q -pl core-model,ingestion,generator compile dependency:build-classpath \
  -DincludeScope=runtime -DexcludeGroupIds=org.sanhui -Dmdep.outputFile="$CP_FILE"
CP="core-model/target/classes:ingestion/target/classes:generator/target/classes:$(cat "$CP_FILE")"
rm -rf "$OUT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM"
java -version 2>&1 | head -1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
CMD=(java -Xmx2g -cp "$CP" org.sanhui.generator.GeneratorMain --scope 00 --from 2023Q1 --to 2024Q4
     --activities "$N" --format parquet --out "$OUT")
echo "command: ${CMD[*]/$CP/\$CP}"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "${CMD[@]}" 2> >(grep -E 'Elapsed|Maximum resident|User time|System time|Percent of CPU' >&2)
else
  "${CMD[@]}"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "files: $(find "$OUT" -name '*.parquet' | wc -l), size: $(du -sh "$OUT" | cut -f1)"
