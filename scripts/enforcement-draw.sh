#!/usr/bin/env bash
# Re-runs a case-file draw (案卷评查) without the platform: the key of each file is SHA-256("{seed}|{case number}"),
# and the files with the smallest keys are drawn. The seed is "{year}|{department code}|{number announced before the draw}".
#
# Usage: scripts/enforcement-draw.sh SEED SIZE < case-numbers.txt
#    or: scripts/enforcement-draw.sh --draw DRAW_ID [BASE_URL]   (reads the seed, size and population from the public API)
# Needs only bash, coreutils (sha256sum, sort) and, for --draw, curl and python3.
set -euo pipefail
if [ "${1:-}" = "--draw" ]; then
  id=${2:?usage: $0 --draw DRAW_ID [BASE_URL]}
  base=${3:-http://localhost:5080}
  read -r seed size < <(curl -fsS "$base/api/public/enforcement/draws/" |
    python3 -c "import json,sys; d=[x for x in json.load(sys.stdin) if x['id']=='$id'][0]; print(d['seed'], d['size'])")
  curl -fsS "$base/api/public/enforcement/draws/$id/population" | "$0" "$seed" "$size"
  exit
fi
seed=${1:?usage: $0 SEED SIZE < case-numbers.txt}
size=${2:?usage: $0 SEED SIZE < case-numbers.txt}
while IFS= read -r number; do
  [ -n "$number" ] || continue
  printf '%s %s\n' "$(printf '%s|%s' "$seed" "$number" | sha256sum | cut -d' ' -f1)" "$number"
done | LC_ALL=C sort | head -n "$size" | cut -d' ' -f2-
