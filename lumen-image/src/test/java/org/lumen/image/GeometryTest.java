package org.lumen.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeometryTest {
    private static final Geometry SHEARED = new Geometry(new Vec3(-100, 20.5, 300),
            Matrix3.ofColumns(new Vec3(0.6, 0.8, 0), new Vec3(-0.8, 0.6, 0), new Vec3(0, Math.sin(0.2), Math.cos(0.2))),
            new Vec3(0.5, 0.75, 3));

    @Test
    void indexToPatientFollowsOriginDirectionAndSpacing() {
        // i steps 0.5 mm along (0.6, 0.8, 0); j 0.75 mm along (-0.8, 0.6, 0); k 3 mm along the tilted axis.
        Vec3 p = SHEARED.indexToPatient(2, 4, 1);
        Vec3 expected = new Vec3(-100 + 2 * 0.5 * 0.6 - 4 * 0.75 * 0.8, 20.5 + 2 * 0.5 * 0.8 + 4 * 0.75 * 0.6 + 3 * Math.sin(0.2),
                300 + 3 * Math.cos(0.2));
        assertThat(p.maxAbsDifference(expected)).isLessThan(1e-12);
    }

    @Test
    void patientToIndexUndoesIndexToPatient() {
        Random random = new Random(7);
        for (int n = 0; n < 1000; n++) {
            Vec3 index = new Vec3(random.nextDouble() * 500 - 100, random.nextDouble() * 500, random.nextDouble() * 90 - 5);
            Vec3 back = SHEARED.patientToIndex(SHEARED.indexToPatient(index.x(), index.y(), index.z()));
            assertThat(back.maxAbsDifference(index)).isLessThan(1e-9);
        }
    }

    @Test
    void invalidGeometriesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> new Geometry(Vec3.ZERO, Matrix3.diagonal(1, 2, 1), new Vec3(1, 1, 1)))
                .hasMessageContaining("direction column 1 must be a unit vector");
        assertThatThrownBy(() -> new Geometry(Vec3.ZERO, Matrix3.identity(), new Vec3(1, 0, 1)))
                .hasMessageContaining("spacing along axis 1");
        assertThatThrownBy(() -> new Geometry(Vec3.ZERO,
                Matrix3.ofColumns(new Vec3(1, 0, 0), new Vec3(1, 0, 0), new Vec3(0, 0, 1)), new Vec3(1, 1, 1)))
                .hasMessageContaining("parallel");
        assertThatThrownBy(() -> new Geometry(new Vec3(Double.NaN, 0, 0), Matrix3.identity(), new Vec3(1, 1, 1)))
                .hasMessageContaining("origin");
    }

    @Test
    void affineDecomposesIntoSpacingAndUnitDirections() {
        Geometry geometry = Geometry.ofAffine(SHEARED.indexToPatientMatrix(), SHEARED.origin());
        assertThat(geometry.isCloseTo(SHEARED, 1e-12)).isTrue();
    }

    @Test
    void dicomStackTakesSliceDirectionAndStepFromPositions() {
        double[] axial = {1, 0, 0, 0, 1, 0};
        double[] pixelSpacing = {0.8, 0.6}; // between rows (j), between columns (i)
        List<Vec3> positions = List.of(new Vec3(-50, -60, 10), new Vec3(-50, -60, 7.5), new Vec3(-50, -60, 5));
        Geometry geometry = Geometry.fromDicomSlices(axial, pixelSpacing, positions);

        assertThat(geometry.origin()).isEqualTo(new Vec3(-50, -60, 10));
        assertThat(geometry.spacing()).isEqualTo(new Vec3(0.6, 0.8, 2.5));
        assertThat(geometry.direction()).isEqualTo(Matrix3.diagonal(1, 1, -1)); // slices run towards the feet
        assertThat(geometry.indexToPatient(10, 20, 2).maxAbsDifference(new Vec3(-44, -44, 5))).isLessThan(1e-12);
    }

    @Test
    void dicomStackWithAGapOrRepeatsIsRefused() {
        double[] axial = {1, 0, 0, 0, 1, 0};
        double[] pixelSpacing = {1, 1};
        List<Vec3> gap = List.of(new Vec3(0, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, 3), new Vec3(0, 0, 4));
        assertThatThrownBy(() -> Geometry.fromDicomSlices(axial, pixelSpacing, gap))
                .hasMessageContaining("slice 1 is")
                .hasMessageContaining("unevenly spaced");
        List<Vec3> repeated = List.of(new Vec3(0, 0, 0), new Vec3(0, 0, 0));
        assertThatThrownBy(() -> Geometry.fromDicomSlices(axial, pixelSpacing, repeated)).hasMessageContaining("not a stack");
        List<Vec3> inPlane = List.of(new Vec3(0, 0, 0), new Vec3(5, 0, 0));
        assertThatThrownBy(() -> Geometry.fromDicomSlices(axial, pixelSpacing, inPlane)).hasMessageContaining("within the image plane");
    }

    @Test
    void singleDicomSliceUsesTheNormalAndTheThickness() {
        double[] coronal = {1, 0, 0, 0, 0, -1};
        Geometry geometry = Geometry.fromDicomSingleSlice(coronal, new double[] {0.5, 0.4}, new Vec3(1, 2, 3), 5);
        assertThat(geometry.direction().column(2)).isEqualTo(new Vec3(0, 1, 0));
        assertThat(geometry.spacing()).isEqualTo(new Vec3(0.4, 0.5, 5));
    }
}
