package org.lumen.ai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;

class ModelPackageTest {
    private static NDManager manager;
    private static SequentialBlock network;
    private static final NetworkSpec SPEC = TinyModels.spec(2);

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        manager = Engines.pytorch().newBaseManager();
        network = TinyModels.network(SPEC, manager);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private ModelPackage write(Path dir) {
        ModelManifest manifest = TinyModels.manifest("tiny-cxr", SPEC);
        return ModelPackage.write(dir, manifest, ModelPackage.djlParameters(network), ModelCard.markdown(manifest),
                Map.of(ModelPackage.ROC, file -> Files.writeString(file, "not really a png")));
    }

    @Test
    void writtenPackageOpensWithTheSameManifestAndPredictsLikeTheTrainedNetwork() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);

        assertThat(dir.resolve("weights.params")).isRegularFile();
        assertThat(dir.resolve("model-card.md")).content().contains("Not for clinical use without local validation");
        assertThat(dir.resolve("roc.png")).hasContent("not really a png");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\n  \"name\" : \"tiny-cxr\"");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings).containsExactly(dir);
        }

        ModelPackage opened = ModelPackage.open(dir);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("weights.params"))));
        assertThat(opened.manifest()).isEqualTo(TinyModels.manifest("tiny-cxr", SPEC).withWeights("weights.params", sha));
        assertThat(opened.folder()).contains(dir);

        List<float[]> images = TinyModels.images(2, 6);
        float[][] expected;
        try (DjlClassifier trained = DjlClassifier.of(network, manager, SPEC.dimensions() == 2 ? new int[] {1, 28, 28} : null,
                List.of("normal", "pneumonia"))) {
            expected = trained.predict(images);
        }
        try (Classifier loaded = opened.classifier()) {
            assertThat(loaded).isInstanceOf(DjlClassifier.class);
            assertThat(loaded.inputShape()).containsExactly(1, 28, 28);
            assertThat(loaded.classes()).containsExactly("normal", "pneumonia");
            float[][] actual = loaded.predict(images);
            assertThat(actual).hasDimensions(6, 2);
            for (int i = 0; i < actual.length; i++) {
                assertThat(actual[i][0] + actual[i][1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(actual[i]).containsExactly(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
            // the images differ, so must the scores: a network that ignored its input would pass the comparison above
            assertThat(actual[0][1]).isNotEqualTo(actual[1][1]);
        }
    }

    @Test
    void concurrentPredictionsEqualSerialOnes() throws Exception {
        write(tmp.resolve("tiny-cxr"));
        List<float[]> images = TinyModels.images(2, 16);
        try (Classifier classifier = ModelPackage.open(tmp.resolve("tiny-cxr")).classifier()) {
            float[][] serial = classifier.predict(images);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<float[][]>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    List<float[]> one = List.of(images.get(i));
                    futures.add(pool.submit(() -> classifier.predict(one)));
                }
                for (int i = 0; i < images.size(); i++) {
                    assertThat(futures.get(i).get()[0]).containsExactly(serial[i], org.assertj.core.data.Offset.offset(1e-6f));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void changedWeightsAreRefusedNamingTheHashMismatch() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.params"));
        weights[weights.length - 3] ^= 0x01;
        Files.write(dir.resolve("weights.params"), weights);

        assertThatThrownBy(() -> ModelPackage.open(dir)).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("SHA-256 mismatch for weights.params");
    }

    @Test
    void manifestWithoutARequiredFieldIsRefusedNamingTheField() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        manifest.remove("version");
        ((ObjectNode) manifest.get("training")).remove("licence");
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);

        assertThatThrownBy(() -> ModelPackage.open(dir)).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("manifest.json of model package " + dir)
                .hasMessageContaining("missing field \"version\"").hasMessageContaining("missing field \"training.licence\"");
    }

    @Test
    void brokenJsonMissingFilesAndAnotherFolderAreRefusedClearly() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);
        Files.delete(dir.resolve("weights.params"));
        assertThatThrownBy(() -> ModelPackage.open(dir)).hasMessageContaining("has no weights file weights.params");

        Files.writeString(dir.resolve("manifest.json"), "{\n  \"name\": \"x\",\n  oops\n}");
        assertThatThrownBy(() -> ModelPackage.open(dir)).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("manifest.json of model package " + dir + " is not a valid manifest (line 3");

        Files.delete(dir.resolve("manifest.json"));
        assertThatThrownBy(() -> ModelPackage.open(dir)).hasMessageContaining(dir + " has no manifest.json");

        Path notAPackage = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(notAPackage.resolve("holiday.jpg"), "x");
        assertThatThrownBy(() -> write(notAPackage)).hasMessageContaining("it exists and is not a model package");
        assertThat(notAPackage.resolve("holiday.jpg")).exists();
    }

    @Test
    void rewritingAPackageReplacesItWhole() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);
        Files.writeString(dir.resolve("stale.txt"), "from the first version");
        write(dir);
        assertThat(dir.resolve("stale.txt")).doesNotExist();
        assertThat(ModelPackage.open(dir).name()).isEqualTo("tiny-cxr");
    }

    @Test
    void weightsOfAnotherNetworkAreRefusedAtLoad() throws Exception {
        Path dir = tmp.resolve("tiny-cxr");
        write(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("network")).putArray("widths").add(4).add(16);
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);

        ModelPackage pkg = ModelPackage.open(dir);
        assertThatThrownBy(pkg::classifier).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("cannot load the weights weights.params of model package " + dir);
    }

    @Test
    void theCardReportsFiguresWithIntervalsCaveatsAndTheCommand() {
        String card = ModelCard.markdown(TinyModels.manifest("tiny-cxr", SPEC));
        assertThat(card).contains("| auc | 0.900 | 0.850 - 0.950 |", "| accuracy | 0.800 |  |",
                "![ROC curve (validation)](roc.png)", "![Training curves](training-curves.png)",
                "![Reliability diagram (validation)](reliability.png)", "performance in subgroups is unknown",
                "CC BY 4.0", "Yang et al., MedMNIST v2", "./lumen train --task pneumonia-cxr --npz x.npz",
                "Pneumonia (SCT 233604007)", "[1, 28, 28]");
        assertThat(card).doesNotContain("auc_ci_low");
    }
}
