package org.lumen.ai.infer;

import java.util.ArrayList;
import java.util.List;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.eval.BinaryEvaluation;
import org.lumen.ai.eval.Bootstrap;
import org.lumen.ai.eval.MulticlassEvaluation;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelManifest.OutputContract;

/**
 * A model's performance on labelled, prepared images: a two-class model is judged as a binary classifier at its
 * manifest's positive class and operating threshold ({@link BinaryEvaluation}), a model of more classes by macro AUC and
 * the accuracy of its most probable class ({@link MulticlassEvaluation}, with stratified bootstrap 95% intervals for both,
 * per-class sensitivity and specificity and the confusion matrix). Exactly one of the two is set.
 */
public record ModelEvaluation(BinaryEvaluation binary, MulticlassEvaluation multiclass) {
    /** Images per model call. */
    public static final int BATCH = 64;
    /** Seeds the bootstrap intervals of a model of several classes, so the same images give the same interval. */
    static final long BOOTSTRAP_SEED = 20_260_707L;

    /** Classifies every image (in batches) and evaluates the answers against the labels. */
    public static ModelEvaluation of(ModelManifest manifest, Classifier classifier, LabelledImages prepared) {
        OutputContract out = manifest.output();
        float[][] probabilities = predict(classifier, prepared);
        int[] labels = prepared.labels();
        if (out.classes().size() == 2) {
            double[] scores = new double[probabilities.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = probabilities[i][out.positiveClass()];
            }
            return new ModelEvaluation(BinaryEvaluation.of(scores, labels, out.positiveClass(), out.threshold()), null);
        }
        double[][] asDouble = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            asDouble[i] = new double[probabilities[i].length];
            for (int c = 0; c < asDouble[i].length; c++) {
                asDouble[i][c] = probabilities[i][c];
            }
        }
        return new ModelEvaluation(null, MulticlassEvaluation.of(asDouble, labels, out.classes(),
                Bootstrap.standard(BOOTSTRAP_SEED)));
    }

    /** Class probabilities of every image, in order. */
    public static float[][] predict(Classifier classifier, LabelledImages prepared) {
        float[][] probabilities = new float[prepared.size()][];
        for (int start = 0; start < prepared.size(); start += BATCH) {
            int end = Math.min(prepared.size(), start + BATCH);
            List<float[]> batch = new ArrayList<>(prepared.images().subList(start, end));
            float[][] answer = classifier.predict(batch);
            System.arraycopy(answer, 0, probabilities, start, answer.length);
        }
        return probabilities;
    }

    public int n() {
        return binary != null ? binary.n() : multiclass.n();
    }

    public double auc() {
        return binary != null ? binary.auc() : multiclass.auc();
    }

    public double accuracy() {
        return binary != null ? binary.accuracy() : multiclass.accuracy();
    }

    /** The evaluation's own JSON object (snake_case; at least "auc", "accuracy" and "n"). */
    public String toJson() {
        return binary != null ? binary.toJson() : multiclass.toJson();
    }
}
