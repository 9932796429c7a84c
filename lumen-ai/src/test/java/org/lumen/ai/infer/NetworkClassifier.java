package org.lumen.ai.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.IntStream;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;

/** A classifier over a freshly built, seeded, randomly initialised network: model-service tests need no trained weights. */
final class NetworkClassifier implements Classifier {
    private final NDManager manager;
    private final SequentialBlock block;
    private final int[] inputShape;

    NetworkClassifier(NetworkSpec spec, int[] inputShape, long seed) {
        Engines.pytorch();
        Engine.getInstance().setRandomSeed((int) seed);
        this.manager = NDManager.newBaseManager();
        this.block = Networks.build(spec);
        this.inputShape = inputShape.clone();
        block.initialize(manager, DataType.FLOAT32, batchShape(1));
    }

    /** A 2D network small enough for quick tests: widths 8, 16. */
    static NetworkClassifier small2d(int size, long seed) {
        return new NetworkClassifier(new NetworkSpec(2, 1, 2, 8, new int[] {8, 16}, new int[] {1, 1}, 0f),
                new int[] {1, size, size}, seed);
    }

    SequentialBlock block() {
        return block;
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> classes() {
        return IntStream.range(0, 2).mapToObj(Integer::toString).toList();
    }

    @Override
    public float[][] predict(List<float[]> batch) {
        int length = batch.get(0).length;
        float[] flat = new float[batch.size() * length];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i), 0, flat, i * length, length);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(flat, batchShape(batch.size()));
            NDArray probabilities = block.forward(new ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow().softmax(1);
            float[] values = probabilities.toFloatArray();
            int classes = values.length / batch.size();
            float[][] result = new float[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                result[i] = java.util.Arrays.copyOfRange(values, i * classes, (i + 1) * classes);
            }
            return result;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private Shape batchShape(int n) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = n;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        return new Shape(dims);
    }
}
