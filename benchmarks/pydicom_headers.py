"""Parse the headers of the files listed in a file, the way Lumen's `bench headers` does, with pydicom.

Usage: python3 pydicom_headers.py LIST_FILE [REPEAT]
REPEAT 0: one cold pass; otherwise 2 warm-up passes then REPEAT timed passes (in-process figure).
"""
import os
import sys
import time

import pydicom


def one_pass(files):
    failed = 0
    for f in files:
        try:
            pydicom.dcmread(f, stop_before_pixels=True, force=True)
        except Exception:
            failed += 1
    return failed


def main():
    files = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    size = sum(os.path.getsize(f) for f in files)
    passes = max(repeat, 1)
    if repeat > 0:
        for _ in range(2):
            one_pass(files)
    start = time.perf_counter()
    failed = 0
    for _ in range(passes):
        failed = one_pass(files)
    seconds = time.perf_counter() - start
    label = "pydicom (in-process, warm)" if repeat > 0 else "pydicom (one cold pass)"
    print("%-28s files=%d passes=%d seconds=%.3f files/s=%.0f MB/s=%.1f parse-errors=%d"
          % (label, len(files), passes, seconds, len(files) * passes / seconds, size * passes / seconds / 1e6, failed))


if __name__ == "__main__":
    main()
