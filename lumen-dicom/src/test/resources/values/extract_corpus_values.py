#!/usr/bin/python3
"""One-off extraction of real AS/DA/DS/DT/IS/PN/TM values from the shared DICOM corpus into corpus-values.tsv.

Run with the Debian pydicom (2.3.1):  /usr/bin/python3 extract_corpus_values.py /work/shared/data/dicom > corpus-values.tsv

The first line is a comment naming the columns. Values are taken from the raw element bytes (before pydicom's own conversion), so producer errors survive. Each line is
    VR <TAB> value <TAB> first file (relative to the corpus root) that holds it
de-duplicated on (VR, value). Control characters in values are written as \\uXXXX (a backslash never occurs in a single
value because it is the value delimiter). Empty values are left out. Nested sequences are walked.
"""
import os
import sys

import pydicom
from pydicom.charset import convert_encodings, decode_bytes
from pydicom.datadict import dictionary_VR
from pydicom.tag import Tag

WANTED = ("AS", "DA", "DS", "DT", "IS", "PN", "TM")
PN_DELIMITERS = {0x5C, 0x3D, 0x5E}


def escape(text):
    return "".join(c if 0x20 <= ord(c) != 0x7F else "\\u%04X" % ord(c) for c in text)


def vr_of(raw, tag):
    if raw.VR:
        return raw.VR
    try:
        return dictionary_VR(tag)
    except KeyError:
        return None


def encodings_of(dataset, inherited):
    raw = dataset.get_item(Tag(0x0008, 0x0005))
    if raw is None or not raw.value:
        return inherited
    value = raw.value
    if isinstance(value, bytes):
        names = [n.strip() for n in value.decode("ascii", "replace").split("\\")]
    else:  # pydicom converts Specific Character Set while reading
        names = [value] if isinstance(value, str) else list(value)
    try:
        return convert_encodings(names)
    except Exception:
        return inherited


def walk(dataset, encodings, found):
    encodings = encodings_of(dataset, encodings)
    for tag in list(dataset.keys()):
        raw = dataset.get_item(tag)
        vr = vr_of(raw, tag)
        if vr == "SQ":
            try:
                for item in dataset[tag].value:
                    walk(item, encodings, found)
            except Exception as error:
                print("skipping sequence %s: %s" % (tag, error), file=sys.stderr)
            continue
        if vr not in WANTED or raw.value is None or not isinstance(raw.value, bytes):
            continue
        if vr == "PN":
            text = decode_bytes(raw.value, encodings, PN_DELIMITERS)
        else:
            text = raw.value.decode("latin-1")
        text = text.rstrip("\0")
        for value in text.split("\\"):
            if value.strip(" \0"):
                found(vr, value)


def main(root):
    seen = {}
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            try:
                dataset = pydicom.dcmread(path, force=True)
            except Exception as error:
                print("unreadable %s: %s" % (relative, error), file=sys.stderr)
                continue
            try:
                walk(dataset, ["iso8859"], lambda vr, value: seen.setdefault((vr, value), relative))
            except Exception as error:
                print("partly read %s: %s" % (relative, error), file=sys.stderr)
    print("# VR\tvalue\tfirst file holding it, relative to shared/data/dicom (written by extract_corpus_values.py)")
    for (vr, value), relative in sorted(seen.items()):
        print("%s\t%s\t%s" % (vr, escape(value), relative))


if __name__ == "__main__":
    main(sys.argv[1])
