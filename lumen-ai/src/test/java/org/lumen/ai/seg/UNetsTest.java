package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.lumen.ai.net.Engines;
import org.lumen.ai.train.Augmentation;

/** The U-Net's shapes in 2D and 3D, the loss on hand-computed values, and the configuration's refusals. */
class UNetsTest {
    @Test
    void aUNetGivesOneLogitPerClassAtEveryVoxelIn3dAnd2d() {
        Engines.pytorch();
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net3 = UNets.build(new UNetSpec(3, 1, 3, 4, 3));
            Shape in3 = new Shape(2, 1, 8, 12, 16);
            net3.initialize(manager, DataType.FLOAT32, in3);
            NDArray out3 = net3.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(in3)), false)
                    .singletonOrThrow();
            assertThat(out3.getShape()).isEqualTo(new Shape(2, 3, 8, 12, 16));

            SequentialBlock net2 = UNets.build(new UNetSpec(2, 1, 2, 4, 4));
            Shape in2 = new Shape(1, 1, 16, 24);
            net2.initialize(manager, DataType.FLOAT32, in2);
            NDArray out2 = net2.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(in2)), false)
                    .singletonOrThrow();
            assertThat(out2.getShape()).isEqualTo(new Shape(1, 2, 16, 24));
        }
    }

    @Test
    void diceAndCrossEntropyOnHandComputedValues() {
        Engines.pytorch();
        try (NDManager manager = NDManager.newBaseManager()) {
            // zero logits: p = 1/2 everywhere, CE = ln 2; two of four voxels foreground:
            // Dice = (2 * 0.5 * 2 + 1) / (2 + 2 + 1) = 0.6, loss 0.4
            NDArray logits = manager.zeros(new Shape(1, 2, 4));
            NDArray target = manager.create(new float[] {1, 1, 0, 0, 0, 0, 1, 1}, new Shape(1, 2, 4));
            assertThat(DiceCrossEntropyLoss.crossEntropy(logits, target).getFloat()).isCloseTo((float) Math.log(2),
                    within(1e-6f));
            assertThat(DiceCrossEntropyLoss.softDice(logits, target).getFloat()).isCloseTo(0.4f, within(1e-6f));
            // confident and right: both terms vanish
            NDArray right = target.mul(40).sub(20);
            assertThat(DiceCrossEntropyLoss.of(right, target).getFloat()).isCloseTo(0f, within(1e-6f));
            // confident and wrong on every voxel: Dice (0 + 1) / (2 + 2 + 1) = 0.2 -> 0.8, CE 40 per voxel
            NDArray wrong = target.mul(-40).add(20);
            assertThat(DiceCrossEntropyLoss.softDice(wrong, target).getFloat()).isCloseTo(0.8f, within(1e-5f));
            assertThat(DiceCrossEntropyLoss.crossEntropy(wrong, target).getFloat()).isCloseTo(40f, within(1e-4f));
        }
    }

    @Test
    void refusesSizesTheNetworkCannotHalveAndBadNumbers() {
        UNetSpec spec = new UNetSpec(3, 1, 3, 8, 3);
        assertThatThrownBy(() -> new SegmentationConfig(spec, SegmentationConfig.Sampling.PATCHES, new int[] {30, 32, 32},
                0.5, 1, 1, 1, 1e-3, 0, 0, 0, Augmentation.none(), 1, 1, null, Segmenter.Options.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 4");
        assertThatThrownBy(() -> new UNetSpec(3, 1, 1, 8, 3)).hasMessageContaining("classes 1");
        assertThatThrownBy(() -> new UNetSpec(4, 1, 3, 8, 3)).hasMessageContaining("dimensions");
    }
}
