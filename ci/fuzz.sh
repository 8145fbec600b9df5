#!/usr/bin/env bash
# The longer fuzz run (every build runs a short fixed-seed one):
#   1. every generated decoder, seeded mutants of valid encodings (DecoderFuzzTest, 400 x MINUTES mutants of
#      each of the 2,093 messages);
#   2. the socket transport under a peer that mutates frames and handshakes (SocketTransportFuzzTest,
#      MINUTES x 30 seconds);
#   3. the decoders under Jazzer, coverage-guided (DecoderJazzerFuzzTest, 2 minutes; its corpus grows in
#      binapi/.cifuzz-corpus/ from run to run).
# Each prints how many inputs it covered. A failure names the input (hex) and the seed to reproduce it:
#   JVPPMUX_FUZZ_SEED=<seed> ci/fuzz.sh
#
#   ci/fuzz.sh [MINUTES]     (default 5; the seed is JVPPMUX_FUZZ_SEED, else the current time, printed)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
[[ $minutes =~ ^[0-9]+$ ]] && [ "$minutes" -ge 1 ] || { echo "fuzz.sh: MINUTES must be a whole number >= 1: $minutes" >&2; exit 2; }
seed=${JVPPMUX_FUZZ_SEED:-$(date +%s)}
echo "fuzz.sh: seed $seed, $minutes minutes of seeded fuzzing, then 2 minutes of Jazzer"

mvn -B -ntp -q -pl binapi,java-impl -am install -DskipTests
props=(-Djvppmux.fuzz.seed="$seed" -Djvppmux.fuzz.mutants=$((400 * minutes))
       -Djvppmux.fuzz.socket-seconds=$((30 * minutes)) -Dsurefire.failIfNoSpecifiedTests=false)
rc=0
mvn -B -ntp -q -pl binapi surefire:test -Dtest=DecoderFuzzTest "${props[@]}" || rc=1
mvn -B -ntp -q -pl java-impl surefire:test@default-test -Dtest=SocketTransportFuzzTest "${props[@]}" || rc=1
# libFuzzer reports on the forked JVM's native stderr, which reaches Maven's console, not surefire's files
jazzer_log=$(mktemp /tmp/jvppmux-jazzer.XXXXXX)
JAZZER_FUZZ=1 mvn -B -ntp -pl binapi surefire:test -Dtest=DecoderJazzerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  > "$jazzer_log" 2>&1 || { rc=1; grep -a -E 'ERROR|Exception|FuzzTestFinding' "$jazzer_log" | head -40; }

echo "fuzz.sh: inputs covered (seed $seed):"
grep -h '^FUZZ-FIGURE' binapi/target/surefire-reports/*DecoderFuzzTest-output.txt \
     java-impl/target/surefire-reports/*SocketTransportFuzzTest-output.txt 2>/dev/null || true
jazzer=$(grep -a -h '^Done [0-9]* runs' "$jazzer_log" | tail -1)
edges=$(grep -a -o 'DONE *cov: [0-9]*' "$jazzer_log" | tail -1 | grep -o '[0-9]*$')
echo "FUZZ-FIGURE decoders jazzer inputs=$(grep -o '[0-9]* runs' <<< "$jazzer" | grep -o '[0-9]*' || echo 0) edges=${edges:-0} (${jazzer:-Jazzer did not run})"
rm -f "$jazzer_log"
echo "fuzz.sh: $( [ "$rc" -eq 0 ] && echo passed || echo FAILED )"
exit "$rc"
