package org.lumen.ai.net;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds the DJL block of a {@link NetworkSpec}. The block is a {@link SequentialBlock} of four parts, in this order, which
 * Grad-CAM and the ONNX exporter rely on: {@code [0]} stem, {@code [1]} the stages (a SequentialBlock of blocks, each a
 * ParallelBlock {main, shortcut} followed by ReLU), {@code [2]} global average pool, {@code [3]} head (flatten, dropout,
 * linear). {@link #features(SequentialBlock)} and {@link #head(SequentialBlock)} split it where Grad-CAM needs it.
 */
public final class Networks {
    private Networks() {
    }

    public static SequentialBlock build(NetworkSpec spec) {
        SequentialBlock net = new SequentialBlock();
        net.add(new SequentialBlock().add(conv(spec, spec.stemWidth(), 3, 1)).add(BatchNorm.builder().build())
                .add(Activation.reluBlock()));
        SequentialBlock stages = new SequentialBlock();
        int in = spec.stemWidth();
        int[] widths = spec.widths();
        int[] blocks = spec.blocks();
        for (int stage = 0; stage < widths.length; stage++) {
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                stages.add(residual(spec, in, widths[stage], stride));
                in = widths[stage];
            }
        }
        net.add(stages);
        net.add(spec.dimensions() == 2 ? Pool.globalAvgPool2dBlock() : Pool.globalAvgPool3dBlock());
        net.add(new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Dropout.builder().optRate(spec.dropout()).build())
                .add(Linear.builder().setUnits(spec.classes()).build()));
        return net;
    }

    /** Stem and stages: the image to the last feature map. */
    public static SequentialBlock features(SequentialBlock net) {
        List<Block> parts = net.getChildren().values();
        return new SequentialBlock().add(parts.get(0)).add(parts.get(1));
    }

    /** Pool and head: the last feature map to the logits. */
    public static SequentialBlock head(SequentialBlock net) {
        List<Block> parts = net.getChildren().values();
        return new SequentialBlock().add(parts.get(2)).add(parts.get(3));
    }

    private static Block residual(NetworkSpec spec, int in, int out, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(spec, out, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(spec, out, 3, 1)).add(BatchNorm.builder().build());
        Block shortcut = in == out && stride == 1 ? Blocks.identityBlock()
                : new SequentialBlock().add(conv(spec, out, 1, stride)).add(BatchNorm.builder().build());
        return new SequentialBlock()
                .add(new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                        List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static Block conv(NetworkSpec spec, int filters, int kernel, int stride) {
        int pad = kernel / 2;
        if (spec.dimensions() == 2) {
            return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                    .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optBias(false).build();
        }
        return Conv3d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel, kernel))
                .optStride(new Shape(stride, stride, stride)).optPadding(new Shape(pad, pad, pad)).optBias(false).build();
    }
}
