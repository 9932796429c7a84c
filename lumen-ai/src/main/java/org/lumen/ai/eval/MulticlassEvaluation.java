package org.lumen.ai.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A classifier over several classes on labelled cases: macro AUC (each class against the rest, then the plain mean),
 * accuracy of the most probable class (the first on ties) and the confusion matrix. {@link #toJson()} gives snake_case
 * keys including {@code auc} (the macro AUC), {@code accuracy} and {@code n}.
 *
 * <p>Undefined cases: a class that no case has (or that every case has) has no AUC; its entry in {@code classAucs} is
 * NaN ({@code null} in JSON) and the macro AUC is the mean over the classes that have one. When no class has one,
 * {@link #of} throws {@link IllegalArgumentException}.
 *
 * @param n         number of cases
 * @param classes   class names, index = label
 * @param auc       macro AUC, one-vs-rest
 * @param classAucs the one-vs-rest AUC of each class
 * @param accuracy  share of cases whose most probable class is their label
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record MulticlassEvaluation(int n, List<String> classes, double auc, List<Double> classAucs, double accuracy,
        int[][] confusion) {

    public MulticlassEvaluation {
        classes = List.copyOf(classes);
        classAucs = List.copyOf(classAucs);
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
        int n = labels.length;
        int k = classes.size();
        if (probabilities.length != n || n == 0) {
            throw new IllegalArgumentException(probabilities.length + " rows of probabilities but " + n + " labels");
        }
        int[][] confusion = new int[k][k];
        int correct = 0;
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
        }
        List<Double> aucs = new ArrayList<>();
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < k; c++) {
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            int positives = 0;
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = labels[i] == c;
                positives += positive[i] ? 1 : 0;
            }
            if (positives == 0 || positives == n) {
                aucs.add(Double.NaN);
            } else {
                double auc = Auc.of(scores, positive);
                aucs.add(auc);
                sum += auc;
                defined++;
            }
        }
        if (defined == 0) {
            throw new IllegalArgumentException("macro AUC needs at least one class present and absent among the " + n
                    + " cases; every case has the same label");
        }
        return new MulticlassEvaluation(n, classes, sum / defined, aucs, (double) correct / n, confusion);
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
