package org.lumen.ai.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.Networks;

/**
 * Grad-CAM (Selvaraju et al., 2017) for Lumen's classifiers, 2D and 3D: the last feature map A of the network
 * ({@link Networks#features}), the gradient of the class's logit with respect to it, each feature channel weighted by the
 * spatial mean of its gradient, {@code ReLU(sum_k w_k A_k)}, resampled to the input size and divided by its maximum.
 *
 * <p>DJL allows one gradient collector at a time in a process, so maps are computed one at a time.
 */
public final class GradCam {
    private static final Object ONE_COLLECTOR = new Object();

    private GradCam() {
    }

    /**
     * The heat map of {@code classIndex} for one prepared image.
     *
     * @param net        the whole classifier network (as built by {@link Networks#build}), initialised
     * @param manager    a manager of the network's device; arrays made here are released before returning
     * @param prepared   the image as the model takes it, {@code inputShape} channels first
     * @param inputShape {@code {C, H, W}} or {@code {C, D, H, W}}
     */
    public static Heatmap heatmap(SequentialBlock net, NDManager manager, float[] prepared, int[] inputShape, int classIndex) {
        Engines.pytorch();
        int spatialDims = inputShape.length - 1;
        int[] size = Arrays.copyOfRange(inputShape, 1, inputShape.length);
        float[] cam;
        int[] camSize;
        synchronized (ONE_COLLECTOR) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray image = scope.create(prepared, batchOfOne(inputShape));
                ParameterStore parameters = new ParameterStore(scope, false);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray features = Networks.features(net).forward(parameters, new NDList(image), false)
                            .singletonOrThrow().stopGradient();
                    features.setRequiresGradient(true);
                    NDArray logits = Networks.head(net).forward(parameters, new NDList(features), false).singletonOrThrow();
                    if (classIndex < 0 || classIndex >= logits.getShape().get(1)) {
                        throw new IllegalArgumentException("class " + classIndex + " outside the network's "
                                + logits.getShape().get(1) + " classes");
                    }
                    collector.backward(logits.get(0, classIndex));
                    // PyTorch's mean and sum take one axis here: flatten the spatial axes to one, {1, K, N}.
                    long[] featureShape = features.getShape().getShape();
                    Shape flat = new Shape(1, featureShape[1], -1);
                    NDArray weights = features.getGradient().reshape(flat).mean(new int[] {2}, true);
                    NDArray weighted = features.stopGradient().reshape(flat).mul(weights).sum(new int[] {1}).maximum(0f);
                    cam = weighted.toFloatArray();
                    camSize = new int[spatialDims];
                    for (int d = 0; d < spatialDims; d++) {
                        camSize[d] = (int) featureShape[2 + d];
                    }
                }
            }
        }
        Heatmap coarse = new Heatmap(camSize, scaleToUnit(cam), classIndex);
        Heatmap full = coarse.resized(size);
        return new Heatmap(size, scaleToUnit(full.values()), classIndex);
    }

    /** Divides by the maximum, so the strongest evidence is 1; a map without any positive value stays 0. */
    private static float[] scaleToUnit(float[] values) {
        float max = 0f;
        for (float v : values) {
            max = Math.max(max, v);
        }
        if (max > 0f) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(0f, values[i] / max);
            }
        }
        return values;
    }

    private static Shape batchOfOne(int[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = 1;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        return new Shape(dims);
    }
}
