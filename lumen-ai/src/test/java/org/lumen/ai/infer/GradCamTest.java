package org.lumen.ai.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;

class GradCamTest {
    @TempDir
    Path out;

    @Test
    void theHeatMapOfA2dClassifierPointsAtTheQuadrantHoldingTheEvidence() throws IOException {
        BrightSquares train = new BrightSquares(2, 28, 192, 1);
        BrightSquares test = new BrightSquares(2, 28, 24, 2);
        try (Model model = trained(train, 3)) {
            SequentialBlock net = (SequentialBlock) model.getBlock();
            assertThat(accuracy(net, model.getNDManager(), test)).as("the network learnt the task").isGreaterThan(0.9);
            int explained = 0;
            for (int i = 0; i < test.labels.length; i++) {
                if (test.labels[i] != 1) {
                    continue;
                }
                Heatmap heat = GradCam.heatmap(net, model.getNDManager(), test.images.get(i), test.inputShape(), 1);
                assertThat(heat.size()).containsExactly(28, 28);
                assertInUnitRange(heat.values());
                assertThat(max(heat.values())).isEqualTo(1f);
                assertThat(test.regionOf(heat.peakIndex())).as("peak of image %d", i).isEqualTo(test.regions[i]);
                explained++;
            }
            assertThat(explained).isEqualTo(12);

            int first = 1;
            Heatmap heat = GradCam.heatmap(net, model.getNDManager(), test.images.get(first), test.inputShape(), 1);
            Path png = out.resolve("overlay.png");
            HeatmapFiles.overlayPng(test.images.get(first), test.inputShape(), heat, png);
            BufferedImage picture = ImageIO.read(png.toFile());
            assertThat(picture.getWidth()).isEqualTo(256);
            assertThat(picture.getHeight()).isEqualTo(256);
            int peak = heat.peakIndex();
            int rgb = picture.getRGB((peak % 28) * 256 / 28 + 4, (peak / 28) * 256 / 28 + 4);
            assertThat((rgb >> 16) & 0xff).as("red at the peak").isGreaterThan(rgb & 0xff);
        }
    }

    @Test
    void theHeatMapOfA3dClassifierPointsAtTheOctantHoldingTheEvidence() throws IOException, Exception {
        BrightSquares train = new BrightSquares(3, 12, 96, 3);
        BrightSquares test = new BrightSquares(3, 12, 12, 4);
        try (Model model = trained(train, 4)) {
            SequentialBlock net = (SequentialBlock) model.getBlock();
            assertThat(accuracy(net, model.getNDManager(), test)).as("the network learnt the task").isGreaterThan(0.85);
            Heatmap last = null;
            for (int i = 0; i < test.labels.length; i++) {
                if (test.labels[i] != 1) {
                    continue;
                }
                Heatmap heat = GradCam.heatmap(net, model.getNDManager(), test.images.get(i), test.inputShape(), 1);
                assertThat(heat.size()).containsExactly(12, 12, 12);
                assertInUnitRange(heat.values());
                assertThat(test.regionOf(heat.peakIndex())).as("peak of volume %d", i).isEqualTo(test.regions[i]);
                last = heat;
            }
            Path nii = out.resolve("map.nii.gz");
            HeatmapFiles.nifti(last, nii);
            Volume back = NiftiReader.read(nii);
            assertThat(new int[] {back.nz(), back.ny(), back.nx()}).containsExactly(12, 12, 12);
            assertThat(back.data()).containsExactly(last.values());
            Path png = out.resolve("slices.png");
            HeatmapFiles.middleSlicesPng(test.images.get(1), test.inputShape(), last, png);
            BufferedImage picture = ImageIO.read(png.toFile());
            assertThat(picture.getWidth()).isEqualTo(3 * HeatmapFiles.PANEL_SIDE);
            assertThat(picture.getHeight()).isEqualTo(HeatmapFiles.PANEL_SIDE);
        }
    }

    @Test
    void aClassTheNetworkDoesNotHaveIsRefused() {
        BrightSquares data = new BrightSquares(2, 28, 2, 5);
        try (NDManager manager = Engines.pytorch().newBaseManager();
             DjlClassifier network = TestNetworks.small2d(manager, 28, 3)) {
            assertThatThrownBy(() -> GradCam.heatmap(network.block(), network.manager(), data.images.get(0),
                    data.inputShape(), 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("class 2 outside the network's 2 classes");
        }
    }

    /** A tiny network trained for a few epochs with Adam. */
    private static Model trained(BrightSquares data, int epochs) {
        Engines.pytorch();
        Engine.getInstance().setRandomSeed(11);
        int width = data.dimensions == 2 ? 8 : 4;
        NetworkSpec spec = new NetworkSpec(data.dimensions, 1, 2, width, new int[] {width, 2 * width}, new int[] {1, 1}, 0f);
        Model model = Model.newInstance("gradcam-test");
        model.setBlock(Networks.build(spec));
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        int batch = 32;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(batchShape(batch, data.inputShape()));
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int start = 0; start + batch <= data.labels.length; start += batch) {
                    try (NDManager step = trainer.getManager().newSubManager()) {
                        NDArray x = step.create(flat(data.images.subList(start, start + batch)),
                                batchShape(batch, data.inputShape()));
                        float[] labels = new float[batch];
                        for (int i = 0; i < batch; i++) {
                            labels[i] = data.labels[start + i];
                        }
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(trainer.getLoss().evaluate(new NDList(step.create(labels)), new NDList(logits)));
                        }
                        trainer.step();
                    }
                }
            }
        }
        return model;
    }

    private static double accuracy(SequentialBlock net, NDManager manager, BrightSquares data) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(flat(data.images), batchShape(data.labels.length, data.inputShape()));
            float[] predicted = net.forward(new ai.djl.training.ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow().argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += (int) predicted[i] == data.labels[i] ? 1 : 0;
            }
            return (double) right / predicted.length;
        }
    }

    private static float[] flat(List<float[]> images) {
        int length = images.get(0).length;
        float[] flat = new float[images.size() * length];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, flat, i * length, length);
        }
        return flat;
    }

    private static Shape batchShape(int n, int[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = n;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        return new Shape(dims);
    }

    private static void assertInUnitRange(float[] values) {
        for (float v : values) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
