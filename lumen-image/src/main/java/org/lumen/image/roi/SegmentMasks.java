package org.lumen.image.roi;

import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * A SEG's segments as voxels on the SEG's own grid. A pixel of a fractional segment counts as inside when at least half of
 * it is (value at least half the Maximum Fractional Value): the mask keeps the voxels the segment mostly covers.
 */
final class SegmentMasks {
    static final float INSIDE_FRACTION = 0.5f;

    private SegmentMasks() {
    }

    /** Segment {@code number} as 0 and 1. */
    static Volume segment(Segmentation segmentation, SegmentationGrid grid, int number) {
        float[] mask = new float[grid.voxelCount()];
        int sliceSize = grid.nx() * grid.ny();
        for (Segmentation.Frame frame : segmentation.frames()) {
            if (frame.segmentNumber() != number && frame.segmentNumber() != 0) {
                continue;
            }
            float[] fractions = segmentation.fractions(frame, number);
            int offset = grid.slice()[frame.index()] * sliceSize;
            for (int p = 0; p < sliceSize; p++) {
                if (fractions[p] >= INSIDE_FRACTION) {
                    mask[offset + p] = 1f;
                }
            }
        }
        return grid.volume(mask, VoxelType.UINT8);
    }

    /**
     * Every segment at once: each voxel holds the number of the segment it is in, 0 for none.
     *
     * @throws IllegalArgumentException when two segments claim one voxel (a label map cannot hold that)
     */
    static Volume labels(Segmentation segmentation, SegmentationGrid grid) {
        float[] labels = new float[grid.voxelCount()];
        int sliceSize = grid.nx() * grid.ny();
        for (Segmentation.Frame frame : segmentation.frames()) {
            int offset = grid.slice()[frame.index()] * sliceSize;
            if (frame.segmentNumber() == 0) {
                int[] samples = segmentation.samples(frame);
                for (int p = 0; p < sliceSize; p++) {
                    labels[offset + p] = samples[p];
                }
                continue;
            }
            float[] fractions = segmentation.fractions(frame, frame.segmentNumber());
            for (int p = 0; p < sliceSize; p++) {
                if (fractions[p] >= INSIDE_FRACTION) {
                    float before = labels[offset + p];
                    if (before != 0 && before != frame.segmentNumber()) {
                        throw overlap(segmentation, (int) before, frame.segmentNumber());
                    }
                    labels[offset + p] = frame.segmentNumber();
                }
            }
        }
        int largest = segmentation.segments().stream().mapToInt(Segmentation.Segment::number).max().orElse(0);
        return grid.volume(labels, largest <= 255 ? VoxelType.UINT8 : VoxelType.UINT16);
    }

    private static IllegalArgumentException overlap(Segmentation segmentation, int first, int second) {
        return new IllegalArgumentException(segmentation.source() + ": segments " + first + " and " + second
                + " overlap, which one label map cannot hold; read them one at a time (RoiMasks.load with the segment"
                + " label)");
    }
}
