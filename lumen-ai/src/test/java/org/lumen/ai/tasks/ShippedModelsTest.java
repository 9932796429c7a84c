package org.lumen.ai.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.ai.data.ImagePreparer;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.infer.Analyzer;
import org.lumen.ai.infer.FileAnalysis;
import org.lumen.ai.infer.ModelEvaluation;
import org.lumen.ai.infer.ModelService;
import org.lumen.ai.infer.ServiceOptions;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.onnx.OnnxExporter;
import org.lumen.ai.onnx.OnnxImporter;
import org.lumen.dicom.testing.TestData;

/**
 * The three bundled packages as a user gets them: each opens with its weights' hash checked, and evaluating it on the
 * validation split through the inference path (ImagePreparer, Classifier) gives exactly the figures its manifest recorded
 * at training, so training and inference prepare images the same way; each exports to ONNX and ONNX Runtime answers
 * like DJL within 1e-4. A real chest radiograph gets a pneumonia-cxr
 * result, a CT series is refused by the adrenal model (it takes masks, not CT intensities).
 */
class ShippedModelsTest {
    private final ModelRegistry registry = new ModelRegistry(List.of());

    @ParameterizedTest
    @CsvSource({"pneumonia-cxr, pneumoniamnist.npz", "breast-us, breastmnist.npz", "adrenal-ct3d, adrenalmnist3d.npz"})
    void validationFiguresAreReproducedThroughTheInferencePath(String name, String npz) throws Exception {
        ModelPackage pkg = registry.find(name);
        ModelManifest manifest = pkg.manifest();
        LabelledImages val = ImagePreparer.prepare(NpzReader.read(TestData.data("medmnist/" + npz), "val",
                manifest.output().classes()), manifest.input().preprocessing());
        try (Classifier classifier = pkg.classifier()) {
            ModelEvaluation evaluation = ModelEvaluation.of(manifest, classifier, val);
            assertThat(evaluation.n()).isEqualTo(manifest.training().valCount());
            assertThat(evaluation.auc()).isCloseTo(manifest.validation().get("auc"), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(evaluation.accuracy()).isCloseTo(manifest.validation().get("accuracy"),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @ParameterizedTest
    @CsvSource({"pneumonia-cxr, pneumoniamnist.npz", "breast-us, breastmnist.npz", "adrenal-ct3d, adrenalmnist3d.npz"})
    void theOnnxExportOfEachShippedModelAnswersLikeDjl(String name, String npz, @TempDir Path tmp) throws Exception {
        ModelPackage pkg = registry.find(name);
        ModelManifest manifest = pkg.manifest();
        Path onnx = tmp.resolve(name + ".onnx");
        OnnxExporter.export(pkg, onnx);
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(ManifestJson.write(manifest));
        node.put("format", "onnx").putNull("network");
        Path onnxManifest = tmp.resolve("manifest.json");
        json.writeValue(onnxManifest.toFile(), node);
        ModelPackage imported = OnnxImporter.importModel(onnx, onnxManifest, tmp.resolve("models/" + name));

        LabelledImages val = ImagePreparer.prepare(NpzReader.read(TestData.data("medmnist/" + npz), "val",
                manifest.output().classes()), manifest.input().preprocessing());
        List<float[]> images = val.images().subList(0, 32);
        try (Classifier djl = pkg.classifier(); Classifier ort = imported.classifier()) {
            float[][] expected = djl.predict(images);
            float[][] actual = ort.predict(images);
            double max = 0;
            for (int i = 0; i < expected.length; i++) {
                for (int c = 0; c < expected[i].length; c++) {
                    max = Math.max(max, Math.abs(expected[i][c] - actual[i][c]));
                }
            }
            System.out.printf("%s: max |DJL - ONNX Runtime| probability difference over 32 val images %.3g%n", name, max);
            assertThat(max).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void aChestRadiographGetsAPneumoniaResultAndACtSeriesIsNotTakenForAnAdrenalMask() throws Exception {
        Path cr = TestData.dicom("pydicom-data/RG1_J2KI.dcm");
        Path ctSeries = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/image");
        try (ModelService service = ModelService.over(registry, ServiceOptions.DEFAULTS)) {
            Analyzer analyzer = new Analyzer(registry, service);
            FileAnalysis chest = analyzer.analyze(cr, null, null).get(0);
            assertThat(chest.status()).isEqualTo(FileAnalysis.Status.ANALYSED);
            assertThat(chest.results()).extracting(r -> r.model()).containsExactly("pneumonia-cxr");
            assertThat(chest.results().get(0).score()).isBetween(0.0, 1.0);

            FileAnalysis series = analyzer.analyze(ctSeries, null, null).get(0);
            assertThat(series.file()).startsWith("series ");
            assertThat(series.status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
            assertThat(series.reason()).contains("adrenal-ct3d (SEG ADRENAL/ABDOMEN 3D)");
        }
    }
}
