#!/usr/bin/python3
"""GDCM's in-process decode throughput: every frame of every file in a list, through Debian's python3-gdcm (the same
libgdcm 3.0.21 with libjpeg, CharLS and OpenJPEG that gdcmconv uses). Files are read first; only Image.GetBuffer(),
which decodes the pixel data each time it is called, is timed, after one warm-up call per file. The binding's
conversion of the result to a Python string is included (a copy, small beside decoding).
Usage: gdcm_decode.py LIST_FILE [PASSES]   prints: gdcm-inproc MB=<decoded MB> seconds=<s> MB/s=<rate> failed=<n>"""
import subprocess
import sys
import time

import gdcm


def survives(path):
    """libgdcm 3.0.21 aborts the process (a C assertion) on some images (1-bit, some 16/32-bit RGB RLE): probe each file
    in a child process first and leave those out, counted as failed."""
    probe = "import gdcm,sys; r=gdcm.ImageReader(); r.SetFileName(sys.argv[1]); r.Read() or sys.exit(1); r.GetImage().GetBuffer()"
    return subprocess.run([sys.executable, "-c", probe, path], capture_output=True).returncode == 0


def main():
    paths = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    gdcm.Trace.SetWarning(False)
    images, failed = [], 0
    for path in paths:
        if not survives(path):
            failed += 1
            continue
        reader = gdcm.ImageReader()
        reader.SetFileName(path)
        if not reader.Read():
            failed += 1
            continue
        image = reader.GetImage()
        try:
            image.GetBuffer()  # the binding returns the bytes as a str; its length is not the buffer's, so not checked
        except Exception:
            failed += 1
            continue
        images.append((reader, image))
    decoded = sum(image.GetBufferLength() for _, image in images)
    start = time.perf_counter()
    for _ in range(passes):
        for _, image in images:
            image.GetBuffer()
    seconds = time.perf_counter() - start
    rate = decoded * passes / 1e6 / seconds if seconds > 0 else 0.0
    print(f"gdcm-inproc MB={decoded / 1e6:.1f} seconds={seconds:.3f} MB/s={rate:.1f} failed={failed}")


if __name__ == "__main__":
    main()
