#!/usr/bin/env bash
# Runs the native shim path under AddressSanitizer: libjvppshim.so and the test libvppapiclient.so are
# rebuilt with -fsanitize=address into jvpp-shim/target/asan/, then a JVM with the ASan runtime preloaded
# drives them through io.jvppmux.shim.ShimRxModeBench (connect, callback and vac_read modes, sync and
# pipelined control_ping round trips, disconnect, four times) against mock-vpp's socket server.
# Any ASan report (use-after-free, overflow, double free, ...) aborts the JVM and fails the script.
#
#   ci/asan-shim.sh            # from the repository root; needs gcc with libasan, JDK 17, Maven
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -pl jvpp-shim test-compile
mvn -B -ntp -q -pl jvpp-shim dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/asan-classpath.txt >/dev/null

java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
out=jvpp-shim/target/asan
mkdir -p "$out"
flags=(-std=gnu11 -O1 -g -fno-omit-frame-pointer -fsanitize=address -Wall -Wextra -Werror -fPIC -shared)
gcc "${flags[@]}" -fvisibility=hidden -I"$java_home/include" -I"$java_home/include/linux" \
    -Ijvpp-shim/target/native/javah -Ijvpp-shim/src/main/c \
    -o "$out/libjvppshim.so" jvpp-shim/src/main/c/*.c -ldl -lpthread
gcc "${flags[@]}" -o "$out/libvppapiclient.so" jvpp-shim/src/test/c/fake_vppapiclient.c -lpthread

asan_rt=$(gcc -print-file-name=libasan.so)
cp="jvpp-shim/target/test-classes:jvpp-shim/target/classes:$(cat jvpp-shim/target/asan-classpath.txt)"
# HotSpot uses SIGSEGV on purpose (implicit null checks, safepoint polls): ASan must leave it alone. The JVM
# itself leaks by design, so leak checking is off; every memory error still aborts.
export ASAN_OPTIONS=handle_segv=0:allow_user_segv_handler=1:detect_leaks=0:abort_on_error=1:halt_on_error=1
LD_PRELOAD="$asan_rt" java -Xcheck:jni \
    -Djvppmux.shim.library="$PWD/$out/libjvppshim.so" \
    -Djvppmux.test.fakeVac="$PWD/$out/libvppapiclient.so" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" io.jvppmux.shim.ShimRxModeBench 2000 20000 1 2>&1 | tee "$out/asan-run.txt"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ] || grep -q -e "ERROR: AddressSanitizer" -e "WARNING in native method" "$out/asan-run.txt"; then
    echo "asan-shim: FAILED (exit $status), see $out/asan-run.txt" >&2
    exit 1
fi
# the sanitized builds, not the regular ones, must have been loaded
grep -q "libjvppshim loaded from -Djvppmux.shim.library=$PWD/$out/libjvppshim.so" "$out/asan-run.txt"
grep -q "libvppapiclient loaded from $PWD/$out/libvppapiclient.so" "$out/asan-run.txt"
echo "asan-shim: OK, no AddressSanitizer report"
