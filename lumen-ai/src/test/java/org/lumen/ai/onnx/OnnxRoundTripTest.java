package org.lumen.ai.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelPackageException;
import org.lumen.ai.model.OnnxClassifier;
import org.lumen.ai.model.TinyModels;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;

/**
 * Export: ONNX Runtime on the re-emitted graph gives DJL's inference-mode logits within 1e-4, 2D and 3D, with batch norm
 * running statistics far from their initial values (so a batch norm exported in training form, or with its statistics
 * swapped, fails). Import: the exported file with a manifest becomes an "onnx" package that classifies like DJL.
 */
class OnnxRoundTripTest {
    private static final double TOLERANCE = 1e-4;
    private static NDManager manager;

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @ParameterizedTest(name = "{0}D")
    @ValueSource(ints = {2, 3})
    void onnxRuntimeGivesDjlsLogitsOnRealImages(int dimensions) throws Exception {
        NetworkSpec spec = TinyModels.spec(dimensions);
        SequentialBlock block = TinyModels.network(spec, manager);
        assertThat(TinyModels.runningStatisticsSpread(block)).as("batch norm statistics moved away from 0 and 1").isGreaterThan(0.1);
        int[] shape = TinyModels.preprocessing(dimensions).inputShape();
        List<float[]> images = TinyModels.images(dimensions, 5);

        Path onnx = tmp.resolve("tiny.onnx");
        OnnxExporter.export(spec, block, shape, "tiny", onnx);

        float[][] djl;
        try (DjlClassifier classifier = DjlClassifier.of(block, manager, shape, List.of("normal", "pneumonia"))) {
            djl = classifier.logits(images);
        }
        float[][] ort = runOnnx(onnx, images, shape);
        double diff = maxAbsDifference(djl, ort);
        System.out.printf("ONNX export %dD: max |DJL - ONNX Runtime| logit difference %.3g over %d images%n", dimensions, diff, images.size());
        assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxAbsDifference(Classifier.softmax(djl), Classifier.softmax(ort))).isLessThanOrEqualTo(TOLERANCE);
        // the logits vary between images far more than the tolerance: the agreement is not two near-constant outputs
        double spread = spread(djl);
        System.out.printf("ONNX export %dD: logits vary by %.3g between images%n", dimensions, spread);
        assertThat(spread).isGreaterThan(10 * TOLERANCE);
    }

    @Test
    void anExportedPackageImportsAsAnOnnxPackageThatClassifiesLikeDjl() throws Exception {
        NetworkSpec spec = TinyModels.spec(2);
        SequentialBlock block = TinyModels.network(spec, manager);
        ModelManifest manifest = TinyModels.manifest("tiny-cxr", spec);
        ModelPackage djlPackage = ModelPackage.write(tmp.resolve("djl"), manifest, ModelPackage.djlParameters(block),
                ModelCard.markdown(manifest));
        Path onnx = tmp.resolve("export/tiny-cxr.onnx");
        OnnxExporter.export(djlPackage, onnx);

        Path onnxManifest = tmp.resolve("onnx-manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(ManifestJson.write(manifest));
        node.put("name", "tiny-cxr-onnx").put("format", "onnx").putNull("network");
        ((ObjectNode) node.get("output")).put("scores", "logits");
        json.writeValue(onnxManifest.toFile(), node);

        ModelPackage imported = OnnxImporter.importModel(onnx, onnxManifest, tmp.resolve("models/tiny-cxr-onnx"));
        ModelPackage reopened = ModelPackage.open(tmp.resolve("models/tiny-cxr-onnx"));
        assertThat(reopened.manifest()).isEqualTo(imported.manifest());
        assertThat(reopened.manifest().format()).isEqualTo("onnx");
        assertThat(reopened.manifest().weightsFile()).isEqualTo("model.onnx");
        assertThat(tmp.resolve("models/tiny-cxr-onnx/model.onnx")).hasSameBinaryContentAs(onnx);

        List<float[]> images = TinyModels.images(2, 7);
        try (Classifier djl = djlPackage.classifier(); Classifier ort = reopened.classifier()) {
            assertThat(ort).isInstanceOf(OnnxClassifier.class);
            float[][] expected = djl.predict(images);
            float[][] actual = ort.predict(images);
            double diff = maxAbsDifference(expected, actual);
            System.out.printf("ONNX import: max |DJL - imported ONNX| probability difference %.3g%n", diff);
            assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
            assertThat(actual[0][0] + actual[0][1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aFileThatIsNotAModelOrDoesNotFitTheManifestIsRefusedClearly() throws Exception {
        ModelManifest manifest = TinyModels.manifest("tiny-cxr", TinyModels.spec(2));
        Path onnxManifest = tmp.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(ManifestJson.write(manifest));
        node.put("format", "onnx").putNull("network");
        json.writeValue(onnxManifest.toFile(), node);

        Path garbage = Files.write(tmp.resolve("garbage.onnx"), "this is not protobuf at all".getBytes());
        assertThatThrownBy(() -> OnnxImporter.importModel(garbage, onnxManifest, tmp.resolve("out")))
                .isInstanceOf(ModelPackageException.class)
                .hasMessageContaining(garbage + " is not an ONNX model that ONNX Runtime can load");
        assertThat(tmp.resolve("out")).doesNotExist();

        // a 3D model offered with a 2D manifest
        NetworkSpec spec3d = TinyModels.spec(3);
        Path volumeModel = tmp.resolve("volume.onnx");
        OnnxExporter.export(spec3d, TinyModels.network(spec3d, manager), TinyModels.preprocessing(3).inputShape(), "v", volumeModel);
        assertThatThrownBy(() -> OnnxImporter.importModel(volumeModel, onnxManifest, tmp.resolve("out")))
                .hasMessageContaining(volumeModel + " takes").hasMessageContaining("but the manifest's input is float [batch, 1, 28, 28]");

        // three classes declared, two scores given
        ((ObjectNode) node.get("output")).putArray("classes").add("normal").add("pneumonia").add("other");
        json.writeValue(onnxManifest.toFile(), node);
        Path flat = tmp.resolve("flat.onnx");
        OnnxExporter.export(TinyModels.spec(2), TinyModels.network(TinyModels.spec(2), manager), new int[] {1, 28, 28}, "f", flat);
        assertThatThrownBy(() -> OnnxImporter.importModel(flat, onnxManifest, tmp.resolve("out")))
                .hasMessageContaining(flat + " does not fit its manifest").hasMessageContaining("expected float[1][3]");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static float[][] runOnnx(Path onnx, List<float[]> images, int[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] dims = new long[shape.length + 1];
        dims[0] = images.size();
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(pack(images)), dims);
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            return (float[][]) result.get(OnnxExporter.OUTPUT).orElseThrow().getValue();
        }
    }

    private static float[] pack(List<float[]> images) {
        int size = images.get(0).length;
        float[] packed = new float[size * images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, packed, i * size, size);
        }
        return packed;
    }

    /** The largest range, over the images, of any one logit. */
    private static double spread(float[][] rows) {
        double spread = 0;
        for (int j = 0; j < rows[0].length; j++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (float[] row : rows) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            spread = Math.max(spread, max - min);
        }
        return spread;
    }

    private static double maxAbsDifference(float[][] a, float[][] b) {
        assertThat(b).hasDimensions(a.length, a[0].length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
