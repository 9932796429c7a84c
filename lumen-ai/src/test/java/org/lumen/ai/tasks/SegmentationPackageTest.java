package org.lumen.ai.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.NiftiSegmentationReader;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelPackageException;
import org.lumen.ai.model.SegmentationContract;
import org.lumen.ai.seg.PostProcessing;
import org.lumen.ai.seg.SegmentationListener;
import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.seg.UNetSpec;
import org.lumen.ai.testing.HippocampusSubsets;
import org.lumen.image.Volume;

/**
 * A tiny hippocampus-seg package (width 4, one epoch on 6 real cases, 2 for validation: it need not be good) written by
 * {@link SegmentationTaskTraining}: what the manifest and card hold, that it opens and segments, and that damaged or
 * mismatched weights and inconsistent manifests are refused.
 */
class SegmentationPackageTest {
    @TempDir
    static Path tmp;
    private static ModelPackage pkg;
    private static Path data;

    @BeforeAll
    static void trainATinyPackage() throws Exception {
        data = HippocampusSubsets.decathlon(tmp.resolve("data"), 0, 8);
        SegmentationTaskPreset preset = Tasks.segmentation(Tasks.HIPPOCAMPUS_SEG);
        SegmentationTaskTraining.Result result = SegmentationTaskTraining.run(preset, data,
                preset.withWidth(4).config(1, 5),
                tmp.resolve("models/hippocampus-seg"), SegmentationListener.SILENT, "test");
        pkg = result.pkg();
    }

    @Test
    void theManifestDescribesTheUNetItsPreprocessingLabelsAndValidation() throws Exception {
        ModelPackage opened = ModelPackage.open(tmp.resolve("models/hippocampus-seg"));
        ModelManifest m = opened.manifest();
        assertThat(m.task()).isEqualTo("segmentation");
        assertThat(m.segments()).isTrue();
        assertThat(m.network()).isNull();
        assertThat(m.input().preprocessing()).isNull();
        assertThat(m.input().dimensions()).isEqualTo(3);
        assertThat(m.input().modalities()).containsExactly("MR");
        assertThat(m.input().formats()).contains("nifti");
        assertThat(m.labelNames()).containsEntry(1, "anterior hippocampus").containsEntry(2, "posterior hippocampus")
                .hasSize(2);
        SegmentationContract seg = m.segmentation();
        assertThat(seg.network()).isEqualTo(new UNetSpec(3, 1, 3, 4, 4));
        assertThat(seg.normalisation()).isEqualTo("z-score per volume");
        assertThat(seg.padToMultipleOf()).isEqualTo(8);
        assertThat(seg.trainingSize()).containsExactly(40, 56, 40);
        assertThat(seg.inference()).isNotNull();
        assertThat(m.training().trainCount()).isEqualTo(6);
        assertThat(m.training().valCount()).isEqualTo(2);
        assertThat(m.validation()).containsKeys("dice", "dice_ci_low", "dice_ci_high", "dice_1", "dice_2", "n")
                .containsEntry("n", 2.0);
        assertThat(m.validation().get("dice_ci_low")).isLessThanOrEqualTo(m.validation().get("dice"));
        assertThat(m.validation().get("dice_ci_high")).isGreaterThanOrEqualTo(m.validation().get("dice"));
        // the manifest survives JSON unchanged
        String json = ManifestJson.write(m);
        assertThat(ManifestJson.write(ManifestJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "test", true))).isEqualTo(json);
        assertThat(json).contains("\"segmentation\"", "\"postProcessing\"").doesNotContain("\"preprocessing\"");
        for (String file : List.of("split.json", "training-history.json", "validation.json", "model-card.md")) {
            assertThat(tmp.resolve("models/hippocampus-seg").resolve(file)).isRegularFile();
        }
        assertThat(tmp.resolve("models/hippocampus-seg.checkpoints/last.params")).isRegularFile();
        assertThat(opened.modelCard()).contains("| 1 | anterior hippocampus |", "Dice (95% CI)", "HD95",
                "Not for clinical use", "crops about one hippocampus", "CC BY-SA 4.0", "mean Dice");
    }

    @Test
    void thePackageSegmentsAVolumeOnItsGridAndHasNoClassifier() throws Exception {
        NiftiSegmentationReader.Case c = NiftiSegmentationReader.read(data).get(0);
        try (Segmenter segmenter = pkg.segmenter()) {
            Volume labels = segmenter.segment(c.image(), pkg.manifest().segmentation().inference());
            assertThat(labels.sameGeometry(c.image(), 1e-6)).isTrue();
            for (float v : labels.data()) {
                assertThat(v).isIn(0f, 1f, 2f);
            }
        }
        assertThatThrownBy(pkg::classifier).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("is a segmentation model");
    }

    @Test
    void damagedWeightsAreRefusedAtOpenAndWeightsOfAnotherWidthAtLoad() throws Exception {
        Path copy = tmp.resolve("damaged");
        pkg.copyTo(copy);
        byte[] weights = Files.readAllBytes(copy.resolve("weights.params"));
        weights[weights.length / 2] ^= 1;
        Files.write(copy.resolve("weights.params"), weights);
        assertThatThrownBy(() -> ModelPackage.open(copy)).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("SHA-256 mismatch for weights.params");

        ModelManifest m = pkg.manifest();
        SegmentationContract wider = SegmentationContract.of(new UNetSpec(3, 1, 3, 8, 4), m.segmentation().trainingSize(),
                m.segmentation().inference());
        ModelPackage mismatched = ModelPackage.write(tmp.resolve("wider"), withSegmentation(m, wider),
                file -> Files.write(file, pkg.weights()), "");
        assertThatThrownBy(mismatched::segmenter).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("do not fit the U-Net");
    }

    @Test
    void inconsistentSegmentationManifestsAreRefusedWithEveryProblem() {
        ModelManifest m = pkg.manifest();
        SegmentationContract badPad = new SegmentationContract(m.segmentation().network(), "min-max", 4,
                m.segmentation().trainingSize(), new Segmenter.Options(true, PostProcessing.NONE));
        ModelManifest bad = new ModelManifest(m.name(), m.version(), m.task(), m.description(),
                new ModelManifest.InputContract(m.input().modalities(), m.input().bodyParts(), 3,
                        new Preprocessing(new int[] {8, 8, 8}, 1, 0, 1, null), m.input().formats()),
                new ModelManifest.OutputContract(List.of("background", "anterior"), List.of(), 0, 0), null, m.format(),
                m.weightsFile(), m.weightsSha256(), m.training(), m.validation(), badPad);
        assertThat(ManifestJson.problems(bad, true)).containsExactlyInAnyOrder(
                "input.preprocessing is a classifier's resize; a segmentation model's preprocessing is in \"segmentation\"",
                "segmentation.network.classes 3 differs from the 2 output.classes (background and one name per label)",
                "segmentation.normalisation must be \"z-score per volume\", not \"min-max\"",
                "segmentation.padToMultipleOf 4 differs from the network's size step 8 (2^(depth-1))");
        ModelManifest noSection = withSegmentation(m, null);
        assertThat(ManifestJson.problems(noSection, true)).containsExactly(
                "missing field \"segmentation\" (task \"segmentation\")");
    }

    private static ModelManifest withSegmentation(ModelManifest m, SegmentationContract seg) {
        return new ModelManifest(m.name(), m.version(), m.task(), m.description(), m.input(), m.output(), m.network(),
                m.format(), m.weightsFile(), m.weightsSha256(), m.training(), m.validation(), seg);
    }
}
