#!/usr/bin/env bash
# End-to-end benchmark: from a fresh clone of this repository, build once, then time the README's
# main command (`./sanhui run --period 2024Q4` on the bundled sample). Prints the build time and the
# run's wall time; run it on an otherwise idle machine.
#   bench/e2e.sh [RUNS]   (default 3 runs after the build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/sanhui"
cd "$WORK/sanhui"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "java: $(java -version 2>&1 | head -n1)"
t0=$(date +%s.%N)
./sanhui --version >/dev/null 2>&1
t1=$(date +%s.%N)
printf 'build (first use of ./sanhui): %.1f s\n' "$(echo "$t1 - $t0" | bc)"
for i in $(seq 1 "$RUNS"); do
  rm -rf out
  s=$(date +%s.%N)
  ./sanhui run --period 2024Q4 >"$WORK/run-$i.log" 2>&1 || true
  e=$(date +%s.%N)
  pages=$(ls out/reports/2024Q4/*.pdf | wc -l)
  printf 'run %d: %.1f s (%d briefings)\n' "$i" "$(echo "$e - $s" | bc)" "$pages"
done
