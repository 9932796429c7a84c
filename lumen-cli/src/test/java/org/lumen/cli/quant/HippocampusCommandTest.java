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
 * {@code lumen volumetry hippocampus} on Colin27 turned and shifted rigidly (so the hippocampi keep the atlas's own
 * 7469 and 7606 mm^3): the JSON holds both volumes within 3% and the registration's quality.
 */
class HippocampusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonReportsBothHippocampiOfARigidlyMovedColinWithin3Percent() throws Exception {
        AtlasAvailable.require();
        Volume colin = NiftiReader.read(TestData.data("brain-atlas/ch2bet.nii.gz"));
        Path subject = tmp.resolve("subject.nii.gz");
        NiftiWriter.write(rigidlyMoved(colin), subject);

        Cli.Result run = Cli.run("volumetry", "hippocampus", subject.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.stdout().strip());
        System.out.println("volumetry hippocampus: " + json);
        assertThat(json.get("left_mm3").asDouble()).isCloseTo(7469, within(0.03 * 7469));
        assertThat(json.get("right_mm3").asDouble()).isCloseTo(7606, within(0.03 * 7606));
        assertThat(json.get("voxel_volume_mm3").asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(json.at("/registration/metric").asText()).isEqualTo("mutual_information");
        assertThat(json.at("/registration/value").asDouble()).isGreaterThan(0.5);
        assertThat(json.at("/registration/fixed_to_moving")).hasSize(3);
    }

    @Test
    void aMissingImageIsBadInput() throws Exception {
        AtlasAvailable.require();
        Cli.Result run = Cli.run("volumetry", "hippocampus", tmp.resolve("missing.nii.gz").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no such file: " + tmp.resolve("missing.nii.gz"));
    }

    private static Volume rigidlyMoved(Volume colin) {
        double a = Math.toRadians(6);
        Matrix3 rotation = Matrix3.ofRows(Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1);
        Vec3 centre = colin.indexToPatient(90, 108, 90);
        AffineTransform motion = new AffineTransform(rotation,
                centre.minus(rotation.times(centre)).plus(new Vec3(4, -7, 3)));
        return Resampler.resample(colin, colin.nx(), colin.ny(), colin.nz(), colin.geometry(), motion,
                Interpolation.LINEAR, 0f);
    }
}
