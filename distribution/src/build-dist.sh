#!/usr/bin/env bash
# Builds the release tarball kubebench-VERSION-linux-x86_64.tar.gz (run by `mvn -B package -Pdist`):
#   runtime/  a Java runtime trimmed by jlink to the modules the jar needs (jdeps) plus those it loads as services
#   lib/, bin/, mlperf-configs/, ... as src/layout.txt lists them
# Reproducible: two builds of the same sources give the same bytes (sorted entries, fixed mtime, owner and modes,
# gzip without a name or time). jlink output is deterministic for the same JDK; class-data archives are not, which
# is why the tarball holds none (see bin/kubebench).
#
#   usage: build-dist.sh REPO_ROOT OUT_DIR VERSION OUTPUT_TIMESTAMP
set -euo pipefail

root=${1:?usage: build-dist.sh REPO_ROOT OUT_DIR VERSION OUTPUT_TIMESTAMP}
out=${2:?}
version=${3:?}
timestamp=${4:?}
name="kubebench-$version"
stage="$out/$name"
jar="$root/kubebench-cli/target/kubebench.jar"
[[ -f "$jar" ]] || { echo "build-dist: $jar is missing; build kubebench-cli first" >&2; exit 1; }

rm -rf "$stage" "$out/$name-linux-x86_64.tar.gz"
mkdir -p "$stage"

# jdeps sees the jar's static references; jdk.crypto.ec (TLS with elliptic curves, e.g. to a cluster's API server)
# and jdk.naming.dns (the HTTP client's DNS lookups through JNDI) are loaded as services, which it cannot see.
modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")"
modules="$modules,jdk.crypto.ec,jdk.naming.dns"
echo "build-dist: jlink --add-modules $modules" >&2
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$stage/runtime"

while read -r dest src; do
  [[ -z "$dest" || "$dest" == \#* ]] && continue
  mkdir -p "$(dirname "$stage/$dest")"
  cp -R "$root/$src" "$stage/$dest"
done < "$root/distribution/src/layout.txt"
find "$stage" \( -name __pycache__ -o -name '*.pyc' \) -prune -exec rm -rf {} +

epoch="$(date -u -d "$timestamp" +%s)"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=gnu \
  --mode='u+rwX,go+rX,go-w' -C "$out" -cf - "$name" | gzip -n -9 > "$out/$name-linux-x86_64.tar.gz"
echo "build-dist: $out/$name-linux-x86_64.tar.gz" >&2
