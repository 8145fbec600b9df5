#!/usr/bin/env bash
# The live contract tests against VPP in a Docker container, on a machine that has no Docker engine running:
#   1. installs docker.io (and mmdebstrap) from Debian when dockerd (or mmdebstrap) is missing;
#   2. starts dockerd when none answers (plain first; when that does not answer in 30 s, without iptables and the
#      docker0 bridge, then also with the vfs storage driver), its log in a temporary file;
#   3. builds the image of a VPP folder with the folder's docker/build-image.sh (jvppmux/vpp:26.10-rc0);
#   4. runs ci/live-vpp.sh IMAGE TAG --shm against it: LiveSocketContractTest and LiveShmContractTest, each in a
#      JVM of its own, VPP in a container with no network, no --privileged and no added capability;
#   5. however it ends (failure, INT, TERM from `timeout`): stops live-vpp.sh and its Maven, removes the containers
#      it ran, and stops the dockerd it started (a dockerd that was already running is left running).
# Every phase prints its duration. Exit status 3 says the Docker engine could not be had on this machine (packages
# not installable, no dockerd would start, the image could not be built): the environment, not jvppmux; any other
# non-zero status is a failure of the tests or of this script.
#
# Usage: ci/docker-vpp.sh [--vpp-home DIR] [--no-build]
#   --vpp-home DIR  VPP folder with docker/build-image.sh (default ../shared/vpp beside this repository)
#   --no-build      passed to live-vpp.sh: reuse the bindings of a built tree (after mvn -B -ntp verify)
# Needs root (apt-get, dockerd, VPP's shared memory in /dev/shm).
set -euo pipefail
cd "$(dirname "$0")/.."

vpp_home=../shared/vpp
live_args=()
while [ $# -gt 0 ]; do
  arg=$1; shift
  case "$arg" in
    --vpp-home) [ $# -gt 0 ] || { echo "docker-vpp.sh: --vpp-home needs a folder" >&2; exit 2; }; vpp_home=$1; shift ;;
    --no-build) live_args+=(--no-build) ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "docker-vpp.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
build_image="$vpp_home/docker/build-image.sh"
[ -f "$build_image" ] || { echo "docker-vpp.sh: no $build_image" >&2; exit 2; }
image=jvppmux/vpp
tag=26.10-rc0

tmp=$(mktemp -d /tmp/jvppmux-docker.XXXXXX)
dockerd_pid=
child=
phase_start=$SECONDS
phase() { echo "docker-vpp.sh: $1 in $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

stop_dockerd() {
  local pid=$1 containerd
  containerd=$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "docker-vpp.sh: dockerd $pid did not stop in 20 s: killed" >&2
    kill -KILL "$pid" 2>/dev/null || true
    [ -n "$containerd" ] && kill -KILL "$containerd" 2>/dev/null || true
  fi
}

finish() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    # the running step leads its own process group: TERM reaches it and what it started (live-vpp.sh removes its
    # container on TERM; Maven and the test JVMs end with it)
    kill -TERM -- "-$child" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$child" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$child" 2>/dev/null || true
  fi
  if docker info >/dev/null 2>&1; then
    local left
    left=$(docker ps -aq --filter label=jvppmux.live-vpp 2>/dev/null || true)
    # shellcheck disable=SC2086
    [ -z "$left" ] || { docker rm -f $left >/dev/null 2>&1 || true; echo "docker-vpp.sh: removed container(s) $left"; }
  fi
  if [ -n "$dockerd_pid" ]; then
    local errors
    errors=$(grep -E 'level=(error|fatal)' "$tmp/dockerd.log" 2>/dev/null | tail -20 || true)
    [ "$rc" -eq 0 ] || [ -z "$errors" ] || { echo "docker-vpp.sh: dockerd's errors:" >&2; echo "$errors" >&2; }
    stop_dockerd "$dockerd_pid"
    echo "docker-vpp.sh: dockerd $dockerd_pid stopped"
  fi
  rm -rf "$tmp"
  echo "docker-vpp.sh: $( [ "$rc" -eq 0 ] && echo passed || echo "FAILED (exit $rc)" ) in $SECONDS s"
  exit "$rc"
}
# runs a step in a process group of its own and waits for it, so that INT and TERM are acted on at once
step() {
  local rc=0
  setsid "$@" &
  child=$!
  wait "$child" || rc=$?
  child=
  return "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. packages
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || need+=(mmdebstrap)
# no recommends (criu, needrestart, git, ...: nothing here needs them), but AppArmor's parser where the kernel
# enforces AppArmor: dockerd refuses to run containers there without it
if [ ${#need[@]} -gt 0 ] && [ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" = Y ] \
    && ! command -v apparmor_parser >/dev/null 2>&1; then
  need+=(apparmor)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "docker-vpp.sh: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$tmp/apt.log" 2>&1 \
    || { tail -20 "$tmp/apt.log" >&2; echo "docker-vpp.sh: no Docker engine here: apt-get install failed" >&2; exit 3; }
  phase "installed ${need[*]}"
fi

# 2. dockerd
answers() { docker info >/dev/null 2>&1; }
if answers; then
  if [ ${#need[@]} -gt 0 ] && [ -s /var/run/docker.pid ]; then
    dockerd_pid=$(cat /var/run/docker.pid)  # started by the package's own start script: ours to stop
    echo "docker-vpp.sh: dockerd $dockerd_pid was started by the package install"
  else
    echo "docker-vpp.sh: using the dockerd that is running"
  fi
else
  for opts in "" "--iptables=false --ip6tables=false --bridge=none" \
              "--iptables=false --ip6tables=false --bridge=none --storage-driver=vfs"; do
    # shellcheck disable=SC2086
    setsid dockerd $opts >"$tmp/dockerd.log" 2>&1 </dev/null &
    dockerd_pid=$!
    for _ in $(seq 1 60); do answers && break; kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
    if answers; then
      echo "docker-vpp.sh: dockerd $dockerd_pid answers (options: ${opts:-none}; $(docker info -f \
        'storage {{.Driver}}, cgroup {{.CgroupDriver}} v{{.CgroupVersion}}, server {{.ServerVersion}}' 2>/dev/null))"
      break
    fi
    echo "docker-vpp.sh: dockerd (options: ${opts:-none}) did not answer; its last lines:" >&2
    tail -5 "$tmp/dockerd.log" >&2
    stop_dockerd "$dockerd_pid"
    dockerd_pid=
  done
  [ -n "$dockerd_pid" ] || { echo "docker-vpp.sh: no Docker engine here: no dockerd could be started" >&2; exit 3; }
  phase "dockerd started"
fi

# 3. the image
echo "docker-vpp.sh: building $image:$tag with $build_image"
step bash "$build_image" "$image:$tag" \
  || { echo "docker-vpp.sh: no Docker engine here: the image could not be built (exit $?)" >&2; exit 3; }
phase "image $image:$tag built"

# 4. the live contract tests, socket and shm
step bash ci/live-vpp.sh "$image" "$tag" --shm "${live_args[@]}"
phase "live-vpp.sh (socket and shm) passed"
