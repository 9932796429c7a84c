package org.lumen.image.radiomics.texture;

/**
 * A texture matrix of counts (rows = grey levels 1..rows, row-major) and the number of ROI voxels it was counted
 * over. Merging, as IBSI 1 defines it for the combined aggregation methods, sums both the counts and the voxels
 * (IBSI: "when matrices are merged, N_v should likewise be summed"). Counts are doubles so that merged matrices of
 * large volumes cannot overflow; they stay exact integers up to 2^53.
 */
final class CountMatrix {
    final int rows;
    final int columns;
    final double[] counts;
    double voxels;

    CountMatrix(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.counts = new double[rows * columns];
    }

    /** Adds another matrix of the same shape into this one. */
    void add(CountMatrix other) {
        if (other.rows != rows || other.columns != columns) {
            throw new IllegalArgumentException("cannot merge a " + other.rows + "x" + other.columns + " matrix into a "
                    + rows + "x" + columns + " one");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        voxels += other.voxels;
    }

    double total() {
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        return sum;
    }

    /** The count at grey level {@code level} (1-based) and column {@code column} (0-based). */
    double get(int level, int column) {
        return counts[(level - 1) * columns + column];
    }
}
