package org.lumen.ai.seg;

import java.util.List;

/**
 * The trivial baseline a segmentation model must beat: the majority label at each voxel over the training label maps,
 * all aligned on their grid centres, placed on a new case's grid centre. It knows where the structures usually are in
 * the crops, nothing about the image.
 */
public final class MeanShapePrior {
    private final int[] size;
    private final int[] labels;

    private MeanShapePrior(int[] size, int[] labels) {
        this.size = size;
        this.labels = labels;
    }

    public static MeanShapePrior of(List<PreparedCase> train, int classes) {
        int[] size = new int[3];
        for (PreparedCase c : train) {
            for (int a = 0; a < 3; a++) {
                size[a] = Math.max(size[a], c.dims()[a]);
            }
        }
        int voxels = VoxelGrid.count(size);
        int[][] counts = new int[classes][voxels];
        for (PreparedCase c : train) {
            int[] aligned = VoxelGrid.crop(c.labels(), c.dims(), VoxelGrid.centredStart(c.dims(), size), size);
            for (int i = 0; i < voxels; i++) {
                counts[aligned[i]][i]++;
            }
        }
        int[] majority = new int[voxels];
        for (int i = 0; i < voxels; i++) {
            for (int k = 1; k < classes; k++) {
                if (counts[k][i] > counts[majority[i]][i]) {
                    majority[i] = k;
                }
            }
        }
        return new MeanShapePrior(size, majority);
    }

    /** The prior's labels on a grid of {@code dims}, centres aligned. */
    public int[] labels(int[] dims) {
        return VoxelGrid.crop(labels, size, VoxelGrid.centredStart(size, dims), dims);
    }
}
