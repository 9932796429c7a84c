package org.lumen.image.radiomics;

import java.util.Objects;

/**
 * The ROI after interpolation, re-segmentation and discretisation: what every texture family reads. Grid x fastest,
 * then y, then z (axial slices are z planes), spacing in mm. {@code levels[i]} is the grey level 1..{@code levelCount}
 * of voxel i inside the intensity mask and 0 outside it. {@code morphologicalMask} is the ROI before intensity
 * re-segmentation (IBSI's morphological mask), needed where a family measures distance to the ROI edge.
 */
public record DiscretisedRoi(int nx, int ny, int nz, double sx, double sy, double sz,
                             int[] levels, int levelCount, boolean[] morphologicalMask) {
    public DiscretisedRoi {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(morphologicalMask, "morphologicalMask");
        long voxels = (long) nx * ny * nz;
        if (nx <= 0 || ny <= 0 || nz <= 0 || levels.length != voxels || morphologicalMask.length != voxels) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " does not match "
                    + levels.length + " levels and " + morphologicalMask.length + " mask voxels");
        }
        if (levelCount < 1) {
            throw new IllegalArgumentException("levelCount must be at least 1, was " + levelCount);
        }
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    /** Grey level at (x, y, z), 0 outside the grid or outside the intensity mask. */
    public int level(int x, int y, int z) {
        if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
            return 0;
        }
        return levels[index(x, y, z)];
    }
}
