package org.lumen.ai.seg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds the DJL block of a {@link UNetSpec}. The skip connections are {@link ParallelBlock}s {identity, down-and-back}
 * joined by concatenation on the channel axis, so the whole network is a plain tree of DJL blocks (saved and loaded with
 * {@code saveParameters}/{@code loadParameters} like the classifiers). Upsampling is nearest-neighbour (each voxel
 * repeated twice per axis) followed by a 3x3(x3) convolution: DJL 0.36 has no 3D transposed convolution.
 * Not exported to ONNX yet ({@code OnnxExporter} knows the classifier blocks only).
 */
public final class UNets {
    private UNets() {
    }

    public static SequentialBlock build(UNetSpec spec) {
        return new SequentialBlock().add(level(spec, 0)).add(conv(spec, spec.classes(), 1, true));
    }

    private static Block level(UNetSpec spec, int level) {
        int width = spec.width(level);
        SequentialBlock block = new SequentialBlock().add(convNormRelu(spec, width)).add(convNormRelu(spec, width));
        if (level == spec.depth() - 1) {
            return block;
        }
        SequentialBlock below = new SequentialBlock()
                .add(spec.dimensions() == 2 ? Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))
                        : Pool.maxPool3dBlock(new Shape(2, 2, 2), new Shape(2, 2, 2)))
                .add(level(spec, level + 1))
                .add(upsample(spec))
                .add(convNormRelu(spec, width));
        return block
                .add(new ParallelBlock(UNets::concatenateChannels, List.of(Blocks.identityBlock(), below)))
                .add(convNormRelu(spec, width))
                .add(convNormRelu(spec, width));
    }

    private static NDList concatenateChannels(List<NDList> branches) {
        NDList arrays = new NDList();
        for (NDList branch : branches) {
            arrays.add(branch.singletonOrThrow());
        }
        return new NDList(NDArrays.concat(arrays, 1));
    }

    /** Doubles every spatial axis by repeating each voxel. */
    private static Block upsample(UNetSpec spec) {
        int first = 2;
        int last = first + spec.dimensions();
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            for (int axis = first; axis < last; axis++) {
                x = x.repeat(axis, 2);
            }
            return new NDList(x);
        }, "upsample");
    }

    private static Block convNormRelu(UNetSpec spec, int width) {
        return new SequentialBlock().add(conv(spec, width, 3, false)).add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    private static Block conv(UNetSpec spec, int filters, int kernel, boolean bias) {
        int pad = kernel / 2;
        if (spec.dimensions() == 2) {
            return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                    .optPadding(new Shape(pad, pad)).optBias(bias).build();
        }
        return Conv3d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel, kernel))
                .optPadding(new Shape(pad, pad, pad)).optBias(bias).build();
    }
}
