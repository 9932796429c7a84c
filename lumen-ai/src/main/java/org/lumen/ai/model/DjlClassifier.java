package org.lumen.ai.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;

/**
 * A "djl" package's network: rebuilt from its {@link NetworkSpec} with {@link Networks#build}, its parameters loaded
 * from {@code weights.params} and frozen. Every call runs the block in inference mode (batch norm uses its running
 * statistics and updates nothing; no dropout) on its own sub-manager, so concurrent calls share only read-only
 * parameters. {@link #block()} and {@link #manager()} are there for Grad-CAM.
 */
public final class DjlClassifier implements Classifier {
    private final NDManager manager;
    private final SequentialBlock block;
    private final int[] inputShape;
    private final List<String> classes;

    private DjlClassifier(NDManager manager, SequentialBlock block, int[] inputShape, List<String> classes) {
        this.manager = manager;
        this.block = block;
        this.inputShape = inputShape.clone();
        this.classes = List.copyOf(classes);
    }

    static DjlClassifier load(ModelPackage pkg) {
        ModelManifest m = pkg.manifest();
        int[] inputShape = m.input().preprocessing().inputShape();
        NDManager manager = Engines.pytorch().newBaseManager();
        try (InputStream in = pkg.openFile(m.weightsFile());
             DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            SequentialBlock block = Networks.build(m.network());
            block.initialize(manager, DataType.FLOAT32, batchShape(1, inputShape));
            // DJL replaces each parameter with what the file holds, whatever its shape: compare with the spec's shapes
            List<Shape> expected = shapes(block);
            block.loadParameters(manager, data);
            List<Shape> loaded = shapes(block);
            if (!loaded.equals(expected) || data.read() != -1) {
                throw new ModelPackageException("the parameters in the file do not fit the network (shapes " + loaded
                        + ", the network needs " + expected + ")");
            }
            block.freezeParameters(true);
            return new DjlClassifier(manager, block, inputShape, m.output().classes());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            throw new ModelPackageException("cannot load the weights " + m.weightsFile() + " of model package "
                    + pkg.location() + " into its network " + m.network() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a block already holding its parameters (a network being trained, or built for a test). The classifier takes
     * neither: closing it closes nothing but what it made.
     */
    public static DjlClassifier of(SequentialBlock block, NDManager manager, int[] inputShape, List<String> classes) {
        return new DjlClassifier(manager.newSubManager(), block, inputShape, classes);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public float[][] predict(List<float[]> preparedBatch) {
        return Classifier.softmax(logits(preparedBatch));
    }

    /** The network's raw output (one logit per class), inference mode. */
    public float[][] logits(List<float[]> preparedBatch) {
        float[] packed = Classifier.pack(preparedBatch, inputShape);
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(packed, batchShape(preparedBatch.size(), inputShape));
            NDArray out = block.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
            float[] flat = out.toFloatArray();
            int k = classes.size();
            float[][] rows = new float[preparedBatch.size()][k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat, i * k, rows[i], 0, k);
            }
            return rows;
        }
    }

    /** The network, parameters loaded (Grad-CAM splits it with {@link Networks#features} and {@link Networks#head}). */
    public SequentialBlock block() {
        return block;
    }

    /** The manager that owns the parameters; make per-call sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }

    private static List<Shape> shapes(SequentialBlock block) {
        return block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
    }

    static Shape batchShape(int batch, int[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = batch;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        return new Shape(dims);
    }
}
