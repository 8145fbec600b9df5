#!/usr/bin/env bash
# Runs the mux's live tests against a real VPP: started natively from a VPP folder (--native), or in a Docker
# container.
#
# Usage: ci/live-vpp.sh --native DIR [--no-build]
#        ci/live-vpp.sh [IMAGE [TAG]] [--shm] [--no-build]
#   --native DIR  a VPP folder with run-vpp.sh (e.g. ../shared/vpp): VPP runs from it in a temporary run
#                 directory with its own shm prefix; every live test runs (contract suites over the socket and
#                 shm, fault tests with VPPs of their own, stats, compatibility, mock-vpp differential)
#   IMAGE         Docker image with VPP installed (default ligato/vpp-base)
#   TAG           its tag, e.g. 2406 or latest (default latest)
#   --shm         also run the shared-memory variant (needs the jvpp-shim native build and the container's
#                 libvppapiclient.so to load on this host)
#   --no-build    reuse the bindings already generated in this tree (run mvn -B -ntp verify first) instead of
#                 generating them again (about 20 s, and 2,700 classes to compile)
#
# VPP runs with its API socket in a directory shared with the host (JVPPMUX_RUN_DIR, default a fresh
# temporary directory mounted on the container's /run/vpp, so a VPP of the host is never touched) and
# shares /dev/shm under its own api-segment prefix. The container is always removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

image=ligato/vpp-base
tag=latest
shm=false
build=true
native=
positional=()
while [ $# -gt 0 ]; do
  arg=$1; shift
  case "$arg" in
    --native) [ $# -gt 0 ] || { echo "live-vpp.sh: --native needs a VPP folder" >&2; exit 2; }; native=$1; shift ;;
    --shm) shm=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "live-vpp.sh: unknown option $arg" >&2; exit 2 ;;
    *) positional+=("$arg") ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && image=${positional[0]}
[ ${#positional[@]} -ge 2 ] && tag=${positional[1]}

# Runs the given live test classes in java-impl's live-vpp surefire execution only (each class in a JVM of its own,
# once), with java-impl and its modules resolved from this tree: nothing is installed into ~/.m2 and nothing stale
# is taken from it. With --no-build the generated bindings in binapi/target are reused instead of generated again.
run_live_tests() {
  local reuse=()
  if ! $build; then
    [ -d binapi/target/generated-sources/binapi/java ] \
      || { echo "live-vpp.sh: --no-build needs a built tree (mvn -B -ntp verify first)" >&2; return 2; }
    reuse=(-Dexec.skip=true)
  fi
  mvn -B -ntp -pl java-impl -am "${reuse[@]}" -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false \
      test-compile surefire:test@live-vpp
}

if [ -n "$native" ]; then
  # shellcheck source=native-vpp.sh
  . ci/native-vpp.sh
  trap 'rc=$?; trap - EXIT; native_vpp_stop $rc; live_figures; exit $rc' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  native_vpp_start "$native"
  run_live_tests 'io/jvppmux/impl/contract/Live*Test,io/jvppmux/impl/live/*Test'
  exit 0
fi

command -v docker >/dev/null || { echo "live-vpp.sh: docker is not installed" >&2; exit 1; }

name="jvppmux-live-vpp-$$"
prefix="jvppmux$$"
run_dir="${JVPPMUX_RUN_DIR:-$(mktemp -d /tmp/jvppmux-vpp.XXXXXX)}"
work_dir="$(mktemp -d /tmp/jvppmux-live.XXXXXX)"
wait_seconds="${JVPPMUX_VPP_WAIT:-60}"

cleanup() {
  local rc=$?
  if docker inspect "$name" >/dev/null 2>&1; then
    if [ $rc -ne 0 ]; then
      echo "live-vpp.sh: VPP's log (last 40 lines):" >&2
      docker logs --tail 40 "$name" >&2 || true
    fi
    docker rm -f "$name" >/dev/null 2>&1 || true
    echo "live-vpp.sh: container $name removed"
  fi
  rm -rf "$work_dir"
  [ -z "${JVPPMUX_RUN_DIR:-}" ] && rm -rf "$run_dir"
  exit $rc
}
trap cleanup EXIT INT TERM

cat > "$work_dir/startup.conf" <<EOF
unix {
  nodaemon
  cli-listen /run/vpp/cli.sock
  gid $(id -g)
}
api-segment {
  prefix $prefix
  uid $(id -u)
  gid $(id -g)
}
socksvr { socket-name /run/vpp/api.sock }
statseg { socket-name /run/vpp/stats.sock }
plugins { plugin dpdk_plugin.so { disable } }
EOF

echo "live-vpp.sh: starting $image:$tag as $name (API socket in $run_dir, shm prefix $prefix)"
# no network (VPP needs none: its sockets and shm are shared through the mounts), no --privileged, no capability
docker run -d --name "$name" --label jvppmux.live-vpp --network none \
  -v /dev/shm:/dev/shm \
  -v "$run_dir":/run/vpp \
  -v "$work_dir/startup.conf":/etc/jvppmux/startup.conf:ro \
  --entrypoint /usr/bin/vpp \
  "$image:$tag" -c /etc/jvppmux/startup.conf >/dev/null

socket="$run_dir/api.sock"
for ((i = 0; i < wait_seconds * 2; i++)); do
  [ -S "$socket" ] && break
  if [ "$(docker inspect -f '{{.State.Running}}' "$name")" != "true" ]; then
    echo "live-vpp.sh: VPP exited before creating $socket" >&2
    exit 1
  fi
  sleep 0.5
done
[ -S "$socket" ] || { echo "live-vpp.sh: no API socket at $socket after ${wait_seconds}s" >&2; exit 1; }
docker exec "$name" chmod 0777 /run/vpp/api.sock
echo "live-vpp.sh: VPP $(docker exec "$name" vppctl -s /run/vpp/cli.sock show version 2>/dev/null || echo '(version unknown)') is up"

# only this container's VPP: no JVPPMUX_LIVE_* of a VPP started before (.ci/run's native one) is passed on
for var in $(compgen -e | grep '^JVPPMUX_LIVE_' || true); do unset "$var"; done
export JVPPMUX_LIVE_SOCKET="$socket"
export JVPPMUX_LIVE_REQUIRED=1  # a contract test that misses a variable fails instead of being skipped
tests='io/jvppmux/impl/contract/LiveSocketContractTest'
if $shm; then
  # libvppapiclient.so and the libraries it needs that this host lacks, as the container's loader resolves them
  # (VPP's own libvlibmemoryclient, libvlibapi, libsvm, libvppinfra; anything else only when the host has no such
  # soname, so the host's libc stays the one loaded), copied with symbolic links followed
  lib_dir="$work_dir/lib"
  mkdir -p "$lib_dir"
  client_in=$(docker exec "$name" sh -c 'ls /usr/lib/*/libvppapiclient.so /usr/lib/*/libvppapiclient.so.* 2>/dev/null | head -1')
  [ -n "$client_in" ] || { echo "live-vpp.sh: no libvppapiclient.so in $image:$tag" >&2; exit 1; }
  docker cp -L "$name:$client_in" "$lib_dir/" >/dev/null
  host_libs=$(ldconfig -p)
  for lib in $(docker exec "$name" ldd "$client_in" | awk '$2 == "=>" && $3 ~ /^\// {print $3}'); do
    base=${lib##*/}
    case "$base" in
      libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*) continue ;;
      libvpp*|libvlib*|libsvm*) ;;
      *) grep -q "^[[:space:]]*$base " <<< "$host_libs" && continue ;;
    esac
    docker cp -L "$name:$lib" "$lib_dir/" >/dev/null
  done
  client="$lib_dir/${client_in##*/}"
  echo "live-vpp.sh: shm client $client_in with $(cd "$lib_dir" && ls | grep -vxF "${client_in##*/}" | tr '\n' ' ')"
  export JVPPMUX_LIVE_SHM_PREFIX="$prefix"
  export JVPPMUX_LIVE_VPPAPICLIENT="$client"
  export LD_LIBRARY_PATH="$lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  tests="$tests,io/jvppmux/impl/contract/LiveShmContractTest"
fi

run_live_tests "$tests"
