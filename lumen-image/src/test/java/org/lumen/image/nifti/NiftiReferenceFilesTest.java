package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;

/**
 * Every NIfTI of the shared IBSI data, a few hippocampus crops, the brain atlas and the synthetic fixtures, checked against
 * an independent reading of their headers (nifti/expected.tsv), then written and read back.
 */
class NiftiReferenceFilesTest {
    /** Geometry comes from float32 header fields: compare at what float32 holds for coordinates of a few hundred mm. */
    private static final double ORIGIN_TOLERANCE_MM = 1e-4;
    private static final double ROUND_TRIP_TOLERANCE_MM = 1e-5;

    @TempDir
    Path tempDir;

    static List<ExpectedNifti> files() {
        return ExpectedNifti.all();
    }

    @Test
    void tableCoversTheSharedDataAndTheFixtures() {
        List<ExpectedNifti> all = files();
        assertThat(all).filteredOn(e -> e.label().startsWith("shared:ibsi/")).hasSize(21);
        assertThat(all).filteredOn(e -> e.label().startsWith("shared:hippocampus/")).hasSize(6);
        assertThat(all).filteredOn(e -> e.label().startsWith("shared:brain-atlas/")).hasSize(3);
        assertThat(all).filteredOn(e -> e.label().startsWith("fixture:")).hasSize(8);
        assertThat(all).extracting(ExpectedNifti::source).contains("SFORM", "QFORM", "PIXDIM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsWhatAnIndependentReaderSees(ExpectedNifti expected) throws Exception {
        NiftiHeader header = NiftiReader.readHeader(expected.file());
        Volume volume = NiftiReader.read(expected.file());

        assertThat(header.storedType().name()).isEqualTo(expected.storedType());
        assertThat(header.geometrySource().name()).isEqualTo(expected.source());
        assertThat(new int[] {volume.nx(), volume.ny(), volume.nz()})
                .containsExactly(expected.nx(), expected.ny(), expected.nz());
        assertThat(volume.voxelType().name()).isEqualTo(expected.valueType());
        Geometry geometry = volume.geometry();
        assertThat(geometry.spacing().maxAbsDifference(expected.spacing())).isLessThan(1e-5);
        assertThat(geometry.origin().maxAbsDifference(expected.origin())).isLessThan(ORIGIN_TOLERANCE_MM);
        assertThat(geometry.direction().maxAbsDifference(expected.direction())).isLessThan(1e-6);
        assertSums(volume, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void roundTripKeepsVoxelsTypeAndGeometry(ExpectedNifti expected) throws Exception {
        Volume original = NiftiReader.read(expected.file());
        for (String name : new String[] {"copy.nii", "copy.nii.gz"}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                Path copy = tempDir.resolve(order + "-" + name);
                NiftiWriter.write(original, copy, NiftiWriter.Options.DEFAULTS.withByteOrder(order));
                Volume reread = NiftiReader.read(copy);

                assertThat(Arrays.mismatch(reread.data(), original.data())).as("first differing voxel of %s", copy.getFileName())
                        .isEqualTo(-1);
                assertThat(reread.voxelType()).isEqualTo(original.voxelType());
                assertThat(reread.sameGeometry(original, ROUND_TRIP_TOLERANCE_MM))
                        .as("geometry %s vs %s", reread.geometry(), original.geometry()).isTrue();
                NiftiHeader header = NiftiReader.readHeader(copy);
                assertThat(header.byteOrder()).isEqualTo(order);
                assertThat(header.geometrySource()).isEqualTo(GeometrySource.SFORM);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writtenQformAgreesWithSform(ExpectedNifti expected) throws Exception {
        Volume original = NiftiReader.read(expected.file());
        Path copy = tempDir.resolve("copy.nii");
        NiftiWriter.write(original, copy);
        NiftiHeader header = NiftiReader.readHeader(copy);
        Geometry fromQform = NiftiGeometry.toGeometry(NiftiHeaders.withCodes(header, 1, 0));
        Geometry fromSform = NiftiGeometry.toGeometry(NiftiHeaders.withCodes(header, 0, 1));

        if (original.geometry().direction().isOrthonormal(1e-6)) {
            assertThat(fromQform.isCloseTo(fromSform, 1e-5)).as("qform %s, sform %s", fromQform, fromSform).isTrue();
        } else {
            // A sheared grid: the qform holds the nearest rotation, so only origin and spacing must agree.
            assertThat(fromQform.origin().maxAbsDifference(fromSform.origin())).isLessThan(1e-5);
            assertThat(fromQform.spacing().maxAbsDifference(fromSform.spacing())).isLessThan(1e-5);
            assertThat(fromQform.direction().isOrthonormal(1e-6)).isTrue();
        }
    }

    private static void assertSums(Volume volume, ExpectedNifti expected) {
        double sum = 0;
        double weighted = 0;
        for (int index = 0; index < volume.voxelCount(); index++) {
            float value = volume.get(index);
            sum += value;
            weighted += (double) value * (index % 1000 + 1);
        }
        assertThat(sum).isCloseTo(expected.sum(), within(1e-9 * Math.max(1, Math.abs(expected.sum()))));
        assertThat(weighted).isCloseTo(expected.weightedSum(), within(1e-9 * Math.max(1, Math.abs(expected.weightedSum()))));
    }
}
