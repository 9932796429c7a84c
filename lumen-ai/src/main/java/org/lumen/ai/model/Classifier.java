package org.lumen.ai.model;

import java.util.List;

/**
 * A loaded image classifier. Inputs are images already prepared as the manifest's preprocessing says
 * ({@code org.lumen.ai.data.ImagePreparer}), flattened channels first at {@link #inputShape()}. Implementations are safe
 * to call from several threads at once.
 */
public interface Classifier extends AutoCloseable {

    /** The shape of one prepared input, channels first: {@code {C, H, W}} or {@code {C, D, H, W}}. */
    int[] inputShape();

    /** The class names, index = position in a row of {@link #predict}. */
    List<String> classes();

    /** Class probabilities (softmax; each row sums to 1), one row per input, in order. */
    float[][] predict(List<float[]> preparedBatch);

    @Override
    void close();

    /** Row-wise softmax of logits, computed stably (the largest logit subtracted first). */
    static float[][] softmax(float[][] logits) {
        float[][] probabilities = new float[logits.length][];
        for (int r = 0; r < logits.length; r++) {
            float[] row = logits[r];
            float max = Float.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] e = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                e[i] = Math.exp(row[i] - max);
                sum += e[i];
            }
            probabilities[r] = new float[row.length];
            for (int i = 0; i < row.length; i++) {
                probabilities[r][i] = (float) (e[i] / sum);
            }
        }
        return probabilities;
    }

    /** The shape of a batch of {@code batch} inputs: {@code batch} followed by {@code inputShape}. */
    static long[] batchShape(int batch, int[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = batch;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        return dims;
    }

    /** The index of the most probable class of one row of {@link #predict} (the first on ties). */
    static int argMax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Checks a batch against the input shape and packs it into one array, batch first. */
    static float[] pack(List<float[]> batch, int[] inputShape) {
        int size = org.lumen.ai.data.LabelledImages.voxels(inputShape);
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        float[] packed = new float[size * batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            float[] image = batch.get(i);
            if (image.length != size) {
                throw new IllegalArgumentException("input " + i + " has " + image.length + " values but the model takes "
                        + java.util.Arrays.toString(inputShape) + " = " + size);
            }
            System.arraycopy(image, 0, packed, i * size, size);
        }
        return packed;
    }
}
