package org.lumen.ai.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve of scores for a binary outcome, as the Mann-Whitney statistic: the probability that a
 * random positive scores above a random negative, ties counting one half. Computed from mid-ranks in O(n log n).
 */
public final class Auc {
    private Auc() {
    }

    /**
     * @param scores   higher means more likely positive
     * @param positive whether each case is positive
     * @throws IllegalArgumentException when either class is absent (the AUC is undefined)
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " outcomes");
        }
        double[] ranks = midRanks(scores);
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                positives++;
                rankSum += ranks[i];
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes; got " + positives + " positive and " + negatives
                    + " negative cases");
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Ranks 1..n of the values, tied values sharing the mean of their ranks. */
    static double[] midRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
