package org.lumen.ai.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A classifier over several classes on labelled cases: macro AUC (each class against the rest, then the plain mean),
 * accuracy of the most probable class (the first on ties) and the confusion matrix. {@link #toJson()} gives snake_case
 * keys including {@code auc} (the macro AUC), {@code accuracy} and {@code n}.
 *
 * <p>Undefined cases: a class that no case has (or that every case has) has no AUC; its entry in {@code classAucs} is
 * NaN ({@code null} in JSON) and the macro AUC is the mean over the classes that have one. When no class has one,
 * {@link #of} throws {@link IllegalArgumentException}.
 *
 * <p>Per class (one against the rest, the predicted class being the arg-max): sensitivity (recall) and specificity.
 * Calibration is that of the confidence, the largest probability, against whether the arg-max was right ({@code ece}
 * and {@code reliability}, 10 equal-width bins). With a {@link Bootstrap} the accuracy and the macro AUC get percentile
 * intervals from resamples stratified by class (each class drawn with replacement to its own count); without one the
 * interval ends are NaN.
 *
 * @param n               number of cases
 * @param classes         class names, index = label
 * @param auc             macro AUC, one-vs-rest
 * @param aucCiLow        lower end of its bootstrap interval (NaN without a bootstrap)
 * @param aucCiHigh       upper end
 * @param classAucs       the one-vs-rest AUC of each class
 * @param accuracy        share of cases whose most probable class is their label
 * @param accuracyCiLow   lower end of its bootstrap interval (NaN without a bootstrap)
 * @param accuracyCiHigh  upper end
 * @param ciMethod        how the intervals were made ("bootstrap" or "none")
 * @param confusion       {@code confusion[true][predicted]} counts
 * @param sensitivity     per class: share of its cases predicted as it (NaN for a class without cases)
 * @param specificity     per class: share of the other cases not predicted as it
 * @param ece             expected calibration error of the largest probability
 * @param reliability     the confidence bins behind {@code ece}
 */
public record MulticlassEvaluation(int n, List<String> classes, double auc, double aucCiLow, double aucCiHigh,
        List<Double> classAucs, double accuracy, double accuracyCiLow, double accuracyCiHigh, String ciMethod,
        int[][] confusion, List<Double> sensitivity, List<Double> specificity, double ece,
        List<ReliabilityBin> reliability) {

    public MulticlassEvaluation {
        classes = List.copyOf(classes);
        classAucs = List.copyOf(classAucs);
        sensitivity = List.copyOf(sensitivity);
        specificity = List.copyOf(specificity);
        reliability = List.copyOf(reliability);
    }

    /** Classes named "0", "1", ... */
    public static MulticlassEvaluation of(double[][] probabilities, int[] labels) {
        int k = probabilities.length == 0 ? 0 : probabilities[0].length;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        return of(probabilities, labels, names);
    }

    /**
     * @param probabilities one row per case, one column per class (softmax output)
     * @param labels        true class of each case, 0..classes-1
     */
    public static MulticlassEvaluation of(double[][] probabilities, int[] labels, List<String> classes) {
        return of(probabilities, labels, classes, null);
    }

    /**
     * @param bootstrap intervals for accuracy and macro AUC, or null for none
     */
    public static MulticlassEvaluation of(double[][] probabilities, int[] labels, List<String> classes,
                                          Bootstrap bootstrap) {
        int n = labels.length;
        int k = classes.size();
        if (probabilities.length != n || n == 0) {
            throw new IllegalArgumentException(probabilities.length + " rows of probabilities but " + n + " labels");
        }
        int[][] confusion = new int[k][k];
        int correct = 0;
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("case " + i + " has " + probabilities[i].length + " probabilities for "
                        + k + " classes");
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("case " + i + " has label " + labels[i] + " outside 0.." + (k - 1));
            }
            int predicted = argmax(probabilities[i]);
            confusion[labels[i]][predicted]++;
            correct += predicted == labels[i] ? 1 : 0;
            confidence[i] = probabilities[i][predicted];
            right[i] = predicted == labels[i];
        }
        double[] aucs = classAucs(probabilities, labels, k);
        if (Arrays.stream(aucs).allMatch(Double::isNaN)) {
            throw new IllegalArgumentException("macro AUC needs at least one class present and absent among the " + n
                    + " cases; every case has the same label");
        }
        double[] interval = bootstrap == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : intervals(probabilities, labels, k, bootstrap);
        Calibration calibration = Calibration.of(confidence, right, Calibration.DEFAULT_BINS);
        return new MulticlassEvaluation(n, classes, macro(aucs), interval[0], interval[1],
                Arrays.stream(aucs).boxed().toList(), (double) correct / n, interval[2], interval[3],
                bootstrap == null ? "none" : "bootstrap", confusion, sensitivities(confusion), specificities(confusion),
                calibration.ece(), calibration.bins());
    }

    /** One-vs-rest AUC per class; NaN for a class that no case, or every case, has. */
    private static double[] classAucs(double[][] probabilities, int[] labels, int k) {
        int n = labels.length;
        double[] aucs = new double[k];
        for (int c = 0; c < k; c++) {
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            int positives = 0;
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = labels[i] == c;
                positives += positive[i] ? 1 : 0;
            }
            aucs[c] = positives == 0 || positives == n ? Double.NaN : Auc.of(scores, positive);
        }
        return aucs;
    }

    /** The mean of the defined values. */
    private static double macro(double[] aucs) {
        return Arrays.stream(aucs).filter(a -> !Double.isNaN(a)).average().orElse(Double.NaN);
    }

    /**
     * Percentile intervals {aucLow, aucHigh, accuracyLow, accuracyHigh} over resamples stratified by class: each class's
     * cases drawn with replacement to its own count, so every resample has the classes the data has.
     */
    private static double[] intervals(double[][] probabilities, int[] labels, int k, Bootstrap bootstrap) {
        List<int[]> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cls = c;
            byClass.add(IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray());
        }
        SplittableRandom random = new SplittableRandom(bootstrap.seed());
        double[] aucs = new double[bootstrap.resamples()];
        double[] accuracies = new double[bootstrap.resamples()];
        double[][] p = new double[labels.length][];
        int[] l = new int[labels.length];
        for (int r = 0; r < bootstrap.resamples(); r++) {
            int m = 0;
            int correct = 0;
            for (int[] members : byClass) {
                for (int j = 0; j < members.length; j++, m++) {
                    int i = members[random.nextInt(members.length)];
                    p[m] = probabilities[i];
                    l[m] = labels[i];
                    correct += argmax(p[m]) == l[m] ? 1 : 0;
                }
            }
            aucs[r] = macro(classAucs(p, l, k));
            accuracies[r] = (double) correct / labels.length;
        }
        double alpha = (1 - bootstrap.level()) / 2;
        Arrays.sort(aucs);
        Arrays.sort(accuracies);
        return new double[] {Bootstrap.quantile(aucs, alpha), Bootstrap.quantile(aucs, 1 - alpha),
                Bootstrap.quantile(accuracies, alpha), Bootstrap.quantile(accuracies, 1 - alpha)};
    }

    private static List<Double> sensitivities(int[][] confusion) {
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int cases = Arrays.stream(confusion[c]).sum();
            out.add(cases == 0 ? Double.NaN : (double) confusion[c][c] / cases);
        }
        return out;
    }

    private static List<Double> specificities(int[][] confusion) {
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int others = 0;
            int calledOther = 0;
            for (int t = 0; t < confusion.length; t++) {
                if (t == c) {
                    continue;
                }
                int row = Arrays.stream(confusion[t]).sum();
                others += row;
                calledOther += row - confusion[t][c];
            }
            out.add(others == 0 ? Double.NaN : (double) calledOther / others);
        }
        return out;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** One JSON object, snake_case keys (at least {@code auc}, {@code accuracy}, {@code n}), undefined values null. */
    public String toJson() {
        return EvalJson.write(this);
    }
}
