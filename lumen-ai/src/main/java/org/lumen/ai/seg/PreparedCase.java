package org.lumen.ai.seg;

import org.lumen.ai.data.NiftiSegmentationReader;

/**
 * A case ready for training: the image z-scored within itself, its labels, and where the foreground is (for patch
 * sampling). Arrays are x fastest; dims {nx, ny, nz}.
 */
public record PreparedCase(String name, float[] image, int[] labels, int[] dims, int[] foreground) {

    public static PreparedCase of(NiftiSegmentationReader.Case c) {
        int[] labels = VoxelGrid.labels(c.mask());
        return new PreparedCase(c.name(), VoxelGrid.zScore(c.image()), labels, VoxelGrid.dims(c.image()), foreground(labels));
    }

    private static int[] foreground(int[] labels) {
        int n = 0;
        for (int label : labels) {
            n += label > 0 ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0) {
                out[n++] = i;
            }
        }
        return out;
    }
}
