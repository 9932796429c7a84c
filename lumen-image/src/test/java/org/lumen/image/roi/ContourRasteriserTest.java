package org.lumen.image.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** Hand-counted contours on a 10 x 10 x 3 grid of 1 x 1 x 2 mm voxels with voxel (0,0,0) centred at the origin. */
class ContourRasteriserTest {
    private static final Volume GRID = new Volume(10, 10, 3, new float[300], VoxelType.INT16,
            new Geometry(Vec3.ZERO, Matrix3.identity(), new Vec3(1, 1, 2)));

    @Test
    void aSquareTakesTheVoxelsWhoseCentresItEncloses() {
        // Edges at 1.5 and 5.5 mm: centres 2, 3, 4, 5 along each axis.
        Volume mask = fill(GRID, square(1.5, 5.5, 2));
        assertThat(count(mask, 1)).isEqualTo(16);
        assertThat(count(mask, 0) + count(mask, 2)).isZero();
        assertThat(mask.get(2, 2, 1)).isEqualTo(1f);
        assertThat(mask.get(5, 5, 1)).isEqualTo(1f);
        assertThat(mask.get(6, 5, 1)).isZero();
        assertThat(mask.voxelType()).isEqualTo(VoxelType.UINT8);
    }

    @Test
    void aContourInsideAnotherCutsAHoleAndSeparateContoursAddUp() {
        Volume mask = fill(GRID, square(1.5, 5.5, 2), square(2.5, 4.5, 2), square(7.5, 8.5, 2));
        assertThat(count(mask, 1)).isEqualTo(16 - 4 + 1);
        assertThat(mask.get(3, 3, 1)).isZero();
        assertThat(mask.get(8, 8, 1)).isEqualTo(1f);
    }

    @Test
    void centresOnAnEdgeCountOnceForContoursThatShareIt() {
        // Edges through voxel centres: the left and lower edges take their centres, the right and upper ones do not.
        assertThat(count(fill(GRID, square(2, 5, 2)), 1)).isEqualTo(9);
        Volume both = fill(GRID, square(2, 5, 2), rectangle(5, 8, 2, 5, 2));
        assertThat(count(both, 1)).isEqualTo(18);
        assertThat(both.get(5, 3, 1)).isEqualTo(1f);
    }

    @Test
    void aTriangleTakesTheCentresBelowItsHypotenuse() {
        // Centres (i, j) with i, j >= 1 and i + j < 7: 5 + 4 + 3 + 2 + 1.
        Volume mask = fill(GRID, contour(0.5, 0.5, 4, 6.5, 0.5, 4, 0.5, 6.5, 4));
        assertThat(count(mask, 2)).isEqualTo(15);
    }

    @Test
    void aContourGoesToTheSliceWithinHalfASliceOfItsPlane() {
        // Slices at z = 0, 2, 4 mm: 2.9 mm is slice 1, 3.2 mm slice 2, -1.2 mm is beyond half a slice below slice 0.
        Volume mask = fill(GRID, square(1.5, 5.5, 2.9), square(1.5, 2.5, 3.2), square(6.5, 7.5, -1.2));
        assertThat(count(mask, 0)).isZero();
        assertThat(count(mask, 1)).isEqualTo(16);
        assertThat(count(mask, 2)).isEqualTo(1);
    }

    @Test
    void aRotatedAndShiftedImageIsFilledInItsOwnIndices() {
        double angle = Math.toRadians(30);
        Vec3 row = new Vec3(Math.cos(angle), Math.sin(angle), 0);
        Vec3 column = new Vec3(-Math.sin(angle), Math.cos(angle), 0);
        Geometry geometry = new Geometry(new Vec3(-20, 7, 40), Matrix3.ofColumns(row, column, new Vec3(0, 0, -1)),
                new Vec3(0.8, 0.8, 2.5));
        Volume rotated = GRID.withGeometry(geometry);
        // The square 1.5..5.5 in index space on slice 2, written in patient coordinates.
        double[] corners = {1.5, 1.5, 5.5, 1.5, 5.5, 5.5, 1.5, 5.5};
        double[] points = new double[12];
        for (int p = 0; p < 4; p++) {
            Vec3 patient = geometry.indexToPatient(corners[2 * p], corners[2 * p + 1], 2);
            points[3 * p] = patient.x();
            points[3 * p + 1] = patient.y();
            points[3 * p + 2] = patient.z();
        }
        Volume mask = fill(rotated, new RtStructureSet.Contour(1, "CLOSED_PLANAR", points));
        assertThat(count(mask, 2)).isEqualTo(16);
        assertThat(mask.get(2, 5, 2)).isEqualTo(1f);
    }

    @Test
    void pointsAndOpenContoursAreNotFilled() {
        RtStructureSet.Roi roi = new RtStructureSet.Roi(3, "marker", null, List.of(
                new RtStructureSet.Contour(1, "POINT", new double[] {1, 1, 2}),
                new RtStructureSet.Contour(2, "OPEN_PLANAR", new double[] {1, 1, 2, 5, 1, 2, 5, 5, 2})));
        assertThatThrownBy(() -> ContourRasteriser.rasterise(roi, GRID, "rs.dcm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rs.dcm").hasMessageContaining("'marker'").hasMessageContaining("no CLOSED_PLANAR");
    }

    @Test
    void aContourAcrossSlicesIsRefused() {
        assertThatThrownBy(() -> fill(GRID, contour(1, 1, 0, 5, 1, 0, 5, 5, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contour 1 of ROI 'tumour' is not in a slice plane");
    }

    @Test
    void contoursThatMissTheImageAreRefused() {
        assertThatThrownBy(() -> fill(GRID, square(1.5, 5.5, 30), square(1.5, 5.5, 33)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROI 'tumour' has no contour on this image")
                .hasMessageContaining("slice index 15.00 and 16.50").hasMessageContaining("slices 0 to 2");
    }

    private static Volume fill(Volume grid, RtStructureSet.Contour... contours) {
        return ContourRasteriser.rasterise(new RtStructureSet.Roi(1, "tumour", null, List.of(contours)), grid, "rs.dcm");
    }

    private static RtStructureSet.Contour square(double low, double high, double z) {
        return rectangle(low, high, low, high, z);
    }

    private static RtStructureSet.Contour rectangle(double x0, double x1, double y0, double y1, double z) {
        return contour(x0, y0, z, x1, y0, z, x1, y1, z, x0, y1, z);
    }

    private static RtStructureSet.Contour contour(double... points) {
        return new RtStructureSet.Contour(1, "CLOSED_PLANAR", points);
    }

    private static int count(Volume mask, int k) {
        int count = 0;
        for (float value : mask.slice(k)) {
            count += value != 0 ? 1 : 0;
        }
        return count;
    }
}
