package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.testing.HippocampusSubsets;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The hippocampus-seg command contracts on real decathlon cases: {@code train --task hippocampus-seg --data DIR --epochs 1
 * --width 4} on 8 cases (6 train, 2 validate; the model is not meant to be good), then {@code models list/show}, {@code evaluate
 * --images --labels --json} on 3 other cases, and {@code analyze} of a NIfTI volume with its label map written.
 */
class HippocampusSegCommandsTest {
    @TempDir
    static Path tmp;
    private static Path model;
    private static Path images;
    private static Path labels;
    private static List<String> testCases;
    private static Cli.Result training;

    @BeforeAll
    static void trainForOneEpoch() throws Exception {
        Path data = HippocampusSubsets.decathlon(tmp.resolve("data"), 0, 8);
        testCases = HippocampusSubsets.names(8, 3);
        images = tmp.resolve("test/images");
        labels = tmp.resolve("test/labels");
        HippocampusSubsets.link(testCases, images, labels);
        // installed as a user model, so that every command finds it by name (as the contract `--model hippocampus-seg`)
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        model = tmp.resolve("models/hippocampus-seg");
        // width 4 instead of the preset's 16: seconds, not tens of seconds
        training = Cli.run("train", "--task", "hippocampus-seg", "--data", data.toString(), "--epochs", "1", "--width", "4",
                "--out", model.toString());
    }

    @AfterAll
    static void forgetTheModelsFolder() {
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    @Test
    void trainingWritesASegmentationPackageThatModelsListsAndShows() throws Exception {
        assertThat(training.exitCode()).as(training.toString()).isZero();
        assertThat(training.stdout()).contains("validation Dice", "6 training and 2 validation cases");
        assertThat(training.stderr()).contains("epoch   1", "val Dice");
        assertThat(ModelPackage.open(model).manifest().training().command())
                .contains("--task hippocampus-seg", "--data", "--width 4", "--epochs 1");

        Cli.Result list = Cli.run("models", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).containsPattern("hippocampus-seg +1\\.0\\.0 +djl +3D +labels anterior hippocampus/posterior"
                + " hippocampus");
        JsonNode rows = new ObjectMapper().readTree(Cli.run("models", "list", "--json").stdout());
        JsonNode row = null;
        for (JsonNode r : rows) {
            row = r.get("name").asText().equals("hippocampus-seg") ? r : row;
        }
        assertThat(row).isNotNull();
        assertThat(row.get("task").asText()).isEqualTo("segmentation");
        assertThat(row.get("labels").get("2").asText()).isEqualTo("posterior hippocampus");

        Cli.Result show = Cli.run("models", "show", "hippocampus-seg");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdout()).contains("segmentation, 3D, modalities MR", "z-score per volume",
                "1 anterior hippocampus, 2 posterior hippocampus", "3D U-Net, base width 4, depth 4", "inference:",
                "dice ", "(95% CI", "model-card.md");
    }

    @Test
    void evaluatePrintsOneJsonObjectWithDicePerLabelAndN() throws Exception {
        Cli.Result run = Cli.run("evaluate", "--model", "hippocampus-seg", "--images", images.toString(), "--labels",
                labels.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String stdout = run.stdout().strip();
        assertThat(stdout).startsWith("{").endsWith("}").doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(json.get("n").asInt()).isEqualTo(3);
        double d1 = json.get("dice_per_label").get("1").asDouble();
        double d2 = json.get("dice_per_label").get("2").asDouble();
        assertThat(json.get("dice").asDouble()).isCloseTo((d1 + d2) / 2, within(1e-12)).isBetween(0.0, 1.0);
        assertThat(json.get("hd95_mm_per_label").has("1")).isTrue();
        assertThat(json.get("cases")).hasSize(3);
        assertThat(json.has("dice_ci_low")).isTrue();

        // the first case's Dice, recomputed from the package outside the command
        JsonNode first = json.get("cases").get(0);
        String name = first.get("name").asText();
        ModelPackage pkg = ModelPackage.open(model);
        Volume image = NiftiReader.read(images.resolve(name + ".nii.gz"));
        Volume truth = NiftiReader.read(labels.resolve(name + ".nii.gz"));
        try (Segmenter segmenter = pkg.segmenter()) {
            Volume predicted = segmenter.segment(image, pkg.manifest().segmentation().inference());
            assertThat(first.get("dice").get("1").asDouble()).isCloseTo(LabelVolumes.dice(truth, predicted, 1), within(1e-12));
            assertThat(first.get("dice").get("2").asDouble()).isCloseTo(LabelVolumes.dice(truth, predicted, 2), within(1e-12));
        }

        Cli.Result table = Cli.run("evaluate", "--model", "hippocampus-seg", "--images", images.toString(), "--labels",
                labels.toString());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout()).contains("3 cases", "mean Dice", "1 anterior hippocampus", "HD95", "bootstrap over cases");
    }

    @Test
    void analyzeReportsTheVolumesOfTheLabelMapItWrites() throws Exception {
        Path volume = images.resolve(testCases.get(0));
        Path out = tmp.resolve("label-maps");
        Cli.Result run = Cli.run("analyze", volume.toString(), "--labels-out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode file = new ObjectMapper().readTree(run.stdout()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("ANALYSED");
        JsonNode result = file.get("results").get(0);
        assertThat(result.get("model").asText()).isEqualTo("hippocampus-seg");
        assertThat(result.has("score")).as("no score for a segmentation").isFalse();
        Path labelMap = Path.of(result.get("label_map").asText());
        assertThat(labelMap.getFileName().toString()).isEqualTo(testCases.get(0).replace(".nii.gz", "")
                + ".hippocampus-seg.labels.nii.gz");
        Volume written = NiftiReader.read(labelMap);
        assertThat(written.sameGeometry(NiftiReader.read(volume), 1e-4)).isTrue();
        Map<Integer, Double> expected = LabelVolumes.mm3(written);
        JsonNode volumes = result.get("volumes_mm3");
        assertThat(volumes.size()).isEqualTo(2);
        assertThat(volumes.get("anterior hippocampus").asDouble()).isCloseTo(expected.getOrDefault(1, 0.0), within(1e-9));
        assertThat(volumes.get("posterior hippocampus").asDouble()).isCloseTo(expected.getOrDefault(2, 0.0), within(1e-9));

        Cli.Result table = Cli.run("analyze", volume.toString());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout()).contains("hippocampus-seg 1.0.0", "segmented; volumes:", "anterior hippocampus", "mm^3");
    }

    @Test
    void aWholeHeadIsNotAnalysedAndTheReasonSaysWhy() throws Exception {
        Cli.Result run = Cli.run("analyze", TestData.data("brain-atlas/ch2bet.nii.gz").toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
        JsonNode file = new ObjectMapper().readTree(run.stdout()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(file.get("reason").asText()).contains("trained on 40x56x40 crops", "181x217x181",
                "crop it about the structure first");
    }

    @Test
    void missingOrMisplacedOptionsAreRefusedWithTheReason() {
        Cli.Result noLabels = Cli.run("evaluate", "--model", "hippocampus-seg", "--images", images.toString(), "--json");
        assertThat(noLabels.exitCode()).isEqualTo(2);
        assertThat(noLabels.stderr()).contains("give --images DIR and --labels DIR");
        Cli.Result noData = Cli.run("train", "--task", "hippocampus-seg", "--epochs", "1");
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.stderr()).contains("--data DIR is needed with --task hippocampus-seg");
        Cli.Result npz = Cli.run("train", "--task", "pneumonia-cxr", "--data", images.toString());
        assertThat(npz.exitCode()).isEqualTo(2);
        assertThat(npz.stderr()).contains("--data DIR and --width N are for segmentation tasks");
    }
}
