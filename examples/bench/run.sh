#!/usr/bin/env bash
# Times `adf-beam run` (Direct runner, start-up included) against gzip -1, gzip -d, cp -r and
# DuckDB (CSV to Parquet).
#   examples/bench/run.sh [--work DIR] [--size-mb N] [--files N] [--small N] [--cases a,b,...,g]
#                         [--keep] [--out FILE] [--threads N] [--duckdb-jar FILE]
#                         [--beam-arg ARG]... [--java-opt OPT]...
# Builds runners/target/adf-beam.jar and the harness when missing (or when ADF_BEAM_REBUILD=1);
# see examples/bench/README.md. Data goes under $TMPDIR (default /tmp), never into the repository.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/runners/target/adf-beam.jar"
classes="$root/examples/target/classes"

if [[ ! -f "$jar" || ! -f "$classes/io/adfbeam/examples/bench/CopyBenchmark.class" \
    || "${ADF_BEAM_REBUILD:-0}" == "1" ]]; then
  echo "bench: building (mvn -B -q -DskipTests -pl runners,examples -am package) ..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl runners,examples -am package) 1>&2
fi

for tool in gzip cp sync; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed for the baselines" >&2; exit 2; }
done

# adf-beam runs as a child process from its jar. The harness reads the typed cases' outputs back
# with the formats module's readers, which it takes from the same jar; DuckDB (case e's baseline)
# runs in a child JVM with the duckdb_jdbc jar from the Maven local repository (~/.m2), which the
# build above resolves (it is a test dependency of examples).
exec java -cp "$classes:$jar" io.adfbeam.examples.bench.CopyBenchmark --jar "$jar" "$@"
