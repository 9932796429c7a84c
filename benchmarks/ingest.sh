#!/usr/bin/env bash
# Ingest benchmark, side by side in one run: Lumen (`lumen serve`, embedded H2) and Orthanc 1.10.1 (default SQLite index),
# same machine, same files, each target started fresh on empty storage for every measurement.
#   C-STORE: dcmtk storescu, 1 and 4 parallel associations, small CT instances and large multi-frame instances.
#   STOW-RS: multipart/related batches of 50 small instances posted with curl, 4 in parallel.
# storescu runs with TCP_NODELAY=1 (dcmtk otherwise waits on Nagle between PDUs: 100 small stores take 5.3 s instead of 0.7 s,
# to any peer).
# Inputs are made by benchmarks/make_ingest_inputs.py (pydicom) from two corpus files, with fresh UIDs.
# Usage: benchmarks/ingest.sh [SMALL_COUNT=2000] [LARGE_COUNT=20] [LARGE_FRAMES=100]   (CASES="stow 4,small 1" picks rows)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/data/dicom"
small_n="${1:-2000}"; large_n="${2:-20}"; large_frames="${3:-100}"
work="$root/target/bench-ingest"; inputs="$work/inputs"
rm -rf "$work"; mkdir -p "$work"
"$root/lumen" --version >/dev/null
jar="$root/lumen-cli/target/lumen.jar"
/usr/bin/python3 "$root/benchmarks/make_ingest_inputs.py" "$corpus" "$inputs" "$small_n" "$large_n" "$large_frames"
# A few instances sent to each target before the clock starts: both are measured warm (JIT, caches, index pages).
/usr/bin/python3 "$root/benchmarks/make_ingest_inputs.py" "$corpus" "$work/warmup" 20 1 4
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "port $1 never opened" >&2; return 1; }

pid=""; dport=""; hport=""; aet=""
start_lumen() {
  rm -rf "$work/lumen-data"; dport=$(free_port); hport=$(free_port); aet=LUMEN
  java -jar "$jar" serve --data "$work/lumen-data" --dicom-port "$dport" --http-port "$hport" > "$work/lumen.log" 2>&1 &
  pid=$!; wait_port "$dport"; wait_port "$hport"
}
start_orthanc() {
  rm -rf "$work/orthanc-db"; mkdir -p "$work/orthanc-db"; dport=$(free_port); hport=$(free_port); aet=ORTHANC
  cat > "$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc-db", "IndexDirectory": "$work/orthanc-db",
  "HttpServerEnabled": true, "HttpPort": $hport, "HttpBindAddress": "127.0.0.1", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomServerEnabled": true, "DicomAet": "ORTHANC", "DicomPort": $dport,
  "DicomAlwaysAllowStore": true, "DicomCheckModalityHost": false,
  "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ], "DicomWeb": { "Enable": true, "Root": "/dicom-web/" } }
JSON
  Orthanc "$work/orthanc.json" > "$work/orthanc.log" 2>&1 &
  pid=$!; wait_port "$dport"; wait_port "$hport"
}
warm_up() { TCP_NODELAY=1 storescu -aec "$aet" 127.0.0.1 "$dport" "$work"/warmup/small/*.dcm "$work"/warmup/large/*.dcm > "$work/warmup.log" 2>&1; }
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }

# storescu over N parallel associations; prints instances/s
cstore() {
  local dir="$1" parallel="$2"; local files=("$dir"/*.dcm); local count=${#files[@]}
  local t0; t0=$(date +%s.%N)
  for ((k = 0; k < parallel; k++)); do
    local part=()
    for ((i = k; i < count; i += parallel)); do part+=("${files[$i]}"); done
    TCP_NODELAY=1 storescu -aec "$aet" 127.0.0.1 "$dport" "${part[@]}" > "$work/storescu-$k.log" 2>&1 &
  done
  wait
  local t1; t1=$(date +%s.%N)
  /usr/bin/python3 -c "print(f'{$count/($t1-$t0):.1f}')"
}

# STOW-RS: 4 curls in parallel, batches of 50 instances per request
mkdir -p "$work/stow"
/usr/bin/python3 - "$inputs/small" "$work/stow" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
files = sorted(os.listdir(src))
for b in range(0, len(files), 50):
    with open(os.path.join(out, "batch%04d.mime" % (b // 50)), "wb") as body:
        for f in files[b:b + 50]:
            body.write(b"--lumenbench\r\nContent-Type: application/dicom\r\n\r\n")
            body.write(open(os.path.join(src, f), "rb").read())
            body.write(b"\r\n")
        body.write(b"--lumenbench--\r\n")
PY
stow() {
  local t0; t0=$(date +%s.%N)
  ls "$work"/stow/*.mime | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
    -H 'Content-Type: multipart/related; type="application/dicom"; boundary=lumenbench' -H 'Accept: application/dicom+json' \
    --data-binary @{} "http://127.0.0.1:$hport/dicom-web/studies" > "$work/stow-codes.log"
  local t1; t1=$(date +%s.%N)
  if grep -qv '^200$' "$work/stow-codes.log"; then echo "STOW-RS answers other than 200: $(sort "$work/stow-codes.log" | uniq -c | tr '\n' ' ')" >&2; fi
  /usr/bin/python3 -c "print(f'{$small_n/($t1-$t0):.1f}')"
}

echo "# ingest benchmark: $small_n small CT instances (39 KB), $large_n multi-frame CT instances ($large_frames frames, $((large_frames / 2)) MB); $(nproc) cores; $(date +%F)"
printf '%-40s %12s %12s %8s\n' "measurement (instances/s)" "lumen" "orthanc" "ratio"
IFS=, read -r -a cases <<< "${CASES:-small 1,small 4,large 1,large 4,stow 4}"   # e.g. CASES="stow 4" for one row
for case in "${cases[@]}"; do
  set -- $case; results=()
  for target in lumen orthanc; do
    "start_$target"; warm_up
    if [ "$1" = stow ]; then results+=("$(stow)"); else results+=("$(cstore "$inputs/$1" "$2")"); fi
    stop
  done
  label="C-STORE $1, $2 association(s)"; [ "$1" = stow ] && label="STOW-RS small, 4 parallel requests"
  printf '%-40s %12s %12s %8s\n' "$label" "${results[0]}" "${results[1]}" \
    "$(/usr/bin/python3 -c "print(f'{${results[0]}/${results[1]}:.2f}x')")"
done
