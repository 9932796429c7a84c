package org.lumen.ai.seg;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import org.lumen.ai.net.Engines;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * Segments whole volumes with a trained U-Net: z-score the image within itself, pad it (with 0, the mean) to the next
 * multiple of the network's size step, run the network in inference mode (batch norm with its running statistics),
 * optionally average the class probabilities with those of the left-right mirrored volume (test-time flip along x, the
 * only flip that keeps the labels' meaning for structures named anterior/posterior), take the arg-max class per voxel
 * and apply the chosen {@link PostProcessing}. The label map comes back on the input's grid (same size and geometry).
 *
 * <p>The whole volume goes through at once (a fully convolutional network takes any size): right for crops such as the
 * hippocampus volumes; a sliding window for large volumes is not implemented yet.
 */
public final class Segmenter implements AutoCloseable {
    /** How to segment. */
    public record Options(boolean flipX, PostProcessing postProcessing) {
        public static final Options DEFAULTS = new Options(true, PostProcessing.LARGEST_COMPONENT_PER_LABEL);
    }

    private final UNetSpec spec;
    private final Block block;
    private final NDManager manager;
    private final boolean ownsManager;

    private Segmenter(UNetSpec spec, Block block, NDManager manager, boolean ownsManager) {
        this.spec = spec;
        this.block = block;
        this.manager = manager;
        this.ownsManager = ownsManager;
    }

    /** A segmenter over a network in memory (e.g. during training); closing it leaves the network and manager alone. */
    public static Segmenter of(UNetSpec spec, Block block, NDManager manager) {
        return new Segmenter(spec, block, manager, false);
    }

    /** Rebuilds the network of {@code spec} and loads parameters saved with {@code Block.saveParameters}. */
    public static Segmenter load(UNetSpec spec, byte[] parameters) throws IOException {
        Engines.pytorch();
        NDManager manager = NDManager.newBaseManager();
        try {
            Block block = UNets.build(spec);
            int m = spec.sizeMultiple();
            block.initialize(manager, DataType.FLOAT32, inputShape(spec, new int[] {m, m, spec.dimensions() == 2 ? 1 : m}));
            // DJL replaces each parameter with what the file holds, whatever its shape: compare with the spec's shapes
            List<Shape> expected = shapes(block);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                block.loadParameters(manager, in);
                if (!shapes(block).equals(expected) || in.read() != -1) {
                    throw new IOException("the weights do not fit the U-Net " + spec + " (parameter shapes "
                            + shapes(block) + ", the network needs " + expected + ")");
                }
            } catch (MalformedModelException e) {
                throw new IOException("the weights do not fit the U-Net " + spec + ": " + e.getMessage(), e);
            }
            block.freezeParameters(true);
            return new Segmenter(spec, block, manager, true);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static List<Shape> shapes(Block block) {
        return block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
    }

    public UNetSpec spec() {
        return spec;
    }

    /** The label map of {@code image} on its grid (UINT8 voxels, the image's geometry). */
    public Volume segment(Volume image, Options options) {
        int[] dims = VoxelGrid.dims(image);
        int[] labels = labels(VoxelGrid.zScore(image), dims, options);
        float[] data = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = labels[i];
        }
        return new Volume(image.nx(), image.ny(), image.nz(), data, VoxelType.UINT8, image.geometry());
    }

    /** Labels of a normalised image (x fastest, dims {nx, ny, nz}). */
    public int[] labels(float[] normalised, int[] dims, Options options) {
        int[] labels = argMax(probabilities(normalised, dims, options.flipX()), VoxelGrid.count(dims));
        return ConnectedComponents.apply(labels, dims, options.postProcessing());
    }

    /** The most probable class per voxel of class probabilities {@code {K, voxels}} (the lower class on ties). */
    public int[] argMax(float[] probabilities, int voxels) {
        int[] labels = new int[voxels];
        for (int i = 0; i < voxels; i++) {
            int best = 0;
            for (int k = 1; k < spec.classes(); k++) {
                if (probabilities[k * voxels + i] > probabilities[best * voxels + i]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /** Class probabilities {@code {K, nz, ny, nx}} of a normalised image, optionally averaged with the x-mirrored pass. */
    public float[] probabilities(float[] normalised, int[] dims, boolean flipX) {
        int[] padded = VoxelGrid.roundedUp(dims, spec.sizeMultiple());
        if (spec.dimensions() == 2) {
            padded[2] = dims[2];
        }
        int[] start = VoxelGrid.centredStart(dims, padded);
        float[] input = VoxelGrid.crop(normalised, dims, start, padded, 0f);
        int[] back = VoxelGrid.centredStart(padded, dims);
        int voxels = VoxelGrid.count(dims);
        float[] out = new float[spec.classes() * voxels];
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(FloatBuffer.wrap(input), inputShape(spec, padded));
            if (flipX) {
                x = x.concat(x.flip(x.getShape().dimension() - 1), 0);
            }
            NDArray p = block.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow().softmax(1);
            if (flipX) {
                p = p.get(0).add(p.get(1).flip(p.getShape().dimension() - 2)).div(2).expandDims(0);
            }
            float[] all = p.toFloatArray();
            int paddedVoxels = VoxelGrid.count(padded);
            for (int k = 0; k < spec.classes(); k++) {
                float[] channel = new float[paddedVoxels];
                System.arraycopy(all, k * paddedVoxels, channel, 0, paddedVoxels);
                System.arraycopy(VoxelGrid.crop(channel, padded, back, dims, 0f), 0, out, k * voxels, voxels);
            }
        }
        return out;
    }

    /** The network's input shape for one image of {@code dims} ({nx, ny, nz}; 2D takes nz = 1). */
    static Shape inputShape(UNetSpec spec, int[] dims) {
        return inputShape(spec, 1, dims);
    }

    static Shape inputShape(UNetSpec spec, int batch, int[] dims) {
        return shape(spec.dimensions(), batch, spec.inChannels(), dims);
    }

    /** {batch, channels, (nz,) ny, nx}. */
    static Shape shape(int dimensions, int batch, int channels, int[] dims) {
        return dimensions == 2 ? new Shape(batch, channels, dims[1], dims[0])
                : new Shape(batch, channels, dims[2], dims[1], dims[0]);
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
