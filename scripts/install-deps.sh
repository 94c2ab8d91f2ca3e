#!/usr/bin/env bash
# Installs what kg needs to build and test on Debian 12 (as root, or with sudo).
# Safe to run again: apt-get skips what is installed.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
packages=(
  build-essential cmake ninja-build pkg-config git
  librocksdb-dev libboost-graph-dev libicu-dev nlohmann-json3-dev libcli11-dev
  # pugixml reads PETRARCH's XML validation records (kg validate).
  libpugixml-dev
  catch2
  # Real RDF parsers that the tests use to check our N-Triples and Turtle.
  raptor2-utils serdi
  # xz decompresses the UN corpus for the benchmark.
  xz-utils
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
