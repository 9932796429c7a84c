package org.lumen.image.radiomics.texture;

import java.util.List;

/**
 * The 25 IBSI 1 GLCM features of one symmetric co-occurrence matrix, with grey levels i, j = 1..N_g where N_g is the
 * matrix size. Undefined values: correlation and information correlation 1 are NaN when the matrix holds a single grey
 * level (zero marginal variance and entropy divide by zero); IBSI states no convention for them.
 */
final class GlcmFeatures {
    /** IBSI tag stems, in the order {@link #of} returns the values. */
    static final List<String> NAMES = List.of("joint_max", "joint_avg", "joint_var", "joint_entr", "diff_avg",
            "diff_var", "diff_entr", "sum_avg", "sum_var", "sum_entr", "energy", "contrast", "dissimilarity", "inv_diff",
            "inv_diff_norm", "inv_diff_mom", "inv_diff_mom_norm", "inv_var", "corr", "auto_corr", "clust_tend",
            "clust_shade", "clust_prom", "info_corr1", "info_corr2");

    private static final double LN2 = Math.log(2);

    private GlcmFeatures() {
    }

    static double[] of(CountMatrix matrix) {
        int ng = matrix.rows;
        double total = matrix.total();
        double[] counts = matrix.counts;
        double[] marginal = new double[ng];          // p_i. (= p_.j by symmetry), index i - 1
        double[] difference = new double[ng];        // p_{i-j,k}, k = 0..N_g-1
        double[] sum = new double[2 * ng + 1];       // p_{i+j,k}, k = 2..2 N_g
        double jointMax = 0;
        double jointEntropy = 0;
        double energy = 0;
        double autoCorrelation = 0;
        for (int i = 1; i <= ng; i++) {
            int row = (i - 1) * ng;
            for (int j = 1; j <= ng; j++) {
                double c = counts[row + j - 1];
                if (c == 0) {
                    continue;
                }
                double p = c / total;
                marginal[i - 1] += p;
                difference[Math.abs(i - j)] += p;
                sum[i + j] += p;
                jointMax = Math.max(jointMax, p);
                jointEntropy -= p * log2(p);
                energy += p * p;
                autoCorrelation += (double) i * j * p;
            }
        }
        double mean = 0;
        for (int i = 1; i <= ng; i++) {
            mean += i * marginal[i - 1];
        }
        double variance = 0;
        double marginalEntropy = 0;
        for (int i = 1; i <= ng; i++) {
            double p = marginal[i - 1];
            variance += (i - mean) * (i - mean) * p;
            marginalEntropy -= p > 0 ? p * log2(p) : 0;
        }
        double[] cluster = clusterMoments(counts, total, ng, mean);
        double hxy1 = crossEntropy(counts, total, marginal, ng);
        // HXY2 = -sum_ij p_i. p_.j log2(p_i. p_.j) = 2 HX for a symmetric matrix.
        double hxy2 = 2 * marginalEntropy;
        double[] diff = differenceFeatures(difference, ng);
        double[] sums = moments(sum, 2);
        return new double[] {
            jointMax,
            mean,
            variance,
            jointEntropy,
            diff[0], // difference average
            diff[1], // difference variance
            diff[2], // difference entropy
            sums[0],
            sums[1],
            sums[2],
            energy,
            diff[3], // contrast
            diff[0], // dissimilarity = difference average
            diff[4], // inverse difference
            diff[5], // normalised inverse difference
            diff[6], // inverse difference moment
            diff[7], // normalised inverse difference moment
            diff[8], // inverse variance
            variance > 0 ? (autoCorrelation - mean * mean) / variance : Double.NaN,
            autoCorrelation,
            cluster[0],
            cluster[1],
            cluster[2],
            marginalEntropy > 0 ? (jointEntropy - hxy1) / marginalEntropy : Double.NaN,
            Math.sqrt(1 - Math.exp(-2 * (hxy2 - jointEntropy))),
        };
    }

    /** {average, variance, entropy, contrast, inverse difference (plain, normalised), moment (plain, normalised), inverse variance}. */
    private static double[] differenceFeatures(double[] difference, int ng) {
        double[] moments = moments(difference, 0);
        double contrast = 0;
        double inverse = 0;
        double inverseNormalised = 0;
        double inverseMoment = 0;
        double inverseMomentNormalised = 0;
        double inverseVariance = 0;
        for (int k = 0; k < ng; k++) {
            double p = difference[k];
            contrast += (double) k * k * p;
            inverse += p / (1 + k);
            inverseNormalised += p / (1 + (double) k / ng);
            inverseMoment += p / (1 + (double) k * k);
            double kn = (double) k / ng;
            inverseMomentNormalised += p / (1 + kn * kn);
            if (k > 0) {
                inverseVariance += p / ((double) k * k);
            }
        }
        return new double[] {moments[0], moments[1], moments[2], contrast, inverse, inverseNormalised, inverseMoment,
            inverseMomentNormalised, inverseVariance};
    }

    /** {mean, variance, entropy} of a distribution p[k] over k = first..p.length-1. */
    private static double[] moments(double[] p, int first) {
        double mean = 0;
        double entropy = 0;
        for (int k = first; k < p.length; k++) {
            mean += k * p[k];
            entropy -= p[k] > 0 ? p[k] * log2(p[k]) : 0;
        }
        double variance = 0;
        for (int k = first; k < p.length; k++) {
            variance += (k - mean) * (k - mean) * p[k];
        }
        return new double[] {mean, variance, entropy};
    }

    /** {tendency, shade, prominence}: moments 2, 3 and 4 of i + j - 2 mu. */
    private static double[] clusterMoments(double[] counts, double total, int ng, double mean) {
        double tendency = 0;
        double shade = 0;
        double prominence = 0;
        for (int i = 1; i <= ng; i++) {
            for (int j = 1; j <= ng; j++) {
                double c = counts[(i - 1) * ng + j - 1];
                if (c == 0) {
                    continue;
                }
                double p = c / total;
                double d = i + j - 2 * mean;
                double d2 = d * d;
                tendency += d2 * p;
                shade += d2 * d * p;
                prominence += d2 * d2 * p;
            }
        }
        return new double[] {tendency, shade, prominence};
    }

    /** HXY1 = -sum_ij p_ij log2(p_i. p_.j). */
    private static double crossEntropy(double[] counts, double total, double[] marginal, int ng) {
        double h = 0;
        for (int i = 1; i <= ng; i++) {
            for (int j = 1; j <= ng; j++) {
                double c = counts[(i - 1) * ng + j - 1];
                if (c > 0) {
                    h -= c / total * log2(marginal[i - 1] * marginal[j - 1]);
                }
            }
        }
        return h;
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }
}
