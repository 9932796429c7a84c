package org.lumen.ai.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted probabilities match observed frequencies: equal-width bins on [0, 1] and the expected calibration
 * error {@code ECE = sum over bins of (count / N) * |mean predicted - observed rate|}.
 *
 * @param ece  the expected calibration error
 * @param bins the bins in order, empty ones included
 */
public record Calibration(double ece, List<ReliabilityBin> bins) {
    public static final int DEFAULT_BINS = 10;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * @param probabilities predicted probability of the positive class for each case, in [0, 1]
     * @throws IllegalArgumentException for a value outside [0, 1] (calibration is about probabilities, not scores)
     */
    public static Calibration of(double[] probabilities, boolean[] positive, int binCount) {
        if (probabilities.length == 0 || probabilities.length != positive.length) {
            throw new IllegalArgumentException("calibration needs as many outcomes as probabilities, at least one; got "
                    + probabilities.length + " and " + positive.length);
        }
        int[] counts = new int[binCount];
        double[] sums = new double[binCount];
        int[] positives = new int[binCount];
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("calibration needs probabilities in [0, 1]; case " + i + " has " + p);
            }
            int bin = Math.min(binCount - 1, (int) Math.floor(p * binCount));
            counts[bin]++;
            sums[bin] += p;
            positives[bin] += positive[i] ? 1 : 0;
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = counts[b] == 0 ? Double.NaN : sums[b] / counts[b];
            double rate = counts[b] == 0 ? Double.NaN : (double) positives[b] / counts[b];
            bins.add(new ReliabilityBin((double) b / binCount, (double) (b + 1) / binCount, counts[b], mean, rate));
            if (counts[b] > 0) {
                ece += (double) counts[b] / probabilities.length * Math.abs(mean - rate);
            }
        }
        return new Calibration(ece, bins);
    }
}
