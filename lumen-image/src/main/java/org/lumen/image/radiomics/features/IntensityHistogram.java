package org.lumen.image.radiomics.features;

import java.util.Map;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 intensity histogram features ({@code ih_*}) of the discretised intensities in the ROI intensity mask. The
 * moments, percentiles and deviations are those of {@link IntensityStatistics} on the grey levels; the histogram has one
 * bin per grey level 1..Ng, empty bins included (the gradient needs them).
 */
public final class IntensityHistogram {
    /** The statistics shared with {@link IntensityStatistics}: IBSI tag there -> tag here, in IBSI's order. */
    private static final String[][] SHARED = {
        {"stat_mean", "ih_mean"}, {"stat_var", "ih_var"}, {"stat_skew", "ih_skew"}, {"stat_kurt", "ih_kurt"},
        {"stat_median", "ih_median"}, {"stat_min", "ih_min"}, {"stat_p10", "ih_p10"}, {"stat_p90", "ih_p90"},
        {"stat_max", "ih_max"},
    };
    private static final String[][] SHARED_AFTER_MODE = {
        {"stat_iqr", "ih_iqr"}, {"stat_range", "ih_range"}, {"stat_mad", "ih_mad"}, {"stat_rmad", "ih_rmad"},
        {"stat_medad", "ih_medad"}, {"stat_cov", "ih_cov"}, {"stat_qcod", "ih_qcod"},
    };

    private IntensityHistogram() {
    }

    /**
     * @param greyLevels the grey level (1..levelCount) of each voxel in the intensity mask
     * @param levelCount Ng, the number of histogram bins
     */
    public static FeatureTable compute(int[] greyLevels, int levelCount) {
        if (greyLevels.length == 0) {
            throw new IllegalArgumentException("the ROI holds no voxel inside the intensity mask");
        }
        float[] asValues = new float[greyLevels.length];
        long[] counts = new long[levelCount + 1];
        for (int i = 0; i < greyLevels.length; i++) {
            int level = greyLevels[i];
            if (level < 1 || level > levelCount) {
                throw new IllegalArgumentException("grey level " + level + " outside 1.." + levelCount);
            }
            asValues[i] = level;
            counts[level]++;
        }
        Map<String, Double> stats = IntensityStatistics.compute(asValues).asMap();
        FeatureTable table = new FeatureTable();
        for (String[] pair : SHARED) {
            table.put(pair[1], stats.get(pair[0]));
        }
        table.put("ih_mode", mode(counts, stats.get("stat_mean")));
        for (String[] pair : SHARED_AFTER_MODE) {
            table.put(pair[1], stats.get(pair[0]));
        }
        double n = greyLevels.length;
        double entropy = 0;
        double uniformity = 0;
        for (int level = 1; level <= levelCount; level++) {
            double p = counts[level] / n;
            if (p > 0) {
                entropy -= p * Math.log(p) / Math.log(2);
                uniformity += p * p;
            }
        }
        table.put("ih_entropy", entropy).put("ih_uniformity", uniformity);
        putGradients(table, counts, levelCount);
        return table;
    }

    /** The most frequent grey level; of equally frequent ones the closest to the mean, the lower on a tie (IBSI). */
    private static int mode(long[] counts, double mean) {
        int best = 1;
        for (int level = 2; level < counts.length; level++) {
            if (counts[level] > counts[best]
                    || (counts[level] == counts[best] && Math.abs(level - mean) < Math.abs(best - mean))) {
                best = level;
            }
        }
        return best;
    }

    /** Maximum and minimum of the histogram gradient and where they are (the first such bin). */
    private static void putGradients(FeatureTable table, long[] counts, int levelCount) {
        double maxGradient = Double.NEGATIVE_INFINITY;
        double minGradient = Double.POSITIVE_INFINITY;
        int maxAt = 1;
        int minAt = 1;
        for (int i = 1; i <= levelCount; i++) {
            double gradient;
            if (levelCount == 1) {
                gradient = 0;
            } else if (i == 1) {
                gradient = counts[2] - counts[1];
            } else if (i == levelCount) {
                gradient = counts[levelCount] - counts[levelCount - 1];
            } else {
                gradient = (counts[i + 1] - counts[i - 1]) / 2.0;
            }
            if (gradient > maxGradient) {
                maxGradient = gradient;
                maxAt = i;
            }
            if (gradient < minGradient) {
                minGradient = gradient;
                minAt = i;
            }
        }
        table.put("ih_max_grad", maxGradient).put("ih_max_grad_g", maxAt)
                .put("ih_min_grad", minGradient).put("ih_min_grad_g", minAt);
    }
}
