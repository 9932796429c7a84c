package org.lumen.image.roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;

/**
 * Reads a label map on its own grid, for volumetry: a NIfTI as it is (its voxel values are the labels), or a DICOM SEG with
 * all its segments, each voxel holding its Segment Number (see {@link SegmentationGrid} for the grid a SEG's frames give).
 * An RTSTRUCT has no grid of its own: rasterise it onto an image with {@link RoiMasks#load}.
 */
public final class LabelMaps {
    private LabelMaps() {
    }

    /** The labels alone. */
    public static Volume read(Path file) throws IOException, NiftiException {
        return readNamed(file).labels();
    }

    /**
     * The labels with their names.
     *
     * @throws IllegalArgumentException for an RTSTRUCT, or a SEG whose segments overlap or cannot be placed
     */
    public static LabelMap readNamed(Path file) throws IOException, NiftiException {
        if (!Files.exists(file)) {
            throw new IOException("label map " + file + " does not exist");
        }
        if (RoiMasks.isNifti(file)) {
            Volume labels = NiftiReader.read(file);
            return new LabelMap(labels, niftiNames(labels));
        }
        DicomRoiFile roiFile = DicomRoiFile.read(file);
        if (roiFile.kind() == DicomRoiFile.Kind.RTSTRUCT) {
            throw new IllegalArgumentException(roiFile.source() + " is an RTSTRUCT: its contours have no voxel grid of"
                    + " their own; rasterise a ROI onto the image it was drawn on (RoiMasks.load)");
        }
        Segmentation segmentation = roiFile.segmentation();
        Volume labels = SegmentMasks.labels(segmentation, SegmentationGrid.of(segmentation));
        SortedMap<Integer, String> names = new TreeMap<>();
        segmentation.segments().forEach(segment -> names.put(segment.number(), segment.label()));
        return new LabelMap(labels, names);
    }

    private static SortedMap<Integer, String> niftiNames(Volume labels) {
        SortedMap<Integer, String> names = new TreeMap<>();
        for (int v = 0; v < labels.voxelCount(); v++) {
            float value = labels.get(v);
            if (value != 0 && value == Math.rint(value) && !names.containsKey((int) value)) {
                names.put((int) value, "label " + (int) value);
            }
        }
        return names;
    }
}
