package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

class NiftiWriterTest {
    @TempDir
    Path tempDir;

    /** A left-handed oblique grid: rotated about an odd axis, k flipped. */
    private static Geometry obliqueLeftHanded() {
        Matrix3 rotation = NiftiGeometry.rotationOf(0.2, -0.3, 0.4);
        return new Geometry(new Vec3(-120.5, 33.25, 80), rotation.scaleColumns(new Vec3(1, 1, -1)), new Vec3(0.7, 0.9, 3.3));
    }

    private static Volume ramp(VoxelType type, Geometry geometry) {
        float[] values = new float[4 * 3 * 2];
        for (int n = 0; n < values.length; n++) {
            values[n] = n * 10;
        }
        return new Volume(4, 3, 2, values, type, geometry);
    }

    @Test
    void headerHasTheFixedFieldsOfASingleFileNifti() throws Exception {
        Path file = tempDir.resolve("ramp.nii");
        NiftiWriter.write(ramp(VoxelType.INT16, obliqueLeftHanded()), file,
                NiftiWriter.Options.DEFAULTS.withXformCode(XformCode.ALIGNED_ANAT));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(bytes).hasSize(352 + 24 * 2);
        assertThat(h.getInt(0)).isEqualTo(348);
        assertThat(h.getFloat(108)).isEqualTo(352f);
        assertThat(new String(bytes, 344, 4, StandardCharsets.US_ASCII)).isEqualTo("n+1\0");
        assertThat(h.getShort(70)).isEqualTo((short) 4);
        assertThat(h.getShort(72)).isEqualTo((short) 16);
        assertThat(h.getShort(252)).isEqualTo((short) 2);
        assertThat(h.getShort(254)).isEqualTo((short) 2);
        assertThat(bytes[123]).isEqualTo((byte) 2); // mm
        assertThat(h.getFloat(76)).as("qfac of a left-handed grid").isEqualTo(-1f);
        assertThat(h.getInt(348)).as("no extensions").isZero();
        assertThat(h.getShort(352 + 2 * 23)).isEqualTo((short) 230);
    }

    @Test
    void leftHandedObliqueGeometrySurvivesThroughQformAlone() throws Exception {
        Volume volume = ramp(VoxelType.FLOAT32, obliqueLeftHanded());
        Path file = tempDir.resolve("oblique.nii.gz");
        NiftiWriter.write(volume, file);
        NiftiHeader header = NiftiReader.readHeader(file);

        Geometry fromQform = NiftiGeometry.toGeometry(NiftiHeaders.withCodes(header, 1, 0));
        Geometry fromSform = NiftiGeometry.toGeometry(header);
        assertThat(fromQform.isCloseTo(volume.geometry(), 1e-5)).as("%s", fromQform).isTrue();
        assertThat(fromSform.isCloseTo(volume.geometry(), 1e-5)).as("%s", fromSform).isTrue();
    }

    @Test
    void shearedGeometryKeepsExactSformAndNearestRotationInQform() throws Exception {
        Vec3 tilted = new Vec3(0, Math.sin(0.3), Math.cos(0.3)); // a 17-degree gantry tilt
        Geometry sheared = new Geometry(new Vec3(10, 20, 30), Matrix3.ofColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), tilted),
                new Vec3(0.5, 0.5, 2.5));
        Path file = tempDir.resolve("sheared.nii");
        NiftiWriter.write(ramp(VoxelType.INT16, sheared), file);
        Volume reread = NiftiReader.read(file);
        NiftiHeader header = NiftiReader.readHeader(file);

        assertThat(reread.geometry().isCloseTo(sheared, 1e-6)).isTrue();
        Geometry fromQform = NiftiGeometry.toGeometry(NiftiHeaders.withCodes(header, 1, 0));
        assertThat(fromQform.direction().isOrthonormal(1e-6)).isTrue();
        assertThat(fromQform.direction().column(2).dot(tilted)).as("nearest rotation stays close to the tilted axis")
                .isGreaterThan(Math.cos(0.3) - 1e-9);
    }

    @Test
    void integerValuesAreRoundedToNearest() throws Exception {
        Volume volume = new Volume(4, 1, 1, new float[] {1.4f, 1.6f, -2.6f, 254.5f}, VoxelType.INT16, Geometry.identity());
        Path file = tempDir.resolve("rounded.nii");
        NiftiWriter.write(volume, file);
        assertThat(NiftiReader.read(file).data()).containsExactly(1f, 2f, -3f, 254f);
    }

    @Test
    void valueOutsideTheTypeIsRefusedAndNoFileIsLeft() {
        Volume volume = new Volume(2, 2, 1, new float[] {0, 255, 256, 3}, VoxelType.UINT8, Geometry.identity());
        Path file = tempDir.resolve("overflow.nii.gz");

        assertThatThrownBy(() -> NiftiWriter.write(volume, file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("overflow.nii.gz")
                .hasMessageContaining("voxel (0, 1, 0) is 256.0")
                .hasMessageContaining("FLOAT32");
        assertThat(tempDir.toFile().list()).isEmpty();
    }

    @Test
    void nanIsRefusedForIntegerTypes() {
        Volume volume = new Volume(1, 1, 1, new float[] {Float.NaN}, VoxelType.INT32, Geometry.identity());
        assertThatThrownBy(() -> NiftiWriter.write(volume, tempDir.resolve("nan.nii")))
                .isInstanceOf(NiftiException.class).hasMessageContaining("NaN");
    }

    @Test
    void gzipNameGivesACompressedFile() throws Exception {
        Path file = tempDir.resolve("ramp.nii.gz");
        NiftiWriter.write(ramp(VoxelType.UINT8, Geometry.identity()), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xFF).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x8b);
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(in.readAllBytes()).hasSize(352 + 24);
        }
    }

    @Test
    void descriptionIsAsciiAndBounded() throws IOException, NiftiException {
        Path file = tempDir.resolve("described.nii");
        NiftiWriter.write(ramp(VoxelType.UINT8, Geometry.identity()), file,
                new NiftiWriter.Options(ByteOrder.BIG_ENDIAN, XformCode.SCANNER_ANAT, "Résumé " + "x".repeat(200)));
        NiftiHeader header = NiftiReader.readHeader(file);
        assertThat(header.description()).startsWith("R?sum? xxx").hasSize(79);
        assertThat(header.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}
