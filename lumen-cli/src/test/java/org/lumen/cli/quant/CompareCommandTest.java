package org.lumen.cli.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/**
 * {@code lumen compare} on a real hippocampus MRI crop (Decathlon Task04): the current is the prior turned and shifted,
 * with a new blob of label 2 in its label map. The JSON reports both labels' volumes, the blob as new, and the
 * subtraction image is written on the current's grid.
 */
class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonReportsVolumesTheNewBlobAndWritesTheSubtraction() throws Exception {
        Volume prior = NiftiReader.read(TestData.data("hippocampus/imagesTr/hippocampus_001.nii.gz"));
        Volume priorLabels = NiftiReader.read(TestData.data("hippocampus/labelsTr/hippocampus_001.nii.gz"));
        double a = Math.toRadians(3);
        Matrix3 rotation = Matrix3.ofRows(1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a));
        Vec3 centre = prior.indexToPatient(17, 25, 17);
        AffineTransform motion = new AffineTransform(rotation, centre.minus(rotation.times(centre)).plus(new Vec3(1.5, -1, 0.5)));
        Volume current = move(prior, motion, Interpolation.LINEAR);
        float[] labels = move(priorLabels, motion, Interpolation.NEAREST).data();
        int blob = 27; // a 3 x 3 x 3 cube in a corner, away from the hippocampus
        for (int k = 2; k < 5; k++) {
            for (int j = 2; j < 5; j++) {
                for (int i = 2; i < 5; i++) {
                    labels[current.index(i, j, k)] = 2;
                }
            }
        }
        Volume currentLabels = current.withData(labels);
        Path dir = tmp;
        NiftiWriter.write(prior, dir.resolve("prior.nii.gz"));
        NiftiWriter.write(priorLabels, dir.resolve("prior-labels.nii.gz"));
        NiftiWriter.write(current, dir.resolve("current.nii.gz"));
        NiftiWriter.write(currentLabels, dir.resolve("current-labels.nii.gz"));

        Cli.Result run = Cli.run("compare", dir.resolve("current.nii.gz").toString(), dir.resolve("prior.nii.gz").toString(),
                "--labels", dir.resolve("prior-labels.nii.gz").toString(), "--current-labels",
                dir.resolve("current-labels.nii.gz").toString(), "--out", dir.resolve("out").toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.stdout().strip());
        assertThat(json.get("labels")).hasSize(2);
        JsonNode anterior = json.get("labels").get(0);
        assertThat(anterior.get("label").asInt()).isEqualTo(1);
        assertThat(anterior.get("prior_voxels").asInt()).isEqualTo(count(priorLabels, 1));
        assertThat(anterior.get("change_percent").asDouble()).isCloseTo(
                100.0 * (count(currentLabels, 1) - count(priorLabels, 1)) / count(priorLabels, 1), within(1e-9));
        assertThat(json.get("regions")).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("new");
            assertThat(r.get("label").asInt()).isEqualTo(2);
            assertThat(r.get("voxels").asInt()).isEqualTo(blob);
        });
        assertThat(json.at("/registration/value").asDouble()).isGreaterThan(0.3);
        Volume subtraction = NiftiReader.read(dir.resolve("out/subtraction.nii.gz"));
        assertThat(subtraction.sameGeometry(current, 1e-3)).isTrue();
    }

    @Test
    void currentLabelsWithoutPriorLabelsIsBadInput() {
        Cli.Result run = Cli.run("compare", "a.nii.gz", "b.nii.gz", "--current-labels", "c.nii.gz");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--current-labels needs --labels");
    }

    private static Volume move(Volume volume, AffineTransform motion, Interpolation interpolation) {
        return Resampler.resample(volume, volume.nx(), volume.ny(), volume.nz(), volume.geometry(), motion, interpolation, 0f);
    }

    private static int count(Volume labels, int label) {
        int n = 0;
        for (int v = 0; v < labels.voxelCount(); v++) {
            n += Math.round(labels.get(v)) == label ? 1 : 0;
        }
        return n;
    }
}
