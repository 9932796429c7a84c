package org.lumen.ai.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;

/**
 * Small model packages for tests that need one installed (the command line's {@code models}, {@code analyze},
 * {@code evaluate}): an untrained network with seeded random weights, so every run writes the same package.
 */
public final class TestPackages {
    /** One stage of width 4: the smallest ResNet the network builder makes, quick to write and to run. */
    public static final NetworkSpec SMALL = new NetworkSpec(2, 1, 2, 4, new int[] {4}, new int[] {1}, 0f);
    private static final int SEED = 20241;

    private TestPackages() {
    }

    /**
     * A chest radiograph model: CR CHEST 2D, 28 x 28 grey at unit scale, classes normal/pneumonia with pneumonia the
     * positive class at threshold 0.4, version 1.2.0, validation AUC 0.9 (0.85-0.95).
     */
    public static ModelManifest chestManifest(String name) {
        return new ModelManifest(name, "1.2.0", "classification", "test chest model",
                new ModelManifest.InputContract(List.of("CR"), List.of("CHEST"), 2, Preprocessing.unitScale(new int[] {28, 28}, 1)),
                new ModelManifest.OutputContract(List.of("normal", "pneumonia"),
                        List.of(new Finding("pneumonia", "SCT", "233604007", "Pneumonia")), 1, 0.4),
                SMALL, ModelManifest.FORMAT_DJL, null, null,
                new ModelManifest.Training("PneumoniaMNIST (MedMNIST v2)", "CC BY 4.0", "Yang et al. 2023",
                        "./lumen train --task pneumonia-cxr", 7, 2, 10, 5),
                Map.of("auc", 0.9, "auc_ci_low", 0.85, "auc_ci_high", 0.95));
    }

    /** Writes {@link #chestManifest} with seeded random weights as a package folder {@code dir}. */
    public static ModelPackage writeChest(Path dir, String name) {
        ModelManifest m = chestManifest(name);
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            Engines.pytorch().setRandomSeed(SEED);
            SequentialBlock block = Networks.build(m.network());
            block.initialize(manager, DataType.FLOAT32,
                    new Shape(Classifier.batchShape(1, m.input().preprocessing().inputShape())));
            return ModelPackage.write(dir, m, ModelPackage.djlParameters(block), ModelCard.markdown(m));
        }
    }
}
