package org.lumen.ai.eval;

/**
 * The four counts of a binary decision and the rates read from them. A rate whose denominator is zero (e.g. PPV when
 * nothing was called positive) is NaN, written as {@code null} in JSON.
 */
public record BinaryConfusion(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

    public BinaryConfusion {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must not be negative");
        }
    }

    /** Cases with {@code score >= threshold} called positive. */
    public static BinaryConfusion at(double[] scores, boolean[] positive, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] >= threshold;
            if (positive[i]) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryConfusion(tp, fp, tn, fn);
    }

    public int total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** True positive rate, recall: TP / (TP + FN). */
    public double sensitivity() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** True negative rate: TN / (TN + FP). */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** Positive predictive value, precision: TP / (TP + FP). */
    public double ppv() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** Negative predictive value: TN / (TN + FN). */
    public double npv() {
        return ratio(trueNegatives, trueNegatives + falseNegatives);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
