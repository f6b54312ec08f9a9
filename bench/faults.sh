#!/usr/bin/env bash
# Fault injection, the long run (docs/robustness.md): kill -9 of `sanhui ingest` and of `sanhui analyze`
# at random points, N times each (default 20; CI does 5), each followed by the checks and a rerun compared
# with an undisturbed run; plus the incomplete-output and tampered-Parquet cases.
#   bench/faults.sh [KILLS] [SEED]
# Environment: MVN_FLAGS (default -o: offline). Reports: cli/target/surefire-reports/*FaultInjectionTest*.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KILLS="${1:-20}"
SEED="${2:-$(date +%s)}"
cd "$ROOT"
echo "fault injection: $KILLS kills of ingest and of analyze, seed $SEED" >&2
# shellcheck disable=SC2086
./mvnw -B ${MVN_FLAGS-} -pl cli -am verify -Dtest='FaultInjectionTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsanhui.faults.kills="$KILLS" -Dsanhui.faults.seed="$SEED"
grep -h -E "^(ingest|analyze) kills:" cli/target/surefire-reports/*FaultInjectionTest*-output.txt 2>/dev/null || true
