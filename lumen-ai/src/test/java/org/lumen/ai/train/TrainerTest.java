package org.lumen.ai.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.dicom.testing.TestData;

/**
 * Trains a tiny ResNet for five epochs on 600 PneumoniaMNIST training images (a seeded sample) and checks it on the 524
 * validation images it never saw; then stops a run after two epochs and resumes it.
 */
class TrainerTest {
    @TempDir
    Path tmp;

    private static TrainConfig tiny(Path out, int epochs) {
        return new TrainConfig("pneumonia-cxr", TestData.data("medmnist/pneumoniamnist.npz"), List.of("normal", "pneumonia"),
                1, epochs, 32, 3e-3, 1e-4, 0.5, 7,
                new NetworkSpec(2, 1, 2, 16, new int[] {16, 32}, new int[] {1, 1}, 0.1f),
                new Augmentation(true, false, false, 8, 0.05, 0.05, 0.05), new Preprocessing(new int[] {28, 28}, 1, 127.5f,
                64f, null), ClassBalance.WEIGHTED_LOSS, 0.0,
                OperatingPoint.Rule.YOUDEN, 0, 600, 1, out, null, 0);
    }

    @Test
    void aShortRunOnRealImagesBeatsChanceClearlyOnHeldBackImages() throws Exception {
        List<EpochMetrics> heard = new ArrayList<>();
        TrainingResult result = Trainer.train(tiny(tmp.resolve("a"), 5), new TrainingListener() {
            @Override
            public void epochDone(EpochMetrics metrics, boolean best) {
                heard.add(metrics);
            }
        });
        assertThat(result.trainCount()).isEqualTo(600);
        assertThat(result.valCount()).isEqualTo(524);
        assertThat(heard).isEqualTo(result.history()).hasSize(5);
        assertThat(result.best().valAuc()).isGreaterThan(0.85);
        assertThat(result.operatingPoint().accuracy()).isGreaterThan(0.75);
        assertThat(result.bestParameters()).isNotEmpty();
    }

    @Test
    void aResumedRunContinuesAfterTheSavedEpochAndDrawsTheSameImages() throws Exception {
        Path out = tmp.resolve("b");
        TrainingResult firstTwo = Trainer.train(tiny(out, 2), TrainingListener.SILENT);
        Path checkpoints = tiny(out, 2).checkpoints();
        assertThat(checkpoints).isEqualTo(tmp.resolve("b.checkpoints"));
        assertThat(checkpoints.resolve("last.params")).isRegularFile();
        assertThat(checkpoints.resolve("state.json")).isRegularFile();

        List<Integer> epochsRun = new ArrayList<>();
        int[] startedAt = new int[1];
        TrainingResult resumed = Trainer.train(tiny(out, 3), new TrainingListener() {
            @Override
            public void started(int firstEpoch, int epochs, int batchesPerEpoch) {
                startedAt[0] = firstEpoch;
            }

            @Override
            public void epochDone(EpochMetrics metrics, boolean best) {
                epochsRun.add(metrics.epoch());
            }
        }, true);
        assertThat(startedAt[0]).isEqualTo(3);
        assertThat(epochsRun).containsExactly(3);
        assertThat(resumed.history()).hasSize(3);
        assertThat(resumed.history().subList(0, 2)).isEqualTo(firstTwo.history());
        // Training went on from the checkpoint's weights, not from scratch: epoch 3 is no worse than chance.
        assertThat(resumed.history().get(2).valAuc()).isGreaterThan(0.8);
    }
}
