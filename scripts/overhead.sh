#!/usr/bin/env bash
# Does the harness perturb what it measures? Runs the smoke benchmark's workload (resnet_ddp.py, one Master + one
# Worker on CPU) in turn (a) under `kubebench run --local --profile smoke` with its telemetry (the /proc sampling every
# second, and nvidia-smi where it is on PATH), (b) the same with --no-telemetry, and (c) started directly as two
# processes with the same operator environment, arguments and thread settings, REPEATS times each, and prints the
# ratios of the median throughputs as the workload itself measured them (its KUBEBENCH_RESULT line):
# telemetry on / off (target at least 0.99: sampling may cost under 1 %) and harness / direct (target at least 0.98).
# Usage: scripts/overhead.sh [repeats] (default 3).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
repeats="${1:-3}"
py="${KUBEBENCH_PYTHON:-}"
if [[ -z "$py" ]]; then
  for c in python3 /usr/bin/python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -I -c 'import torch' >/dev/null 2>&1; then py="$(command -v "$c")"; break; fi
  done
fi
[[ -n "$py" ]] || { echo "overhead: no python with torch; run scripts/install-deps.sh" >&2; exit 1; }
export KUBEBENCH_PYTHON="$py"
# The smoke profile's arguments (mlperf-configs/mlperf-resnet.yaml, profiles.smoke.job.args).
args=(--image-size 64 --batch-size 8 --steps 20 --device cpu)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

throughput_of() { # log file -> the workload's own throughput figure
  "$py" -c 'import json,sys
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("KUBEBENCH_RESULT "):
        print(json.loads(line[len("KUBEBENCH_RESULT "):])["throughput_samples_per_s"])' "$1"
}

direct() {
  local dir="$work/direct-$1" port
  mkdir -p "$dir"
  port="$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  for rank in 0 1; do
    env PYTHONUNBUFFERED=1 OMP_NUM_THREADS=1 MASTER_ADDR=127.0.0.1 MASTER_PORT="$port" WORLD_SIZE=2 RANK="$rank" \
      PET_MASTER_ADDR=127.0.0.1 PET_MASTER_PORT="$port" PET_NNODES=2 PET_NODE_RANK="$rank" PET_NPROC_PER_NODE=auto \
      "$py" "$root/workload-catalog/workloads/resnet_ddp.py" "${args[@]}" >"$dir/rank$rank.log" 2>&1 &
  done
  wait
  throughput_of "$dir/rank0.log"
}

harness() { # run number, telemetry switch (--telemetry | --no-telemetry)
  local dir="$work/harness$2-$1"
  "$root/scripts/kubebench" run "$root/mlperf-configs/mlperf-resnet.yaml" --local --profile smoke \
    --results-dir "$dir" --no-report "$2" >/dev/null || true
  throughput_of "$(ls "$dir"/mlperf-resnet/*/trials/0/logs/*-master-0.log)"
}

sampler_cost() { # the sampling thread's own CPU time over the time it sampled, from local-telemetry.json
  "$py" -c 'import glob,json,sys
for f in sorted(glob.glob(sys.argv[1] + "/harness--telemetry-*/*/*/trials/0/local-telemetry.json")):
    d = json.load(open(f))
    cpu, wall = d["samplerCpuMs"], d["processSamples"] * d["intervalMs"]
    print(f"  sampler thread: {cpu:.1f} ms CPU over {wall / 1000:.0f} s sampled = {100 * cpu / wall:.3f} % of one core")' "$work"
}

d=(); h=(); q=()
for i in $(seq 1 "$repeats"); do
  d+=("$(direct "$i")"); echo "direct               #$i: ${d[-1]} samples/s"
  h+=("$(harness "$i" --telemetry)"); echo "kubebench            #$i: ${h[-1]} samples/s"
  q+=("$(harness "$i" --no-telemetry)"); echo "kubebench, no sampling #$i: ${q[-1]} samples/s"
done
"$py" - "${#d[@]}" "${d[@]}" "${h[@]}" "${q[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1]); vals = [float(v) for v in sys.argv[2:]]
direct, harness, quiet = vals[:n], vals[n:2 * n], vals[2 * n:]
md, mh, mq = statistics.median(direct), statistics.median(harness), statistics.median(quiet)
print(f"median direct {md:.3f} samples/s, under kubebench {mh:.3f} samples/s with telemetry, "
      f"{mq:.3f} samples/s without")
print(f"telemetry on / off: ratio {mh / mq:.3f} (target >= 0.99)")
print(f"kubebench / direct: ratio {mh / md:.3f} (target >= 0.98)")
PY
sampler_cost
