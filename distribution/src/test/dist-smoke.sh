#!/usr/bin/env bash
# Checks the release tarball as a user without a JDK gets it (run by `mvn -B verify -Pdist`): unpacked in a
# temporary directory and started with an empty environment whose PATH has a `java` that fails, so anything but the
# bundled runtime is caught. --version, validate, render, completion, the kubectl plugin (through kubectl's plugin
# discovery when kubectl is installed, and its argument handling directly) and a local smoke run of the reference
# workload (needs /usr/bin/python3 with torch, as the rest of the test suite does).
#
#   usage: dist-smoke.sh TARBALL VERSION
set -euo pipefail

tarball=${1:?usage: dist-smoke.sh TARBALL VERSION}
version=${2:?}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
home="$work/kubebench-$version"
mkdir "$work/nojdk"
printf '#!/bin/sh\necho "dist-smoke: java from the PATH was used" >&2\nexit 97\n' > "$work/nojdk/java"
chmod +x "$work/nojdk/java"

bare() { env -i PATH="$work/nojdk:/usr/bin:/bin" HOME="$work" "$@"; }
fail() { echo "dist-smoke: FAILED: $*" >&2; exit 1; }
step() { echo "dist-smoke: $*" >&2; }

step "--version"
bare "$home/bin/kubebench" --version | grep -q "^kubebench $version\$" || fail "--version"

step "validate every shipped spec"
bare "$home/bin/kubebench" validate "$home"/mlperf-configs/*.yaml "$home"/mlperf-configs/examples/*.yaml >/dev/null \
  || fail "validate"

step "render"
bare "$home/bin/kubebench" render "$home/mlperf-configs/mlperf-resnet.yaml" | grep -q "^kind: PyTorchJob" \
  || fail "render"

step "completion bash sources and completes"
bare "$home/bin/kubebench" completion bash > "$work/completion.bash"
words="$(bash -c 'source "$1"; compopt() { :; }; COMP_WORDS=(kubebench ren); COMP_CWORD=1; COMP_LINE="kubebench ren";
  COMP_POINT=${#COMP_LINE}; fn=$(complete -p kubebench | sed -n "s/.*-F \([^ ]*\).*/\1/p"); "$fn" kubebench ren kubebench;
  echo "${COMPREPLY[*]}"' _ "$work/completion.bash")"
[[ "$words" == render ]] || fail "completion gave '$words'"

step "kubectl-kubebench moves leading cluster flags behind the command"
ns="$(bare "$home/bin/kubectl-kubebench" -n perf render "$home/mlperf-configs/mlperf-resnet.yaml" \
  | grep -m1 '^  namespace:')" || fail "kubectl-kubebench -n perf render"
[[ "$ns" == "  namespace: perf" ]] || fail "kubectl-kubebench -n perf render gave '$ns'"
bare "$home/bin/kubectl-kubebench" --namespace=perf render "$home/mlperf-configs/mlperf-resnet.yaml" \
  | grep -q '^  namespace: perf$' || fail "kubectl-kubebench --namespace=perf render"
if bare "$home/bin/kubectl-kubebench" -n perf >/dev/null 2>&1; then fail "flags without a command must fail"; fi

if command -v kubectl >/dev/null 2>&1; then
  step "kubectl plugin discovery: kubectl kubebench --help"
  kubectl_dir="$(dirname "$(command -v kubectl)")"
  env -i PATH="$home/bin:$work/nojdk:$kubectl_dir:/usr/bin:/bin" HOME="$work" kubectl plugin list 2>/dev/null \
    | grep -q "$home/bin/kubectl-kubebench" || fail "kubectl plugin list does not show kubectl-kubebench"
  env -i PATH="$home/bin:$work/nojdk:$kubectl_dir:/usr/bin:/bin" HOME="$work" kubectl kubebench --help \
    | grep -q "^Usage: kubebench" || fail "kubectl kubebench --help"
else
  step "kubectl not installed: plugin discovery not checked (scripts/install-deps.sh installs it)"
fi

step "run --local --profile smoke (the reference ResNet workload, two processes)"
(cd "$work" && bare "$home/bin/kubebench" run "$home/mlperf-configs/mlperf-resnet.yaml" --local --profile smoke \
  --results-dir "$work/results") > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "run --local"; }
result="$(find "$work/results" -name result.json | head -n 1)"
[[ -n "$result" ]] && grep -q '"status" *: *"succeeded"' "$result" || { cat "$work/run.log" >&2; fail "no succeeded result.json"; }
[[ -e "$home/lib/kubebench.jsa" ]] || fail "no class-data archive was made on first use"

step "all checks passed"
