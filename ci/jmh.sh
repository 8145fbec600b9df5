#!/usr/bin/env bash
# Runs the JMH benchmarks (codec, ring + dispatcher, round trips over mock-vpp and an in-memory echo
# transport) with settings that finish in a few minutes on 2 cores, with allocation per operation
# (-prof gc: gc.alloc.rate.norm is bytes per operation).
#
# Usage: ci/jmh.sh [JMH regexp] [extra JMH args...]      e.g. ci/jmh.sh RoundTrip -p transport=mock
# Env:   JMH_BUILD=am (default: build benchmarks and the modules it needs, for a fresh clone)
#        JMH_BUILD=module (only the benchmarks module; its dependencies from the local repository)
#        JMH_BUILD=none (run the jar as built)
#        JMH_OPTS="..." (default: -f 1 -wi 2 -w 1s -i 3 -r 1s)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${JMH_BUILD:-am}" in
  am) mvn -B -ntp -q -DskipTests -pl benchmarks -am package ;;
  module) mvn -o -B -q -DskipTests -pl benchmarks package ;;
  none) ;;
  *) echo "JMH_BUILD must be am, module or none" >&2; exit 2 ;;
esac
pattern="${1:-.*}"
shift || true
# 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement: about 8 s per benchmark and parameter set.
read -r -a opts <<< "${JMH_OPTS:--f 1 -wi 2 -w 1s -i 3 -r 1s}"
java -jar benchmarks/target/benchmarks.jar "$pattern" "${opts[@]}" -prof gc "$@"
