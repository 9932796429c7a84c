package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** The IBSI interpolation grid and the three interpolators on hand-computed cases and on the CT phantom's ROI. */
class ImageInterpolatorTest {

    /** IBSI 1 "Interpolation grid": 4 x 4 voxels of 3 mm to 2 mm gives 6 x 6, centred: first point at index -0.1667. */
    @Test
    void gridFollowsTheIbsiExample() {
        Volume image = volume(4, 4, 1, new Vec3(3, 3, 3), new float[16]);
        InterpolationGrid grid = InterpolationGrid.of(image, resampling(2, true, GridInterpolation.LINEAR));

        assertThat(grid.size()).containsExactly(6, 6, 1);
        assertThat(grid.start()[0]).isCloseTo(0.5 * (4 - 1 - (2.0 / 3) * (6 - 1)), within(1e-12)).isCloseTo(-1.0 / 6,
                within(1e-12));
        assertThat(grid.step()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(grid.geometry().spacing()).isEqualTo(new Vec3(2, 2, 3));
        // Centres aligned: the middle of the new grid is the middle of the old one, in patient space.
        Vec3 oldCentre = image.indexToPatient(1.5, 1.5, 0);
        Vec3 newCentre = grid.geometry().indexToPatient(2.5, 2.5, 0);
        assertThat(newCentre.maxAbsDifference(oldCentre)).isLessThan(1e-12);
    }

    @Test
    void ctPhantomGridIsTheIbsiDiagnosticSize() {
        Volume ct = IbsiPhantoms.ct().image();
        InterpolationGrid grid = InterpolationGrid.of(ct, resampling(2, false, GridInterpolation.LINEAR));
        assertThat(grid.size()).containsExactly(100, 99, 90); // img_dim_*_interp_img of configurations C to E
    }

    @Test
    void linearAndSplineReproduceALinearRampAndNearestPicksTheClosestSample() {
        double[] ramp = new double[40];
        Arrays.setAll(ramp, i -> 10.0 * i);
        // y spacing 0.75 keeps the single row as it is: the resampling is along x only.
        Volume line = volume(40, 1, 1, new Vec3(1, 0.75, 1), new float[40]);
        InterpolationGrid grid = InterpolationGrid.of(line, resampling(0.75, true, GridInterpolation.LINEAR));
        double[] linear = ImageInterpolator.interpolate(ramp, 40, 1, 1, grid, GridInterpolation.LINEAR);
        double[] spline = ImageInterpolator.interpolate(ramp, 40, 1, 1, grid, GridInterpolation.CUBIC_SPLINE);
        double[] nearest = ImageInterpolator.interpolate(ramp, 40, 1, 1, grid, GridInterpolation.NEAREST);
        assertThat(linear).hasSize(54); // ceil(40 / 0.75)
        for (int k = 0; k < linear.length; k++) {
            double position = grid.start()[0] + k * grid.step()[0];
            double clamped = Math.max(0, Math.min(39, position));
            assertThat(linear[k]).as("linear at %s", position).isCloseTo(10 * clamped, within(1e-9));
            assertThat(nearest[k]).as("nearest at %s", position).isEqualTo(10 * Math.rint(clamped));
            // The ends are padded with their own value, which bends the spline there; ten samples in, the bend has
            // decayed by 0.268^10 and the cubic spline is exact on a line.
            if (position > 10 && position < 29) {
                assertThat(spline[k]).as("spline at %s", position).isCloseTo(10 * position, within(1e-3));
            }
        }
    }

    @Test
    void splinePassesThroughTheSamples() {
        double[] values = {3, -1, 4, 1, -5, 9, 2, 6};
        Volume line = volume(8, 1, 1, new Vec3(1, 1, 1), new float[8]);
        // Same spacing: the new grid is the old one (8 points, start 0), so the spline must return the samples.
        InterpolationGrid grid = new InterpolationGrid(new int[] {8, 1, 1}, new double[] {0, 0, 0}, new double[] {1.0000001, 1, 1},
                line.geometry());
        double[] spline = ImageInterpolator.interpolate(values, 8, 1, 1, grid, GridInterpolation.CUBIC_SPLINE);
        for (int k = 1; k < 7; k++) {
            assertThat(spline[k]).isCloseTo(values[k], within(1e-4));
        }
    }

    /** The mask is interpolated only near the ROI; that must be bit for bit what the whole grid gives. */
    @Test
    void maskNearTheRoiEqualsTheWholeGridThresholded() {
        IbsiPhantoms.ImageAndMask ct = IbsiPhantoms.ct();
        Volume mask = ct.mask();
        boolean[] roi = new boolean[mask.voxelCount()];
        double[] asValues = new double[roi.length];
        for (int n = 0; n < roi.length; n++) {
            roi[n] = mask.get(n) >= 0.5f;
            asValues[n] = roi[n] ? 1 : 0;
        }
        BoundingBox box = BoundingBox.of(roi, mask.nx(), mask.ny(), mask.nz()).orElseThrow();
        for (boolean inPlane : new boolean[] {true, false}) {
            InterpolationGrid grid = InterpolationGrid.of(mask, resampling(2, inPlane, GridInterpolation.LINEAR));
            double[] whole = ImageInterpolator.interpolate(asValues, mask.nx(), mask.ny(), mask.nz(), grid,
                    GridInterpolation.LINEAR);
            boolean[] region = ImageInterpolator.interpolateMask(roi, mask.nx(), mask.ny(), mask.nz(), box, grid,
                    GridInterpolation.LINEAR, 0.5);
            int count = 0;
            for (int n = 0; n < whole.length; n++) {
                assertThat(region[n]).as("voxel %d (in-plane %s)", n, inPlane).isEqualTo(whole[n] >= 0.5);
                count += region[n] ? 1 : 0;
            }
            assertThat(count).isEqualTo(inPlane ? 29842 : 45985); // int_mask_vox_count_interp_roi of B and C
        }
    }

    private static RadiomicsConfig.Resampling resampling(double spacing, boolean inPlane, GridInterpolation image) {
        return new RadiomicsConfig.Resampling(spacing, inPlane, image, GridInterpolation.LINEAR, 0.5, false);
    }

    private static Volume volume(int nx, int ny, int nz, Vec3 spacing, float[] data) {
        return new Volume(nx, ny, nz, data, VoxelType.FLOAT32, new Geometry(Vec3.ZERO, Matrix3.identity(), spacing));
    }
}
