#!/usr/bin/env bash
# Runs the JMH suites of the codec and buffer issues with one command and renders a Markdown table.
#
#   benchmarks/jmh.sh                 # every benchmark, the settings below
#   benchmarks/jmh.sh Syslog Append   # only benchmarks whose name matches one of the regexps
#   QUICK=1 benchmarks/jmh.sh         # shorter iterations (a smoke run, wide error bars)
#
# Output: benchmarks/target/jmh/results.json (JMH's JSON) and benchmarks/target/jmh/results.md (the table that
# docs/benchmarks.md quotes). Every run uses -prof gc, so gc.alloc.rate.norm (bytes per operation) is reported.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -ntp -q -pl benchmarks -am -DskipTests package
fi

out=benchmarks/target/jmh
mkdir -p "$out"
if [ "${QUICK:-0}" = "1" ]; then
  settings=(-f 1 -wi 2 -w 1s -i 3 -r 2s)
else
  settings=(-f 1 -wi 2 -w 2s -i 4 -r 2s)
fi
include=("$@")
if [ "${#include[@]}" -eq 0 ]; then
  include=(".*")
fi

# ReopenBenchmark builds a 1-100 GiB backlog per trial (minutes); run it on its own (docs/benchmarks-reopen.md).
java -jar benchmarks/target/benchmarks.jar "${include[@]}" -e ReopenBenchmark "${settings[@]}" -prof gc \
  -rf json -rff "$out/results.json" | tee "$out/console.log"
python3 benchmarks/scripts/jmh_table.py "$out/results.json" > "$out/results.md"
echo "table: $out/results.md"
