package org.lumen.ai.eval;

import java.util.List;

/**
 * Everything Lumen reports about a binary classifier on labelled cases: discrimination (AUC with a 95% confidence
 * interval, ROC curve), the decision at the operating threshold (accuracy, sensitivity, specificity, PPV, NPV, confusion
 * counts) and calibration (ECE over 10 equal-width bins, reliability bins). {@link #toJson()} is the exact output of
 * {@code lumen evaluate --json} (snake_case keys; undefined values {@code null}).
 *
 * <p>Undefined cases: with only one class present the AUC, its interval and the ROC curve do not exist, so {@link #of}
 * throws {@link IllegalArgumentException} naming the counts. A rate whose denominator is empty (PPV with nothing called
 * positive) is NaN. The DeLong interval is NaN when a class has a single case.
 *
 * @param n            number of cases
 * @param positives    cases of the positive class
 * @param negatives    all other cases
 * @param positiveClass the label counted as positive
 * @param threshold    the operating threshold: {@code score >= threshold} is called positive
 * @param auc          area under the ROC curve (ties count one half)
 * @param aucCiLow     lower end of the 95% interval of the AUC
 * @param aucCiHigh    upper end
 * @param aucCiMethod  {@code "delong"} or {@code "bootstrap"}
 * @param confusion    the counts at the threshold
 * @param ece          expected calibration error of the scores read as probabilities
 * @param reliability  the calibration bins
 * @param roc          the ROC curve
 */
public record BinaryEvaluation(int n, int positives, int negatives, int positiveClass, double threshold, double auc,
        double aucCiLow, double aucCiHigh, String aucCiMethod, double accuracy, double sensitivity, double specificity,
        double ppv, double npv, BinaryConfusion confusion, double ece, List<ReliabilityBin> reliability,
        List<RocPoint> roc) {

    public BinaryEvaluation {
        reliability = List.copyOf(reliability);
        roc = List.copyOf(roc);
    }

    /**
     * With DeLong's interval.
     *
     * @param scores        predicted probability of the positive class for each case, in [0, 1]
     * @param labels        the true class of each case
     * @param positiveClass which label is positive; every other label is negative
     * @param threshold     operating threshold
     */
    public static BinaryEvaluation of(double[] scores, int[] labels, int positiveClass, double threshold) {
        boolean[] positive = positives(scores, labels, positiveClass);
        DeLong delong = DeLong.of(scores, positive);
        double[] ci = delong.ci95();
        return build(scores, positive, positiveClass, threshold, delong.auc(), ci[0], ci[1], "delong");
    }

    /** With a percentile bootstrap interval instead of DeLong's. */
    public static BinaryEvaluation of(double[] scores, int[] labels, int positiveClass, double threshold,
            Bootstrap bootstrap) {
        boolean[] positive = positives(scores, labels, positiveClass);
        double auc = Auc.of(scores, positive);
        Bootstrap.Interval ci = bootstrap.aucInterval(scores, positive);
        return build(scores, positive, positiveClass, threshold, auc, ci.low(), ci.high(), "bootstrap");
    }

    private static BinaryEvaluation build(double[] scores, boolean[] positive, int positiveClass, double threshold,
            double auc, double ciLow, double ciHigh, String method) {
        BinaryConfusion c = BinaryConfusion.at(scores, positive, threshold);
        Calibration calibration = Calibration.of(scores, positive, Calibration.DEFAULT_BINS);
        int positives = c.truePositives() + c.falseNegatives();
        return new BinaryEvaluation(scores.length, positives, scores.length - positives, positiveClass, threshold, auc,
                ciLow, ciHigh, method, c.accuracy(), c.sensitivity(), c.specificity(), c.ppv(), c.npv(), c,
                calibration.ece(), calibration.bins(), RocPoint.curve(scores, positive));
    }

    private static boolean[] positives(double[] scores, int[] labels, int positiveClass) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("case " + i + " has no label (" + labels[i] + "); evaluation needs "
                        + "labelled cases");
            }
            positive[i] = labels[i] == positiveClass;
        }
        return positive;
    }

    /** One JSON object, snake_case keys (at least {@code auc}, {@code accuracy}, {@code n}), undefined values null. */
    public String toJson() {
        return EvalJson.write(this);
    }
}
