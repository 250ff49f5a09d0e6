#!/usr/bin/env bash
# Nightly benchmark gate: run a benchmark, compare it with the last good baseline, keep the reports,
# promote the run to baseline when it passes, and exit 3 on a regression (kubebench's gate exit code).
#
#   usage: nightly-gate.sh SPEC.yaml [METRIC...]
#
# Environment:
#   KUBEBENCH           the launcher (default: kubebench on PATH)
#   KUBEBENCH_RESULTS   results directory holding the history (default: results)
#   KUBEBENCH_RUN_ARGS  extra arguments for `kubebench run` (e.g. "--profile smoke")
#   ARTIFACTS           where to copy reports for the CI system (default: artifacts)
#   THRESHOLD           regression threshold (default: 5%)
set -euo pipefail

spec=${1:?usage: nightly-gate.sh SPEC.yaml [METRIC...]}
shift
kubebench=${KUBEBENCH:-kubebench}
results=${KUBEBENCH_RESULTS:-results}
artifacts=${ARTIFACTS:-artifacts}
threshold=${THRESHOLD:-5%}
metric_args=()
for m in "$@"; do
  metric_args+=(--metric "$m")
done

mkdir -p "$results" "$artifacts"
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT

# 1. Run. A failing run (exit 4/5/6) fails the pipeline as it is; its result directory is still kept.
# shellcheck disable=SC2086
"$kubebench" run "$spec" --results-dir "$results" ${KUBEBENCH_RUN_ARGS:-}

# 2. The run directory this run wrote: results/<benchmark>/<run-id>, newer than the marker.
run_id_glob='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]-*'
run_dir=$(find "$results" -mindepth 2 -maxdepth 2 -type d -name "$run_id_glob" -newer "$marker" | sort | tail -n 1)
if [[ -z "$run_dir" ]]; then
  echo "nightly-gate: no new run directory under $results" >&2
  exit 1
fi
benchmark_dir=$(dirname "$run_dir")
cp -f "$run_dir/report.html" "$artifacts/report.html" 2>/dev/null || true
cp -f "$run_dir/results.csv" "$artifacts/results.csv" 2>/dev/null || true

# 3. Compare with the last good run of this benchmark (a symlink kept beside the runs).
baseline="$benchmark_dir/last-good"
if [[ ! -e "$baseline" ]]; then
  echo "nightly-gate: no baseline yet; $run_dir becomes the first one"
  ln -sfn "$(basename "$run_dir")" "$baseline"
  exit 0
fi

set +e
"$kubebench" compare --baseline "$baseline" --candidate "$run_dir" "${metric_args[@]}" \
  --threshold "$threshold" -o junit > "$artifacts/compare-junit.xml"
"$kubebench" compare --baseline "$baseline" --candidate "$run_dir" "${metric_args[@]}" \
  --threshold "$threshold" -o markdown > "$artifacts/compare.md"
rc=$?
set -e
cat "$artifacts/compare.md"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$artifacts/compare.md" >> "$GITHUB_STEP_SUMMARY"
fi

# 4. The history view: where did the level change? Informational here; add --gate to enforce it too.
"$kubebench" trend "$benchmark_dir" "${metric_args[@]}" > "$artifacts/trend.txt" || true

# 5. Promote only a passing run, so a regression cannot become the next night's baseline.
if [[ $rc -eq 0 ]]; then
  ln -sfn "$(basename "$run_dir")" "$baseline"
fi
exit "$rc"
