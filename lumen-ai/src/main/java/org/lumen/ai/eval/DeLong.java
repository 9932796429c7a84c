package org.lumen.ai.eval;

/**
 * The AUC with DeLong's variance (DeLong, DeLong and Clarke-Pearson 1988): each positive's structural component
 * {@code V10[i]} is the share of negatives it outscores, each negative's {@code V01[j]} the share of positives that
 * outscore it (ties count one half in both), and {@code var(AUC) = S10 / m + S01 / n} with {@code S10}, {@code S01} the
 * sample variances (denominator m-1 and n-1) of the components over the m positives and n negatives. The components come
 * from mid-ranks in O(N log N) (Sun and Xu 2014): {@code V10[i] = (rank of i among all - rank among positives) / n}.
 *
 * @param auc      the Mann-Whitney AUC, equal to the mean of either component
 * @param variance DeLong's variance of the AUC; NaN when a class has a single case (its sample variance is undefined)
 * @param v10      the component of each positive, in input order of the positives
 * @param v01      the component of each negative, in input order of the negatives
 */
public record DeLong(double auc, double variance, double[] v10, double[] v01) {
    /** The two-sided 95% normal quantile. */
    static final double Z_95 = 1.959963984540054;

    /**
     * @throws IllegalArgumentException when either class is absent (the AUC is undefined) or the lengths differ
     */
    public static DeLong of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " outcomes");
        }
        int m = 0;
        for (boolean p : positive) {
            m += p ? 1 : 0;
        }
        int n = scores.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("AUC needs both classes; got " + m + " positive and " + n + " negative cases");
        }
        double[] pos = new double[m];
        double[] neg = new double[n];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        double[] all = Auc.midRanks(scores);
        double[] withinPos = Auc.midRanks(pos);
        double[] withinNeg = Auc.midRanks(neg);
        double[] v10 = new double[m];
        double[] v01 = new double[n];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (positive[i]) {
                v10[a] = (all[i] - withinPos[a]) / n; // negatives below, ties half
                a++;
            } else {
                v01[b] = 1 - (all[i] - withinNeg[b]) / m; // positives above, ties half
                b++;
            }
        }
        double auc = mean(v10);
        double variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
        return new DeLong(auc, variance, v10, v01);
    }

    /** The 95% interval {@code AUC +- 1.96 sqrt(var)}, clipped to [0, 1]; NaN ends when the variance is undefined. */
    public double[] ci95() {
        double half = Z_95 * Math.sqrt(variance);
        return new double[] {Math.max(0, auc - half), Math.min(1, auc + half)};
    }

    @Override
    public double[] v10() {
        return v10.clone();
    }

    @Override
    public double[] v01() {
        return v01.clone();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sampleVariance(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
