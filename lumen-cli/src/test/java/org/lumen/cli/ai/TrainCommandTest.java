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
import org.lumen.cli.Main;
import org.lumen.dicom.testing.TestData;

/** {@code lumen train} on a tiny run: a package folder with manifest and weights, and clear refusals of bad input. */
class TrainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void aTinyConfiguredRunWritesAModelPackage() throws Exception {
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, """
                task: breast-us
                epochs: 2
                batchSize: 32
                trainLimit: 200
                network: {stemWidth: 8, widths: [8, 16], blocks: [1, 1]}
                """);
        Path pkg = tmp.resolve("breast");
        int code = Main.run("train", "--config", config.toString(), "--npz",
                TestData.data("medmnist/breastmnist.npz").toString(), "--out", pkg.toString(), "--seed", "3");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(pkg.resolve("weights.params")).isRegularFile();
        assertThat(pkg.resolve("training-history.json")).isRegularFile();
        assertThat(pkg.resolve("model-card.md")).isRegularFile();
        assertThat(pkg.resolve("training-curves.png")).isRegularFile();
        assertThat(pkg.resolveSibling("breast.checkpoints").resolve("state.json")).isRegularFile();
        // The package opens (weights hash checked) through the package API.
        assertThat(org.lumen.ai.model.ModelPackage.open(pkg).manifest().output().threshold()).isBetween(0.0, 1.0);
        JsonNode manifest = new ObjectMapper().readTree(pkg.resolve("manifest.json").toFile());
        assertThat(manifest.path("name").asText()).isEqualTo("breast-us");
        assertThat(manifest.path("output").path("positiveClass").asInt()).isZero();
        assertThat(manifest.path("output").path("classes").get(0).asText()).isEqualTo("malignant");
        assertThat(manifest.path("weightsSha256").asText()).hasSize(64);
        assertThat(manifest.path("training").path("seed").asLong()).isEqualTo(3);
        assertThat(manifest.path("training").path("command").asText()).contains("--config").contains("--seed 3");
        assertThat(manifest.path("validation").path("n").asInt()).isEqualTo(78);
        assertThat(manifest.path("validation").has("auc_ci_low")).isTrue();
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("epoch   1").contains("epoch   2").contains("val AUC");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("best epoch").contains("validation AUC");
    }

    @Test
    void anUnknownTaskIsRefusedWithTheTasksThereAre() {
        int code = Main.run("train", "--task", "knee-mri", "--npz", "x.npz");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("knee-mri").contains("pneumonia-cxr");
    }

    @Test
    void aMissingNpzIsRefused() {
        int code = Main.run("train", "--task", "breast-us", "--npz", tmp.resolve("none.npz").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.npz");
    }
}
