#!/usr/bin/env bash
# Full robustness run (docs/robustness.md): the fixed corpus, N more mutations of the seed workbooks
# (default 500) and mutations of the bundled sample's files, each fed to `sanhui validate` in its own JVM
# (-Xmx512m, 60 s), two at a time. Prints the outcome table; writes table.md and runs.tsv to OUT.
#   bench/robustness.sh [MUTATIONS] [extra RobustnessMain options, e.g. --only 'x.*' --parallel 1 --keep]
# Environment: OUT (default cli/target/robustness-full), MVN_FLAGS (default -o: offline).
# Exit code 0 when no input crashed, hung, ran out of memory, lost rows, leaked a file or wrote outside.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MUTATIONS="${1:-500}"
shift || true
OUT="${OUT:-$ROOT/cli/target/robustness-full}"
cd "$ROOT"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS-} -pl cli -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
CP="$ROOT/cli/target/test-classes:$ROOT/cli/target/classes:$(cat "$ROOT/cli/target/test.classpath")"
exec java -Xmx1g -cp "$CP" org.sanhui.cli.robustness.RobustnessMain --out "$OUT" --mutations "$MUTATIONS" \
    --sample "$ROOT/datasets/ningxia-sample" "$@"
