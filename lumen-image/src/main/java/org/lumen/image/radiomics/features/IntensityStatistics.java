package org.lumen.image.radiomics.features;

import java.util.Arrays;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 intensity-based statistical features (family "Statistics", tags {@code stat_*}) of the intensities inside the
 * ROI intensity mask. Also the statistics IBSI 2 computes on filter response maps. Moments are population moments
 * (divided by N), as IBSI defines them; percentiles interpolate linearly between order statistics.
 */
public final class IntensityStatistics {
    private IntensityStatistics() {
    }

    public static FeatureTable compute(float[] roiValues) {
        if (roiValues.length == 0) {
            throw new IllegalArgumentException("the ROI holds no voxel inside the intensity mask");
        }
        double[] sorted = new double[roiValues.length];
        for (int i = 0; i < roiValues.length; i++) {
            sorted[i] = roiValues[i];
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = 0;
        double energy = 0;
        for (double v : sorted) {
            mean += v;
            energy += v * v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double meanAbsoluteDeviation = 0;
        for (double v : sorted) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
            meanAbsoluteDeviation += Math.abs(d);
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        meanAbsoluteDeviation /= n;
        double median = percentile(sorted, 50);
        double p10 = percentile(sorted, 10);
        double p90 = percentile(sorted, 90);
        double p25 = percentile(sorted, 25);
        double p75 = percentile(sorted, 75);
        double medianAbsoluteDeviation = 0;
        for (double v : sorted) {
            medianAbsoluteDeviation += Math.abs(v - median);
        }
        medianAbsoluteDeviation /= n;
        return new FeatureTable()
                .put("stat_mean", mean)
                .put("stat_var", m2)
                .put("stat_skew", m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5))
                .put("stat_kurt", m2 == 0 ? 0 : m4 / (m2 * m2) - 3)
                .put("stat_median", median)
                .put("stat_min", sorted[0])
                .put("stat_p10", p10)
                .put("stat_p90", p90)
                .put("stat_max", sorted[n - 1])
                .put("stat_iqr", p75 - p25)
                .put("stat_range", sorted[n - 1] - sorted[0])
                .put("stat_mad", meanAbsoluteDeviation)
                .put("stat_rmad", robustMeanAbsoluteDeviation(sorted, p10, p90))
                .put("stat_medad", medianAbsoluteDeviation)
                .put("stat_cov", Math.sqrt(m2) / mean)
                .put("stat_qcod", (p75 - p25) / (p75 + p25))
                .put("stat_energy", energy)
                .put("stat_rms", Math.sqrt(energy / n));
    }

    /** Linear interpolation between the order statistics around rank (n - 1) * p / 100 of sorted values. */
    public static double percentile(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p / 100.0;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** Mean absolute deviation from their own mean of the values between the 10th and 90th percentiles, inclusive. */
    private static double robustMeanAbsoluteDeviation(double[] sorted, double p10, double p90) {
        double sum = 0;
        int count = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                sum += v;
                count++;
            }
        }
        double mean = sum / count;
        double deviation = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                deviation += Math.abs(v - mean);
            }
        }
        return deviation / count;
    }
}
