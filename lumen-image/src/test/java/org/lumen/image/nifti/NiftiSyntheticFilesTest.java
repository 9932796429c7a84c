package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** Voxel values of the synthetic fixtures (written by make_fixtures.py), checked voxel by voxel. */
class NiftiSyntheticFilesTest {

    @Test
    void qformOnlyFileIgnoresItsJunkSrowAndKeepsValuesInOrder() throws Exception {
        var file = ExpectedNifti.fixture("synthetic/qform_only_oblique.nii");
        NiftiHeader header = NiftiReader.readHeader(file);
        Volume volume = NiftiReader.read(file);

        assertThat(header.sformCode()).isZero();
        assertThat(header.srow()).containsOnly(7f);
        assertThat(header.geometrySource()).isEqualTo(GeometrySource.QFORM);
        assertThat(header.pixdim()[0]).isEqualTo(-1f);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 4; i++) {
                    assertThat(volume.get(i, j, k)).isEqualTo(i + 10 * j + 100 * k - 50);
                }
            }
        }
        // qfac = -1 makes the grid left-handed.
        assertThat(volume.geometry().direction().determinant()).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void sformOnlyBigEndianFileAppliesSlopeAndIntercept() throws Exception {
        var file = ExpectedNifti.fixture("synthetic/sform_only_sheared_be.nii");
        NiftiHeader header = NiftiReader.readHeader(file);
        Volume volume = NiftiReader.read(file);

        assertThat(header.byteOrder()).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(header.qformCode()).isZero();
        assertThat(header.geometrySource()).isEqualTo(GeometrySource.SFORM);
        assertThat(volume.voxelType()).as("scaled values are no longer uint16").isEqualTo(VoxelType.FLOAT32);
        for (int n = 0; n < volume.voxelCount(); n++) {
            assertThat(volume.get(n)).isEqualTo((float) ((n * 7919) % 65536 * 0.5 - 10));
        }
        // The k axis is sheared against i: not orthogonal, kept exactly.
        assertThat(volume.geometry().direction().column(0).dot(volume.geometry().direction().column(2))).isNotZero();
    }

    @Test
    void sformWinsOverAQformThatSaysSomethingElse() throws Exception {
        Volume volume = NiftiReader.read(ExpectedNifti.fixture("synthetic/both_forms_sform_wins.nii.gz"));
        // sform RAS (100, -50, 25) is LPS (-100, 50, 25); the qform would have put it at LPS (-1, -2, 3).
        assertThat(volume.geometry().origin()).isEqualTo(new Vec3(-100, 50, 25));
        assertThat(volume.voxelType()).isEqualTo(VoxelType.FLOAT64);
        assertThat(volume.get(1, 1, 1)).isEqualTo(7 * 0.25f - 1);
    }

    @Test
    void pixdimOnlyFileInMetresIsPlacedInMillimetres() throws Exception {
        Volume volume = NiftiReader.read(ExpectedNifti.fixture("synthetic/pixdim_only_meters.nii"));
        assertThat(volume.geometry().spacing().maxAbsDifference(new Vec3(2, 3, 4))).isLessThan(1e-6);
        assertThat(volume.geometry().origin()).isEqualTo(Vec3.ZERO);
        assertThat(volume.indexToPatient(1, 0, 1).maxAbsDifference(new Vec3(-2, 0, 4))).isLessThan(1e-6);
        assertThat(volume.get(4, 0, 2)).isEqualTo(140f);
    }

    @Test
    void integerTypesKeepTheirExtremes() throws Exception {
        Volume int8 = NiftiReader.read(ExpectedNifti.fixture("synthetic/int8_4d_singleton.nii"));
        assertThat(int8.voxelType()).isEqualTo(VoxelType.INT8);
        assertThat(int8.get(0, 0, 0)).isEqualTo(-128f);
        assertThat(int8.get(2, 1, 1)).isEqualTo(127f);

        Volume uint32 = NiftiReader.read(ExpectedNifti.fixture("synthetic/uint32_2d.nii.gz"));
        assertThat(new int[] {uint32.nx(), uint32.ny(), uint32.nz()}).containsExactly(2, 2, 1);
        assertThat(uint32.data()).containsExactly(0f, 1f, 16777216f, 4294967040f);

        Volume int32 = NiftiReader.read(ExpectedNifti.fixture("synthetic/int32_qform_be.nii"));
        assertThat(int32.data()).containsExactly(-2147483648f, -1f, 0f, 1f, 16777216f, 2147483520f, -16777216f, 123456f);
    }

    @Test
    void hdrImgPairReadsFromEitherHalf() throws Exception {
        Volume fromHeader = NiftiReader.read(ExpectedNifti.fixture("synthetic/pair.hdr"));
        Volume fromImage = NiftiReader.read(ExpectedNifti.fixture("synthetic/pair.img"));

        assertThat(NiftiReader.readHeader(ExpectedNifti.fixture("synthetic/pair.hdr")).singleFile()).isFalse();
        assertThat(fromImage.data()).containsExactly(fromHeader.data());
        assertThat(fromHeader.get(1, 2, 3)).isEqualTo(23 * 1.5f - 3);
        assertThat(fromImage.sameGeometry(fromHeader, 0)).isTrue();
    }
}
