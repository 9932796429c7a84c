package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;

/**
 * 4D NIfTI (a time series such as a heart through the cardiac cycle): a real 3D MR image made into three frames (as it is,
 * voxel order reversed, as it is again) must come back as three volumes with those values and the 3D file's geometry,
 * while {@link NiftiReader#read} keeps refusing 4D files.
 */
class NiftiTimeSeriesTest {
    private static final String SOURCE = "hippocampus/imagesTr/hippocampus_190.nii.gz";

    @TempDir
    static Path temp;
    private static byte[] header;
    private static byte[] voxels;
    private static int voxelBytes;
    private static Volume original;

    @BeforeAll
    static void readSource() throws Exception {
        byte[] file;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.data(SOURCE)))) {
            file = in.readAllBytes();
        }
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buffer.getInt(0)).isEqualTo(NiftiHeader.HEADER_SIZE);
        int offset = (int) buffer.getFloat(108);
        voxelBytes = buffer.getShort(72) / 8;
        header = Arrays.copyOf(file, offset);
        voxels = Arrays.copyOfRange(file, offset, file.length);
        original = NiftiReader.read(TestData.data(SOURCE));
        assertThat(voxels.length).isEqualTo(original.voxelCount() * voxelBytes);
    }

    @Test
    void everyFrameOfAFourDimensionalFileIsReadInTimeOrder() throws Exception {
        for (String name : List.of("cine.nii", "cine.nii.gz")) {
            Path file = write(name, fourDimensional(3), voxels, reversed(voxels), voxels);
            List<Volume> frames = NiftiReader.readFrames(file);
            assertThat(frames).hasSize(3);
            float[] expected = original.data();
            float[] backwards = new float[expected.length];
            for (int v = 0; v < expected.length; v++) {
                backwards[v] = expected[expected.length - 1 - v];
            }
            assertThat(frames.get(0).data()).isEqualTo(expected);
            assertThat(frames.get(1).data()).isEqualTo(backwards);
            assertThat(frames.get(2).data()).isEqualTo(expected);
            for (Volume frame : frames) {
                assertThat(frame.sameGeometry(original, 0)).isTrue();
                assertThat(frame.voxelType()).isEqualTo(original.voxelType());
            }
        }
    }

    @Test
    void aThreeDimensionalFileIsOneFrame() throws Exception {
        List<Volume> frames = NiftiReader.readFrames(TestData.data(SOURCE));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).data()).isEqualTo(original.data());
        assertThat(frames.get(0).sameGeometry(original, 0)).isTrue();
    }

    @Test
    void readStillRefusesATimeSeriesAndPointsToReadFrames() throws Exception {
        Path file = write("cine.nii", fourDimensional(2), voxels, voxels);
        assertThatThrownBy(() -> NiftiReader.read(file)).isInstanceOf(NiftiException.class)
                .hasMessageContaining("dim[4] is 2").hasMessageContaining("readFrames");
    }

    @Test
    void aTruncatedLastFrameIsRefusedNamingTheFrameCount() throws Exception {
        byte[] cut = Arrays.copyOf(voxels, voxels.length / 2);
        Path plain = write("cut.nii", fourDimensional(2), voxels, cut);
        assertThatThrownBy(() -> NiftiReader.readFrames(plain)).isInstanceOf(NiftiException.class)
                .hasMessageContaining("truncated").hasMessageContaining(" x 2 ");
        Path gzip = write("cut.nii.gz", fourDimensional(2), voxels, cut);
        assertThatThrownBy(() -> NiftiReader.readFrames(gzip)).isInstanceOf(NiftiException.class)
                .hasMessageContaining("ends after " + (voxels.length + cut.length) + " bytes");
    }

    @Test
    void aDataLimitCountsEveryFrame() throws Exception {
        Path file = write("cine.nii", fourDimensional(3), voxels, voxels, voxels);
        assertThatThrownBy(() -> NiftiReader.readFrames(file, 2L * voxels.length)).isInstanceOf(NiftiException.class)
                .hasMessageContaining(3L * voxels.length + " bytes");
        assertThat(NiftiReader.readFrames(file, 3L * voxels.length)).hasSize(3);
    }

    @Test
    void vectorImagesAreStillRefused() throws Exception {
        byte[] vector = fourDimensional(1);
        ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN).putShort(40, (short) 5).putShort(50, (short) 3);
        Path file = write("vector.nii", vector, voxels, voxels, voxels);
        assertThatThrownBy(() -> NiftiReader.readFrames(file)).isInstanceOf(NiftiException.class)
                .hasMessageContaining("dim[5] is 3");
    }

    /** The source header made 4D with {@code frames} frames 0.04 s apart. */
    private static byte[] fourDimensional(int frames) {
        byte[] copy = header.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(40, (short) 4).putShort(48, (short) frames).putFloat(76 + 4 * 4, 0.04f);
        return copy;
    }

    private static byte[] reversed(byte[] data) {
        byte[] out = new byte[data.length];
        int count = data.length / voxelBytes;
        for (int v = 0; v < count; v++) {
            System.arraycopy(data, v * voxelBytes, out, (count - 1 - v) * voxelBytes, voxelBytes);
        }
        return out;
    }

    private static Path write(String name, byte[] head, byte[]... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head);
        for (byte[] frame : frames) {
            bytes.write(frame);
        }
        Path file = temp.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
        return file;
    }
}
