package org.lumen.image.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.resample.AffineTransform;

/** Hand-checked cases for the parts of the registration: parameters, pyramid, centre of mass, metrics, options. */
class RegistrationPartsTest {
    @Test
    void zeroParametersGiveTheBaseAndARotationParameterTurnsAboutTheCentre() {
        AffineTransform base = new AffineTransform(Matrix3.identity(), new Vec3(1, 2, 3));
        Vec3 centre = new Vec3(10, 0, 0);
        Parameterisation rigid = new Parameterisation(TransformModel.RIGID, centre, 50, base);
        assertThat(rigid.transform(new double[6])).isEqualTo(base);
        // p[5] = 50 * pi/2 is a quarter turn about z through the centre: (20,0,0) -> (10,10,0), then the base's shift.
        double[] p = new double[6];
        p[5] = 50 * Math.PI / 2;
        Vec3 moved = rigid.transform(p).apply(new Vec3(20, 0, 0));
        assertThat(moved.minus(new Vec3(11, 12, 3)).norm()).isLessThan(1e-9);
        Parameterisation similarity = new Parameterisation(TransformModel.SIMILARITY, centre, 50, AffineTransform.IDENTITY);
        double[] s = new double[7];
        s[6] = 50 * Math.log(2);
        assertThat(similarity.transform(s).apply(new Vec3(20, 0, 0)).x()).isCloseTo(30, within(1e-9));
    }

    @Test
    void pyramidKeepsAConstantImageAndPlacesCoarseVoxelsAtBlockCentres() {
        Volume flat = new Volume(8, 8, 8, filled(512, 5f), VoxelType.FLOAT32,
                new Geometry(new Vec3(-3, 4, 0), Matrix3.identity(), new Vec3(1, 1, 2)));
        List<Volume> levels = ImagePyramid.levels(flat, new double[] {4, 2, 1});
        Volume coarse = levels.get(0);
        assertThat(levels.get(2)).isSameAs(flat);
        assertThat(coarse.nx()).isEqualTo(2);
        assertThat(coarse.nz()).isEqualTo(4); // z already 2 mm: factor 2 for 4 mm
        assertThat(coarse.geometry().spacing()).isEqualTo(new Vec3(4, 4, 4));
        // The first coarse voxel centres the first 4 x 4 x 2 block of fine voxels: 1.5 voxels in, 0.5 slices in.
        assertThat(coarse.geometry().origin().minus(new Vec3(-1.5, 5.5, 1)).norm()).isLessThan(1e-9);
        for (int v = 0; v < coarse.voxelCount(); v++) {
            assertThat(coarse.get(v)).isCloseTo(5f, within(1e-5f));
        }
        assertThatThrownBy(() -> ImagePyramid.levels(flat, new double[] {1, 2}))
                .hasMessageContaining("coarse to fine");
    }

    @Test
    void centreOfMassOfTwoBrightVoxels() {
        float[] data = new float[27];
        data[0] = 1;
        data[2 + 3 * (2 + 3 * 2)] = 1;
        Volume v = new Volume(3, 3, 3, data, VoxelType.FLOAT32, Geometry.identity());
        assertThat(CentreOfMass.of(v)).isEqualTo(new Vec3(1, 1, 1));
    }

    @Test
    void metricsPeakAtTheTrueShiftOfASmoothBlob() {
        Volume blob = blob(new Vec3(0, 0, 0));
        for (Metric metric : Metric.values()) {
            SampledMetric cost = new SampledMetric(blob, blob, metric, 16, 100_000, 1);
            double atTruth = cost.cost(AffineTransform.IDENTITY);
            double shifted = cost.cost(new AffineTransform(Matrix3.identity(), new Vec3(1.5, 0, 0)));
            assertThat(atTruth).as(metric.name()).isLessThan(shifted);
        }
        SampledMetric ncc = new SampledMetric(blob, blob, Metric.NORMALISED_CROSS_CORRELATION, 16, 100_000, 1);
        assertThat(ncc.cost(AffineTransform.IDENTITY)).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void optionsRefuseWhatCannotWork() {
        RegistrationOptions ok = RegistrationOptions.defaults(TransformModel.RIGID, Metric.MUTUAL_INFORMATION);
        assertThatThrownBy(() -> ok.withLevels()).hasMessageContaining("at least one resolution level");
        assertThatThrownBy(() -> ok.withLevels(2, -1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ok.withSamples(10)).hasMessageContaining("at least 100 samples");
    }

    private static Volume blob(Vec3 centre) {
        int n = 24;
        float[] data = new float[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double r2 = Math.pow(i - 11.5 - centre.x(), 2) + Math.pow(j - 11.5, 2) + Math.pow(k - 11.5, 2);
                    data[i + n * (j + n * k)] = (float) (100 * Math.exp(-r2 / 20));
                }
            }
        }
        return new Volume(n, n, n, data, VoxelType.FLOAT32, Geometry.identity());
    }

    private static float[] filled(int n, float value) {
        float[] data = new float[n];
        java.util.Arrays.fill(data, value);
        return data;
    }
}
