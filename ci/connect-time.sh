#!/usr/bin/env bash
# Cold-start cost of connecting (issue 12 item 3): wall time of `java -jar JAR --version` and of
# `java -jar JAR version --socket SOCKET`, run alternately ROUNDS times so that both see the same machine load,
# then ranges, medians and each round's ratio (version --socket / --version). The target: ratio at most 2.
# Plain `java -jar`, no JVM flags (extra ones via JAVA_OPTS, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1).
#
# Usage: ci/connect-time.sh SOCKET [ROUNDS]        e.g. ci/connect-time.sh /run/vpp/api.sock 15
# Env:   JAR=path (default cli/target/jvppmux.jar), more jars to compare: JARS="a.jar b.jar" (alternated too)
#        WARMUP=N rounds not counted (default 2: the page cache, VPP's first clients)
set -euo pipefail
cd "$(dirname "$0")/.."
SOCKET="${1:?usage: ci/connect-time.sh SOCKET [ROUNDS]}"
ROUNDS="${2:-15}"
WARMUP="${WARMUP:-2}"
read -r -a jars <<< "${JARS:-${JAR:-cli/target/jvppmux.jar}}"
read -r -a opts <<< "${JAVA_OPTS:-}"
for j in "${jars[@]}"; do
  [[ -f "$j" ]] || { echo "connect-time.sh: no jar $j (mvn -B -ntp -pl cli -am package -DskipTests)" >&2; exit 2; }
done
[[ -S "$SOCKET" ]] || { echo "connect-time.sh: no VPP API socket at $SOCKET" >&2; exit 2; }

ms() { # runs the command, prints its wall time in ms; fails on a non-zero exit
  local a b
  a=$(date +%s%N)
  "$@" > /dev/null || { echo "connect-time.sh: failed: $*" >&2; exit 1; }
  b=$(date +%s%N)
  echo $(( (b - a) / 1000000 ))
}

declare -A ver sock ratio
for ((i = 1; i <= WARMUP + ROUNDS; i++)); do
  for j in "${jars[@]}"; do
    v=$(ms java "${opts[@]}" -jar "$j" --version)
    s=$(ms java "${opts[@]}" -jar "$j" version --socket "$SOCKET")
    if ((i > WARMUP)); then
      ver[$j]+=" $v"; sock[$j]+=" $s"
      ratio[$j]+=" $(awk -v s="$s" -v v="$v" 'BEGIN { printf "%.2f", s / v }')"
    fi
  done
done

summary() { # label, values: "label: min-max, median M"
  local label=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v l="$label" '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "  %-22s %s-%s, median %s\n", l, a[1], a[NR], m }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds after $WARMUP; JAVA_OPTS='${JAVA_OPTS:-}'"
for j in "${jars[@]}"; do
  echo "$j"
  # shellcheck disable=SC2086
  summary "--version (ms)" ${ver[$j]}
  # shellcheck disable=SC2086
  summary "version --socket (ms)" ${sock[$j]}
  # shellcheck disable=SC2086
  summary "ratio" ${ratio[$j]}
done
