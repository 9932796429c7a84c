package org.lumen.ai.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lumen.ai.eval.SegmentationEvaluation;

/**
 * Percentile bootstrap 95% intervals of segmentation figures over cases: the cases are drawn with replacement to their
 * own number (2000 times, seeded) and the figure's mean recomputed. Cases are the unit that varies (a label map's voxels
 * are not independent), so this is the interval of the mean over cases like those seen. A case where HD95 is undefined
 * (the label missing from either map) is left out of the HD95 interval, as of its mean.
 */
public final class CaseIntervals {
    static final int RESAMPLES = 2000;
    static final double LEVEL = 0.95;

    private CaseIntervals() {
    }

    /**
     * The figures of an evaluation as a manifest's {@code validation} map: {@code dice} (mean over labels and cases),
     * {@code dice_L} and {@code hd95_mm_L} per label L, each with {@code _ci_low}/{@code _ci_high}, and {@code n}.
     * Undefined values (NaN) are left out.
     */
    public static Map<String, Double> figures(SegmentationEvaluation e, long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] perCase = e.cases().stream().mapToDouble(c -> c.dice().values().stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN)).toArray();
        put(out, "dice", e.dice(), interval(perCase, seed));
        for (int label : e.labels()) {
            String key = String.valueOf(label);
            put(out, "dice_" + key, e.dicePerLabel().get(key), interval(values(e, key, false), seed));
        }
        for (int label : e.labels()) {
            String key = String.valueOf(label);
            put(out, "hd95_mm_" + key, e.hd95MmPerLabel().get(key), interval(values(e, key, true), seed));
        }
        out.put("n", (double) e.n());
        out.values().removeIf(v -> v == null || v.isNaN());
        return out;
    }

    /** {low, high} of the mean of {@code values} (NaN left out); NaNs when fewer than two values remain. */
    public static double[] interval(double[] values, long seed) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (defined.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < defined.length; i++) {
                sum += defined[random.nextInt(defined.length)];
            }
            means[r] = sum / defined.length;
        }
        Arrays.sort(means);
        double alpha = (1 - LEVEL) / 2;
        return new double[] {quantile(means, alpha), quantile(means, 1 - alpha)};
    }

    private static double[] values(SegmentationEvaluation e, String label, boolean hd95) {
        List<Double> out = new ArrayList<>();
        for (SegmentationEvaluation.CaseMetrics c : e.cases()) {
            out.add((hd95 ? c.hd95Mm() : c.dice()).get(label));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void put(Map<String, Double> out, String key, Double value, double[] ci) {
        out.put(key, value);
        out.put(key + "_ci_low", ci[0]);
        out.put(key + "_ci_high", ci[1]);
    }

    /** Linear interpolation between order statistics (as {@link org.lumen.ai.eval.Bootstrap}). */
    private static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
