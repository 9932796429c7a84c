package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.testing.TestPackages;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.png.PngWriter;

/** {@code lumen evaluate} on a slice of PneumoniaMNIST's validation split, written as a test-only .npz and as a folder. */
class EvaluateCommandTest {
    private static final int SLICE = 120;
    private LabelledImages slice;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        TestPackages.writeChest(tmp.resolve("models/chest"), "chest-test");
        LabelledImages val = NpzReader.read(TestData.data("medmnist/pneumoniamnist.npz"), "val");
        int[] first = new int[SLICE];
        Arrays.setAll(first, i -> i);
        slice = val.subset(first);
        NpzWriter.writeSplit(tmp.resolve("test-only.npz"), "test", slice.images(), 28, 28, slice.labels());
    }

    @AfterEach
    void forgetTheModelsFolder() {
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    @Test
    void jsonIsOneObjectWithAucAccuracyAndTheNumberOfImages() throws Exception {
        Cli.Result run = Cli.run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(),
                "--split", "test", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String stdout = run.stdout().strip();
        assertThat(stdout).startsWith("{").endsWith("}");
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(json.get("n").asInt()).isEqualTo(SLICE);
        assertThat(json.get("auc").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("threshold").asDouble()).isEqualTo(0.4);
        int positives = (int) Arrays.stream(slice.labels()).filter(l -> l == 1).count();
        assertThat(json.get("positives").asInt()).isEqualTo(positives);
        assertThat(json.has("auc_ci_low") && json.has("sensitivity") && json.has("specificity")).isTrue();
        assertThat(json.get("model").asText()).isEqualTo("chest-test");
    }

    @Test
    void withoutJsonATableAndWithPlotsTheTwoCharts() throws Exception {
        Path plots = tmp.resolve("plots");
        Cli.Result run = Cli.run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(),
                "--plots", plots.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("chest-test 1.2.0 on", SLICE + " images", "AUC",
                "at threshold 0.400", "sensitivity", "confusion");
        assertThat(ImageIO.read(plots.resolve("roc.png").toFile())).isNotNull();
        assertThat(ImageIO.read(plots.resolve("reliability.png").toFile())).isNotNull();
    }

    @Test
    void anImageFolderWithTheModelsClassNamesIsEvaluatedToo() throws Exception {
        Path folder = tmp.resolve("folder");
        for (int i = 0; i < 40; i++) {
            Path classDir = folder.resolve(slice.classes().size() > 0 && slice.label(i) == 1 ? "pneumonia" : "normal");
            Files.createDirectories(classDir);
            float[] image = slice.image(i);
            byte[] grey = new byte[image.length];
            for (int p = 0; p < image.length; p++) {
                grey[p] = (byte) Math.round(image[p]);
            }
            PngWriter.writeGray8(grey, 28, 28, classDir.resolve(i + ".png"));
        }
        Cli.Result run = Cli.run("evaluate", "--model", "chest-test", "--folder", folder.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(new ObjectMapper().readTree(run.stdout()).get("n").asInt()).isEqualTo(40);
    }

    @Test
    void aMissingSplitOrModelIsBadInputWithTheReason() {
        Cli.Result noSplit = Cli.run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(),
                "--split", "val", "--json");
        assertThat(noSplit.exitCode()).isEqualTo(2);
        assertThat(noSplit.stdout()).isEmpty();
        assertThat(noSplit.stderr()).contains("has no split 'val'", "test_images");
        Cli.Result noModel = Cli.run("evaluate", "--model", "no-such", "--npz", tmp.resolve("test-only.npz").toString());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.stderr()).contains("no model named \"no-such\"");
    }
}
