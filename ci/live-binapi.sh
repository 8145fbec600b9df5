#!/usr/bin/env bash
# Generates Java bindings from another VPP's API definitions with binapi-generator (its CRC self-check must
# pass on that set too) and compiles them, in a temporary directory; the build's own bindings are untouched.
#
# Usage: ci/live-binapi.sh [API_DIR]     API_DIR default ../shared/vpp/share/vpp/api (a VPP's share/vpp/api)
# Needs the build first (mvn -B -ntp verify, or install of binapi-generator and java-api).
set -euo pipefail
cd "$(dirname "$0")/.."

api=${1:-../shared/vpp/share/vpp/api}
[ -d "$api" ] || { echo "live-binapi.sh: no API definitions at $api" >&2; exit 2; }
gen_jar=$(ls binapi-generator/target/binapi-generator-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
api_jar=$(ls java-api/target/java-api-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[ -n "$gen_jar" ] && [ -n "$api_jar" ] || { echo "live-binapi.sh: build first (mvn -B -ntp verify)" >&2; exit 2; }

work=$(mktemp -d /tmp/jvppmux-binapi.XXXXXX)
trap 'rm -rf "$work"' EXIT
start=$SECONDS
mvn -B -ntp -q -pl binapi-generator dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "$gen_jar:$(cat "$work/cp.txt")" io.jvppmux.generator.Main "$api" "$work/gen"
find "$work/gen/java" -name '*.java' > "$work/sources.txt"
# the generated sources, with binapi's hand-written runtime (wire/) compiled as they need it
javac -nowarn -encoding UTF-8 -d "$work/classes" -cp "$api_jar" -sourcepath binapi/src/main/java @"$work/sources.txt"
echo "live-binapi.sh: $(wc -l < "$work/sources.txt") generated sources from $api compiled into" \
     "$(find "$work/classes" -name '*.class' | wc -l) classes in $((SECONDS - start)) s"
