package org.lumen.image.radiomics.texture;

import java.util.List;

/**
 * The NGTDM of IBSI 1: per grey level i, n_i (voxels of level i with at least one neighbour in the ROI) and s_i (sum of
 * |i - mean neighbour level| over those voxels). Index 0 is unused so that index = grey level.
 */
record NgtdmMatrix(double[] n, double[] s) {
    static final int COARSENESS = 0;
    static final int CONTRAST = 1;
    static final int BUSYNESS = 2;
    static final int COMPLEXITY = 3;
    static final int STRENGTH = 4;
    static final int FEATURE_COUNT = 5;
    /** IBSI's cap on coarseness when sum p_i s_i is 0. */
    static final double MAX_COARSENESS = 1e6;

    static NgtdmMatrix empty(int levelCount) {
        return new NgtdmMatrix(new double[levelCount + 1], new double[levelCount + 1]);
    }

    /** IBSI's merged matrix: n_i and s_i summed over the slices. */
    static NgtdmMatrix merge(List<NgtdmMatrix> slices, int levelCount) {
        NgtdmMatrix merged = empty(levelCount);
        for (NgtdmMatrix slice : slices) {
            for (int i = 1; i <= levelCount; i++) {
                merged.n[i] += slice.n[i];
                merged.s[i] += slice.s[i];
            }
        }
        return merged;
    }

    /** N_v,c: voxels with a valid neighbourhood. */
    double counted() {
        double total = 0;
        for (double count : n) {
            total += count;
        }
        return total;
    }

    /** Coarseness, contrast, busyness, complexity, strength; NaN when no voxel had a neighbour. */
    double[] features() {
        double[] f = new double[FEATURE_COUNT];
        double counted = counted();
        if (counted == 0) {
            java.util.Arrays.fill(f, Double.NaN);
            return f;
        }
        int levels = n.length - 1;
        double[] p = new double[levels + 1];
        double weightedDifference = 0;
        double differenceSum = 0;
        int presentLevels = 0;
        for (int i = 1; i <= levels; i++) {
            p[i] = n[i] / counted;
            weightedDifference += p[i] * s[i];
            differenceSum += s[i];
            if (p[i] > 0) {
                presentLevels++;
            }
        }
        double contrastRange = 0;
        double busynessDenominator = 0;
        double complexity = 0;
        double strengthNumerator = 0;
        for (int i1 = 1; i1 <= levels; i1++) {
            if (p[i1] == 0) {
                continue;
            }
            for (int i2 = 1; i2 <= levels; i2++) {
                if (p[i2] == 0) {
                    continue;
                }
                double squaredStep = (double) (i1 - i2) * (i1 - i2);
                contrastRange += p[i1] * p[i2] * squaredStep;
                busynessDenominator += Math.abs(i1 * p[i1] - i2 * p[i2]);
                complexity += Math.abs(i1 - i2) * (p[i1] * s[i1] + p[i2] * s[i2]) / (p[i1] + p[i2]);
                strengthNumerator += (p[i1] + p[i2]) * squaredStep;
            }
        }
        f[COARSENESS] = weightedDifference == 0 ? MAX_COARSENESS : 1 / weightedDifference;
        f[CONTRAST] = presentLevels <= 1 ? 0
                : contrastRange / (presentLevels * (presentLevels - 1.0)) * differenceSum / counted;
        f[BUSYNESS] = presentLevels <= 1 || busynessDenominator == 0 ? 0 : weightedDifference / busynessDenominator;
        f[COMPLEXITY] = complexity / counted;
        f[STRENGTH] = differenceSum == 0 ? 0 : strengthNumerator / differenceSum;
        return f;
    }
}
