package org.lumen.image.radiomics.texture;

import java.util.List;

/**
 * The 16 IBSI 1 GLRLM features of one run length matrix r_ij (grey level i = 1..N_g, run length j = 1..N_r), with N_s
 * the number of runs and N_v the voxels the matrix covers (summed with the matrices when they are merged).
 */
final class GlrlmFeatures {
    /** IBSI tag stems, in the order {@link #of} returns the values. */
    static final List<String> NAMES = List.of("sre", "lre", "lgre", "hgre", "srlge", "srhge", "lrlge", "lrhge", "glnu",
            "glnu_norm", "rlnu", "rlnu_norm", "r_perc", "gl_var", "rl_var", "rl_entr");

    private static final double LN2 = Math.log(2);

    private GlrlmFeatures() {
    }

    static double[] of(CountMatrix matrix) {
        int ng = matrix.rows;
        int nr = matrix.columns;
        double[] counts = matrix.counts;
        double runs = matrix.total();
        double[] perLevel = new double[ng];   // r_i.
        double[] perLength = new double[nr];  // r_.j
        double srlge = 0;
        double srhge = 0;
        double lrlge = 0;
        double lrhge = 0;
        double entropy = 0;
        for (int i = 1; i <= ng; i++) {
            double i2 = (double) i * i;
            int row = (i - 1) * nr;
            for (int j = 1; j <= nr; j++) {
                double r = counts[row + j - 1];
                if (r == 0) {
                    continue;
                }
                double j2 = (double) j * j;
                perLevel[i - 1] += r;
                perLength[j - 1] += r;
                srlge += r / (i2 * j2);
                srhge += r * i2 / j2;
                lrlge += r * j2 / i2;
                lrhge += r * i2 * j2;
                double p = r / runs;
                entropy -= p * Math.log(p) / LN2;
            }
        }
        double[] level = weightedSums(perLevel, runs);
        double[] length = weightedSums(perLength, runs);
        return new double[] {
            length[0],
            length[1],
            level[0],
            level[1],
            srlge / runs,
            srhge / runs,
            lrlge / runs,
            lrhge / runs,
            level[2],
            level[2] / runs,
            length[2],
            length[2] / runs,
            runs / matrix.voxels,
            level[3],
            length[3],
            entropy,
        };
    }

    /**
     * For marginal run counts m_k (k = 1..n) and N_s runs: {sum m_k / k^2, sum k^2 m_k, sum m_k^2, variance of k}, the
     * first, second and third divided by N_s, the variance under p_k = m_k / N_s.
     */
    private static double[] weightedSums(double[] marginal, double runs) {
        double inverseSquares = 0;
        double squares = 0;
        double nonUniformity = 0;
        double mean = 0;
        for (int k = 1; k <= marginal.length; k++) {
            double m = marginal[k - 1];
            double k2 = (double) k * k;
            inverseSquares += m / k2;
            squares += m * k2;
            nonUniformity += m * m;
            mean += k * m / runs;
        }
        double variance = 0;
        for (int k = 1; k <= marginal.length; k++) {
            variance += (k - mean) * (k - mean) * marginal[k - 1] / runs;
        }
        return new double[] {inverseSquares / runs, squares / runs, nonUniformity / runs, variance};
    }
}
