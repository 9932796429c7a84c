package org.lumen.ai.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One point of an ROC curve: calling {@code score >= threshold} positive gives this false and true positive rate. The
 * curve starts at threshold +infinity (0, 0) (written {@code null} in JSON) and ends at the lowest score (1, 1).
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {

    /** The curve with one point per distinct score, from the highest threshold down. Both classes must be present. */
    public static List<RocPoint> curve(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("an ROC curve needs both classes; got " + positives + " positive and "
                    + negatives + " negative cases");
        }
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; ) {
            double threshold = scores[order[k]];
            while (k < order.length && scores[order[k]] == threshold) {
                if (positive[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            points.add(new RocPoint(threshold, (double) fp / negatives, (double) tp / positives));
        }
        return points;
    }

    /** The trapezoidal area under a curve from {@link #curve}; equals the Mann-Whitney AUC. */
    public static double area(List<RocPoint> curve) {
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            RocPoint a = curve.get(i - 1);
            RocPoint b = curve.get(i);
            area += (b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate) / 2;
        }
        return area;
    }
}
