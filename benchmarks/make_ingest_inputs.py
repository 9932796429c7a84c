#!/usr/bin/python3
"""Makes the ingest benchmark's inputs from two corpus files, with fresh UIDs (pydicom, not Lumen, writes them):
small/: N small CT instances (pydicom's CT_small, 39 KB) in studies of 100; large/: M multi-frame CT instances made by
repeating the frames of a 2 x 512 x 512 CT to F frames (F * 0.5 MB each).
Usage: make_ingest_inputs.py CORPUS OUT N M F"""
import os
import sys

import pydicom
from pydicom.uid import generate_uid

corpus, out, n, m, frames = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])


def write(ds, path, study, series):
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(path, write_like_original=False)


small = pydicom.dcmread(os.path.join(corpus, "pydicom/test_files/CT_small.dcm"))
os.makedirs(os.path.join(out, "small"), exist_ok=True)
for i in range(n):
    if i % 100 == 0:
        study, series = generate_uid(), generate_uid()
        small.PatientID = "BENCH%04d" % (i // 100)
        small.AccessionNumber = "A%06d" % (i // 100)
    small.InstanceNumber = i % 100 + 1
    write(small, os.path.join(out, "small", "ct%05d.dcm" % i), study, series)

large = pydicom.dcmread(os.path.join(corpus, "dicomParser/testImages/encapsulated/multi-frame/CT0012.explicit_little_endian.dcm"))
per_frame = len(large.PixelData) // int(large.NumberOfFrames)
pixels = (large.PixelData[:per_frame * int(large.NumberOfFrames)] * (frames // int(large.NumberOfFrames) + 1))[:per_frame * frames]
large.PixelData = pixels
large.NumberOfFrames = frames
os.makedirs(os.path.join(out, "large"), exist_ok=True)
study, series = generate_uid(), generate_uid()
for i in range(m):
    large.InstanceNumber = i + 1
    write(large, os.path.join(out, "large", "mf%03d.dcm" % i), study, series)
