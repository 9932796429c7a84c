package org.lumen.image.filter;

/** How the response maps of the rotated copies of a kernel are combined into a rotation-invariant one. */
public enum Pooling {
    /** Voxel-wise mean of the maps (IBSI "average pooling"). */
    MEAN,
    /** Voxel-wise maximum. */
    MAX;

    void accumulate(double[] pooled, double[] map, boolean first) {
        for (int i = 0; i < pooled.length; i++) {
            pooled[i] = first ? map[i] : (this == MAX ? Math.max(pooled[i], map[i]) : pooled[i] + map[i]);
        }
    }

    double combine(double pooled, double value) {
        return this == MAX ? Math.max(pooled, value) : pooled + value;
    }

    void finish(double[] pooled, int count) {
        if (this == MEAN) {
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] /= count;
            }
        }
    }
}
