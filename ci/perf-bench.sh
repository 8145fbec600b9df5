#!/usr/bin/env bash
# Builds the cli and runs the perf-bench comparisons (mux vs the bare transport, interleaved in one JVM)
# with defaults that finish in a few minutes on 2 cores:
#   1. mock-vpp in-process, 1 channel          (--baseline)
#   2. mock-vpp over its socket, 1 channel     (--baseline --mock-socket, 10,000 sync requests a round)
#   3. both again with 1,000 idle channels     (--idle-channels 1000: a second mux, interleaved)
# Each comparison runs REPEAT times (default 3); the summary gives the median of the ratio lines.
#
# Usage: ci/perf-bench.sh [extra bench options...]      e.g. ci/perf-bench.sh -n 20000 --rounds 3
# Env:   REPEAT=N (default 3)  SKIP_BUILD=1 (use the jar as built)  OUT=DIR (default target/perf-bench)
#        JAR=path (default cli/target/jvppmux.jar; e.g. another build to compare; implies SKIP_BUILD=1)
#        SOCKET=/run/vpp/api.sock also runs the comparison against that live VPP.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${REPEAT:-3}"
OUT="${OUT:-target/perf-bench}"
if [[ -n "${JAR:-}" ]]; then
  SKIP_BUILD=1
fi
JAR="${JAR:-cli/target/jvppmux.jar}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # the cli module only: java-impl and mock-vpp come from the local repository (mvn install them first)
  mvn -o -q -B -pl cli package -DskipTests
fi
mkdir -p "$OUT"
bench() { java -cp "$JAR" io.jvppmux.cli.bench.BenchMain "$@"; }

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "n/a"} else if (NR%2) {print v[(NR+1)/2]} else {printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}}'; }

run() { # name, bench options...
  local name="$1"; shift
  for i in $(seq 1 "$REPEAT"); do
    echo "== $name, run $i/$REPEAT: bench $*" >&2
    bench -q "$@" | tee "$OUT/$name.$i.txt"
  done
}

summary() { # name
  local name="$1" files=("$OUT/$1".*.txt)
  local a s ia is
  a=$(grep -h '^ratio ' "${files[@]}" | sed 's/.*async=\([^ ]*\).*/\1/' | grep -v n/a | median)
  s=$(grep -h '^ratio ' "${files[@]}" | sed 's/.*sync=\([^ ]*\)$/\1/' | grep -v n/a | median)
  printf '%-22s ratio async=%s sync=%s' "$name" "$a" "$s"
  if grep -q '^idle-channels' "${files[@]}"; then
    ia=$(grep -h '^idle-channels' "${files[@]}" | sed 's/.*async=\([^ ]*\).*/\1/' | median)
    is=$(grep -h '^idle-channels' "${files[@]}" | sed 's/.*sync=\([^ ]*\)$/\1/' | median)
    printf '   idle-1000/1-channel async=%s sync=%s' "$ia" "$is"
  fi
  echo
}

# the socket runs send 10,000 sync requests a round unless the extra options set a count
sock_n=(-n 10000)
for a in "$@"; do [[ "$a" == -n || "$a" == --requests || "$a" == --requests=* ]] && sock_n=(); done
run in-process --baseline "$@"
run mock-socket --baseline --mock-socket "${sock_n[@]}" "$@"
run in-process-idle --baseline --idle-channels 1000 "$@"
run mock-socket-idle --baseline --mock-socket --idle-channels 1000 "${sock_n[@]}" "$@"
names=(in-process mock-socket in-process-idle mock-socket-idle)
if [[ -n "${SOCKET:-}" ]]; then
  run live-socket --baseline --socket "$SOCKET" "$@"
  names+=(live-socket)
fi

echo
echo "perf-bench summary: medians of $REPEAT runs (each run: median over its interleaved rounds), $(nproc) cores,"
echo "  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
for n in "${names[@]}"; do summary "$n"; done
