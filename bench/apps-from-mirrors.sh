#!/usr/bin/env bash
# Extracts the whole applications of the benchmark's application rows (docs/performance.md) from
# git mirrors, at the commits the figures were taken at:
#   bench/apps-from-mirrors.sh <mirror root> [<out folder>, default bench/.apps]
# The mirror root holds <owner>+<name>/repo bare repositories (the search tool's fetch makes them;
# a `git clone --mirror` of each does too). Then:
#   BENCH_APPS=bench/.apps/OneCommunityGlobal+HGNRest,bench/.apps/NodeBB+NodeBB BENCH_CORPORA=0 npm run bench
set -euo pipefail
mirrors=${1:?usage: bench/apps-from-mirrors.sh <mirror root> [out folder]}
out=${2:-bench/.apps}
apps=(
  "OneCommunityGlobal+HGNRest 974f555b0256ea4d2d582c29ee34a74d929677fe" # many mail helpers, 824 files
  "NodeBB+NodeBB ab329b3b4c4d4cc9717b2938908649382cca2b39"              # one mail module, 922 files
)
for app in "${apps[@]}"; do
  read -r name commit <<<"$app"
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  git -c core.fsmonitor=false --git-dir="$mirrors/$name/repo" archive "$commit" | tar -x -C "$out/$name"
  echo "$commit" >"$out/$name/.bench-commit"
  echo "$out/$name at $commit"
done
