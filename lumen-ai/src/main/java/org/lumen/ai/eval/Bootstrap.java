package org.lumen.ai.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals, the alternative to DeLong for metrics without a closed-form variance.
 * Resampling is stratified (positives and negatives each drawn with replacement to their own count, as pROC does) so that
 * every resample has both classes; the same seed gives the same interval.
 *
 * @param resamples how many resamples, at least 100
 * @param seed      seed of the resampling
 * @param level     confidence level in (0, 1), e.g. 0.95
 */
public record Bootstrap(int resamples, long seed, double level) {

    /** A metric of scores and outcomes, e.g. {@code Auc::of}. */
    @FunctionalInterface
    public interface Metric {
        double of(double[] scores, boolean[] positive);
    }

    /** @param low lower end, @param high upper end */
    public record Interval(double low, double high) {
    }

    public Bootstrap {
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap interval needs at least 100 resamples, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** 2000 resamples at 95%. */
    public static Bootstrap standard(long seed) {
        return new Bootstrap(2000, seed, 0.95);
    }

    public Interval aucInterval(double[] scores, boolean[] positive) {
        return interval(scores, positive, Auc::of);
    }

    /** The percentile interval of {@code metric} over the resamples (linear interpolation between order statistics). */
    public Interval interval(double[] scores, boolean[] positive, Metric metric) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " outcomes");
        }
        int[] pos = indices(positive, true);
        int[] neg = indices(positive, false);
        if (pos.length == 0 || neg.length == 0) {
            throw new IllegalArgumentException("a stratified bootstrap needs both classes; got " + pos.length
                    + " positive and " + neg.length + " negative cases");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        double[] s = new double[scores.length];
        boolean[] p = new boolean[scores.length];
        for (int r = 0; r < resamples; r++) {
            int k = 0;
            for (int i = 0; i < pos.length; i++, k++) {
                s[k] = scores[pos[random.nextInt(pos.length)]];
                p[k] = true;
            }
            for (int i = 0; i < neg.length; i++, k++) {
                s[k] = scores[neg[random.nextInt(neg.length)]];
                p[k] = false;
            }
            values[r] = metric.of(s, p);
        }
        Arrays.sort(values);
        double alpha = (1 - level) / 2;
        return new Interval(quantile(values, alpha), quantile(values, 1 - alpha));
    }

    private static int[] indices(boolean[] positive, boolean wanted) {
        int count = 0;
        for (boolean p : positive) {
            count += p == wanted ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, k = 0; i < positive.length; i++) {
            if (positive[i] == wanted) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
