#!/bin/bash
# ots (Debian's Open Text Summarizer) as the peer for summaries: one ots
# process per article, as its command is used; prints the median MB/s.
set -euo pipefail
corpus=$1
runs=${2:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 - "$corpus" "$dir" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    open("%s/%04d.txt" % (sys.argv[2], i), "w", encoding="utf-8").write(json.loads(line)["text"])
PY
size=$(cat "$dir"/*.txt | wc -c)
times=()
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  for file in "$dir"/*.txt; do ots --ratio=20 "$file" >/dev/null; done
  times+=("$(/usr/bin/python3 -c 'import sys; print(float(sys.argv[1]) - float(sys.argv[2]))' "$(date +%s.%N)" "$start")")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
/usr/bin/python3 -c 'import json, sys; print(json.dumps({"ots summaries": int(sys.argv[1]) / 1e6 / float(sys.argv[2])}))' "$size" "$median"
