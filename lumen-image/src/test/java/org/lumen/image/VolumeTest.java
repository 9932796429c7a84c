package org.lumen.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeTest {
    private static Volume counting(int nx, int ny, int nz, Geometry geometry) {
        float[] values = new float[nx * ny * nz];
        for (int n = 0; n < values.length; n++) {
            values[n] = n;
        }
        return new Volume(nx, ny, nz, values, VoxelType.INT16, geometry);
    }

    @Test
    void xRunsFastestThenYThenZ() {
        Volume volume = counting(3, 4, 5, Geometry.identity());
        assertThat(volume.get(1, 0, 0)).isEqualTo(1f);
        assertThat(volume.get(0, 1, 0)).isEqualTo(3f);
        assertThat(volume.get(0, 0, 1)).isEqualTo(12f);
        assertThat(volume.get(2, 3, 4)).isEqualTo(59f);
        assertThat(volume.slice(2)).hasSize(12).startsWith(24f, 25f).endsWith(35f);
        assertThatThrownBy(() -> volume.get(3, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void dataLengthMustMatchTheDimensions() {
        assertThatThrownBy(() -> new Volume(2, 2, 2, new float[7], VoxelType.UINT8, Geometry.identity()))
                .hasMessageContaining("data has 7 values but 2 x 2 x 2 needs 8");
        assertThatThrownBy(() -> new Volume(0, 2, 2, new float[0], VoxelType.UINT8, Geometry.identity()))
                .hasMessageContaining("at least 1");
    }

    @Test
    void dataAndViewDoNotExposeTheArray() {
        Volume volume = counting(2, 2, 2, Geometry.identity());
        volume.data()[0] = 99;
        assertThat(volume.get(0)).isZero();
        assertThat(volume.view().isReadOnly()).isTrue();
        assertThat(volume.view().get(7)).isEqualTo(7f);
    }

    @Test
    void patientAndIndexCoordinatesAreInverse() {
        Geometry oblique = new Geometry(new Vec3(10, -20, 30),
                Matrix3.ofColumns(new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(-1, 0, 0)), new Vec3(0.5, 2, 4));
        Volume volume = counting(3, 4, 5, oblique);
        Vec3 patient = volume.indexToPatient(2, 3, 4);
        assertThat(patient.maxAbsDifference(new Vec3(10 - 16, -20 + 1, 30 - 6))).isLessThan(1e-12);
        assertThat(volume.patientToIndex(patient.x(), patient.y(), patient.z()).maxAbsDifference(new Vec3(2, 3, 4)))
                .isLessThan(1e-12);
    }

    @Test
    void withDataKeepsGridAndTypeUnlessTold() {
        Volume volume = counting(2, 1, 1, Geometry.identity());
        Volume mask = volume.withData(new float[] {0, 1}, VoxelType.UINT8);
        assertThat(mask.voxelType()).isEqualTo(VoxelType.UINT8);
        assertThat(mask.sameGeometry(volume, 0)).isTrue();
        assertThat(volume.withData(new float[] {5, 6}).voxelType()).isEqualTo(VoxelType.INT16);
        assertThatThrownBy(() -> volume.withData(new float[3])).hasMessageContaining("needs 2");
    }

    @Test
    void sameGeometryComparesDimensionsAndPlacementWithinTolerance() {
        Geometry base = Geometry.identity();
        Geometry moved = new Geometry(new Vec3(0, 0, 2e-5), Matrix3.identity(), new Vec3(1, 1, 1));
        Volume a = counting(2, 2, 2, base);
        assertThat(a.sameGeometry(counting(2, 2, 2, moved), 1e-4)).isTrue();
        assertThat(a.sameGeometry(counting(2, 2, 2, moved), 1e-5)).isFalse();
        assertThat(a.sameGeometry(counting(2, 2, 3, base), 1)).isFalse();
    }
}
