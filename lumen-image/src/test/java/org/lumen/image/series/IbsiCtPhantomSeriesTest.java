package org.lumen.image.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;

/**
 * The IBSI CT radiomics phantom exists as 60 DICOM slices and as the NIfTI the IBSI made from them: the series built from
 * the DICOM must be that NIfTI, voxel for voxel and within 1e-4 mm, and survive a round trip through our NIfTI writer.
 */
class IbsiCtPhantomSeriesTest {
    private static final String DICOM = "ibsi/ibsi_1_ct_radiomics_phantom/dicom/image";
    private static final String NIFTI = "ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz";
    private static final double GEOMETRY_TOLERANCE_MM = 1e-4;

    private static SeriesVolume series;
    private static Volume nifti;

    @BeforeAll
    static void build() throws Exception {
        series = SeriesVolumeBuilder.fromFolder(TestData.data(DICOM));
        nifti = NiftiReader.read(TestData.data(NIFTI));
    }

    @Test
    void seriesEqualsItsNiftiTwinVoxelForVoxel() {
        Volume volume = series.volume();
        assertThat(new int[] {volume.nx(), volume.ny(), volume.nz()}).containsExactly(nifti.nx(), nifti.ny(), nifti.nz())
                .containsExactly(204, 201, 60);
        VoxelAssertions.assertSameVoxels(volume.data(), nifti.data());
        assertThat(volume.voxelType()).isEqualTo(VoxelType.INT16);
        assertThat(min(volume.data())).isEqualTo(-1000f); // stored 0 with intercept -1000: the rescale was applied
    }

    @Test
    void geometryMatchesTheNiftiWithinATenThousandthOfAMillimetre() {
        assertGeometryClose(series.volume().geometry(), nifti.geometry());
    }

    @Test
    void slicesAreOrderedUpTheNormalAndTheReportIsClean() {
        SeriesReport report = series.report();
        assertThat(report.issues()).isEmpty();
        assertThat(report.slices()).hasSize(60);
        for (int k = 1; k < 60; k++) {
            assertThat(report.slices().get(k).position().z()).isGreaterThan(report.slices().get(k - 1).position().z());
        }
        // The files are named top down (DCM_IMG_00000 is the highest slice), so sorting by name or Instance Number
        // descending order would have been wrong: slice 0 is the lowest.
        assertThat(report.slices().get(0).source()).isEqualTo("DCM_IMG_00059.dcm");
        assertThat(report.slices().get(59).source()).isEqualTo("DCM_IMG_00000.dcm");
    }

    @Test
    void niftiRoundTripKeepsValuesAndGeometry(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("phantom.nii.gz");
        NiftiWriter.write(series.volume(), file);
        Volume back = NiftiReader.read(file);
        assertThat(back.voxelType()).isEqualTo(VoxelType.INT16);
        VoxelAssertions.assertSameVoxels(back.data(), nifti.data());
        assertGeometryClose(back.geometry(), nifti.geometry());
    }

    @Test
    void shuffledFilesGiveTheSameVolume() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(TestData.data(DICOM))) {
            files = new ArrayList<>(list.toList());
        }
        Collections.shuffle(files, new Random(20240601));
        SeriesVolume shuffled = new SeriesVolumeBuilder().build(SeriesInput.ofPaths(files));
        VoxelAssertions.assertSameVoxels(shuffled.volume().data(), series.volume().data());
        assertThat(shuffled.volume().geometry()).isEqualTo(series.volume().geometry());
        assertThat(shuffled.report().slices()).isEqualTo(series.report().slices());
    }

    static void assertGeometryClose(Geometry actual, Geometry expected) {
        assertThat(actual.origin().maxAbsDifference(expected.origin())).as("origin %s vs %s", actual.origin(),
                expected.origin()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE_MM);
        assertThat(actual.spacing().maxAbsDifference(expected.spacing())).as("spacing %s vs %s", actual.spacing(),
                expected.spacing()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE_MM);
        assertThat(actual.direction().maxAbsDifference(expected.direction())).as("direction %s vs %s",
                actual.direction(), expected.direction()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE_MM);
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

}
