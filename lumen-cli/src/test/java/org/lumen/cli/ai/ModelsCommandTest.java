package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.testing.TestPackages;
import org.lumen.cli.testing.Cli;

/** {@code lumen models ...} over a models folder made here, with the exit codes and outputs scripts rely on. */
class ModelsCommandTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void useAModelsFolderHere() {
        System.setProperty(ModelRegistry.MODELS_PROPERTY, tmp.resolve("models").toString());
    }

    @AfterEach
    void forgetTheModelsFolder() {
        System.clearProperty(ModelRegistry.MODELS_PROPERTY);
    }

    @Test
    void listAndShowDescribeThePackagesInTheModelsFolder() throws Exception {
        Path dir = tmp.resolve("models/chest");
        ModelPackage written = TestPackages.writeChest(dir, "chest-test");

        Cli.Result jsonList = Cli.run("models", "list", "--json");
        assertThat(jsonList.exitCode()).as(jsonList.stderr()).isZero();
        JsonNode list = new ObjectMapper().readTree(jsonList.stdout());
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

        Cli.Result table = Cli.run("models", "list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.stdout()).contains("chest-test", "1.2.0", "normal/pneumonia", dir.toString());

        Cli.Result show = Cli.run("models", "show", "chest-test");
        assertThat(show.exitCode()).isZero();
        assertThat(show.stdout()).contains("chest-test 1.2.0 (djl): test chest model",
                "validation: auc 0.900 (95% CI 0.850-0.950)", "score = P(pneumonia), threshold 0.4",
                "model card: " + dir.resolve("model-card.md"), written.manifest().weightsSha256());

        Cli.Result showJson = Cli.run("models", "show", "chest-test", "--json");
        assertThat(showJson.exitCode()).isZero();
        assertThat(new ObjectMapper().readValue(showJson.stdout(), ModelManifest.class)).isEqualTo(written.manifest());
    }

    @Test
    void unknownOrDamagedPackagesExitWithTwoAndSayWhy() throws Exception {
        Path dir = tmp.resolve("models/chest");
        TestPackages.writeChest(dir, "chest-test");
        Cli.Result unknown = Cli.run("models", "show", "nothing-like-it");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no model named \"nothing-like-it\"; known models:", "chest-test");

        byte[] weights = Files.readAllBytes(dir.resolve("weights.params"));
        weights[weights.length / 2] ^= 0x10;
        Files.write(dir.resolve("weights.params"), weights);
        Cli.Result damaged = Cli.run("models", "show", "chest-test");
        assertThat(damaged.exitCode()).isEqualTo(2);
        assertThat(damaged.stderr()).contains("SHA-256 mismatch for weights.params");
        Cli.Result list = Cli.run("models", "list", "--json");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stderr()).contains("skipped:", "SHA-256 mismatch");
        assertThat(list.stdout()).doesNotContain("chest-test");
    }

    @Test
    void exportThenImportMakesAnOnnxPackageInTheModelsFolder() throws Exception {
        TestPackages.writeChest(tmp.resolve("models/chest"), "chest-test");
        Path onnx = tmp.resolve("chest.onnx");
        Cli.Result export = Cli.run("models", "export", "chest-test", "--onnx", onnx.toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout()).contains("exported chest-test 1.2.0 to " + onnx);
        assertThat(Files.size(onnx)).isGreaterThan(1000);

        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(ManifestJson.write(TestPackages.chestManifest("chest-onnx")));
        node.put("format", "onnx").putNull("network");
        Path manifest = tmp.resolve("chest-onnx.json");
        json.writeValue(manifest.toFile(), node);
        Cli.Result imported = Cli.run("models", "import", "--onnx", onnx.toString(), "--manifest", manifest.toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).contains("imported chest-onnx 1.2.0 into " + tmp.resolve("models/chest-onnx"));
        Cli.Result showOnnx = Cli.run("models", "show", "chest-onnx");
        assertThat(showOnnx.exitCode()).isZero();
        assertThat(showOnnx.stdout()).contains("chest-onnx 1.2.0 (onnx)", "model.onnx sha256");

        Cli.Result notOnnx = Cli.run("models", "import", "--onnx", manifest.toString(), "--manifest", manifest.toString(),
                "--out", tmp.resolve("elsewhere").toString());
        assertThat(notOnnx.exitCode()).isEqualTo(2);
        assertThat(notOnnx.stderr()).contains("is not an ONNX model that ONNX Runtime can load");
        Cli.Result exportOnnx = Cli.run("models", "export", "chest-onnx", "--onnx", tmp.resolve("again.onnx").toString());
        assertThat(exportOnnx.exitCode()).isEqualTo(2);
        assertThat(exportOnnx.stderr()).contains("only \"djl\" packages are exported");
    }
}
