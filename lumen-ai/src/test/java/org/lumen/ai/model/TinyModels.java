package org.lumen.ai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;
import org.lumen.dicom.testing.TestData;

/**
 * Small networks on real MedMNIST images for the package and ONNX tests: randomly initialised, then run forward in
 * training mode over real images so that every batch norm layer has running statistics far from the initial 0 and 1
 * (otherwise a wrongly exported or loaded batch norm would go unnoticed).
 */
public final class TinyModels {
    public static final String PNEUMONIA = "medmnist/pneumoniamnist.npz";
    public static final String ADRENAL_3D = "medmnist/adrenalmnist3d.npz";

    private TinyModels() {
    }

    /** Two stages (the second with a strided projection shortcut) and an identity-shortcut block. */
    public static NetworkSpec spec(int dimensions) {
        return new NetworkSpec(dimensions, 1, 2, 4, new int[] {4, 8}, new int[] {2, 1}, 0.3f);
    }

    public static Preprocessing preprocessing(int dimensions) {
        return new Preprocessing(dimensions == 2 ? new int[] {28, 28} : new int[] {28, 28, 28}, 1, 120f, 60f, null);
    }

    /** {@code count} validation images of the dataset, normalised by {@link #preprocessing}. */
    public static List<float[]> images(int dimensions, int count) {
        try {
            LabelledImages raw = NpzReader.read(TestData.data(dimensions == 2 ? PNEUMONIA : ADRENAL_3D), "val");
            Preprocessing p = preprocessing(dimensions);
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                float[] image = raw.images().get(i).clone();
                p.normaliseInPlace(image);
                out.add(image);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A network with random weights (seeded: the same every run) and batch-norm running statistics from real images. */
    public static SequentialBlock network(NetworkSpec spec, NDManager manager) {
        Engines.pytorch().setRandomSeed(20240 + spec.dimensions());
        SequentialBlock block = Networks.build(spec);
        int[] shape = preprocessing(spec.dimensions()).inputShape();
        block.initialize(manager, DataType.FLOAT32, DjlClassifier.batchShape(1, shape));
        List<float[]> images = images(spec.dimensions(), 8);
        float[] packed = Classifier.pack(images, shape);
        try (NDManager pass = manager.newSubManager()) {
            NDArray x = pass.create(packed, DjlClassifier.batchShape(images.size(), shape));
            for (int i = 0; i < 5; i++) {
                block.forward(new ParameterStore(pass, false), new NDList(x), true);
            }
        }
        return block;
    }

    /** The largest distance of any batch-norm running mean from 0 or running variance from 1. */
    public static double runningStatisticsSpread(SequentialBlock block) {
        double spread = 0;
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.getType() == Parameter.Type.RUNNING_MEAN) {
                spread = Math.max(spread, p.getArray().abs().max().getFloat());
            } else if (p.getType() == Parameter.Type.RUNNING_VAR) {
                spread = Math.max(spread, p.getArray().sub(1).abs().max().getFloat());
            }
        }
        return spread;
    }

    public static ModelManifest manifest(String name, NetworkSpec spec) {
        int d = spec.dimensions();
        return new ModelManifest(name, "0.1.0", "classification", "A tiny test network", new ModelManifest.InputContract(
                d == 2 ? List.of("CR", "DX") : List.of("CT"), d == 2 ? List.of("CHEST") : List.of("ABDOMEN"), d,
                preprocessing(d)),
                new ModelManifest.OutputContract(List.of("normal", "pneumonia"),
                        List.of(new Finding("pneumonia", "SCT", "233604007", "Pneumonia")), 1, 0.5),
                spec, ModelManifest.FORMAT_DJL, null, null,
                new ModelManifest.Training("PneumoniaMNIST (MedMNIST v2)", "CC BY 4.0",
                        "Yang et al., MedMNIST v2, Scientific Data 2023", "./lumen train --task pneumonia-cxr --npz x.npz",
                        42, 3, 100, 50),
                Map.of("auc", 0.9, "auc_ci_low", 0.85, "auc_ci_high", 0.95, "accuracy", 0.8));
    }
}
