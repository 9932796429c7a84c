#!/usr/bin/env bash
# Header-parse benchmark, side by side in one run: Lumen, dcmtk dcmdump and pydicom over the same file list.
# Whole process: wall time of one process that parses every file once (start-up included).
# In-process: Lumen and pydicom time warm passes inside the process; dcmdump has no library entry point here, so its
# in-process figure is approximated by one process given the list REPEAT times (start-up amortised, output to /dev/null).
# Usage: benchmarks/parse-headers.sh [CORPUS_DIR] [REPEAT]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/dicom}"
repeat="${2:-10}"
list="$(mktemp)"; trap 'rm -f "$list" "$list.rep"' EXIT
find "$corpus" -type f \( -name '*.dcm' -o -name DICOMDIR \) | sort > "$list"
for i in $(seq "$repeat"); do cat "$list"; done > "$list.rep"
files=$(wc -l < "$list"); bytes=$(xargs stat -c %s < "$list" | awk '{s+=$1} END {print s}')
"$root/lumen" --version >/dev/null   # build first, outside the timings
jar="$root/lumen-cli/target/lumen.jar"

# Best of RUNS wall-clock times: the least disturbed run on a shared machine.
runs="${RUNS:-5}"
wall() {
  local best="" t0 t1 t
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
line() { printf '%-34s files=%d passes=%d seconds=%.3f files/s=%.0f MB/s=%.1f\n' "$1" "$files" "$2" "$3" \
  "$(echo "$files * $2 / $3" | bc -l)" "$(echo "$bytes * $2 / $3 / 1000000" | bc -l)"; }

echo "# corpus: $corpus ($files files, $bytes bytes); $(nproc) cores; $(date -u +%F)"
echo "## whole process (one pass, start-up included; best of $runs runs)"
line "lumen (java -jar, whole process)" 1 "$(wall java -jar "$jar" bench headers "$list")"
line "lumen (C1 only, serial GC)" 1 "$(wall java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" bench headers "$list")"
line "dcmdump -M +sb 7fe0,0010" 1 "$(wall xargs -a "$list" dcmdump -q -M +sb 7fe0,0010)"
line "pydicom (python3, whole process)" 1 "$(wall /usr/bin/python3 "$root/benchmarks/pydicom_headers.py" "$list")"
echo "## in-process (warm, $repeat passes)"
java -jar "$jar" bench headers "$list" --repeat "$repeat"
runs=1 line "dcmdump (list x$repeat, one process)" "$repeat" "$(wall xargs -a "$list.rep" dcmdump -q -M +sb 7fe0,0010)"
/usr/bin/python3 "$root/benchmarks/pydicom_headers.py" "$list" "$repeat"
