#!/usr/bin/python3
"""Regenerate lumen-dicom's data dictionary files from the PS3.6 tables installed by Debian.

Run with Debian's interpreter, which carries pydicom 2.3.1:

    /usr/bin/python3 tools/dictionary/import_ps36.py

It rewrites three files under lumen-dicom/src/main/dictionary/:

  elements.tsv  every PS3.6 data element (tag, keyword, name, VR, VM, retired)
  uids.tsv      the PS3.6 Annex A UID registry (uid, keyword, name, type, retired)
  private.tsv   vendor private elements (creator, group, element, keyword, VR, VM)

Sources and which one is the truth
----------------------------------
* Standard elements and UIDs: pydicom 2.3.1's _dicom_dict.py and _uid_dict.py are the truth. pydicom generates
  them from the PS3.6 DocBook of edition 2022a (pydicom pull request 1620, "update DICOM dictionaries to 2022a").
  They keep the standard's names, retired flags and multi-VR notation ("US or SS"), which dcmtk's file does not.
* dcmtk 3.6.7's dicom.dic (PS3.6 2022b) is used only as a cross-check, and to fill the few elements that 2022b
  added after 2022a (LATER_ELEMENTS below; VR, VM and keyword as dcmtk lists them, name as PS3.6 spells it).
* UIDs that both installed sources predate but Lumen must know are listed in LATER_UIDS, with the edition.
* Private elements: dcmtk's private.dic, which is data. Only the plain forms are imported:
  (gggg,"CREATOR",ee) becomes element "xxEE" (any block the creator reserved), and (gggg,"CREATOR",eeee)
  becomes element "EEEE" (that element number only). The 27 entries with odd repeating groups (gggg-o-gggg,
  DLX and PAPYRUS overlays) are left out. dcmtk's placeholder keyword "Unknown" is written as an empty keyword.

VR differences between the two standard sources that matter for implicit VR
----------------------------------------------------------------------------
Reading an implicit VR file takes each element's VR from the dictionary, so a VR disagreement changes how the bytes
are decoded. Comparing pydicom 2.3.1 with dcmtk's dicom.dic element by element (see check_against_dcmtk):
* (0028,3006) LUT Data: PS3.6 says "US or OW"; dcmtk says US, SS or OW ("lt"). The bytes are 16-bit words either
  way; whether they are signed follows from the LUT Descriptor, not the dictionary. We keep PS3.6.
* dcmtk's "xs" (US or SS), "ox"/"px" (OB or OW) and "up" (UL, an offset) are the same VRs written differently.
Every other element that both list has the same VR. The Java test DcmtkDictionaryComparisonTest repeats this
comparison on every build and allows only the differences documented there.
"""

import os
import re
import sys

from pydicom import __version__ as PYDICOM_VERSION
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary
from pydicom._uid_dict import UID_dictionary

PYDICOM_EDITION = "2022a"
DCMTK_DICOM_DIC = "/usr/share/libdcmtk17/dicom.dic"
DCMTK_PRIVATE_DIC = "/usr/share/libdcmtk17/private.dic"
DCMTK_EDITION = "2022b"

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT_DIR = os.path.join(REPO_ROOT, "lumen-dicom", "src", "main", "dictionary")

# Elements that PS3.6 2022b added after pydicom's 2022a tables: (tag, keyword, name, VR, VM).
# Keyword, VR and VM are dcmtk's (2022b); the name is the PS3.6 name of that keyword.
LATER_ELEMENTS = [
    ("(0006,0001)", "CurrentFrameFunctionalGroupsSequence", "Current Frame Functional Groups Sequence", "SQ", "1"),
    ("(0008,0017)", "AcquisitionUID", "Acquisition UID", "UI", "1"),
    ("(0008,0019)", "PyramidUID", "Pyramid UID", "UI", "1"),
    ("(0008,1088)", "PyramidDescription", "Pyramid Description", "LO", "1"),
    ("(0020,0027)", "PyramidLabel", "Pyramid Label", "LO", "1"),
]

# Transfer syntaxes added to PS3.5/PS3.6 in 2023 (High-Throughput JPEG 2000), after both installed sources.
# (uid, keyword, name, type)
LATER_UIDS = [
    ("1.2.840.10008.1.2.4.201", "HTJ2KLossless",
     "High-Throughput JPEG 2000 Image Compression (Lossless Only)", "Transfer Syntax"),
    ("1.2.840.10008.1.2.4.202", "HTJ2KLosslessRPCL",
     "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", "Transfer Syntax"),
    ("1.2.840.10008.1.2.4.203", "HTJ2K",
     "High-Throughput JPEG 2000 Image Compression", "Transfer Syntax"),
]

# dcmtk's VR codes for elements with more than one VR, in PS3.6 notation.
DCMTK_VR_CODES = {"xs": "US|SS", "ox": "OB|OW", "px": "OB|OW", "lt": "US|SS|OW", "up": "UL", "na": "NONE"}

VALID_VRS = set("AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV"
                .split())


def vr_text(pydicom_vr):
    """'US or SS' -> 'US|SS'; 'NONE' (items and delimiters) stays 'NONE'."""
    if pydicom_vr == "NONE":
        return "NONE"
    vrs = [part.strip() for part in pydicom_vr.split(" or ")]
    unknown = [vr for vr in vrs if vr not in VALID_VRS]
    if unknown:
        sys.exit(f"unknown VR {unknown} in pydicom table entry {pydicom_vr!r}")
    return "|".join(vrs)


def name_text(name):
    # pydicom marks a few retired elements whose name PS3.6 leaves blank as "Retired-blank".
    return "" if name == "Retired-blank" else name


def tag_from_int(tag):
    return "(%04X,%04X)" % (tag >> 16, tag & 0xFFFF)


def tag_from_mask(mask):
    """pydicom's '60xx3000' -> '(60xx,3000)'; hex digits upper case, the mask's x lower case."""
    if not re.fullmatch(r"[0-9A-Fa-fx]{8}", mask):
        sys.exit(f"unexpected repeater mask {mask!r}")
    text = mask.upper().replace("X", "x")
    return f"({text[:4]},{text[4:]})"


def tag_sort_key(tag_text):
    digits = tag_text[1:5] + tag_text[6:10]
    return (int(digits.replace("x", "0"), 16), digits)


def read_elements():
    rows = {}
    for tag, (vr, vm, name, retired, keyword) in DicomDictionary.items():
        rows[tag_from_int(tag)] = (keyword, name_text(name), vr_text(vr), vm, retired == "Retired")
    for mask, (vr, vm, name, retired, keyword) in RepeatersDictionary.items():
        rows[tag_from_mask(mask)] = (keyword, name_text(name), vr_text(vr), vm, retired == "Retired")
    for tag, keyword, name, vr, vm in LATER_ELEMENTS:
        if tag in rows:
            sys.exit(f"{tag} is already in pydicom's table; drop it from LATER_ELEMENTS")
        rows[tag] = (keyword, name, vr, vm, False)
    keywords = [row[0] for row in rows.values() if row[0]]
    duplicates = sorted({k for k in keywords if keywords.count(k) > 1})
    if duplicates:
        sys.exit(f"keywords used twice: {duplicates}")
    return rows


def read_uids():
    rows = {}
    for uid, (name, uid_type, _info, retired, keyword) in UID_dictionary.items():
        rows[uid] = (keyword, name, uid_type, retired == "Retired")
    for uid, keyword, name, uid_type in LATER_UIDS:
        if uid in rows:
            sys.exit(f"{uid} is already in pydicom's table; drop it from LATER_UIDS")
        rows[uid] = (keyword, name, uid_type, False)
    return rows


def uid_sort_key(uid):
    return [int(arc) for arc in uid.split(".")]


def read_dcmtk_lines(path):
    with open(path, encoding="latin-1") as source:
        for line in source:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def repeating_match(elements, tag):
    """The entry whose repeating tag, such as (1000,xxx0), covers a concrete tag such as (1000,0010)."""
    for pattern, row in elements.items():
        if "x" in pattern and re.fullmatch(pattern.replace("(", r"\(").replace(")", r"\)").replace("x", "."), tag):
            return row
    return None


def check_against_dcmtk(elements):
    """Prints every element whose VR differs between pydicom and dcmtk, and what only dcmtk lists."""
    for fields in read_dcmtk_lines(DCMTK_DICOM_DIC):
        tag, vr, keyword = fields[0], fields[1], fields[2]
        if "-" in tag:
            continue  # ranges: repeating groups and the generic private/group-length rules, checked by the Java test
        ours = elements.get(tag.upper()) or repeating_match(elements, tag.upper())
        dcmtk_vr = DCMTK_VR_CODES.get(vr, vr)
        if ours is None:
            print(f"  only in dcmtk: {tag} {keyword} {dcmtk_vr}")
        elif ours[2] != dcmtk_vr:
            print(f"  VR differs: {tag} {keyword}: PS3.6 {ours[2]}, dcmtk {dcmtk_vr}")


PRIVATE_LINE = re.compile(r'\(([0-9A-Fa-f]{4}),"([^"]+)",([0-9A-Fa-f]{2}|[0-9A-Fa-f]{4})\)')


def read_private():
    rows = {}
    skipped = 0
    for fields in read_dcmtk_lines(DCMTK_PRIVATE_DIC):
        match = PRIVATE_LINE.fullmatch(fields[0])
        if not match:
            skipped += 1
            continue
        group, creator, element = match.group(1).upper(), match.group(2), match.group(3).upper()
        element = "xx" + element if len(element) == 2 else element
        vr = DCMTK_VR_CODES.get(fields[1], fields[1])
        if any(part not in VALID_VRS for part in vr.split("|")):
            sys.exit(f"unknown VR {fields[1]!r} in private.dic line {fields}")
        keyword = "" if fields[2] == "Unknown" else fields[2]
        rows[(creator, group, element)] = (keyword, vr, fields[3])  # a later line overrides, as in dcmtk
    return rows, skipped


def write_tsv(file_name, header_lines, columns, rows):
    path = os.path.join(OUTPUT_DIR, file_name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in header_lines:
            out.write(f"# {line}\n")
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {path}: {len(rows)} rows")


def main():
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    regenerate = "Regenerate with /usr/bin/python3 tools/dictionary/import_ps36.py; do not edit by hand."

    elements = read_elements()
    later_tags = ", ".join(tag for tag, *_ in LATER_ELEMENTS)
    write_tsv("elements.tsv", [
        f"DICOM PS3.6 data elements, edition {PYDICOM_EDITION}, from pydicom {PYDICOM_VERSION} (Debian) _dicom_dict.py;",
        f"plus from PS3.6 {DCMTK_EDITION} (dcmtk dicom.dic): {later_tags}.",
        "tag: (gggg,eeee), x marks a repeating hex digit; vr: alternatives joined by |, NONE for items and delimiters;",
        "retired: Y or N. " + regenerate,
    ], ["tag", "keyword", "name", "vr", "vm", "retired"], [
        (tag, kw, name, vr, vm, "Y" if retired else "N")
        for tag, (kw, name, vr, vm, retired) in sorted(elements.items(), key=lambda item: tag_sort_key(item[0]))
    ])

    uids = read_uids()
    later_uids = ", ".join(uid for uid, *_ in LATER_UIDS)
    write_tsv("uids.tsv", [
        f"DICOM PS3.6 Annex A UIDs, edition {PYDICOM_EDITION}, from pydicom {PYDICOM_VERSION} (Debian) _uid_dict.py;",
        f"plus the HTJ2K transfer syntaxes added in 2023: {later_uids}.",
        "retired: Y or N. " + regenerate,
    ], ["uid", "keyword", "name", "type", "retired"], [
        (uid, kw, name, uid_type, "Y" if retired else "N")
        for uid, (kw, name, uid_type, retired) in sorted(uids.items(), key=lambda item: uid_sort_key(item[0]))
    ])

    private, skipped = read_private()
    write_tsv("private.tsv", [
        "Private data elements from dcmtk 3.6.7 private.dic (Debian libdcmtk17), plain forms only.",
        "element: xxEE = element byte EE in whichever block (gggg,00xx) the creator reserved; EEEE = that element only.",
        "keyword empty where dcmtk says Unknown. " + regenerate,
    ], ["creator", "group", "element", "keyword", "vr", "vm"], [
        (creator, group, element, kw, vr, vm)
        for (creator, group, element), (kw, vr, vm) in sorted(private.items())
    ])
    print(f"private.dic: skipped {skipped} entries with repeating groups")

    print(f"Comparison with dcmtk {DCMTK_EDITION} dicom.dic:")
    check_against_dcmtk(elements)


if __name__ == "__main__":
    main()
