package org.lumen.ai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;

class ModelRegistryTest {
    private static final NetworkSpec SPEC = TinyModels.spec(2);
    private static NDManager manager;
    private static ModelPackage.FileWriter weights;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        manager = Engines.pytorch().newBaseManager();
        weights = ModelPackage.djlParameters(TinyModels.network(SPEC, manager));
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private ModelPackage write(Path dir, String name) {
        ModelManifest m = TinyModels.manifest(name, SPEC);
        return ModelPackage.write(dir, m, weights, ModelCard.markdown(m));
    }

    @Test
    void findsUserPackagesAndListsKnownNamesWhenOneIsMissing() throws Exception {
        Path models = tmp.resolve("models");
        write(models.resolve("alpha"), "alpha");
        write(models.resolve("beta-folder"), "beta");
        Files.createDirectories(models.resolve("broken"));
        ModelRegistry registry = new ModelRegistry(List.of(models, tmp.resolve("absent")), new URLClassLoader(new URL[0], null));

        ModelRegistry.Scan scan = registry.scan();
        assertThat(scan.packages()).extracting(ModelPackage::name).containsExactly("alpha", "beta");
        assertThat(scan.problems()).singleElement().asString().contains(models.resolve("broken") + " has no manifest.json");

        assertThat(registry.find("beta").folder()).contains(models.resolve("beta-folder").toAbsolutePath());
        assertThat(registry.find(models.resolve("alpha").toString()).name()).isEqualTo("alpha");
        assertThatThrownBy(() -> registry.find("gamma")).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("no model named \"gamma\"; known models: alpha, beta");
        assertThatThrownBy(() -> registry.find("broken")).hasMessageContaining("has no manifest.json");
    }

    @Test
    void readsBundledPackagesFromTheClassPathAndLetsAUserPackageReplaceOne() throws Exception {
        Path classpath = tmp.resolve("classes");
        Path bundledRoot = classpath.resolve(ModelPackage.BUNDLED_ROOT);
        write(tmp.resolve("made"), "tiny-cxr").copyTo(bundledRoot.resolve("tiny-cxr"));
        Files.writeString(bundledRoot.resolve("index.txt"), "# shipped\ntiny-cxr\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            ModelRegistry registry = new ModelRegistry(List.of(tmp.resolve("user")), loader);
            assertThat(registry.bundledNames()).containsExactly("tiny-cxr");

            ModelPackage bundled = registry.find("tiny-cxr");
            assertThat(bundled.bundled()).isTrue();
            assertThat(bundled.location()).isEqualTo("classpath:/org/lumen/ai/models/tiny-cxr");
            assertThat(bundled.modelCard()).contains("# Model card: tiny-cxr");
            List<float[]> images = TinyModels.images(2, 3);
            try (Classifier fromClasspath = bundled.classifier();
                 Classifier fromFolder = ModelPackage.open(tmp.resolve("made")).classifier()) {
                assertThat(fromClasspath.predict(images)).isDeepEqualTo(fromFolder.predict(images));
            }

            write(tmp.resolve("user/mine"), "tiny-cxr");
            assertThat(registry.all()).singleElement().satisfies(p -> assertThat(p.bundled()).isFalse());
        }
    }

    @Test
    void everyShippedPackageOpens() {
        ModelRegistry registry = new ModelRegistry(List.of());
        ModelRegistry.Scan scan = registry.scan();
        assertThat(scan.problems()).isEmpty();
        assertThat(scan.packages()).extracting(ModelPackage::name)
                .containsExactlyInAnyOrderElementsOf(registry.bundledNames());
    }
}
