package org.lumen.ai.train;

import java.util.Arrays;
import org.lumen.ai.eval.BinaryConfusion;

/**
 * The threshold on the positive-class probability at which a model says "positive", chosen on validation scores by a
 * {@link Rule}. The threshold is placed midway between the two scores it separates.
 *
 * @param threshold   scores at or above it are called positive
 * @param sensitivity at the threshold, on the scores it was chosen from
 * @param specificity at the threshold
 * @param accuracy    at the threshold
 */
public record OperatingPoint(double threshold, double sensitivity, double specificity, double accuracy) {

    /** How the threshold is chosen. */
    public enum Rule {
        /**
         * Largest Youden's J (sensitivity + specificity - 1, i.e. balanced accuracy). J does not depend on how common the
         * positive class is, so the threshold holds up when a test set's class balance differs from validation's.
         */
        YOUDEN,
        /** Largest accuracy (ties: largest J). Right when the test set has validation's class balance. */
        ACCURACY
    }

    public static OperatingPoint choose(Rule rule, double[] scores, boolean[] positive) {
        return rule == Rule.YOUDEN ? youden(scores, positive) : bestAccuracy(scores, positive);
    }

    public static OperatingPoint youden(double[] scores, boolean[] positive) {
        return best(scores, positive, false);
    }

    public static OperatingPoint bestAccuracy(double[] scores, boolean[] positive) {
        return best(scores, positive, true);
    }

    private static OperatingPoint best(double[] scores, boolean[] positive, boolean accuracyFirst) {
        int n = scores.length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("choosing a threshold needs both classes; got " + positives + " positive and "
                    + negatives + " negative cases");
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        // Candidate thresholds: below everything, then midway between each pair of distinct neighbouring scores.
        double best = Double.NEGATIVE_INFINITY;
        double bestJ = Double.NEGATIVE_INFINITY;
        double bestThreshold = sorted[0];
        for (int i = 0; i <= n; i++) {
            if (i > 0 && i < n && sorted[i] == sorted[i - 1]) {
                continue;
            }
            double threshold = i == 0 ? sorted[0] : i == n ? Math.nextUp(sorted[n - 1]) : (sorted[i - 1] + sorted[i]) / 2;
            BinaryConfusion confusion = BinaryConfusion.at(scores, positive, threshold);
            double j = confusion.sensitivity() + confusion.specificity();
            double value = accuracyFirst ? confusion.accuracy() : j;
            if (value > best || value == best && j > bestJ) {
                best = value;
                bestJ = j;
                bestThreshold = threshold;
            }
        }
        return at(bestThreshold, scores, positive);
    }

    /** The figures at a given threshold. */
    public static OperatingPoint at(double threshold, double[] scores, boolean[] positive) {
        BinaryConfusion confusion = BinaryConfusion.at(scores, positive, threshold);
        return new OperatingPoint(threshold, confusion.sensitivity(), confusion.specificity(), confusion.accuracy());
    }
}
