#!/usr/bin/env bash
# A/B of ingestion: two revisions (or one revision with two sets of JVM flags) run alternately on the
# 1,000,000-row benchmark workbook, because single runs on a small shared machine vary by several
# percent and two blocks of runs minutes apart compare the machine's states as much as the code.
#
#   bench/ingest-ab.sh [--runs N] [--anchor] REV_A REV_B        default 8 runs a side
#     A_FLAGS / B_FLAGS   extra JVM flags for each side, e.g. to compare collectors on one revision:
#                         A_FLAGS=-XX:+UseG1GC B_FLAGS=-XX:+UseParallelGC bench/ingest-ab.sh --anchor HEAD HEAD
#     --anchor            also run the bare fastexcel pass with each side's flags, and report the ratio
#
# Each revision is checked out once into a worktree under ${TMPDIR:-/tmp}/sanhui-ab/ and built there
# (MVN_FLAGS passes Maven flags, e.g. -o). Each child JVM runs as bench/ingest.sh's do: -Xmx256m, the
# launcher's collector (unless the side's flags name one) and the compiler directives of that revision's
# launcher, if that revision has them (cli/src/main/jvm/compiler-directives.json; the launcher no longer
# passes any) and the side's flags name no other,
# then the side's flags. Prints, per side, the median (min-max) of the ingest's
# wall time and of its main thread's CPU time, and with --anchor the median ratio anchor / ingest.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=8
ANCHOR=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --anchor) ANCHOR=1; shift ;;
    -*) echo "unknown option $1; usage: bench/ingest-ab.sh [--runs N] [--anchor] REV_A REV_B" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  echo "usage: bench/ingest-ab.sh [--runs N] [--anchor] REV_A REV_B" >&2
  exit 2
fi

bench/ingest.sh --runs 0 >/dev/null # the workbook, written once and kept
FILE="$PWD/ingestion/target/bench/640104_2024Q3_activities_1000000.xlsx"
AB="${TMPDIR:-/tmp}/sanhui-ab"
mkdir -p "$AB"

side() { # REV -> prints the side's classpath, building its worktree when new
  local sha dir
  sha=$(git rev-parse --verify "$1^{commit}")
  dir="$AB/$sha"
  if [ ! -d "$dir" ]; then
    git worktree add -q --detach "$dir" "$sha" >&2
  fi
  if [ ! -f "$dir/ingestion/target/bench.classpath" ]; then
    (cd "$dir" && ./mvnw -B ${MVN_FLAGS-} -q -pl ingestion -am -DskipTests test-compile dependency:build-classpath \
        -DincludeScope=test -Dmdep.outputFile="$dir/ingestion/target/bench.classpath") >&2
  fi
  echo "$dir/ingestion/target/test-classes:$dir/ingestion/target/classes:$dir/core-model/target/classes:$(cat "$dir/ingestion/target/bench.classpath")"
}
CP_A=$(side "$1")
CP_B=$(side "$2")

run() { # CP FLAGS MODE -> prints "wall main_cpu" of one child
  local wh out jit=() directives
  local gc=-XX:+UseParallelGC # the launcher's collector, unless the side names one
  if [[ " $2 " =~ [[:space:]]-XX:\+Use[A-Za-z0-9]*GC[[:space:]] ]]; then gc=""; fi
  # the revision's launcher directives; its worktree is the one whose classes come first on CP
  directives="${1%%/ingestion/target/test-classes:*}/cli/src/main/jvm/compiler-directives.json"
  if [ -f "$directives" ] && [[ " $2 " != *-XX:CompilerDirectivesFile=* ]]; then
    jit=(-XX:+UnlockDiagnosticVMOptions "-XX:CompilerDirectivesFile=$directives" -XX:-DisplayVMOutput)
  fi
  wh=$(mktemp -d "$AB/wh.XXXXXX")
  # shellcheck disable=SC2086
  out=$(java -Xmx256m $gc ${jit[@]+"${jit[@]}"} $2 -cp "$1" org.sanhui.ingestion.bench.IngestBenchmark "$3" "$FILE" "$wh")
  rm -rf "$wh"
  # the child's summary line ("ingest: read ... in 3.61 s," or "anchor: ... in 2.54 s,"), then its main thread
  echo "$(echo "$out" | grep -E '^(ingest|anchor):' | grep -oE ' in [0-9.]+ s' | grep -oE '[0-9.]+') \
$(echo "$out" | grep -oE 'app:java [0-9.]+' | grep -oE '[0-9.]+$')"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) exit; printf "%.2f (%.2f-%.2f)", (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2), a[1], a[NR]}'; }

: > "$AB/a.txt"
: > "$AB/b.txt"
for i in $(seq "$RUNS"); do
  for s in a b; do
    if [ $s = a ]; then cp=$CP_A; flags=${A_FLAGS-}; else cp=$CP_B; flags=${B_FLAGS-}; fi
    read -r wall cpu <<<"$(run "$cp" "$flags" ingest)"
    anchor=""
    if [ $ANCHOR = 1 ]; then
      read -r anchor _ <<<"$(run "$cp" "$flags" anchor)"
    fi
    echo "$wall $cpu $anchor" >> "$AB/$s.txt"
    echo "round $i side $s: ingest $wall s, main thread $cpu s${anchor:+, anchor $anchor s}"
  done
done
for s in a b; do
  if [ $s = a ]; then rev=$1; flags=${A_FLAGS-}; else rev=$2; flags=${B_FLAGS-}; fi
  line="side $s ($rev${flags:+ $flags}): ingest $(awk '{print $1}' "$AB/$s.txt" | median) s, main thread $(awk '{print $2}' "$AB/$s.txt" | median) s"
  if [ $ANCHOR = 1 ]; then
    line="$line, anchor $(awk '{print $3}' "$AB/$s.txt" | median) s, ratio $(awk '{printf "%.3f\n", $3 / $1}' "$AB/$s.txt" | median)"
  fi
  echo "$line"
done
