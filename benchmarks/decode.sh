#!/usr/bin/env bash
# Decode benchmark, side by side in one run: Lumen, GDCM (gdcmconv --raw) and dcmtk's decompressors (dcmdjpeg, dcmdjpls,
# dcmdrle) over the same files, per transfer syntax.
# Inputs: every encapsulated file of the corpus, plus larger images encoded by the peers themselves (GDCM and dcmtk
# encoders, never ours) from the corpus' biggest native images, in target/bench-inputs.
# Whole process: wall time to decode every file of the syntax: one peer process per file (start-up included); one Lumen
# process for the whole list (JVM start-up included once).
# In-process: Lumen under JMH (lumen-bench, one thread); GDCM through Debian's python3-gdcm (the same libgdcm, timing
# only Image.GetBuffer(), which decodes; benchmarks/gdcm_decode.py); dcmtk has no binding here, so its figure is the
# whole-process time minus its start-up (the same number of runs on a tiny uncompressed file).
# MB/s are decoded (uncompressed) bytes per second. Usage: benchmarks/decode.sh [CORPUS_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/dicom}"
work="$root/target/bench-decode"; inputs="$root/target/bench-inputs"
rm -rf "$work"; mkdir -p "$work" "$inputs"
/usr/bin/python3 -c 'import gdcm' 2>/dev/null || { echo "decode.sh needs python3-gdcm: apt-get install python3-gdcm" >&2; exit 2; }
"$root/lumen" --version >/dev/null   # build first, outside the timings
(cd "$root" && mvn -B -q -ntp -Pbench -pl lumen-bench -am package -DskipTests)
jar="$root/lumen-cli/target/lumen.jar"; jmh="$root/lumen-bench/target/benchmarks.jar"

# Larger inputs, encoded by the peers.
mr="$corpus/pydicom-data/MR2_UNCR.dcm"                       # 1024x1024, 12 of 16 bits
ct="$corpus/dicomParser/testImages/encapsulated/multi-frame/CT0012.explicit_little_endian.dcm"  # 2 x 512x512 16 bits
us="$corpus/pydicom-data/US1_UNCR.dcm"                       # 640x480 RGB 8 bits
if [ ! -f "$inputs/.done" ]; then
  for src in "$mr" "$ct" "$us"; do
    b=$(basename "$src" .dcm)
    gdcmconv --rle "$src" "$inputs/$b.gdcm-rle.dcm"
    gdcmconv --jpeg "$src" "$inputs/$b.gdcm-jpeg-lossless.dcm"
    gdcmconv --jpegls "$src" "$inputs/$b.gdcm-jpegls.dcm"
    gdcmconv --quiet --jpegls --lossy --allowed-error 2 "$src" "$inputs/$b.gdcm-jpegls-near2.dcm"
    gdcmconv --j2k "$src" "$inputs/$b.gdcm-j2k-lossless.dcm"
    gdcmconv --quiet --j2k --lossy --irreversible -q 40 "$src" "$inputs/$b.gdcm-j2k-lossy.dcm" || true
    dcmcjpeg +e1 "$src" "$inputs/$b.dcmtk-jpeg-sv1.dcm" || true
    dcmcjpeg +el "$src" "$inputs/$b.dcmtk-jpeg-p14.dcm" || true
  done
  dcmcjpeg +eb "$us" "$inputs/US1.dcmtk-jpeg-baseline.dcm"
  dcmcjpeg +ee "$mr" "$inputs/MR2.dcmtk-jpeg-extended12.dcm"
  touch "$inputs/.done"
fi

{ find "$corpus" -type f -name '*.dcm'; find "$inputs" -name '*.dcm'; } | sort > "$work/all.list"
java -jar "$jar" bench decode "$work/all.list" --split "$work"
# A tiny native file: what a peer process costs before it decodes anything.
tiny="$corpus/pydicom/test_files/CT_small.dcm"

secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
per_file() { # tool-command-prefix... ; runs it on each file of $list, writing to a scratch file
  local t0 t1; t0=$(date +%s.%N)
  while read -r f; do "$@" "$f" "$work/out.dcm" >/dev/null 2>&1 || true; done < "$list"
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc
}
startup() { local t0 t1 n; n=$(wc -l < "$list"); t0=$(date +%s.%N)
  for _ in $(seq "$n"); do "$@" "$tiny" "$work/out.dcm" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc
}
mbs() { if [ "$(echo "$2 > 0.001" | bc -l)" = 1 ]; then echo "scale=1; $1 / 1000000 / $2" | bc -l; else echo "n/a"; fi; }
dcmtk_tool() { case "$1" in 1.2.840.10008.1.2.4.5*|1.2.840.10008.1.2.4.70) echo dcmdjpeg;; 1.2.840.10008.1.2.4.8*) echo dcmdjpls;;
  1.2.840.10008.1.2.5) echo dcmdrle;; *) echo "";; esac; }

echo "# decode benchmark: corpus $corpus + peer-encoded inputs; $(nproc) cores; $(date -u +%F)"
printf '%-26s %5s %9s | %12s %12s %12s | %12s %12s %12s\n' "transfer syntax" files "MB" \
  "lumen-proc" "gdcm-proc" "dcmtk-proc" "lumen-inproc" "gdcm-inproc" "dcmtk-decode"
for list in "$work"/*.list; do
  ts=$(basename "$list" .list); [ "$ts" = all ] && continue
  files=$(wc -l < "$list")
  bytes=$(cat "$work/$ts.bytes")
  lumen_whole=$(secs java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" bench decode "$list")
  gdcm_whole=$(per_file gdcmconv --raw)
  gdcm_inproc=$(/usr/bin/python3 "$root/benchmarks/gdcm_decode.py" "$list" 5 2>/dev/null | sed -n 's/.*MB\/s=\([0-9.]*\).*/\1/p' || true)
  tool=$(dcmtk_tool "$ts"); dcmtk_whole="-"; dcmtk_dec="-"
  if [ -n "$tool" ]; then
    dcmtk_whole=$(per_file "$tool"); dcmtk_start=$(startup "$tool")
    dcmtk_dec=$(echo "$dcmtk_whole - $dcmtk_start" | bc); dcmtk_whole=$(mbs "$bytes" "$dcmtk_whole"); dcmtk_dec=$(mbs "$bytes" "$dcmtk_dec")
  fi
  ms=$(java -jar "$jmh" DecodeBenchmark -p list="$list" -f 1 -wi 3 -i 5 -w 1 -r 1 2>/dev/null | awk '/^DecodeBenchmark.decodeAllFrames/ {print $(NF-3)}')
  inproc=$( [ -n "$ms" ] && mbs "$bytes" "$(echo "$ms / 1000" | bc -l)" || echo "-")
  printf '%-26s %5d %9.1f | %12s %12s %12s | %12s %12s %12s\n' "$ts" "$files" "$(echo "$bytes / 1000000" | bc -l)" \
    "$(mbs "$bytes" "$lumen_whole")" "$(mbs "$bytes" "$gdcm_whole")" "$dcmtk_whole" \
    "$inproc" "${gdcm_inproc:--}" "$dcmtk_dec"
done
echo "(MB/s of decoded bytes; -proc: whole processes; lumen-inproc: JMH; gdcm-inproc: python3-gdcm GetBuffer();"
echo " dcmtk-decode: dcmtk's whole-process time minus its start-up;"
echo " MB are what the files hold decoded, by their headers; a file a tool refuses is timed as it fails;"
echo " n/a: start-up noise exceeds the decoding time)"
