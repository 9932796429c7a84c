package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.testing.BrainTumorSubsets;
import org.lumen.cli.testing.Cli;

/**
 * {@code lumen train --images} and {@code lumen evaluate --images} on the brain-tumor-mri task: a tiny model (32 px, two
 * epochs) trained on 20 real images per class, evaluated on 10 other images per class. The figures of so small a run are
 * not the point here (BrainTumorTrainingTest is); the command contracts are.
 */
class BrainTumorCommandsTest {
    @TempDir
    static Path tmp;
    private static Path model;
    private static Path test;
    private static Cli.Result training;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Path train = tmp.resolve("train");
        test = tmp.resolve("test");
        BrainTumorSubsets.copy(5, new Path[] {train, test}, new int[] {20, 10});
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, """
                task: brain-tumor-mri
                epochs: 2
                batchSize: 16
                valFraction: 0.25
                network: {stemWidth: 4, widths: [8, 16], blocks: [1, 1]}
                preprocessing: {size: [32, 32]}
                """);
        // installed as a user model, so that every command finds it by name (as the contract `--model brain-tumor-mri`)
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
        model = tmp.resolve("models/brain-tumor-mri");
        training = Cli.run("train", "--config", config.toString(), "--images", train.toString(), "--out",
                model.toString());
    }

    @AfterAll
    static void forgetTheModelsFolder() {
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    @Test
    void trainingFromAnImageFolderWritesAFourClassPackageWithItsSplit() throws Exception {
        assertThat(training.exitCode()).as(training.stderr()).isZero();
        assertThat(training.stdout()).contains("validation macro AUC", "60 training and 20 validation images");
        JsonNode manifest = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        assertThat(manifest.path("output").path("classes").toString())
                .isEqualTo("[\"glioma\",\"meningioma\",\"notumor\",\"pituitary\"]");
        assertThat(manifest.path("training").path("command").asText()).contains("--images");
        assertThat(Files.readAllLines(model.resolve("validation-split.tsv"))).hasSize(81)
                .anyMatch(line -> line.startsWith("val\tpituitary\t"));
    }

    @Test
    void evaluateImagesPrintsOneJsonObjectWithTheMulticlassFigures() throws Exception {
        Cli.Result run = Cli.run("evaluate", "--model", "brain-tumor-mri", "--images", test.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String stdout = run.stdout().strip();
        assertThat(stdout).startsWith("{").endsWith("}").doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(json.get("n").asInt()).isEqualTo(40);
        assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("auc").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("auc_ci_low").asDouble()).isLessThanOrEqualTo(json.get("auc_ci_high").asDouble());
        assertThat(json.get("accuracy_ci_low").asDouble()).isLessThanOrEqualTo(json.get("accuracy").asDouble());
        assertThat(json.get("sensitivity")).hasSize(4);
        assertThat(json.get("specificity")).hasSize(4);
        assertThat(json.get("confusion")).hasSize(4);
        int counted = 0;
        for (JsonNode row : json.get("confusion")) {
            assertThat(row).hasSize(4);
            counted += Stream.of(0, 1, 2, 3).mapToInt(i -> row.get(i).asInt()).sum();
        }
        assertThat(counted).isEqualTo(40);
        assertThat(json.get("classes").get(2).asText()).isEqualTo("notumor");
    }

    @Test
    void withoutJsonATableWithTheClassesAndWithPlotsTheReliabilityDiagram() throws Exception {
        Path plots = tmp.resolve("plots");
        Cli.Result run = Cli.run("evaluate", "--model", "brain-tumor-mri", "--images", test.toString(), "--plots",
                plots.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("40 images", "macro AUC", "(95% CI", "bootstrap", "sensitivity",
                "specificity", "meningioma", "confusion");
        assertThat(plots.resolve("reliability.png")).isRegularFile();
    }

    @Test
    void aClassWithoutAFolderIsAllowedAFolderThatIsNoClassIsRefused() throws Exception {
        Path partial = tmp.resolve("partial");
        Path wrong = tmp.resolve("wrong");
        for (String cls : new String[] {"glioma", "pituitary"}) {
            copyFolder(test.resolve(cls), partial.resolve(cls));
        }
        copyFolder(test.resolve("glioma"), wrong.resolve("glioma"));
        copyFolder(test.resolve("notumor"), wrong.resolve("healthy"));

        Cli.Result run = Cli.run("evaluate", "--model", "brain-tumor-mri", "--images", partial.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("n").asInt()).isEqualTo(20);
        assertThat(json.get("sensitivity").get(1).isNull()).as("meningioma has no cases").isTrue();

        Cli.Result refused = Cli.run("evaluate", "--model", "brain-tumor-mri", "--images", wrong.toString(), "--json");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("\"healthy\"", "glioma, meningioma, notumor, pituitary");
    }

    @Test
    void analyzeReportsTheMostProbableClassOfAJpegSliceWithItsProbabilityAndAHeatMap() throws Exception {
        Path slice;
        try (Stream<Path> files = Files.list(test.resolve("pituitary"))) {
            slice = files.sorted().findFirst().orElseThrow();
        }
        Path heat = tmp.resolve("heat");
        Cli.Result run = Cli.run("analyze", slice.toString(), "--model", "brain-tumor-mri", "--json", "--heatmap",
                heat.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.stdout()).get("files").get(0).get("results").get(0);
        JsonNode probabilities = result.get("probabilities");
        assertThat(probabilities).hasSize(4);
        double sum = 0;
        double largest = 0;
        String top = null;
        for (String cls : BrainTumorSubsets.CLASSES) {
            double p = probabilities.get(cls).asDouble();
            sum += p;
            if (p > largest) {
                largest = p;
                top = cls;
            }
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(result.get("score_class").asText()).isEqualTo(top);
        assertThat(result.get("score").asDouble()).isEqualTo(largest);
        assertThat(result.get("threshold").isNull()).isTrue();
        assertThat(result.get("heatmaps")).hasSize(1);
        assertThat(Path.of(result.get("heatmaps").get(0).asText())).isRegularFile();
    }

    @Test
    void aFolderTaskWithoutImagesSaysWhereTheImagesAre() {
        Cli.Result run = Cli.run("train", "--task", "brain-tumor-mri");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--images DIR", "brain-tumor-mri/Training");
    }

    @Test
    void trainingRefusesAFolderWhoseClassesAreNotTheTasks() throws Exception {
        Path odd = tmp.resolve("odd");
        copyFolder(test.resolve("glioma"), odd.resolve("glioma"));
        copyFolder(test.resolve("notumor"), odd.resolve("healthy"));
        Cli.Result run = Cli.run("train", "--task", "brain-tumor-mri", "--images", odd.toString(), "--out",
                tmp.resolve("odd-model").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("[glioma, healthy]", "[glioma, meningioma, notumor, pituitary]");
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
