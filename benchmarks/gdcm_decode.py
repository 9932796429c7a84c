#!/usr/bin/python3
"""GDCM's in-process decode throughput: every frame of every file in a list, through Debian's python3-gdcm (the same
libgdcm 3.0.21 with libjpeg, CharLS and OpenJPEG that gdcmconv uses). Files are read first; only Image.GetBuffer(),
which decodes the pixel data each time it is called, is timed, after one warm-up call per file. The binding's
conversion of the result to a Python string is included (a copy, small beside decoding).
Usage: gdcm_decode.py LIST_FILE [PASSES]   prints: gdcm-inproc MB=<decoded MB> seconds=<s> MB/s=<rate> failed=<n>"""
import sys
import time

import gdcm


def main():
    paths = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    gdcm.Trace.SetWarning(False)
    images, failed = [], 0
    for path in paths:
        reader = gdcm.ImageReader()
        reader.SetFileName(path)
        if not reader.Read():
            failed += 1
            continue
        image = reader.GetImage()
        if image.GetPixelFormat().GetBitsAllocated() % 8:
            failed += 1  # libgdcm 3.0.21 aborts (an assertion) on GetBuffer() of 1-bit images
            continue
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
