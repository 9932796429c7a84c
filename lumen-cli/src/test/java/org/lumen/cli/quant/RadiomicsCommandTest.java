package org.lumen.cli.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;

/** {@code lumen radiomics} on the IBSI CT phantom against the IBSI reference values, and its answers to bad input. */
class RadiomicsCommandTest {
    private static final String CT = "ibsi/ibsi_1_ct_radiomics_phantom/";
    private static final Path IMAGE = TestData.data(CT + "nifti/image/phantom.nii.gz");
    private static final Path MASK = TestData.data(CT + "nifti/mask/mask.nii.gz");
    /** Reference tags checked here: one or two per family the pipeline computes, diagnostics included. */
    private static final List<String> CHECKED = List.of("img_dim_x_interp_img", "int_mask_vox_count_reseg_roi",
            "loc_peak_glob", "stat_mean", "stat_var", "ih_entropy", "ivh_i10");

    @TempDir
    Path tmp;

    @Test
    void configurationCOnTheCtPhantomMatchesTheIbsiReferenceValues() throws Exception {
        Path out = tmp.resolve("out/features.csv");
        Cli.Result run = Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config", "C",
                "--csv", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).containsPattern("\\d+ features in \\d+\\.\\d\\d s");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("tag,value");
        Map<String, String> features = csv(lines);
        assertThat(lines).hasSize(features.size() + 1); // one row per tag, none repeated
        assertThat(features.get("img_dim_x_init_img")).isEqualTo("204");
        Map<String, double[]> reference = referenceValues("config_C");
        for (String tag : CHECKED) {
            double ours = Double.parseDouble(features.get(tag));
            double[] refAndTolerance = reference.get(tag);
            assertThat(Math.abs(ours - refAndTolerance[0])).as("%s: ours %s, reference %s +/- %s", tag, ours,
                    refAndTolerance[0], refAndTolerance[1]).isLessThanOrEqualTo(refAndTolerance[1]);
        }
    }

    @Test
    void aSettingsFileGivesWhatTheSameNamedConfigurationGives() throws Exception {
        Path settings = tmp.resolve("my-config.properties");
        Files.writeString(settings, String.join("\n", "name = mine", "texture.dimensionalities = 2D, 2.5D",
                "resampling.spacing = none", "resegmentation.range = -500, 400", "resegmentation.outliers = none",
                "discretisation = FBS 25", "ivh.discretisation = none"), StandardCharsets.UTF_8);
        Path fromFile = tmp.resolve("file.csv");
        Path fromName = tmp.resolve("name.csv");
        assertThat(Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config",
                settings.toString(), "--csv", fromFile.toString()).exitCode()).isZero();
        assertThat(Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config", "a",
                "--csv", fromName.toString()).exitCode()).isZero();

        assertThat(Files.readAllLines(fromFile)).isEqualTo(Files.readAllLines(fromName));
        assertThat(csv(Files.readAllLines(fromFile)).get("stat_min")).isEqualTo("-500");
    }

    @Test
    void aDicomSeriesWithItsRtstructGivesWhatTheNiftiTwinsGive() throws Exception {
        Path fromDicom = tmp.resolve("dicom.csv");
        Path fromNifti = tmp.resolve("nifti.csv");
        Cli.Result run = Cli.run("radiomics", "--image", TestData.data(CT + "dicom/image").toString(), "--mask",
                TestData.data(CT + "dicom/mask").toString(), "--config", "B", "--csv", fromDicom.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config", "B",
                "--csv", fromNifti.toString()).exitCode()).isZero();

        Map<String, String> dicom = csv(Files.readAllLines(fromDicom));
        Map<String, String> nifti = csv(Files.readAllLines(fromNifti));
        assertThat(dicom.keySet()).isEqualTo(nifti.keySet());
        // The RTSTRUCT fills to the NIfTI GTV voxel for voxel, so every feature agrees (NaN with NaN); 1e-4 relative leaves
        // room for the NIfTI header's float32 geometry, which moves the iterative MVEE fit in its sixth digit.
        for (String tag : nifti.keySet()) {
            double expected = Double.parseDouble(nifti.get(tag));
            double actual = Double.parseDouble(dicom.get(tag));
            if (Double.isNaN(expected)) {
                assertThat(actual).as(tag).isNaN();
            } else {
                assertThat(actual).as(tag).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void aMissingImageIsOneLineAndExitCode2() {
        Cli.Result run = Cli.run("radiomics", "--image", tmp.resolve("nope.nii.gz").toString(), "--mask", MASK.toString(),
                "--config", "C", "--csv", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("lumen: no such file: " + tmp.resolve("nope.nii.gz"));
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void anEmptyRoiIsOneLineAndExitCode2() throws Exception {
        Volume mask = NiftiReader.read(MASK);
        Path empty = tmp.resolve("empty.nii.gz");
        NiftiWriter.write(mask.withData(new float[mask.voxelCount()]), empty);
        Cli.Result run = Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", empty.toString(), "--config", "C",
                "--csv", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).startsWith("lumen: the ROI mask is empty").doesNotContain("\n");
    }

    @Test
    void aMaskOnAGridElsewhereIsAnEmptyRoi() throws Exception {
        Volume mask = NiftiReader.read(MASK);
        Geometry g = mask.geometry();
        Path moved = tmp.resolve("moved.nii.gz");
        NiftiWriter.write(mask.withGeometry(new Geometry(g.origin().plus(new Vec3(1000, 0, 0)), g.direction(), g.spacing())),
                moved);
        Cli.Result run = Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", moved.toString(), "--config",
                "C", "--csv", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).startsWith("lumen: the ROI mask is empty").doesNotContain("\n");
    }

    @Test
    void anUnknownConfigurationNamesTheKnownOnes() {
        Cli.Result run = Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config", "F",
                "--csv", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("lumen: --config F is neither an IBSI configuration (digital-phantom, A,"
                + " B, C, D, E) nor a settings file");
    }

    @Test
    void aSettingsFileWithATypoSaysWhichKey() throws Exception {
        Path settings = tmp.resolve("typo.properties");
        Files.writeString(settings, "name = x\ndiscretisaton = FBN 32\n", StandardCharsets.UTF_8);
        Cli.Result run = Cli.run("radiomics", "--image", IMAGE.toString(), "--mask", MASK.toString(), "--config",
                settings.toString(), "--csv", tmp.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown setting(s) [discretisaton]");
    }

    @Test
    void numbersKeepFullPrecision() {
        assertThat(RadiomicsCommand.format(204)).isEqualTo("204");
        assertThat(RadiomicsCommand.format(-48.978469367782346)).isEqualTo("-48.978469367782346");
        assertThat(RadiomicsCommand.format(6.108415651506771E-5)).isEqualTo("6.108415651506771E-5");
        assertThat(RadiomicsCommand.format(Double.NaN)).isEqualTo("NaN");
    }

    private static Map<String, String> csv(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            values.put(cells[0], cells[1]);
        }
        return values;
    }

    /** tag -> {reference, tolerance} from the IBSI CSV (the tag is the last cell, value and tolerance 6th and 5th from it). */
    private static Map<String, double[]> referenceValues(String set) throws Exception {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestData.data("ibsi/reference_values/ibsi_1_reference_values_" + set + ".csv"),
                StandardCharsets.UTF_8)) {
            String[] cells = line.strip().split(",", -1);
            int valueColumn = cells.length - 6;
            if (valueColumn > 0 && cells[valueColumn].matches("-?[0-9.eE+-]+")) {
                values.put(cells[cells.length - 1], new double[] {Double.parseDouble(cells[valueColumn]),
                        Double.parseDouble(cells[valueColumn + 1])});
            }
        }
        return values;
    }
}
