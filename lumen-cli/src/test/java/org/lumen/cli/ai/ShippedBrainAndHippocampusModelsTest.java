package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;

/**
 * The bundled {@code brain-tumor-mri} and {@code hippocampus-seg} packages through the exact contracts: {@code evaluate
 * --model NAME --images DIR --json} on the validation side of each package's own split (its {@code validation-split.tsv}
 * or {@code split.json}) prints the figures its manifest recorded at training, so training and the command prepare and
 * score images the same way; and {@code analyze} reports a class with its probability for a validation image.
 */
class ShippedBrainAndHippocampusModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelRegistry registry = new ModelRegistry(List.of());

    @Test
    void brainTumorMriReproducesItsValidationFigures(@TempDir Path tmp) throws Exception {
        ModelPackage pkg = registry.find("brain-tumor-mri");
        ModelManifest manifest = pkg.manifest();
        Path training = TestData.data("brain-tumor-mri/Training");
        Path images = tmp.resolve("val");
        int n = 0;
        for (String line : text(pkg, "validation-split.tsv").lines().toList()) {
            String[] fields = line.split("\t");
            if (line.startsWith("#") || !fields[0].equals("val")) {
                continue;
            }
            Path link = images.resolve(fields[1]).resolve(Path.of(fields[3]).getFileName());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, training.resolve(fields[3]).toAbsolutePath());
            n++;
        }
        assertThat(n).isEqualTo(manifest.training().valCount());

        Cli.Result run = Cli.run("evaluate", "--model", "brain-tumor-mri", "--images", images.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.stdout());
        Map<String, Double> recorded = manifest.validation();
        System.out.printf("brain-tumor-mri on its %d validation images: accuracy %.4f, macro AUC %.4f%n", n,
                json.get("accuracy").asDouble(), json.get("auc").asDouble());
        assertThat(json.get("n").asInt()).isEqualTo(n);
        assertThat(json.get("accuracy").asDouble()).isCloseTo(recorded.get("accuracy"), within(1e-6));
        assertThat(json.get("auc").asDouble()).isCloseTo(recorded.get("auc"), within(1e-6));

        Path glioma;
        try (Stream<Path> files = Files.list(images.resolve("glioma"))) {
            glioma = files.sorted().findFirst().orElseThrow();
        }
        Cli.Result analyze = Cli.run("analyze", glioma.toString(), "--model", "brain-tumor-mri", "--json");
        assertThat(analyze.exitCode()).as(analyze.toString()).isZero();
        JsonNode result = JSON.readTree(analyze.stdout()).get("files").get(0).get("results").get(0);
        assertThat(result.get("probabilities").size()).isEqualTo(4);
        assertThat(result.get("score").asDouble()).isBetween(0.25, 1.0);
        assertThat(result.get("score_class").asText()).isIn("glioma", "meningioma", "notumor", "pituitary");
    }

    @Test
    void hippocampusSegReproducesItsValidationDice(@TempDir Path tmp) throws Exception {
        ModelPackage pkg = registry.find("hippocampus-seg");
        ModelManifest manifest = pkg.manifest();
        JsonNode split = JSON.readTree(text(pkg, "split.json"));
        Path root = TestData.data("hippocampus");
        Path images = tmp.resolve("images");
        Path labels = tmp.resolve("labels");
        Files.createDirectories(images);
        Files.createDirectories(labels);
        int n = 0;
        for (JsonNode caseName : split.get("validation")) {
            String file = caseName.asText() + ".nii.gz";
            Files.createSymbolicLink(images.resolve(file), root.resolve("imagesTr").resolve(file).toAbsolutePath());
            Files.createSymbolicLink(labels.resolve(file), root.resolve("labelsTr").resolve(file).toAbsolutePath());
            n++;
        }
        assertThat(n).isEqualTo(manifest.training().valCount());

        Cli.Result run = Cli.run("evaluate", "--model", "hippocampus-seg", "--images", images.toString(), "--labels",
                labels.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.stdout());
        System.out.printf("hippocampus-seg on its %d validation cases: Dice %.4f (anterior %.4f, posterior %.4f)%n", n,
                json.get("dice").asDouble(), json.get("dice_per_label").get("1").asDouble(),
                json.get("dice_per_label").get("2").asDouble());
        assertThat(json.get("n").asInt()).isEqualTo(n);
        assertThat(json.get("dice").asDouble()).isCloseTo(manifest.validation().get("dice"), within(1e-6));
    }

    private static String text(ModelPackage pkg, String file) throws IOException {
        try (InputStream in = pkg.openFile(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
