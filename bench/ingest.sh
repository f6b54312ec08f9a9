#!/usr/bin/env bash
# Ingestion benchmark: a 1,000,000-row activities xlsx read by a bare fastexcel-reader pass and by
# sanhui's ingestion, each in a fresh JVM with -Xmx256m. Usage: bench/ingest.sh [--rows N] [--runs K] [--dir DIR]
# [--gc parallel|default] [--warm K] [--timeline MS] (see IngestBenchmark and docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${MVN_FLAGS-} -q -pl ingestion -am test-compile dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$PWD/ingestion/target/bench.classpath"
CP="ingestion/target/test-classes:ingestion/target/classes:core-model/target/classes:$(cat ingestion/target/bench.classpath)"
exec java -Xmx512m -cp "$CP" org.sanhui.ingestion.bench.IngestBenchmark "$@"
