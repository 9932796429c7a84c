package org.lumen.ai.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;

/** Freshly built, seeded, randomly initialised networks: the service tests need a real model, not trained weights. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** A small 2D classifier (widths 8, 16; two classes) for {@code size}-pixel grey images, frozen as a loaded package is. */
    static DjlClassifier small2d(NDManager manager, int size, long seed) {
        Engines.pytorch();
        Engine.getInstance().setRandomSeed((int) seed);
        SequentialBlock block = Networks.build(new NetworkSpec(2, 1, 2, 8, new int[] {8, 16}, new int[] {1, 1}, 0f));
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, size, size));
        block.freezeParameters(true);
        return DjlClassifier.of(block, manager, new int[] {1, size, size}, List.of("0", "1"));
    }
}
