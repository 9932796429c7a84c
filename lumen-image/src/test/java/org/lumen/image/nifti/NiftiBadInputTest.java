package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;

/** Broken and hostile files: each must give a NiftiException that names the file and the fault, never an OOM. */
class NiftiBadInputTest {
    @TempDir
    Path tempDir;

    /** A valid single-file header for a uint8 image of the given size, to be spoiled by each test. */
    private static ByteBuffer header(int nx, int ny, int nz) {
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dim = {3, (short) nx, (short) ny, (short) nz, 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, (short) 2);
        h.putShort(72, (short) 8);
        for (int i = 0; i < 4; i++) {
            h.putFloat(76 + 4 * i, 1f);
        }
        h.putFloat(108, 352f);
        h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        return h;
    }

    private Path file(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = tempDir.resolve(name);
        if (name.endsWith(".gz")) {
            try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes.toByteArray());
            }
        } else {
            Files.write(file, bytes.toByteArray());
        }
        return file;
    }

    private static long allocatedBytesDuring(ThrowingCallable action) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            action.call();
        } catch (Throwable expected) {
            // the caller asserts on the exception separately
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void validHeaderOfTheseTestsReads() throws Exception {
        Path file = file("ok.nii", header(2, 2, 2).array(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(NiftiReader.read(file).get(1, 1, 1)).isEqualTo(8f);
    }

    @Test
    void truncatedUncompressedFileIsRefusedBeforeReading() throws Exception {
        Path file = file("short.nii", header(10, 10, 10).array(), new byte[999]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("short.nii")
                .hasMessageContaining("truncated")
                .hasMessageContaining("1352 bytes in all")
                .hasMessageContaining("has 1351 bytes");
    }

    @Test
    void truncatedRealGzipFileIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Path file = tempDir.resolve("cut.nii.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("cut.nii.gz")
                .hasMessageContaining("truncated");
    }

    @Test
    void gzipThatEndsCleanlyBeforeTheVoxelsDoIsRefused() throws Exception {
        Path file = file("few.nii.gz", header(4, 4, 4).array(), new byte[10]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("few.nii.gz")
                .hasMessageContaining("data ends after 10 bytes");
    }

    @Test
    void headerShorterThan348BytesIsRefused() throws Exception {
        Path file = file("stub.nii", Arrays.copyOf(header(1, 1, 1).array(), 200));
        assertThatThrownBy(() -> NiftiReader.readHeader(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("stub.nii")
                .hasMessageContaining("200 bytes");
    }

    @Test
    void wrongSizeofHdrIsRefused() throws Exception {
        Path file = file("odd.nii", header(1, 1, 1).putInt(0, 349).array(), new byte[1]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("odd.nii")
                .hasMessageContaining("sizeof_hdr is 349");
    }

    @Test
    void nifti2IsNamed() throws Exception {
        Path file = file("two.nii", header(1, 1, 1).putInt(0, 540).array(), new byte[1]);
        assertThatThrownBy(() -> NiftiReader.read(file)).isInstanceOf(NiftiException.class).hasMessageContaining("NIfTI-2");
    }

    @Test
    void aTrillionVoxelsAreRefusedWithoutAllocating() throws Exception {
        // 10000^3 = 10^12 voxels; the file itself is a few hundred bytes.
        Path plain = file("huge.nii", header(10000, 10000, 10000).array(), new byte[16]);
        Path gzip = file("huge.nii.gz", header(10000, 10000, 10000).array(), new byte[16]);
        for (Path file : new Path[] {plain, gzip}) {
            assertThatThrownBy(() -> NiftiReader.read(file))
                    .isInstanceOf(NiftiException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("10000 x 10000 x 10000")
                    .hasMessageContaining("1000000000000 voxels");
            assertThat(allocatedBytesDuring(() -> NiftiReader.read(file))).isLessThan(2L << 20);
        }
    }

    @Test
    void claimAboveTheByteLimitIsRefused() throws Exception {
        Path file = TestData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        assertThatThrownBy(() -> NiftiReader.read(file, 100))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("160 bytes of voxel data, above the limit of 100 bytes");
    }

    @Test
    void lyingGzipHeaderWithinLimitsAllocatesOnlyWhatArrives() throws Exception {
        // 400^3 float32 claims 256 MB; only 1 KB of voxels follows.
        ByteBuffer h = header(400, 400, 400);
        h.putShort(70, (short) 16).putShort(72, (short) 32);
        Path file = file("liar.nii.gz", h.array(), new byte[1024]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("data ends after 1024 bytes");
        assertThat(allocatedBytesDuring(() -> NiftiReader.read(file))).isLessThan(32L << 20);
    }

    @Test
    void unsupportedDatatypesAreNamed() throws Exception {
        Path rgb = file("rgb.nii", header(1, 1, 1).putShort(70, (short) 128).array(), new byte[3]);
        assertThatThrownBy(() -> NiftiReader.read(rgb))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("datatype 128 (rgb24) is not supported")
                .hasMessageContaining("uint8 (2)");
        Path unknown = file("unknown.nii", header(1, 1, 1).putShort(70, (short) 3).array(), new byte[3]);
        assertThatThrownBy(() -> NiftiReader.read(unknown))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("datatype 3 is not a NIfTI-1 datatype code");
    }

    @Test
    void timeSeriesIsRefused() throws Exception {
        Path file = file("series.nii", header(2, 2, 2).putShort(40, (short) 4).putShort(48, (short) 5).array(), new byte[40]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("dim[4] is 5");
    }

    @Test
    void badDimensionsAreRefused() throws Exception {
        Path zero = file("zero.nii", header(2, 0, 2).array(), new byte[8]);
        assertThatThrownBy(() -> NiftiReader.read(zero)).isInstanceOf(NiftiException.class).hasMessageContaining("dim[2] is 0");
        Path rank = file("rank.nii", header(2, 2, 2).putShort(40, (short) 9).array(), new byte[8]);
        assertThatThrownBy(() -> NiftiReader.read(rank)).isInstanceOf(NiftiException.class).hasMessageContaining("dim[0] is 9");
    }

    @Test
    void badMagicAndOffsetAreRefused() throws Exception {
        Path analyze = file("analyze.nii", header(1, 1, 1).put(344, (byte) 0).put(345, (byte) 0).put(346, (byte) 0).array(),
                new byte[1]);
        assertThatThrownBy(() -> NiftiReader.read(analyze)).isInstanceOf(NiftiException.class).hasMessageContaining("ANALYZE");
        Path inside = file("inside.nii", header(1, 1, 1).putFloat(108, 100f).array(), new byte[1]);
        assertThatThrownBy(() -> NiftiReader.read(inside))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("vox_offset 100.0 points into the header");
    }

    @Test
    void unplaceableGeometryIsRefused() throws Exception {
        ByteBuffer h = header(1, 1, 1);
        h.putShort(252, (short) 1).putFloat(256, Float.NaN);
        Path file = file("nan.nii", h.array(), new byte[1]);
        assertThatThrownBy(() -> NiftiReader.read(file))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("cannot place the image in space from its QFORM fields");
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> NiftiReader.read(tempDir.resolve("absent.nii")))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("absent.nii");
        ByteBuffer h = header(1, 1, 1);
        h.put(345, (byte) 'i');
        Path lonely = file("lonely.hdr", Arrays.copyOf(h.array(), 348));
        assertThatThrownBy(() -> NiftiReader.read(lonely))
                .isInstanceOf(NiftiException.class)
                .hasMessageContaining("lonely.img")
                .hasMessageContaining("other half");
    }
}
