package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.lumen.cli.Main;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.png.PngWriter;

/** {@code lumen evaluate} on a slice of PneumoniaMNIST's validation split, written as a test-only .npz and as a folder. */
class EvaluateCommandTest {
    private static final int SLICE = 120;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private LabelledImages slice;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        ModelsCommandTest.writePackage(tmp.resolve("models/chest"), "chest-test");
        LabelledImages val = NpzReader.read(TestData.data("medmnist/pneumoniamnist.npz"), "val");
        int[] first = new int[SLICE];
        Arrays.setAll(first, i -> i);
        slice = val.subset(first);
        NpzWriter.writeSplit(tmp.resolve("test-only.npz"), "test", slice.images(), 28, 28, slice.labels());
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    @Test
    void jsonIsOneObjectWithAucAccuracyAndTheNumberOfImages() throws Exception {
        assertThat(run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(), "--split",
                "test", "--json")).as(err.toString()).isZero();
        String stdout = out.toString(StandardCharsets.UTF_8).strip();
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
        assertThat(run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(), "--plots",
                plots.toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("chest-test 1.2.0 on", SLICE + " images", "AUC",
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
        assertThat(run("evaluate", "--model", "chest-test", "--folder", folder.toString(), "--json"))
                .as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("n").asInt()).isEqualTo(40);
    }

    @Test
    void aMissingSplitOrModelIsBadInputWithTheReason() {
        assertThat(run("evaluate", "--model", "chest-test", "--npz", tmp.resolve("test-only.npz").toString(), "--split",
                "val", "--json")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no split 'val'", "test_images");
        assertThat(run("evaluate", "--model", "no-such", "--npz", tmp.resolve("test-only.npz").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no model named \"no-such\"");
    }
}
