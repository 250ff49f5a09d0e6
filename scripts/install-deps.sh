#!/usr/bin/env bash
# Installs what kubebench needs on a fresh Debian/Ubuntu machine, only what is missing:
#   - a JDK 17+ and Maven (to build kubebench),
#   - Python 3 with torch, torchvision and scikit-learn (the local reference workloads),
#   - Chromium (the report test renders the HTML page headless),
#   - PostgreSQL server binaries (the history tests start a throwaway cluster; no system service is used),
#   - kubectl (Debian's kubernetes-client: the release test runs kubebench as a kubectl plugin; and to use it so),
#   - Prometheus and promtool (the telemetry tests start a throwaway server on a backfilled or live-scraped data dir).
# Without root (and without sudo) it prints the packages to install instead.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if ! /usr/bin/python3 -I -c 'import torch, torchvision, sklearn' >/dev/null 2>&1; then
  need+=(python3-torch python3-torchvision python3-sklearn)
fi
command -v chromium >/dev/null 2>&1 || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)

if [[ ${#need[@]} -eq 0 ]]; then
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "install-deps: please install these packages (needs root): ${need[*]}" >&2
    echo "  e.g. sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: no apt-get here; install the equivalents of: ${need[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
