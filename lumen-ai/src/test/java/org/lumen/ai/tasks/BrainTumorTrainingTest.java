package org.lumen.ai.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.ImageFolderReader;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.infer.ModelEvaluation;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.testing.BrainTumorSubsets;
import org.lumen.ai.train.TrainConfig;
import org.lumen.ai.train.TrainingListener;
import org.lumen.ai.train.TrainingResult;

/**
 * The brain-tumor-mri task end to end on a small slice of the real Training folder: 75 distinct images per class (at
 * 64 px, a small network, a few epochs) are split by content and trained into a package, which is then evaluated on 40
 * further images per class that neither side of the split holds (nor a copy of them). The trivial baseline is accuracy
 * 0.25 and macro AUC 0.5.
 */
class BrainTumorTrainingTest {
    @TempDir
    Path tmp;

    private TrainConfig small(Path images, Path out) {
        TrainConfig preset = Tasks.get(Tasks.BRAIN_TUMOR_MRI).defaults();
        return new TrainConfig(preset.task(), null, preset.classes(), 0, 6, 16, 3e-3, 1e-4, 0.5, 7,
                new NetworkSpec(2, 1, 4, 8, new int[] {8, 16, 32, 64}, new int[] {1, 1, 1, 1}, 0.1f),
                preset.augmentation(), new Preprocessing(new int[] {64, 64}, 1, 127.5f, 64f, null),
                preset.classBalance(), 0.0, preset.thresholdRule(), 0, 0, 1, out, images, 0.2);
    }

    @Test
    void aShortRunBeatsTheTrivialBaselineOnHeldBackImagesAndWritesAFourClassPackage() throws Exception {
        Path train = tmp.resolve("train");
        Path test = tmp.resolve("test");
        BrainTumorSubsets.copy(11, new Path[] {train, test}, new int[] {75, 40});
        Path out = tmp.resolve("brain-tumor-mri");
        TrainingResult result = TaskTraining.run(small(train, out), TrainingListener.SILENT, false, "test run");

        assertThat(result.trainCount()).isEqualTo(240);
        assertThat(result.valCount()).isEqualTo(60);
        assertThat(result.operatingPoint()).as("four classes are read by arg-max").isNull();
        ModelPackage pkg = ModelPackage.open(out);
        ModelManifest m = pkg.manifest();
        assertThat(m.output().classes()).containsExactlyElementsOf(BrainTumorSubsets.CLASSES);
        assertThat(m.output().findings()).extracting(f -> f.className() + " " + f.codeValue())
                .containsExactly("meningioma 302820008", "pituitary 254956000");
        assertThat(m.validation()).containsKeys("auc", "auc_ci_low", "accuracy", "accuracy_ci_high", "ece",
                "glioma_sensitivity", "pituitary_specificity");
        String card = Files.readString(out.resolve(ModelPackage.MODEL_CARD));
        assertThat(card).contains("most probable class is reported", "| class | cases | sensitivity | specificity | AUC |",
                "Confusion matrix", "| glioma |", "expected calibration error", "gradcam-glioma.png");
        assertThat(out.resolve("gradcam-glioma.png")).isRegularFile();
        assertThat(out.resolve(ModelPackage.RELIABILITY)).isRegularFile();
        assertThat(Files.readAllLines(out.resolve(TaskTraining.SPLIT))).hasSize(301);

        LabelledImages heldBack = ImageFolderReader.read(test, m.input().preprocessing());
        ModelEvaluation evaluation;
        try (Classifier classifier = pkg.classifier()) {
            evaluation = ModelEvaluation.of(m, classifier, heldBack);
        }
        assertThat(evaluation.n()).isEqualTo(160);
        String figures = "held-back accuracy " + evaluation.accuracy() + ", macro AUC " + evaluation.auc() + ", confusion "
                + Arrays.deepToString(evaluation.multiclass().confusion()) + "; validation " + m.validation();
        assertThat(evaluation.accuracy()).as(figures).isGreaterThan(0.5);
        assertThat(evaluation.auc()).as(figures).isGreaterThan(0.75);
        System.out.println(figures + "; " + result.seconds() + " s");
    }
}
