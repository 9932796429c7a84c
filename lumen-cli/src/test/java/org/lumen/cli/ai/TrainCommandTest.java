package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;

/** {@code lumen train} on a tiny run: a package folder with manifest and weights, and clear refusals of bad input. */
class TrainCommandTest {
    @TempDir
    Path tmp;

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
        Cli.Result run = Cli.run("train", "--config", config.toString(), "--npz",
                TestData.data("medmnist/breastmnist.npz").toString(), "--out", pkg.toString(), "--seed", "3");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
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
        assertThat(run.stderr()).contains("epoch   1").contains("epoch   2").contains("val AUC");
        assertThat(run.stdout()).contains("best epoch").contains("validation AUC");
    }

    @Test
    void anUnknownTaskIsRefusedWithTheTasksThereAre() {
        Cli.Result run = Cli.run("train", "--task", "knee-mri", "--npz", "x.npz");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("knee-mri").contains("pneumonia-cxr");
    }

    @Test
    void aMissingNpzIsRefused() {
        Cli.Result run = Cli.run("train", "--task", "breast-us", "--npz", tmp.resolve("none.npz").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("none.npz");
    }
}
