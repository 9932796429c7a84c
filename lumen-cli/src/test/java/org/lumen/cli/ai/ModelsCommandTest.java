package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;
import org.lumen.cli.Main;

/** {@code lumen models ...} over a models folder made here, with the exit codes and outputs scripts rely on. */
class ModelsCommandTest {
    private static final NetworkSpec SPEC = new NetworkSpec(2, 1, 2, 4, new int[] {4}, new int[] {1}, 0f);
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

    static ModelManifest manifest(String name) {
        return new ModelManifest(name, "1.2.0", "classification", "test chest model",
                new ModelManifest.InputContract(List.of("CR"), List.of("CHEST"), 2, Preprocessing.unitScale(new int[] {28, 28}, 1)),
                new ModelManifest.OutputContract(List.of("normal", "pneumonia"),
                        List.of(new Finding("pneumonia", "SCT", "233604007", "Pneumonia")), 1, 0.4),
                SPEC, ModelManifest.FORMAT_DJL, null, null,
                new ModelManifest.Training("PneumoniaMNIST (MedMNIST v2)", "CC BY 4.0", "Yang et al. 2023",
                        "./lumen train --task pneumonia-cxr", 7, 2, 10, 5),
                Map.of("auc", 0.9, "auc_ci_low", 0.85, "auc_ci_high", 0.95));
    }

    static ModelPackage writePackage(Path dir, String name) {
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            SequentialBlock block = Networks.build(SPEC);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ModelManifest m = manifest(name);
            return ModelPackage.write(dir, m, ModelPackage.djlParameters(block), ModelCard.markdown(m));
        }
    }

    @Test
    void listAndShowDescribeThePackagesInTheModelsFolder() throws Exception {
        Path dir = tmp.resolve("models/chest");
        ModelPackage written = writePackage(dir, "chest-test");

        assertThat(run("models", "list", "--json")).isZero();
        JsonNode list = new ObjectMapper().readTree(stdout());
        JsonNode entry = null;
        for (JsonNode node : list) {
            if (node.get("name").asText().equals("chest-test")) {
                entry = node;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("location").asText()).isEqualTo(dir.toString());
        assertThat(entry.get("dimensions").asInt()).isEqualTo(2);
        assertThat(entry.get("bundled").asBoolean()).isFalse();

        assertThat(run("models", "list")).isZero();
        assertThat(stdout()).contains("chest-test", "1.2.0", "normal/pneumonia", dir.toString());

        assertThat(run("models", "show", "chest-test")).isZero();
        assertThat(stdout()).contains("chest-test 1.2.0 (djl): test chest model",
                "validation: auc 0.900 (95% CI 0.850-0.950)", "score = P(pneumonia), threshold 0.4",
                "model card: " + dir.resolve("model-card.md"), written.manifest().weightsSha256());

        assertThat(run("models", "show", "chest-test", "--json")).isZero();
        assertThat(new ObjectMapper().readValue(stdout(), ModelManifest.class)).isEqualTo(written.manifest());
    }

    @Test
    void unknownOrDamagedPackagesExitWithTwoAndSayWhy() throws Exception {
        Path dir = tmp.resolve("models/chest");
        writePackage(dir, "chest-test");
        assertThat(run("models", "show", "nothing-like-it")).isEqualTo(2);
        assertThat(stderr()).contains("no model named \"nothing-like-it\"; known models:", "chest-test");

        byte[] weights = Files.readAllBytes(dir.resolve("weights.params"));
        weights[weights.length / 2] ^= 0x10;
        Files.write(dir.resolve("weights.params"), weights);
        assertThat(run("models", "show", "chest-test")).isEqualTo(2);
        assertThat(stderr()).contains("SHA-256 mismatch for weights.params");
        assertThat(run("models", "list", "--json")).isZero();
        assertThat(stderr()).contains("skipped:", "SHA-256 mismatch");
        assertThat(stdout()).doesNotContain("chest-test");
    }

    @Test
    void exportThenImportMakesAnOnnxPackageInTheModelsFolder() throws Exception {
        writePackage(tmp.resolve("models/chest"), "chest-test");
        Path onnx = tmp.resolve("chest.onnx");
        assertThat(run("models", "export", "chest-test", "--onnx", onnx.toString())).isZero();
        assertThat(stdout()).contains("exported chest-test 1.2.0 to " + onnx);
        assertThat(Files.size(onnx)).isGreaterThan(1000);

        ObjectMapper json = new ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                org.lumen.ai.model.ManifestJson.write(manifest("chest-onnx")));
        node.put("format", "onnx").putNull("network");
        Path manifest = tmp.resolve("chest-onnx.json");
        json.writeValue(manifest.toFile(), node);
        assertThat(run("models", "import", "--onnx", onnx.toString(), "--manifest", manifest.toString())).isZero();
        assertThat(stdout()).contains("imported chest-onnx 1.2.0 into " + tmp.resolve("models/chest-onnx"));
        assertThat(run("models", "show", "chest-onnx")).isZero();
        assertThat(stdout()).contains("chest-onnx 1.2.0 (onnx)", "model.onnx sha256");

        assertThat(run("models", "import", "--onnx", manifest.toString(), "--manifest", manifest.toString(),
                "--out", tmp.resolve("elsewhere").toString())).isEqualTo(2);
        assertThat(stderr()).contains("is not an ONNX model that ONNX Runtime can load");
        assertThat(run("models", "export", "chest-onnx", "--onnx", tmp.resolve("again.onnx").toString())).isEqualTo(2);
        assertThat(stderr()).contains("only \"djl\" packages are exported");
    }
}
