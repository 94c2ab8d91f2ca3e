#!/usr/bin/env bash
# The main job: install, build kg in Release, build a graph from the bundled
# sample corpus (examples/) and ask it a few questions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_TESTS=OFF > /dev/null
cmake --build build/release --target kg
kg=build/release/cli/kg
db=build/demo.kg
rm -rf "$db"
echo "== kg build --db $db examples/news examples/wire.jsonl"
$kg build --db "$db" examples/news examples/wire.jsonl
echo
echo "== kg stats --db $db"
$kg stats --db "$db"
echo
echo "== kg path --db $db --undirected \"Sergey Shoigu\" \"Emmanuel Macron\""
$kg path --db "$db" --undirected "Sergey Shoigu" "Emmanuel Macron"
echo
echo "== kg neighbours --db $db putin"
$kg neighbours --db "$db" putin
