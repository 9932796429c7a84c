#!/usr/bin/python3
"""Regenerates expected-names.tsv from the pydicom charset test files.

Run with the Debian pydicom (2.3.1), from this folder:
  /usr/bin/python3 make-expected-names.py ../../../../../../shared/data/dicom/pydicom/charset_files > expected-names.tsv
It writes the TSV to stdout. Columns:
  file       file name in the charset_files folder
  path       element path; nested items are written "(gggg,eeee)[i]/(gggg,eeee)"
  vr         value representation (PN decodes with the person-name delimiters)
  charset    effective Specific Character Set of the element, values joined by a backslash
             (an item without its own (0008,0005) inherits the enclosing one)
  raw_hex    the value bytes exactly as stored in the file, padding included
  canonical_hex  empty when re-encoding must reproduce raw_hex (padding stripped) byte for byte; otherwise
             the bytes pydicom's encoder writes for the expected text. Only filled for code-extension
             (ISO 2022) sets whose producer wrote a redundant or non-initial escape sequence.
  expected   the text pydicom's decoder gives (pydicom.charset.decode_bytes per value, and per component
             group for PN), multiple values joined by a backslash. It is checked against Dataset.decode();
             the only difference allowed is the trailing empty PN group ("...=") that PersonName drops.
Only text elements whose raw bytes are non-ASCII or contain ESC are listed.
"""
import glob
import os
import sys

import pydicom
from pydicom.charset import TEXT_VR_DELIMS, convert_encodings, decode_bytes, encode_string
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence
from pydicom.valuerep import PersonName

TEXT_VRS = {"PN", "LO", "SH", "LT", "ST", "UT", "UC"}


def terms_of(value):
    if value is None:
        return [""]
    if isinstance(value, (bytes, str)):
        value = value.decode("ascii") if isinstance(value, bytes) else value
        return [v.strip() for v in value.split("\\")]
    return [v.strip() for v in value]


def text_of(value):
    if isinstance(value, (MultiValue, list)):
        return "\\".join(str(v) for v in value)
    return str(value)


def pydicom_decoding(value, vr, terms):
    encodings = convert_encodings(terms)
    values = value.rstrip(b" ").split(b"\\")
    if vr == "PN":
        return "\\".join("=".join(decode_bytes(group, encodings, {0x5E, 0x3D}) for group in v.split(b"="))
                          for v in values)
    return "\\".join(decode_bytes(v, encodings, TEXT_VR_DELIMS) for v in values)


def pydicom_encoding(text, vr, terms):
    encodings = convert_encodings(terms)
    values = text.split("\\")
    if vr == "PN":
        return b"\\".join(PersonName(v).encode(encodings) for v in values)
    return b"\\".join(encode_string(v, encodings) for v in values)


def rows_of(raw_ds, decoded_ds, terms, prefix, file_name):
    own = raw_ds.get_item((0x0008, 0x0005))
    if own is not None:
        terms = terms_of(decoded_ds.SpecificCharacterSet)
    for tag in raw_ds.keys():
        if tag.group == 0x0002:
            continue
        raw = raw_ds.get_item(tag)
        path = prefix + "(%04X,%04X)" % (tag.group, tag.element)
        decoded = decoded_ds[tag]
        if decoded.VR == "SQ":
            for index, (raw_item, decoded_item) in enumerate(zip(raw_ds[tag].value, decoded.value)):
                yield from rows_of(raw_item, decoded_item, terms, "%s[%d]/" % (path, index), file_name)
            continue
        if decoded.VR not in TEXT_VRS:
            continue
        value = raw.value if isinstance(raw.value, bytes) else None
        if value is None or not any(b >= 0x80 or b == 0x1B for b in value):
            continue
        expected = pydicom_decoding(value, decoded.VR, terms)
        by_dataset = text_of(decoded.value)
        assert [v.rstrip("=") for v in expected.split("\\")] == [v.rstrip("=") for v in by_dataset.split("\\")], \
            (file_name, path, expected, by_dataset)
        stripped = value.rstrip(b" ")
        canonical = b""
        if any(t.startswith("ISO 2022") for t in terms):
            by_pydicom = pydicom_encoding(expected, decoded.VR, terms)
            if by_pydicom != stripped:
                canonical = by_pydicom
        for field in (expected,):
            assert "\t" not in field and "\n" not in field and "\r" not in field, file_name
        yield [file_name, path, decoded.VR, "\\".join(terms), value.hex(), canonical.hex(), expected]


def main(folder):
    print("\t".join(["file", "path", "vr", "charset", "raw_hex", "canonical_hex", "expected"]))
    for name in sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, "*.dcm"))):
        raw_ds = pydicom.dcmread(os.path.join(folder, name))
        decoded_ds = pydicom.dcmread(os.path.join(folder, name))
        decoded_ds.decode()
        for row in rows_of(raw_ds, decoded_ds, [""], "", name):
            print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1])
